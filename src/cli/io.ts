/**
 * Where a command writes: the process's streams in production, buffers in
 * tests. User-facing output goes here; logs go to the pino logger.
 */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** True when stdout is a terminal: progress bars only then. */
  readonly isTTY: boolean;
  readonly env: NodeJS.ProcessEnv;
}

export const processIo = (): CliIo => ({
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stdout.isTTY === true,
  env: process.env,
});

/** Collects output in memory, for tests. */
export const bufferIo = (env: NodeJS.ProcessEnv = {}) => {
  const chunks = { out: [] as string[], err: [] as string[] };
  const io: CliIo = {
    out: (text) => void chunks.out.push(text),
    err: (text) => void chunks.err.push(text),
    isTTY: false,
    env,
  };
  return {
    io,
    stdout: () => chunks.out.join(''),
    stderr: () => chunks.err.join(''),
  };
};
