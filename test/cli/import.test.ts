import { join } from 'node:path';
import { formatIssue } from '../../src/cli/import/format-report';
import { ImportRejected, runImport } from '../../src/cli/import/run-import';
import { fixture, importDependencies, openStore, tempDir } from './temp-store';

const temp = tempDir('import');
afterAll(() => temp.cleanup());

let counter = 0;
const freshStore = () => {
  counter += 1;
  return openStore(temp.path(`import-${counter}.db`));
};

const importAll = async (store: ReturnType<typeof openStore>) => {
  const reports = [];
  for (const file of ['people.csv', 'clients.csv', 'interactions.csv', 'quotes.csv']) {
    reports.push(await runImport({ file: fixture(file) }, importDependencies(store)));
  }
  return reports;
};

const rejection = async (promise: Promise<unknown>): Promise<ImportRejected> => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ImportRejected) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
};

const eventsOf = async (store: ReturnType<typeof openStore>) => {
  const events = [];
  for await (const event of store.readAll()) events.push(event);
  return events;
};

describe('custody import', () => {
  it('imports people, clients with owners, historical interactions and quotes', async () => {
    const store = freshStore();
    const reports = await importAll(store);
    expect(
      reports.map((report) => [report.kind, report.written, report.issues.length]),
    ).toEqual([
      ['people', 4, 0],
      ['clients', 4, 0],
      ['interactions', 5, 0],
      ['quotes', 3, 0],
    ]);
    const events = await eventsOf(store);
    const assigned = events.filter((event) => event.type === 'OwnershipAssigned');
    expect(assigned).toHaveLength(3);
    expect(assigned.every((event) => event.data.reason === 'import')).toBe(true);
    expect(events.every((event) => event.metadata.source === 'import')).toBe(true);
    // Interactions keep their original dates, far older than the age limit.
    const visit = events.find((event) => event.type === 'VisitLogged');
    expect(visit?.data.occurredAt).toBe('2024-02-03T13:00:00.000Z');
    expect(visit?.data.participants).toHaveLength(2);
    expect(
      events.filter((event) => event.type.startsWith('Quote')).map((e) => e.type),
    ).toEqual([
      'QuoteIssued',
      'QuoteAccepted',
      'QuoteIssued',
      'QuoteLost',
      'QuoteIssued',
    ]);
    await store.close();
  });

  it('changes nothing when the same files are imported again', async () => {
    const store = freshStore();
    await importAll(store);
    const head = await store.headPosition();
    const again = await importAll(store);
    expect(await store.headPosition()).toEqual(head);
    expect(again.map((report) => report.written)).toEqual([0, 0, 0, 0]);
    expect(again.map((report) => report.present)).toEqual([4, 4, 5, 3]);
    await store.close();
  });

  it('accepts JSON lines', async () => {
    const store = freshStore();
    const report = await runImport(
      { file: fixture('people.jsonl') },
      importDependencies(store),
    );
    expect(report).toMatchObject({ kind: 'people', written: 2 });
    await store.close();
  });

  it('writes nothing when a row is bad, and names file, line, column and reason', async () => {
    const store = freshStore();
    const error = await rejection(
      runImport({ file: fixture('people-bad.csv') }, importDependencies(store)),
    );
    expect(
      error.report.issues.map((issue) => formatIssue('people-bad.csv', issue)),
    ).toEqual([
      'people-bad.csv:3: email: not a valid email address',
      'people-bad.csv:4: role: expected salesperson, manager, executive, auditor or admin',
      'people-bad.csv:5: email: good.person@example.com is already on line 2',
    ]);
    expect(await store.headPosition()).toBeUndefined();
    await store.close();
  });

  it('with --skip-invalid writes the good rows and reports the others', async () => {
    const store = freshStore();
    const report = await runImport(
      { file: fixture('people-bad.csv'), skipInvalid: true },
      importDependencies(store),
    );
    expect(report.written).toBe(1);
    expect(report.issues.map((issue) => issue.line)).toEqual([3, 4, 5]);
    expect((await eventsOf(store)).map((event) => event.data.email)).toEqual([
      'good.person@example.com',
    ]);
    await store.close();
  });

  it('reports bad dates, unknown people and clients, unknown types, future dates and duplicates', async () => {
    const store = freshStore();
    await runImport({ file: fixture('people.csv') }, importDependencies(store));
    await runImport({ file: fixture('clients.csv') }, importDependencies(store));
    const head = await store.headPosition();
    const error = await rejection(
      runImport({ file: fixture('interactions-bad.csv') }, importDependencies(store)),
    );
    const byLine = Object.fromEntries(
      error.report.issues.map((issue) => [
        issue.line,
        `${issue.column ?? '-'}: ${issue.reason}`,
      ]),
    );
    expect(byLine).toEqual({
      2: 'occurred_at: "2024-13-45" is not a date such as 2025-03-14 or 2025-03-14T09:30:00Z',
      3: 'participants: no person nobody@example.com',
      4: 'client: no client Unknown Client Co',
      5: 'type: expected call, email, message, meeting or visit',
      6: 'occurred_at: 2099-01-01T09:00:00.000Z is in the future',
      8: '-: duplicate of line 7',
      9: 'occurred_at: "2024-01-15 09:00" has no time zone; add Z or an offset such as +01:00',
      10: '-: has 5 fields, the header has 4',
    });
    expect(await store.headPosition()).toEqual(head);
    await store.close();
  });

  it('reports duplicate clients (by normalised name or external id) instead of creating them twice', async () => {
    const store = freshStore();
    await runImport({ file: fixture('people.csv') }, importDependencies(store));
    await runImport({ file: fixture('clients.csv') }, importDependencies(store));
    const error = await rejection(
      runImport({ file: fixture('clients-duplicates.csv') }, importDependencies(store)),
    );
    expect(error.report.issues.map((issue) => [issue.line, issue.column])).toEqual([
      [2, 'name'],
      [4, 'name'],
      [5, 'owner'],
    ]);
    expect(error.report.issues[0]?.reason).toMatch(/duplicate of client .* \(Acme Ltd\)/);
    expect(error.report.issues[2]?.reason).toMatch(/only salespeople own clients/);
    await store.close();
  });

  it('refuses files with missing or unknown columns, or no rows, before reading rows', async () => {
    const store = freshStore();
    const run = (file: string) =>
      runImport({ file: fixture(file) }, importDependencies(store));
    await expect(run('people-missing-column.csv')).rejects.toThrow(
      'people-missing-column.csv:1: missing column email',
    );
    await expect(run('people-unknown-column.csv')).rejects.toThrow(
      /unknown column shoe_size/,
    );
    await expect(run('header-only.csv')).rejects.toThrow(
      'header-only.csv: has a header but no rows',
    );
    await expect(run('empty.csv')).rejects.toThrow('empty.csv: the file is empty');
    await expect(run('binary.csv')).rejects.toThrow(/binary file/);
    await expect(run('people-json-as.csv')).rejects.toThrow(/looks like JSON/);
    await store.close();
  });

  it('imports the documented example files cleanly', async () => {
    const store = freshStore();
    const examples = join(__dirname, '..', '..', 'examples', 'import');
    const files = [
      'people.csv',
      'more-people.jsonl',
      'clients.csv',
      'interactions.csv',
      'quotes.csv',
    ];
    for (const file of files) {
      const report = await runImport(
        { file: join(examples, file) },
        importDependencies(store),
      );
      expect(report.issues).toEqual([]);
      expect(report.written).toBe(report.rows);
    }
    await store.close();
  });

  it('refuses unknown owners', async () => {
    const store = freshStore();
    const error = await rejection(
      runImport({ file: fixture('clients.csv') }, importDependencies(store)),
    );
    expect(error.report.issues[0]).toEqual({
      line: 2,
      column: 'owner',
      reason: 'no person otto.berg@example.com',
    });
    await store.close();
  });
});
