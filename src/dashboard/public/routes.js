import { activityView } from './views/activity.js';
import { atRiskView } from './views/at-risk.js';
import { clientView } from './views/client.js';
import { directoryView } from './views/directory.js';
import { disputeView } from './views/dispute.js';
import { handoversView } from './views/handovers.js';
import { keyPersonView } from './views/key-person.js';
import { poolView } from './views/pool.js';
import { portfolioView } from './views/portfolio.js';

/** Each page of the dashboard: its hash path, the section it belongs to, its view. */
export const routes = [
  { pattern: /^\/clients$/, section: 'clients', title: 'Clients', view: directoryView },
  {
    pattern: /^\/clients\/([^/]+)$/,
    section: 'clients',
    title: 'Client',
    view: clientView,
  },
  {
    pattern: /^\/clients\/([^/]+)\/dispute$/,
    section: 'clients',
    title: 'Dispute report',
    view: disputeView,
  },
  {
    pattern: /^\/portfolio(?:\/([^/]+))?$/,
    section: 'portfolio',
    title: 'Portfolio',
    view: portfolioView,
  },
  { pattern: /^\/at-risk$/, section: 'at-risk', title: 'At risk', view: atRiskView },
  {
    pattern: /^\/key-person$/,
    section: 'key-person',
    title: 'Key-person risk',
    view: keyPersonView,
  },
  { pattern: /^\/pool$/, section: 'pool', title: 'Pool', view: poolView },
  {
    pattern: /^\/handovers$/,
    section: 'handovers',
    title: 'Handovers',
    view: handoversView,
  },
  { pattern: /^\/activity$/, section: 'activity', title: 'Activity', view: activityView },
];

/** The route a path matches, with its captured parameters decoded. */
export const match = (path) => {
  for (const route of routes) {
    const found = route.pattern.exec(path);
    if (found) {
      const params = found
        .slice(1)
        .map((value) => (value ? decodeURIComponent(value) : ''));
      return { route, params };
    }
  }
  return undefined;
};
