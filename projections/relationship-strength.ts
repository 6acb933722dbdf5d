import type { StrengthModel } from '../src/domain/settings';
import {
  dictionary,
  instantMs,
  noKeys,
  type ProjectionDefinition,
  type StoredForm,
} from './definition';
import { decay } from './strength-model';

/** One (person, client) relationship. Instants are epoch milliseconds. */
export interface PairStrength {
  readonly personId: string;
  /** S at `lastAt`: the running sum. */
  strength: number;
  /** The latest occurredAt of any interaction of the pair. */
  lastAt: number;
  firstAt: number;
  count: number;
  /**
   * Every interaction as `[t0, w0, t1, w1, ...]` in recorded order, so that S
   * at an instant before `lastAt` is exact. A flat number list keeps a million
   * interactions small in memory and in JSON.
   */
  readonly log: number[];
}

export interface ClientStrength {
  readonly clientId: string;
  readonly people: Record<string, PairStrength>;
}

/**
 * Folds one weighted interaction into the running sum. In occurredAt order
 * `S_new = S_old * 2^(-(t_new - t_old) / H) + w`; an interaction older than
 * the pair's latest one (recorded late or backdated) adds
 * `w * 2^(-(t_last - t_i) / H)`, which is exactly its share of S at t_last.
 */
export const addInteraction = (
  pair: PairStrength,
  at: number,
  weight: number,
  model: StrengthModel,
): void => {
  if (pair.count === 0) {
    pair.strength = weight;
    pair.lastAt = at;
    pair.firstAt = at;
  } else if (at > pair.lastAt) {
    pair.strength = pair.strength * decay(at - pair.lastAt, model) + weight;
    pair.lastAt = at;
  } else {
    pair.strength += weight * decay(pair.lastAt - at, model);
    if (at < pair.firstAt) pair.firstAt = at;
  }
  pair.count += 1;
  pair.log.push(at, weight);
};

/** S of the pair at `at`; exact for any instant, also before later interactions. */
export const strengthAt = (
  pair: PairStrength,
  at: number,
  model: StrengthModel,
): number => {
  if (pair.count === 0) return 0;
  if (at >= pair.lastAt) return pair.strength * decay(at - pair.lastAt, model);
  let sum = 0;
  const { log } = pair;
  for (let index = 0; index < log.length; index += 2) {
    const t = log[index]!;
    if (t <= at) sum += log[index + 1]! * decay(at - t, model);
  }
  return sum;
};

export const emptyPair = (personId: string): PairStrength => ({
  personId,
  strength: 0,
  lastAt: 0,
  firstAt: 0,
  count: 0,
  log: [],
});

/** Relationship strength of every person with every client, per the strength model. */
export const relationshipStrengthProjection = (
  model: StrengthModel,
): ProjectionDefinition<ClientStrength> => ({
  name: 'relationship-strength',
  eventTypes: ['ContactLogged', 'VisitLogged', 'QuoteIssued', 'QuoteAccepted'],
  // 2: persisted as the interaction logs alone; 3: with instants as differences.
  version: 3,
  settingsKey: JSON.stringify({
    weights: model.weights,
    reciprocity: model.reciprocity,
    halfLifeDays: model.halfLifeDays,
  }),
  stored: storedForm(model),
  keysOf(event) {
    switch (event.type) {
      case 'ContactLogged':
      case 'VisitLogged':
      case 'QuoteIssued':
      case 'QuoteAccepted':
        return [event.data.clientId];
      default:
        return noKeys;
    }
  },
  evolve(client, event, clientId) {
    // What contributionOf says, read in place: no object or array per event.
    let weight: number;
    let people: readonly string[] | undefined;
    let single = '';
    switch (event.type) {
      case 'ContactLogged':
        people = event.data.participants;
        weight = model.weights[event.data.channel];
        if (event.data.clientInitiated) weight *= model.reciprocity;
        break;
      case 'VisitLogged':
        people = event.data.participants;
        weight = model.weights.visit;
        if (event.data.clientInitiated) weight *= model.reciprocity;
        break;
      case 'QuoteIssued':
        single = event.data.issuedBy;
        weight = model.weights.quoteIssued;
        break;
      case 'QuoteAccepted':
        single = event.data.issuedBy;
        weight = model.weights.quoteAccepted;
        break;
      default:
        return client;
    }
    const at = instantMs(event.data.occurredAt);
    const next = client ?? { clientId, people: dictionary<PairStrength>() };
    if (people === undefined) {
      addTo(next, single, at, weight, model);
      return next;
    }
    for (let index = 0; index < people.length; index += 1) {
      const personId = people[index]!;
      // A person named twice in one interaction counts once.
      if (index > 0 && people.indexOf(personId) < index) continue;
      addTo(next, personId, at, weight, model);
    }
    return next;
  },
});

const addTo = (
  client: ClientStrength,
  personId: string,
  at: number,
  weight: number,
  model: StrengthModel,
): void => {
  let pair = client.people[personId];
  if (!pair) {
    pair = emptyPair(personId);
    client.people[personId] = pair;
  }
  addInteraction(pair, at, weight, model);
};

/**
 * A client persisted as `{ clientId, people: { personId: log } }`, each log
 * `[t0, w0, t1 - t0, w1, t2 - t1, w2, ...]`: instants are whole milliseconds,
 * so the differences add back exactly, and are a few digits instead of
 * thirteen.
 */
interface StoredStrength {
  readonly clientId: string;
  readonly people: Record<string, number[]>;
}

/**
 * Everything else in a pair follows from its log: folding the log again in
 * its order redoes the very same arithmetic, so the figures come back equal,
 * and the persisted form is less than a third of the size.
 */
const storedForm = (model: StrengthModel): StoredForm<ClientStrength> => ({
  encode(client): StoredStrength {
    const people = dictionary<number[]>();
    for (const personId in client.people) {
      const { log } = client.people[personId]!;
      const stored = new Array<number>(log.length);
      let previous = 0;
      for (let index = 0; index < log.length; index += 2) {
        const at = log[index]!;
        stored[index] = at - previous;
        stored[index + 1] = log[index + 1]!;
        previous = at;
      }
      people[personId] = stored;
    }
    return { clientId: client.clientId, people };
  },
  decode(stored) {
    const { clientId, people } = stored as StoredStrength;
    const client: ClientStrength = { clientId, people: dictionary<PairStrength>() };
    for (const personId in people) {
      const log = people[personId]!;
      const pair = emptyPair(personId);
      let at = 0;
      for (let index = 0; index < log.length; index += 2) {
        at += log[index]!;
        addInteraction(pair, at, log[index + 1]!, model);
      }
      client.people[personId] = pair;
    }
    return client;
  },
});
