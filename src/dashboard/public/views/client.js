import { apiGet, apiGetAll } from '../api.js';
import { badge, fill, h, link, loading } from '../dom.js';
import { formatAgo, formatDate } from '../format.js';
import { clientFlags } from '../widgets/client-flags.js';
import { downloadButton } from '../widgets/download.js';
import { nameOf, peopleOrNone } from '../widgets/people.js';
import { problemBox } from '../widgets/problem.js';
import { auditSection } from './client-audit.js';
import { historySection } from './client-history.js';
import { relationshipsSection } from './client-relationships.js';

const ownerSummary = (client, people) => {
  if (client.ownerId) {
    return h(
      'p',
      { class: 'owner-line' },
      'Owned by ',
      link(`/portfolio/${client.ownerId}`, client.ownerName ?? client.ownerId, {
        class: 'owner-name',
      }),
      ` since ${formatDate(client.ownerSince)} (${formatAgo(client.ownerSince)})`,
    );
  }
  return h(
    'p',
    { class: 'owner-line' },
    badge('pool', 'info'),
    ` In the pool since ${formatDate(client.pooledSince)}`,
    client.previousOwnerId
      ? [
          '; held before by ',
          link(
            `/portfolio/${client.previousOwnerId}`,
            nameOf(people, client.previousOwnerId),
          ),
          '.',
        ]
      : '.',
  );
};

const details = (client) =>
  h(
    'dl',
    { class: 'facts' },
    [
      ['Industry', client.industry ?? '—'],
      ['Region', client.region ?? '—'],
      ['External id', client.externalId ?? '—'],
      ['Source', client.source],
      ['Registered', formatDate(client.registeredAt)],
    ].map(([term, value]) => h('div', {}, h('dt', {}, term), h('dd', {}, value))),
  );

const section = (title, body) =>
  h('section', { class: 'card' }, h('h2', {}, title), body);

/** Renders one part of the page from a settled request: its content or its problem. */
const settled = (result, render) =>
  result.status === 'fulfilled' ? render(result.value) : problemBox(result.reason);

/** One client: owner and since when, relationships, ownership history, audit trail. */
export const clientView = async (container, { params }) => {
  const [clientId] = params;
  const base = `/clients/${encodeURIComponent(clientId)}`;
  const [client, people] = await Promise.all([apiGet(base), peopleOrNone()]);
  const head = h(
    'div',
    { class: 'page-head' },
    h('p', { class: 'crumbs' }, link('/clients', '← Clients')),
    h('h1', {}, client.name, ' ', clientFlags(client)),
    ownerSummary(client, people),
    h(
      'p',
      { class: 'actions' },
      link(`/clients/${clientId}/dispute`, 'Dispute report', { class: 'button' }),
      downloadButton('Audit trail (CSV)', {
        path: `${base}/audit`,
        query: { format: 'csv' },
        filename: `audit-${clientId}.csv`,
        type: 'text/csv',
      }),
    ),
  );
  const parts = h('div', { class: 'columns' }, loading());
  fill(container, head, details(client), parts);

  // Newest first: the history and the trail are read in descending order.
  const [relationships, history, audit] = await Promise.all(
    [
      apiGetAll(`${base}/relationships`, {}, 'people'),
      apiGetAll(`${base}/ownership-history`, { order: 'desc' }, 'intervals'),
      apiGetAll(`${base}/audit`, { order: 'desc' }, 'entries'),
    ].map((request) =>
      request.then(
        (value) => ({ status: 'fulfilled', value }),
        (reason) => ({ status: 'rejected', reason }),
      ),
    ),
  );
  fill(
    parts,
    section('Relationships', settled(relationships, relationshipsSection)),
    section(
      'Ownership history',
      settled(history, (value) => historySection(value, people)),
    ),
    section(
      'Audit trail',
      settled(audit, (value) => auditSection(value, people)),
    ),
  );
};
