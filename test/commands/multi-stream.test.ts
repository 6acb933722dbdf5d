import { stream } from '../../src/domain/events';
import { StoreUnavailableError } from '../../src/eventstore/errors';
import { people, testId } from '../domain/decider-spec';
import {
  context,
  type Fixture,
  interceptAppends,
  openFixture,
  storeKinds,
} from './bus-fixture';

const { alice, bob } = people;
const clients = ['one', 'two', 'three'].map((label) => testId(`client-${label}`));
const bobsClient = testId('client-bob');

let fixture: Fixture;
afterEach(() => fixture.close());

/** Registers the three clients owned by Alice and one owned by Bob. */
const seed = async () => {
  for (const clientId of clients)
    await fixture.bus.execute(
      {
        type: 'RegisterClient',
        clientId,
        name: clientId,
        source: 'sales',
        ownerId: alice.id,
      },
      context('carol'),
    );
  await fixture.bus.execute(
    {
      type: 'RegisterClient',
      clientId: bobsClient,
      name: 'B',
      source: 'sales',
      ownerId: bob.id,
    },
    context('carol'),
  );
};

const ownerEvents = async (clientId: string) =>
  (await fixture.events(stream.client(clientId))).map((event) => event.type);

describe('recording a departure', () => {
  it('hands every client of the departed person to the successor', async () => {
    fixture = await openFixture();
    await seed();
    const ctx = context('ada');
    const outcome = await fixture.bus.execute(
      { type: 'RecordDeparture', personId: alice.id, successorId: bob.id },
      ctx,
    );
    expect(outcome.stream).toBe(stream.person(alice.id));
    expect(outcome.events.map((event) => event.type)).toEqual([
      'PersonDeparted',
      'OwnershipTransferred',
      'OwnershipTransferred',
      'OwnershipTransferred',
    ]);
    expect(await fixture.lookup.clientsOwnedBy(alice.id)).toEqual([]);
    expect([...(await fixture.lookup.clientsOwnedBy(bob.id))].sort()).toEqual(
      [...clients, bobsClient].sort(),
    );
    const [transfer] = (await fixture.events(stream.client(clients[0]!))).slice(-1);
    expect(transfer?.data).toMatchObject({
      fromOwnerId: alice.id,
      toOwnerId: bob.id,
      reason: 'departure',
      approvedBy: people.ada.id,
    });
    const again = await fixture.bus.execute(
      { type: 'RecordDeparture', personId: alice.id, successorId: bob.id },
      ctx,
    );
    expect(again).toEqual({ ...outcome, replayed: true });
    const claim = await fixture.refusal(
      { type: 'ClaimClient', clientId: clients[0]! },
      context('alice'),
    );
    expect(claim.code).toBe('person.departed');
  });

  it('releases the clients to the pool without a successor', async () => {
    fixture = await openFixture();
    await seed();
    await fixture.bus.execute(
      { type: 'RecordDeparture', personId: alice.id, successorId: null },
      context('ada'),
    );
    for (const clientId of clients)
      expect((await ownerEvents(clientId)).at(-1)).toBe('ClientReleasedToPool');
    expect(await ownerEvents(bobsClient)).toEqual([
      'ClientRegistered',
      'OwnershipAssigned',
    ]);
    await fixture.bus.execute(
      { type: 'ReleaseClient', clientId: bobsClient },
      context('bob'),
    );
    const claim = await fixture.refusal(
      { type: 'ClaimClient', clientId: bobsClient },
      { ...context('alice') },
    );
    expect(claim.code).toBe('person.departed');
    const contact = await fixture.refusal(
      { type: 'ReleaseClient', clientId: clients[0]! },
      context('alice'),
    );
    expect(contact).toMatchObject({ code: 'person.departed', path: 'actor' });
  });

  it.each(storeKinds)(
    'a crash part-way is completed by a retry, on %s',
    async (_, base) => {
      let crashes = 1;
      fixture = await openFixture({
        base,
        store: (inner) =>
          interceptAppends(inner, async (target, events) => {
            if (
              target === stream.client(clients[1]!) &&
              events[0]?.type === 'OwnershipTransferred' &&
              crashes > 0
            ) {
              crashes -= 1;
              throw new StoreUnavailableError('simulated crash');
            }
          }),
      });
      await seed();
      const ctx = context('ada');
      const departure = {
        type: 'RecordDeparture',
        personId: alice.id,
        successorId: bob.id,
      } as const;
      const crashed = await fixture.refusal(departure, ctx);
      expect(crashed.code).toBe('store.unavailable');
      expect((await fixture.lookup.clientsOwnedBy(alice.id)).length).toBeGreaterThan(0);

      const completed = await fixture.bus.execute(departure, ctx);
      expect(completed.replayed).toBe(false);
      expect(await fixture.lookup.clientsOwnedBy(alice.id)).toEqual([]);
      const personEvents = await fixture.events(stream.person(alice.id));
      expect(
        personEvents.filter((event) => event.type === 'PersonDeparted'),
      ).toHaveLength(1);
      for (const clientId of clients)
        expect(
          (await ownerEvents(clientId)).filter((type) => type === 'OwnershipTransferred'),
        ).toHaveLength(1);
    },
  );
});

