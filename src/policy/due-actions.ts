import type { HandoverRecord, NeglectRecord } from '../../projections';
import type { PoolPolicy } from '../domain/settings';
import { expiryCommandId, releaseCommandId } from './policy-command-ids';

/**
 * The pool policy as a pure function of the read models and the clock: which
 * clients to release, which handovers to expire, and whom to warn. No I/O;
 * the runner executes the actions through the command bus.
 */

const DAY_MS = 86_400_000;

export type NeglectReason = 'neglected-no-interaction' | 'neglected-no-accepted-quote';

/** What the policy reads: the neglect read model and the handovers. */
export interface PolicyState {
  readonly clients: Iterable<NeglectRecord>;
  readonly handovers: Iterable<HandoverRecord>;
}

/** A client that is (or will soon be) released, and why. Instants are ISO text. */
export interface DueClient {
  readonly clientId: string;
  readonly name: string;
  readonly ownerId: string;
  readonly ownerSince: string;
  readonly reason: NeglectReason;
  /** The instant the rule counts from: the later of ownership start and the last fact. */
  readonly since: string;
  readonly dueAt: string;
}

export interface DueRelease extends DueClient {
  readonly commandId: string;
  /** The client stream's revision the decision rests on. */
  readonly revision: number;
}

export interface DueExpiry {
  readonly handoverId: string;
  readonly clientId: string;
  readonly expiresAt: string;
  readonly commandId: string;
}

export interface DueActions {
  readonly releases: readonly DueRelease[];
  readonly expiries: readonly DueExpiry[];
  readonly warnings: readonly DueClient[];
}

interface Deadline {
  readonly reason: NeglectReason;
  readonly since: number;
  readonly dueAt: number;
}

/**
 * The first rule to come due for an owned client. Both count from the start
 * of the tenure at the earliest; on a tie the missing interaction is named.
 */
const firstDeadline = (
  client: NeglectRecord,
  ownerId: string,
  ownerSince: number,
  settings: PoolPolicy,
): Deadline => {
  const lastInteraction = client.lastInteraction[ownerId] ?? -Infinity;
  const interactionSince = Math.max(ownerSince, lastInteraction);
  const quoteSince = Math.max(ownerSince, client.lastAcceptedQuoteAt ?? -Infinity);
  const interaction: Deadline = {
    reason: 'neglected-no-interaction',
    since: interactionSince,
    dueAt: interactionSince + settings.noInteractionDays * DAY_MS,
  };
  const quote: Deadline = {
    reason: 'neglected-no-accepted-quote',
    since: quoteSince,
    dueAt: quoteSince + settings.noAcceptedQuoteDays * DAY_MS,
  };
  return quote.dueAt < interaction.dueAt ? quote : interaction;
};

const iso = (ms: number): string => new Date(ms).toISOString();

/** Code-unit order: ISO instants and ULIDs sort as text, whatever the locale. */
const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byDueAt = (a: DueClient, b: DueClient): number =>
  compare(a.dueAt, b.dueAt) || compare(a.clientId, b.clientId);

export const duePolicyActions = (
  state: PolicyState,
  now: Date,
  settings: PoolPolicy,
): DueActions => {
  const at = now.getTime();
  const warnMs = settings.warnDaysBefore * DAY_MS;
  const releases: DueRelease[] = [];
  const warnings: DueClient[] = [];

  // 1. Owned, unlocked clients: released once a rule is due, warned before.
  for (const client of state.clients) {
    const { ownerId, ownerSince, tenureRevision } = client;
    if (ownerId === null || ownerSince === null || tenureRevision === null) continue;
    if (client.locked) continue;
    const deadline = firstDeadline(client, ownerId, ownerSince, settings);
    if (at < deadline.dueAt - warnMs) continue;
    const due: DueClient = {
      clientId: client.clientId,
      name: client.name,
      ownerId,
      ownerSince: iso(ownerSince),
      reason: deadline.reason,
      since: iso(deadline.since),
      dueAt: iso(deadline.dueAt),
    };
    if (at < deadline.dueAt) {
      warnings.push(due);
      continue;
    }
    const commandId = releaseCommandId(
      client.clientId,
      ownerId,
      ownerSince,
      tenureRevision,
      deadline.reason,
    );
    releases.push({ ...due, commandId, revision: client.revision });
  }

  // 2. Handover requests nobody decided before they expired.
  const expiries: DueExpiry[] = [];
  for (const handover of state.handovers) {
    if (handover.status !== 'requested' || handover.expiresAt > at) continue;
    expiries.push({
      handoverId: handover.handoverId,
      clientId: handover.clientId,
      expiresAt: iso(handover.expiresAt),
      commandId: expiryCommandId(handover.handoverId),
    });
  }
  expiries.sort(
    (a, b) => compare(a.expiresAt, b.expiresAt) || compare(a.handoverId, b.handoverId),
  );

  return { releases: releases.sort(byDueAt), expiries, warnings: warnings.sort(byDueAt) };
};
