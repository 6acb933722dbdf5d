import { z } from 'zod';
import { CustodyError } from '../../../errors';
import { sortNamesOf } from '../../../projections/queries/list-sorts';
import {
  defaultLimit,
  maxLimit,
  type PageQuery,
} from '../../../projections/queries/paginate';

/**
 * The query parameters and response fields shared by every paged list: one
 * definition, so that `/clients`, the dashboards, the audit feed and the
 * relationship lists page and sort alike.
 */

export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(maxLimit)
  .describe(`Rows per page, 1 to ${maxLimit} (default ${defaultLimit})`);

/** `sort`, `order`, `limit`, `offset` and `cursor`, with the list's own sort keys. */
export const listParameters = <K extends string>(sorts: {
  readonly keys: { readonly [key in K]: { readonly order: 'asc' | 'desc' } };
  readonly defaultSort: K;
}) => ({
  sort: z
    .enum(sortNamesOf(sorts))
    .optional()
    .describe(`Sort key (default ${sorts.defaultSort})`),
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .describe(
      `Sort order; by default ${Object.entries<{ order: string }>(sorts.keys)
        .map(([key, { order }]) => `${key} ${order}`)
        .join(', ')}`,
    ),
  limit: limitParam.optional(),
  offset: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .describe('Rows to skip; ignored when `cursor` is given'),
  cursor: z
    .string()
    .max(1000)
    .optional()
    .describe('`nextCursor` of the previous page, with the same sort and order'),
});

/** The page fields of a paged response, beside the list itself. */
export const pageInfoShape = {
  total: z.number().int().describe('Rows in the whole list, before paging'),
  limit: z.number().int(),
  offset: z.number().int().describe('Index of the first row of this page'),
  nextCursor: z.string().nullable().describe('Cursor of the next page; null on the last'),
};

export const pageInfoSchema = z.object(pageInfoShape);

/** The paging part of a parsed query, without absent fields. */
export const pageQueryOf = <K extends string>(query: {
  sort?: K | undefined;
  order?: 'asc' | 'desc' | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
}): PageQuery<K> => ({
  ...(query.sort === undefined ? {} : { sort: query.sort }),
  ...(query.order === undefined ? {} : { order: query.order }),
  ...(query.limit === undefined ? {} : { limit: query.limit }),
  ...(query.offset === undefined ? {} : { offset: query.offset }),
  ...(query.cursor === undefined ? {} : { cursor: query.cursor }),
});

/**
 * Exports are whole lists: a page parameter beside `format=csv` would be
 * silently dropped, so it is refused instead.
 */
export const requireUnpagedExport = (query: {
  limit?: number | undefined;
  offset?: number | undefined;
  cursor?: string | undefined;
}): void => {
  const paged = (['limit', 'offset', 'cursor'] as const).filter(
    (name) => query[name] !== undefined,
  );
  if (paged.length === 0) return;
  const issues = paged.map((name) => ({
    path: `query.${name}`,
    message: 'CSV exports hold the whole list; page the JSON format instead',
  }));
  throw new CustodyError('validation', 'query.export-not-paged', issues[0]!.message, {
    path: issues[0]!.path,
    issues,
  });
};
