import request from 'supertest';
import { allProjections } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { createApp } from '../../src/http/app';
import type { Principal } from '../../src/http/route';
import { queryRoutes } from '../../src/http/routes/queries';
import { ProjectionEngine } from '../../src/projections/engine';
import { ReadModels } from '../../src/projections/read-models';
import { at, TestLedger } from '../projections/ledger';
import { ana, clients, mona, writeListScenario } from './list-scenario';

type Row = Record<string, unknown>;
type Value = string | number;

interface ListCase {
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly field: string;
  readonly id: (row: Row) => string;
  /** Per sort key, the value the rows must be ordered by. */
  readonly sorts: Record<string, (row: Row) => Value>;
  /** Where the page info sits, when not beside the list. */
  readonly pageOf?: (body: Row) => Row;
}

const text = (name: string) => (row: Row) => (row[name] as string | null) ?? '';
const num = (name: string) => (row: Row) => row[name] as number;
const byClient = (row: Row) => row.clientId as string;
const relationshipSorts = (name: string) => ({
  strength: num('strength'),
  score: num('score'),
  lastInteractionAt: text('lastInteractionAt'),
  name: text(name),
});
const standingSorts = {
  ownerScore: num('ownerScore'),
  lastOwnerInteractionAt: text('lastOwnerInteractionAt'),
  name: text('name'),
};
const day100 = { at: at(100) };

const cases: ListCase[] = [
  {
    path: '/clients',
    field: 'items',
    id: byClient,
    sorts: {
      name: (row) => (row.name as string).toLowerCase(),
      ownerSince: (row) => (row.ownerSince as string | null) ?? '\uffff',
    },
  },
  {
    path: '/dashboards/at-risk',
    query: day100,
    field: 'clients',
    id: byClient,
    sorts: standingSorts,
  },
  {
    path: `/dashboards/portfolio/${ana}`,
    query: day100,
    field: 'clients',
    id: byClient,
    sorts: standingSorts,
  },
  {
    path: '/dashboards/key-person-risk',
    query: day100,
    field: 'keyPersonRisk',
    id: byClient,
    sorts: { share: num('share'), name: text('name') },
    pageOf: (body) => (body.pages as Record<string, Row>).keyPersonRisk!,
  },
  {
    path: '/dashboards/pool',
    field: 'clients',
    id: byClient,
    sorts: { pooledSince: text('pooledSince'), name: text('name') },
  },
  {
    path: '/dashboards/pending-handovers',
    query: day100,
    field: 'handovers',
    id: (row) => row.handoverId as string,
    sorts: { requestedAt: text('requestedAt'), expiresAt: text('expiresAt') },
  },
  {
    path: '/dashboards/activity',
    query: { from: at(0), to: at(100) },
    field: 'people',
    id: (row) => row.personId as string,
    sorts: {
      activity: (row) => (row.contacts as number) + (row.visits as number),
      contacts: num('contacts'),
      visits: num('visits'),
      quotesIssued: num('quotesIssued'),
      quotesWon: num('quotesWon'),
      quotesLost: num('quotesLost'),
      name: text('personName'),
    },
  },
  {
    path: `/people/${ana}/relationships`,
    query: day100,
    field: 'clients',
    id: byClient,
    sorts: relationshipSorts('clientName'),
  },
  {
    path: `/clients/${clients[3]}/relationships`,
    query: day100,
    field: 'people',
    id: (row) => row.personId as string,
    sorts: relationshipSorts('personName'),
  },
  {
    path: `/clients/${clients[3]}/audit`,
    field: 'entries',
    id: (row) => row.position as string,
    sorts: {
      revision: num('revision'),
      occurredAt: text('occurredAt'),
      recordedAt: text('recordedAt'),
    },
  },
  {
    path: `/clients/${clients[3]}/ownership-history`,
    field: 'intervals',
    id: (row) => `${row.from}/${row.position}`,
    sorts: { from: text('from') },
  },
  {
    path: '/audit/ownership-changes',
    field: 'changes',
    id: (row) => `${row.position}/${row.clientId}`,
    sorts: {
      occurredAt: text('occurredAt'),
      recordedAt: text('recordedAt'),
      clientName: text('clientName'),
    },
  },
];

const principal: Principal = { personId: mona, role: 'manager', tokenId: 't1' };

