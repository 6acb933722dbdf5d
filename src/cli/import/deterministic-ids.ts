import { createHash, hash } from 'node:crypto';

/**
 * Ids derived from content, so that importing a file twice, or generating the
 * demo company twice from one seed, produces the same ids and the second run
 * is recognised as already recorded.
 */

// crypto.hash, one call without a Hash object, arrived in Node 20.12. The
// digest comes back as a 'binary' (latin1) string, one character per byte:
// making a string costs less than making a Buffer, and imports make an id for
// every row.
const oneShot = typeof hash === 'function';
const sha256 = (input: string): string =>
  oneShot
    ? hash('sha256', input, 'binary')
    : createHash('sha256').update(input).digest('binary');

const crockford = [...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'].map((char) =>
  char.charCodeAt(0),
);
const codes = new Array<number>(26);

/** A ULID-shaped id from a hash of the parts; the first character stays <= 7 as ULIDs require. */
export const deterministicUlid = (...parts: readonly string[]): string => {
  const digest = sha256(parts.join('\u001f'));
  codes[0] = crockford[digest.charCodeAt(0) & 7]!;
  for (let index = 1; index < 26; index += 1) {
    codes[index] = crockford[digest.charCodeAt(index) & 31]!;
  }
  return String.fromCharCode(...codes);
};

/** JSON with sorted keys, so that two equal rows hash equally. */
export const canonicalJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(
          Object.entries(item as Record<string, unknown>).sort(([a], [b]) =>
            a < b ? -1 : a > b ? 1 : 0,
          ),
        )
      : item,
  );
