import { h } from '../dom.js';

/** A labelled select of `[value, text]` options, with `value` chosen. */
export const choice = (id, label, name, value, options) =>
  h(
    'label',
    { class: 'field', for: id },
    h('span', {}, label),
    h(
      'select',
      { id, name },
      options.map(([optionValue, text]) =>
        h('option', { value: optionValue, selected: optionValue === value }, text),
      ),
    ),
  );

/** `sort:order` from a choice, as the API's two query fields. */
export const sortQuery = (value) => {
  const [sort = '', order = ''] = (value ?? '').split(':');
  return { sort, order };
};
