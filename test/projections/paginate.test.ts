import fc from 'fast-check';
import { allProjections } from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { ProjectionEngine } from '../../src/projections/engine';
import { ownershipChanges } from '../../src/projections/queries/audit';
import {
  accountsAtRisk,
  keyPersonReport,
} from '../../src/projections/queries/dashboards';
import {
  activitySorts,
  atRiskSorts,
  handoverSorts,
  keyPersonSorts,
  ownershipChangeSorts,
  personRelationshipSorts,
  poolSorts,
} from '../../src/projections/queries/list-sorts';
import {
  type ListSorts,
  type PageQuery,
  paginate,
  sortList,
} from '../../src/projections/queries/paginate';
import { pendingHandovers, poolClients } from '../../src/projections/queries/pool';
import { activityReport } from '../../src/projections/queries/portfolio';
import { personRelationships } from '../../src/projections/queries/relationships';
import { ReadModels } from '../../src/projections/read-models';
import { ana, writeListScenario } from '../http/list-scenario';
import { at, TestLedger } from './ledger';

interface Item {
  readonly id: string;
  readonly size: number;
  readonly label: string;
}

const sorts: ListSorts<Item, 'size' | 'label'> = {
  keys: {
    size: { order: 'desc', value: (item) => [item.size] },
    label: { order: 'asc', value: (item) => [item.label, item.size] },
  },
  defaultSort: 'size',
  idOf: (item) => item.id,
};

const items = fc.uniqueArray(
  fc.record({
    id: fc.string({ minLength: 1, maxLength: 4 }),
    size: fc.integer({ min: 0, max: 5 }),
    label: fc.constantFrom('a', 'B', 'b', ''),
  }),
  { selector: (item) => item.id, maxLength: 40 },
);
const query = fc.record({
  sort: fc.constantFrom('size' as const, 'label' as const),
  order: fc.constantFrom('asc' as const, 'desc' as const),
});

describe('paginate', () => {
  it('uses the key’s own order when the query names none, ties by id', () => {
    const rows = [
      { id: 'b', size: 1, label: 'x' },
      { id: 'a', size: 1, label: 'x' },
      { id: 'c', size: 3, label: 'y' },
    ];
    expect(paginate(rows, {}, sorts).items.map((item) => item.id)).toEqual([
      'c',
      'a',
      'b',
    ]);
    expect(paginate(rows, { order: 'asc' }, sorts).items.map((item) => item.id)).toEqual([
      'a',
      'b',
      'c',
    ]);
  });

  it('walks the same rows by offset and by cursor, once each', () => {
    fc.assert(
      fc.property(items, query, fc.integer({ min: 1, max: 7 }), (list, asked, limit) => {
        const whole = sortList(list, asked, sorts);
        expect(whole).toHaveLength(list.length);
        const byOffset: Item[] = [];
        for (let offset = 0; offset < list.length; offset += limit) {
          const page = paginate(list, { ...asked, limit, offset }, sorts);
          expect(page).toMatchObject({ total: list.length, limit, offset });
          byOffset.push(...page.items);
        }
        expect(byOffset).toEqual(whole);
        const byCursor: Item[] = [];
        let cursor: string | null = null;
        do {
          const next: PageQuery<'size' | 'label'> = cursor
            ? { ...asked, limit, cursor }
            : { ...asked, limit };
          const page = paginate(list, next, sorts);
          byCursor.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== null);
        expect(byCursor).toEqual(whole);
      }),
    );
  });

  it('refuses a cursor not made by this list, sort and order', () => {
    const rows = [{ id: 'a', size: 1, label: 'x' }];
    const labelled = paginate(
      [...rows, { id: 'b', size: 2, label: 'y' }],
      { sort: 'label', limit: 1 },
      sorts,
    ).nextCursor;
    const two = [...rows, { id: 'b', size: 2, label: 'y' }];
    const ascending = paginate(two, { order: 'asc', limit: 1 }, sorts).nextCursor;
    expect(paginate(two, { order: 'asc', cursor: ascending! }, sorts).items).toEqual([
      two[1],
    ]);
    const bad = ['nonsense', Buffer.from('[1,2]').toString('base64url')];
    for (const [cursor, order] of [
      ...bad.map((text) => [text, undefined] as const),
      [labelled!, undefined],
      [ascending!, 'desc'],
    ] as const) {
      const query = { sort: 'size' as const, cursor, ...(order && { order }) };
      expect(() => paginate(rows, query, sorts)).toThrow(
        expect.objectContaining({ code: 'query.invalid-cursor', path: 'query.cursor' }),
      );
    }
  });
});

describe('default sorts keep each list’s historic order', () => {
  const store = openSqliteEventStore({ path: ':memory:' });
  const engine = new ProjectionEngine({
    store,
    database: store.database,
    projections: allProjections(defaultDomainSettings.strength),
  });
  const models = new ReadModels(engine);
  const model = defaultDomainSettings.strength;
  const day100 = Date.parse(at(100));

  beforeAll(async () => {
    await engine.start();
    await writeListScenario(new TestLedger(store));
  });
  afterAll(async () => {
    await engine.close();
    await store.close();
  });

  const same = <T, K extends string>(list: T[], listSorts: ListSorts<T, K>) => {
    expect(list.length).toBeGreaterThanOrEqual(2);
    expect(sortList([...list].reverse(), {}, listSorts)).toEqual(list);
  };

  it('for every dashboard and feed', () => {
    same(accountsAtRisk(models, { at: day100 }, model), atRiskSorts);
    same([...keyPersonReport(models, day100, model).keyPersonRisk], keyPersonSorts);
    same(poolClients(models), poolSorts);
    same(pendingHandovers(models, day100), handoverSorts);
    same(activityReport(models, { from: 0, to: day100 }), activitySorts);
    same(personRelationships(models, ana, day100, model), personRelationshipSorts);
    same(ownershipChanges(models), ownershipChangeSorts);
  });
});
