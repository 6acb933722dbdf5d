import fc from 'fast-check';
import { instantMs } from '../../projections/definition';

/** Projections parse instants with a fast path; it must agree with Date.parse. */
describe('instantMs', () => {
  const instants = fc
    .date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59Z'),
    })
    .filter((date) => !Number.isNaN(date.getTime()));

  it('reads what toISOString writes exactly as Date.parse does', () => {
    fc.assert(
      fc.property(instants, (date) => {
        const iso = date.toISOString();
        expect(instantMs(iso)).toBe(Date.parse(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with Date.parse on other forms: offsets, no milliseconds, leap days', () => {
    for (const iso of [
      '2024-02-29T23:59:59+01:00',
      '2024-03-14T09:30:00Z',
      '2024-03-14T09:30:00.5Z',
      '2023-12-31T23:00:00-05:30',
      '2024-13-01T00:00:00.000Z',
      '2024-02-30T00:00:00.000Z',
    ]) {
      expect(instantMs(iso)).toEqual(Date.parse(iso));
    }
  });
});
