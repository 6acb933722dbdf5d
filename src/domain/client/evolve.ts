import type { ClientEvent } from '../events/catalogue';
import { InteractionIds } from './interaction-ids';
import type { ClientState, QuoteState, RegisteredClient } from './state';

const registered = (clientId: string, name: string): RegisteredClient => ({
  status: 'active',
  clientId,
  name,
  ownerId: null,
  locked: false,
  survivorId: null,
  lastRelease: null,
  quotes: {},
  disputes: {},
  interactions: InteractionIds.empty(),
});

export const evolveClient = (state: ClientState, event: ClientEvent): ClientState => {
  if (event.type === 'ClientRegistered')
    return registered(event.data.clientId, event.data.name);
  if (state.status === 'unregistered') return state;
  return evolveRegistered(state, event);
};

const evolveRegistered = (
  client: RegisteredClient,
  event: ClientEvent,
): RegisteredClient => {
  switch (event.type) {
    case 'ClientDetailsChanged':
      return { ...client, name: event.data.changes.name ?? client.name };
    case 'ClientArchived':
      return { ...client, status: 'archived' };
    case 'ClientsMerged':
      return { ...client, status: 'merged', survivorId: event.data.survivorId };
    case 'OwnershipAssigned':
    case 'ClientClaimed':
      return { ...client, ownerId: event.data.ownerId };
    case 'OwnershipTransferred':
      return { ...client, ownerId: event.data.toOwnerId };
    case 'ClientReleasedToPool': {
      const { previousOwnerId, occurredAt } = event.data;
      return {
        ...client,
        ownerId: null,
        lastRelease: { previousOwnerId, at: occurredAt },
      };
    }
    case 'ContactLogged':
    case 'VisitLogged':
      return {
        ...client,
        interactions: client.interactions.with(event.data.interactionId),
      };
    case 'ClientLocked':
      return { ...client, locked: true };
    case 'ClientUnlocked':
      return { ...client, locked: false };
    case 'QuoteIssued': {
      const { quoteId, issuedBy, amount, currency } = event.data;
      return withQuote(client, quoteId, { status: 'open', issuedBy, amount, currency });
    }
    case 'QuoteRevised':
      return updateQuote(client, event.data.quoteId, {
        amount: event.data.amount,
        currency: event.data.currency,
      });
    case 'QuoteAccepted':
      return updateQuote(client, event.data.quoteId, { status: 'accepted' });
    case 'QuoteLost':
      return updateQuote(client, event.data.quoteId, { status: 'lost' });
    case 'DisputeRaised':
    case 'DisputeResolved': {
      const { disputeId, claimantId } = event.data;
      const status = event.type === 'DisputeRaised' ? 'open' : 'resolved';
      return {
        ...client,
        disputes: { ...client.disputes, [disputeId]: { claimantId, status } },
      };
    }
    case 'ClientRegistered':
      return client;
  }
};

const withQuote = (client: RegisteredClient, quoteId: string, quote: QuoteState) => ({
  ...client,
  quotes: { ...client.quotes, [quoteId]: quote },
});

const updateQuote = (
  client: RegisteredClient,
  quoteId: string,
  update: Partial<QuoteState>,
): RegisteredClient => {
  const quote = client.quotes[quoteId];
  return quote ? withQuote(client, quoteId, { ...quote, ...update }) : client;
};
