import { readFileSync } from 'node:fs';
import {
  normaliseColumn,
  parseSource,
  readSourceFile,
} from '../../src/cli/import/source-rows';
import { isCustodyError } from '../../src/errors';
import { fixture } from './temp-store';

const parse = (name: string, text: string, format?: 'csv' | 'jsonl') =>
  parseSource(name, Buffer.from(text), format);

const failure = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (isCustodyError(error)) return error.message;
    throw error;
  }
  throw new Error('expected a failure');
};

describe('reading import files', () => {
  it('reads CSV rows with normalised columns and the line each starts on', () => {
    const source = parse(
      'p.csv',
      'Name,E-mail,External ID\n"Lind, Mara",m@x.io,7\n\nOtto,o@x.io,8\n',
    );
    expect(source.columns).toEqual(['name', 'e_mail', 'external_id']);
    expect(source.rows.map((row) => row.line)).toEqual([2, 4]);
    expect(source.rows[0]?.values).toEqual({
      name: 'Lind, Mara',
      e_mail: 'm@x.io',
      external_id: '7',
    });
  });

  it('reads a file without quotes the same way as the general parser', () => {
    const plain = parse('p.csv', 'a,b\r\n1, 2 \r\n\r\n3,4\r\n');
    const quoted = parse('p.csv', 'a,b\r\n"1", 2 \r\n\r\n3,"4"\r\n');
    expect(plain.rows).toEqual(quoted.rows);
    expect(plain.rows).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 4, values: { a: '3', b: '4' } },
    ]);
  });

  it('marks a CSV row whose field count differs from the header', () => {
    const source = parse('p.csv', 'a,b\n1,2,3\n');
    expect(source.rows[0]?.problem).toBe('has 3 fields, the header has 2');
  });

  it('reads JSON lines, keys normalised like CSV columns', async () => {
    const source = await readSourceFile(fixture('people.jsonl'));
    expect(source.format).toBe('jsonl');
    expect(source.columns).toContain('external_id');
    expect(source.rows).toHaveLength(2);
  });

  it('normalises camelCase, spaces and dashes in column names', () => {
    expect(normaliseColumn('externalId')).toBe('external_id');
    expect(normaliseColumn(' Occurred At ')).toBe('occurred_at');
    expect(normaliseColumn('client-initiated')).toBe('client_initiated');
  });

  it('refuses an empty file, a binary file and JSON given as CSV, naming the file', () => {
    expect(failure(() => parse('e.csv', ''))).toBe('e.csv: the file is empty');
    expect(failure(() => parse('e.csv', '  \n\n'))).toBe('e.csv: the file is empty');
    const binary = readFileSync(fixture('binary.csv'));
    expect(failure(() => parseSource('binary.csv', binary, 'csv'))).toMatch(/binary/);
    const json = readFileSync(fixture('people-json-as.csv'));
    expect(failure(() => parseSource('people-json-as.csv', json, 'csv'))).toMatch(
      /looks like JSON, not CSV/,
    );
  });

  it('refuses a JSON line that is not an object, naming its line', () => {
    expect(failure(() => parse('p.jsonl', '{"a":1}\n[1,2]\n', 'jsonl'))).toBe(
      'p.jsonl:2: expected one JSON object per line',
    );
    expect(failure(() => parse('p.jsonl', '{"a":1}\n{oops\n', 'jsonl'))).toBe(
      'p.jsonl:2: not valid JSON',
    );
  });

  it('reports malformed CSV quoting with its line', () => {
    expect(failure(() => parse('q.csv', 'a,b\n"1,2\n'))).toMatch(
      /^q\.csv(:\d+)?: not valid CSV/,
    );
  });
});
