import { parseEvent } from '../../src/domain/events';
import {
  aliceOwns,
  archived,
  clientId,
  clientSpec,
  merged,
  quoteId,
  quoteIssued,
  registered,
} from './client-fixtures';
import {
  daysBefore,
  decisionContext,
  NOW,
  people,
  secondsAfter,
  testId,
} from './decider-spec';

const { alice, bob } = people;
const interactionId = testId('call-1');
const call = (occurredAt: string, extra = {}) =>
  ({
    type: 'LogContact',
    clientId,
    interactionId,
    channel: 'call',
    clientInitiated: false,
    occurredAt,
    ...extra,
  }) as const;

describe('logging interactions', () => {
  it('records a contact with the actor as first participant', () => {
    clientSpec
      .given(...aliceOwns)
      .when(call(daysBefore(1), { participants: [bob.id, alice.id] }))
      .thenEvents(
        parseEvent('ContactLogged', {
          clientId,
          interactionId,
          channel: 'call',
          participants: [alice.id, bob.id],
          clientInitiated: false,
          occurredAt: daysBefore(1),
        }),
      );
  });

  it('defaults the participants to the actor and derives the interaction id', () => {
    const [event] = clientSpec
      .given(...aliceOwns)
      .when({
        type: 'LogVisit',
        clientId,
        clientInitiated: true,
        occurredAt: daysBefore(2),
      })
      .events();
    expect(event?.type).toBe('VisitLogged');
    expect(event?.data).toMatchObject({
      participants: [alice.id],
      clientInitiated: true,
    });
    expect(event?.data).toMatchObject({ interactionId: expect.stringMatching(/^[0-7]/) });
  });

  it('tolerates the clock skew but refuses occurredAt beyond it', () => {
    const skew = decisionContext().settings.clockSkewSeconds;
    expect(
      clientSpec
        .given(...aliceOwns)
        .when(call(secondsAfter(skew)))
        .events(),
    ).toHaveLength(1);
    clientSpec
      .given(...aliceOwns)
      .when(call(secondsAfter(skew + 1)))
      .thenError('interaction.future');
  });

  it('refuses interactions older than the limit unless it is a historical import', () => {
    clientSpec
      .given(...aliceOwns)
      .when(call(daysBefore(15)))
      .thenError('interaction.too-old');
    expect(
      clientSpec
        .given(...aliceOwns)
        .when(call(daysBefore(14)))
        .events(),
    ).toHaveLength(1);
    const importing = decisionContext({ historicalImport: true, source: 'import' });
    expect(
      clientSpec
        .given(...aliceOwns)
        .when(call(daysBefore(400)), importing)
        .events(),
    ).toHaveLength(1);
  });

  it('honours a configured age limit', () => {
    const context = decisionContext({ settings: { interactionMaxAgeDays: 3 } });
    clientSpec
      .given(...aliceOwns)
      .when(call(daysBefore(4)), context)
      .thenError('interaction.too-old');
  });

  it('refuses archived and merged clients', () => {
    clientSpec
      .given(...aliceOwns, archived())
      .when(call(daysBefore(1)))
      .thenError('client.archived');
    clientSpec
      .given(...aliceOwns, merged(testId('other')))
      .when(call(daysBefore(1)))
      .thenError('client.merged', { survivorId: testId('other') });
  });

  it('refuses an interaction id logged before', () => {
    const [first] = clientSpec
      .given(...aliceOwns)
      .when(call(daysBefore(1)))
      .events();
    clientSpec
      .given(...aliceOwns, first!)
      .when(call(daysBefore(1)))
      .thenError('interaction.already-logged');
  });

  it('needs a participant when the system logs', () => {
    clientSpec
      .given(...aliceOwns)
      .when(call(daysBefore(1)), decisionContext({ actor: null, source: 'import' }))
      .thenError('interaction.no-participants');
  });
});

describe('quotes', () => {
  it('the owner issues a quote', () => {
    clientSpec
      .given(...aliceOwns)
      .when({ type: 'IssueQuote', clientId, quoteId, amount: 1000, currency: 'EUR' })
      .thenEvents(
        parseEvent('QuoteIssued', {
          clientId,
          quoteId,
          issuedBy: alice.id,
          amount: 1000,
          currency: 'EUR',
          occurredAt: NOW.toISOString(),
        }),
      );
  });

  it('refuses a quote id issued before', () => {
    clientSpec
      .given(...aliceOwns, quoteIssued())
      .when({ type: 'IssueQuote', clientId, quoteId, amount: 5, currency: 'EUR' })
      .thenError('quote.already-issued');
  });

  it('revises an open quote, keeping its currency', () => {
    const [event] = clientSpec
      .given(...aliceOwns, quoteIssued())
      .when({ type: 'ReviseQuote', clientId, quoteId, amount: 900 })
      .events();
    expect(event?.data).toMatchObject({
      amount: 900,
      currency: 'EUR',
      revisedBy: alice.id,
    });
  });

  it('accepts with the latest amount and the issuer', () => {
    const revised = parseEvent('QuoteRevised', {
      clientId,
      quoteId,
      revisedBy: alice.id,
      amount: 800,
      currency: 'USD',
      occurredAt: daysBefore(1),
    });
    clientSpec
      .given(...aliceOwns, quoteIssued(), revised)
      .when({ type: 'AcceptQuote', clientId, quoteId })
      .thenEvents(
        parseEvent('QuoteAccepted', {
          clientId,
          quoteId,
          issuedBy: alice.id,
          amount: 800,
          currency: 'USD',
          occurredAt: NOW.toISOString(),
        }),
      );
  });

  it('refuses unknown quotes and closed ones', () => {
    for (const type of ['ReviseQuote', 'AcceptQuote', 'LoseQuote'] as const) {
      const command = { type, clientId, quoteId, amount: 1 };
      clientSpec
        .given(...aliceOwns)
        .when(command)
        .thenError('quote.not-found');
      const lost = parseEvent('QuoteLost', {
        clientId,
        quoteId,
        issuedBy: alice.id,
        occurredAt: daysBefore(1),
      });
      clientSpec
        .given(...aliceOwns, quoteIssued(), lost)
        .when(command)
        .thenError('quote.closed');
    }
  });

  it('loses an open quote with a reason', () => {
    const [event] = clientSpec
      .given(...aliceOwns, quoteIssued())
      .when({ type: 'LoseQuote', clientId, quoteId, reason: 'price' })
      .events();
    expect(event).toMatchObject({ type: 'QuoteLost', data: { reason: 'price' } });
  });

  it('refuses quotes on an archived client', () => {
    clientSpec
      .given(registered(), archived())
      .when({ type: 'IssueQuote', clientId, amount: 1, currency: 'EUR' })
      .thenError('client.archived');
  });
});
