import { BACKWARDS, END, type EventStoreDBClient } from '@eventstore/db-client';
import type { Position } from '../port';
import { fromEsdbPosition, isSystemEvent } from './mapping';

/**
 * The part of the client the adapter uses. Naming it lets the tests drive the
 * adapter's own logic (recovering positions, resubscribing) with a stand-in.
 */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'
>;

/**
 * Position of the last record in `$all`, reading backwards from the end.
 * With `skipSystem` it is the last of Custody's events (the port's head);
 * without, the last record of any kind (where a subscription is caught up).
 */
export const lastPosition = async (
  client: Pick<EsdbClient, 'readAll'>,
  options: { readonly skipSystem: boolean },
): Promise<Position | undefined> => {
  const read = client.readAll({
    direction: BACKWARDS,
    fromPosition: END,
    ...(options.skipSystem ? {} : { maxCount: 1 }),
  });
  for await (const resolved of read) {
    if (options.skipSystem && isSystemEvent(resolved)) continue;
    const position = resolved.event?.position;
    if (position === undefined) continue;
    await stopReading(read);
    return fromEsdbPosition(position);
  }
  return undefined;
};

/**
 * Ends a read the caller no longer needs. Leaving a loop early does not
 * cancel the gRPC call underneath, so it is cancelled here; a call that
 * never started has nothing to cancel.
 */
export const stopReading = async (read: { cancel(): Promise<void> }): Promise<void> => {
  await read.cancel().catch(() => undefined);
};
