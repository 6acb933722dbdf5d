import { mergeClients } from '../../src/domain/client/decide-lifecycle';
import { evolveClient } from '../../src/domain/client/evolve';
import { type ClientState, initialClientState } from '../../src/domain/client/state';
import { type ClientEvent, parseEvent } from '../../src/domain/events';
import {
  aliceOwns,
  archived,
  clientId,
  clientSpec,
  locked,
  registered,
} from './client-fixtures';
import { catchError, decisionContext, NOW, people, testId } from './decider-spec';

const { alice, bob, carol } = people;
const now = NOW.toISOString();
const fold = (...events: ClientEvent[]): ClientState =>
  events.reduce(evolveClient, initialClientState);

describe('registering a client', () => {
  it('registers with the details and the source', () => {
    clientSpec
      .given()
      .when({ type: 'RegisterClient', clientId, name: 'Acme Tools', source: 'invoice' })
      .thenEvents(
        parseEvent('ClientRegistered', {
          clientId,
          name: 'Acme Tools',
          source: 'invoice',
          occurredAt: now,
        }),
      );
  });

  it('registers with an owner in the same append', () => {
    const events = clientSpec
      .given()
      .when(
        {
          type: 'RegisterClient',
          clientId,
          name: 'Acme',
          source: 'sales',
          ownerId: bob.id,
        },
        decisionContext({ actor: 'carol' }),
      )
      .events();
    expect(events.map((event) => event.type)).toEqual([
      'ClientRegistered',
      'OwnershipAssigned',
    ]);
    expect(events[1]?.data).toMatchObject({ ownerId: bob.id, assignedBy: carol.id });
  });

  it('refuses a client id that exists', () => {
    clientSpec
      .given(registered())
      .when({ type: 'RegisterClient', clientId, name: 'Acme', source: 'sales' })
      .thenError('client.already-registered');
  });

  it('refuses an initial owner past the cap', () => {
    clientSpec
      .given()
      .when(
        {
          type: 'RegisterClient',
          clientId,
          name: 'A',
          source: 'sales',
          ownerId: alice.id,
        },
        decisionContext({ holdings: { alice: 1 }, settings: { holdingCap: 1 } }),
      )
      .thenError('pool.cap-reached');
  });
});

describe('details, archive, lock', () => {
  it('changes details of an active client only', () => {
    const command = {
      type: 'ChangeClientDetails',
      clientId,
      changes: { region: null },
    } as const;
    expect(clientSpec.given(registered()).when(command).events()).toHaveLength(1);
    clientSpec.given(registered(), archived()).when(command).thenError('client.archived');
    clientSpec.given().when(command).thenError('client.not-found');
  });

  it('archives once', () => {
    const command = { type: 'ArchiveClient', clientId, reason: 'gone' } as const;
    expect(clientSpec.given(registered()).when(command).events()).toHaveLength(1);
    clientSpec.given(registered(), archived()).when(command).thenError('client.archived');
  });

  it('locks and unlocks, each once', () => {
    const lock = { type: 'LockClient', clientId, reason: 'key account' } as const;
    const unlock = { type: 'UnlockClient', clientId } as const;
    expect(
      clientSpec
        .given(...aliceOwns)
        .when(lock)
        .events(),
    ).toHaveLength(1);
    clientSpec
      .given(...aliceOwns, locked())
      .when(lock)
      .thenError('client.already-locked');
    expect(
      clientSpec
        .given(...aliceOwns, locked())
        .when(unlock)
        .events(),
    ).toHaveLength(1);
    clientSpec
      .given(...aliceOwns)
      .when(unlock)
      .thenError('client.not-locked');
  });
});

describe('merging a duplicate into a survivor', () => {
  const survivorId = testId('acme-survivor');
  const survivor = fold(registered(survivorId));
  const merge = { type: 'MergeClients', clientId, survivorId } as const;
  const context = decisionContext({ actor: 'carol' });

  it('records the merge on the duplicate', () => {
    expect(mergeClients(merge, fold(registered()), survivor, context)).toEqual([
      parseEvent('ClientsMerged', { clientId, survivorId, occurredAt: now }),
    ]);
  });

  it('needs an active survivor other than the duplicate', () => {
    const duplicate = fold(registered());
    const run =
      (target: ClientState, command = merge) =>
      () =>
        mergeClients(command, duplicate, target, context);
    expect(catchError(run(initialClientState)).code).toBe('client.not-found');
    expect(catchError(run(initialClientState)).path).toBe('survivorId');
    expect(catchError(run(fold(registered(survivorId), archived()))).code).toBe(
      'client.archived',
    );
    const self = { ...merge, survivorId: clientId };
    expect(catchError(run(duplicate, self)).code).toBe('client.merge-into-self');
  });

  it('refuses a duplicate merged already', () => {
    const done = fold(
      registered(),
      parseEvent('ClientsMerged', { clientId, survivorId, occurredAt: now }),
    );
    expect(catchError(() => mergeClients(merge, done, survivor, context)).code).toBe(
      'client.merged',
    );
  });
});
