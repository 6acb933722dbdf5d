import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { type DomainSettings, domainSettingsSchema } from './domain/settings';
import { CustodyError, type ErrorIssue } from './errors';

/**
 * Process configuration, read from the environment and overridable by an
 * object (tests, CLI flags). Each setting is declared once below with its
 * variable name, what it expects and its default; a bad value fails start-up
 * with a message naming the variable and what was expected. Add settings by
 * adding entries to `settings` and a field to `Config`.
 */

export type StoreConfig =
  /** The embedded SQLite store; `path` may be `:memory:`. */
  | { readonly kind: 'embedded'; readonly path: string }
  | {
      readonly kind: 'eventstoredb';
      readonly connectionString: string;
      /** Local SQLite file for read models, since the log lives on the server. */
      readonly projectionsPath: string;
    };

export interface Config {
  readonly store: StoreConfig;
  readonly http: { readonly port: number; readonly host: string };
  /** `undefined` leaves the choice to the logger (silent under test, else info). */
  readonly logLevel: LogLevel | undefined;
  /** Business settings: holding cap, age limit, pool policy, strength model. */
  readonly domain: DomainSettings;
}

export type LogLevel = z.infer<typeof logLevelSchema>;
const logLevelSchema = z.enum([
  'fatal',
  'error',
  'warn',
  'info',
  'debug',
  'trace',
  'silent',
]);

interface Setting<T> {
  readonly env: string;
  readonly expected: string;
  readonly schema: z.ZodType<T>;
  readonly fallback: T;
}

const esdbPattern =
  /^esdb(\+discover)?:\/\/([^@/?\s]+@)?[^@/?\s,]+(,[^@/?\s,]+)*\/?(\?[^\s]*)?$/;
const schemePattern = /^[a-z][a-z0-9+.-]*:\/\//i;

/** A connection string, `:memory:`, or a file path (anything without a URL scheme). */
const storeSchema = z
  .string()
  .refine(
    (value) =>
      esdbPattern.test(value) || (!schemePattern.test(value) && !value.includes('\0')),
  );

/** The value type of every setting; `settings` declares how each is read. */
interface SettingValues {
  readonly store: string;
  readonly projectionsDb: string;
  readonly port: number;
  readonly host: string;
  readonly logLevel: LogLevel | undefined;
  readonly settingsFile: string | undefined;
}

const settings: { readonly [K in keyof SettingValues]: Setting<SettingValues[K]> } = {
  store: {
    env: 'CUSTODY_STORE',
    expected:
      'a file path, ":memory:", or an esdb:// or esdb+discover:// connection string',
    schema: storeSchema,
    fallback: './data/custody.db',
  },
  projectionsDb: {
    env: 'CUSTODY_PROJECTIONS_DB',
    expected: 'a file path for the read-model database',
    schema: z
      .string()
      .refine((value) => !schemePattern.test(value) && !value.includes('\0')),
    fallback: './data/custody-projections.db',
  },
  port: {
    env: 'PORT',
    expected: 'a TCP port number from 0 to 65535',
    schema: z.coerce.number().int().min(0).max(65_535),
    fallback: 3000,
  },
  host: {
    env: 'HOST',
    expected: 'a host name or IP address to listen on',
    schema: z.string().regex(/^[A-Za-z0-9.:[\]_-]+$/),
    fallback: '0.0.0.0',
  },
  logLevel: {
    env: 'LOG_LEVEL',
    expected: `one of ${logLevelSchema.options.join(', ')}`,
    schema: logLevelSchema.optional(),
    fallback: undefined,
  },
  settingsFile: {
    env: 'CUSTODY_SETTINGS',
    expected: 'the path of a JSON file of business settings',
    schema: z.string().optional(),
    fallback: undefined,
  },
};

/**
 * Reads the business settings file: any subset of `DomainSettings` (see
 * src/domain/settings.ts), the rest taking the defaults of the product brief.
 */
const readDomainSettings = (
  file: string | undefined,
  issues: ErrorIssue[],
): DomainSettings => {
  if (file === undefined) return domainSettingsSchema.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    issues.push({
      path: 'CUSTODY_SETTINGS',
      message: `CUSTODY_SETTINGS: expected a readable JSON file, ${file}: ${reason}`,
    });
    return domainSettingsSchema.parse({});
  }
  const parsed = domainSettingsSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    issues.push({
      path: `CUSTODY_SETTINGS.${field}`,
      message: `CUSTODY_SETTINGS: ${file}: ${field || '(root)'}: ${issue.message}`,
    });
  }
  return domainSettingsSchema.parse({});
};

/** Values that win over the environment, keyed like `settings`. */
export type ConfigOverrides = { readonly [K in keyof SettingValues]?: string | number };

export const loadConfig = (
  env: NodeJS.ProcessEnv = process.env,
  overrides: ConfigOverrides = {},
): Config => {
  const issues: ErrorIssue[] = [];
  const read = <K extends keyof SettingValues>(key: K): SettingValues[K] => {
    const setting: Setting<SettingValues[K]> = settings[key];
    const raw = overrides[key] ?? env[setting.env];
    // An empty variable (`PORT=` in a compose file) counts as unset.
    if (raw === undefined || raw === '') return setting.fallback;
    const parsed = setting.schema.safeParse(typeof raw === 'string' ? raw.trim() : raw);
    if (parsed.success) return parsed.data;
    issues.push({
      path: setting.env,
      message: `${setting.env}: expected ${setting.expected}, got ${JSON.stringify(raw)}`,
    });
    return setting.fallback;
  };

  const store = read('store');
  const projectionsDb = read('projectionsDb');
  const config: Config = {
    store: esdbPattern.test(store)
      ? { kind: 'eventstoredb', connectionString: store, projectionsPath: projectionsDb }
      : { kind: 'embedded', path: store },
    http: { port: read('port'), host: read('host') },
    logLevel: read('logLevel'),
    domain: readDomainSettings(read('settingsFile'), issues),
  };

  const [first] = issues;
  if (first !== undefined) {
    throw new CustodyError(
      'validation',
      'config.invalid',
      issues.map((issue) => issue.message).join('; '),
      { path: first.path, issues },
    );
  }
  return config;
};
