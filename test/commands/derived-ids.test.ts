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
});
