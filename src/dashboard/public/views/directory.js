import { apiGet } from '../api.js';
import { badge, fill, h, heading, link } from '../dom.js';
import { formatAgo, formatDate } from '../format.js';
import { go } from '../route.js';
import { choice, sortQuery } from '../widgets/choice.js';
import { clientFlags } from '../widgets/client-flags.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
import { peopleOrNone, personSelect } from '../widgets/people.js';
import { table } from '../widgets/table.js';

const filtersForm = (filters, people) => {
  const form = h(
    'form',
    { class: 'filters', role: 'search' },
    h(
      'label',
      { class: 'field grow', for: 'filter-search' },
      h('span', {}, 'Search'),
      h('input', {
        id: 'filter-search',
        name: 'search',
        type: 'search',
        value: filters.search,
        placeholder: 'Client name',
      }),
    ),
    personSelect(people, {
      id: 'filter-owner',
      label: 'Owner',
      selected: filters.owner,
      name: 'owner',
      anyText: 'Any owner',
    }),
    choice('filter-pool', 'Pool', 'pool', filters.pool, [
      ['', 'Owned or pooled'],
      ['true', 'In the pool'],
      ['false', 'Owned'],
    ]),
    choice('filter-locked', 'Locked', 'locked', filters.locked, [
      ['', 'Locked or not'],
      ['true', 'Locked'],
      ['false', 'Not locked'],
    ]),
    choice('filter-sort', 'Order', 'sort', filters.sort, [
      ['', 'By name'],
      ['ownerSince:asc', 'Longest held first'],
      ['ownerSince:desc', 'Newest owner first'],
    ]),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go('/clients', {
      search: String(data.get('search') ?? '').trim(),
      owner: data.get('owner'),
      pool: data.get('pool'),
      locked: data.get('locked'),
      sort: data.get('sort'),
    });
  });
  return form;
};

const ownerCell = (client) =>
  client.ownerId
    ? link(`/portfolio/${client.ownerId}`, client.ownerName ?? client.ownerId)
    : badge('pool', 'info');

const columns = [
  {
    label: 'Client',
    cell: (c) => link(`/clients/${c.clientId}`, c.name, { class: 'strong' }),
  },
  { label: 'Owner', cell: ownerCell },
  {
    label: 'Since',
    cell: (c) =>
      h(
        'span',
        { title: formatDate(c.ownerSince ?? c.pooledSince) },
        formatAgo(c.ownerSince ?? c.pooledSince),
      ),
  },
  { label: 'Industry', cell: (c) => c.industry ?? '—' },
  { label: 'Region', cell: (c) => c.region ?? '—' },
  { label: 'Flags', cell: clientFlags },
];

/** The client directory: search, filters (owner, pool, locked) and pages. */
export const directoryView = async (container, { query }) => {
  const filters = {
    search: query.get('search') ?? '',
    owner: query.get('owner') ?? '',
    pool: query.get('pool') ?? '',
    locked: query.get('locked') ?? '',
    sort: query.get('sort') ?? '',
  };
  const offset = offsetOf(query);
  const [people, page] = await Promise.all([
    peopleOrNone(),
    apiGet('/clients', {
      ...filters,
      ...sortQuery(filters.sort),
      offset,
      limit: pageSize,
    }),
  ]);
  fill(
    container,
    heading('Clients', 'Every client the company knows, and who holds it.'),
    filtersForm(filters, people),
    table(columns, page.items, { empty: 'No client matches these filters.' }),
    pager('/clients', filters, page, page.items, { noun: 'clients' }),
  );
};
