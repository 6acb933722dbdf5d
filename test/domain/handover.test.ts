import { transferForHandover } from '../../src/domain/client/decide-handoff';
import { evolveClient } from '../../src/domain/client/evolve';
import { type ClientState, initialClientState } from '../../src/domain/client/state';
import type { Command } from '../../src/domain/commands/commands';
import { type ClientEvent, parseEvent } from '../../src/domain/events';
import { decideHandover, type HandoverCommand } from '../../src/domain/handover/decide';
import { evolveHandover, initialHandoverState } from '../../src/domain/handover/state';
import { aliceOwns, archived, clientId, released } from './client-fixtures';
import {
  catchError,
  daysBefore,
  deciderSpec,
  decisionContext,
  NOW,
  people,
  testId,
} from './decider-spec';

const { alice, bob, carol, dave } = people;
const now = NOW.toISOString();
const handoverId = testId('handover-1');
const fold = (...events: ClientEvent[]): ClientState =>
  events.reduce(evolveClient, initialClientState);

/** The handover decider, with the client's state as part of the "given". */
const handoverSpec = (client: ClientState) =>
  deciderSpec({
    initial: initialHandoverState,
    evolve: evolveHandover,
    decide: (command: Command, state, context) =>
      decideHandover(command as HandoverCommand, state, client, context),
  });

const requested = (requestedBy = alice.id, expiresAt = daysBefore(-10)) =>
  parseEvent('HandoverRequested', {
    handoverId,
    clientId,
    fromOwnerId: alice.id,
    toOwnerId: bob.id,
    requestedBy,
    reason: 'Bob covers the region now',
    expiresAt,
    occurredAt: daysBefore(4),
  });
const owned = handoverSpec(fold(...aliceOwns));
const approve = { type: 'ApproveHandover', handoverId } as const;
const asCarol = decisionContext({ actor: 'carol' });

describe('requesting a handover', () => {
  const request = {
    type: 'RequestHandover',
    handoverId,
    clientId,
    toOwnerId: bob.id,
    reason: 'Bob covers the region now',
  } as const;

  it('records the current owner and an expiry', () => {
    owned
      .given()
      .when(request)
      .thenEvents(
        parseEvent('HandoverRequested', {
          handoverId,
          clientId,
          fromOwnerId: alice.id,
          toOwnerId: bob.id,
          requestedBy: alice.id,
          reason: 'Bob covers the region now',
          expiresAt: daysBefore(-14),
          occurredAt: now,
        }),
      );
  });

  it('refuses pooled, archived and unknown clients', () => {
    handoverSpec(fold(...aliceOwns, released(alice.id, daysBefore(1))))
      .given()
      .when(request)
      .thenError('ownership.in-pool');
    handoverSpec(fold(...aliceOwns, archived()))
      .given()
      .when(request)
      .thenError('client.archived');
    handoverSpec(initialClientState).given().when(request).thenError('client.not-found');
  });

  it('refuses handing to the owner, to a departed person or to a non-salesperson', () => {
    owned
      .given()
      .when({ ...request, toOwnerId: alice.id })
      .thenError('ownership.already-owner');
    owned
      .given()
      .when(request, decisionContext({ departed: ['bob'] }))
      .thenError('person.departed');
    owned
      .given()
      .when({ ...request, toOwnerId: dave.id })
      .thenError('person.cannot-own');
  });

  it('refuses a handover id in use', () => {
    owned.given(requested()).when(request).thenError('handover.already-requested');
  });
});

describe('approving a handover', () => {
  it('a manager other than the requester approves', () => {
    owned
      .given(requested())
      .when(approve, asCarol)
      .thenEvents(
        parseEvent('HandoverApproved', {
          handoverId,
          clientId,
          approvedBy: carol.id,
          occurredAt: now,
        }),
      );
  });

  it('is four-eyes: the requester cannot approve or reject', () => {
    owned
      .given(requested(carol.id))
      .when(approve, asCarol)
      .thenError('handover.self-approval');
    owned
      .given(requested(carol.id))
      .when({ type: 'RejectHandover', handoverId, reason: 'no' }, asCarol)
      .thenError('handover.self-approval');
  });

  it('only while requested and not expired', () => {
    owned.given().when(approve, asCarol).thenError('handover.not-found');
    const approved = parseEvent('HandoverApproved', {
      handoverId,
      clientId,
      approvedBy: dave.id,
      occurredAt: daysBefore(1),
    });
    owned
      .given(requested(), approved)
      .when(approve, asCarol)
      .thenError('handover.not-pending');
    owned
      .given(requested(alice.id, daysBefore(1)))
      .when(approve, asCarol)
      .thenError('handover.expired');
  });

  it('only while the client is still owned by the handover fromOwner', () => {
    const movedOn = fold(...aliceOwns, released(alice.id, daysBefore(1)));
    handoverSpec(movedOn)
      .given(requested())
      .when(approve, asCarol)
      .thenError('handover.owner-changed');
  });

  it('not to a recipient who has departed since the request', () => {
    owned
      .given(requested())
      .when(approve, decisionContext({ actor: 'carol', departed: ['bob'] }))
      .thenError('person.departed');
  });

  it('the client side records the transfer, checking the owner again', () => {
    const approval = {
      handoverId,
      clientId,
      fromOwnerId: alice.id,
      toOwnerId: bob.id,
      approvedBy: carol.id,
      occurredAt: now,
    };
    expect(transferForHandover(approval, fold(...aliceOwns))).toEqual([
      parseEvent('OwnershipTransferred', {
        ...approval,
        reason: 'handover',
      }),
    ]);
    const changed = fold(...aliceOwns, released(alice.id, daysBefore(1)));
    expect(catchError(() => transferForHandover(approval, changed)).code).toBe(
      'handover.owner-changed',
    );
  });
});

describe('rejecting, cancelling, expiring', () => {
  it('rejects, cancels and ends the handover', () => {
    const [rejected] = owned
      .given(requested())
      .when({ type: 'RejectHandover', handoverId, reason: 'not now' }, asCarol)
      .events();
    expect(rejected).toMatchObject({
      type: 'HandoverRejected',
      data: { rejectedBy: carol.id },
    });
    owned
      .given(requested(), rejected!)
      .when(approve, asCarol)
      .thenError('handover.not-pending');
    const [cancelled] = owned
      .given(requested())
      .when({ type: 'CancelHandover', handoverId })
      .events();
    expect(cancelled).toMatchObject({
      type: 'HandoverCancelled',
      data: { cancelledBy: alice.id },
    });
  });

  it('expires only after its expiry', () => {
    const system = decisionContext({ actor: null, source: 'policy' });
    const expire = { type: 'ExpireHandover', handoverId } as const;
    owned.given(requested()).when(expire, system).thenError('handover.not-expired');
    owned
      .given(requested(alice.id, daysBefore(1)))
      .when(expire, system)
      .thenEvents(
        parseEvent('HandoverExpired', { handoverId, clientId, occurredAt: now }),
      );
  });
});
