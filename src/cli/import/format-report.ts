import { formatPosition } from '../../eventstore/position';
import type { RowIssue } from './plan-types';
import type { ImportReport } from './run-import';

/** `clients.csv:7: owner: no person x@example.com`: file, line, column and reason. */
export const formatIssue = (file: string, issue: RowIssue): string =>
  `${file}:${issue.line}: ${issue.column === undefined ? '' : `${issue.column}: `}${issue.reason}`;

/** At most `limit` issues, then how many more, so that a bad large file stays readable. */
export const formatIssues = (
  file: string,
  issues: readonly RowIssue[],
  limit = 50,
): string[] => {
  const lines = issues.slice(0, limit).map((issue) => formatIssue(file, issue));
  if (issues.length > limit) lines.push(`${file}: ... and ${issues.length - limit} more`);
  return lines;
};

export const formatSummary = (report: ImportReport): string => {
  const invalidRows = new Set(report.issues.map((issue) => issue.line)).size;
  const parts = [
    `${report.file}: ${report.rows} ${report.kind} rows`,
    `${report.written} written`,
    `${report.present} already present`,
  ];
  if (invalidRows > 0) parts.push(`${invalidRows} skipped as invalid`);
  if (report.head !== undefined) parts.push(`log head ${formatPosition(report.head)}`);
  return parts.join(', ');
};
