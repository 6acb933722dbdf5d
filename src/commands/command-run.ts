import type { DecisionContext } from '../domain/client/decision-context';
import type { OwnershipLookup } from '../domain/commands/lookups';
import { type PersonEvent, stream } from '../domain/events';
import {
  evolvePerson,
  initialPersonState,
  type PersonState,
} from '../domain/person/state';
import type { DomainSettings } from '../domain/settings';
import { deriveUlid } from './derived-ids';
import { type Folder, loadStream } from './loaded-stream';
import type { StepRunner } from './stream-step';

/** One command being handled: the step runner plus what deciders may consult. */
export interface CommandRun extends StepRunner {
  readonly lookup: OwnershipLookup;
  readonly settings: DomainSettings;
}

/** Which people and whose holdings a decision needs. */
export interface FactNeeds {
  readonly people?: readonly (string | null | undefined)[];
  readonly holdings?: readonly (string | null | undefined)[];
}

const present = (ids: readonly (string | null | undefined)[] = []) =>
  [...new Set(ids)].filter((id): id is string => typeof id === 'string');

export const personFolder: Folder<PersonState> = {
  initial: initialPersonState,
  evolve: (state, event) => evolvePerson(state, event as PersonEvent),
};

export const loadPerson = async (
  run: CommandRun,
  personId: string,
): Promise<PersonState> =>
  (await loadStream(run.store, stream.person(personId), personFolder, run.cache)).state;

/** Loads the facts a decision needs and wraps them with the clock and settings. */
export const decisionContext = async (
  run: CommandRun,
  needs: FactNeeds = {},
): Promise<DecisionContext> => {
  const people = new Map<string, PersonState>();
  for (const id of present(needs.people)) people.set(id, await loadPerson(run, id));
  const holdings = new Map<string, readonly string[]>();
  for (const id of present(needs.holdings))
    holdings.set(id, await run.lookup.clientsOwnedBy(id));
  const { context } = run;
  return {
    now: context.now,
    settings: run.settings,
    actor: context.actor,
    source: context.source,
    historicalImport: context.historicalImport === true,
    people,
    holdings,
    newId: (purpose) => deriveUlid(context.commandId, purpose),
  };
};
