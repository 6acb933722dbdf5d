import { userError } from '../user-error';
import { clientsKind } from './clients-kind';
import { interactionsKind } from './interactions-kind';
import { peopleKind } from './people-kind';
import type { ImportKind, ImportKindName } from './plan-types';
import { quotesKind } from './quotes-kind';

// Each kind's row type differs; the planner only needs them as a family.
export const importKinds: Readonly<Record<ImportKindName, ImportKind<unknown>>> = {
  people: peopleKind as ImportKind<unknown>,
  clients: clientsKind as ImportKind<unknown>,
  interactions: interactionsKind as ImportKind<unknown>,
  quotes: quotesKind as ImportKind<unknown>,
};

export const isImportKindName = (name: string): name is ImportKindName =>
  Object.hasOwn(importKinds, name);

/**
 * Tells the kind from the columns when `--kind` is not given: quotes have an
 * amount, people a role, interactions a type and a date, clients a name.
 */
export const detectKind = (
  fileName: string,
  columns: readonly string[],
): ImportKindName => {
  const has = (column: string) => columns.includes(column);
  if (has('amount')) return 'quotes';
  if (has('role')) return 'people';
  if (has('occurred_at') && has('participants')) return 'interactions';
  if (has('name')) return 'clients';
  throw userError(
    'import.unknown-kind',
    `${fileName}: cannot tell what the file holds from its columns; pass --kind`,
  );
};
