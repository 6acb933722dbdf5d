import { apiGet } from '../api.js';
import { badge, fill, h, heading, link } from '../dom.js';
import { formatPercent, humanize } from '../format.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
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

// Both lists come in one answer paged alike; each table pages on its own
// offset, so each is read from the answer asked with that offset.
const lists = [
  ['keyPersonRisk', 'risk'],
  ['ownerNotStrongest', 'owner'],
];

/** Clients resting on one person, and clients whose owner is not the strongest tie. */
export const keyPersonView = async (container, { query }) => {
  const offsets = Object.fromEntries(
    lists.map(([, name]) => [name, offsetOf(query, name)]),
  );
  const [people, ...answers] = await Promise.all([
    peopleOrNone(),
    ...lists.map(([, name]) =>
      apiGet('/dashboards/key-person-risk', { offset: offsets[name], limit: pageSize }),
    ),
  ]);
  const section = ([field, name], index, title, empty) => {
    const answer = answers[index];
    const info = answer.pages[field];
    return h(
      'section',
      { class: 'card' },
      h('h2', {}, `${title} (${info.total})`),
      table(columns(people), answer[field], { empty }),
      info.total > pageSize &&
        pager('/key-person', offsets, info, answer[field], { name, noun: 'clients' }),
    );
  };
  fill(
    container,
    heading('Key-person risk', 'Where the company’s relationship rests on one person.'),
    section(lists[0], 0, 'Resting on one person', 'No client rests on one person.'),
    section(
      lists[1],
      1,
      'Owner is not the strongest tie',
      'Every owner holds the strongest relationship.',
    ),
  );
};
