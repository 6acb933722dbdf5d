import { apiGet } from '../api.js';
import { badge, fill, heading, link } from '../dom.js';
import { countOf, formatAgo, formatDate } from '../format.js';
import { table } from '../widgets/table.js';

/** Unowned clients, waiting to be claimed. */
export const poolView = async (container) => {
  const { clients } = await apiGet('/dashboards/pool');
  fill(
    container,
    heading('The pool', 'Clients nobody owns: any salesperson may claim them.'),
    table(
      [
        {
          label: 'Client',
          cell: (c) => link(`/clients/${c.clientId}`, c.name, { class: 'strong' }),
        },
        {
          label: 'In the pool since',
          cell: (c) => `${formatDate(c.pooledSince)} (${formatAgo(c.pooledSince)})`,
        },
        {
          label: 'Previous owner',
          cell: (c) =>
            c.previousOwnerId
              ? link(
                  `/portfolio/${c.previousOwnerId}`,
                  c.previousOwnerName ?? c.previousOwnerId,
                )
              : '—',
        },
        { label: 'Flags', cell: (c) => (c.locked ? badge('locked', 'warn') : '') },
      ],
      clients,
      { empty: 'The pool is empty.', caption: countOf(clients.length, 'client') },
    ),
  );
};
