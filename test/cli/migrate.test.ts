import { copyLog } from '../../src/migrate/copy-log';
import { verifyCopy } from '../../src/migrate/verify-copy';
import { exportedLog, generateDemo } from './demo-log';
import { openStore, tempDir } from './temp-store';

const temp = tempDir('migrate');
afterAll(() => temp.cleanup());

describe('custody migrate', () => {
  it('copies A to B to C, ending with the same exported log byte for byte', async () => {
    const a = openStore(temp.path('a.db'));
    const b = openStore(temp.path('b.db'));
    const c = openStore(temp.path('c.db'));
    await generateDemo(a, 11);
    const original = await exportedLog(a);

    const first = await copyLog(a, b, { window: 64 });
    const second = await copyLog(b, c, { window: 1 });
    expect(first.skipped).toBe(0);
    expect(second.copied).toBe(first.copied);
    expect(await exportedLog(c)).toBe(original);
    expect((await verifyCopy(a, c)).mismatches).toEqual([]);
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  it('resumes after an interruption and copies each event once', async () => {
    const source = openStore(temp.path('resume-source.db'));
    const target = openStore(temp.path('resume-target.db'));
    await generateDemo(source, 12);
    const events = [];
    for await (const event of source.readAll()) events.push(event);

    // An interrupted run: the first third of the log made it across.
    for (const event of events.slice(0, Math.floor(events.length / 3))) {
      await target.append(
        event.stream,
        [{ id: event.id, type: event.type, data: event.data, metadata: event.metadata }],
        { expectedRevision: event.revision === 0 ? 'no_stream' : event.revision - 1 },
      );
    }
    const result = await copyLog(source, target, { window: 64 });
    expect(result.skipped).toBe(Math.floor(events.length / 3));
    expect(result.copied + result.skipped).toBe(events.length);
    expect(await exportedLog(target)).toBe(await exportedLog(source));

    const again = await copyLog(source, target);
    expect(again).toEqual({ copied: 0, skipped: events.length });
    await Promise.all([source.close(), target.close()]);
  });

  it('reports a target that holds other events', async () => {
    const source = openStore(temp.path('diff-source.db'));
    const target = openStore(temp.path('diff-target.db'));
    await generateDemo(source, 13);
    await copyLog(source, target, { window: 64 });
    await target.append('client-01ARZ3NDEKTSV4RRFFQ69G5FAV', [
      { type: 'Noted', data: {} },
    ]);
    const check = await verifyCopy(source, target);
    expect(check.mismatches).toEqual([
      'client-01ARZ3NDEKTSV4RRFFQ69G5FAV: only in the target',
    ]);
    expect(check.targetEvents).toBe(check.sourceEvents + 1);
    await Promise.all([source.close(), target.close()]);
  });
});
