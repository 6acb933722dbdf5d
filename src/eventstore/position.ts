import { CustodyError } from '../errors';
import type { Position } from './port';

/** Negative when `a` is before `b`, zero when equal, positive when after. */
export const comparePositions = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

export const positionOf = (sequence: bigint | number): Position => {
  const value = BigInt(sequence);
  return { commit: value, prepare: value };
};

/**
 * The text form used in checkpoints, HTTP headers and CLI output:
 * `<commit>.<prepare>`, or just `<commit>` when both are equal (always so in
 * the embedded store).
 */
export const formatPosition = (position: Position): string =>
  position.commit === position.prepare
    ? position.commit.toString()
    : `${position.commit}.${position.prepare}`;

const positionPattern = /^(\d{1,20})(?:\.(\d{1,20}))?$/;

export const parsePosition = (text: string, path = 'position'): Position => {
  const match = positionPattern.exec(text.trim());
  if (!match) {
    throw new CustodyError(
      'validation',
      'position.invalid',
      `Expected a position such as "42" or "1024.1024", got "${text}"`,
      { path },
    );
  }
  const commit = BigInt(match[1]!);
  const prepare = match[2] === undefined ? commit : BigInt(match[2]);
  return { commit, prepare };
};
