import { randomFillSync } from 'node:crypto';
import { ulid } from 'ulid';

/**
 * ULIDs for request and command ids, drawn from a pool of random bytes. The
 * `ulid` package asks the system for one random byte per character, which
 * under load cost more than the rest of id handling together; the pool keeps
 * the same cryptographic source and refills it in one call per 4 KiB.
 */
const pool = Buffer.alloc(4096);
let offset = pool.length;

const pooledRandom = (): number => {
  if (offset >= pool.length) {
    randomFillSync(pool);
    offset = 0;
  }
  const byte = pool[offset]!;
  offset += 1;
  return byte / 256;
};

export const newUlid = (): string => ulid(undefined, pooledRandom);
