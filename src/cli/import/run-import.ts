import type { CommandBus, OwnershipLookup } from '../../domain/commands';
import type { DomainSettings } from '../../domain/settings';
import { CustodyError } from '../../errors';
import type { EventStore, Position } from '../../eventstore/port';
import { indexedStore } from '../bulk-store';
import { executePlan } from './execute-plan';
import { LedgerIndex } from './ledger-index';
import { type ImportPlan, planImport } from './plan-import';
import type { ImportKindName, RowIssue } from './plan-types';
import { readSourceFile, type SourceFormat } from './source-rows';

export interface ImportOptions {
  readonly file: string;
  readonly kind?: ImportKindName;
  readonly format?: SourceFormat;
  /** Write the good rows and report the bad ones, instead of writing nothing. */
  readonly skipInvalid?: boolean;
  /** Validate only. */
  readonly dryRun?: boolean;
  readonly concurrency?: number;
}

export interface ImportDependencies {
  readonly store: EventStore;
  readonly settings: DomainSettings;
  readonly createBus: (store: EventStore, lookup: OwnershipLookup) => CommandBus;
  readonly clock?: () => Date;
  /** Told the number of rows to write, then each row done. */
  readonly progress?: { start(total: number): void; tick(): void; stop(): void };
}

export interface ImportReport {
  readonly file: string;
  readonly kind: ImportKindName;
  readonly rows: number;
  readonly written: number;
  /** Rows the ledger already held in full. */
  readonly present: number;
  /** Bad rows: refused by validation, or by the ledger while writing. */
  readonly issues: readonly RowIssue[];
  readonly head: Position | undefined;
}

/** The import failed as a whole: the report says what was (not) written and why. */
export class ImportRejected extends CustodyError {
  constructor(
    readonly report: ImportReport,
    message: string,
  ) {
    super('validation', 'import.rejected', message);
    this.name = 'ImportRejected';
  }
}

/**
 * One file: read it, validate every row against the ledger, then write the
 * good rows through the command bus. With any bad row and no `skipInvalid`,
 * nothing is written.
 */
export const runImport = async (
  options: ImportOptions,
  dependencies: ImportDependencies,
): Promise<ImportReport> => {
  const clock = dependencies.clock ?? (() => new Date());

  // 1. Read the file and the ledger; validate every row.
  const source = await readSourceFile(options.file, options.format);
  const index = await LedgerIndex.load(dependencies.store);
  const plan = planImport(source, options.kind, {
    index,
    settings: dependencies.settings,
    now: clock(),
  });
  const report = (written: number, issues: readonly RowIssue[], head?: Position) => ({
    file: plan.file,
    kind: plan.kind,
    rows: plan.totalRows,
    written,
    present: plan.present,
    issues,
    head,
  });
  if (plan.issues.length > 0 && options.skipInvalid !== true) {
    throw new ImportRejected(
      report(0, plan.issues),
      `${plan.file}: ${describeCount(plan.issues, plan)}; nothing written (--skip-invalid writes the good rows)`,
    );
  }
  if (options.dryRun === true) {
    return report(0, plan.issues, await dependencies.store.headPosition());
  }

  // 2. Write, keeping the index current so the bus's ownership lookup sees each assignment.
  const observed = indexedStore(dependencies.store, index);
  const bus = dependencies.createBus(observed, {
    clientsOwnedBy: async (personId) => index.clientsOwnedBy(personId),
  });
  dependencies.progress?.start(plan.rows.length);
  let result: Awaited<ReturnType<typeof executePlan>>;
  try {
    result = await executePlan(plan, {
      bus,
      batching: {
        store: observed,
        settings: dependencies.settings,
      },
      keepGoing: options.skipInvalid === true,
      clock,
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(dependencies.progress ? { onRow: () => dependencies.progress?.tick() } : {}),
    });
  } finally {
    dependencies.progress?.stop();
  }
  const issues = [...plan.issues, ...result.refused].sort((a, b) => a.line - b.line);
  const final = report(result.written, issues, await dependencies.store.headPosition());
  if (result.refused.length > 0 && options.skipInvalid !== true) {
    throw new ImportRejected(
      final,
      `${plan.file}: the ledger refused a row; ${result.written} rows written before it stopped`,
    );
  }
  return final;
};

const describeCount = (issues: readonly RowIssue[], plan: ImportPlan): string => {
  const lines = new Set(issues.map((issue) => issue.line)).size;
  return `${lines} of ${plan.totalRows} rows are invalid`;
};
