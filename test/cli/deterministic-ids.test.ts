import { createHash } from 'node:crypto';
import { deterministicUlid } from '../../src/cli/import/deterministic-ids';

/** The derivation spelled out: sha256 of the parts joined by U+001F, five bits a character. */
const reference = (...parts: string[]): string => {
  const digest = createHash('sha256').update(parts.join('\u001f'), 'utf8').digest();
  const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let id = crockford[digest[0]! & 7]!;
  for (let index = 1; index < 26; index += 1) id += crockford[digest[index]! & 31];
  return id;
};

describe('deterministic ULIDs', () => {
  it.each([
    ['interaction', 'C-1\u001fcall\u001f2024-02-03T00:00:00.000Z'],
    ['client', 'external:CRM-1'],
    ['person', 'zoë@example.com'],
    ['quote', '見積もり 7'],
    ['', ''],
  ])('derive %j %j as sha256 of the joined parts', (...parts) => {
    expect(deterministicUlid(...parts)).toBe(reference(...parts));
  });

  it('are ULID-shaped, the first character at most 7', () => {
    for (let row = 0; row < 200; row += 1) {
      const id = deterministicUlid('interaction', `row ${row}`);
      expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
      expect(id).toBe(reference('interaction', `row ${row}`));
    }
  });
});
