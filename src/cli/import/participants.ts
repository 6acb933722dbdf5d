import type { CommandContext } from '../../domain/commands';
import type { IndexedClient, LedgerIndex } from './ledger-index';

export type ResolvedPeople =
  | { readonly ok: true; readonly ids: string[]; readonly first: CommandContext['actor'] }
  | { readonly ok: false; readonly reason: string };

/** Resolves people named by email or id; the first becomes the command's actor. */
export const resolvePeople = (
  index: LedgerIndex,
  references: readonly string[],
): ResolvedPeople => {
  const ids: string[] = [];
  for (const reference of references) {
    const person = index.person(reference);
    if (person === undefined) return { ok: false, reason: `no person ${reference}` };
    if (!ids.includes(person.id)) ids.push(person.id);
  }
  const first = index.people.get(ids[0] ?? '');
  if (first === undefined) return { ok: false, reason: 'names nobody' };
  return { ok: true, ids, first: { personId: first.id, role: first.role } };
};

export type ResolvedClient =
  | { readonly ok: true; readonly client: IndexedClient }
  | { readonly ok: false; readonly reason: string };

/** Resolves a client by id, external id or name; archived and merged ones take no rows. */
export const resolveOpenClient = (
  index: LedgerIndex,
  reference: string,
): ResolvedClient => {
  const client = index.client(reference);
  if (client === undefined) return { ok: false, reason: `no client ${reference}` };
  if (client.closed) return { ok: false, reason: `${reference} is archived or merged` };
  return { ok: true, client };
};
