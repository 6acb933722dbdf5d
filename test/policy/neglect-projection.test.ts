import { type NeglectRecord, neglectProjection } from '../../projections';
import { stream } from '../../src/domain/events/primitives';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { ProjectionEngine } from '../../src/projections/engine';
import { at, idOf, TestLedger } from '../projections/ledger';

const alice = idOf(1);
const bob = idOf(2);
const manager = idOf(9);
const acme = idOf(100);
const globex = idOf(101);

describe('the neglect projection', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: [neglectProjection],
  });
  const ledger = new TestLedger(store);
  const client = acme;
  const record = () => engine.entities<NeglectRecord>('neglect').get(client);
  const write: TestLedger['write'] = async (...args) => {
    const result = await ledger.write(...args);
    await engine.waitForPosition(result.position, 5_000);
    return result;
  };

  beforeAll(async () => {
    await engine.start();
    for (const clientId of [acme, globex])
      await write(stream.client(clientId), 'ClientRegistered', {
        clientId,
        name: clientId === acme ? 'Acme' : 'Globex',
        source: 'sales',
        occurredAt: at(0),
      });
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  it('starts a tenure at each change of owner, and ends it on release', async () => {
    const assigned = {
      clientId: client,
      ownerId: alice,
      previousOwnerId: null,
      assignedBy: manager,
      reason: 'assignment',
      occurredAt: at(1),
    } as const;
    await write(stream.client(client), 'OwnershipAssigned', assigned);
    expect(record()).toMatchObject({
      ownerId: alice,
      ownerSince: Date.parse(at(1)),
      tenureRevision: 1,
      revision: 1,
    });
    // Assigned to her again: her tenure goes on.
    await write(stream.client(client), 'OwnershipAssigned', {
      ...assigned,
      occurredAt: at(5),
    });
    expect(record()).toMatchObject({ ownerSince: Date.parse(at(1)), revision: 2 });

    await write(stream.client(client), 'ClientReleasedToPool', {
      clientId: client,
      previousOwnerId: alice,
      reason: 'owner-released',
      occurredAt: at(6),
    });
    expect(record()).toMatchObject({
      ownerId: null,
      ownerSince: null,
      tenureRevision: null,
    });
    await write(stream.client(client), 'ClientClaimed', {
      clientId: client,
      ownerId: bob,
      occurredAt: at(7),
    });
    expect(record()).toMatchObject({
      ownerId: bob,
      ownerSince: Date.parse(at(7)),
      tenureRevision: 4,
    });
  });

  it('keeps each participant’s latest interaction, however late recorded', async () => {
    const visit = (interactionId: string, days: number, recorded: number) =>
      write(
        stream.client(client),
        'VisitLogged',
        {
          clientId: client,
          interactionId,
          participants: [bob, alice],
          clientInitiated: false,
          occurredAt: at(days),
        },
        { recordedAt: at(recorded) },
      );
    await visit(idOf(500), 20, 20);
    await visit(idOf(501), 12, 25);
    expect(record()?.lastInteraction).toEqual({
      [bob]: Date.parse(at(20)),
      [alice]: Date.parse(at(20)),
    });
  });

  it('keeps the latest accepted quote and whether the client is locked', async () => {
    for (const [quoteId, days] of [
      [idOf(600), 30],
      [idOf(601), 25],
    ] as const)
      await write(stream.client(client), 'QuoteAccepted', {
        clientId: client,
        quoteId,
        issuedBy: bob,
        amount: 100,
        currency: 'EUR',
        occurredAt: at(days),
      });
    expect(record()?.lastAcceptedQuoteAt).toBe(Date.parse(at(30)));
    await write(stream.client(client), 'ClientLocked', {
      clientId: client,
      reason: 'strategic',
      occurredAt: at(31),
    });
    expect(record()?.locked).toBe(true);
    expect(record()?.revision).toBe(9);
  });

  it('drops archived and merged clients', async () => {
    await write(stream.client(client), 'ClientArchived', {
      clientId: client,
      reason: 'closed down',
      occurredAt: at(40),
    });
    await write(stream.client(globex), 'ClientsMerged', {
      clientId: globex,
      survivorId: acme,
      occurredAt: at(40),
    });
    expect(engine.entities('neglect').size).toBe(0);
  });
});
