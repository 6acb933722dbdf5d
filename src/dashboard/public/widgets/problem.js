import { h } from '../dom.js';

/** An API problem (or any failure) as a readable box: title, detail, field errors. */
export const problemBox = (error) => {
  const problem = error?.problem ?? {
    title: 'Something went wrong',
    detail: String(error),
  };
  const fields = Array.isArray(problem.errors) ? problem.errors : [];
  return h(
    'div',
    { class: 'problem', role: 'alert' },
    h('strong', {}, problem.title ?? 'Request failed'),
    problem.detail && h('p', {}, problem.detail),
    fields.length > 0 &&
      h(
        'ul',
        {},
        fields.map((field) =>
          h('li', {}, h('code', {}, field.path ?? ''), ' ', field.message),
        ),
      ),
    problem.code && h('p', { class: 'problem-code' }, problem.code),
  );
};
