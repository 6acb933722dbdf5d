import { apiGet } from '../api.js';
import { fill, h, heading, placeholder } from '../dom.js';
import { formatDate, formatMoney } from '../format.js';
import { go } from '../route.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
import { loadPeople, personSelect } from '../widgets/people.js';
import { bandMix } from '../widgets/score-bar.js';
import { stats } from '../widgets/stats.js';
import { table } from '../widgets/table.js';
import { healthColumns } from './risk-columns.js';

const body = (report) => [
  h('h2', {}, report.personName ?? report.personId),
  stats([
    ['Clients held', String(report.clientsHeld)],
    ['At risk', String(report.atRiskCount)],
    ['Open quotes', `${report.openQuotes} · ${formatMoney(report.openQuoteValue)}`],
    [
      `Won ${formatDate(report.period.from)} – ${formatDate(report.period.to)}`,
      formatMoney(report.wonValue),
    ],
  ]),
  h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Relationship health'),
    bandMix(report.bands),
  ),
  h(
    'section',
    { class: 'card' },
    h('h2', {}, 'Clients held'),
    table(healthColumns({ withOwner: false }), report.clients, {
      empty: 'This person holds no clients.',
    }),
    report.total > pageSize &&
      pager(`/portfolio/${report.personId}`, {}, report, report.clients, {
        noun: 'clients',
      }),
  ),
];

/** One salesperson's portfolio: clients held, their health, quotes and wins. */
export const portfolioView = async (container, { params, query }) => {
  const people = await loadPeople().catch(() => []);
  const [personId = ''] = params;
  // A salesperson's list holds only themselves: their portfolio is the one to show.
  if (!personId && people.length === 1) {
    window.location.replace(`#/portfolio/${people[0].personId}`);
    return;
  }
  const picker = h(
    'div',
    { class: 'filters' },
    personSelect(people, {
      id: 'portfolio-person',
      label: 'Salesperson',
      selected: personId,
      anyText: personId ? undefined : 'Choose…',
      onchange: (chosen) => go(`/portfolio/${chosen}`),
    }),
  );
  const head = heading('Portfolio', 'What a salesperson holds and how healthy it is.');
  if (!personId) {
    fill(
      container,
      head,
      picker,
      placeholder('Choose a salesperson to see their portfolio.'),
    );
    return;
  }
  const report = await apiGet(`/dashboards/portfolio/${encodeURIComponent(personId)}`, {
    offset: offsetOf(query),
    limit: pageSize,
  });
  fill(container, head, picker, body(report));
};
