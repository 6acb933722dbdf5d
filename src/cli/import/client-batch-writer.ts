import { deriveEventId, deriveUlid } from '../../commands/derived-ids';
import { authorise, authoriseHistoricalImport } from '../../domain/authorisation';
import {
  type ClientCommand,
  decideClient,
  isClientCommand,
} from '../../domain/client/decide';
import type { DecisionContext } from '../../domain/client/decision-context';
import { evolveClient } from '../../domain/client/evolve';
import { type ClientState, initialClientState } from '../../domain/client/state';
import type { Command, CommandContext } from '../../domain/commands';
import { type ClientEvent, stream, toLedgerEvent } from '../../domain/events';
import type { DomainSettings } from '../../domain/settings';
import { isCustodyError } from '../../errors';
import { ConcurrencyError, StreamNotFoundError } from '../../eventstore/errors';
import type { EventStore, JsonObject, NewEvent } from '../../eventstore/port';
import { MAX_APPEND_BYTES } from '../../eventstore/validate-append';
import { BatchMetadata } from './batch-metadata';
import { estimateJsonLength } from './json-size';
import type { PlannedRow, RowIssue } from './plan-types';

/**
 * Writes many rows of one client in few appends. It runs the same steps as
 * the command bus for each command (authorise, decide on the client's state,
 * derive event ids from the command id, stamp the same metadata), but folds
 * each decision into the state it holds instead of reading the stream back,
 * and appends a run of decisions at once at the revision it loaded. The
 * events are exactly those the bus would have written, so a later run through
 * the bus recognises them. For commands decided on the client stream alone,
 * with no other facts (interactions and quotes).
 */
export const isBatchableCommand = (command: Command): boolean =>
  isClientCommand(command) &&
  (command.type === 'LogContact' ||
    command.type === 'LogVisit' ||
    command.type === 'IssueQuote' ||
    command.type === 'ReviseQuote' ||
    command.type === 'AcceptQuote' ||
    command.type === 'LoseQuote');

export const isBatchable = (row: PlannedRow): boolean =>
  row.commands.every(({ command }) => isBatchableCommand(command));

/** A row of commands on one client; all of them are written, or none. */
export interface BatchRow<C extends { readonly command: Command }> {
  readonly line: number;
  readonly commands: readonly C[];
}

const maxBatchEvents = 400;
const maxBatchBytes = MAX_APPEND_BYTES / 2;

export interface BatchOutcome {
  readonly written: number;
  readonly refused: readonly RowIssue[];
}

export const writeClientRows = async <C extends { readonly command: Command }>(
  store: EventStore,
  clientId: string,
  rows: readonly BatchRow<C>[],
  options: {
    readonly settings: DomainSettings;
    readonly context: (planned: C) => CommandContext;
    readonly keepGoing: boolean;
    readonly onRows?: (count: number) => void;
  },
  attempt = 0,
): Promise<BatchOutcome> => {
  const name = stream.client(clientId);
  const refused: RowIssue[] = [];
  let written = 0;
  const metadata = new BatchMetadata();

  // 1. Load once.
  let state: ClientState = initialClientState;
  let revision: number | undefined;
  const knownIds = new Set<string>();
  try {
    for (const recorded of await store.readStream(name)) {
      knownIds.add(recorded.id.toLowerCase());
      const event = toLedgerEvent(recorded);
      if (event) state = evolveClient(state, event as ClientEvent);
      revision = recorded.revision;
    }
  } catch (error) {
    if (!(error instanceof StreamNotFoundError)) throw error;
  }

  // 2. Decide row by row, appending a batch whenever it is full.
  let batch: NewEvent[] = [];
  let batchRows = 0;
  let bytes = 0;
  /** Rows before this index are written or refused. */
  let settled = 0;
  const flush = async (upTo: number) => {
    if (batch.length === 0) return;
    const result = await store.append(name, batch, {
      expectedRevision: revision ?? 'no_stream',
    });
    settled = upTo;
    revision = result.nextExpectedRevision;
    written += batchRows;
    options.onRows?.(batchRows);
    batch = [];
    batchRows = 0;
    bytes = 0;
  };

  // 3. Another writer moved the stream (a server running beside the import):
  // load again and decide the rows not yet written again, a few times.
  const retryRest = async (error: unknown): Promise<BatchOutcome> => {
    if (!(error instanceof ConcurrencyError) || attempt >= 5) throw error;
    const refusedLines = new Set(refused.map((issue) => issue.line));
    const rest = rows.slice(settled).filter((row) => !refusedLines.has(row.line));
    const retried = await writeClientRows(store, clientId, rest, options, attempt + 1);
    return {
      written: written + retried.written,
      refused: [...refused, ...retried.refused],
    };
  };

  for (const [position, row] of rows.entries()) {
    let next = state;
    const events: NewEvent[] = [];
    try {
      for (const planned of row.commands) {
        const command = planned.command as ClientCommand;
        const context = options.context(planned);
        const firstId = deriveEventId(context.commandId, name, 0);
        if (knownIds.has(firstId)) continue;
        authoriseHistoricalImport(context.historicalImport, context.source);
        authorise(command, context.actor, context.source, { client: next });
        const decided = decideClient(
          command,
          next,
          decisionContextOf(context, options.settings),
        );
        for (let index = 0; index < decided.length; index += 1) {
          const event = decided[index]!;
          next = evolveClient(next, event);
          bytes += estimateJsonLength(event.data) + 400;
          events.push({
            id: index === 0 ? firstId : deriveEventId(context.commandId, name, index),
            type: event.type,
            data: event.data as unknown as JsonObject,
            metadata: metadata.of(context, event.type) as unknown as JsonObject,
          });
        }
      }
    } catch (error) {
      if (!isCustodyError(error)) throw error;
      refused.push({ line: row.line, reason: error.message });
      options.onRows?.(1);
      if (!options.keepGoing) break;
      continue;
    }
    state = next;
    batch.push(...events);
    batchRows += 1;
    if (batch.length >= maxBatchEvents || bytes >= maxBatchBytes) {
      try {
        await flush(position + 1);
      } catch (error) {
        return retryRest(error);
      }
    }
  }
  try {
    await flush(rows.length);
  } catch (error) {
    return retryRest(error);
  }
  return { written, refused };
};

// Interactions and quotes consult no other person and no holdings.
const noPeople: DecisionContext['people'] = new Map();
const noHoldings: DecisionContext['holdings'] = new Map();

const decisionContextOf = (
  context: CommandContext,
  settings: DomainSettings,
): DecisionContext => ({
  now: context.now,
  settings,
  actor: context.actor,
  source: context.source,
  historicalImport: context.historicalImport === true,
  people: noPeople,
  holdings: noHoldings,
  newId: (purpose) => deriveUlid(context.commandId, purpose),
});
