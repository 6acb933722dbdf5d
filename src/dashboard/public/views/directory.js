import { apiGet } from '../api.js';
import { badge, fill, h, heading, link } from '../dom.js';
import { formatAgo, formatDate } from '../format.js';
import { go, routeOf } from '../route.js';
import { clientFlags } from '../widgets/client-flags.js';
import { peopleOrNone, personSelect } from '../widgets/people.js';
import { table } from '../widgets/table.js';

const pageSize = 25;

const choice = (id, label, name, value, options) =>
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

const pager = (filters, offset, page) => {
  const last = Math.min(offset + page.items.length, page.total);
  const to = (next) => routeOf('/clients', { ...filters, offset: next || '' });
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'Pages' },
    offset > 0 &&
      h('a', { href: `#${to(Math.max(0, offset - pageSize))}` }, '← Previous'),
    h(
      'span',
      {},
      page.total === 0 ? 'No clients' : `${offset + 1}–${last} of ${page.total}`,
    ),
    last < page.total && h('a', { href: `#${to(offset + pageSize)}` }, 'Next →'),
  );
};

/** The client directory: search, filters (owner, pool, locked) and pages. */
export const directoryView = async (container, { query }) => {
  const filters = {
    search: query.get('search') ?? '',
    owner: query.get('owner') ?? '',
    pool: query.get('pool') ?? '',
    locked: query.get('locked') ?? '',
    sort: query.get('sort') ?? '',
  };
  const [sort, order] = filters.sort.split(':');
  const offset = Math.max(0, Number.parseInt(query.get('offset') ?? '0', 10) || 0);
  const [people, page] = await Promise.all([
    peopleOrNone(),
    apiGet('/clients', { ...filters, sort, order, offset, limit: pageSize }),
  ]);
  fill(
    container,
    heading('Clients', 'Every client the company knows, and who holds it.'),
    filtersForm(filters, people),
    table(columns, page.items, { empty: 'No client matches these filters.' }),
    pager(filters, offset, page),
  );
};
