import { handOffForDeparture } from '../../src/domain/client/decide-handoff';
import { evolveClient } from '../../src/domain/client/evolve';
import { type ClientState, initialClientState } from '../../src/domain/client/state';
import type { Command } from '../../src/domain/commands/commands';
import { type ClientEvent, parseEvent } from '../../src/domain/events';
import { decidePerson, type PersonCommand } from '../../src/domain/person/decide';
import { evolvePerson, initialPersonState } from '../../src/domain/person/state';
import { aliceOwns, archived, clientId, locked, registered } from './client-fixtures';
import { deciderSpec, decisionContext, NOW, people } from './decider-spec';

const { alice, bob, carol } = people;
const now = NOW.toISOString();
const personSpec = deciderSpec({
  initial: initialPersonState,
  evolve: evolvePerson,
  decide: (command: Command, state, context) =>
    decidePerson(command as PersonCommand, state, context),
});
const asAdmin = (extra = {}) => decisionContext({ actor: 'ada', ...extra });
const joined = parseEvent('PersonJoined', {
  personId: alice.id,
  name: 'Alice',
  email: 'alice@example.com',
  role: 'salesperson',
  occurredAt: now,
});
const departed = parseEvent('PersonDeparted', {
  personId: alice.id,
  successorId: null,
  occurredAt: now,
});

describe('people', () => {
  it('adds a person once', () => {
    const add = {
      type: 'AddPerson',
      personId: alice.id,
      name: 'Alice',
      email: 'alice@example.com',
      role: 'salesperson',
    } as const;
    personSpec.given().when(add, asAdmin()).thenEvents(joined);
    personSpec.given(joined).when(add, asAdmin()).thenError('person.already-registered');
  });

  it('changes a role, refusing the same role and a departed person', () => {
    const change = {
      type: 'ChangePersonRole',
      personId: alice.id,
      role: 'manager',
    } as const;
    const [event] = personSpec.given(joined).when(change, asAdmin()).events();
    expect(event?.data).toMatchObject({ role: 'manager', previousRole: 'salesperson' });
    personSpec
      .given(joined)
      .when({ ...change, role: 'salesperson' }, asAdmin())
      .thenError('person.same-role');
    personSpec
      .given(joined, departed)
      .when(change, asAdmin())
      .thenError('person.departed');
    personSpec.given().when(change, asAdmin()).thenError('person.not-found');
  });

  it('keeps a salesperson who still owns clients from leaving the owner role', () => {
    const change = {
      type: 'ChangePersonRole',
      personId: alice.id,
      role: 'auditor',
    } as const;
    personSpec
      .given(joined)
      .when(change, asAdmin({ holdings: { alice: 2 } }))
      .thenError('person.owns-clients', { count: 2 });
  });

  it('records a departure with a salesperson successor', () => {
    const leave = {
      type: 'RecordDeparture',
      personId: alice.id,
      successorId: bob.id,
    } as const;
    personSpec
      .given(joined)
      .when(leave, asAdmin())
      .thenEvents(
        parseEvent('PersonDeparted', {
          personId: alice.id,
          successorId: bob.id,
          occurredAt: now,
        }),
      );
    personSpec
      .given(joined, departed)
      .when(leave, asAdmin())
      .thenError('person.departed');
    personSpec
      .given(joined)
      .when({ ...leave, successorId: alice.id }, asAdmin())
      .thenError('person.successor-self');
    personSpec
      .given(joined)
      .when({ ...leave, successorId: carol.id }, asAdmin())
      .thenError('person.cannot-own');
    personSpec
      .given(joined)
      .when(leave, asAdmin({ departed: ['bob'] }))
      .thenError('person.departed');
  });
});

describe('the client side of a departure', () => {
  const fold = (...events: ClientEvent[]): ClientState =>
    events.reduce(evolveClient, initialClientState);
  const departure = (successorId: string | null) => ({
    personId: alice.id,
    successorId,
    recordedBy: people.ada.id,
    occurredAt: now,
  });

  it('transfers to the successor, even a locked or archived client', () => {
    for (const state of [fold(...aliceOwns), fold(...aliceOwns, locked(), archived())])
      expect(handOffForDeparture(departure(bob.id), state)).toEqual([
        parseEvent('OwnershipTransferred', {
          clientId,
          fromOwnerId: alice.id,
          toOwnerId: bob.id,
          reason: 'departure',
          approvedBy: people.ada.id,
          occurredAt: now,
        }),
      ]);
  });

  it('releases to the pool without a successor', () => {
    expect(handOffForDeparture(departure(null), fold(...aliceOwns))).toEqual([
      parseEvent('ClientReleasedToPool', {
        clientId,
        previousOwnerId: alice.id,
        reason: 'owner-departed',
        occurredAt: now,
      }),
    ]);
  });

  it('leaves clients the person does not own', () => {
    expect(handOffForDeparture(departure(bob.id), fold(registered()))).toEqual([]);
    expect(handOffForDeparture(departure(bob.id), initialClientState)).toEqual([]);
  });
});
