import {
  dictionary,
  instantMs,
  noKeys,
  type ProjectionDefinition,
  type StoredForm,
} from './definition';

export type QuoteStatus = 'open' | 'accepted' | 'lost';

export interface QuoteRecord {
  readonly quoteId: string;
  readonly issuedBy: string;
  amount: number;
  currency: string;
  status: QuoteStatus;
  readonly issuedAt: number;
  closedAt: number | null;
  revisions: number;
}

export interface ClientQuotes {
  readonly clientId: string;
  readonly quotes: Record<string, QuoteRecord>;
}

/** Every quote of every client with its latest amount and outcome. */
export const quotesProjection: ProjectionDefinition<ClientQuotes> = {
  name: 'quotes',
  eventTypes: ['QuoteIssued', 'QuoteRevised', 'QuoteAccepted', 'QuoteLost'],
  // 2: persisted as rows of values (see storedQuotes).
  version: 2,
  settingsKey: '',
  stored: storedQuotes(),
  keysOf(event) {
    switch (event.type) {
      case 'QuoteIssued':
      case 'QuoteRevised':
      case 'QuoteAccepted':
      case 'QuoteLost':
        return [event.data.clientId];
      default:
        return noKeys;
    }
  },
  evolve(client, event, clientId) {
    switch (event.type) {
      case 'QuoteIssued': {
        const next = client ?? { clientId, quotes: dictionary<QuoteRecord>() };
        next.quotes[event.data.quoteId] = {
          quoteId: event.data.quoteId,
          issuedBy: event.data.issuedBy,
          amount: event.data.amount,
          currency: event.data.currency,
          status: 'open',
          issuedAt: instantMs(event.data.occurredAt),
          closedAt: null,
          revisions: 0,
        };
        return next;
      }
      case 'QuoteRevised': {
        const quote = client?.quotes[event.data.quoteId];
        if (quote) {
          quote.amount = event.data.amount;
          quote.currency = event.data.currency;
          quote.revisions += 1;
        }
        return client;
      }
      case 'QuoteAccepted':
      case 'QuoteLost': {
        const quote = client?.quotes[event.data.quoteId];
        if (quote) {
          quote.status = event.type === 'QuoteAccepted' ? 'accepted' : 'lost';
          quote.closedAt = instantMs(event.data.occurredAt);
          if (event.type === 'QuoteAccepted') quote.amount = event.data.amount;
        }
        return client;
      }
      default:
        return client;
    }
  },
};

/** A quote persisted as its values in the order of `QuoteRecord`'s fields. */
type StoredQuote = readonly [
  quoteId: string,
  issuedBy: string,
  amount: number,
  currency: string,
  status: QuoteStatus,
  issuedAt: number,
  closedAt: number | null,
  revisions: number,
];

interface StoredQuotes {
  readonly clientId: string;
  readonly quotes: readonly StoredQuote[];
}

/**
 * Field names repeated in every quote made up nearly half the persisted
 * text; rows of values save and load in about half the time.
 */
function storedQuotes(): StoredForm<ClientQuotes> {
  return {
    encode(client): StoredQuotes {
      const quotes: StoredQuote[] = [];
      for (const id in client.quotes) {
        const quote = client.quotes[id]!;
        quotes.push([
          quote.quoteId,
          quote.issuedBy,
          quote.amount,
          quote.currency,
          quote.status,
          quote.issuedAt,
          quote.closedAt,
          quote.revisions,
        ]);
      }
      return { clientId: client.clientId, quotes };
    },
    decode(stored) {
      const { clientId, quotes } = stored as StoredQuotes;
      const client: ClientQuotes = { clientId, quotes: dictionary<QuoteRecord>() };
      for (const [
        quoteId,
        issuedBy,
        amount,
        currency,
        status,
        issuedAt,
        closedAt,
        revisions,
      ] of quotes) {
        client.quotes[quoteId] = {
          quoteId,
          issuedBy,
          amount,
          currency,
          status,
          issuedAt,
          closedAt,
          revisions,
        };
      }
      return client;
    },
  };
}
