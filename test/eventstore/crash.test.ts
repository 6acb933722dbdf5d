import { once } from 'node:events';
import Database from 'better-sqlite3';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { spawnScript } from './fixtures/spawn-script';
import { tempStoreFile } from './fixtures/temp-store';

interface Ack {
  readonly batch: string;
  readonly ids: readonly string[];
}

/**
 * Runs the crash writer on `path` and kills it with SIGKILL once it has
 * acknowledged `killAfter` appends; returns every acknowledgement it printed.
 */
const runAndKill = async (path: string, killAfter: number): Promise<Ack[]> => {
  const child = spawnScript('crash-writer.ts', [path]);
  const acks: Ack[] = [];
  let buffer = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) acks.push(JSON.parse(line) as Ack);
    if (acks.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
  });
  const [, signal] = (await once(child, 'close')) as [number | null, string | null];
  if (signal !== 'SIGKILL') throw new Error(`crash writer ended on its own: ${stderr}`);
  return acks;
};

interface StoredRow {
  readonly position: number;
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly batch: string;
  readonly size: number;
}

const readStored = (path: string): StoredRow[] => {
  const db = new Database(path, { readonly: true });
  const rows = db
    .prepare(
      `SELECT position, id, stream, revision,
              json_extract(metadata, '$.batch') AS batch,
              json_extract(metadata, '$.size') AS size
       FROM events ORDER BY position`,
    )
    .all() as StoredRow[];
  db.close();
  return rows;
};

/**
 * A killed process is what this can simulate: the operating system survives
 * and keeps what the process had written. Losing power or the machine is not
 * simulated; against that the store relies on `synchronous = FULL`, which
 * syncs the log before an append is acknowledged.
 */
describe('embedded store after a crash (SIGKILL)', () => {
  let file: ReturnType<typeof tempStoreFile>;

  beforeAll(() => {
    file = tempStoreFile();
  });

  afterAll(() => {
    file.remove();
  });

  it('keeps every acknowledged append, whole, with gap-free positions', async () => {
    const acknowledged: Ack[] = [];
    for (let round = 0; round < 4; round += 1) {
      const killAfter = 20 + Math.floor(Math.random() * 300);
      acknowledged.push(...(await runAndKill(file.path, killAfter)));

      // Reopening recovers the WAL left by the killed process.
      const store = openSqliteEventStore({ path: file.path });
      await store.checkHealth();
      await store.close();
      const rows = readStored(file.path);

      expect(rows.map((row) => row.position)).toEqual(rows.map((_, index) => index + 1));
      const storedIds = new Map(rows.map((row) => [row.id, row]));
      expect(storedIds.size).toBe(rows.length);
      const missing = acknowledged
        .flatMap((ack) => ack.ids)
        .filter((id) => !storedIds.has(id));
      expect(missing).toEqual([]);

      const batches = new Map<string, StoredRow[]>();
      for (const row of rows)
        batches.set(row.batch, [...(batches.get(row.batch) ?? []), row]);
      for (const members of batches.values()) {
        expect(members).toHaveLength(members[0]!.size);
        const first = members[0]!;
        members.forEach((member, index) => {
          expect(member).toMatchObject({
            stream: first.stream,
            revision: first.revision + index,
            position: first.position + index,
          });
        });
      }

      const revisions = new Map<string, number[]>();
      for (const row of rows) {
        revisions.set(row.stream, [...(revisions.get(row.stream) ?? []), row.revision]);
      }
      for (const list of revisions.values()) {
        expect(list).toEqual(list.map((_, index) => index));
      }
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(80);
  });
});
