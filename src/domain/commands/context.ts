import type { Position } from '../../eventstore/port';
import type { EventSource } from '../events/metadata';
import type { Role } from '../events/primitives';
import type { Command } from './commands';

/** Who asks, how, and under which idempotency identity. */
export interface CommandContext {
  /** The authenticated person; `null` only for the system (policy, first start). */
  readonly actor: { readonly personId: string; readonly role: Role } | null;
  /**
   * Identifies the command. From the Idempotency-Key header (or a command id
   * the caller sent); generated when absent. Event ids and ids of created
   * things derive from it, so the same command id is recorded once.
   */
  readonly commandId: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly source: EventSource;
  readonly requestId?: string;
  /** From If-Match: append only if the target stream is still at this revision. */
  readonly expectedRevision?: number;
  /** The clock, injected so that deciders stay pure and tests stay deterministic. */
  readonly now: Date;
  /**
   * Lifts the interaction age limit: only an authorised historical import
   * sets this, and the events then carry `source: 'import'`.
   */
  readonly historicalImport?: boolean;
}

export interface CommandOutcome {
  /** The stream the command targeted (the client's, the handover's or the person's). */
  readonly stream: string;
  /** The stream's revision after the command: the ETag of the resource. */
  readonly revision: number;
  /** Global position of the command's last event: wait for it before querying. */
  readonly position: Position;
  readonly events: readonly { readonly id: string; readonly type: string }[];
  /** Ids of things the command created or touched, for the response body. */
  readonly ids: Readonly<Record<string, string>>;
  /** True when this command id had already been recorded and nothing new was written. */
  readonly replayed: boolean;
}

/** Runs commands: load the stream, decide, append; implemented in src/commands/. */
export interface CommandBus {
  execute(command: Command, context: CommandContext): Promise<CommandOutcome>;
}
