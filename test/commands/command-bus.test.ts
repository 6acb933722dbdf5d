import { ulid } from 'ulid';
import { deriveEventId } from '../../src/commands';
import { stream } from '../../src/domain/events';
import { ConcurrencyError } from '../../src/eventstore/errors';
import { daysBefore, NOW, people, testId } from '../domain/decider-spec';
import {
  context,
  type Fixture,
  interceptAppends,
  openFixture,
  storeKinds,
} from './bus-fixture';

const clientId = testId('bus-client');
const register = {
  type: 'RegisterClient',
  clientId,
  name: 'Acme',
  source: 'sales',
} as const;
const contact = (occurredAt = daysBefore(1)) =>
  ({
    type: 'LogContact',
    clientId,
    channel: 'call',
    clientInitiated: false,
    occurredAt,
  }) as const;

let fixture: Fixture;
afterEach(() => fixture.close());

describe('running a command', () => {
  beforeEach(async () => {
    fixture = await openFixture();
  });

  it('appends the decided events and reports stream, revision, position and ids', async () => {
    const ctx = context('alice');
    const outcome = await fixture.bus.execute(
      { ...register, ownerId: people.alice.id },
      ctx,
    );
    const stored = await fixture.events(stream.client(clientId));
    expect(stored.map((event) => event.type)).toEqual([
      'ClientRegistered',
      'OwnershipAssigned',
    ]);
    expect(outcome).toEqual({
      stream: stream.client(clientId),
      revision: 1,
      position: stored[1]!.position,
      events: stored.map(({ id, type }) => ({ id, type })),
      ids: { clientId },
      replayed: false,
    });
    expect(stored[0]!.id).toBe(deriveEventId(ctx.commandId, stream.client(clientId), 0));
  });

  it('derives the id of a created client from the command id', async () => {
    const ctx = context('alice');
    const first = await fixture.bus.execute(
      { type: 'RegisterClient', name: 'New', source: 'sales' },
      ctx,
    );
    const again = await fixture.bus.execute(
      { type: 'RegisterClient', name: 'New', source: 'sales' },
      ctx,
    );
    expect(first.ids.clientId).toMatch(/^[0-7][0-9A-HJKMNP-TV-Z]{25}$/);
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('writes metadata from the context: the actor never comes from the command', async () => {
    await fixture.bus.execute(register, context('carol'));
    const ctx = context('bob', {
      correlationId: 'corr-1',
      requestId: 'req-7',
    });
    await fixture.bus.execute({ type: 'ClaimClient', clientId }, ctx);
    const [, claimed] = await fixture.events(stream.client(clientId));
    expect(claimed?.data).toMatchObject({ ownerId: people.bob.id });
    expect(claimed?.metadata).toEqual({
      actorId: people.bob.id,
      actorRole: 'salesperson',
      commandId: ctx.commandId,
      correlationId: 'corr-1',
      causationId: ctx.commandId,
      source: 'api',
      schemaVersion: 1,
      recordedAt: NOW.toISOString(),
      requestId: 'req-7',
    });
  });

  it('refuses a role outside the matrix and a broken rule, writing nothing', async () => {
    await fixture.bus.execute(register, context('carol'));
    const forbidden = await fixture.refusal(
      { type: 'ClaimClient', clientId },
      context('otto'),
    );
    expect(forbidden).toMatchObject({ kind: 'forbidden', code: 'auth.forbidden' });
    const future = await fixture.refusal(contact(daysBefore(-1)), context('carol'));
    expect(future).toMatchObject({ kind: 'rule', code: 'interaction.future' });
    expect(await fixture.events(stream.client(clientId))).toHaveLength(1);
  });

  it('answers a command on a missing client with client.not-found', async () => {
    const error = await fixture.refusal(
      { type: 'ClaimClient', clientId },
      context('bob'),
    );
    expect(error).toMatchObject({ kind: 'not-found', code: 'client.not-found' });
  });
});

describe.each(storeKinds)('idempotency on %s', (_kind, base) => {
  beforeEach(async () => {
    fixture = await openFixture({ base });
    await fixture.bus.execute(register, context('carol'));
  });

  it('records a command sent five times once and answers the same each time', async () => {
    const ctx = context('carol');
    const outcomes = [];
    for (let attempt = 0; attempt < 5; attempt += 1)
      outcomes.push(await fixture.bus.execute(contact(), ctx));
    expect(await fixture.events(stream.client(clientId))).toHaveLength(2);
    const [first, ...repeats] = outcomes;
    expect(first?.replayed).toBe(false);
    for (const repeat of repeats) expect(repeat).toEqual({ ...first, replayed: true });
  });

  it('answers as the first time after another command moved the stream on', async () => {
    const ctx = context('carol');
    const first = await fixture.bus.execute(contact(), ctx);
    await fixture.bus.execute({ type: 'ClaimClient', clientId }, context('alice'));
    await fixture.bus.execute(contact(daysBefore(2)), context('alice'));
    const again = await fixture.bus.execute(contact(), ctx);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await fixture.events(stream.client(clientId))).toHaveLength(4);
  });

  it('answers a refused command the same way when sent again', async () => {
    const ctx = context('bob');
    await fixture.bus.execute({ type: 'ClaimClient', clientId }, context('alice'));
    const first = await fixture.refusal({ type: 'ClaimClient', clientId }, ctx);
    const again = await fixture.refusal({ type: 'ClaimClient', clientId }, ctx);
    expect(again.code).toBe(first.code);
  });
});

describe('optimistic concurrency', () => {
  it('re-loads and decides again when another writer got there first', async () => {
    let interfered = false;
    fixture = await openFixture({
      store: (inner) =>
        interceptAppends(inner, async (target, events) => {
          if (interfered || events[0]?.type !== 'ContactLogged') return;
          interfered = true;
          // Another writer appends between this command's read and its append.
          await inner.append(target, [
            {
              type: 'ClientLocked',
              data: { clientId, reason: 'key', occurredAt: NOW.toISOString() },
            },
          ]);
        }),
    });
    await fixture.bus.execute(register, context('carol'));
    const outcome = await fixture.bus.execute(contact(), context('carol'));
    expect(interfered).toBe(true);
    const stored = await fixture.events(stream.client(clientId));
    expect(stored.map((event) => event.type)).toEqual([
      'ClientRegistered',
      'ClientLocked',
      'ContactLogged',
    ]);
    expect(outcome.revision).toBe(2);
  });

  it('gives up after the bounded number of retries with the store conflict', async () => {
    let attempts = 0;
    fixture = await openFixture({
      maxRetries: 2,
      store: (inner) =>
        interceptAppends(inner, async (target, events) => {
          if (events[0]?.type !== 'ContactLogged') return;
          attempts += 1;
          throw new ConcurrencyError(target, 0, 1);
        }),
    });
    await fixture.bus.execute(register, context('carol'));
    const error = await fixture.refusal(contact(), context('carol'));
    expect(error.code).toBe('store.wrong-expected-revision');
    expect(attempts).toBe(3);
  });

  it('with a pinned revision (If-Match) reports precondition.failed instead', async () => {
    fixture = await openFixture();
    await fixture.bus.execute(register, context('carol'));
    await fixture.bus.execute(
      { type: 'LockClient', clientId, reason: 'key' },
      context('carol'),
    );
    const stale = context('carol', { expectedRevision: 0 });
    const error = await fixture.refusal(contact(), stale);
    expect(error).toMatchObject({
      kind: 'precondition',
      code: 'precondition.failed',
      details: { currentRevision: 1, expectedRevision: 0 },
    });
    const fresh = context('carol', { expectedRevision: 1 });
    expect((await fixture.bus.execute(contact(), fresh)).revision).toBe(2);
  });

  it('reports precondition.failed when a write slips in after the pinned check', async () => {
    let interfered = false;
    fixture = await openFixture({
      store: (inner) =>
        interceptAppends(inner, async (target, events) => {
          if (interfered || events[0]?.type !== 'ContactLogged') return;
          interfered = true;
          await inner.append(target, [
            {
              type: 'ClientLocked',
              data: { clientId, reason: 'key', occurredAt: NOW.toISOString() },
            },
          ]);
        }),
    });
    await fixture.bus.execute(register, context('carol'));
    const error = await fixture.refusal(
      contact(),
      context('carol', { expectedRevision: 0 }),
    );
    expect(error).toMatchObject({
      code: 'precondition.failed',
      details: { currentRevision: 1 },
    });
  });

  it('keeps command ids apart per stream', () => {
    const id = ulid();
    expect(deriveEventId(id, 'client-a', 0)).not.toBe(deriveEventId(id, 'client-b', 0));
  });
});
