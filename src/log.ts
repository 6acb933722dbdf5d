import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Field names used across log lines, defined once so that a dashboard can
 * query `stream` or `position` without guessing spellings.
 */
export const logFields = {
  stream: 'stream',
  position: 'position',
  clientId: 'clientId',
  personId: 'personId',
  projection: 'projection',
  requestId: 'reqId',
  commandId: 'commandId',
} as const;

export interface LoggerOptions {
  readonly level?: string;
}

/**
 * The process logger: JSON lines on stdout. `LOG_LEVEL` overrides the level;
 * tests run silent unless they ask otherwise.
 */
export const createLogger = (options: LoggerOptions = {}): Logger =>
  pino({
    level:
      options.level ??
      process.env.LOG_LEVEL ??
      (process.env.NODE_ENV === 'test' || process.env.JEST_WORKER_ID ? 'silent' : 'info'),
    base: { service: 'custody' },
    timestamp: pino.stdTimeFunctions.isoTime,
  });

/** A logger that writes nothing, for library code used without one. */
export const silentLogger: Logger = pino({ level: 'silent' });
