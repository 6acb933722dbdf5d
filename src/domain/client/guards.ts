import { domainError } from '../errors';
import { DAY_MS, type DecisionContext } from './decision-context';
import type { ClientState, RegisteredClient } from './state';

/** Checks shared by the client's commands; each throws a domain error. */

export function assertRegistered(
  state: ClientState,
  clientId: string,
  path = 'clientId',
): asserts state is RegisteredClient {
  if (state.status === 'unregistered')
    throw domainError('client.not-found', `No client ${clientId}`, {
      path,
      details: { clientId },
    });
}

/** Archived and merged clients accept no new activity. */
export function assertActive(
  state: ClientState,
  clientId: string,
  path = 'clientId',
): asserts state is RegisteredClient {
  assertRegistered(state, clientId, path);
  if (state.status === 'archived')
    throw domainError('client.archived', `Client ${state.name} is archived`, {
      path,
      details: { clientId },
    });
  if (state.status === 'merged')
    throw domainError('client.merged', `Client ${state.name} was merged`, {
      path,
      details: { clientId, survivorId: state.survivorId },
    });
}

export const assertOwned = (client: RegisteredClient): string => {
  if (client.ownerId === null)
    throw domainError('ownership.in-pool', `Client ${client.name} is in the pool`, {
      details: { clientId: client.clientId },
    });
  return client.ownerId;
};

/**
 * The holding cap, checked against what the read model says the person owns,
 * on claims, assignments and registrations with an owner. Handovers, dispute
 * awards and departures move clients by a manager's decision and are not
 * capped. The read model trails the log, so two claims racing on different
 * clients can both pass at the cap's edge.
 */
export const assertBelowCap = (
  context: DecisionContext,
  personId: string,
  clientId: string,
): void => {
  const held = context.holdings.get(personId);
  if (held === undefined)
    throw new Error(`Holdings of ${personId} were not loaded before deciding`);
  const current = held.filter((id) => id !== clientId).length;
  const cap = context.settings.holdingCap;
  if (current >= cap)
    throw domainError(
      'pool.cap-reached',
      `The salesperson holds ${current} clients; the cap is ${cap}`,
      { details: { personId, cap, current } },
    );
};

/**
 * occurredAt of an interaction: not in the future beyond the tolerated clock
 * skew, and not older than the age limit unless this is a historical import.
 */
export const assertInteractionTime = (context: DecisionContext, occurredAt: string) => {
  const at = Date.parse(occurredAt);
  const now = context.now.getTime();
  const { clockSkewSeconds, interactionMaxAgeDays } = context.settings;
  if (at > now + clockSkewSeconds * 1000)
    throw domainError('interaction.future', `occurredAt ${occurredAt} is in the future`, {
      path: 'occurredAt',
      details: { occurredAt, now: context.now.toISOString(), clockSkewSeconds },
    });
  if (!context.historicalImport && at < now - interactionMaxAgeDays * DAY_MS)
    throw domainError(
      'interaction.too-old',
      `occurredAt ${occurredAt} is more than ${interactionMaxAgeDays} days ago`,
      { path: 'occurredAt', details: { occurredAt, interactionMaxAgeDays } },
    );
};

/** The acting person's id, for fields such as `issuedBy`; the system has none. */
export const actorIdOr = (context: DecisionContext, fallback: string | null): string => {
  const id = context.actor?.personId ?? fallback;
  if (id === null)
    throw domainError('auth.forbidden', 'This command needs a person as its actor');
  return id;
};