describe('approving a handover', () => {
  const clientId = clients[0]!;
  const handoverId = testId('handover-bus');
  const request = {
    type: 'RequestHandover',
    handoverId,
    clientId,
    toOwnerId: bob.id,
    reason: 'Bob covers the region',
  } as const;
  const approve = { type: 'ApproveHandover', handoverId } as const;

  it('is four-eyes, and moves the client in its stream', async () => {
    fixture = await openFixture();
    await seed();
    await fixture.bus.execute(request, context('carol'));
    const self = await fixture.refusal(approve, context('carol'));
    expect(self).toMatchObject({ code: 'handover.self-approval', kind: 'forbidden' });
    const salesperson = await fixture.refusal(approve, context('alice'));
    expect(salesperson.code).toBe('auth.forbidden');

    const outcome = await fixture.bus.execute(approve, context('dave'));
    const [transfer] = (await fixture.events(stream.client(clientId))).slice(-1);
    expect(transfer).toMatchObject({
      type: 'OwnershipTransferred',
      data: {
        fromOwnerId: alice.id,
        toOwnerId: bob.id,
        handoverId,
        approvedBy: people.dave.id,
      },
    });
    expect(outcome).toMatchObject({ stream: stream.handover(handoverId), revision: 1 });
    expect(outcome.position).toEqual(transfer?.position);
    expect(outcome.events.map((event) => event.type)).toEqual([
      'HandoverApproved',
      'OwnershipTransferred',
    ]);
  });

  it('a salesperson requests handovers of their own clients only', async () => {
    fixture = await openFixture();
    await seed();
    const error = await fixture.refusal(
      { ...request, clientId: bobsClient, toOwnerId: alice.id },
      context('alice'),
    );
    expect(error.code).toBe('ownership.not-owner');
    const own = await fixture.bus.execute(request, context('alice'));
    expect(own.ids).toEqual({ handoverId, clientId });
  });

  it.each(storeKinds)(
    'a crash between the appends is completed, on %s',
    async (_, base) => {
      let crashes = 1;
      fixture = await openFixture({
        base,
        store: (inner) =>
          interceptAppends(inner, async (_target, events) => {
            if (events[0]?.type === 'OwnershipTransferred' && crashes > 0) {
              crashes -= 1;
              throw new StoreUnavailableError('simulated crash');
            }
          }),
      });
      await seed();
      await fixture.bus.execute(request, context('alice'));
      const ctx = context('dave');
      expect((await fixture.refusal(approve, ctx)).code).toBe('store.unavailable');
      expect(await fixture.lookup.clientsOwnedBy(bob.id)).toEqual([bobsClient]);

      const completed = await fixture.bus.execute(approve, ctx);
      expect(await fixture.lookup.clientsOwnedBy(bob.id)).toContain(clientId);
      const again = await fixture.bus.execute(approve, ctx);
      expect(again).toEqual({ ...completed, replayed: true });
      expect(
        (await fixture.events(stream.handover(handoverId))).map((event) => event.type),
      ).toEqual(['HandoverRequested', 'HandoverApproved']);
    },
  );
});

describe('resolving a dispute', () => {
  it('an award writes the resolution and the transfer in one append', async () => {
    fixture = await openFixture();
    await seed();
    const clientId = clients[0]!;
    const raised = await fixture.bus.execute(
      { type: 'RaiseDispute', clientId, argument: 'I found them first' },
      context('bob'),
    );
    const disputeId = raised.ids.disputeId!;
    const outcome = await fixture.bus.execute(
      { type: 'ResolveDispute', clientId, disputeId, outcome: 'awarded', reason: 'log' },
      context('carol'),
    );
    expect(outcome.events.map((event) => event.type)).toEqual([
      'DisputeResolved',
      'OwnershipTransferred',
    ]);
    const [resolved, transfer] = (await fixture.events(stream.client(clientId))).slice(
      -2,
    );
    expect(transfer?.revision).toBe((resolved?.revision ?? 0) + 1);
    expect(transfer?.metadata.commandId).toBe(resolved?.metadata.commandId);
    expect(await fixture.lookup.clientsOwnedBy(bob.id)).toContain(clientId);
  });
});

describe('merging clients', () => {
  it('marks the duplicate merged when the survivor is active', async () => {
    fixture = await openFixture();
    await seed();
    const [duplicate, survivor] = clients as [string, string];
    const missing = await fixture.refusal(
      { type: 'MergeClients', clientId: duplicate, survivorId: testId('nobody') },
      context('carol'),
    );
    expect(missing).toMatchObject({ code: 'client.not-found', path: 'survivorId' });
    await fixture.bus.execute(
      { type: 'MergeClients', clientId: duplicate, survivorId: survivor },
      context('carol'),
    );
    const activity = await fixture.refusal(
      { type: 'LockClient', clientId: duplicate, reason: 'x' },
      context('carol'),
    );
    expect(activity.code).toBe('client.merged');
  });
});
