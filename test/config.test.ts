import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config';
import { defaultDomainSettings } from '../src/domain/settings';
import { CustodyError } from '../src/errors';

const failure = (run: () => unknown): CustodyError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CustodyError) return error;
    throw error;
  }
  throw new Error('expected loadConfig to fail');
};

describe('loadConfig', () => {
  it('runs the embedded store on a local file by default', () => {
    expect(loadConfig({})).toEqual({
      store: { kind: 'embedded', path: './data/custody.db' },
      http: { port: 3000, host: '0.0.0.0' },
      logLevel: undefined,
      domain: defaultDomainSettings,
    });
  });

  it('accepts a file path or :memory: for the embedded store', () => {
    expect(loadConfig({ CUSTODY_STORE: '/var/lib/custody/log.db' }).store).toEqual({
      kind: 'embedded',
      path: '/var/lib/custody/log.db',
    });
    expect(loadConfig({ CUSTODY_STORE: ':memory:' }).store).toEqual({
      kind: 'embedded',
      path: ':memory:',
    });
  });

  it('selects EventStoreDB for esdb:// and esdb+discover:// connection strings', () => {
    const single = loadConfig({ CUSTODY_STORE: 'esdb://localhost:2113?tls=false' });
    expect(single.store).toEqual({
      kind: 'eventstoredb',
      connectionString: 'esdb://localhost:2113?tls=false',
      projectionsPath: './data/custody-projections.db',
    });

    const cluster =
      'esdb+discover://admin:changeit@n1:2113,n2:2113,n3:2113?tls=false&nodePreference=leader';
    const config = loadConfig({
      CUSTODY_STORE: cluster,
      CUSTODY_PROJECTIONS_DB: '/data/rm.db',
    });
    expect(config.store).toEqual({
      kind: 'eventstoredb',
      connectionString: cluster,
      projectionsPath: '/data/rm.db',
    });
  });

  it('reads the HTTP listener and the log level', () => {
    const config = loadConfig({ PORT: '8080', HOST: '127.0.0.1', LOG_LEVEL: 'debug' });
    expect(config.http).toEqual({ port: 8080, host: '127.0.0.1' });
    expect(config.logLevel).toBe('debug');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', CUSTODY_STORE: '', LOG_LEVEL: '' })).toEqual(
      loadConfig({}),
    );
  });

  it('lets overrides win over the environment', () => {
    const config = loadConfig(
      { CUSTODY_STORE: 'esdb://localhost:2113?tls=false', PORT: '8080' },
      { store: ':memory:', port: 0 },
    );
    expect(config.store).toEqual({ kind: 'embedded', path: ':memory:' });
    expect(config.http.port).toBe(0);
  });

  it('names the setting and what it expects when the store is not understood', () => {
    const error = failure(() => loadConfig({ CUSTODY_STORE: 'http://x' }));
    expect(error).toMatchObject({ kind: 'validation', code: 'config.invalid' });
    expect(error.path).toBe('CUSTODY_STORE');
    expect(error.message).toMatch(
      /^CUSTODY_STORE: expected .*esdb:\/\/.*, got "http:\/\/x"$/,
    );
  });

  it.each([
    ['esdb:// without a host', { CUSTODY_STORE: 'esdb://' }, 'CUSTODY_STORE'],
    ['a port that is not a number', { PORT: 'eighty' }, 'PORT'],
    ['a port out of range', { PORT: '70000' }, 'PORT'],
    ['a fractional port', { PORT: '80.5' }, 'PORT'],
    ['an unknown log level', { LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
    [
      'a URL for the projections file',
      { CUSTODY_PROJECTIONS_DB: 'https://x/db' },
      'CUSTODY_PROJECTIONS_DB',
    ],
    ['a host with spaces', { HOST: 'my host' }, 'HOST'],
  ])('refuses %s', (_name, env, variable) => {
    const error = failure(() => loadConfig(env));
    expect(error.code).toBe('config.invalid');
    expect(error.path).toBe(variable);
    expect(error.message).toContain(`${variable}: expected `);
  });

  it('reports every bad setting at once', () => {
    const error = failure(() => loadConfig({ PORT: 'x', LOG_LEVEL: 'loud' }));
    expect(error.issues.map((issue) => issue.path)).toEqual(['PORT', 'LOG_LEVEL']);
    expect(error.message).toContain('PORT: expected');
    expect(error.message).toContain('LOG_LEVEL: expected');
  });

  it('reads process.env when given no environment', () => {
    const saved = process.env.PORT;
    process.env.PORT = '4321';
    try {
      expect(loadConfig().http.port).toBe(4321);
    } finally {
      if (saved === undefined) delete process.env.PORT;
      else process.env.PORT = saved;
    }
  });

  describe('business settings file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'custody-settings-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    const write = (content: string): string => {
      const file = join(dir, 'settings.json');
      writeFileSync(file, content);
      return file;
    };

    it('overrides only the settings the file names', () => {
      const file = write(
        JSON.stringify({
          holdingCap: 50,
          strength: { halfLifeDays: 30, weights: { visit: 6 } },
        }),
      );
      const { domain } = loadConfig({ CUSTODY_SETTINGS: file });
      expect(domain.holdingCap).toBe(50);
      expect(domain.strength.halfLifeDays).toBe(30);
      expect(domain.strength.weights).toEqual({
        ...defaultDomainSettings.strength.weights,
        visit: 6,
      });
      expect(domain.interactionMaxAgeDays).toBe(
        defaultDomainSettings.interactionMaxAgeDays,
      );
    });

    it('names the file and the field of a bad setting', () => {
      const file = write(JSON.stringify({ holdingCap: -1 }));
      const error = failure(() => loadConfig({ CUSTODY_SETTINGS: file }));
      expect(error.code).toBe('config.invalid');
      expect(error.path).toBe('CUSTODY_SETTINGS.holdingCap');
      expect(error.message).toContain(file);
    });

    it('refuses unknown settings and unreadable files', () => {
      const unknown = write(JSON.stringify({ holdingCapp: 5 }));
      expect(failure(() => loadConfig({ CUSTODY_SETTINGS: unknown })).code).toBe(
        'config.invalid',
      );
      const missing = join(dir, 'absent.json');
      expect(failure(() => loadConfig({ CUSTODY_SETTINGS: missing })).message).toContain(
        'CUSTODY_SETTINGS: expected a readable JSON file',
      );
    });
  });
});
