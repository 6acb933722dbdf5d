import {
  bandOf,
  type ClientQuotes,
  type ClientRecord,
  type ClientStrength,
  clientDirectoryProjection,
  contributionsOf,
  type OwnershipHistory,
  ownershipHistoryProjection,
  quotesProjection,
  relationshipStrengthProjection,
  scoreOf,
  strengthAt,
} from '../../projections';
import type { ProjectionDefinition } from '../../projections/definition';
import { isoOf } from '../../projections/definition';
import type { LedgerEvent } from '../domain/events/catalogue';
import type { StrengthModel } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import {
  type AuditEntry,
  auditEntryOf,
  defaultLateAfterMs,
  readClientEvents,
} from './queries/audit';
import { compareText } from './queries/compare-text';
import { visibleChanges } from './queries/ownership-history';

/**
 * The evidence for a dispute over one client at one instant, replayed from
 * the client's stream: who met the client first, how each relationship grew,
 * who owned it when, which quotes were made, and what was recorded late.
 * Laid out twice: as things happened by the instant (occurredAt), and as the
 * ledger knew them at the instant (recordedAt).
 */
export interface DisputeView {
  readonly ownerId: string | null;
  readonly ownerName: string | null;
  readonly ownership: readonly {
    readonly ownerId: string | null;
    readonly ownerName: string | null;
    readonly from: string;
    readonly to: string | null;
    readonly reason: string;
    readonly actorId: string | null;
    readonly approverId: string | null;
    readonly recordedAt: string;
  }[];
  readonly firstContacts: readonly {
    readonly personId: string;
    readonly personName: string | null;
    readonly firstAt: string;
    readonly interactions: number;
  }[];
  readonly strength: readonly {
    readonly personId: string;
    readonly personName: string | null;
    readonly strength: number;
    readonly score: number;
    readonly band: string;
    readonly lastInteractionAt: string;
    /** At the first of each month since the first interaction, then at the instant. */
    readonly points: readonly { readonly at: string; readonly score: number }[];
  }[];
  readonly interactions: readonly AuditEntry[];
  readonly quotes: readonly {
    readonly quoteId: string;
    readonly issuedBy: string;
    readonly amount: number;
    readonly currency: string;
    readonly status: string;
    readonly issuedAt: string;
    readonly closedAt: string | null;
  }[];
}

export interface DisputeReport {
  readonly clientId: string;
  readonly clientName: string;
  readonly at: string;
  readonly lateAfterHours: number;
  readonly asOccurred: DisputeView;
  readonly asKnown: DisputeView;
  /** Entries that happened by the instant but were recorded late. */
  readonly lateEntries: readonly AuditEntry[];
  /** Entries that happened by the instant but that the ledger learned only after it. */
  readonly learnedAfter: readonly AuditEntry[];
  readonly disputes: readonly AuditEntry[];
}

export interface DisputeReportInput {
  readonly store: EventStore;
  readonly clientId: string;
  readonly at: number;
  readonly model: StrengthModel;
  readonly personName: (personId: string | null) => string | null;
  readonly lateAfterMs?: number;
}

const foldOne = <E>(
  definition: ProjectionDefinition<E>,
  events: readonly LedgerEvent[],
) => {
  let entity: E | undefined;
  for (const event of events) {
    const [key] = definition.keysOf(event);
    if (key !== undefined) entity = definition.evolve(entity, event, key);
  }
  return entity;
};

const occurred = (event: LedgerEvent) => Date.parse(event.data.occurredAt);
const recorded = (event: LedgerEvent) => Date.parse(event.metadata.recordedAt);

/** First of each month after `from` up to `at`, then `at` itself. */
const monthlyInstants = (from: number, at: number): number[] => {
  const instants: number[] = [];
  const start = new Date(from);
  let month = Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + 1, 1);
  while (month < at && instants.length < 240) {
    instants.push(month);
    const next = new Date(month);
    month = Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 1);
  }
  instants.push(at);
  return instants;
};

