import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { deriveEventId, deriveUlid } from '../../src/commands';
import { ulidSchema } from '../../src/domain/events';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('derived ids', () => {
  it('event ids are version-5-shaped UUIDs, stable per (command, stream, index)', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.nat(1000), (commandId, index) => {
        const id = deriveEventId(commandId, 'client-x', index);
        expect(id).toMatch(uuid);
        expect(deriveEventId(commandId, 'client-x', index)).toBe(id);
        expect(deriveEventId(commandId, 'client-x', index + 1)).not.toBe(id);
      }),
    );
  });

  it('event ids stay sha256 of (command, stream, index) with the UUID bits set (property)', () => {
    // Event ids already written to ledgers must derive the same forever.
    const expected = (commandId: string, stream: string, index: number) => {
      const text = ['event', commandId, stream, String(index)].join('\u0000');
      const bytes = createHash('sha256').update(text).digest().subarray(0, 16);
      bytes[6] = (bytes[6]! & 0x0f) | 0x50;
      bytes[8] = (bytes[8]! & 0x3f) | 0x80;
      const hex = bytes.toString('hex');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
    };
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string(),
        fc.nat(100_000),
        (commandId, stream, index) => {
          expect(deriveEventId(commandId, stream, index)).toBe(
            expected(commandId, stream, index),
          );
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it('ids of created things are valid ULIDs, one per command and purpose', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (commandId) => {
        const client = deriveUlid(commandId, 'client');
        expect(ulidSchema.safeParse(client).success).toBe(true);
        expect(client[0]).toMatch(/[0-7]/);
        expect(deriveUlid(commandId, 'client')).toBe(client);
        expect(deriveUlid(commandId, 'quote')).not.toBe(client);
      }),
    );
  });

  it('ids of created things stay the first 128 bits of sha256 in base 32 (property)', () => {
    // Ids already written to ledgers must derive the same forever.
    const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
    const expected = (commandId: string, purpose: string) => {
      const text = ['id', commandId, purpose].join('\u0000');
      let bits = BigInt(
        `0x${createHash('sha256').update(text).digest('hex').slice(0, 32)}`,
      );
      let id = '';
      for (let index = 0; index < 26; index += 1) {
        id = alphabet[Number(bits & 31n)] + id;
        bits >>= 5n;
      }
      return id;
    };
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), (commandId) => {
        expect(deriveUlid(commandId, 'interaction')).toBe(
          expected(commandId, 'interaction'),
        );
      }),
    );
  });
});
