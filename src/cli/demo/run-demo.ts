import type { CommandBus, CommandContext, OwnershipLookup } from '../../domain/commands';
import type { DomainSettings } from '../../domain/settings';
import { isCustodyError } from '../../errors';
import type { EventStore, Position } from '../../eventstore/port';
import { indexedStore } from '../bulk-store';
import { isBatchableCommand, writeClientRows } from '../import/client-batch-writer';
import { LedgerIndex } from '../import/ledger-index';
import { runKeyed } from '../keyed-pool';
import { userError } from '../user-error';
import type { DemoOptions, DemoPerson, DemoStep } from './demo-types';
import { simulateCompany } from './simulate';

export interface DemoDependencies {
  readonly store: EventStore;
  readonly settings: DomainSettings;
  readonly createBus: (store: EventStore, lookup: OwnershipLookup) => CommandBus;
  readonly concurrency?: number;
  readonly progress?: { start(total: number): void; tick(): void; stop(): void };
}

export interface DemoReport {
  readonly people: number;
  readonly clients: number;
  readonly commands: number;
  /** Commands the ledger refused: zero when the simulation kept every rule. */
  readonly refused: number;
  readonly firstRefusals: readonly string[];
  readonly start: Date;
  readonly end: Date;
  readonly head: Position | undefined;
  /** People to hand demo tokens to. */
  readonly admin: DemoPerson;
  readonly manager: DemoPerson;
}

/**
 * Generates the demo company and records its history through the command
 * bus, each command at its simulated instant (`context.now`), so every rule
 * of the ledger applies as it would have on the day. Commands of different
 * clients run concurrently; people joining and leaving run alone, in order.
 */
export const runDemo = async (
  options: DemoOptions,
  dependencies: DemoDependencies,
): Promise<DemoReport> => {
  // Owners stay well under the holding cap, so that every claim and transfer is allowed.
  const perSalesperson = dependencies.settings.holdingCap * 0.75;
  if (options.clients > options.salespeople * perSalesperson) {
    throw userError(
      'demo.too-many-clients',
      `${options.clients} clients need at least ${Math.ceil(options.clients / perSalesperson)} salespeople under a holding cap of ${dependencies.settings.holdingCap}`,
    );
  }
  const plan = simulateCompany(options);
  const head = await dependencies.store.headPosition();
  if (head !== undefined) {
    throw userError(
      'demo.store-not-empty',
      'the store already holds events; generate the demo into a new store (--store demo.db)',
    );
  }
  const index = new LedgerIndex();
  const observed = indexedStore(dependencies.store, index);
  const bus = dependencies.createBus(observed, {
    clientsOwnedBy: async (personId) => index.clientsOwnedBy(personId),
  });

  const refusals: string[] = [];
  let refused = 0;
  const noteRefusal = (step: DemoStep, reason: string) => {
    refused += 1;
    if (refusals.length < 10) {
      refusals.push(`${new Date(step.at).toISOString()} ${step.command.type}: ${reason}`);
    }
  };
  const contextOf = (step: DemoStep): CommandContext => ({
    actor: step.actor,
    commandId: step.commandId,
    source: step.source,
    now: new Date(step.at),
  });
  const execute = async (step: DemoStep): Promise<void> => {
    try {
      await bus.execute(step.command, contextOf(step));
    } catch (error) {
      if (!isCustodyError(error) || error.kind === 'unavailable') throw error;
      noteRefusal(step, error.message);
    }
    dependencies.progress?.tick();
  };

  // Runs of interactions and quotes on one client go through the batch writer:
  // the same decisions and events as the bus, in fewer appends.
  const runLane = async (lane: readonly DemoStep[]): Promise<void> => {
    for (let start = 0; start < lane.length; ) {
      const step = lane[start]!;
      if (!isBatchableCommand(step.command)) {
        await execute(step);
        start += 1;
        continue;
      }
      let end = start;
      while (end < lane.length && isBatchableCommand(lane[end]!.command)) end += 1;
      const run = lane.slice(start, end);
      const outcome = await writeClientRows(
        observed,
        step.key,
        run.map((each, index) => ({ line: index, commands: [each] })),
        {
          settings: dependencies.settings,
          context: contextOf,
          keepGoing: true,
          onRows: (count) => {
            for (let index = 0; index < count; index += 1) dependencies.progress?.tick();
          },
        },
      );
      for (const issue of outcome.refused) noteRefusal(run[issue.line]!, issue.reason);
      start = end;
    }
  };

  dependencies.progress?.start(plan.steps.length);
  try {
    for (const segment of segments(plan.steps)) {
      const lanes = new Map<string, DemoStep[]>();
      for (const step of segment) {
        const lane = lanes.get(step.key);
        if (lane === undefined) lanes.set(step.key, [step]);
        else lane.push(step);
      }
      await runKeyed(
        [...lanes].map(([key, lane]) => ({ key, run: () => runLane(lane) })),
        { concurrency: dependencies.concurrency ?? 128 },
      );
    }
  } finally {
    dependencies.progress?.stop();
  }
  const { company } = plan;
  return {
    people: company.people.size,
    clients: company.clients.length,
    commands: plan.steps.length,
    refused,
    firstRefusals: refusals,
    start: plan.start,
    end: plan.end,
    head: await dependencies.store.headPosition(),
    admin: company.admin,
    manager: company.managers[0]!,
  };
};

/** Splits the steps at barriers: each barrier alone, the steps between together. */
const segments = (steps: readonly DemoStep[]): DemoStep[][] => {
  const result: DemoStep[][] = [];
  let current: DemoStep[] = [];
  for (const step of steps) {
    if (step.barrier) {
      if (current.length > 0) result.push(current);
      result.push([step]);
      current = [];
    } else {
      current.push(step);
    }
  }
  if (current.length > 0) result.push(current);
  return result;
};
