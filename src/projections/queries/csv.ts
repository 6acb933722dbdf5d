/**
 * RFC 4180 CSV: every field quoted when it holds a comma, quote or line break.
 * Text that a spreadsheet would run as a formula (starting with = + - @) is
 * prefixed with an apostrophe, because exports are opened in spreadsheets.
 */
export type CsvCell = string | number | boolean | null | undefined;

const formulaStart = /^[=+\-@\t\r]/;

export const csvCell = (value: CsvCell): string => {
  if (value === null || value === undefined) return '';
  if (typeof value !== 'string') return String(value);
  const text = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export const toCsv = (
  columns: readonly string[],
  rows: readonly (readonly CsvCell[])[],
): string =>
  [columns, ...rows].map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
