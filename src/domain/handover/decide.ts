import {
  DAY_MS,
  type DecisionContext,
  nowIso,
  personIn,
} from '../client/decision-context';
import { actorIdOr, assertActive, assertOwned } from '../client/guards';
import type { ClientState } from '../client/state';
import type { Command, CommandOf } from '../commands/commands';
import { domainError } from '../errors';
import { type HandoverEvent, parseEvent } from '../events/catalogue';
import { assertCanOwn } from '../person/owner-check';
import type { HandoverState, RequestedHandover } from './state';

export type HandoverCommand = Extract<
  Command,
  {
    readonly type:
      | 'RequestHandover'
      | 'ApproveHandover'
      | 'RejectHandover'
      | 'CancelHandover'
      | 'ExpireHandover';
  }
>;

/**
 * The handover decider. Request and approval also read the client's state
 * (who owns it now), which the caller loads; the handover stream is the only
 * one written here. The transfer an approval causes is `transferForHandover`.
 */
export const decideHandover = (
  command: HandoverCommand,
  state: HandoverState,
  client: ClientState,
  context: DecisionContext,
): HandoverEvent[] => {
  if (command.type === 'RequestHandover')
    return requestHandover(command, state, client, context);
  const handover = assertPending(state, command.handoverId);
  const base = {
    handoverId: handover.handoverId,
    clientId: handover.clientId,
    occurredAt: command.occurredAt ?? nowIso(context),
  };
  switch (command.type) {
    case 'ApproveHandover':
      return [approve(handover, client, context, { ...base, note: command.note })];
    case 'RejectHandover': {
      const rejectedBy = assertFourEyes(handover, context);
      return [
        parseEvent('HandoverRejected', { ...base, rejectedBy, reason: command.reason }),
      ];
    }
    case 'CancelHandover': {
      const cancelledBy = actorIdOr(context, null);
      return [
        parseEvent('HandoverCancelled', { ...base, cancelledBy, reason: command.reason }),
      ];
    }
    case 'ExpireHandover':
      if (!isExpired(handover, context))
        throw domainError('handover.not-expired', `It expires at ${handover.expiresAt}`, {
          details: { expiresAt: handover.expiresAt },
        });
      return [parseEvent('HandoverExpired', base)];
  }
};

const requestHandover = (
  command: CommandOf<'RequestHandover'>,
  state: HandoverState,
  client: ClientState,
  context: DecisionContext,
): HandoverEvent[] => {
  const handoverId = command.handoverId ?? context.newId('handover');
  if (state.status !== 'none')
    throw domainError('handover.already-requested', `Handover ${handoverId} exists`, {
      path: 'handoverId',
    });
  assertActive(client, command.clientId);
  const fromOwnerId = assertOwned(client);
  const { toOwnerId } = command;
  if (toOwnerId === fromOwnerId)
    throw domainError('ownership.already-owner', `${toOwnerId} owns the client already`, {
      path: 'toOwnerId',
    });
  assertCanOwn(toOwnerId, personIn(context, toOwnerId), 'toOwnerId');
  const expiresAt = new Date(
    context.now.getTime() + context.settings.handoverExpiryDays * DAY_MS,
  ).toISOString();
  return [
    parseEvent('HandoverRequested', {
      ...{ handoverId, clientId: command.clientId, fromOwnerId, toOwnerId },
      ...{ requestedBy: actorIdOr(context, null), reason: command.reason, expiresAt },
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

/** Requested and not yet approved, rejected, cancelled or expired. */
const assertPending = (state: HandoverState, handoverId: string): RequestedHandover => {
  if (state.status === 'none')
    throw domainError('handover.not-found', `No handover ${handoverId}`, {
      path: 'handoverId',
    });
  if (state.status !== 'requested')
    throw domainError(
      'handover.not-pending',
      `Handover ${handoverId} is ${state.status}`,
      {
        details: { status: state.status },
      },
    );
  return state;
};

const isExpired = (handover: RequestedHandover, context: DecisionContext) =>
  context.now.getTime() >= Date.parse(handover.expiresAt);

/** Approved or rejected by someone other than the requester. */
const assertFourEyes = (handover: RequestedHandover, context: DecisionContext) => {
  const actorId = actorIdOr(context, null);
  if (actorId === handover.requestedBy)
    throw domainError(
      'handover.self-approval',
      'A handover is approved or rejected by a manager other than its requester',
      { details: { requestedBy: handover.requestedBy } },
    );
  return actorId;
};

const approve = (
  handover: RequestedHandover,
  client: ClientState,
  context: DecisionContext,
  base: {
    handoverId: string;
    clientId: string;
    occurredAt: string;
    note?: string | undefined;
  },
): HandoverEvent => {
  const approvedBy = assertFourEyes(handover, context);
  if (isExpired(handover, context))
    throw domainError(
      'handover.expired',
      `The handover expired at ${handover.expiresAt}`,
      {
        details: { expiresAt: handover.expiresAt },
      },
    );
  assertActive(client, handover.clientId);
  if (client.ownerId !== handover.fromOwnerId)
    throw domainError(
      'handover.owner-changed',
      'The client changed owner since the request',
      {
        details: { fromOwnerId: handover.fromOwnerId, ownerId: client.ownerId },
      },
    );
  assertCanOwn(handover.toOwnerId, personIn(context, handover.toOwnerId), 'handoverId');
  return parseEvent('HandoverApproved', { ...base, approvedBy });
};
