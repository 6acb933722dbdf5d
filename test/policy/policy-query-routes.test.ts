import request from 'supertest';
import { defaultDomainSettings } from '../../src/domain/settings';
import { createApp } from '../../src/http/app';
import type { Principal } from '../../src/http/route';
import { queryRoutes } from '../../src/http/routes/queries';
import { alice, bob, dayAt, iso, mona, openPolicyLedger } from './policy-fixture';

type Ledger = Awaited<ReturnType<typeof openPolicyLedger>>;

const principals: Record<string, Principal> = {
  alice: { personId: alice, role: 'salesperson', tokenId: 't1' },
  mona: { personId: mona, role: 'manager', tokenId: 't2' },
};

describe('GET /v1/dashboards/due-for-release', () => {
  let ledger: Ledger;
  let app: ReturnType<typeof createApp>;
  let alices = '';
  let bobs = '';

  beforeAll(async () => {
    ledger = await openPolicyLedger();
    alices = await ledger.client(0);
    bobs = await ledger.client(2, bob);
    await ledger.client(20);
    const { engine } = ledger;
    app = createApp({
      routes: queryRoutes({
        readModels: ledger.readModels,
        store: ledger.store,
        settings: defaultDomainSettings,
        now: () => dayAt(26).getTime(),
      }),
      store: ledger.store,
      authenticator: { authenticate: (token) => principals[token] },
      readModels: {
        waitForPosition: (position, timeoutMs) =>
          engine.waitForPosition(position, timeoutMs),
        status: () => ({ position: engine.position, caughtUp: true }),
      },
    });
  });
  afterAll(() => ledger.close());

  const get = (query: string, token = 'mona') =>
    request(app)
      .get(`/v1/dashboards/due-for-release${query}`)
      .set('Authorization', `Bearer ${token}`);

  it('lists every client due within the warning period, first due first', async () => {
    const response = await get('').expect(200);
    expect(response.body).toEqual({
      at: iso(26),
      clients: [
        {
          clientId: alices,
          name: expect.any(String),
          ownerId: alice,
          ownerName: 'Alice',
          ownerSince: iso(0),
          reason: 'neglected-no-interaction',
          since: iso(0),
          dueAt: iso(30),
        },
        expect.objectContaining({ clientId: bobs, ownerName: 'Bob', dueAt: iso(32) }),
      ],
      total: 2,
      limit: 50,
      offset: 0,
      nextCursor: null,
    });
  });

  it('answers as of another instant, and for one owner', async () => {
    const later = await get(`?at=${iso(48)}`).expect(200);
    expect(later.body.clients).toEqual([
      expect.objectContaining({ ownerId: alice, dueAt: iso(50) }),
    ]);
    const bobsOnly = await get(`?owner=${bob}`).expect(200);
    expect(bobsOnly.body.clients).toEqual([expect.objectContaining({ clientId: bobs })]);
  });

  it('shows a salesperson their own clients only', async () => {
    const own = await get('', 'alice').expect(200);
    expect(own.body.clients).toEqual([expect.objectContaining({ clientId: alices })]);
    await get(`?owner=${bob}`, 'alice').expect(403);
  });

  it('refuses a malformed instant', async () => {
    const response = await get('?at=tomorrow').expect(400);
    expect(response.body).toMatchObject({ status: 400, code: expect.any(String) });
    expect(response.body.errors).toEqual([
      expect.objectContaining({ path: expect.stringContaining('at') }),
    ]);
  });
});
