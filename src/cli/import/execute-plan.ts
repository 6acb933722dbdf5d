import type { CommandBus, CommandContext } from '../../domain/commands';
import type { DomainSettings } from '../../domain/settings';
import { isCustodyError } from '../../errors';
import type { EventStore } from '../../eventstore/port';
import { runKeyed } from '../keyed-pool';
import { isBatchable, writeClientRows } from './client-batch-writer';
import type { ImportPlan } from './plan-import';
import type { PlannedCommand, PlannedRow, RowIssue } from './plan-types';

export interface ExecuteOptions {
  readonly bus: CommandBus;
  /**
   * With the store and settings, rows decided on the client stream alone
   * (interactions, quotes) are written in batches per client; see
   * client-batch-writer.ts. Without, every command goes through the bus.
   */
  readonly batching?: { readonly store: EventStore; readonly settings: DomainSettings };
  /** Clients (or people) written at once; default 128. */
  readonly concurrency?: number;
  /** Keep going past a row the ledger refuses; otherwise stop starting new rows. */
  readonly keepGoing: boolean;
  readonly clock?: () => Date;
  /** Called after every row, written or refused. */
  readonly onRow?: () => void;
}

export interface ExecuteResult {
  readonly written: number;
  /** Rows the ledger refused while writing (a rule the plan could not check). */
  readonly refused: readonly RowIssue[];
}

/**
 * Writes a plan: wave by wave, rows of one stream in file order, many streams
 * at once; people and clients through the command bus, interactions and
 * quotes through the batch writer. Every command runs as a historical import
 * (source `import`), the one way past the interaction age limit.
 */
export const executePlan = async (
  plan: ImportPlan,
  options: ExecuteOptions,
): Promise<ExecuteResult> => {
  const clock = options.clock ?? (() => new Date());
  const refused: RowIssue[] = [];
  let written = 0;
  const waves = [...new Set(plan.rows.map((row) => row.wave))].sort((a, b) => a - b);

  const contextOf = (planned: PlannedCommand): CommandContext => ({
    actor: planned.actor,
    commandId: planned.commandId,
    source: 'import',
    now: clock(),
    historicalImport: true,
  });

  for (const wave of waves) {
    const rows = plan.rows.filter((row) => row.wave === wave);
    if (options.batching !== undefined && rows.every(isBatchable)) {
      const outcome = await writeInBatches(rows, options, options.batching, contextOf);
      written += outcome.written;
      refused.push(...outcome.refused);
      if (!options.keepGoing && refused.length > 0) break;
      continue;
    }
    const failedKeys = new Set<string>();
    const writeRow = async (row: PlannedRow): Promise<void> => {
      // A later row of a stream whose earlier row failed may depend on it.
      if (failedKeys.has(row.key)) {
        refused.push({
          line: row.line,
          reason: 'not written: an earlier row of this client failed',
        });
        options.onRow?.();
        return;
      }
      try {
        for (const planned of row.commands) {
          await options.bus.execute(planned.command, contextOf(planned));
        }
        written += 1;
      } catch (error) {
        if (!isCustodyError(error) || error.kind === 'unavailable') throw error;
        failedKeys.add(row.key);
        refused.push({ line: row.line, reason: error.message });
      }
      options.onRow?.();
    };
    await runKeyed(
      rows.map((row) => ({ key: row.key, run: () => writeRow(row) })),
      {
        concurrency: options.concurrency ?? 128,
        shouldStop: () => !options.keepGoing && refused.length > 0,
      },
    );
    if (!options.keepGoing && refused.length > 0) break;
  }
  refused.sort((a, b) => a.line - b.line);
  return { written, refused };
};

/** One wave of interactions or quotes: each client's rows in few appends, many clients at once. */
const writeInBatches = async (
  rows: readonly PlannedRow[],
  options: ExecuteOptions,
  batching: NonNullable<ExecuteOptions['batching']>,
  contextOf: (planned: PlannedCommand) => CommandContext,
): Promise<ExecuteResult> => {
  const lanes = new Map<string, PlannedRow[]>();
  for (const row of rows) {
    const lane = lanes.get(row.key);
    if (lane === undefined) lanes.set(row.key, [row]);
    else lane.push(row);
  }
  let written = 0;
  const refused: RowIssue[] = [];
  await runKeyed(
    [...lanes].map(([clientId, lane]) => ({
      key: clientId,
      run: async () => {
        const outcome = await writeClientRows(batching.store, clientId, lane, {
          settings: batching.settings,
          context: contextOf,
          keepGoing: options.keepGoing,
          onRows: (count) => {
            for (let index = 0; index < count; index += 1) options.onRow?.();
          },
        });
        written += outcome.written;
        refused.push(...outcome.refused);
      },
    })),
    {
      concurrency: options.concurrency ?? 128,
      shouldStop: () => !options.keepGoing && refused.length > 0,
    },
  );
  return { written, refused };
};
