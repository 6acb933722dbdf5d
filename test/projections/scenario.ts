import { stream } from '../../src/domain/events/primitives';
import { at, idOf, type TestLedger } from './ledger';

export const alice = idOf(1);
export const bob = idOf(2);
export const carol = idOf(3);
export const manager = idOf(9);
export const acme = idOf(100);
export const globex = idOf(101);

/**
 * A small scripted history: Alice owns Acme from day 1, Bob takes it over on
 * day 60 (recorded late, on day 62), Globex stays in the pool. Alice visits
 * Acme on day 10; Bob's client-initiated call of day 20 is recorded on day 40.
 */
export const writeScenario = async (ledger: TestLedger): Promise<void> => {
  await ledger.join([
    [alice, 'Alice', 'salesperson'],
    [bob, 'Bob', 'salesperson'],
    [carol, 'Carol', 'executive'],
    [manager, 'Mona', 'manager'],
  ]);
  await ledger.write(stream.client(acme), 'ClientRegistered', {
    clientId: acme,
    name: 'Acme Tools',
    source: 'sales',
    occurredAt: at(0),
  });
  await ledger.write(stream.client(globex), 'ClientRegistered', {
    clientId: globex,
    name: 'Globex, "the big one"',
    source: 'invoice',
    occurredAt: at(0.5),
  });
  await ledger.write(
    stream.client(acme),
    'OwnershipAssigned',
    {
      clientId: acme,
      ownerId: alice,
      previousOwnerId: null,
      assignedBy: manager,
      reason: 'assignment',
      occurredAt: at(1),
    },
    { actorId: manager },
  );
  await ledger.write(
    stream.client(acme),
    'VisitLogged',
    {
      clientId: acme,
      interactionId: idOf(200),
      participants: [alice],
      clientInitiated: false,
      occurredAt: at(10),
    },
    { actorId: alice },
  );
  await ledger.write(
    stream.client(acme),
    'ContactLogged',
    {
      clientId: acme,
      interactionId: idOf(201),
      channel: 'call',
      participants: [bob],
      clientInitiated: true,
      occurredAt: at(20),
    },
    { actorId: bob, recordedAt: at(40) },
  );
  await ledger.write(
    stream.client(acme),
    'OwnershipTransferred',
    {
      clientId: acme,
      fromOwnerId: alice,
      toOwnerId: bob,
      reason: 'handover',
      approvedBy: manager,
      occurredAt: at(60),
    },
    { actorId: manager, recordedAt: at(62) },
  );
};
