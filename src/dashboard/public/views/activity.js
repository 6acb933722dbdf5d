import { apiGet } from '../api.js';
import { fill, h, heading, link } from '../dom.js';
import { dateInputOf, formatMoney, formatPercent, isoOfDateInput } from '../format.js';
import { go } from '../route.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
import { table } from '../widgets/table.js';

const periodForm = (from, to) => {
  const field = (id, name, label, value) =>
    h(
      'label',
      { class: 'field', for: id },
      h('span', {}, label),
      h('input', { id, name, type: 'date', value }),
    );
  const form = h(
    'form',
    { class: 'filters' },
    field('activity-from', 'from', 'From', dateInputOf(from)),
    field('activity-to', 'to', 'To', dateInputOf(to)),
    h('button', { type: 'submit' }, 'Apply'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(form);
    go('/activity', {
      from: isoOfDateInput(String(data.get('from') ?? '')),
      to: isoOfDateInput(String(data.get('to') ?? ''), true),
    });
  });
  return form;
};

const winRate = (row) => {
  const decided = row.quotesWon + row.quotesLost;
  return decided === 0 ? '—' : formatPercent(row.quotesWon / decided);
};

const count = (field) => ({
  label: field[1],
  class: 'num',
  cell: (row) => String(row[field[0]]),
});

/** Contacts, visits, quotes and wins per salesperson over a period (default 90 days). */
export const activityView = async (container, { query }) => {
  const period = { from: query.get('from') ?? '', to: query.get('to') ?? '' };
  const report = await apiGet('/dashboards/activity', {
    ...period,
    offset: offsetOf(query),
    limit: pageSize,
  });
  fill(
    container,
    heading('Activity', 'What each salesperson did over the period, and what it won.'),
    periodForm(report.from, report.to),
    table(
      [
        {
          label: 'Salesperson',
          cell: (row) =>
            link(`/portfolio/${row.personId}`, row.personName ?? row.personId),
        },
        ...[
          ['contacts', 'Contacts'],
          ['visits', 'Visits'],
          ['quotesIssued', 'Quotes'],
          ['quotesWon', 'Won'],
          ['quotesLost', 'Lost'],
        ].map(count),
        { label: 'Win rate', class: 'num', cell: winRate },
        { label: 'Won value', class: 'num', cell: (row) => formatMoney(row.wonValue) },
      ],
      report.people,
      { empty: 'No activity in this period.' },
    ),
    report.total > pageSize &&
      pager('/activity', period, report, report.people, { noun: 'people' }),
  );
};
