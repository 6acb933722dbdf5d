import { badge, h } from '../dom.js';

/** Locked, archived and merged as badges. */
export const clientFlags = (client) =>
  h(
    'span',
    { class: 'flags' },
    client.locked && badge('locked', 'warn'),
    client.archived && badge('archived', 'muted'),
    client.mergedInto && badge('merged', 'muted'),
  );
