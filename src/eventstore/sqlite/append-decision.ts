import type { CustodyError } from '../../errors';
import { ConcurrencyError } from '../errors';
import type { ExpectedRevision } from '../port';
import { DuplicateEventIdError } from './errors';

/** Where an event id of the batch is already stored, if anywhere. */
export interface StoredId {
  readonly id: string;
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
}

export type AppendDecision =
  | { readonly kind: 'write' }
  /** Every id is stored already, as this very batch: answer as the first time. */
  | {
      readonly kind: 'already-written';
      readonly revision: number;
      readonly position: number;
    }
  | { readonly kind: 'refused'; readonly error: CustodyError };

/**
 * Decides an append from the stream's current revision and where the batch's
 * ids are already stored, following EventStoreDB's rules.
 *
 * The embedded store is stricter than EventStoreDB: the server remembers
 * recent ids in a best-effort cache, while this store keeps a unique index
 * over every id ever written, so a retried batch is recognised no matter how
 * old it is, and an id can never be stored twice.
 */
export const decideAppend = (
  stream: string,
  expected: ExpectedRevision,
  current: number | undefined,
  stored: readonly (StoredId | undefined)[],
): AppendDecision => {
  const found = stored.filter((entry): entry is StoredId => entry !== undefined);
  if (found.length === 0) return checkExpected(stream, expected, current);

  const elsewhere = found.find((entry) => entry.stream !== stream);
  if (elsewhere) {
    return {
      kind: 'refused',
      error: new DuplicateEventIdError(elsewhere.id, stream, elsewhere.stream),
    };
  }
  const refused = {
    kind: 'refused',
    error: new ConcurrencyError(stream, expected, current),
  };
  if (found.length !== stored.length) return refused as AppendDecision;

  // The whole batch is stored: it is a retry only if it sits there as one run,
  // in order, right where the expected revision says the first attempt went.
  const first = found[0]!.revision;
  const contiguous = found.every((entry, index) => entry.revision === first + index);
  const sameStart =
    expected === 'any' ||
    expected === 'stream_exists' ||
    (expected === 'no_stream' ? first === 0 : first === expected + 1);
  if (!contiguous || !sameStart) return refused as AppendDecision;
  const last = found.at(-1)!;
  return { kind: 'already-written', revision: last.revision, position: last.position };
};

/** Whether a stream at `current` (undefined: no stream) is where the writer expects. */
export const expectationHolds = (
  expected: ExpectedRevision,
  current: number | undefined,
): boolean =>
  expected === 'any' ||
  (expected === 'no_stream' && current === undefined) ||
  (expected === 'stream_exists' && current !== undefined) ||
  expected === current;

const checkExpected = (
  stream: string,
  expected: ExpectedRevision,
  current: number | undefined,
): AppendDecision =>
  expectationHolds(expected, current)
    ? { kind: 'write' }
    : { kind: 'refused', error: new ConcurrencyError(stream, expected, current) };