describe('paged and sorted lists', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: allProjections(defaultDomainSettings.strength),
  });
  const app = createApp({
    routes: queryRoutes({
      readModels: new ReadModels(engine),
      store,
      settings: defaultDomainSettings,
      now: () => Date.parse(at(100)),
    }),
    store,
    authenticator: {
      authenticate: (token) => (token === 'mona' ? principal : undefined),
    },
    readModels: {
      waitForPosition: (position, timeoutMs) =>
        engine.waitForPosition(position, timeoutMs),
      status: () => ({ position: engine.position, caughtUp: true }),
    },
  });
  const get = (list: ListCase, query: Record<string, string | number> = {}) =>
    request(app)
      .get(`/v1${list.path}`)
      .query({ ...list.query, ...query })
      .set('Authorization', 'Bearer mona');
  const page = async (list: ListCase, query: Record<string, string | number>) => {
    const response = await get(list, query);
    expect(response.status).toBe(200);
    const body = response.body as Row;
    return { rows: body[list.field] as Row[], info: list.pageOf?.(body) ?? body };
  };
  const walkByCursor = async (list: ListCase, query: Record<string, string | number>) => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const next = await page(list, { ...query, limit: 2, ...(cursor && { cursor }) });
      ids.push(...next.rows.map(list.id));
      cursor = next.info.nextCursor as string | null;
    } while (cursor !== null);
    return ids;
  };

  beforeAll(async () => {
    await engine.start();
    await writeListScenario(new TestLedger(store));
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  describe.each(cases.map((list) => [list.path, list] as const))('%s', (_, list) => {
    it('pages by limit and offset, and by cursor, through the whole list', async () => {
      const whole = await page(list, { limit: 500 });
      const ids = whole.rows.map(list.id);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      expect(whole.info).toMatchObject({
        total: ids.length,
        limit: 500,
        offset: 0,
        nextCursor: null,
      });
      const first = await page(list, {});
      expect(first.rows.map(list.id)).toEqual(ids.slice(0, 50));
      expect(first.info).toMatchObject({ limit: 50, offset: 0 });
      for (let offset = 0; offset < ids.length; offset += 1) {
        const one = await page(list, { limit: 1, offset });
        expect(one.rows.map(list.id)).toEqual([ids[offset]]);
        expect(one.info).toMatchObject({ total: ids.length, limit: 1, offset });
      }
      const past = await page(list, { offset: ids.length });
      expect(past.rows).toEqual([]);
      expect(await walkByCursor(list, {})).toEqual(ids);
    });

    it('sorts by each of its keys in both orders', async () => {
      const everyone = (await page(list, { limit: 500 })).rows.map(list.id).sort();
      for (const [sort, keyOf] of Object.entries(list.sorts)) {
        for (const order of ['asc', 'desc'] as const) {
          const { rows } = await page(list, { sort, order, limit: 500 });
          expect(rows.map(list.id).sort()).toEqual(everyone);
          const values = rows.map(keyOf);
          values.slice(1).forEach((value, index) => {
            const before = values[index]!;
            if (order === 'asc') expect(before <= value).toBe(true);
            else expect(before >= value).toBe(true);
          });
          const walked = await walkByCursor(list, { sort, order });
          expect(walked).toEqual(rows.map(list.id));
        }
      }
    });

    it('refuses bad paging values with the field path', async () => {
      for (const [query, path] of [
        [{ limit: 0 }, 'query.limit'],
        [{ limit: 10000 }, 'query.limit'],
        [{ limit: 'ten' }, 'query.limit'],
        [{ offset: -1 }, 'query.offset'],
        [{ sort: 'shoeSize' }, 'query.sort'],
        [{ order: 'sideways' }, 'query.order'],
        [{ cursor: 'not-a-cursor' }, 'query.cursor'],
      ] as const) {
        const response = await get(list, query);
        expect(response.status).toBe(400);
        expect(response.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ path })]),
        );
      }
    });
  });

  it('exports whole, sorted CSV and refuses page parameters beside it', async () => {
    const changes = cases.find((list) => list.path === '/audit/ownership-changes')!;
    const json = await page(changes, { sort: 'clientName', limit: 500 });
    const csv = await get(changes, { format: 'csv', sort: 'clientName' });
    expect(csv.status).toBe(200);
    const lines = csv.text.trim().split('\r\n').slice(1);
    expect(lines.map((line) => line.split(',')[3])).toEqual(
      json.rows.map((row) => row.clientName),
    );
    for (const name of ['limit', 'offset', 'cursor']) {
      const refused = await get(changes, { format: 'csv', [name]: '1' });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ path: `query.${name}` }),
      ]);
    }
    const audit = cases.find((list) => list.path.endsWith('/audit'))!;
    const trail = await get(audit, { format: 'csv', order: 'desc' });
    const revisions = trail.text
      .trim()
      .split('\r\n')
      .slice(1)
      .map((line) => Number(line.split(',')[1]));
    expect(revisions).toEqual([...revisions].sort((a, b) => b - a));
    expect(revisions.length).toBeGreaterThan(2);
  });
});
