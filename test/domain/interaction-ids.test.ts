import fc from 'fast-check';
import { InteractionIds } from '../../src/domain/client/interaction-ids';

describe('InteractionIds', () => {
  it('leaves every earlier version as it was', () => {
    const empty = InteractionIds.empty();
    const one = empty.with('a');
    const two = one.with('b');
    expect([empty.has('a'), one.has('a'), one.has('b'), two.has('b')]).toEqual([
      false,
      true,
      false,
      true,
    ]);
  });

  it('keeps versions built from one older version apart', () => {
    const one = InteractionIds.empty().with('a');
    const left = one.with('b');
    const right = one.with('c');
    expect([left.has('b'), left.has('c'), right.has('b'), right.has('c')]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(right.with('b').has('b')).toBe(true);
    expect(one.has('b') || one.has('c')).toBe(false);
  });

  it('answers as a Set would, however versions branch (property)', () => {
    // Each step adds an id to some version built so far.
    const steps = fc.array(fc.tuple(fc.nat(), fc.constantFrom('a', 'b', 'c', 'd', 'e')));
    fc.assert(
      fc.property(steps, (script) => {
        const versions: [InteractionIds, Set<string>][] = [
          [InteractionIds.empty(), new Set()],
        ];
        for (const [pick, id] of script) {
          const [ids, model] = versions[pick % versions.length]!;
          versions.push([ids.with(id), new Set([...model, id])]);
        }
        for (const [ids, model] of versions) {
          for (const id of ['a', 'b', 'c', 'd', 'e'])
            expect(ids.has(id)).toBe(model.has(id));
          expect(ids.size).toBe(model.size);
        }
      }),
    );
  });
});
