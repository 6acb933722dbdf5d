import { normaliseClientName } from '../../src/cli/import/client-names';
import { deterministicUlid } from '../../src/cli/import/deterministic-ids';

describe('client names as compared on import', () => {
  it('ignores case, spacing, punctuation and a trailing legal form', () => {
    const same = [
      'ACME Ltd.',
      'Acme',
      ' acme  limited ',
      'Acme, Inc.',
      'ACME GmbH',
      'Acme S.A.',
    ];
    expect(new Set(same.map(normaliseClientName))).toEqual(new Set(['acme']));
  });

  it('keeps names apart that differ in words', () => {
    expect(normaliseClientName('Acme Foods')).not.toBe(normaliseClientName('Acme Tools'));
    expect(normaliseClientName('Castell & Sons, Inc.')).toBe('castell and sons');
  });

  it('keeps a name that is only a legal form', () => {
    expect(normaliseClientName('AG')).toBe('ag');
  });
});

describe('deterministic ids', () => {
  it('are ULID-shaped and stable for the same parts', () => {
    const id = deterministicUlid('client', 'external:CRM-1');
    expect(id).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(deterministicUlid('client', 'external:CRM-1')).toBe(id);
    expect(deterministicUlid('client', 'external:CRM-2')).not.toBe(id);
  });
});
