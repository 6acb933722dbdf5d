import { isoOf } from '../../../projections/definition';
import { type LedgerEvent, toLedgerEvent } from '../../domain/events/catalogue';
import { stream } from '../../domain/events/primitives';
import { CustodyError } from '../../errors';
import { StreamNotFoundError } from '../../eventstore/errors';
import type { EventStore } from '../../eventstore/port';
import {
  comparePositions,
  formatPosition,
  parsePosition,
} from '../../eventstore/position';
import type { ReadModels } from '../read-models';
import { toCsv } from './csv';
import { type InstantQuery, visibleChanges } from './ownership-history';

/** Entries recorded more than this after they happened are flagged as late. */
export const defaultLateAfterMs = 24 * 60 * 60 * 1000;

export interface AuditEntry {
  readonly position: string;
  readonly revision: number;
  readonly type: string;
  readonly actorId: string | null;
  readonly actorRole: string | null;
  readonly source: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly lateRecorded: boolean;
  readonly data: unknown;
}

export const auditEntryOf = (event: LedgerEvent, lateAfterMs: number): AuditEntry => {
  const occurredAt = Date.parse(event.data.occurredAt);
  const recordedAt = Date.parse(event.metadata.recordedAt);
  return {
    position: formatPosition(event.position),
    revision: event.revision,
    type: event.type,
    actorId: event.metadata.actorId,
    actorRole: event.metadata.actorRole,
    source: event.metadata.source,
    occurredAt: isoOf(occurredAt),
    recordedAt: isoOf(recordedAt),
    lateRecorded: recordedAt - occurredAt > lateAfterMs,
    data: event.data,
  };
};

/** The client's stream as ledger events, or `client.not-found`. */
export const readClientEvents = async (
  store: EventStore,
  clientId: string,
): Promise<LedgerEvent[]> => {
  try {
    const recorded = await store.readStream(stream.client(clientId));
    return recorded.flatMap((event) => toLedgerEvent(event) ?? []);
  } catch (error) {
    if (error instanceof StreamNotFoundError) {
      throw new CustodyError('not-found', 'client.not-found', `No client ${clientId}`, {
        path: 'params.clientId',
      });
    }
    throw error;
  }
};

/** Every event of the client, read from the log itself, with actor and late flag. */
export const clientAuditTrail = async (
  store: EventStore,
  clientId: string,
  lateAfterMs = defaultLateAfterMs,
): Promise<AuditEntry[]> =>
  (await readClientEvents(store, clientId)).map((event) =>
    auditEntryOf(event, lateAfterMs),
  );

export const auditCsvColumns = [
  'position',
  'revision',
  'type',
  'actorId',
  'actorRole',
  'source',
  'occurredAt',
  'recordedAt',
  'lateRecorded',
  'data',
] as const;

export const auditTrailCsv = (entries: readonly AuditEntry[]): string =>
  toCsv(
    auditCsvColumns,
    entries.map((entry) => [
      entry.position,
      entry.revision,
      entry.type,
      entry.actorId,
      entry.actorRole,
      entry.source,
      entry.occurredAt,
      entry.recordedAt,
      entry.lateRecorded,
      JSON.stringify(entry.data),
    ]),
  );

export interface OwnershipChangeEntry {
  readonly clientId: string;
  readonly clientName: string;
  readonly eventType: string;
  readonly fromOwnerId: string | null;
  readonly toOwnerId: string | null;
  readonly reason: string;
  readonly actorId: string | null;
  readonly approverId: string | null;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: string;
}

export interface OwnershipChangeFilter extends InstantQuery {
  readonly actor?: string;
  /** The person who lost or gained the client. */
  readonly person?: string;
  /** occurredAt range: `from` inclusive, `to` exclusive. */
  readonly from?: number;
  readonly to?: number;
}

/** The company-wide feed of ownership changes, oldest first. */
export const ownershipChanges = (
  models: ReadModels,
  filter: OwnershipChangeFilter = {},
): OwnershipChangeEntry[] => {
  const found: { entry: OwnershipChangeEntry; at: number }[] = [];
  for (const history of models.allOwnershipHistories()) {
    const clientName = models.client(history.clientId)?.name ?? '';
    for (const change of visibleChanges(history.changes, filter)) {
      if (filter.actor !== undefined && change.actorId !== filter.actor) continue;
      if (
        filter.person !== undefined &&
        change.ownerId !== filter.person &&
        change.previousOwnerId !== filter.person
      ) {
        continue;
      }
      if (filter.from !== undefined && change.occurredAt < filter.from) continue;
      if (filter.to !== undefined && change.occurredAt >= filter.to) continue;
      found.push({
        at: change.occurredAt,
        entry: {
          clientId: history.clientId,
          clientName,
          eventType: change.eventType,
          fromOwnerId: change.previousOwnerId,
          toOwnerId: change.ownerId,
          reason: change.reason,
          actorId: change.actorId,
          approverId: change.approverId,
          occurredAt: isoOf(change.occurredAt),
          recordedAt: isoOf(change.recordedAt),
          position: change.position,
        },
      });
    }
  }
  found.sort(
    (a, b) =>
      a.at - b.at ||
      comparePositions(parsePosition(a.entry.position), parsePosition(b.entry.position)),
  );
  return found.map(({ entry }) => entry);
};

export const ownershipChangeColumns = [
  'occurredAt',
  'recordedAt',
  'clientId',
  'clientName',
  'eventType',
  'fromOwnerId',
  'toOwnerId',
  'reason',
  'actorId',
  'approverId',
  'position',
] as const;

export const ownershipChangesCsv = (entries: readonly OwnershipChangeEntry[]): string =>
  toCsv(
    ownershipChangeColumns,
    entries.map((entry) => ownershipChangeColumns.map((column) => entry[column])),
  );
