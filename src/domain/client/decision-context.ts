import type { EventSource } from '../events/metadata';
import type { Role } from '../events/primitives';
import { initialPersonState, type PersonState } from '../person/state';
import type { DomainSettings } from '../settings';

export interface Actor {
  readonly personId: string;
  readonly role: Role;
}

/** Kinds of things a command may create, each with an id derived from the command id. */
export type IdPurpose =
  | 'client'
  | 'quote'
  | 'handover'
  | 'person'
  | 'interaction'
  | 'dispute';

/**
 * Everything a decider may know besides its own stream's state. The command
 * bus loads it before deciding, so that deciders stay pure: the clock, the
 * settings, the actor, the people a command names (from their streams) and,
 * for the holding cap, what the read model says each of them owns.
 */
export interface DecisionContext {
  readonly now: Date;
  readonly settings: DomainSettings;
  /** `null` for the system (the pool policy, first start, operator imports). */
  readonly actor: Actor | null;
  readonly source: EventSource;
  /** Lifts the interaction age limit; set only for an authorised historical import. */
  readonly historicalImport: boolean;
  readonly people: ReadonlyMap<string, PersonState>;
  readonly holdings: ReadonlyMap<string, readonly string[]>;
  /** Id of a thing the command creates when the command names none. */
  readonly newId: (purpose: IdPurpose) => string;
}

export const personIn = (context: DecisionContext, personId: string): PersonState =>
  context.people.get(personId) ?? initialPersonState;

export const nowIso = (context: DecisionContext): string => context.now.toISOString();

export const DAY_MS = 86_400_000;
