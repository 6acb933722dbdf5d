import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { CliIo } from './io';

/** Where an export goes: a file (`--out`) or standard output. */
export interface Output {
  write(text: string): Promise<void>;
  close(): Promise<void>;
}

export const openOutput = (path: string | undefined, io: CliIo): Output => {
  if (path === undefined) {
    return { write: async (text) => io.out(text), close: async () => {} };
  }
  const stream = createWriteStream(path, { encoding: 'utf8' });
  const failed = once(stream, 'error').then(([error]) => {
    throw error;
  });
  failed.catch(() => {});
  return {
    write: async (text) => {
      if (!stream.write(text)) await Promise.race([once(stream, 'drain'), failed]);
    },
    close: async () => {
      stream.end();
      await Promise.race([once(stream, 'finish'), failed]);
    },
  };
};
