import { InvalidAppendError } from '../../src/eventstore/errors';
import type { JsonObject, NewEvent } from '../../src/eventstore/port';
import { validateAppend } from '../../src/eventstore/validate-append';

/** Sneaks values past the JsonObject type, as an untyped caller would. */
const eventWith = (data: unknown, metadata?: unknown): NewEvent =>
  ({
    type: 'ThingHappened',
    data: data as JsonObject,
    ...(metadata === undefined ? {} : { metadata: metadata as JsonObject }),
  }) as NewEvent;

const nested = (depth: number, leaf: unknown): Record<string, unknown> => {
  let value: unknown = leaf;
  for (let level = 0; level < depth; level += 1) value = { inner: value };
  return value as Record<string, unknown>;
};

const refusal = (events: readonly NewEvent[]) => {
  try {
    validateAppend('things-1', events, undefined);
  } catch (error) {
    if (!(error instanceof InvalidAppendError)) throw error;
    return { code: error.code, message: error.message, path: error.path };
  }
  throw new Error('the append was accepted');
};

describe('validateAppend serialises events', () => {
  it('writes data and metadata as JSON.stringify does, leaving out undefined fields', () => {
    const data = {
      name: 'Ada',
      count: 3,
      flags: [true, false, null],
      nested: { note: 'é "quoted"', skipped: undefined },
    };
    const metadata = { source: 'import', tags: ['a', 'b'] };
    const valid = validateAppend('things-1', [eventWith(data, metadata)], undefined);
    expect(valid.events[0]?.data).toBe(JSON.stringify(data));
    expect(valid.events[0]?.metadata).toBe(JSON.stringify(metadata));
    expect(valid.size).toBe(
      Buffer.byteLength(JSON.stringify(data)) +
        Buffer.byteLength(JSON.stringify(metadata)),
    );
  });

  it('accepts a value nested deeper than the quick check follows', () => {
    const data = nested(100, 'bottom');
    const valid = validateAppend('things-1', [eventWith(data)], undefined);
    expect(valid.events[0]?.data).toBe(JSON.stringify(data));
  });

  it('accepts the same object twice when it is not a cycle', () => {
    const shared = { value: 1 };
    const data = { first: shared, second: [shared, shared] };
    const valid = validateAppend('things-1', [eventWith(data)], undefined);
    expect(valid.events[0]?.data).toBe(JSON.stringify(data));
  });

  it('lowercases event ids', () => {
    const id = '0B7E9A3C-57A4-4D8E-9D55-4F3A2D6C1E01';
    const valid = validateAppend('things-1', [{ ...eventWith({}), id }], undefined);
    expect(valid.events[0]?.id).toBe(id.toLowerCase());
  });
});

describe('validateAppend names the value JSON cannot carry', () => {
  const cyclic: Record<string, unknown> = { name: 'loop' };
  cyclic.self = { back: cyclic };

  it.each([
    [
      'a bigint',
      [eventWith({ amount: 10n })],
      'events[0].data.amount is a bigint, which JSON cannot carry',
    ],
    [
      'a function in an array',
      [eventWith({}), eventWith({ list: [1, () => 2] })],
      'events[1].data.list[1] is a function, which JSON cannot carry',
    ],
    [
      'an undefined item in an array',
      [eventWith({ list: [1, undefined, 3] })],
      'events[0].data.list[1] is a undefined, which JSON cannot carry',
    ],
    [
      'an infinite number',
      [eventWith({ deep: { ratio: Number.POSITIVE_INFINITY } })],
      'events[0].data.deep.ratio is not a finite number',
    ],
    [
      'a class instance in metadata',
      [eventWith({}, { at: new Date(0) })],
      'events[0].metadata.at is not a plain object',
    ],
    ['a cycle', [eventWith(cyclic)], 'events[0].data.self.back refers to itself'],
    [
      'a cycle below the quick check',
      [eventWith(nested(40, cyclic))],
      `events[0].data${'.inner'.repeat(40)}.self.back refers to itself`,
    ],
    [
      'a bad value below the quick check',
      [eventWith(nested(40, Number.NaN))],
      `events[0].data${'.inner'.repeat(39)}.inner is not a finite number`,
    ],
  ])('refuses %s', (_, events, message) => {
    const path = message.split(' ')[0];
    expect(refusal(events)).toEqual({ code: 'store.invalid-event', message, path });
  });

  it('names the event of a malformed id or a repeated one', () => {
    const id = '0b7e9a3c-57a4-4d8e-9d55-4f3a2d6c1e01';
    expect(refusal([eventWith({}), { ...eventWith({}), id: 'nope' }])).toEqual({
      code: 'store.invalid-event',
      message: 'events[1].id must be a UUID',
      path: 'events[1].id',
    });
    expect(
      refusal([
        { ...eventWith({}), id },
        { ...eventWith({}), id },
      ]),
    ).toEqual({
      code: 'store.invalid-event',
      message: 'events[1].id repeats an id of the batch',
      path: 'events[1].id',
    });
  });
});
