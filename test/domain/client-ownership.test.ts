import { parseEvent } from '../../src/domain/events';
import {
  aliceOwns,
  archived,
  claimed,
  clientId,
  clientSpec,
  locked,
  merged,
  registered,
  released,
} from './client-fixtures';
import { daysBefore, decisionContext, NOW, people } from './decider-spec';

const { alice, bob, carol } = people;
const now = NOW.toISOString();
const as = (actor: 'alice' | 'bob' | 'carol' | null, extra = {}) =>
  decisionContext({ actor, ...extra });

describe('claiming from the pool', () => {
  it('a salesperson claims a pooled client', () => {
    clientSpec
      .given(registered())
      .when({ type: 'ClaimClient', clientId }, as('bob'))
      .thenEvents(
        parseEvent('ClientClaimed', { clientId, ownerId: bob.id, occurredAt: now }),
      );
  });

  it('refuses a client that has an owner: never two owners', () => {
    clientSpec
      .given(...aliceOwns)
      .when({ type: 'ClaimClient', clientId }, as('bob'))
      .thenError('ownership.already-owned');
  });

  it('refuses the owner claiming again', () => {
    clientSpec
      .given(...aliceOwns)
      .when({ type: 'ClaimClient', clientId }, as('alice'))
      .thenError('ownership.already-owner');
  });

  it('refuses an unknown client', () => {
    clientSpec
      .given()
      .when({ type: 'ClaimClient', clientId })
      .thenError('client.not-found');
  });

  it('refuses a departed salesperson', () => {
    clientSpec
      .given(registered())
      .when({ type: 'ClaimClient', clientId }, as('bob', { departed: ['bob'] }))
      .thenError('person.departed');
  });

  it('refuses past the holding cap, naming the cap and the count', () => {
    const context = as('bob', { holdings: { bob: 3 }, settings: { holdingCap: 3 } });
    clientSpec
      .given(registered())
      .when({ type: 'ClaimClient', clientId }, context)
      .thenError('pool.cap-reached', { cap: 3, current: 3 });
  });

  it('allows a claim just below the cap', () => {
    const context = as('bob', { holdings: { bob: 2 }, settings: { holdingCap: 3 } });
    clientSpec
      .given(registered())
      .when({ type: 'ClaimClient', clientId }, context)
      .thenEvents(
        parseEvent('ClientClaimed', { clientId, ownerId: bob.id, occurredAt: now }),
      );
  });

  it('keeps a previous owner from claiming back within the cooldown', () => {
    clientSpec
      .given(...aliceOwns, released(alice.id, daysBefore(6)))
      .when({ type: 'ClaimClient', clientId }, as('alice'))
      .thenError('pool.claim-back-cooldown', { claimBackCooldownDays: 7 });
  });

  it('lets a previous owner claim back after the cooldown, and others at once', () => {
    const history = [...aliceOwns, released(alice.id, daysBefore(8))];
    expect(
      clientSpec
        .given(...history)
        .when({ type: 'ClaimClient', clientId }, as('alice'))
        .events(),
    ).toHaveLength(1);
    const recent = [...aliceOwns, released(alice.id, daysBefore(1))];
    expect(
      clientSpec
        .given(...recent)
        .when({ type: 'ClaimClient', clientId }, as('bob'))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses archived and merged clients', () => {
    clientSpec
      .given(registered(), archived())
      .when({ type: 'ClaimClient', clientId }, as('bob'))
      .thenError('client.archived');
    clientSpec
      .given(registered(), merged(people.ada.id))
      .when({ type: 'ClaimClient', clientId }, as('bob'))
      .thenError('client.merged');
  });
});

describe('assigning an owner', () => {
  it('a manager assigns a pooled client', () => {
    clientSpec
      .given(registered())
      .when({ type: 'AssignOwner', clientId, ownerId: bob.id }, as('carol'))
      .thenEvents(
        parseEvent('OwnershipAssigned', {
          clientId,
          ownerId: bob.id,
          previousOwnerId: null,
          assignedBy: carol.id,
          reason: 'assignment',
          occurredAt: now,
        }),
      );
  });

  it('names the previous owner when reassigning an owned client', () => {
    const [event] = clientSpec
      .given(...aliceOwns)
      .when({ type: 'AssignOwner', clientId, ownerId: bob.id }, as('carol'))
      .events();
    expect(event?.data).toMatchObject({ previousOwnerId: alice.id, ownerId: bob.id });
  });

  it('refuses assigning to the current owner', () => {
    clientSpec
      .given(...aliceOwns)
      .when({ type: 'AssignOwner', clientId, ownerId: alice.id }, as('carol'))
      .thenError('ownership.already-owner');
  });

  it('refuses a departed person, a non-salesperson and an unknown person', () => {
    const assign = (ownerId: string, extra = {}) =>
      clientSpec
        .given(registered())
        .when({ type: 'AssignOwner', clientId, ownerId }, as('carol', extra));
    assign(bob.id, { departed: ['bob'] }).thenError('person.departed');
    assign(people.erin.id).thenError('person.cannot-own');
    assign(people.carol.id).thenError('person.cannot-own');
    assign(registeredId()).thenError('person.not-found');
  });

  it('checks the cap of the new owner', () => {
    const context = as('carol', { holdings: { bob: 200 } });
    clientSpec
      .given(registered())
      .when({ type: 'AssignOwner', clientId, ownerId: bob.id }, context)
      .thenError('pool.cap-reached', { cap: 200, current: 200 });
  });
});

const registeredId = () => '7ZZZZZZZZZZZZZZZZZZZZZZZZZ';

describe('releasing to the pool', () => {
  it('the owner releases', () => {
    clientSpec
      .given(...aliceOwns)
      .when({ type: 'ReleaseClient', clientId }, as('alice'))
      .thenEvents(
        parseEvent('ClientReleasedToPool', {
          clientId,
          previousOwnerId: alice.id,
          reason: 'owner-released',
          occurredAt: now,
        }),
      );
  });

  it('a manager releases with reason manager-released', () => {
    const [event] = clientSpec
      .given(...aliceOwns)
      .when({ type: 'ReleaseClient', clientId }, as('carol'))
      .events();
    expect(event?.data).toMatchObject({ reason: 'manager-released' });
  });

  it('refuses a pooled client', () => {
    clientSpec
      .given(registered())
      .when({ type: 'ReleaseClient', clientId }, as('carol'))
      .thenError('ownership.in-pool');
  });

  it('refuses a locked client, also for the pool policy', () => {
    clientSpec
      .given(...aliceOwns, locked())
      .when({ type: 'ReleaseClient', clientId }, as('alice'))
      .thenError('client.locked');
    clientSpec
      .given(...aliceOwns, locked())
      .when(
        { type: 'ReleaseNeglectedClient', clientId, reason: 'neglected-no-interaction' },
        as(null, { source: 'policy' }),
      )
      .thenError('client.locked');
  });

  it('the pool policy releases a neglected client, and not twice', () => {
    const command = {
      type: 'ReleaseNeglectedClient',
      clientId,
      reason: 'neglected-no-accepted-quote',
    } as const;
    const [event] = clientSpec
      .given(...aliceOwns)
      .when(command, as(null, { source: 'policy' }))
      .events();
    expect(event?.data).toMatchObject({
      previousOwnerId: alice.id,
      reason: 'neglected-no-accepted-quote',
    });
    clientSpec
      .given(...aliceOwns, event!)
      .when(command, as(null, { source: 'policy' }))
      .thenError('ownership.in-pool');
  });

  it('a claim after a release goes through the pool again', () => {
    const history = [registered(), claimed(alice.id), released(alice.id, daysBefore(10))];
    expect(
      clientSpec
        .given(...history)
        .when({ type: 'ClaimClient', clientId }, as('bob'))
        .events(),
    ).toHaveLength(1);
  });
});
