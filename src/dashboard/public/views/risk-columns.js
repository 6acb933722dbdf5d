import { badge, h, link } from '../dom.js';
import { formatAgo, humanize } from '../format.js';
import { scoreBar } from '../widgets/score-bar.js';

const clientLink = (c) => link(`/clients/${c.clientId}`, c.name, { class: 'strong' });

const reasons = (c) =>
  (c.reasons.length > 0 || c.locked) &&
  h(
    'span',
    { class: 'flags' },
    c.reasons.map((reason) => badge(humanize(reason), 'warn')),
    c.locked && badge('locked', 'muted'),
  );

/** Columns for clients with their owner's relationship health (portfolio, at risk). */
export const healthColumns = ({ withOwner }) =>
  [
    { label: 'Client', cell: clientLink },
    withOwner && {
      label: 'Owner',
      cell: (c) => link(`/portfolio/${c.ownerId}`, c.ownerName ?? c.ownerId),
    },
    {
      label: 'Owner’s relationship',
      class: 'wide',
      cell: (c) => scoreBar(c.ownerScore, c.ownerBand),
    },
    { label: 'Last owner contact', cell: (c) => formatAgo(c.lastOwnerInteractionAt) },
    { label: 'Risk', cell: reasons },
  ].filter(Boolean);
