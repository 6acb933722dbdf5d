import type { ClientRecord } from '../../../projections';
import { isoOf } from '../../../projections/definition';
import { CustodyError } from '../../errors';
import type { ReadModels } from '../read-models';

export interface ClientView {
  readonly clientId: string;
  readonly name: string;
  readonly externalId: string | null;
  readonly industry: string | null;
  readonly region: string | null;
  readonly source: string;
  readonly registeredAt: string;
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly ownerSince: string | null;
  readonly previousOwnerId: string | null;
  readonly pooledSince: string | null;
  readonly locked: boolean;
  readonly archived: boolean;
  readonly archivedAt: string | null;
  readonly mergedInto: string | null;
  readonly revision: number;
}

const isoOrNull = (ms: number | null): string | null => (ms === null ? null : isoOf(ms));

export const toClientView = (client: ClientRecord, models: ReadModels): ClientView => ({
  clientId: client.clientId,
  name: client.name,
  externalId: client.externalId,
  industry: client.industry,
  region: client.region,
  source: client.source,
  registeredAt: isoOf(client.registeredAt),
  ownerId: client.ownerId,
  ownerName: models.personName(client.ownerId),
  ownerSince: isoOrNull(client.ownerSince),
  previousOwnerId: client.previousOwnerId,
  pooledSince: isoOrNull(client.pooledSince),
  locked: client.locked,
  archived: client.archivedAt !== null,
  archivedAt: isoOrNull(client.archivedAt),
  mergedInto: client.mergedInto,
  revision: client.revision,
});

/** The client, or `client.not-found`. */
export const requireClient = (models: ReadModels, clientId: string): ClientRecord => {
  const client = models.client(clientId);
  if (!client) {
    throw new CustodyError('not-found', 'client.not-found', `No client ${clientId}`, {
      path: 'params.clientId',
    });
  }
  return client;
};

export interface ClientListQuery {
  readonly owner?: string;
  /** Only pooled (true) or only owned (false) clients. */
  readonly pool?: boolean;
  readonly locked?: boolean;
  readonly archived?: boolean;
  readonly merged?: boolean;
  /** Case-insensitive substring of the name. */
  readonly search?: string;
  readonly sort?: 'name' | 'ownerSince';
  readonly order?: 'asc' | 'desc';
  readonly limit?: number;
  /** Opaque; from `nextCursor` of the previous page. */
  readonly cursor?: string;
  readonly offset?: number;
}

export interface ClientPage {
  readonly items: readonly ClientView[];
  readonly total: number;
  readonly nextCursor: string | null;
}

const matches = (
  client: ClientRecord,
  query: ClientListQuery,
  needle: string | undefined,
) =>
  (query.owner === undefined || client.ownerId === query.owner) &&
  (query.pool === undefined || (client.ownerId === null) === query.pool) &&
  (query.locked === undefined || client.locked === query.locked) &&
  (query.archived === undefined || (client.archivedAt !== null) === query.archived) &&
  (query.merged === undefined || (client.mergedInto !== null) === query.merged) &&
  (needle === undefined || client.name.toLowerCase().includes(needle));

type SortKey = readonly [string | number, string];

const sortKey = (client: ClientRecord, sort: 'name' | 'ownerSince'): SortKey =>
  sort === 'name'
    ? [client.name.toLowerCase(), client.clientId]
    : [client.ownerSince ?? Number.MAX_SAFE_INTEGER, client.clientId];

const compareKeys = (a: SortKey, b: SortKey): number => {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  if (a[1] !== b[1]) return a[1] < b[1] ? -1 : 1;
  return 0;
};

const encodeCursor = (key: SortKey): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

const decodeCursor = (cursor: string): SortKey => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    if (
      Array.isArray(key) &&
      key.length === 2 &&
      (typeof key[0] === 'string' || typeof key[0] === 'number') &&
      typeof key[1] === 'string'
    ) {
      return [key[0], key[1]];
    }
  } catch {
    // Falls through to the validation error below.
  }
  throw new CustodyError(
    'validation',
    'query.invalid-cursor',
    'The cursor is not valid',
    {
      path: 'query.cursor',
    },
  );
};

/** Filters, sorts and pages the client directory (keyset cursor or offset). */
export const listClients = (
  models: ReadModels,
  query: ClientListQuery = {},
): ClientPage => {
  const sort = query.sort ?? 'name';
  const direction = query.order === 'desc' ? -1 : 1;
  const limit = query.limit ?? 50;
  const needle = query.search?.toLowerCase();
  const rows: { client: ClientRecord; key: SortKey }[] = [];
  for (const client of models.clients().values()) {
    if (matches(client, query, needle)) rows.push({ client, key: sortKey(client, sort) });
  }
  rows.sort((a, b) => direction * compareKeys(a.key, b.key));
  let start = query.offset ?? 0;
  if (query.cursor !== undefined) {
    const after = decodeCursor(query.cursor);
    const index = rows.findIndex((row) => direction * compareKeys(row.key, after) > 0);
    start = index === -1 ? rows.length : index;
  }
  const page = rows.slice(start, start + limit);
  const last = page.at(-1);
  return {
    items: page.map((row) => toClientView(row.client, models)),
    total: rows.length,
    nextCursor: last && start + limit < rows.length ? encodeCursor(last.key) : null,
  };
};
