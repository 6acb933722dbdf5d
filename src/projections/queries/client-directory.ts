import type { ClientRecord } from '../../../projections';
import { isoOf } from '../../../projections/definition';
import { CustodyError } from '../../errors';
import type { ReadModels } from '../read-models';
import { type ListSorts, type Page, type PageQuery, paginate } from './paginate';

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

export interface ClientListQuery extends PageQuery<'name' | 'ownerSince'> {
  readonly owner?: string;
  /** Only pooled (true) or only owned (false) clients. */
  readonly pool?: boolean;
  readonly locked?: boolean;
  readonly archived?: boolean;
  readonly merged?: boolean;
  /** Case-insensitive substring of the name. */
  readonly search?: string;
}

export type ClientPage = Page<ClientView>;

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

/**
 * By name regardless of case, or by owner since (pooled clients last). The
 * client id sits inside the key, so a descending order reverses ties too.
 */
export const clientSorts: ListSorts<ClientRecord, 'name' | 'ownerSince'> = {
  keys: {
    name: { order: 'asc', value: (c) => [c.name.toLowerCase(), c.clientId] },
    ownerSince: {
      order: 'asc',
      value: (c) => [c.ownerSince ?? Number.MAX_SAFE_INTEGER, c.clientId],
    },
  },
  defaultSort: 'name',
  idOf: (c) => c.clientId,
};

/** Filters, sorts and pages the client directory (keyset cursor or offset). */
export const listClients = (
  models: ReadModels,
  query: ClientListQuery = {},
): ClientPage => {
  const needle = query.search?.toLowerCase();
  const found: ClientRecord[] = [];
  for (const client of models.clients().values()) {
    if (matches(client, query, needle)) found.push(client);
  }
  const page = paginate(found, query, clientSorts);
  return { ...page, items: page.items.map((client) => toClientView(client, models)) };
};
