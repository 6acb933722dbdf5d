import { allProjections } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import {
  buildDisputeReport,
  type DisputeReport,
} from '../../src/projections/dispute-report';
import {
  renderDisputeMarkdown,
  renderDisputeText,
} from '../../src/projections/dispute-report-render';
import { ProjectionEngine } from '../../src/projections/engine';
import { ReadModels } from '../../src/projections/read-models';
import { at, TestLedger } from './ledger';
import { acme, alice, bob, writeScenario } from './scenario';

const model = defaultDomainSettings.strength;
const score = (s: number) => Math.round(100 * (1 - Math.exp(-s / 10)));

describe('dispute report', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: allProjections(model),
  });
  const models = new ReadModels(engine);
  const report = (days: number): Promise<DisputeReport> =>
    buildDisputeReport({
      store,
      clientId: acme,
      at: Date.parse(at(days)),
      model,
      personName: (id) => models.personName(id),
    });

  beforeAll(async () => {
    await writeScenario(new TestLedger(store));
    await engine.start();
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  it('separates what had happened from what the ledger knew at the instant', async () => {
    const day30 = await report(30);
    expect(day30.asOccurred.interactions.map((entry) => entry.type)).toEqual([
      'VisitLogged',
      'ContactLogged',
    ]);
    expect(day30.asKnown.interactions.map((entry) => entry.type)).toEqual([
      'VisitLogged',
    ]);
    expect(day30.learnedAfter).toEqual([
      expect.objectContaining({ type: 'ContactLogged', occurredAt: at(20) }),
    ]);
    expect(day30.asKnown.strength.map((row) => row.personId)).toEqual([alice]);
  });

  it('lays out first contacts, ownership, strength over time and late entries', async () => {
    const day61 = await report(61);
    expect(day61.asOccurred.firstContacts).toMatchObject([
      { personId: alice, personName: 'Alice', firstAt: at(10), interactions: 1 },
      { personId: bob, personName: 'Bob', firstAt: at(20), interactions: 1 },
    ]);
    expect(day61.asOccurred.ownership).toMatchObject([
      { ownerId: alice, from: at(1), to: at(60) },
      { ownerId: bob, from: at(60), to: null, recordedAt: at(62) },
    ]);
    expect(day61.asOccurred.ownerId).toBe(bob);
    expect(day61.asKnown.ownerId).toBe(alice);
    expect(day61.lateEntries.map((entry) => entry.type)).toEqual([
      'ContactLogged',
      'OwnershipTransferred',
    ]);
    expect(day61.learnedAfter.map((entry) => entry.type)).toEqual([
      'OwnershipTransferred',
    ]);
    const aliceRow = day61.asOccurred.strength.find((row) => row.personId === alice)!;
    // Monthly points from the first interaction (11 January): 1 February, 1 March, then day 61.
    expect(aliceRow.points).toEqual([
      { at: '2026-02-01T00:00:00.000Z', score: score(5 * 2 ** (-21 / 90)) },
      { at: '2026-03-01T00:00:00.000Z', score: score(5 * 2 ** (-49 / 90)) },
      { at: at(61), score: score(5 * 2 ** (-51 / 90)) },
    ]);
  });

  it('renders as text and as Markdown', async () => {
    const day61 = await report(61);
    const text = renderDisputeText(day61);
    expect(text).toContain(`Dispute report for Acme Tools (${acme}) at ${at(61)}`);
    expect(text).toContain('Owner as it happened: Bob; as the ledger knew it: Alice');
    expect(text).toMatch(/ContactLogged\s+\S+\s+LATE/);
    const markdown = renderDisputeMarkdown(day61);
    expect(markdown).toContain('## As it happened: first contact per person');
    expect(markdown).toContain('| person | first contact | interactions |');
  });

  it('refuses an unknown client', async () => {
    await expect(
      buildDisputeReport({
        store,
        clientId: alice,
        at: Date.now(),
        model,
        personName: () => null,
      }),
    ).rejects.toMatchObject({ code: 'client.not-found' });
  });
});
