import { ulid } from 'ulid';
import { createCommandBus } from '../../src/commands';
import type { Command } from '../../src/domain/commands/commands';
import type { CommandBus, CommandContext } from '../../src/domain/commands/context';
import { type LedgerEvent, toLedgerEvent } from '../../src/domain/events';
import type { Role } from '../../src/domain/events/primitives';
import { stream } from '../../src/domain/events/primitives';
import { defaultDomainSettings } from '../../src/domain/settings';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { caughtUpWith, type PolicyRunOptions, runPolicy } from '../../src/policy';
import { createProjectionRuntime } from '../../src/projections';
import { testId } from '../domain/decider-spec';

/**
 * The pool policy against the embedded store (in memory unless a file is
 * named), with the real command bus and projections. Days count from
 * 2026-01-01; commands run with the clock at the day given, so history is
 * written the way it happened.
 */

const day = 86_400_000;
const start = Date.UTC(2026, 0, 1);
export const dayAt = (days: number): Date => new Date(start + days * day);
export const iso = (days: number): string => dayAt(days).toISOString();

export const alice = testId('policy-alice');
export const bob = testId('policy-bob');
export const mona = testId('policy-mona');
const roles: Record<string, Role> = {
  [alice]: 'salesperson',
  [bob]: 'salesperson',
  [mona]: 'manager',
};

export const openPolicyLedger = async (path = ':memory:') => {
  const settings = defaultDomainSettings;
  const store = openSqliteEventStore({ path });
  const { engine, readModels, ownershipLookup } = createProjectionRuntime({
    store,
    database: store.database,
    settings,
  });
  await engine.start();
  const bus = createCommandBus({ store, lookup: ownershipLookup, settings });
  const catchUp = caughtUpWith(store, engine, 5_000);

  const as = (personId: string | null, days: number): CommandContext => ({
    actor: personId === null ? null : { personId, role: roles[personId]! },
    commandId: ulid(),
    source: personId === null ? 'system' : 'api',
    now: dayAt(days),
  });
  const run = async (personId: string | null, days: number, command: Command) => {
    const outcome = await bus.execute(command, as(personId, days));
    await catchUp();
    return outcome;
  };
  for (const [personId, name] of [
    [alice, 'Alice'],
    [bob, 'Bob'],
    [mona, 'Mona'],
  ] as const)
    await run(null, 0, {
      type: 'AddPerson',
      personId,
      name,
      email: `${name.toLowerCase()}@example.com`,
      role: roles[personId]!,
    });

  const policy = (options: PolicyRunOptions, policyBus: CommandBus = bus) =>
    runPolicy(
      { bus: policyBus, source: engine, settings: settings.pool, catchUp },
      options,
    );
  return {
    store,
    engine,
    readModels,
    bus,
    run,
    policy,
    /** A client Mona registers on `days` with Alice (or `ownerId`) as owner. */
    async client(days: number, ownerId = alice): Promise<string> {
      const outcome = await run(mona, days, {
        type: 'RegisterClient',
        name: `Client ${ulid()}`,
        source: 'sales',
        ownerId,
      });
      return outcome.ids.clientId!;
    },
    async events(clientId: string): Promise<LedgerEvent[]> {
      const recorded = await store.readStream(stream.client(clientId));
      return recorded.map((event) => toLedgerEvent(event)!);
    },
    head: () => store.headPosition(),
    async close() {
      await engine.close();
      await store.close();
    },
  };
};
