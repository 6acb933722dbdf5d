import { simulateCompany } from '../../src/cli/demo/simulate';
import { exportedLog, generateDemo, smallDemo } from './demo-log';
import { openStore, tempDir } from './temp-store';

const temp = tempDir('demo');
afterAll(() => temp.cleanup());

describe('custody demo', () => {
  it('records a small company through the command bus without a single refusal', async () => {
    const store = openStore(temp.path('demo-a.db'));
    const report = await generateDemo(store, 7);
    expect(report.refused).toBe(0);
    expect(report.firstRefusals).toEqual([]);
    const types = new Set<string>();
    for await (const event of store.readAll()) types.add(event.type);
    for (const type of [
      'PersonJoined',
      'PersonDeparted',
      'ClientRegistered',
      'OwnershipAssigned',
      'ContactLogged',
      'VisitLogged',
      'QuoteIssued',
      'QuoteAccepted',
      'QuoteLost',
      'ClientLocked',
    ]) {
      expect(types).toContain(type);
    }
    await store.close();
  });

  it('gives the same event log for the same seed', async () => {
    const first = openStore(temp.path('demo-seed-1.db'));
    const second = openStore(temp.path('demo-seed-2.db'));
    await generateDemo(first, 42);
    await generateDemo(second, 42);
    const log = await exportedLog(first);
    expect(log.length).toBeGreaterThan(0);
    expect(await exportedLog(second)).toBe(log);
    await Promise.all([first.close(), second.close()]);
  });

  it('gives a different company for another seed', () => {
    const a = simulateCompany(smallDemo(1));
    const b = simulateCompany(smallDemo(2));
    expect(a.company.clients.map((client) => client.name)).not.toEqual(
      b.company.clients.map((client) => client.name),
    );
  });

  it('records late entries with recordedAt after occurredAt, and everything else on time', () => {
    const plan = simulateCompany({ ...smallDemo(3), clients: 200, months: 12 });
    const late = plan.steps.filter((step) => {
      const occurred = (step.command as { occurredAt?: string }).occurredAt;
      return occurred !== undefined && Date.parse(occurred) < step.at;
    });
    expect(late.length).toBeGreaterThan(0);
    expect(
      late.every(
        (step) => step.command.type === 'LogContact' || step.command.type === 'LogVisit',
      ),
    ).toBe(true);
    expect(late.length).toBeLessThan(plan.steps.length / 50);
  });

  it('refuses a store that already holds events', async () => {
    const store = openStore(temp.path('demo-full.db'));
    await generateDemo(store, 5);
    await expect(generateDemo(store, 5)).rejects.toThrow(/already holds events/);
    await store.close();
  });
});
