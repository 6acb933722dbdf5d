import {
  type Band,
  bandOf,
  type ClientStrength,
  type PairStrength,
  scoreOf,
  strengthAt,
} from '../../../projections';
import { isoOf } from '../../../projections/definition';
import type { StrengthModel } from '../../domain/settings';
import type { ReadModels } from '../read-models';
import { requireClient } from './client-directory';

export interface Relationship {
  readonly personId: string;
  readonly personName: string | null;
  /** The decayed sum S at the instant asked about. */
  readonly strength: number;
  readonly score: number;
  readonly band: Band;
  readonly interactions: number;
  readonly firstInteractionAt: string | null;
  readonly lastInteractionAt: string | null;
}

/** One pair's strength at `at`, counting only interactions that happened by then. */
/** A pair's figures at `at`, as numbers (instants in epoch milliseconds). */
export interface PairFacts {
  readonly strength: number;
  readonly score: number;
  readonly band: Band;
  readonly interactions: number;
  readonly first: number | null;
  readonly last: number | null;
}

/** One pair's strength at `at`, counting only interactions that happened by then. */
export const pairFactsAt = (
  pair: PairStrength,
  at: number,
  model: StrengthModel,
): PairFacts => {
  const strength = strengthAt(pair, at, model);
  const score = scoreOf(strength, model);
  let interactions = pair.count;
  let first: number | null = pair.firstAt;
  let last: number | null = pair.lastAt;
  if (at < pair.lastAt || at < pair.firstAt) {
    interactions = 0;
    first = null;
    last = null;
    for (let index = 0; index < pair.log.length; index += 2) {
      const t = pair.log[index]!;
      if (t > at) continue;
      interactions += 1;
      if (first === null || t < first) first = t;
      if (last === null || t > last) last = t;
    }
  }
  return { strength, score, band: bandOf(score, model), interactions, first, last };
};

export const relationshipAt = (
  pair: PairStrength,
  at: number,
  model: StrengthModel,
  models: ReadModels,
): Relationship => {
  const facts = pairFactsAt(pair, at, model);
  return {
    personId: pair.personId,
    personName: models.personName(pair.personId),
    strength: facts.strength,
    score: facts.score,
    band: facts.band,
    interactions: facts.interactions,
    firstInteractionAt: facts.first === null ? null : isoOf(facts.first),
    lastInteractionAt: facts.last === null ? null : isoOf(facts.last),
  };
};

export interface KeyPersonRisk {
  readonly atRisk: boolean;
  readonly reason: 'dominant-share' | 'sole-relationship' | null;
  /** The person the relationship rests on, when at risk. */
  readonly personId: string | null;
  /** That person's share of the company's total S (0 to 1). */
  readonly share: number;
}

/** Relationships sorted strongest first; applies the key-person rule of the model. */
export const keyPersonRisk = (
  relationships: readonly Relationship[],
  model: StrengthModel,
): KeyPersonRisk => {
  const total = relationships.reduce((sum, r) => sum + r.strength, 0);
  const top = relationships[0];
  if (!top || total <= 0)
    return { atRisk: false, reason: null, personId: null, share: 0 };
  const share = top.strength / total;
  if (share > model.keyPerson.dominantShare) {
    return { atRisk: true, reason: 'dominant-share', personId: top.personId, share };
  }
  const solid = relationships.filter((r) => r.score >= model.keyPerson.solePersonScore);
  if (solid.length === 1) {
    const sole = solid[0]!;
    return {
      atRisk: true,
      reason: 'sole-relationship',
      personId: sole.personId,
      share: sole.strength / total,
    };
  }
  return { atRisk: false, reason: null, personId: top.personId, share };
};

export interface ClientRelationships {
  readonly clientId: string;
  readonly at: string;
  readonly ownerId: string | null;
  readonly totalStrength: number;
  readonly people: readonly Relationship[];
  readonly keyPersonRisk: KeyPersonRisk;
  readonly strongestPersonId: string | null;
  /** True when the client has an owner and someone else is stronger. */
  readonly ownerNotStrongest: boolean;
}

/** Every person's relationship with one client at `at`, strongest first. */
export const relationshipsOf = (
  strength: ClientStrength | undefined,
  at: number,
  model: StrengthModel,
  models: ReadModels,
): Relationship[] =>
  Object.values(strength?.people ?? {})
    .map((pair) => relationshipAt(pair, at, model, models))
    .filter((relationship) => relationship.interactions > 0)
    .sort((a, b) => b.strength - a.strength || (a.personId < b.personId ? -1 : 1));

export const clientRelationships = (
  models: ReadModels,
  clientId: string,
  at: number,
  model: StrengthModel,
): ClientRelationships => {
  const client = requireClient(models, clientId);
  const people = relationshipsOf(models.strength(clientId), at, model, models);
  const strongest = people[0] ?? null;
  const ownerStrength = people.find((p) => p.personId === client.ownerId)?.strength ?? 0;
  return {
    clientId,
    at: isoOf(at),
    ownerId: client.ownerId,
    totalStrength: people.reduce((sum, person) => sum + person.strength, 0),
    people,
    keyPersonRisk: keyPersonRisk(people, model),
    strongestPersonId: strongest?.personId ?? null,
    ownerNotStrongest:
      client.ownerId !== null && strongest !== null && strongest.strength > ownerStrength,
  };
};

export interface PersonRelationship extends Relationship {
  readonly clientId: string;
  readonly clientName: string;
  readonly ownerId: string | null;
  readonly isOwner: boolean;
}

/** One person's relationships with every client at `at`, strongest first. */
export const personRelationships = (
  models: ReadModels,
  personId: string,
  at: number,
  model: StrengthModel,
): PersonRelationship[] => {
  const found: PersonRelationship[] = [];
  for (const strength of models.allStrengths()) {
    const pair = strength.people[personId];
    if (!pair) continue;
    const relationship = relationshipAt(pair, at, model, models);
    if (relationship.interactions === 0) continue;
    const client = models.client(strength.clientId);
    found.push({
      ...relationship,
      clientId: strength.clientId,
      clientName: client?.name ?? '',
      ownerId: client?.ownerId ?? null,
      isOwner: client?.ownerId === personId,
    });
  }
  return found.sort(
    (a, b) => b.strength - a.strength || (a.clientId < b.clientId ? -1 : 1),
  );
};
