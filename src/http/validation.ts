import type { z } from 'zod';
import { CustodyError, type ErrorIssue } from '../errors';

/** Where a value came from; issue paths start with it (`body.occurredAt`). */
export type InputPart = 'params' | 'query' | 'body' | 'headers';

const joinPath = (part: string, path: readonly PropertyKey[]): string =>
  [part, ...path.map((segment) => String(segment))].join('.');

/**
 * Flattens zod issues into `{ path, message }`. An unknown key is reported at
 * its own path, so the caller sees which field to remove.
 */
export const issuesOf = (part: InputPart, error: z.ZodError): ErrorIssue[] =>
  error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: joinPath(part, [...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    return [{ path: joinPath(part, issue.path), message: issue.message }];
  });

export const validationFailed = (issues: readonly ErrorIssue[]): CustodyError => {
  const count = issues.length === 1 ? 'one field' : `${issues.length} fields`;
  return new CustodyError(
    'validation',
    'validation.failed',
    `The request is invalid in ${count}`,
    { issues, ...(issues[0] === undefined ? {} : { path: issues[0].path }) },
  );
};

/** Parses one part of the request, collecting issues instead of throwing. */
export const parsePart = (
  part: InputPart,
  schema: z.ZodType | undefined,
  value: unknown,
  issues: ErrorIssue[],
): unknown => {
  if (schema === undefined) return value;
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  issues.push(...issuesOf(part, result.error));
  return undefined;
};
