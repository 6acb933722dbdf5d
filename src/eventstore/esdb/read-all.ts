import {
  type AllStreamResolvedEvent,
  BACKWARDS,
  END,
  FORWARDS,
  type ReadPosition,
  START,
} from '@eventstore/db-client';
import type { Logger } from '../../log';
import type { Position, ReadAllOptions, RecordedEvent } from '../port';
import { comparePositions } from '../position';
import { type EsdbClient, stopReading } from './client';
import { isSystemEvent, toEsdbPosition, toRecordedEvent } from './mapping';
import { translateEsdbError } from './translate-error';

/**
 * The port's `readAll` over the client's. Two differences are bridged here:
 *
 * - `maxCount` counts Custody's events, while the client's counts every
 *   record including system ones; so the read is unbounded and stops itself.
 * - A start position is inclusive in both directions for the port. Reading
 *   forwards the server includes the record at the position too; reading
 *   backwards it starts strictly before it, so that record is fetched first.
 */
export async function* readAllEvents(
  client: Pick<EsdbClient, 'readAll'>,
  options: ReadAllOptions,
  logger: Logger,
): AsyncGenerator<RecordedEvent> {
  let remaining = options.maxCount ?? Number.POSITIVE_INFINITY;
  if (remaining <= 0) return;
  const backwards = options.direction === 'backwards';
  const from = options.fromPosition ?? (backwards ? 'end' : 'start');

  if (backwards && typeof from === 'object') {
    const first = await recordAt(client, from);
    if (first !== undefined) {
      const event = readable(first, logger);
      if (event !== undefined) {
        yield event;
        remaining -= 1;
        if (remaining <= 0) return;
      }
    }
  }

  for await (const resolved of readPage(client, backwards, from)) {
    const position = resolved.event?.position;
    // Should the server include the start record after all, it is not repeated.
    if (
      backwards &&
      typeof from === 'object' &&
      position &&
      samePosition(position, from)
    ) {
      continue;
    }
    const event = readable(resolved, logger);
    if (event === undefined) continue;
    yield event;
    remaining -= 1;
    if (remaining <= 0) return;
  }
}

/** The client's read as a translated, cancel-on-exit iterable. */
async function* readPage(
  client: Pick<EsdbClient, 'readAll'>,
  backwards: boolean,
  from: Position | 'start' | 'end',
): AsyncGenerator<AllStreamResolvedEvent> {
  const fromPosition: ReadPosition =
    from === 'start' ? START : from === 'end' ? END : toEsdbPosition(from);
  const read = client.readAll({
    direction: backwards ? BACKWARDS : FORWARDS,
    fromPosition,
  });
  let finished = false;
  try {
    for await (const resolved of read) yield resolved;
    finished = true;
  } catch (error) {
    throw translateEsdbError(error);
  } finally {
    if (!finished) await stopReading(read);
  }
}

const recordAt = async (
  client: Pick<EsdbClient, 'readAll'>,
  position: Position,
): Promise<AllStreamResolvedEvent | undefined> => {
  for await (const resolved of readPage(client, false, position)) {
    const found = resolved.event?.position;
    return found && samePosition(found, position) ? resolved : undefined;
  }
  return undefined;
};

const samePosition = (a: Position, b: Position): boolean => comparePositions(a, b) === 0;

/** Custody's events only: system records skipped, unreadable ones logged and skipped. */
const readable = (
  resolved: AllStreamResolvedEvent,
  logger: Logger,
): RecordedEvent | undefined => {
  if (isSystemEvent(resolved)) return undefined;
  try {
    return toRecordedEvent(resolved);
  } catch (error) {
    logger.warn({ err: error }, 'skipped an unreadable event in $all');
    return undefined;
  }
};
