import request from 'supertest';
import { defaultDomainSettings } from '../../src/domain/settings';
import { createApp } from '../../src/http/app';
import type { Principal } from '../../src/http/route';
import { queryRoutes } from '../../src/http/routes/queries';
import { dayAt, mona, openPolicyLedger } from '../policy/policy-fixture';

type Ledger = Awaited<ReturnType<typeof openPolicyLedger>>;

const manager: Principal = { personId: mona, role: 'manager', tokenId: 't1' };

describe('GET /v1/dashboards/due-for-release, paged', () => {
  let ledger: Ledger;
  let app: ReturnType<typeof createApp>;

  beforeAll(async () => {
    ledger = await openPolicyLedger();
    for (const days of [0, 1, 2, 3]) await ledger.client(days);
    const { engine } = ledger;
    app = createApp({
      routes: queryRoutes({
        readModels: ledger.readModels,
        store: ledger.store,
        settings: defaultDomainSettings,
        now: () => dayAt(26).getTime(),
      }),
      store: ledger.store,
      authenticator: {
        authenticate: (token) => (token === 'mona' ? manager : undefined),
      },
      readModels: {
        waitForPosition: (position, timeoutMs) =>
          engine.waitForPosition(position, timeoutMs),
        status: () => ({ position: engine.position, caughtUp: true }),
      },
    });
  });
  afterAll(() => ledger.close());

  const get = (query: Record<string, string | number>) =>
    request(app)
      .get('/v1/dashboards/due-for-release')
      .query(query)
      .set('Authorization', 'Bearer mona');
  const ids = (body: { clients: { clientId: string }[] }) =>
    body.clients.map((client) => client.clientId);

  it('pages by offset and cursor, and sorts by its keys', async () => {
    const whole = (await get({ limit: 500 }).expect(200)).body;
    expect(whole.total).toBeGreaterThanOrEqual(3);
    const dueAts = whole.clients.map((client: { dueAt: string }) => client.dueAt);
    expect(dueAts).toEqual([...dueAts].sort());
    const second = (await get({ limit: 2, offset: 1 }).expect(200)).body;
    expect(ids(second)).toEqual(ids(whole).slice(1, 3));
    expect(second).toMatchObject({ total: whole.total, limit: 2, offset: 1 });
    const first = (await get({ limit: 2 }).expect(200)).body;
    const next = (await get({ limit: 2, cursor: first.nextCursor }).expect(200)).body;
    expect([...ids(first), ...ids(next)]).toEqual(ids(whole).slice(0, 4));
    const newest = (await get({ sort: 'dueAt', order: 'desc', limit: 500 }).expect(200))
      .body;
    expect(ids(newest)).toEqual([...ids(whole)].reverse());
    const byName = (await get({ sort: 'name', limit: 500 }).expect(200)).body;
    const names = byName.clients.map((client: { name: string }) => client.name);
    expect(names).toEqual([...names].sort());
  });

  it('refuses bad paging values with the field path', async () => {
    for (const [query, path] of [
      [{ limit: 0 }, 'query.limit'],
      [{ limit: 10000 }, 'query.limit'],
      [{ offset: -1 }, 'query.offset'],
      [{ sort: 'shoeSize' }, 'query.sort'],
    ] as const) {
      const response = await get(query).expect(400);
      expect(response.body.errors).toEqual([expect.objectContaining({ path })]);
    }
  });
});
