import { apiGet } from '../api.js';
import { badge, fill, h, heading, link } from '../dom.js';
import { countOf, formatAgo, formatDate } from '../format.js';
import { go } from '../route.js';
import { choice, sortQuery } from '../widgets/choice.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
import { table } from '../widgets/table.js';

const sortForm = (sort) => {
  const form = h(
    'form',
    { class: 'filters' },
    choice('pool-sort', 'Order', 'sort', sort, [
      ['', 'Longest in the pool first'],
      ['pooledSince:desc', 'Newest in the pool first'],
      ['name:asc', 'By name'],
    ]),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go('/pool', { sort: new FormData(form).get('sort') });
  });
  return form;
};

/** Unowned clients, waiting to be claimed. */
export const poolView = async (container, { query }) => {
  const filters = { sort: query.get('sort') ?? '' };
  const report = await apiGet('/dashboards/pool', {
    ...sortQuery(filters.sort),
    offset: offsetOf(query),
    limit: pageSize,
  });
  const { clients } = report;
  fill(
    container,
    heading('The pool', 'Clients nobody owns: any salesperson may claim them.'),
    sortForm(filters.sort),
    table(
      [
        {
          label: 'Client',
          cell: (c) => link(`/clients/${c.clientId}`, c.name, { class: 'strong' }),
        },
        {
          label: 'In the pool since',
          cell: (c) => `${formatDate(c.pooledSince)} (${formatAgo(c.pooledSince)})`,
        },
        {
          label: 'Previous owner',
          cell: (c) =>
            c.previousOwnerId
              ? link(
                  `/portfolio/${c.previousOwnerId}`,
                  c.previousOwnerName ?? c.previousOwnerId,
                )
              : '—',
        },
        { label: 'Flags', cell: (c) => (c.locked ? badge('locked', 'warn') : '') },
      ],
      clients,
      { empty: 'The pool is empty.', caption: countOf(report.total, 'client') },
    ),
    pager('/pool', filters, report, clients, { noun: 'clients' }),
  );
};
