import { badge, h } from '../dom.js';

/** Locked, archived and merged as badges; nothing when none applies. */
export const clientFlags = (client) =>
  (client.locked || client.archived || client.mergedInto) &&
  h(
    'span',
    { class: 'flags' },
    client.locked && badge('locked', 'warn'),
    client.archived && badge('archived', 'muted'),
    client.mergedInto && badge('merged', 'muted'),
  );
