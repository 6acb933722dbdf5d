import { apiGet } from '../api.js';
import { fill, h, heading } from '../dom.js';
import { countOf } from '../format.js';
import { go } from '../route.js';
import { choice, sortQuery } from '../widgets/choice.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
import { peopleOrNone, personSelect } from '../widgets/people.js';
import { table } from '../widgets/table.js';
import { healthColumns } from './risk-columns.js';

const sorts = [
  ['', 'Weakest owner relationship first'],
  ['lastOwnerInteractionAt:asc', 'Longest without owner contact first'],
  ['name:asc', 'By name'],
];

const filtersForm = (people, { owner, days, sort }) => {
  const form = h(
    'form',
    { class: 'filters' },
    personSelect(people, {
      id: 'risk-owner',
      name: 'owner',
      label: 'Owner',
      selected: owner,
      anyText: 'Any owner',
    }),
    h(
      'label',
      { class: 'field', for: 'risk-days' },
      h('span', {}, 'Days without owner contact'),
      h('input', {
        id: 'risk-days',
        name: 'days',
        type: 'number',
        min: 1,
        max: 3650,
        value: days,
      }),
    ),
    choice('risk-sort', 'Order', 'sort', sort, sorts),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go('/at-risk', {
      owner: data.get('owner'),
      days: data.get('days'),
      sort: data.get('sort'),
    });
  });
  return form;
};

/** Owned clients whose owner has gone quiet or holds only a weak relationship. */
export const atRiskView = async (container, { query }) => {
  const filters = {
    owner: query.get('owner') ?? '',
    days: query.get('days') ?? '',
    sort: query.get('sort') ?? '',
  };
  const offset = offsetOf(query);
  const [people, report] = await Promise.all([
    peopleOrNone(),
    apiGet('/dashboards/at-risk', {
      owner: filters.owner,
      days: filters.days,
      ...sortQuery(filters.sort),
      offset,
      limit: pageSize,
    }),
  ]);
  fill(
    container,
    heading(
      'Accounts at risk',
      `No contact by the owner for ${report.days} days, or a weak owner relationship.`,
    ),
    filtersForm(people, { ...filters, days: filters.days || report.days }),
    table(healthColumns({ withOwner: true }), report.clients, {
      empty: 'No account is at risk.',
      caption: countOf(report.total, 'account'),
    }),
    pager('/at-risk', filters, report, report.clients, { noun: 'accounts' }),
  );
};
