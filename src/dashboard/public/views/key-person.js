import { apiGet } from '../api.js';
import { badge, fill, h, heading, link } from '../dom.js';
import { formatPercent, humanize } from '../format.js';
import { nameOf, peopleOrNone } from '../widgets/people.js';
import { table } from '../widgets/table.js';

const columns = (people) => [
  {
    label: 'Client',
    cell: (e) => link(`/clients/${e.clientId}`, e.name, { class: 'strong' }),
  },
  {
    label: 'Rests on',
    cell: (e) =>
      e.personId ? link(`/portfolio/${e.personId}`, e.personName ?? e.personId) : '—',
  },
  { label: 'Share', class: 'num', cell: (e) => formatPercent(e.share) },
  { label: 'Why', cell: (e) => (e.reason ? badge(humanize(e.reason), 'warn') : '—') },
  {
    label: 'Owner',
    cell: (e) => (e.ownerId ? nameOf(people, e.ownerId) : badge('pool', 'info')),
  },
];

/** Clients resting on one person, and clients whose owner is not the strongest tie. */
export const keyPersonView = async (container) => {
  const [people, report] = await Promise.all([
    peopleOrNone(),
    apiGet('/dashboards/key-person-risk'),
  ]);
  fill(
    container,
    heading('Key-person risk', 'Where the company’s relationship rests on one person.'),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `Resting on one person (${report.keyPersonRisk.length})`),
      table(columns(people), report.keyPersonRisk, {
        empty: 'No client rests on one person.',
      }),
    ),
    h(
      'section',
      { class: 'card' },
      h('h2', {}, `Owner is not the strongest tie (${report.ownerNotStrongest.length})`),
      table(columns(people), report.ownerNotStrongest, {
        empty: 'Every owner holds the strongest relationship.',
      }),
    ),
  );
};
