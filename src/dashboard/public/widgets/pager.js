import { h } from '../dom.js';
import { routeOf } from '../route.js';

/** Rows per page of every paged dashboard list. */
export const pageSize = 25;

/** The offset named in the view's query, never negative. */
export const offsetOf = (query, name = 'offset') =>
  Math.max(0, Number.parseInt(query.get(name) ?? '0', 10) || 0);

/**
 * Previous / next links over one page of a list: `info` is the answer's page
 * info (`total`, `offset`), `rows` the rows shown. The links keep the view's
 * other query values; `name` is the query field of this list's offset.
 */
export const pager = (
  path,
  query,
  info,
  rows,
  { name = 'offset', noun = 'rows' } = {},
) => {
  const { offset, total } = info;
  const last = Math.min(offset + rows.length, total);
  const to = (next) => `#${routeOf(path, { ...query, [name]: next || '' })}`;
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 && h('a', { href: to(Math.max(0, offset - pageSize)) }, '← Previous'),
    h('span', {}, total === 0 ? `No ${noun}` : `${offset + 1}–${last} of ${total}`),
    last < total && h('a', { href: to(offset + pageSize) }, 'Next →'),
  );
};

/** The view's query as a plain object, for links that keep it. */
export const queryObject = (query) => Object.fromEntries(query.entries());
