import { z } from 'zod';

/**
 * Field schemas for import rows. CSV gives every value as a string, JSON
 * lines may give numbers, booleans and arrays; both are accepted. An empty
 * cell means "not given".
 */

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;

const trimmed = (value: unknown): unknown =>
  typeof value === 'string' ? value.trim() : value;

export const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema.optional());

export const required = <T extends z.ZodType>(schema: T) =>
  z.preprocess(blankToUndefined, schema);

export const text = (max: number) => z.preprocess(trimmed, z.string().min(1).max(max));

export const email = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim().toLowerCase() : value),
  z.email('not a valid email address').max(200),
);

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const dateTimePattern =
  /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A date (`2025-03-14`, taken as midnight UTC) or a date and time with an
 * offset (`2025-03-14T09:30:00+01:00`); stored as a UTC instant. A time
 * without an offset is refused: guessing a time zone would misdate the event.
 */
export const instant = z.preprocess(
  trimmed,
  z
    .string('expected a date such as 2025-03-14 or 2025-03-14T09:30:00Z')
    .superRefine((value, context) => {
      if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:[\d.]+)?$/i.test(value)) {
        context.addIssue({
          code: 'custom',
          message: `"${value}" has no time zone; add Z or an offset such as +01:00`,
        });
        return;
      }
      const shaped = datePattern.test(value) || dateTimePattern.test(value);
      if (!shaped || Number.isNaN(Date.parse(toIsoInput(value)))) {
        context.addIssue({
          code: 'custom',
          message: `"${value}" is not a date such as 2025-03-14 or 2025-03-14T09:30:00Z`,
        });
      }
    })
    .transform((value) => new Date(toIsoInput(value)).toISOString()),
);

const toIsoInput = (value: string): string =>
  datePattern.test(value) ? `${value}T00:00:00Z` : value.replace(' ', 'T');

const truthy = new Set(['true', 'yes', 'y', '1']);
const falsy = new Set(['false', 'no', 'n', '0']);

export const flag = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  if (word === '') return undefined;
  if (truthy.has(word)) return true;
  if (falsy.has(word)) return false;
  return value;
}, z.boolean('expected yes/no, true/false or 1/0').default(false));

/** A list given as `a; b; c` in CSV or as an array in JSON lines. */
export const list = (item: z.ZodType<string>, max: number) =>
  z.preprocess(
    (value) =>
      typeof value === 'string'
        ? value
            .split(/[;|,]/)
            .map((part) => part.trim())
            .filter((part) => part !== '')
        : value,
    z.array(item).max(max),
  );

export const amount = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const cleaned = value.trim().replace(/[\s_]/g, '');
  return cleaned === ''
    ? undefined
    : /^\d+(\.\d+)?$/.test(cleaned)
      ? Number(cleaned)
      : value;
}, z.number('expected an amount such as 1250.50').finite().nonnegative().max(1e12));
