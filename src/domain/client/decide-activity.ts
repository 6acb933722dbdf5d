import type { CommandOf } from '../commands/commands';
import { domainError } from '../errors';
import { type ClientEvent, parseEvent } from '../events/catalogue';
import { type DecisionContext, nowIso } from './decision-context';
import { actorIdOr, assertActive, assertInteractionTime } from './guards';
import type { ClientState, QuoteState, RegisteredClient } from './state';

/** Contacts, visits and quotes: the activity logged on a client. */

type Interaction = CommandOf<'LogContact'> | CommandOf<'LogVisit'>;

/**
 * Who took part, the actor first (the first participant is who logged it).
 * Defaults to the actor alone. Authorisation has already checked that the
 * actor is among the participants where it must be.
 */
export const participantsOf = (command: Interaction, context: DecisionContext) => {
  const actorId = context.actor?.personId;
  const named = command.participants ?? (actorId ? [actorId] : []);
  if (named.length === 0)
    throw domainError('interaction.no-participants', 'Name who of us took part', {
      path: 'participants',
    });
  const unique = [...new Set(named)];
  return actorId && unique.includes(actorId)
    ? [actorId, ...unique.filter((id) => id !== actorId)]
    : unique;
};

const prepareInteraction = (
  command: Interaction,
  state: ClientState,
  context: DecisionContext,
) => {
  assertActive(state, command.clientId);
  assertInteractionTime(context, command.occurredAt);
  const interactionId = command.interactionId ?? context.newId('interaction');
  if (state.interactions.has(interactionId))
    throw domainError(
      'interaction.already-logged',
      `Interaction ${interactionId} exists`,
      {
        path: 'interactionId',
      },
    );
  return { interactionId, participants: participantsOf(command, context) };
};

export const logContact = (
  command: CommandOf<'LogContact'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  const { interactionId, participants } = prepareInteraction(command, state, context);
  const { clientId, channel, clientInitiated, clientContacts, summary, occurredAt } =
    command;
  return [
    parseEvent('ContactLogged', {
      ...{ clientId, interactionId, channel, participants, clientInitiated },
      ...{ clientContacts, summary, occurredAt },
    }),
  ];
};

export const logVisit = (
  command: CommandOf<'LogVisit'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  const { interactionId, participants } = prepareInteraction(command, state, context);
  const { clientId, clientInitiated, attendees, location, checkIn, summary } = command;
  return [
    parseEvent('VisitLogged', {
      ...{ clientId, interactionId, participants, clientInitiated, attendees },
      ...{ location, checkIn, summary, occurredAt: command.occurredAt },
    }),
  ];
};

export const issueQuote = (
  command: CommandOf<'IssueQuote'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const quoteId = command.quoteId ?? context.newId('quote');
  if (state.quotes[quoteId])
    throw domainError('quote.already-issued', `Quote ${quoteId} exists`, {
      path: 'quoteId',
    });
  const { clientId, amount, currency, description, validUntil } = command;
  return [
    parseEvent('QuoteIssued', {
      ...{ clientId, quoteId, issuedBy: actorIdOr(context, state.ownerId) },
      ...{ amount, currency, description, validUntil },
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

/** Revise, accept and lose apply to an open quote only. */
const openQuote = (client: RegisteredClient, quoteId: string): QuoteState => {
  const quote = client.quotes[quoteId];
  if (!quote)
    throw domainError('quote.not-found', `No quote ${quoteId} on this client`, {
      path: 'quoteId',
      details: { quoteId },
    });
  if (quote.status !== 'open')
    throw domainError('quote.closed', `Quote ${quoteId} was ${quote.status}`, {
      path: 'quoteId',
      details: { quoteId, status: quote.status },
    });
  return quote;
};

export const reviseQuote = (
  command: CommandOf<'ReviseQuote'>,
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const quote = openQuote(state, command.quoteId);
  const { clientId, quoteId, amount, reason } = command;
  return [
    parseEvent('QuoteRevised', {
      ...{ clientId, quoteId, revisedBy: actorIdOr(context, quote.issuedBy), amount },
      currency: command.currency ?? quote.currency,
      reason,
      occurredAt: command.occurredAt ?? nowIso(context),
    }),
  ];
};

export const closeQuote = (
  command: CommandOf<'AcceptQuote'> | CommandOf<'LoseQuote'>,
  outcome: 'accepted' | 'lost',
  state: ClientState,
  context: DecisionContext,
): ClientEvent[] => {
  assertActive(state, command.clientId);
  const quote = openQuote(state, command.quoteId);
  const base = {
    clientId: command.clientId,
    quoteId: command.quoteId,
    issuedBy: quote.issuedBy,
    occurredAt: command.occurredAt ?? nowIso(context),
  };
  if (outcome === 'accepted')
    return [
      parseEvent('QuoteAccepted', {
        ...base,
        amount: quote.amount,
        currency: quote.currency,
      }),
    ];
  const reason = 'reason' in command ? command.reason : undefined;
  return [parseEvent('QuoteLost', { ...base, reason })];
};
