import type { Command } from 'commander';
import type { Logger } from '../log';
import type { CliIo } from './io';

export interface GlobalOptions {
  readonly store?: string;
  readonly verbose?: boolean;
}

/** What every subcommand gets: where to write, the global options, a logger. */
export interface CliContext {
  readonly io: CliIo;
  /** Reads the global options as seen by a subcommand. */
  globals(command: Command): GlobalOptions;
  /** A logger on stderr; `level` is the default when neither --verbose nor LOG_LEVEL is set. */
  logger(level?: string): Logger;
}
