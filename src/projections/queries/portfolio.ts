import type { Band, DayActivity } from '../../../projections';
import { dayOf } from '../../../projections';
import { emptyDay } from '../../../projections/activity';
import { isoOf } from '../../../projections/definition';
import type { StrengthModel } from '../../domain/settings';
import type { ReadModels } from '../read-models';
import { compareText } from './compare-text';
import { type AtRiskClient, isActive, ownerStanding } from './dashboards';

export interface Period {
  /** Inclusive. */
  readonly from: number;
  /** Exclusive. */
  readonly to: number;
}

/** Totals over a period have the shape of one day's activity. */
export type ActivityTotals = DayActivity;

/**
 * A person's activity over whole UTC days: the days of `from` up to the day
 * of the last millisecond before `to`.
 */
export const activityTotals = (
  models: ReadModels,
  personId: string,
  period: Period,
): ActivityTotals => {
  const totals = emptyDay();
  const activity = models.activity(personId);
  if (!activity || period.to <= period.from) return totals;
  const first = dayOf(isoOf(period.from));
  const last = dayOf(isoOf(period.to - 1));
  const { days } = activity;
  for (const day in days) {
    if (day < first || day > last) continue;
    const counts = days[day]!;
    totals.contacts += counts.contacts;
    totals.visits += counts.visits;
    totals.quotesIssued += counts.quotesIssued;
    totals.quotesWon += counts.quotesWon;
    totals.quotesLost += counts.quotesLost;
    for (const [currency, value] of Object.entries(counts.wonValue)) {
      totals.wonValue[currency] = (totals.wonValue[currency] ?? 0) + value;
    }
  }
  return totals;
};

export interface Portfolio {
  readonly personId: string;
  readonly personName: string | null;
  readonly at: string;
  readonly period: { readonly from: string; readonly to: string };
  readonly clientsHeld: number;
  readonly bands: Record<Band, number>;
  readonly atRiskCount: number;
  /** Open quotes on the clients held, per currency. */
  readonly openQuoteValue: Record<string, number>;
  readonly openQuotes: number;
  /** Quotes the person issued that were accepted in the period, per currency. */
  readonly wonValue: Record<string, number>;
  readonly clients: readonly AtRiskClient[];
}

export const portfolio = (
  models: ReadModels,
  personId: string,
  query: { readonly at: number; readonly period: Period; readonly days?: number },
  model: StrengthModel,
): Portfolio => {
  const bands: Record<Band, number> = { strong: 0, moderate: 0, weak: 0, none: 0 };
  const openQuoteValue: Record<string, number> = {};
  const clients: AtRiskClient[] = [];
  let openQuotes = 0;
  for (const client of models.clientsOwnedBy(personId)) {
    if (!isActive(client)) continue;
    const standing = ownerStanding(models, client, personId, query, model);
    clients.push(standing);
    bands[standing.ownerBand] += 1;
    for (const quote of Object.values(models.quotes(client.clientId)?.quotes ?? {})) {
      if (quote.status !== 'open') continue;
      openQuotes += 1;
      openQuoteValue[quote.currency] =
        (openQuoteValue[quote.currency] ?? 0) + quote.amount;
    }
  }
  return {
    personId,
    personName: models.personName(personId),
    at: isoOf(query.at),
    period: { from: isoOf(query.period.from), to: isoOf(query.period.to) },
    clientsHeld: clients.length,
    bands,
    atRiskCount: clients.filter((client) => client.reasons.length > 0).length,
    openQuoteValue,
    openQuotes,
    wonValue: activityTotals(models, personId, query.period).wonValue,
    clients: clients.sort((a, b) => compareText(a.name, b.name)),
  };
};

export interface PersonActivityRow extends ActivityTotals {
  readonly personId: string;
  readonly personName: string | null;
}

/** Activity and results per person over a period, busiest first. */
export const activityReport = (
  models: ReadModels,
  period: Period,
  personId?: string,
): PersonActivityRow[] => {
  const ids = personId === undefined ? [...models.people().keys()] : [personId];
  return ids
    .map((id) => ({
      personId: id,
      personName: models.personName(id),
      ...activityTotals(models, id, period),
    }))
    .sort(
      (a, b) =>
        b.contacts + b.visits - (a.contacts + a.visits) ||
        compareText(a.personId, b.personId),
    );
};
