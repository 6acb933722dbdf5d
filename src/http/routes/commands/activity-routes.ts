import type { CommandBus } from '../../../domain/commands/context';
import type { RouteDefinition } from '../../route';
import { commandRoute } from './command-route';

/** What salespeople record about a client: contacts, visits and quotes. */
export const activityCommandRoutes = (bus: CommandBus): RouteDefinition[] => [
  commandRoute(bus, {
    type: 'LogContact',
    path: '/clients/:clientId/contacts',
    summary: 'Log a contact with a client',
    tag: 'interactions',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'LogVisit',
    path: '/clients/:clientId/visits',
    summary: 'Log a visit to a client',
    tag: 'interactions',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'IssueQuote',
    path: '/clients/:clientId/quotes',
    summary: 'Issue a quote',
    tag: 'quotes',
    creates: true,
  }),
  commandRoute(bus, {
    type: 'ReviseQuote',
    path: '/clients/:clientId/quotes/:quoteId/revise',
    summary: 'Revise a quote',
    tag: 'quotes',
  }),
  commandRoute(bus, {
    type: 'AcceptQuote',
    path: '/clients/:clientId/quotes/:quoteId/accept',
    summary: 'Record that a quote was accepted',
    tag: 'quotes',
  }),
  commandRoute(bus, {
    type: 'LoseQuote',
    path: '/clients/:clientId/quotes/:quoteId/lose',
    summary: 'Record that a quote was lost',
    tag: 'quotes',
  }),
];
