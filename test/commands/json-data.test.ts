import fc from 'fast-check';
import { jsonData } from '../../src/commands/stream-step';

describe('jsonData', () => {
  it('gives back what a JSON round trip gives, undefined fields dropped (property)', () => {
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.constant(undefined),
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.constant(-0),
        fc.string(),
        fc.array(tie('node')),
        fc.dictionary(fc.string(), tie('node')),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string(), value), (data) => {
        expect(jsonData(data)).toStrictEqual(JSON.parse(JSON.stringify(data)));
      }),
    );
  });

  it('keeps a "__proto__" field as a field', () => {
    const data = JSON.parse('{"__proto__":{"x":1},"y":2}') as unknown;
    expect(jsonData(data)).toStrictEqual(data);
    expect(Object.getPrototypeOf(jsonData(data))).toBe(Object.prototype);
  });

  it('writes dates as JSON does', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(jsonData({ at, left: undefined })).toEqual({ at: '2026-01-02T03:04:05.000Z' });
  });
});
