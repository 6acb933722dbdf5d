import { z } from 'zod';
import { currencySchema } from '../../domain/events/primitives';
import { canonicalJson, deterministicUlid } from './deterministic-ids';
import { amount, instant, optional, required, text } from './fields';
import { resolveOpenClient, resolvePeople } from './participants';
import {
  type ImportKind,
  invalid,
  type PlannedCommand,
  type RowVerdict,
} from './plan-types';

const schema = z.object({
  client: text(200),
  quote_ref: optional(text(200)),
  issued_by: text(200),
  amount: required(amount),
  currency: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    currencySchema,
  ),
  issued_at: required(instant),
  status: z.preprocess(
    (value) =>
      typeof value === 'string' ? value.trim().toLowerCase() || 'issued' : value,
    z.enum(['issued', 'accepted', 'lost'], {
      error: 'expected issued, accepted or lost',
    }),
  ),
  closed_at: optional(instant),
  description: optional(text(4000)),
  reason: optional(text(4000)),
});

export type QuoteRow = z.infer<typeof schema>;

/**
 * Quotes with their outcome: a row issues the quote and, when its status is
 * accepted or lost, closes it at `closed_at`. With a `quote_ref` the quote id
 * is stable, so a later file may close a quote an earlier one issued.
 */
export const quotesKind: ImportKind<QuoteRow> = {
  name: 'quotes',
  requiredColumns: ['client', 'issued_by', 'amount', 'currency', 'issued_at'],
  optionalColumns: ['quote_ref', 'status', 'closed_at', 'description', 'reason'],
  schema,
  repeatingColumns: ['client', 'issued_by', 'currency', 'status'],
  createPlanner: ({ index, now, settings }) => {
    const seen = new Map<string, number>();
    const latest = now.getTime() + settings.clockSkewSeconds * 1000;
    return (row, line): RowVerdict => {
      const resolved = resolveOpenClient(index, row.client);
      if (!resolved.ok) return invalid(line, 'client', resolved.reason);
      const { client } = resolved;
      const issuer = resolvePeople(index, [row.issued_by]);
      if (!issuer.ok) return invalid(line, 'issued_by', issuer.reason);
      // The issuer acts, so the ledger records them as issuedBy; a salesperson
      // acts on their own clients only, as through the API.
      if (
        issuer.first?.role === 'salesperson' &&
        issuer.first.personId !== client.ownerId
      ) {
        return invalid(line, 'issued_by', `${row.issued_by} does not own ${row.client}`);
      }
      if (issuer.first?.role !== 'salesperson' && issuer.first?.role !== 'manager') {
        return invalid(
          line,
          'issued_by',
          `${row.issued_by} is not a salesperson or manager`,
        );
      }
      for (const column of ['issued_at', 'closed_at'] as const) {
        const value = row[column];
        if (value !== undefined && Date.parse(value) > latest) {
          return invalid(line, column, `${value} is in the future`);
        }
      }
      const closedAt =
        row.closed_at ?? (row.status === 'issued' ? undefined : row.issued_at);
      if (closedAt !== undefined && Date.parse(closedAt) < Date.parse(row.issued_at)) {
        return invalid(line, 'closed_at', 'is before issued_at');
      }

      const identity = row.quote_ref ?? canonicalJson({ ...row, client: client.id });
      const quoteId = deterministicUlid('quote', client.id, identity);
      const first = seen.get(quoteId);
      if (first !== undefined)
        return invalid(line, undefined, `duplicate of line ${first}`);
      seen.set(quoteId, line);

      const state = index.quotes.get(quoteId);
      const commands: PlannedCommand[] = [];
      const actor = issuer.first;
      const idFor = (step: string) =>
        deterministicUlid('import', 'quotes', quoteId, step);
      if (state === undefined) {
        commands.push({
          command: {
            type: 'IssueQuote',
            clientId: client.id,
            quoteId,
            amount: row.amount,
            currency: row.currency,
            occurredAt: row.issued_at,
            ...(row.description === undefined ? {} : { description: row.description }),
          },
          commandId: idFor('issue'),
          actor,
        });
      }
      if (row.status !== 'issued' && (state === undefined || state === 'issued')) {
        const occurredAt = closedAt ?? row.issued_at;
        const reason = row.reason === undefined ? {} : { reason: row.reason };
        commands.push({
          command:
            row.status === 'accepted'
              ? { type: 'AcceptQuote', clientId: client.id, quoteId, occurredAt }
              : {
                  type: 'LoseQuote',
                  clientId: client.id,
                  quoteId,
                  occurredAt,
                  ...reason,
                },
          commandId: idFor(row.status),
          actor,
        });
      }
      if (commands.length === 0) return { kind: 'present', line };
      return { kind: 'planned', row: { line, key: client.id, wave: 0, commands } };
    };
  },
};
