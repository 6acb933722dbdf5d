import type { OwnershipChange } from '../../../projections';
import { isoOf } from '../../../projections/definition';
import type { ReadModels } from '../read-models';
import { requireClient } from './client-directory';

export interface OwnershipInterval {
  /** `null` while the client sat in the pool. */
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  /** Inclusive. */
  readonly from: string;
  /** Exclusive; `null` while the interval is still open. */
  readonly to: string | null;
  readonly reason: string;
  readonly eventType: string;
  readonly actorId: string | null;
  readonly approverId: string | null;
  readonly recordedAt: string | null;
  readonly position: string | null;
  readonly note: string | null;
}

export interface InstantQuery {
  /** Count what had happened by this instant (occurredAt). */
  readonly asOf?: number;
  /** Count only what the ledger had recorded by this instant (recordedAt). */
  readonly knownAt?: number;
}

/**
 * The changes visible under the query, in occurredAt order (recording order
 * among equal instants): known-at filters by recordedAt, as-of by occurredAt.
 */
export const visibleChanges = (
  changes: readonly OwnershipChange[],
  query: InstantQuery,
): OwnershipChange[] => {
  const asOf = query.asOf ?? query.knownAt;
  return changes
    .map((change, order) => ({ change, order }))
    .filter(
      ({ change }) =>
        (query.knownAt === undefined || change.recordedAt <= query.knownAt) &&
        (asOf === undefined || change.occurredAt <= asOf),
    )
    .sort((a, b) => a.change.occurredAt - b.change.occurredAt || a.order - b.order)
    .map(({ change }) => change);
};

/** Ownership as intervals `[from, to)`, starting in the pool at registration. */
export const ownershipIntervals = (
  models: ReadModels,
  clientId: string,
  query: InstantQuery = {},
): OwnershipInterval[] => {
  const client = requireClient(models, clientId);
  const changes = visibleChanges(models.ownershipHistory(clientId)?.changes ?? [], query);
  const intervals: OwnershipInterval[] = [];
  const first = changes[0];
  if (!first || first.occurredAt > client.registeredAt) {
    intervals.push({
      ownerId: null,
      ownerName: null,
      from: isoOf(client.registeredAt),
      to: first ? isoOf(first.occurredAt) : null,
      reason: 'registered',
      eventType: 'ClientRegistered',
      actorId: null,
      approverId: null,
      recordedAt: null,
      position: null,
      note: null,
    });
  }
  changes.forEach((change, index) => {
    const next = changes[index + 1];
    intervals.push({
      ownerId: change.ownerId,
      ownerName: models.personName(change.ownerId),
      from: isoOf(change.occurredAt),
      to: next ? isoOf(next.occurredAt) : null,
      reason: change.reason,
      eventType: change.eventType,
      actorId: change.actorId,
      approverId: change.approverId,
      recordedAt: isoOf(change.recordedAt),
      position: change.position,
      note: change.note,
    });
  });
  return intervals;
};

export interface OwnerAt {
  readonly clientId: string;
  readonly asOf: string | null;
  readonly knownAt: string | null;
  /** False when the client was registered after the instant asked about. */
  readonly registered: boolean;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  /** When the owner (or the pool) took the client, `null` before registration. */
  readonly since: string | null;
  readonly reason: string | null;
}

/** Who owned the client as of an instant, and/or as the ledger knew it then. */
export const ownerAt = (
  models: ReadModels,
  clientId: string,
  query: InstantQuery,
): OwnerAt => {
  const client = requireClient(models, clientId);
  const changes = visibleChanges(models.ownershipHistory(clientId)?.changes ?? [], query);
  const asOf = query.asOf ?? query.knownAt;
  const registered = asOf === undefined || client.registeredAt <= asOf;
  const last = changes.at(-1);
  return {
    clientId,
    asOf: asOf === undefined ? null : isoOf(asOf),
    knownAt: query.knownAt === undefined ? null : isoOf(query.knownAt),
    registered,
    ownerId: last?.ownerId ?? null,
    ownerName: models.personName(last?.ownerId ?? null),
    since: last ? isoOf(last.occurredAt) : registered ? isoOf(client.registeredAt) : null,
    reason: last?.reason ?? (registered ? 'registered' : null),
  };
};
