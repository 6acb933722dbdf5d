import { createHash, hash } from 'node:crypto';

/**
 * Ids derived from content, so that importing a file twice, or generating the
 * demo company twice from one seed, produces the same ids and the second run
 * is recognised as already recorded.
 */

// crypto.hash, one call without a Hash object, arrived in Node 20.12.
const oneShot = typeof hash === 'function';
const sha256 = (input: string) => createHash('sha256').update(input).digest();

const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A ULID-shaped id from a hash of the parts; the first character stays <= 7 as ULIDs require. */
export const deterministicUlid = (...parts: readonly string[]): string => {
  const input = parts.join('\u001f');
  const digest = oneShot ? hash('sha256', input, 'buffer') : sha256(input);
  let id = crockford[digest[0]! & 7]!;
  for (let index = 1; index < 26; index += 1) id += crockford[digest[index]! & 31];
  return id;
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
