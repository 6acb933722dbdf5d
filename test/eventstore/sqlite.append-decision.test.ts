import { decideAppend, type StoredId } from '../../src/eventstore/sqlite/append-decision';

const at = (revision: number, stream = 'orders-1'): StoredId => ({
  id: `id-${stream}-${revision}`,
  position: 100 + revision,
  stream,
  revision,
});

describe('deciding an append from what the store holds', () => {
  it('writes when no id is stored and the expected revision holds', () => {
    expect(decideAppend('orders-1', 'no_stream', undefined, [])).toEqual({
      kind: 'write',
    });
    expect(decideAppend('orders-1', 3, 3, [undefined, undefined])).toEqual({
      kind: 'write',
    });
    expect(decideAppend('orders-1', 'stream_exists', 0, [])).toEqual({ kind: 'write' });
  });

  it('refuses with the actual revision when the expected revision does not hold', () => {
    expect(decideAppend('orders-1', 2, 4, [])).toMatchObject({
      kind: 'refused',
      error: { code: 'store.wrong-expected-revision', expected: 2, actual: 4 },
    });
  });

  it.each([
    ['no_stream', 0],
    [1, 2],
    ['any', 2],
    ['stream_exists', 2],
  ] as const)('answers a retry at %s with the first result', (expected, first) => {
    const stored = [at(first), at(first + 1)];
    expect(decideAppend('orders-1', expected, 9, stored)).toEqual({
      kind: 'already-written',
      revision: first + 1,
      position: 101 + first,
    });
  });

  it('refuses a full match at another start, out of order, or in part', () => {
    const refused = { kind: 'refused', error: { code: 'store.wrong-expected-revision' } };
    expect(decideAppend('orders-1', 4, 9, [at(2), at(3)])).toMatchObject(refused);
    expect(decideAppend('orders-1', 'no_stream', 9, [at(1), at(2)])).toMatchObject(
      refused,
    );
    expect(decideAppend('orders-1', 'any', 9, [at(3), at(2)])).toMatchObject(refused);
    expect(decideAppend('orders-1', 'any', 9, [at(2), undefined])).toMatchObject(refused);
  });

  it('refuses an id stored in another stream as a duplicate', () => {
    expect(decideAppend('orders-1', 'any', 9, [at(0, 'orders-2')])).toMatchObject({
      kind: 'refused',
      error: { kind: 'conflict', code: 'store.duplicate-event-id' },
    });
  });
});