const buildView = (
  events: readonly LedgerEvent[],
  input: DisputeReportInput,
  lateAfterMs: number,
): DisputeView => {
  const { at, model, personName } = input;
  const history = foldOne<OwnershipHistory>(ownershipHistoryProjection, events);
  const strength = foldOne<ClientStrength>(relationshipStrengthProjection(model), events);
  const quotes = foldOne<ClientQuotes>(quotesProjection, events);
  const changes = visibleChanges(history?.changes ?? [], {});
  const pairs = Object.values(strength?.people ?? {});
  const current = changes.at(-1);
  return {
    ownerId: current?.ownerId ?? null,
    ownerName: personName(current?.ownerId ?? null),
    ownership: changes.map((change, index) => ({
      ownerId: change.ownerId,
      ownerName: personName(change.ownerId),
      from: isoOf(change.occurredAt),
      to: changes[index + 1] ? isoOf(changes[index + 1]!.occurredAt) : null,
      reason: change.reason,
      actorId: change.actorId,
      approverId: change.approverId,
      recordedAt: isoOf(change.recordedAt),
    })),
    firstContacts: pairs
      .map((pair) => ({
        personId: pair.personId,
        personName: personName(pair.personId),
        firstAt: isoOf(pair.firstAt),
        interactions: pair.count,
      }))
      .sort((a, b) => compareText(a.firstAt, b.firstAt)),
    strength: pairs
      .map((pair) => {
        const value = strengthAt(pair, at, model);
        const score = scoreOf(value, model);
        return {
          personId: pair.personId,
          personName: personName(pair.personId),
          strength: value,
          score,
          band: bandOf(score, model),
          lastInteractionAt: isoOf(pair.lastAt),
          points: monthlyInstants(pair.firstAt, at).map((instant) => ({
            at: isoOf(instant),
            score: scoreOf(strengthAt(pair, instant, model), model),
          })),
        };
      })
      .sort((a, b) => b.strength - a.strength),
    interactions: events
      .filter((event) => contributionsOf(event, model).length > 0)
      .map((event) => auditEntryOf(event, lateAfterMs)),
    quotes: Object.values(quotes?.quotes ?? {}).map((quote) => ({
      quoteId: quote.quoteId,
      issuedBy: quote.issuedBy,
      amount: quote.amount,
      currency: quote.currency,
      status: quote.status,
      issuedAt: isoOf(quote.issuedAt),
      closedAt: quote.closedAt === null ? null : isoOf(quote.closedAt),
    })),
  };
};

/** Replays the client's stream up to `at` and lays out the evidence both ways. */
export const buildDisputeReport = async (
  input: DisputeReportInput,
): Promise<DisputeReport> => {
  const lateAfterMs = input.lateAfterMs ?? defaultLateAfterMs;
  const events = await readClientEvents(input.store, input.clientId);
  const client = foldOne<ClientRecord>(clientDirectoryProjection, events);
  const happened = events.filter((event) => occurred(event) <= input.at);
  const known = happened.filter((event) => recorded(event) <= input.at);
  const entries = (list: readonly LedgerEvent[]) =>
    list.map((event) => auditEntryOf(event, lateAfterMs));
  return {
    clientId: input.clientId,
    clientName: client?.name ?? '',
    at: isoOf(input.at),
    lateAfterHours: lateAfterMs / 3_600_000,
    asOccurred: buildView(happened, input, lateAfterMs),
    asKnown: buildView(known, input, lateAfterMs),
    lateEntries: entries(happened).filter((entry) => entry.lateRecorded),
    learnedAfter: entries(happened.filter((event) => recorded(event) > input.at)),
    disputes: entries(
      happened.filter(
        (event) => event.type === 'DisputeRaised' || event.type === 'DisputeResolved',
      ),
    ),
  };
};
