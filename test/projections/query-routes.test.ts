import request from 'supertest';
import { allProjections } from '../../projections';
import type { Role } from '../../src/domain/events/primitives';
import { defaultDomainSettings } from '../../src/domain/settings';
import { formatPosition } from '../../src/eventstore/position';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { createApp } from '../../src/http/app';
import type { Principal, RouteDefinition } from '../../src/http/route';
import { queryRoutes } from '../../src/http/routes/queries';
import { ProjectionEngine } from '../../src/projections/engine';
import { ReadModels } from '../../src/projections/read-models';
import { at, idOf, TestLedger } from './ledger';
import { acme, alice, bob, manager, writeScenario } from './scenario';

const principals: Record<string, Principal> = {
  alice: { personId: alice, role: 'salesperson', tokenId: 't1' },
  mona: { personId: manager, role: 'manager', tokenId: 't2' },
  audit: { personId: idOf(8), role: 'auditor', tokenId: 't3' },
};

describe('query routes', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: allProjections(defaultDomainSettings.strength),
  });
  const routes = queryRoutes({
    readModels: new ReadModels(engine),
    store,
    settings: defaultDomainSettings,
    now: () => Date.parse(at(100)),
  });
  const route = (method: string, path: string): RouteDefinition => {
    const found = routes.find((r) => r.method === method && r.path === path);
    if (!found) throw new Error(`no route ${method} ${path}`);
    return found;
  };
  const call = (path: string, as: Principal, params = {}, query = {}) => {
    const definition = route('get', path);
    return definition.handle({
      params: definition.params ? definition.params.parse(params) : {},
      query: definition.query ? definition.query.parse(query) : {},
      body: undefined,
      principal: as,
      requestId: 'r1',
      headers: {},
    });
  };
  const app = createApp({
    routes,
    store,
    authenticator: { authenticate: (token) => principals[token] },
    readModels: {
      waitForPosition: (position, timeoutMs) =>
        engine.waitForPosition(position, timeoutMs),
      status: () => ({ position: engine.position, caughtUp: true }),
    },
  });
  const get = (path: string, token = 'mona') =>
    request(app).get(`/v1${path}`).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    await engine.start();
    await writeScenario(new TestLedger(store));
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  it('declares read-model routes that every role may call', () => {
    for (const definition of routes) {
      expect(definition.consistency).toBe('read-model');
      expect([...definition.roles].sort()).toEqual(
        (['admin', 'auditor', 'executive', 'manager', 'salesperson'] as Role[]).sort(),
      );
    }
  });

  it('answers owner queries over HTTP once the read models reach the position', async () => {
    const head = formatPosition((await store.headPosition())!);
    const response = await get(
      `/clients/${acme}/owner?knownAt=${at(61)}&minPosition=${head}`,
    );
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ ownerId: alice, knownAt: at(61) });
    const asOf = await get(`/clients/${acme}/owner?asOf=${at(61)}`);
    expect(asOf.body.ownerId).toBe(bob);
  });

  it('reports bad parameters and unknown clients as errors, not 500s', async () => {
    const bad = await get(`/clients/${acme}/owner?asOf=yesterday`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('query.asOf');
    const unknown = await get(`/clients/${idOf(999)}`);
    expect(unknown.status).toBe(404);
    expect(JSON.stringify(unknown.body)).toContain('client.not-found');
    await expect(
      call('/audit/ownership-changes', principals.mona!, {}, { from: at(5), to: at(1) }),
    ).rejects.toMatchObject({ kind: 'validation', path: 'query.from' });
  });

  it('lets a salesperson read only their own portfolio and relationships', async () => {
    await expect(
      call('/dashboards/portfolio/:personId', principals.alice!, { personId: bob }),
    ).rejects.toMatchObject({ kind: 'forbidden', code: 'auth.forbidden' });
    await expect(
      call('/people/:personId/relationships', principals.alice!, { personId: bob }),
    ).rejects.toMatchObject({ code: 'auth.forbidden' });
    const own = await call('/people/:personId/relationships', principals.alice!, {
      personId: alice,
    });
    expect(own.body).toMatchObject({ clients: [{ clientId: acme, isOwner: false }] });
    const managerView = await call('/dashboards/portfolio/:personId', principals.mona!, {
      personId: bob,
    });
    expect(managerView.body).toMatchObject({ clientsHeld: 1, atRiskCount: 1 });
    const forAlice = await call('/clients/:clientId/relationships', principals.alice!, {
      clientId: acme,
    });
    expect((forAlice.body as { people: unknown[] }).people).toHaveLength(1);
  });

  it('exports the ownership feed and the audit trail as CSV', async () => {
    const feed = await get(
      `/audit/ownership-changes?person=${alice}&format=csv`,
      'audit',
    );
    expect(feed.status).toBe(200);
    expect(feed.headers['content-type']).toContain('text/csv');
    expect(feed.text.split('\r\n')).toHaveLength(4);
    const trail = await get(`/clients/${acme}/audit?format=csv`, 'audit');
    expect(trail.text).toContain('ContactLogged');
    const json = await get(`/clients/${acme}/audit`, 'audit');
    expect(json.body.entries).toHaveLength(5);
  });

  it('serves the dashboards and the dispute report in three formats', async () => {
    for (const path of [
      '/dashboards/at-risk',
      '/dashboards/key-person-risk',
      '/dashboards/pool',
      '/dashboards/pending-handovers',
      `/dashboards/activity?from=${at(0)}&to=${at(100)}`,
      `/clients?search=acme`,
      `/clients/${acme}/ownership-history`,
    ]) {
      expect((await get(path)).status).toBe(200);
    }
    const report = await get(`/clients/${acme}/dispute-report?at=${at(61)}`);
    expect(report.body).toMatchObject({
      asOccurred: { ownerId: bob },
      asKnown: { ownerId: alice },
    });
    const text = await get(`/clients/${acme}/dispute-report?at=${at(61)}&format=text`);
    expect(text.headers['content-type']).toContain('text/plain');
    const markdown = await get(
      `/clients/${acme}/dispute-report?at=${at(61)}&format=markdown`,
    );
    expect(markdown.text).toContain('## As the ledger knew it: ownership');
  });
});
