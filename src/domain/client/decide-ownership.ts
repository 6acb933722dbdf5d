import type { CommandOf } from '../commands/commands';
import { domainError } from '../errors';
import { type ClientEvent, parseEvent } from '../events/catalogue';
import { assertCanOwn } from '../person/owner-check';
import { DAY_MS, type DecisionContext, nowIso, personIn } from './decision-context';
import { actorIdOr, assertActive, assertBelowCap, assertOwned } from './guards';
import type { ClientState, RegisteredClient } from './state';

/** Who owns the client: assignment, claim from the pool, release to it. */

export const assignOwner = (
  command: CommandOf<'AssignOwner'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const { ownerId } = command;
  if (state.ownerId === ownerId)
    throw domainError('ownership.already-owner', `${ownerId} owns the client already`, {
      path: 'ownerId',
    });
  assertCanOwn(ownerId, personIn(context, ownerId), 'ownerId');
  assertBelowCap(context, ownerId, command.clientId);
  return [
    parseEvent('OwnershipAssigned', {
      clientId: command.clientId,
      ownerId,
      previousOwnerId: state.ownerId,
      assignedBy: actorIdOr(context, null),
      reason: context.source === 'import' ? 'import' : 'assignment',
      note: command.note,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

export const claimClient = (
  command: CommandOf<'ClaimClient'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const claimantId = actorIdOr(context, null);
  if (state.ownerId === claimantId)
    throw domainError('ownership.already-owner', 'You own this client already');
  if (state.ownerId !== null)
    throw domainError('ownership.already-owned', `Client ${state.name} has an owner`, {
      details: { clientId: state.clientId },
    });
  assertCanOwn(claimantId, personIn(context, claimantId), 'actor');
  assertClaimBackAllowed(state, claimantId, context);
  assertBelowCap(context, claimantId, command.clientId);
  return [
    parseEvent('ClientClaimed', {
      clientId: command.clientId,
      ownerId: claimantId,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

const assertClaimBackAllowed = (
  client: RegisteredClient,
  claimantId: string,
  context: DecisionContext,
) => {
  const release = client.lastRelease;
  if (release === null || release.previousOwnerId !== claimantId) return;
  const { claimBackCooldownDays } = context.settings.pool;
  const allowedFrom = Date.parse(release.at) + claimBackCooldownDays * DAY_MS;
  if (context.now.getTime() < allowedFrom)
    throw domainError(
      'pool.claim-back-cooldown',
      `You released this client; claim it back from ${new Date(allowedFrom).toISOString()}`,
      {
        details: {
          releasedAt: release.at,
          claimBackCooldownDays,
          allowedFrom: new Date(allowedFrom).toISOString(),
        },
      },
    );
};

/** An owner or a manager releases; locked clients stay (authorisation checks who). */
export const releaseClient = (
  command: CommandOf<'ReleaseClient'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const ownerId = assertReleasable(state);
  const byOwner = context.actor?.personId === ownerId;
  return [
    parseEvent('ClientReleasedToPool', {
      clientId: command.clientId,
      previousOwnerId: ownerId,
      reason: byOwner ? 'owner-released' : 'manager-released',
      note: command.note,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

/** The pool policy's release; locked clients are exempt from it too. */
export const releaseNeglectedClient = (
  command: CommandOf<'ReleaseNeglectedClient'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const ownerId = assertReleasable(state);
  return [
    parseEvent('ClientReleasedToPool', {
      clientId: command.clientId,
      previousOwnerId: ownerId,
      reason: command.reason,
      note: command.note,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

const assertReleasable = (client: RegisteredClient): string => {
  const ownerId = assertOwned(client);
  if (client.locked)
    throw domainError('client.locked', `Client ${client.name} is locked`, {
      details: { clientId: client.clientId },
    });
  return ownerId;
};
