import { CommanderError } from 'commander';
import { isCustodyError } from '../errors';

/** What `custody` returns to the shell; scripts may branch on these. */
export const exitCodes = {
  ok: 0,
  /** Bad input, a missing file, a refused row: fix the input and run again. */
  userError: 1,
  /** The command line itself is wrong (unknown option, missing argument). */
  usage: 2,
  /** Anything else: the store cannot be reached, a bug. */
  failure: 3,
} as const;

export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

const userKinds = new Set([
  'validation',
  'not-found',
  'rule',
  'conflict',
  'precondition',
]);

export interface ClassifiedError {
  readonly exitCode: ExitCode;
  /** One line, without the `custody:` prefix. */
  readonly message: string;
}

const oneLine = (text: string): string => text.replace(/\s*\n\s*/g, ' ').trim();

/** Sorts an error into an exit code and a one-line reason for stderr. */
export const classifyError = (error: unknown): ClassifiedError => {
  if (error instanceof CommanderError) {
    const reason = oneLine(error.message).replace(/^error: /, '');
    return { exitCode: exitCodes.usage, message: `${reason} (see custody --help)` };
  }
  if (isCustodyError(error)) {
    const exitCode = userKinds.has(error.kind) ? exitCodes.userError : exitCodes.failure;
    return { exitCode, message: oneLine(error.message) };
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
    const path = (error as { path?: unknown }).path;
    const what =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : 'permission denied';
    return {
      exitCode: exitCodes.userError,
      message: typeof path === 'string' ? `${path}: ${what}` : what,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: exitCodes.failure,
    message: oneLine(message) || 'unexpected failure',
  };
};
