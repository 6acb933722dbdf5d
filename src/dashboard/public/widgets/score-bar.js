import { h } from '../dom.js';

/** A relationship score (0–100) as a bar coloured by its band, with the number. */
export const scoreBar = (score, band) => {
  const fill = h('span', { class: `bar-fill band-${band}` });
  // Set through the CSSOM: the page's policy forbids inline style attributes.
  fill.style.width = `${Math.max(0, Math.min(100, score))}%`;
  return h(
    'span',
    { class: 'score', title: `score ${score}, ${band}` },
    h('span', { class: 'bar', role: 'presentation' }, fill),
    h('span', { class: 'score-value' }, String(score)),
    h('span', { class: `band band-${band}` }, band),
  );
};

/** Counts per band (strong, moderate, weak, none) as one stacked bar with a legend. */
export const bandMix = (bands) => {
  const total = Object.values(bands).reduce((sum, count) => sum + count, 0);
  const names = ['strong', 'moderate', 'weak', 'none'];
  const bar = h('div', { class: 'band-mix', role: 'presentation' });
  for (const name of names) {
    if (!bands[name]) continue;
    const part = h('span', { class: `band-${name}`, title: `${name}: ${bands[name]}` });
    part.style.flexGrow = String(bands[name] / Math.max(total, 1));
    bar.append(part);
  }
  const legend = h(
    'ul',
    { class: 'legend' },
    names.map((name) =>
      h(
        'li',
        {},
        h('span', { class: `swatch band-${name}` }),
        `${name} ${bands[name] ?? 0}`,
      ),
    ),
  );
  return h('div', {}, bar, legend);
};
