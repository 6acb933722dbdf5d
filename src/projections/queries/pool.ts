import { isoOf } from '../../../projections/definition';
import type { ReadModels } from '../read-models';
import { compareText } from './compare-text';
import { isActive } from './dashboards';

export interface PoolEntry {
  readonly clientId: string;
  readonly name: string;
  readonly pooledSince: string | null;
  readonly previousOwnerId: string | null;
  readonly previousOwnerName: string | null;
  readonly locked: boolean;
}

/** Clients nobody owns, longest in the pool first. */
export const poolClients = (models: ReadModels): PoolEntry[] => {
  const found: { entry: PoolEntry; since: number }[] = [];
  for (const client of models.clients().values()) {
    if (client.ownerId !== null || !isActive(client)) continue;
    found.push({
      since: client.pooledSince ?? client.registeredAt,
      entry: {
        clientId: client.clientId,
        name: client.name,
        pooledSince: client.pooledSince === null ? null : isoOf(client.pooledSince),
        previousOwnerId: client.previousOwnerId,
        previousOwnerName: models.personName(client.previousOwnerId),
        locked: client.locked,
      },
    });
  }
  found.sort(
    (a, b) => a.since - b.since || compareText(a.entry.clientId, b.entry.clientId),
  );
  return found.map(({ entry }) => entry);
};

export interface PendingHandover {
  readonly handoverId: string;
  readonly clientId: string;
  readonly clientName: string | null;
  readonly fromOwnerId: string;
  readonly toOwnerId: string;
  readonly requestedBy: string;
  readonly reason: string;
  readonly requestedAt: string;
  readonly expiresAt: string;
  /** The request is past its expiry but no HandoverExpired was recorded yet. */
  readonly overdue: boolean;
}

/** Handover requests awaiting a decision, oldest first. */
export const pendingHandovers = (models: ReadModels, at: number): PendingHandover[] =>
  [...models.handovers()]
    .filter((handover) => handover.status === 'requested')
    .sort(
      (a, b) => a.requestedAt - b.requestedAt || compareText(a.handoverId, b.handoverId),
    )
    .map((handover) => ({
      handoverId: handover.handoverId,
      clientId: handover.clientId,
      clientName: models.client(handover.clientId)?.name ?? null,
      fromOwnerId: handover.fromOwnerId,
      toOwnerId: handover.toOwnerId,
      requestedBy: handover.requestedBy,
      reason: handover.reason,
      requestedAt: isoOf(handover.requestedAt),
      expiresAt: isoOf(handover.expiresAt),
      overdue: handover.expiresAt <= at,
    }));
