import { apiGet } from '../api.js';
import { fill, h, heading } from '../dom.js';
import { countOf } from '../format.js';
import { go } from '../route.js';
import { peopleOrNone, personSelect } from '../widgets/people.js';
import { table } from '../widgets/table.js';
import { healthColumns } from './risk-columns.js';

const filtersForm = (people, owner, days) => {
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
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go('/at-risk', { owner: data.get('owner'), days: data.get('days') });
  });
  return form;
};

/** Owned clients whose owner has gone quiet or holds only a weak relationship. */
export const atRiskView = async (container, { query }) => {
  const owner = query.get('owner') ?? '';
  const days = query.get('days') ?? '';
  const [people, report] = await Promise.all([
    peopleOrNone(),
    apiGet('/dashboards/at-risk', { owner, days }),
  ]);
  fill(
    container,
    heading(
      'Accounts at risk',
      `No contact by the owner for ${report.days} days, or a weak owner relationship.`,
    ),
    filtersForm(people, owner, days || report.days),
    table(healthColumns({ withOwner: true }), report.clients, {
      empty: 'No account is at risk.',
      caption: countOf(report.clients.length, 'account'),
    }),
  );
};
