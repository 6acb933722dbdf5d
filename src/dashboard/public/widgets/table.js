import { h, placeholder } from '../dom.js';

/**
 * A table from column definitions: `{ label, cell(row), class? }`. Each cell
 * carries its column's label, so narrow screens can show rows as cards.
 */
export const table = (columns, rows, { empty = 'Nothing to show.', caption } = {}) => {
  if (rows.length === 0) return placeholder(empty);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      {},
      caption && h('caption', {}, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) =>
            h('th', { scope: 'col', class: column.class }, column.label),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            {},
            columns.map((column) =>
              h(
                'td',
                { class: column.class, 'data-label': column.label },
                column.cell(row),
              ),
            ),
          ),
        ),
      ),
    ),
  );
};
