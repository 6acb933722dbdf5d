import { Presets, SingleBar } from 'cli-progress';
import type { CliIo } from './io';

export interface Progress {
  start(total: number): void;
  tick(count?: number): void;
  /** Sets the value outright (for progress reported as a count so far). */
  update(value: number, total?: number): void;
  stop(): void;
}

const silent: Progress = {
  start: () => {},
  tick: () => {},
  update: () => {},
  stop: () => {},
};

/**
 * A progress bar on stderr, only when the output is a terminal: piped or
 * redirected runs (scripts, CI, tests) get none, so their output stays clean.
 */
export const createProgress = (io: CliIo, label: string): Progress => {
  if (!io.isTTY) return silent;
  const bar = new SingleBar(
    {
      format: `${label} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
      hideCursor: true,
      etaBuffer: 50,
      fps: 10,
      stream: process.stderr,
    },
    Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0),
    tick: (count = 1) => bar.increment(count),
    update: (value, total) => {
      if (total !== undefined) bar.setTotal(total);
      bar.update(value);
    },
    stop: () => bar.stop(),
  };
};
