import { createCommandBus } from '../../src/commands';
import { clientFolder } from '../../src/commands/handle-client';
import { StreamCache } from '../../src/commands/stream-cache';
import { stream } from '../../src/domain/events';
import { defaultDomainSettings } from '../../src/domain/settings';
import { daysBefore, people, testId } from '../domain/decider-spec';
import { context, type Fixture, openFixture, storeKinds } from './bus-fixture';

const clientId = testId('cached-client');
const register = {
  type: 'RegisterClient',
  clientId,
  name: 'Acme',
  source: 'sales',
  ownerId: people.alice.id,
} as const;
const contact = (interactionId?: string) =>
  ({
    type: 'LogContact',
    clientId,
    channel: 'call',
    clientInitiated: false,
    occurredAt: daysBefore(1),
    ...(interactionId === undefined ? {} : { interactionId }),
  }) as const;

let fixture: Fixture;
afterEach(() => fixture.close());

/** A second bus on the same store: another process writing the same ledger. */
const otherWriter = (f: Fixture) =>
  createCommandBus({ store: f.inner, lookup: f.lookup, settings: defaultDomainSettings });

describe.each(storeKinds)('the folded-stream cache on %s', (_, base) => {
  beforeEach(async () => {
    fixture = await openFixture({ base });
    await fixture.bus.execute(register, context('carol'));
    await fixture.bus.execute(contact(), context('alice'));
  });

  it('decides on what another writer appended since the stream was cached', async () => {
    await otherWriter(fixture).execute(
      { type: 'ArchiveClient', clientId, reason: 'Closed down' },
      context('carol'),
    );
    const refused = await fixture.refusal(contact(), context('alice'));
    expect(refused.code).toBe('client.archived');
  });

  it('sees an interaction another writer logged since', async () => {
    const interactionId = testId('shared-interaction');
    await otherWriter(fixture).execute(contact(interactionId), context('alice'));
    const refused = await fixture.refusal(contact(interactionId), context('alice'));
    expect(refused.code).toBe('interaction.already-logged');
  });

  it('refuses a person at once after another writer recorded their departure', async () => {
    await otherWriter(fixture).execute(
      { type: 'RecordDeparture', personId: people.alice.id, successorId: null },
      context('ada'),
    );
    const refused = await fixture.refusal(contact(), context('alice'));
    expect(refused.code).toBe('person.departed');
  });

  it('answers a repeat from the stream after it has moved on', async () => {
    const ctx = context('alice');
    const first = await fixture.bus.execute(contact(), ctx);
    await fixture.bus.execute(contact(), context('alice'));
    await otherWriter(fixture).execute(contact(), context('alice'));
    const again = await fixture.bus.execute(contact(), ctx);
    expect(again).toEqual({ ...first, replayed: true });
    expect(await fixture.events(stream.client(clientId))).toHaveLength(6);
  });
});

describe('the stream cache bounds', () => {
  const entry = (revision: number, ids: readonly string[]) => ({
    folder: clientFolder,
    revision,
    state: clientFolder.initial,
    ids: new Set(ids),
  });

  it('evicts the least recently used stream beyond the stream limit', () => {
    const cache = new StreamCache({ streams: 2, events: 100 });
    cache.set('a', entry(0, ['1']));
    cache.set('b', entry(0, ['2']));
    cache.get('a', clientFolder);
    cache.set('c', entry(0, ['3']));
    expect(cache.get('a', clientFolder)).toBeDefined();
    expect(cache.get('b', clientFolder)).toBeUndefined();
    expect(cache.get('c', clientFolder)).toBeDefined();
  });

  it('evicts streams until the ids kept are within the event limit', () => {
    const cache = new StreamCache({ streams: 10, events: 3 });
    cache.set('a', entry(1, ['1', '2']));
    cache.set('b', entry(1, ['3', '4']));
    expect(cache.get('a', clientFolder)).toBeUndefined();
    expect(cache.get('b', clientFolder)).toBeDefined();
    cache.set('c', entry(3, ['5', '6', '7', '8']));
    expect(cache.get('c', clientFolder)).toBeUndefined();
    expect(cache.size).toBe(1);
  });

  it('never replaces a stream by an older fold of it', () => {
    const cache = new StreamCache();
    cache.set('a', entry(5, ['1']));
    cache.set('a', entry(3, ['1']));
    expect(cache.get('a', clientFolder)?.revision).toBe(5);
  });

  it('keeps nothing for a folder other than the one that folded the stream', () => {
    const cache = new StreamCache();
    cache.set('a', entry(0, ['1']));
    expect(cache.get('a', { ...clientFolder })).toBeUndefined();
  });
});
