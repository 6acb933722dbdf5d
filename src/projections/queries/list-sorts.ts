import type { DueClient } from '../../policy/due-actions';
import type { AuditEntry, OwnershipChangeEntry } from './audit';
import type { AtRiskClient, KeyPersonEntry } from './dashboards';
import type { OwnershipInterval } from './ownership-history';
import type { ListSorts, SortKey, SortValue } from './paginate';
import type { PendingHandover, PoolEntry } from './pool';
import type { PersonActivityRow } from './portfolio';
import type { PersonRelationship, Relationship } from './relationships';

/**
 * The sort keys of every list the API pages. Each default reproduces the
 * order the list had before it could be paged, so the first page of a caller
 * that asks for no sort is what it always was. Instants are compared as ISO
 * 8601 text (same width, so text order is time order); a missing instant is
 * the empty text, first in ascending order.
 */

const asc = <T>(value: (item: T) => readonly SortValue[]): SortKey<T> => ({
  value,
  order: 'asc',
});
const desc = <T>(value: (item: T) => readonly SortValue[]): SortKey<T> => ({
  value,
  order: 'desc',
});

/** Event positions as numbers, in commit order; `null` (no event) first. */
const positionKey = (position: string | null): number[] => {
  if (position === null) return [-1, -1];
  const [commit = '0', prepare = commit] = position.split('.');
  return [Number(commit), Number(prepare)];
};

const standingKeys = {
  ownerScore: asc((c: AtRiskClient) => [c.ownerScore, c.name]),
  lastOwnerInteractionAt: asc((c: AtRiskClient) => [
    c.lastOwnerInteractionAt ?? '',
    c.name,
  ]),
  name: asc((c: AtRiskClient) => [c.name]),
};

/** Accounts at risk: weakest owner relationship first. */
export const atRiskSorts: ListSorts<AtRiskClient, keyof typeof standingKeys> = {
  keys: standingKeys,
  defaultSort: 'ownerScore',
  idOf: (c) => c.clientId,
};

/** A portfolio's clients: by name. */
export const portfolioClientSorts: typeof atRiskSorts = {
  ...atRiskSorts,
  defaultSort: 'name',
};

export const keyPersonSorts: ListSorts<KeyPersonEntry, 'share' | 'name'> = {
  keys: { share: desc((e) => [e.share]), name: asc((e) => [e.name]) },
  defaultSort: 'share',
  idOf: (e) => e.clientId,
};

export const poolSorts: ListSorts<PoolEntry, 'pooledSince' | 'name'> = {
  keys: { pooledSince: asc((e) => [e.pooledSince ?? '']), name: asc((e) => [e.name]) },
  defaultSort: 'pooledSince',
  idOf: (e) => e.clientId,
};

export const handoverSorts: ListSorts<PendingHandover, 'requestedAt' | 'expiresAt'> = {
  keys: {
    requestedAt: asc((x) => [x.requestedAt]),
    expiresAt: asc((x) => [x.expiresAt]),
  },
  defaultSort: 'requestedAt',
  idOf: (x) => x.handoverId,
};

const countKey = (
  field: keyof Omit<PersonActivityRow, 'personId' | 'personName' | 'wonValue'>,
) => desc((row: PersonActivityRow) => [row[field]]);

/** Activity per person: busiest (contacts and visits) first. */
export const activitySorts = {
  keys: {
    activity: desc((row: PersonActivityRow) => [row.contacts + row.visits]),
    contacts: countKey('contacts'),
    visits: countKey('visits'),
    quotesIssued: countKey('quotesIssued'),
    quotesWon: countKey('quotesWon'),
    quotesLost: countKey('quotesLost'),
    name: asc((row: PersonActivityRow) => [row.personName ?? row.personId]),
  },
  defaultSort: 'activity',
  idOf: (row: PersonActivityRow) => row.personId,
} as const satisfies ListSorts<PersonActivityRow, string>;

const relationshipKeys = <T extends Relationship>(nameOf: (item: T) => string) => ({
  strength: desc((r: T) => [r.strength]),
  score: desc((r: T) => [r.score, r.strength]),
  lastInteractionAt: desc((r: T) => [r.lastInteractionAt ?? '']),
  name: asc((r: T) => [nameOf(r)]),
});

/** A person's relationships: strongest first. */
export const personRelationshipSorts = {
  keys: relationshipKeys<PersonRelationship>((r) => r.clientName),
  defaultSort: 'strength',
  idOf: (r: PersonRelationship) => r.clientId,
} as const satisfies ListSorts<PersonRelationship, string>;

/** A client's relationships: strongest first. */
export const clientRelationshipSorts = {
  keys: relationshipKeys<Relationship>((r) => r.personName ?? r.personId),
  defaultSort: 'strength',
  idOf: (r: Relationship) => r.personId,
} as const satisfies ListSorts<Relationship, string>;

/** A client's audit trail: stream order. */
export const auditSorts: ListSorts<AuditEntry, 'revision' | 'occurredAt' | 'recordedAt'> =
  {
    keys: {
      revision: asc((e) => [e.revision]),
      occurredAt: asc((e) => [e.occurredAt, e.revision]),
      recordedAt: asc((e) => [e.recordedAt, e.revision]),
    },
    defaultSort: 'revision',
    idOf: (e) => e.position,
  };

/** The ownership feed: as things happened, recording order among equal instants. */
export const ownershipChangeSorts: ListSorts<
  OwnershipChangeEntry,
  'occurredAt' | 'recordedAt' | 'clientName'
> = {
  keys: {
    occurredAt: asc((e) => [e.occurredAt, ...positionKey(e.position)]),
    recordedAt: asc((e) => [e.recordedAt, ...positionKey(e.position)]),
    clientName: asc((e) => [e.clientName, e.occurredAt]),
  },
  defaultSort: 'occurredAt',
  idOf: (e) => `${e.position}/${e.clientId}`,
};

/** One client's ownership intervals: oldest first. */
export const ownershipIntervalSorts: ListSorts<OwnershipInterval, 'from'> = {
  keys: { from: asc((i) => [i.from, ...positionKey(i.position)]) },
  defaultSort: 'from',
  idOf: (i) => i.position ?? '',
};

/** Clients the pool policy will release soon: soonest first. */
export const dueForReleaseSorts: ListSorts<DueClient, 'dueAt' | 'ownerSince' | 'name'> = {
  keys: {
    dueAt: asc((c) => [c.dueAt]),
    ownerSince: asc((c) => [c.ownerSince]),
    name: asc((c) => [c.name]),
  },
  defaultSort: 'dueAt',
  idOf: (c) => c.clientId,
};

/** The sort key names of a list, for the query schema. */
export const sortNamesOf = <K extends string>(sorts: {
  readonly keys: { readonly [key in K]: unknown };
}): [K, ...K[]] => Object.keys(sorts.keys) as [K, ...K[]];
