import { z } from 'zod';
import { dayMs } from '../../../../projections';
import {
  clientIdSchema,
  personIdSchema,
  roleSchema,
} from '../../../domain/events/primitives';
import type { DomainSettings } from '../../../domain/settings';
import { CustodyError } from '../../../errors';
import type { EventStore } from '../../../eventstore/port';
import type { ReadModels } from '../../../projections/read-models';
import type { Principal } from '../../route';

/** What the query routes read from. */
export interface QueryRouteDeps {
  readonly readModels: ReadModels;
  /** For the audit trail and dispute report, which read the client's stream itself. */
  readonly store: EventStore;
  readonly settings: DomainSettings;
  /** The instant queries default to; a parameter so that tests can pin it. */
  readonly now?: () => number;
  /** Entries recorded later than this after they happened are flagged (default 24 h). */
  readonly lateAfterMs?: number;
}

export const nowOf = (deps: QueryRouteDeps): number => (deps.now ?? Date.now)();

/** Every role may read; finer checks (salespeople see their own lists) live in handlers. */
export const readers = roleSchema.options;

export const clientParams = z.strictObject({ clientId: clientIdSchema });
export const personParams = z.strictObject({ personId: personIdSchema });

/** An ISO 8601 instant with offset in a query string, as epoch milliseconds. */
export const instantParam = z.iso
  .datetime({ offset: true })
  .transform((value) => Date.parse(value))
  .describe('ISO 8601 instant with offset, for example 2026-03-01T00:00:00Z');

export const booleanParam = z
  .enum(['true', 'false'])
  .transform((value) => value === 'true');

/** A salesperson may read only their own portfolio and relationship lists. */
export const requireSelfOrPrivileged = (
  principal: Principal,
  personId: string,
  path: string,
): void => {
  if (principal.role === 'salesperson' && principal.personId !== personId) {
    throw new CustodyError(
      'forbidden',
      'auth.forbidden',
      'A salesperson may read only their own portfolio and relationships',
      { path, details: { role: principal.role } },
    );
  }
};

/** `from` must come before `to`; both are already parsed instants. */
export const requireOrdered = (from: number, to: number): void => {
  if (from >= to) {
    throw new CustodyError(
      'validation',
      'query.invalid-range',
      '`from` must be before `to`',
      {
        path: 'query.from',
        issues: [{ path: 'query.from', message: 'must be before query.to' }],
      },
    );
  }
};

/**
 * Drops absent query parameters, so that parsed queries fit options types
 * with optional (never `undefined`) fields.
 */
export const compact = <T extends object>(
  value: T,
): { [K in keyof T]?: Exclude<T[K], undefined> } =>
  Object.fromEntries(
    Object.entries(value).filter(([, entry]) => entry !== undefined),
  ) as { [K in keyof T]?: Exclude<T[K], undefined> };

export const daysParam = z.coerce.number().int().min(1).max(3650);
export const periodQuery = { from: instantParam.optional(), to: instantParam.optional() };

/** A period ending at `to` (default now), starting at `from` (default 90 days earlier). */
export const periodOf = (
  query: { from?: number | undefined; to?: number | undefined },
  now: number,
): { from: number; to: number } => {
  const to = query.to ?? now;
  const from = query.from ?? to - 90 * dayMs;
  requireOrdered(from, to);
  return { from, to };
};
