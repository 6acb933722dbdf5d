import pino from 'pino';
import type { Logger } from '../log';

/**
 * The CLI's logger writes JSON lines to stderr, so that standard output
 * carries only what the command produces (an export, a report). Quiet unless
 * `--verbose` or LOG_LEVEL asks for more; `serve` logs at info.
 */
export const createCliLogger = (
  env: NodeJS.ProcessEnv,
  options: { readonly verbose?: boolean; readonly level?: string } = {},
): Logger =>
  pino(
    {
      level: options.verbose ? 'debug' : (env.LOG_LEVEL ?? options.level ?? 'warn'),
      base: { service: 'custody' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pino.destination(2),
  );

export const isDebug = (env: NodeJS.ProcessEnv, verbose: boolean | undefined): boolean =>
  verbose === true || env.LOG_LEVEL === 'debug' || env.LOG_LEVEL === 'trace';
