import { CustodyError } from '../../errors';

/**
 * One paging and sorting contract for every list the API answers: a sort key
 * out of the list's own set, an order, a page size, and a start given either
 * as an offset or as the opaque cursor of the previous page (keyset: the page
 * after the last row seen, so rows added or removed meanwhile shift nothing).
 */

export type Order = 'asc' | 'desc';
export type SortValue = string | number;

export interface SortKey<T> {
  /** Compared element by element; the order applies to the whole tuple. */
  readonly value: (item: T) => readonly SortValue[];
  /** The order when the query names none, chosen to read naturally for the key. */
  readonly order: Order;
}

export interface ListSorts<T, K extends string> {
  readonly keys: { readonly [key in K]: SortKey<T> };
  /** The sort when the query names none; matches the list's historic order. */
  readonly defaultSort: K;
  /** Unique per row; breaks ties, always ascending, so every order is total. */
  readonly idOf: (item: T) => string;
}

export interface PageQuery<K extends string = string> {
  readonly sort?: K;
  readonly order?: Order;
  readonly limit?: number;
  /** Ignored when `cursor` is given. */
  readonly offset?: number;
  /** From `nextCursor` of the previous page, asked with the same sort and order. */
  readonly cursor?: string;
}

export interface PageInfo {
  /** Rows in the whole list, before paging. */
  readonly total: number;
  readonly limit: number;
  /** Index in the whole list of the first row of this page. */
  readonly offset: number;
  /** Opaque; `null` on the last page. */
  readonly nextCursor: string | null;
}

export interface Page<T> extends PageInfo {
  readonly items: T[];
}

export const defaultLimit = 50;
export const maxLimit = 500;

type Keyed<T> = {
  readonly item: T;
  readonly key: readonly SortValue[];
  readonly id: string;
};

const compareValues = (a: readonly SortValue[], b: readonly SortValue[]): number => {
  for (let index = 0; index < a.length; index += 1) {
    const x = a[index]!;
    const y = b[index]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Where a page ended, in the sort and order it was asked in. */
interface CursorOf {
  readonly sort: string;
  readonly order: Order;
  readonly key: readonly SortValue[];
  readonly id: string;
}

const encodeCursor = (cursor: CursorOf): string =>
  Buffer.from(
    JSON.stringify([cursor.sort, cursor.order, cursor.id, ...cursor.key]),
  ).toString('base64url');

const isSortValue = (value: unknown): value is SortValue =>
  typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value));

const parseCursor = (cursor: string): CursorOf | undefined => {
  try {
    const parts: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (!Array.isArray(parts) || parts.length < 4 || !parts.every(isSortValue)) {
      return undefined;
    }
    const [sort, order, id, ...key] = parts;
    if (typeof sort !== 'string' || typeof id !== 'string') return undefined;
    if (order !== 'asc' && order !== 'desc') return undefined;
    return { sort, order, id, key };
  } catch {
    return undefined;
  }
};

/**
 * A cursor counts only in the sort and order it was made in, with a key
 * shaped like this list's (`like`, when the list has rows).
 */
const decodeCursor = (
  cursor: string,
  asked: { sort: string; order: Order },
  like: readonly SortValue[] | undefined,
): CursorOf => {
  const found = parseCursor(cursor);
  if (
    found !== undefined &&
    found.sort === asked.sort &&
    found.order === asked.order &&
    (like === undefined ||
      (like.length === found.key.length &&
        like.every((value, index) => typeof value === typeof found.key[index])))
  ) {
    return found;
  }
  throw new CustodyError(
    'validation',
    'query.invalid-cursor',
    'The cursor is not valid',
    {
      path: 'query.cursor',
      issues: [
        { path: 'query.cursor', message: 'is not a cursor of this list, sort and order' },
      ],
    },
  );
};

/** Sorts the whole list by the query's key and order, then cuts out one page. */
export const paginate = <T, K extends string>(
  items: Iterable<T>,
  query: PageQuery<K>,
  sorts: ListSorts<T, K>,
): Page<T> => {
  const sort = query.sort ?? sorts.defaultSort;
  const sortKey = sorts.keys[sort];
  const order = query.order ?? sortKey.order;
  const direction = order === 'desc' ? -1 : 1;
  const limit = query.limit ?? defaultLimit;
  const rows: Keyed<T>[] = [];
  for (const item of items) {
    rows.push({ item, key: sortKey.value(item), id: sorts.idOf(item) });
  }
  const compare = (a: Omit<Keyed<T>, 'item'>, b: Omit<Keyed<T>, 'item'>) =>
    direction * compareValues(a.key, b.key) || (a.id === b.id ? 0 : a.id < b.id ? -1 : 1);
  rows.sort(compare);
  let offset = query.offset ?? 0;
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor, { sort, order }, rows[0]?.key);
    const index = rows.findIndex((row) => compare(row, after) > 0);
    offset = index === -1 ? rows.length : index;
  }
  const page = rows.slice(offset, offset + limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => row.item),
    total: rows.length,
    limit,
    offset,
    nextCursor:
      last && offset + limit < rows.length
        ? encodeCursor({ sort, order, key: last.key, id: last.id })
        : null,
  };
};

/** The whole list in the query's sort and order, for exports that are never paged. */
export const sortList = <T, K extends string>(
  items: Iterable<T>,
  query: Pick<PageQuery<K>, 'sort' | 'order'>,
  sorts: ListSorts<T, K>,
): T[] => {
  const { sort, order } = query;
  const whole = { limit: Number.POSITIVE_INFINITY };
  return paginate(
    items,
    { ...whole, ...(sort && { sort }), ...(order && { order }) },
    sorts,
  ).items;
};
