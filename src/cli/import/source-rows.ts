import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import { userError } from '../user-error';

/**
 * Reads an import file into rows of raw values keyed by normalised column
 * name, remembering each row's line so that every error can point at it.
 * CSV needs a header row; JSON lines hold one object per line.
 */

export type SourceFormat = 'csv' | 'jsonl';

export interface SourceRow {
  /** 1-based line in the file where the row starts. */
  readonly line: number;
  readonly values: Readonly<Record<string, unknown>>;
  /** Set when the row cannot be read as a whole (a CSV row with too many fields). */
  readonly problem?: string;
}

export interface SourceFile {
  /** The name shown in messages. */
  readonly name: string;
  readonly format: SourceFormat;
  /** Normalised column names; for JSON lines, every key seen. */
  readonly columns: readonly string[];
  readonly rows: readonly SourceRow[];
}

/** `External ID`, `externalId` and `external-id` all become `external_id`. */
export const normaliseColumn = (name: string): string =>
  name
    .trim()
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');

const formatFromExtension = (path: string): SourceFormat | undefined => {
  const extension = extname(path).toLowerCase();
  if (extension === '.csv') return 'csv';
  if (extension === '.jsonl' || extension === '.ndjson' || extension === '.json') {
    return 'jsonl';
  }
  return undefined;
};

export const readSourceFile = async (
  path: string,
  format?: SourceFormat,
): Promise<SourceFile> => {
  const buffer = await readFile(path);
  return parseSource(basename(path), buffer, format ?? formatFromExtension(path));
};

/** Parses file content; throws a user error naming the file when it cannot be read as rows. */
export const parseSource = (
  name: string,
  buffer: Buffer,
  format: SourceFormat | undefined,
): SourceFile => {
  if (buffer.includes(0)) {
    throw userError(
      'import.not-text',
      `${name}: is a binary file, not CSV or JSON lines`,
    );
  }
  const text = buffer.toString('utf8').replace(/^\uFEFF/, '');
  if (text.includes('\uFFFD')) {
    throw userError('import.not-text', `${name}: is not UTF-8 text`);
  }
  if (text.trim() === '') throw userError('import.empty', `${name}: the file is empty`);
  const looksLikeJson = /^\s*[{[]/.test(text);
  const chosen = format ?? (looksLikeJson ? 'jsonl' : 'csv');
  if (chosen === 'csv' && looksLikeJson) {
    throw userError(
      'import.not-csv',
      `${name}: looks like JSON, not CSV; give it a .jsonl name or --format jsonl`,
    );
  }
  return chosen === 'csv' ? parseCsv(name, text) : parseJsonLines(name, text);
};

interface CsvRecord {
  readonly record: string[];
  readonly line: number;
}

/**
 * Without a quote anywhere, a CSV line is its fields split at commas, and
 * splitting is several times faster than the general parser; that matters
 * for files of hundreds of thousands of rows.
 */
const splitUnquoted = (text: string): CsvRecord[] => {
  const records: CsvRecord[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index]!.endsWith('\r')
      ? lines[index]!.slice(0, -1)
      : lines[index]!;
    if (line === '') continue;
    records.push({
      record: line.split(',').map((field) => field.trim()),
      line: index + 1,
    });
  }
  return records;
};

const parseQuoted = (name: string, text: string): CsvRecord[] => {
  try {
    const parsed = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
    return parsed.map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines;
      throw userError(
        'import.bad-csv',
        `${name}${line === undefined ? '' : `:${line}`}: not valid CSV (${error.message})`,
      );
    }
    throw error;
  }
};

const parseCsv = (name: string, text: string): SourceFile => {
  // A lone carriage return as line end (old Mac files) is left to the parser.
  const plain = !text.includes('"') && (text.includes('\n') || !text.includes('\r'));
  const records = plain ? splitUnquoted(text) : parseQuoted(name, text);
  const [header, ...body] = records;
  if (header === undefined) throw userError('import.empty', `${name}: the file is empty`);
  const columns = header.record.map(normaliseColumn);
  const rows = body.map(({ record, line }): SourceRow => {
    const values: Record<string, unknown> = {};
    columns.forEach((column, index) => {
      values[column] = record[index] ?? '';
    });
    if (record.length === columns.length) return { line, values };
    const problem = `has ${record.length} fields, the header has ${columns.length}`;
    return { line, values, problem };
  });
  return { name, format: 'csv', columns, rows };
};

const parseJsonLines = (name: string, text: string): SourceFile => {
  const seen = new Set<string>();
  const rows: SourceRow[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (content.trim() === '') return;
    const line = index + 1;
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw userError('import.bad-json', `${name}:${line}: not valid JSON`);
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw userError(
        'import.bad-json',
        `${name}:${line}: expected one JSON object per line`,
      );
    }
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(parsed)) {
      const column = normaliseColumn(key);
      seen.add(column);
      values[column] = value;
    }
    rows.push({ line, values });
  });
  return { name, format: 'jsonl', columns: [...seen], rows };
};
