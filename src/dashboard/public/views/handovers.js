import { apiGet } from '../api.js';
import { badge, fill, h, heading, link } from '../dom.js';
import { formatDate, humanize } from '../format.js';
import { offsetOf, pager, pageSize } from '../widgets/pager.js';
import { nameOf, peopleOrNone } from '../widgets/people.js';
import { table } from '../widgets/table.js';

/** Handovers requested and not yet approved, rejected or cancelled. */
export const handoversView = async (container, { query }) => {
  const [people, report] = await Promise.all([
    peopleOrNone(),
    apiGet('/dashboards/pending-handovers', { offset: offsetOf(query), limit: pageSize }),
  ]);
  const { handovers } = report;
  fill(
    container,
    heading('Pending handovers', 'Requests waiting for a manager’s decision.'),
    table(
      [
        {
          label: 'Client',
          cell: (x) =>
            link(`/clients/${x.clientId}`, x.clientName ?? x.clientId, {
              class: 'strong',
            }),
        },
        {
          label: 'From → to',
          cell: (x) =>
            `${nameOf(people, x.fromOwnerId)} → ${nameOf(people, x.toOwnerId)}`,
        },
        { label: 'Requested by', cell: (x) => nameOf(people, x.requestedBy) },
        { label: 'Reason', cell: (x) => humanize(x.reason) },
        { label: 'Requested', cell: (x) => formatDate(x.requestedAt) },
        {
          label: 'Expires',
          cell: (x) =>
            h(
              'span',
              {},
              formatDate(x.expiresAt),
              ' ',
              x.overdue && badge('overdue', 'warn'),
            ),
        },
      ],
      handovers,
      { empty: 'No handover is waiting.' },
    ),
    report.total > pageSize &&
      pager('/handovers', {}, report, handovers, { noun: 'handovers' }),
  );
};
