import { badge, h } from '../dom.js';
import { formatDateTime, humanize } from '../format.js';
import { nameOf } from '../widgets/people.js';
import { table } from '../widgets/table.js';

const hidden = new Set(['clientId', 'occurredAt']);
const isId = (value) =>
  typeof value === 'string' && /^[0-9A-HJKMNP-TV-Z]{26}$/.test(value);

/**
 * An event's own fields, shortly: people's ids read as names, other ids
 * (interactions, quotes) are left out, long text is cut.
 */
const summary = (data, people) =>
  Object.entries(data)
    .filter(
      ([name, value]) => !hidden.has(name) && value !== null && typeof value !== 'object',
    )
    .map(([name, value]) => {
      if (!isId(value)) return `${humanize(name)}: ${String(value).slice(0, 60)}`;
      const person = people.find((p) => p.personId === value);
      return person ? `${humanize(name)}: ${person.name}` : undefined;
    })
    .filter(Boolean)
    .slice(0, 5)
    .join(' · ');

const when = (iso) => h('span', { class: 'nowrap' }, formatDateTime(iso));

/** Every recorded event of the client, as read newest first; late ones flagged. */
export const auditSection = (trail, people) =>
  table(
    [
      {
        label: 'Event',
        cell: (e) =>
          h(
            'span',
            {},
            humanize(e.type),
            ' ',
            e.lateRecorded && badge('recorded late', 'warn'),
          ),
      },
      { label: 'Happened', cell: (e) => when(e.occurredAt) },
      { label: 'Recorded', cell: (e) => when(e.recordedAt) },
      {
        label: 'Actor',
        class: 'nowrap',
        cell: (e) => (e.actorId ? nameOf(people, e.actorId) : humanize(e.source)),
      },
      { label: 'Details', class: 'details', cell: (e) => summary(e.data, people) },
    ],
    trail.entries,
    { empty: 'No events recorded.' },
  );
