import { allProjections } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { ProjectionEngine } from '../../src/projections/engine';
import {
  clientAuditTrail,
  ownershipChanges,
  ownershipChangesCsv,
} from '../../src/projections/queries/audit';
import { listClients } from '../../src/projections/queries/client-directory';
import { toCsv } from '../../src/projections/queries/csv';
import { accountsAtRisk } from '../../src/projections/queries/dashboards';
import {
  ownerAt,
  ownershipIntervals,
} from '../../src/projections/queries/ownership-history';
import { ReadModelOwnershipLookup } from '../../src/projections/queries/ownership-lookup';
import { pendingHandovers, poolClients } from '../../src/projections/queries/pool';
import { activityReport, portfolio } from '../../src/projections/queries/portfolio';
import { clientRelationships } from '../../src/projections/queries/relationships';
import { ReadModels } from '../../src/projections/read-models';
import { at, TestLedger } from './ledger';
import { acme, alice, bob, globex, manager, writeScenario } from './scenario';

const model = defaultDomainSettings.strength;
const ms = (days: number) => Date.parse(at(days));

describe('read-model queries on a scripted history', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: allProjections(model),
  });
  const models = new ReadModels(engine);

  beforeAll(async () => {
    await writeScenario(new TestLedger(store));
    await engine.start();
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  it('answers who owned a client as of an instant and as known at an instant', () => {
    expect(ownerAt(models, acme, { asOf: ms(61) }).ownerId).toBe(bob);
    // The transfer of day 60 was recorded on day 62: on day 61 the ledger still said Alice.
    expect(ownerAt(models, acme, { knownAt: ms(61) })).toMatchObject({
      ownerId: alice,
      ownerName: 'Alice',
      since: at(1),
      reason: 'assignment',
    });
    expect(ownerAt(models, acme, { knownAt: ms(63), asOf: ms(61) }).ownerId).toBe(bob);
    expect(ownerAt(models, acme, { asOf: ms(0.5) })).toMatchObject({
      ownerId: null,
      registered: true,
      reason: 'registered',
    });
    expect(ownerAt(models, globex, { asOf: ms(0.25) }).registered).toBe(false);
  });

  it('lays out ownership as intervals with reason, actor and approver', () => {
    expect(ownershipIntervals(models, acme)).toMatchObject([
      { ownerId: null, from: at(0), to: at(1), reason: 'registered' },
      { ownerId: alice, from: at(1), to: at(60), actorId: manager, approverId: manager },
      { ownerId: bob, from: at(60), to: null, reason: 'handover', recordedAt: at(62) },
    ]);
    expect(ownershipIntervals(models, acme, { knownAt: ms(61) }).at(-1)).toMatchObject({
      ownerId: alice,
      to: null,
    });
  });

  it('counts a late-recorded interaction where it happened', () => {
    const day30 = clientRelationships(models, acme, ms(30), model);
    expect(day30.people.map((p) => [p.personId, p.score])).toEqual([
      [alice, 35],
      [bob, 24],
    ]);
    expect(day30.people[1]?.strength).toBeCloseTo(3 * 2 ** (-10 / 90), 12);
    expect(day30.ownerNotStrongest).toBe(true);
    expect(clientRelationships(models, acme, ms(15), model).people).toHaveLength(1);
  });

  it('filters, searches and pages the client directory', () => {
    expect(listClients(models, { search: 'ACME' }).items.map((c) => c.clientId)).toEqual([
      acme,
    ]);
    expect(listClients(models, { pool: true }).items.map((c) => c.clientId)).toEqual([
      globex,
    ]);
    expect(listClients(models, { owner: bob }).items[0]).toMatchObject({
      ownerName: 'Bob',
      ownerSince: at(60),
      previousOwnerId: alice,
    });
    const first = listClients(models, { limit: 1 });
    expect(first).toMatchObject({ total: 2, items: [{ clientId: acme }] });
    const second = listClients(models, { limit: 1, cursor: first.nextCursor! });
    expect(second).toMatchObject({ nextCursor: null, items: [{ clientId: globex }] });
    expect(() => listClients(models, { cursor: 'nonsense' })).toThrow(
      expect.objectContaining({ code: 'query.invalid-cursor', path: 'query.cursor' }),
    );
  });

  it('feeds ownership changes by person and exports them as CSV', () => {
    const changes = ownershipChanges(models, { person: alice });
    expect(changes.map((c) => [c.eventType, c.fromOwnerId, c.toOwnerId])).toEqual([
      ['OwnershipAssigned', null, alice],
      ['OwnershipTransferred', alice, bob],
    ]);
    expect(ownershipChanges(models, { person: alice, from: ms(2) })).toHaveLength(1);
    const csv = ownershipChangesCsv(changes).split('\r\n');
    expect(csv[0]).toBe(
      'occurredAt,recordedAt,clientId,clientName,eventType,fromOwnerId,toOwnerId,reason,actorId,approverId,position',
    );
    expect(csv).toHaveLength(4);
    expect(toCsv(['a', 'b'], [['Globex, "the big one"', '=SUM(A1)']])).toBe(
      'a,b\r\n"Globex, ""the big one""",\'=SUM(A1)\r\n',
    );
  });

  it('reads the audit trail from the log with late entries flagged', async () => {
    const trail = await clientAuditTrail(store, acme);
    expect(trail.map((entry) => [entry.type, entry.lateRecorded])).toEqual([
      ['ClientRegistered', false],
      ['OwnershipAssigned', false],
      ['VisitLogged', false],
      ['ContactLogged', true],
      ['OwnershipTransferred', true],
    ]);
    await expect(clientAuditTrail(store, manager)).rejects.toMatchObject({
      code: 'client.not-found',
    });
  });

  it('serves dashboards: pool, at-risk, portfolio, activity, handovers', async () => {
    expect(poolClients(models)).toEqual([
      expect.objectContaining({
        clientId: globex,
        pooledSince: at(0.5),
        previousOwnerId: null,
      }),
    ]);
    const atRisk = accountsAtRisk(models, { at: ms(100) }, model);
    expect(atRisk).toEqual([
      expect.objectContaining({
        clientId: acme,
        ownerId: bob,
        lastOwnerInteractionAt: at(20),
        ownerScore: 15,
        reasons: ['no-owner-interaction', 'weak-owner-relationship'],
      }),
    ]);
    expect(accountsAtRisk(models, { at: ms(30), days: 30 }, model)[0]?.reasons).toEqual([
      'weak-owner-relationship',
    ]);
    const bobs = portfolio(
      models,
      bob,
      { at: ms(100), period: { from: ms(0), to: ms(100) } },
      model,
    );
    expect(bobs).toMatchObject({ clientsHeld: 1, atRiskCount: 1, bands: { weak: 1 } });
    const activity = activityReport(models, { from: ms(0), to: ms(30) });
    expect(activity.find((row) => row.personId === alice)).toMatchObject({ visits: 1 });
    expect(activity.find((row) => row.personId === bob)).toMatchObject({ contacts: 1 });
    expect(pendingHandovers(models, ms(100))).toEqual([]);
    const lookup = new ReadModelOwnershipLookup(models);
    expect(await lookup.clientsOwnedBy(bob)).toEqual([acme]);
    expect(await lookup.clientsOwnedBy(alice)).toEqual([]);
  });
});
