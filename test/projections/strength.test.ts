import {
  bandOf,
  relationshipStrengthProjection,
  scoreOf,
  strengthAt,
} from '../../projections';
import { defaultDomainSettings } from '../../src/domain/settings';
import { keyPersonRisk } from '../../src/projections/queries/relationships';
import { fold, given } from './given';
import { at, day, idOf } from './ledger';

const model = defaultDomainSettings.strength;
const projection = relationshipStrengthProjection(model);
const client = idOf(100);
const alice = idOf(1);
const bob = idOf(2);
const ms = (days: number) => Date.parse(at(days));

const visit = (personId: string, days: number, recordedDays = days) =>
  given(
    'VisitLogged',
    {
      clientId: client,
      interactionId: idOf(500 + days),
      participants: [personId],
      clientInitiated: false,
      occurredAt: at(days),
    },
    { recordedAt: at(recordedDays) },
  );

const call = (personId: string, days: number, recordedDays = days) =>
  given(
    'ContactLogged',
    {
      clientId: client,
      interactionId: idOf(600 + days),
      channel: 'call',
      participants: [personId],
      clientInitiated: true,
      occurredAt: at(days),
    },
    { recordedAt: at(recordedDays) },
  );

const quoteId = idOf(700);
const quoteIssued = given('QuoteIssued', {
  clientId: client,
  quoteId,
  issuedBy: alice,
  amount: 1000,
  currency: 'EUR',
  occurredAt: at(30),
});
const quoteAccepted = given('QuoteAccepted', {
  clientId: client,
  quoteId,
  issuedBy: alice,
  amount: 1000,
  currency: 'EUR',
  occurredAt: at(40),
});

describe('relationship strength', () => {
  it('weights, reciprocity and the 90-day half-life give the brief numbers', () => {
    const pairs = fold(projection, [visit(alice, 10), call(bob, 20)]).get(client)!.people;
    // Visit 5 on day 10, seen on day 30: 5 * 2^(-20/90) = 4.2862...; score 35.
    const aliceS = strengthAt(pairs[alice]!, ms(30), model);
    expect(aliceS).toBeCloseTo(4.286219914, 8);
    expect(scoreOf(aliceS, model)).toBe(35);
    expect(bandOf(scoreOf(aliceS, model), model)).toBe('weak');
    // A client-initiated call counts 2 * 1.5 = 3; on day 30: 3 * 2^(-10/90) = 2.7776...
    const bobS = strengthAt(pairs[bob]!, ms(30), model);
    expect(bobS).toBeCloseTo(2.777624137, 8);
    expect(scoreOf(bobS, model)).toBe(24);
  });

  it('a quote counts 3 to its issuer and its acceptance 8', () => {
    const pair = fold(projection, [visit(alice, 10), quoteIssued, quoteAccepted]).get(
      client,
    )!.people[alice]!;
    // (5 * 2^(-20/90) + 3) * 2^(-10/90) + 8 = 14.7461...; score 77, strong.
    expect(pair.strength).toBeCloseTo(14.746126767, 8);
    expect(scoreOf(pair.strength, model)).toBe(77);
    expect(bandOf(77, model)).toBe('strong');
    expect(scoreOf(0, model)).toBe(0);
    expect(bandOf(0, model)).toBe('none');
  });

  it('an interaction recorded late lands exactly where it would have in order', () => {
    const inOrder = fold(projection, [
      visit(alice, 10),
      call(alice, 20),
      visit(alice, 50),
    ]);
    const late = fold(projection, [
      visit(alice, 10),
      visit(alice, 50),
      call(alice, 20, 55),
    ]);
    const expected = inOrder.get(client)!.people[alice]!;
    const actual = late.get(client)!.people[alice]!;
    expect(actual.strength).toBeCloseTo(expected.strength, 12);
    expect(actual.lastAt).toBe(ms(50));
    // Before the last interaction S comes from the interaction list, exactly.
    expect(strengthAt(actual, ms(25), model)).toBeCloseTo(
      5 * 2 ** (-15 / 90) + 3 * 2 ** (-5 / 90),
      12,
    );
    expect(strengthAt(actual, ms(5), model)).toBe(0);
    expect(strengthAt(actual, ms(50) + 90 * day, model)).toBeCloseTo(
      expected.strength / 2,
      12,
    );
  });
});

describe('key-person risk', () => {
  const rel = (personId: string, strength: number) => {
    const score = scoreOf(strength, model);
    return {
      personId,
      personName: null,
      strength,
      score,
      band: bandOf(score, model),
      interactions: 1,
      firstInteractionAt: null,
      lastInteractionAt: null,
    };
  };

  it('flags one person holding more than 80% of the total', () => {
    expect(keyPersonRisk([rel(alice, 9), rel(bob, 1)], model)).toMatchObject({
      atRisk: true,
      reason: 'dominant-share',
      personId: alice,
      share: 0.9,
    });
  });

  it('flags a client where only one person scores 40 or more', () => {
    // S 6 scores 45; S 4 scores 33: 60% share, yet only Alice reaches 40.
    expect(keyPersonRisk([rel(alice, 6), rel(bob, 4)], model)).toMatchObject({
      atRisk: true,
      reason: 'sole-relationship',
      personId: alice,
    });
    expect(keyPersonRisk([rel(alice, 6), rel(bob, 5.5)], model).atRisk).toBe(false);
  });
});
