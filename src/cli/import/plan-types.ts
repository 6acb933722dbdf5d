import type { z } from 'zod';
import type { Command, CommandContext } from '../../domain/commands';
import type { DomainSettings } from '../../domain/settings';
import type { LedgerIndex } from './ledger-index';

/** What one import row turns into, before anything is written. */

export type ImportKindName = 'people' | 'clients' | 'interactions' | 'quotes';

export interface RowIssue {
  readonly line: number;
  /** The column at fault, when one is. */
  readonly column?: string;
  readonly reason: string;
}

export interface PlannedCommand {
  readonly command: Command;
  /** Derived from the row's content: the same row always yields the same command id. */
  readonly commandId: string;
  readonly actor: CommandContext['actor'];
}

export interface PlannedRow {
  readonly line: number;
  /** Rows with the same key are written one after the other (they share a stream). */
  readonly key: string;
  /** Rows of a later wave wait for every row of the earlier ones (a manager before the team). */
  readonly wave: number;
  readonly commands: readonly PlannedCommand[];
}

export type RowVerdict =
  | { readonly kind: 'planned'; readonly row: PlannedRow }
  /** Everything this row says is in the ledger already. */
  | { readonly kind: 'present'; readonly line: number }
  | { readonly kind: 'invalid'; readonly issues: readonly RowIssue[] };

export interface PlanContext {
  readonly index: LedgerIndex;
  readonly settings: DomainSettings;
  /** The clock used to refuse dates in the future. */
  readonly now: Date;
}

/** Builds one kind's planner; it keeps state across rows (duplicates, holdings). */
export interface ImportKind<Row> {
  readonly name: ImportKindName;
  readonly requiredColumns: readonly string[];
  readonly optionalColumns: readonly string[];
  readonly schema: z.ZodType<Row>;
  /**
   * Columns whose cells large files repeat (a client, a salesperson): parsed
   * once per distinct text. See row-parser.ts.
   */
  readonly repeatingColumns?: readonly string[];
  createPlanner(context: PlanContext): (row: Row, line: number) => RowVerdict;
}

export const invalid = (
  line: number,
  column: string | undefined,
  reason: string,
): RowVerdict => ({
  kind: 'invalid',
  issues: [column === undefined ? { line, reason } : { line, column, reason }],
});
