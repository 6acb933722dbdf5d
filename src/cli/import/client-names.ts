/**
 * Client names as the ledger compares them: case, spacing and punctuation do
 * not count, nor does a trailing legal form, so "ACME Ltd.", "Acme" and
 * "acme limited" are one client.
 */

const legalForms = [
  'ltd',
  'limited',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'plc',
  'gmbh',
  'ag',
  'kg',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'ab',
  'as',
  'oy',
  'pty',
  'kk',
  'sl',
];

const legalFormPattern = new RegExp(`(?:\\s(?:${legalForms.join('|')}))+$`);

export const normaliseClientName = (name: string): string => {
  const words = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    // "S.A." and "G.m.b.H." fold to "sa" and "gmbh" before punctuation becomes space.
    .replace(/\b([a-z])\.(?=[a-z]\.)/g, '$1')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const withoutForm = ` ${words}`.replace(legalFormPattern, '').trim();
  return (withoutForm === '' ? words : withoutForm).replace(/\s+/g, ' ');
};
