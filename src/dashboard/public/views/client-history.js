import { h } from '../dom.js';
import { formatDate, formatDateTime, humanize } from '../format.js';
import { nameOf } from '../widgets/people.js';
import { table } from '../widgets/table.js';

/** Who owned the client when: one row per interval, as read newest first. */
export const historySection = (history, people) =>
  table(
    [
      { label: 'Owner', cell: (i) => (i.ownerId ? (i.ownerName ?? i.ownerId) : 'pool') },
      {
        label: 'From – to',
        cell: (i) => `${formatDate(i.from)} – ${i.to ? formatDate(i.to) : 'now'}`,
      },
      { label: 'Reason', cell: (i) => humanize(i.reason) },
      { label: 'By', cell: (i) => (i.actorId ? nameOf(people, i.actorId) : 'policy') },
      { label: 'Approver', cell: (i) => nameOf(people, i.approverId) },
      { label: 'Recorded', cell: (i) => h('span', {}, formatDateTime(i.recordedAt)) },
    ],
    history.intervals,
    { empty: 'No ownership recorded.' },
  );
