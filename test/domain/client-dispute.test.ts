import { parseEvent } from '../../src/domain/events';
import { aliceOwns, clientId, clientSpec, registered } from './client-fixtures';
import { daysBefore, decisionContext, NOW, people, testId } from './decider-spec';

const { alice, bob, carol } = people;
const now = NOW.toISOString();
const disputeId = testId('dispute-1');
const raised = (ownerId: string | null = alice.id) =>
  parseEvent('DisputeRaised', {
    clientId,
    disputeId,
    claimantId: bob.id,
    ownerId,
    argument: 'I visited them for years',
    occurredAt: daysBefore(2),
  });
const resolve = (outcome: 'awarded' | 'rejected') =>
  ({ type: 'ResolveDispute', clientId, disputeId, outcome, reason: 'history' }) as const;
const asCarol = decisionContext({ actor: 'carol' });

describe('disputes', () => {
  it('a salesperson raises a dispute on a colleague client', () => {
    clientSpec
      .given(...aliceOwns)
      .when(
        {
          type: 'RaiseDispute',
          clientId,
          disputeId,
          argument: 'I visited them for years',
        },
        decisionContext({ actor: 'bob' }),
      )
      .thenEvents(
        parseEvent('DisputeRaised', {
          clientId,
          disputeId,
          claimantId: bob.id,
          ownerId: alice.id,
          argument: 'I visited them for years',
          occurredAt: now,
        }),
      );
  });

  it('allows one open dispute per claimant', () => {
    clientSpec
      .given(...aliceOwns, raised())
      .when(
        { type: 'RaiseDispute', clientId, argument: 'again' },
        decisionContext({ actor: 'bob' }),
      )
      .thenError('dispute.already-open', { disputeId });
  });

  it('refuses the owner disputing their own client', () => {
    clientSpec
      .given(...aliceOwns)
      .when({ type: 'RaiseDispute', clientId, argument: 'mine' })
      .thenError('dispute.already-owner');
  });

  it('awarding transfers the client to the claimant in the same decision', () => {
    clientSpec
      .given(...aliceOwns, raised())
      .when(resolve('awarded'), asCarol)
      .thenEvents(
        parseEvent('DisputeResolved', {
          clientId,
          disputeId,
          claimantId: bob.id,
          outcome: 'awarded',
          resolvedBy: carol.id,
          reason: 'history',
          occurredAt: now,
        }),
        parseEvent('OwnershipTransferred', {
          clientId,
          fromOwnerId: alice.id,
          toOwnerId: bob.id,
          reason: 'dispute',
          approvedBy: carol.id,
          disputeId,
          occurredAt: now,
        }),
      );
  });

  it('awarding a pooled client assigns it', () => {
    const events = clientSpec
      .given(registered(), raised(null))
      .when(resolve('awarded'), asCarol)
      .events();
    expect(events[1]).toMatchObject({
      type: 'OwnershipAssigned',
      data: { ownerId: bob.id, previousOwnerId: null, reason: 'dispute' },
    });
  });

  it('rejecting leaves ownership alone', () => {
    const events = clientSpec
      .given(...aliceOwns, raised())
      .when(resolve('rejected'), asCarol)
      .events();
    expect(events.map((event) => event.type)).toEqual(['DisputeResolved']);
  });

  it('resolves only open disputes that exist', () => {
    clientSpec
      .given(...aliceOwns)
      .when(resolve('rejected'), asCarol)
      .thenError('dispute.not-found');
    const [resolved] = clientSpec
      .given(...aliceOwns, raised())
      .when(resolve('rejected'), asCarol)
      .events();
    clientSpec
      .given(...aliceOwns, raised(), resolved!)
      .when(resolve('awarded'), asCarol)
      .thenError('dispute.not-open');
  });

  it('does not award a client to a claimant who has departed', () => {
    clientSpec
      .given(...aliceOwns, raised())
      .when(resolve('awarded'), decisionContext({ actor: 'carol', departed: ['bob'] }))
      .thenError('person.departed');
  });
});
