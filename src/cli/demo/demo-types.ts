import type { Command, CommandContext } from '../../domain/commands';
import type { Role } from '../../domain/events/primitives';

export interface DemoOptions {
  readonly seed: number;
  readonly clients: number;
  readonly salespeople: number;
  readonly months: number;
  /** The simulated company's last day; the timeline runs `months` up to it. */
  readonly end: Date;
}

export const defaultDemoOptions = {
  clients: 2_000,
  salespeople: 40,
  months: 24,
} as const;

/** One command of the simulated history, with the simulated instant it is recorded at. */
export interface DemoStep {
  /** When the ledger records it: `context.now`, usually equal to the event's occurredAt. */
  readonly at: number;
  /** Steps with one key run in order; a barrier step runs alone, before its day. */
  readonly key: string;
  readonly barrier: boolean;
  readonly command: Command;
  readonly actor: CommandContext['actor'];
  readonly source: CommandContext['source'];
  readonly commandId: string;
}

export interface DemoPerson {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly role: Role;
  /** Day on which the person leaves, if they do. */
  departsOn: number | undefined;
  joinedOn: number;
  departed: boolean;
}

export interface DemoClient {
  readonly id: string;
  readonly name: string;
  readonly registeredOn: number;
  ownerId: string | null;
  /** Interactions per day the owner logs while engaged. */
  readonly rate: number;
  /** From this day on the owner stops calling: a neglected account. */
  neglectedFrom: number | undefined;
  /** A strategic account: locked, visited by executives. */
  readonly key: boolean;
  lastOwnerContact: number;
  releasedOn: number | undefined;
  previousOwnerId: string | null;
  openQuote: { id: string; issuedBy: string } | undefined;
  /** Days on which a handover or dispute is pending: no other ownership change then. */
  busyUntil: number;
}
