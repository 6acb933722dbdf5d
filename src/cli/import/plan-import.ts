import { userError } from '../user-error';
import { detectKind, importKinds } from './kinds';
import type { ImportKindName, PlanContext, PlannedRow, RowIssue } from './plan-types';
import { createRowParser } from './row-parser';
import type { SourceFile } from './source-rows';

export interface ImportPlan {
  readonly file: string;
  readonly kind: ImportKindName;
  readonly totalRows: number;
  /** Rows to write, in file order. */
  readonly rows: readonly PlannedRow[];
  /** Rows already recorded in full: a re-import skips them. */
  readonly present: number;
  readonly issues: readonly RowIssue[];
}

/**
 * Validates every row of a file against its kind and the ledger, writing
 * nothing: the plan lists the commands of the good rows and the issues of the
 * bad ones. Problems with the file as a whole (missing or unknown columns)
 * throw, since no row could be read.
 */
export const planImport = (
  source: SourceFile,
  requestedKind: ImportKindName | undefined,
  context: PlanContext,
): ImportPlan => {
  const kindName = requestedKind ?? detectKind(source.name, source.columns);
  const kind = importKinds[kindName];
  checkColumns(source, kind.requiredColumns, kind.optionalColumns);
  if (source.rows.length === 0) {
    throw userError('import.no-rows', `${source.name}: has a header but no rows`);
  }

  const parse = createRowParser(kind.schema, kind.repeatingColumns ?? []);
  const plan = kind.createPlanner(context);
  const rows: PlannedRow[] = [];
  const issues: RowIssue[] = [];
  let present = 0;
  for (const row of source.rows) {
    if (row.problem !== undefined) {
      issues.push({ line: row.line, reason: row.problem });
      continue;
    }
    const parsed = parse(row.values);
    if (!parsed.success) {
      for (const issue of parsed.issues) {
        const column = issue.path[0];
        issues.push({
          line: row.line,
          ...(column === undefined ? {} : { column: String(column) }),
          reason:
            issue.code === 'invalid_type' && row.values[String(column)] === undefined
              ? 'is required'
              : issue.message,
        });
      }
      continue;
    }
    const verdict = plan(parsed.data, row.line);
    if (verdict.kind === 'planned') rows.push(verdict.row);
    else if (verdict.kind === 'present') present += 1;
    else issues.push(...verdict.issues);
  }
  return {
    file: source.name,
    kind: kindName,
    totalRows: source.rows.length,
    rows,
    present,
    issues,
  };
};

const checkColumns = (
  source: SourceFile,
  required: readonly string[],
  optional: readonly string[],
): void => {
  const known = new Set([...required, ...optional]);
  const unknown = source.columns.filter((column) => !known.has(column));
  if (source.format === 'csv') {
    const missing = required.filter((column) => !source.columns.includes(column));
    if (missing.length > 0) {
      throw userError(
        'import.missing-columns',
        `${source.name}:1: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`,
      );
    }
  }
  if (unknown.length > 0) {
    const where = source.format === 'csv' ? ':1' : '';
    throw userError(
      'import.unknown-columns',
      `${source.name}${where}: unknown column${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}; expected ${[...known].join(', ')}`,
    );
  }
};
