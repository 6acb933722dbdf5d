import { type ClientCommand, decideClient } from '../../src/domain/client/decide';
import { evolveClient } from '../../src/domain/client/evolve';
import { initialClientState } from '../../src/domain/client/state';
import type { Command } from '../../src/domain/commands/commands';
import { type ClientEvent, parseEvent } from '../../src/domain/events';
import { daysBefore, deciderSpec, people, testId } from './decider-spec';

/** The client decider under the given/when/then helper, and events to build histories. */
export const clientSpec = deciderSpec({
  initial: initialClientState,
  evolve: evolveClient,
  decide: (command: Command, state, context) =>
    decideClient(command as ClientCommand, state, context),
});

export const clientId = testId('acme');
export const T0 = daysBefore(30);

export const registered = (id = clientId): ClientEvent =>
  parseEvent('ClientRegistered', {
    clientId: id,
    name: 'Acme Tools',
    source: 'sales',
    occurredAt: T0,
  });

export const claimed = (owner: string, at = daysBefore(20)): ClientEvent =>
  parseEvent('ClientClaimed', { clientId, ownerId: owner, occurredAt: at });

export const released = (owner: string, at: string): ClientEvent =>
  parseEvent('ClientReleasedToPool', {
    clientId,
    previousOwnerId: owner,
    reason: 'owner-released',
    occurredAt: at,
  });

export const locked = (): ClientEvent =>
  parseEvent('ClientLocked', { clientId, reason: 'strategic', occurredAt: T0 });

export const archived = (): ClientEvent =>
  parseEvent('ClientArchived', { clientId, reason: 'closed down', occurredAt: T0 });

export const merged = (survivorId: string): ClientEvent =>
  parseEvent('ClientsMerged', { clientId, survivorId, occurredAt: T0 });

export const quoteId = testId('quote-1');
export const quoteIssued = (by = people.alice.id): ClientEvent =>
  parseEvent('QuoteIssued', {
    clientId,
    quoteId,
    issuedBy: by,
    amount: 1000,
    currency: 'EUR',
    occurredAt: daysBefore(5),
  });

export const aliceOwns = [registered(), claimed(people.alice.id)];
