import Database from 'better-sqlite3';
import {
  applyMigrations,
  type Migration,
  openSqliteEventStore,
} from '../../src/eventstore/sqlite';
import { tempStoreFile } from './fixtures/temp-store';

const notesV1: Migration = {
  version: 1,
  name: 'notes table',
  up: (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL)'),
};
const notesV2: Migration = {
  version: 2,
  name: 'notes author',
  up: (db) => db.exec("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL DEFAULT ''"),
};

describe('embedded store schema and migrations', () => {
  let file: ReturnType<typeof tempStoreFile>;

  beforeEach(() => {
    file = tempStoreFile();
  });

  afterEach(() => {
    file.remove();
  });

  it('opens with WAL and full sync, or normal sync on request', async () => {
    const store = openSqliteEventStore({ path: file.path });
    expect(store.database.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.database.pragma('synchronous', { simple: true })).toBe(2);
    expect(store.database.pragma('busy_timeout', { simple: true })).toBeGreaterThan(0);
    await store.close();
    const relaxed = openSqliteEventStore({ path: file.path, synchronous: 'NORMAL' });
    expect(relaxed.database.pragma('synchronous', { simple: true })).toBe(1);
    await relaxed.close();
  });

  it('migrates a new file once and keeps events across reopening', async () => {
    const store = openSqliteEventStore({ path: file.path });
    await store.append('kept', [{ type: 'ThingHappened', data: { n: 1 } }]);
    await store.close();

    const reopened = openSqliteEventStore({ path: file.path });
    const ledger = reopened.database
      .prepare('SELECT component, version FROM schema_migrations')
      .all();
    expect(ledger).toEqual([{ component: 'event-store', version: 1 }]);
    expect((await reopened.readStream('kept'))[0]?.data).toEqual({ n: 1 });
    await reopened.close();
  });

  it('lets another component upgrade its own tables in the same file', async () => {
    const store = openSqliteEventStore({ path: file.path });
    expect(applyMigrations(store.database, 'notes', [notesV1])).toEqual([1]);
    store.database.prepare('INSERT INTO notes (text) VALUES (?)').run('old row');
    await store.close();

    const upgraded = openSqliteEventStore({ path: file.path });
    expect(applyMigrations(upgraded.database, 'notes', [notesV1, notesV2])).toEqual([2]);
    expect(applyMigrations(upgraded.database, 'notes', [notesV1, notesV2])).toEqual([]);
    expect(upgraded.database.prepare('SELECT text, author FROM notes').all()).toEqual([
      { text: 'old row', author: '' },
    ]);
    await upgraded.close();
  });

  it('refuses a file written by a newer schema, and misnumbered migrations', () => {
    openSqliteEventStore({ path: file.path }).database.close();
    const db = new Database(file.path);
    db.prepare(
      "INSERT INTO schema_migrations VALUES ('event-store', 2, 'from the future', '')",
    ).run();
    db.close();
    expect(() => openSqliteEventStore({ path: file.path })).toThrow(
      expect.objectContaining({ code: 'store.schema-too-new' }),
    );

    const scratch = new Database(':memory:');
    expect(() => applyMigrations(scratch, 'notes', [notesV2])).toThrow(/numbered/);
    scratch.close();
  });
});
