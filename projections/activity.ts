import type { LedgerEvent } from '../src/domain/events/catalogue';
import { dictionary, noKeys, type ProjectionDefinition } from './definition';

/** What one person did on one UTC day (by occurredAt). */
export interface DayActivity {
  contacts: number;
  visits: number;
  quotesIssued: number;
  quotesWon: number;
  quotesLost: number;
  /** Accepted quote amounts per currency. */
  readonly wonValue: Record<string, number>;
}

export interface PersonActivity {
  readonly personId: string;
  /** Keyed by `YYYY-MM-DD`. */
  readonly days: Record<string, DayActivity>;
}

export const emptyDay = (): DayActivity => ({
  contacts: 0,
  visits: 0,
  quotesIssued: 0,
  quotesWon: 0,
  quotesLost: 0,
  wonValue: {},
});

/** UTC calendar day of an ISO instant, whatever offset it was written with. */
export const dayOf = (iso: string): string =>
  // Instants written in UTC (nearly all) need no parsing.
  iso.endsWith('Z') && iso[10] === 'T'
    ? iso.slice(0, 10)
    : new Date(iso).toISOString().slice(0, 10);

const count = (day: DayActivity, event: LedgerEvent): void => {
  switch (event.type) {
    case 'ContactLogged':
      day.contacts += 1;
      return;
    case 'VisitLogged':
      day.visits += 1;
      return;
    case 'QuoteIssued':
      day.quotesIssued += 1;
      return;
    case 'QuoteAccepted':
      day.quotesWon += 1;
      day.wonValue[event.data.currency] =
        (day.wonValue[event.data.currency] ?? 0) + event.data.amount;
      return;
    case 'QuoteLost':
      day.quotesLost += 1;
      return;
    default:
      return;
  }
};

/**
 * The people named, each once, in order. Nearly every interaction names one
 * or two distinct people: their own list serves, without a copy.
 */
const distinct = (people: readonly string[]): readonly string[] => {
  for (let index = 1; index < people.length; index += 1) {
    if (people.indexOf(people[index]!) < index) return [...new Set(people)];
  }
  return people;
};

/** Contacts, visits and quote results per person per day, for activity dashboards. */
export const activityProjection: ProjectionDefinition<PersonActivity> = {
  name: 'activity',
  eventTypes: [
    'ContactLogged',
    'VisitLogged',
    'QuoteIssued',
    'QuoteAccepted',
    'QuoteLost',
  ],
  version: 1,
  settingsKey: '',
  keysOf(event) {
    switch (event.type) {
      case 'ContactLogged':
      case 'VisitLogged':
        return distinct(event.data.participants);
      case 'QuoteIssued':
      case 'QuoteAccepted':
      case 'QuoteLost':
        return [event.data.issuedBy];
      default:
        return noKeys;
    }
  },
  evolve(activity, event, personId) {
    if (!('occurredAt' in event.data)) return activity;
    const next = activity ?? { personId, days: dictionary<DayActivity>() };
    const key = dayOf(event.data.occurredAt);
    const day = next.days[key] ?? emptyDay();
    next.days[key] = day;
    count(day, event);
    return next;
  },
};
