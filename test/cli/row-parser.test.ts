import { z } from 'zod';
import { importKinds } from '../../src/cli/import/kinds';
import { createRowParser } from '../../src/cli/import/row-parser';

const person = 'otto@example.com';

/** Rows as CSV gives them (strings, blanks, absent columns) and as JSON lines may. */
const interactionRows: Record<string, unknown>[] = [
  {
    client: 'C-1',
    type: 'call',
    occurred_at: '2024-02-03',
    participants: person,
    client_initiated: 'yes',
    summary: 'Hello',
  },
  {
    client: ' C-1 ',
    type: 'Visit',
    occurred_at: '2024-02-03T10:00:00+01:00',
    participants: `${person}; ann@example.com`,
    client_initiated: '',
    summary: '',
    location: 'Leeds',
    contacts: 'Ann|Bo',
  },
  { client: 'C-1', type: 'call', occurred_at: '2024-02-03', participants: person },
  { client: '', type: 'fax', occurred_at: '2024-02-03 10:00', participants: '' },
  { client: 'C-1', type: 'call', occurred_at: 'soon', participants: person },
  { client: 'C-1', type: 'call', client_initiated: 'maybe', participants: ';;' },
  { type: 'call', occurred_at: '2024-02-03', participants: person },
  { client: 'C-1', type: 7, occurred_at: '2024-02-03', participants: [person, 'b@x.io'] },
  {
    client: 'C-1',
    type: 'email',
    occurred_at: '2024-02-03',
    participants: person,
    client_initiated: true,
    contacts: ['Ann'],
    interaction_id: 'X-1',
  },
  {
    client: 'x'.repeat(201),
    type: 'call',
    occurred_at: '2024-02-03',
    participants: person,
  },
  {
    client: 'C-1',
    type: 'call',
    occurred_at: '2024-02-03',
    participants: person,
    extra: 1,
  },
];

const quoteRows: Record<string, unknown>[] = [
  {
    client: 'C-1',
    issued_by: person,
    amount: '1 250.50',
    currency: 'eur',
    issued_at: '2024-02-03',
    status: '',
  },
  {
    client: 'C-1',
    issued_by: person,
    amount: '12',
    currency: 'EUR',
    issued_at: '2024-02-03',
    status: 'Lost',
    closed_at: '2024-03-01',
    reason: 'Price',
  },
  { client: 'C-1', issued_by: '', amount: 'lots', currency: 'euro', status: 'open' },
  { client: 'C-1', issued_by: person, amount: 5, currency: 3, issued_at: '2024-02-03' },
];

const describeParse = (parsed: z.ZodSafeParseResult<unknown>) =>
  parsed.success
    ? { success: true, data: parsed.data }
    : {
        success: false,
        issues: parsed.error.issues.map(({ code, path, message }) => ({
          code,
          path,
          message,
        })),
      };

/** The row parser's answer in the shape of `describeParse`. */
const describeRowParse = (parsed: ReturnType<ReturnType<typeof createRowParser>>) =>
  parsed.success
    ? { success: true, data: parsed.data }
    : {
        success: false,
        issues: parsed.issues.map(({ code, path, message }) => ({
          code,
          path,
          message,
        })),
      };

describe('the row parser', () => {
  it.each([
    ['interactions', interactionRows],
    ['quotes', quoteRows],
  ] as const)(
    'answers %s rows as the whole schema does, remembered or not',
    (name, rows) => {
      const kind = importKinds[name];
      const parse = createRowParser(kind.schema, kind.repeatingColumns ?? []);
      // Twice over: the second pass answers from what the first remembered.
      for (const values of [...rows, ...rows]) {
        expect(describeRowParse(parse(values))).toStrictEqual(
          describeParse(kind.schema.safeParse(values)),
        );
      }
    },
  );

  it('refuses a row that is no object as the whole schema does', () => {
    const kind = importKinds.interactions;
    const parse = createRowParser(kind.schema, kind.repeatingColumns ?? []);
    for (const values of [null, ['C-1'], 'C-1']) {
      const parsed = parse(values as never);
      expect(parsed.success).toBe(false);
      expect(describeRowParse(parsed)).toStrictEqual(
        describeParse(kind.schema.safeParse(values)),
      );
    }
  });

  it('parses a schema with checks on the whole row as a whole', () => {
    const schema = z
      .object({ a: z.string(), b: z.string() })
      .refine((row) => row.a !== row.b, { message: 'a and b differ' });
    const parse = createRowParser(schema, ['a']);
    const parsed = parse({ a: 'x', b: 'x' });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(parsed.issues[0]?.message).toBe('a and b differ');
  });

  it('keeps remembered answers from being changed through one row', () => {
    const kind = importKinds.interactions;
    const parse = createRowParser(kind.schema, kind.repeatingColumns ?? []);
    const parsed = parse(interactionRows[0]!);
    if (!parsed.success) throw new Error('expected a valid row');
    const participants = (parsed.data as { participants: string[] }).participants;
    expect(() => participants.push('someone')).toThrow(TypeError);
  });
});
