import type { Database, Statement } from 'better-sqlite3';
import type { StoredId } from './append-decision';
import { type DetailsRow, type EventRow, eventColumns } from './rows';

/**
 * Every statement the store runs with a fixed text, prepared once when it
 * opens. Lean pages name the event types their consumer wants whole, so the
 * store prepares those per subscription (`leanPages`).
 */
export interface Statements {
  readonly lastRevision: Statement<[string], number>;
  readonly findId: Statement<[string], StoredId>;
  readonly insert: Statement<[string, string, number, string, string, string, number]>;
  readonly streamForwards: Statement<[string, number, number], EventRow>;
  readonly streamBackwards: Statement<[string, number, number], EventRow>;
  readonly allForwards: Statement<[number, number], EventRow>;
  readonly allBackwards: Statement<[number, number], EventRow>;
  readonly details: Statement<[number], DetailsRow>;
  readonly head: Statement<[], number | null>;
  /** Changes whenever another connection (another process) commits to the file. */
  readonly dataVersion: Statement<[], number>;
}

export const prepareStatements = (db: Database): Statements => ({
  lastRevision: db
    .prepare<[string], number>(
      'SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1',
    )
    .pluck(),
  findId: db.prepare<[string], StoredId>(
    'SELECT id, position, stream, revision FROM events WHERE id = ?',
  ),
  insert: db.prepare(
    `INSERT INTO events (id, stream, revision, type, data, metadata, recorded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  ),
  streamForwards: readRows(
    db,
    'WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
  ),
  streamBackwards: readRows(
    db,
    'WHERE stream = ? AND revision <= ? ORDER BY revision DESC LIMIT ?',
  ),
  allForwards: readRows(db, 'WHERE position >= ? ORDER BY position LIMIT ?'),
  allBackwards: readRows(db, 'WHERE position <= ? ORDER BY position DESC LIMIT ?'),
  details: db
    .prepare<[number], DetailsRow>(
      'SELECT id, metadata, recorded_at FROM events WHERE position = ?',
    )
    .raw() as unknown as Statement<[number], DetailsRow>,
  head: db.prepare<[], number | null>('SELECT MAX(position) FROM events').pluck(),
  dataVersion: db.prepare<[], number>('PRAGMA data_version').pluck(),
});

const readRows = <Parameters extends unknown[]>(
  db: Database,
  where: string,
): Statement<Parameters, EventRow> =>
  db
    .prepare<Parameters, EventRow>(`SELECT ${eventColumns} FROM events ${where}`)
    .raw() as unknown as Statement<Parameters, EventRow>;
