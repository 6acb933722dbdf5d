import type { CommandOf } from '../commands/commands';
import { domainError } from '../errors';
import { type ClientEvent, parseEvent } from '../events/catalogue';
import { assertCanOwn } from '../person/owner-check';
import { type DecisionContext, nowIso, personIn } from './decision-context';
import { actorIdOr, assertActive, assertBelowCap } from './guards';
import type { ClientState } from './state';

/** Registration, details, archiving, merging and locking of a client. */

export const registerClient = (
  command: CommandOf<'RegisterClient'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  const clientId = command.clientId ?? context.newId('client');
  if (state.status !== 'unregistered')
    throw domainError('client.already-registered', `Client ${clientId} exists`, {
      path: 'clientId',
      details: { clientId },
    });
  const { ownerId, name, externalId, industry, region, address, contacts } = command;
  const at = command.occurredAt ?? nowIso(context);
  const details = { name, externalId, industry, region, address, contacts };
  const events: ClientEvent[] = [
    parseEvent('ClientRegistered', {
      clientId,
      ...details,
      source: command.source,
      occurredAt: at,
    }),
  ];
  if (ownerId === undefined) return events;

  assertCanOwn(ownerId, personIn(context, ownerId), 'ownerId');
  assertBelowCap(context, ownerId, clientId);
  const assigned = parseEvent('OwnershipAssigned', {
    clientId,
    ownerId,
    previousOwnerId: null,
    assignedBy: actorIdOr(context, ownerId),
    reason: context.source === 'import' ? 'import' : 'assignment',
    occurredAt: at,
  });
  return [...events, assigned];
};

export const changeClientDetails = (
  command: CommandOf<'ChangeClientDetails'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  return [
    parseEvent('ClientDetailsChanged', {
      clientId: command.clientId,
      changes: command.changes,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

export const archiveClient = (
  command: CommandOf<'ArchiveClient'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  return [
    parseEvent('ClientArchived', {
      clientId: command.clientId,
      reason: command.reason,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

/** The duplicate's stream records the merge; the survivor is checked, not written. */
export const mergeClients = (
  command: CommandOf<'MergeClients'>,
  duplicate: ClientState,
  survivor: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  if (command.clientId === command.survivorId)
    throw domainError('client.merge-into-self', 'A client cannot absorb itself', {
      path: 'survivorId',
    });
  assertActive(duplicate, command.clientId);
  assertActive(survivor, command.survivorId, 'survivorId');
  return [
    parseEvent('ClientsMerged', {
      clientId: command.clientId,
      survivorId: command.survivorId,
      reason: command.reason,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

export const lockClient = (
  command: CommandOf<'LockClient'> | CommandOf<'UnlockClient'>,
  lock: boolean,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  if (state.locked === lock)
    throw domainError(
      lock ? 'client.already-locked' : 'client.not-locked',
      `Client ${state.name} is ${lock ? 'locked already' : 'not locked'}`,
    );
  const data = {
    clientId: command.clientId,
    reason: command.reason,
    occurredAt: command.occurredAt ?? nowIso(context),
  };
  return [lock ? parseEvent('ClientLocked', data) : parseEvent('ClientUnlocked', data)];
};
