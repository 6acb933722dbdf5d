import type { CommandContext } from '../../domain/commands';
import type { LedgerIndex } from './ledger-index';

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
