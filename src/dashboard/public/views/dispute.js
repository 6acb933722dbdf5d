import { apiGet } from '../api.js';
import { fill, h, link } from '../dom.js';
import { dateInputOf, isoOfDateInput } from '../format.js';
import { go } from '../route.js';
import { downloadButton } from '../widgets/download.js';

const asOfForm = (clientId, at) => {
  const form = h(
    'form',
    { class: 'filters' },
    h(
      'label',
      { class: 'field', for: 'dispute-at' },
      h('span', {}, 'As of (end of day, UTC)'),
      h('input', { id: 'dispute-at', name: 'at', type: 'date', value: dateInputOf(at) }),
    ),
    h('button', { type: 'submit' }, 'Replay'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const day = String(new FormData(form).get('at') ?? '');
    go(`/clients/${clientId}/dispute`, { at: isoOfDateInput(day, true) });
  });
  return form;
};

/** The dispute report: the client's history replayed up to an instant, as text. */
export const disputeView = async (container, { params, query }) => {
  const [clientId] = params;
  const at = query.get('at') ?? undefined;
  const text = await apiGet(
    `/clients/${encodeURIComponent(clientId)}/dispute-report`,
    { at, format: 'text' },
    'text',
  );
  fill(
    container,
    h(
      'div',
      { class: 'page-head' },
      h('p', { class: 'crumbs' }, link(`/clients/${clientId}`, '← Client')),
      h('h1', {}, 'Dispute report'),
      h('p', {}, 'Owner, relationships and late entries, as they happened and as known.'),
    ),
    asOfForm(clientId, at),
    h(
      'p',
      { class: 'actions' },
      downloadButton('Download (Markdown)', {
        path: `/clients/${encodeURIComponent(clientId)}/dispute-report`,
        query: { at, format: 'markdown' },
        filename: `dispute-${clientId}.md`,
        type: 'text/markdown',
      }),
    ),
    h('pre', { class: 'report' }, text),
  );
};
