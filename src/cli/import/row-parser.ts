import { z } from 'zod';

/**
 * Parses import rows with a kind's row schema, answering exactly as
 * `schema.safeParse` would, but faster on large files.
 *
 * Large files repeat most cells: the same client, salesperson, type and flag
 * on thousands of rows. A field's schema gives the same answer for the same
 * text, so each repeating column is parsed once per distinct text and the
 * answer remembered; the other columns go through the schema with the
 * repeating ones picked out. This is exact only for an object schema whose
 * fields are parsed independently: no checks on the object as a whole, and
 * unknown keys stripped. Any other schema is parsed whole.
 */

export type RowParse<Row> =
  | { readonly success: true; readonly data: Row }
  | { readonly success: false; readonly issues: readonly z.core.$ZodIssue[] };

/** Distinct texts remembered per column; past that, cells are parsed each time. */
const maxRemembered = 10_000;

interface FieldAnswer {
  /** The field's output object: holds the key only where the schema sets it. */
  readonly data: Readonly<Record<string, unknown>>;
  readonly issues: readonly z.core.$ZodIssue[];
}

export const createRowParser = <Row>(
  schema: z.ZodType<Row>,
  repeating: readonly string[],
): ((values: Readonly<Record<string, unknown>>) => RowParse<Row>) => {
  const whole = (values: Readonly<Record<string, unknown>>): RowParse<Row> => {
    const parsed = schema.safeParse(values);
    return parsed.success
      ? { success: true, data: parsed.data }
      : { success: false, issues: parsed.error.issues };
  };
  if (!(schema instanceof z.ZodObject) || !fieldsIndependent(schema)) return whole;
  const shape = schema.shape as Record<string, z.ZodType>;
  const keys = Object.keys(shape);
  const remembered = repeating.filter((key) => Object.hasOwn(shape, key));
  if (remembered.length === 0) return whole;

  const omitted: Record<string, true> = {};
  for (const key of remembered) omitted[key] = true;
  const rest = schema.omit(omitted as never);
  // In the schema's field order, as the whole schema sets keys and lists issues.
  const fields = keys.map((key) => ({
    key,
    remembered: remembered.includes(key)
      ? new RememberedField(key, shape[key]!)
      : undefined,
  }));

  return (values) => {
    // Only the whole schema knows how to refuse a row that is no object at all.
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      return whole(values);
    }
    const parsedRest = rest.safeParse(values);
    const restData = (parsedRest.success ? parsedRest.data : {}) as Record<
      string,
      unknown
    >;
    const restIssues = parsedRest.success ? [] : parsedRest.error.issues;
    const data: Record<string, unknown> = {};
    const issues: z.core.$ZodIssue[] = [];

    for (const { key, remembered } of fields) {
      if (remembered === undefined) {
        if (Object.hasOwn(restData, key)) data[key] = restData[key];
        for (const issue of restIssues) {
          if (issue.path[0] === key) issues.push(issue);
        }
        continue;
      }
      const answer = remembered.parse(values);
      if (Object.hasOwn(answer.data, key)) data[key] = answer.data[key];
      for (const issue of answer.issues) issues.push(issue);
    }
    return issues.length === 0
      ? { success: true, data: data as Row }
      : { success: false, issues };
  };
};

/** One column's schema, as a one-field object so that absence is judged as the whole schema does. */
class RememberedField {
  private readonly schema: z.ZodType;
  private readonly answers = new Map<string, FieldAnswer>();
  private absent: FieldAnswer | undefined;

  constructor(
    private readonly key: string,
    field: z.ZodType,
  ) {
    this.schema = z.object({ [key]: field });
  }

  parse(values: Readonly<Record<string, unknown>>): FieldAnswer {
    if (!Object.hasOwn(values, this.key)) {
      this.absent ??= this.answer({});
      return this.absent;
    }
    const cell = values[this.key];
    if (typeof cell !== 'string') return this.answer({ [this.key]: cell });
    let known = this.answers.get(cell);
    if (known === undefined) {
      known = this.answer({ [this.key]: cell });
      if (this.answers.size < maxRemembered) this.answers.set(cell, known);
    }
    return known;
  }

  private answer(input: Record<string, unknown>): FieldAnswer {
    const parsed = this.schema.safeParse(input);
    if (!parsed.success) return { data: {}, issues: parsed.error.issues };
    // Rows share a remembered answer: freeze it so no row can change another's.
    const data = parsed.data as Record<string, unknown>;
    for (const value of Object.values(data)) {
      if (typeof value === 'object' && value !== null) Object.freeze(value);
    }
    return { data: Object.freeze(data), issues: [] };
  }
}

const fieldsIndependent = (schema: z.ZodObject): boolean =>
  (schema.def.checks ?? []).length === 0 && schema.def.catchall === undefined;
