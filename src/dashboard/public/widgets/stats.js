import { h } from '../dom.js';

/** A row of headline figures: `[['Clients held', 17], ...]`. */
export const stats = (pairs) =>
  h(
    'dl',
    { class: 'stats' },
    pairs.map(([label, value]) =>
      h('div', { class: 'stat' }, h('dt', {}, label), h('dd', {}, value)),
    ),
  );
