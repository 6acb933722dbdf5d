import type { CommandOf } from '../commands/commands';
import { domainError } from '../errors';
import { type ClientEvent, parseEvent } from '../events/catalogue';
import { assertCanOwn } from '../person/owner-check';
import { type DecisionContext, nowIso, personIn } from './decision-context';
import { actorIdOr, assertActive } from './guards';
import type { ClientState } from './state';

/** A salesperson's claim that a client should be theirs, and a manager's ruling. */

export const raiseDispute = (
  command: CommandOf<'RaiseDispute'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const claimantId = actorIdOr(context, null);
  if (state.ownerId === claimantId)
    throw domainError('dispute.already-owner', 'You own this client already');
  const open = Object.entries(state.disputes).find(
    ([, dispute]) => dispute.claimantId === claimantId && dispute.status === 'open',
  );
  if (open)
    throw domainError('dispute.already-open', 'You have an open dispute on this client', {
      details: { disputeId: open[0] },
    });
  assertCanOwn(claimantId, personIn(context, claimantId), 'actor');
  return [
    parseEvent('DisputeRaised', {
      clientId: command.clientId,
      disputeId: command.disputeId ?? context.newId('dispute'),
      claimantId,
      ownerId: state.ownerId,
      argument: command.argument,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

/**
 * An awarded dispute moves the client to the claimant in the same append:
 * a transfer from the current owner, or an assignment when it sits in the
 * pool, or nothing more when the claimant has come to own it meanwhile.
 */
export const resolveDispute = (
  command: CommandOf<'ResolveDispute'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const { clientId, disputeId, outcome, reason } = command;
  const dispute = state.disputes[disputeId];
  if (!dispute)
    throw domainError('dispute.not-found', `No dispute ${disputeId} on this client`, {
      path: 'disputeId',
    });
  if (dispute.status !== 'open')
    throw domainError('dispute.not-open', `Dispute ${disputeId} is resolved already`, {
      path: 'disputeId',
    });
  const { claimantId } = dispute;
  const resolvedBy = actorIdOr(context, null);
  const occurredAt = command.occurredAt ?? nowIso(context);
  const resolved = parseEvent('DisputeResolved', {
    ...{ clientId, disputeId, claimantId, outcome, resolvedBy, reason, occurredAt },
  });
  if (outcome === 'rejected' || state.ownerId === claimantId) return [resolved];

  assertCanOwn(claimantId, personIn(context, claimantId), 'disputeId');
  const award =
    state.ownerId === null
      ? parseEvent('OwnershipAssigned', {
          ...{ clientId, ownerId: claimantId, previousOwnerId: null },
          ...{ assignedBy: resolvedBy, reason: 'dispute', occurredAt },
        })
      : parseEvent('OwnershipTransferred', {
          ...{ clientId, fromOwnerId: state.ownerId, toOwnerId: claimantId },
          ...{ reason: 'dispute', approvedBy: resolvedBy, disputeId, occurredAt },
        });
  return [resolved, award];
};
