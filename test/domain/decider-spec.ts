import { deriveUlid } from '../../src/commands/derived-ids';
import type { DecisionContext } from '../../src/domain/client/decision-context';
import type { Role } from '../../src/domain/events/primitives';
import type { PersonState } from '../../src/domain/person/state';
import { defaultDomainSettings } from '../../src/domain/settings';
import { CustodyError } from '../../src/errors';

/**
 * Given events, when a command, then events (or then an error code): the
 * shape of every decider test. Deciders are pure, so the "given" events are
 * folded with evolve and the decision is a plain function call.
 */

export interface Decider<C, S, E> {
  readonly initial: S;
  readonly evolve: (state: S, event: E) => S;
  readonly decide: (command: C, state: S, context: DecisionContext) => readonly E[];
}

export const deciderSpec = <C, S, E>(decider: Decider<C, S, E>) => ({
  given: (...events: E[]) => ({
    when: (command: C, context: DecisionContext = decisionContext()) => {
      const state = events.reduce(decider.evolve, decider.initial);
      const run = () => decider.decide(command, state, context);
      return {
        thenEvents: (...expected: E[]) => expect(run()).toEqual(expected),
        thenError: (code: string, details?: Record<string, unknown>) => {
          const error = catchError(run);
          expect(error.code).toBe(code);
          if (details) expect(error.details).toMatchObject(details);
          return error;
        },
        events: () => run(),
      };
    },
  }),
});

export const catchError = (run: () => unknown): CustodyError => {
  try {
    run();
  } catch (error) {
    if (error instanceof CustodyError) return error;
    throw error;
  }
  throw new Error('expected the decision to be refused, but it produced events');
};

/** Readable, valid ULIDs for test fixtures. */
export const testId = (label: string): string => deriveUlid(`fixture:${label}`, 'person');

export const people = {
  alice: { id: testId('alice'), role: 'salesperson' },
  bob: { id: testId('bob'), role: 'salesperson' },
  carol: { id: testId('carol'), role: 'manager' },
  dave: { id: testId('dave'), role: 'manager' },
  erin: { id: testId('erin'), role: 'executive' },
  ada: { id: testId('ada'), role: 'admin' },
  otto: { id: testId('otto'), role: 'auditor' },
} as const satisfies Record<string, { id: string; role: Role }>;

export type PersonName = keyof typeof people;

export const NOW = new Date('2026-06-15T12:00:00.000Z');
export const daysBefore = (days: number, from = NOW) =>
  new Date(from.getTime() - days * 86_400_000).toISOString();
export const secondsAfter = (seconds: number, from = NOW) =>
  new Date(from.getTime() + seconds * 1000).toISOString();

const personStates = (departed: readonly PersonName[]): Map<string, PersonState> =>
  new Map(
    Object.entries(people).map(([name, person]) => [
      person.id,
      {
        status: departed.includes(name as PersonName) ? 'departed' : 'active',
        personId: person.id,
        name,
        role: person.role,
      },
    ]),
  );

export interface ContextOptions {
  readonly actor?: PersonName | null;
  readonly departed?: readonly PersonName[];
  readonly holdings?: Partial<Record<PersonName, number>>;
  readonly historicalImport?: boolean;
  readonly source?: DecisionContext['source'];
  readonly settings?: Partial<DecisionContext['settings']>;
  readonly now?: Date;
}

/** A decision context with every fixture person known and holding nothing unless told. */
export const decisionContext = (options: ContextOptions = {}): DecisionContext => {
  const actorName = options.actor === undefined ? 'alice' : options.actor;
  const holdings = new Map(
    Object.entries(people).map(([name, person]) => {
      const count = options.holdings?.[name as PersonName] ?? 0;
      const owned = Array.from({ length: count }, (_, index) => testId(`held-${index}`));
      return [person.id, owned] as const;
    }),
  );
  return {
    now: options.now ?? NOW,
    settings: { ...defaultDomainSettings, ...options.settings },
    actor:
      actorName === null
        ? null
        : { personId: people[actorName].id, role: people[actorName].role },
    source: options.source ?? 'api',
    historicalImport: options.historicalImport ?? false,
    people: personStates(options.departed ?? []),
    holdings,
    newId: (purpose) => deriveUlid('decider-test', purpose),
  };
};
