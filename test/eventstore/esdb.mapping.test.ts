import {
  type AllStreamResolvedEvent,
  ANY,
  EVENT_TYPE,
  NO_STREAM,
  STREAM_EXISTS,
  STREAM_NAME,
} from '@eventstore/db-client';
import { planFilter } from '../../src/eventstore/esdb/filter';
import {
  fromEsdbPosition,
  fromEsdbRevision,
  isSystemEvent,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toEsdbPosition,
  toRecordedEvent,
} from '../../src/eventstore/esdb/mapping';
import { validateAppend } from '../../src/eventstore/validate-append';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const jsonRecord = (overrides: Record<string, unknown> = {}): AllStreamResolvedEvent =>
  ({
    event: {
      streamId: 'client-7',
      id: '0b7e9a3c-57a4-4d8e-9d55-4f3a2d6c1e01',
      isJson: true,
      revision: 4n,
      type: 'ContactLogged',
      created: new Date('2026-01-02T03:04:05.000Z'),
      data: { clientId: '7', channel: 'visit' },
      metadata: { actor: 'p-1' },
      position: { commit: 1024n, prepare: 1000n },
      ...overrides,
    },
    commitPosition: 1024n,
  }) as AllStreamResolvedEvent;

describe('expected revisions', () => {
  it('maps the named expectations to the client constants', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
  });

  it('maps a revision number to a bigint', () => {
    expect(toEsdbExpectedRevision(0)).toBe(0n);
    expect(toEsdbExpectedRevision(41)).toBe(41n);
  });

  it("reads the client's current revision back, no_stream as undefined", () => {
    expect(fromEsdbRevision(7n)).toBe(7);
    expect(fromEsdbRevision(0n)).toBe(0);
    expect(fromEsdbRevision('no_stream')).toBeUndefined();
  });
});

describe('positions', () => {
  it('keeps commit and prepare apart in both directions', () => {
    const ours = { commit: 2048n, prepare: 2000n };
    expect(toEsdbPosition(ours)).toEqual({ commit: 2048n, prepare: 2000n });
    expect(fromEsdbPosition({ commit: 9n, prepare: 8n })).toEqual({
      commit: 9n,
      prepare: 8n,
    });
    expect(fromEsdbPosition(toEsdbPosition(ours))).toEqual(ours);
  });
});

describe('new events', () => {
  it('sends our id, type, data and metadata as a JSON event', () => {
    const id = '6a1c2b3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    const event = {
      id,
      type: 'ClientRegistered',
      data: { name: 'Acme' },
      metadata: { by: 'x' },
    };
    const valid = validateAppend('client-1', [event], undefined);
    expect(toEsdbEvent(event, valid.events[0]!)).toEqual({
      id,
      contentType: 'application/json',
      type: 'ClientRegistered',
      data: { name: 'Acme' },
      metadata: { by: 'x' },
    });
  });

  it('sends the id in the lower case the port stores', () => {
    const event = { id: '6A1C2B3D-4E5F-4A6B-8C7D-9E0F1A2B3C4D', type: 'A', data: {} };
    const valid = validateAppend('client-1', [event], undefined);
    expect(toEsdbEvent(event, valid.events[0]!).id).toBe(event.id.toLowerCase());
  });

  it('gives an event without an id a fresh UUID and empty metadata', () => {
    const event = { type: 'ClientRegistered', data: { name: 'Acme' } };
    const valid = validateAppend('client-1', [event], undefined);
    const first = toEsdbEvent(event, valid.events[0]!);
    const second = toEsdbEvent(event, valid.events[0]!);
    expect(first.id).toMatch(uuidPattern);
    expect(second.id).not.toBe(first.id);
    expect(first.metadata).toEqual({});
  });
});

describe('recorded events', () => {
  it('converts a resolved JSON event to the port shape', () => {
    expect(toRecordedEvent(jsonRecord())).toEqual({
      id: '0b7e9a3c-57a4-4d8e-9d55-4f3a2d6c1e01',
      stream: 'client-7',
      revision: 4,
      position: { commit: 1024n, prepare: 1000n },
      type: 'ContactLogged',
      data: { clientId: '7', channel: 'visit' },
      metadata: { actor: 'p-1' },
      recordedAt: new Date('2026-01-02T03:04:05.000Z'),
    });
  });

  it('reads absent metadata as an empty object', () => {
    expect(toRecordedEvent(jsonRecord({ metadata: undefined })).metadata).toEqual({});
  });

  it('refuses events it cannot represent, naming the event', () => {
    const binary = jsonRecord({ isJson: false, data: new Uint8Array([1, 2]) });
    expect(() => toRecordedEvent(binary)).toThrow(
      expect.objectContaining({ code: 'store.unreadable-event' }),
    );
    const noPosition = jsonRecord({ position: undefined });
    expect(() => toRecordedEvent(noPosition)).toThrow(/client-7/);
    expect(() => toRecordedEvent({})).toThrow(
      expect.objectContaining({ code: 'store.unreadable-event' }),
    );
  });

  it('tells system events by their $ type', () => {
    expect(isSystemEvent(jsonRecord())).toBe(false);
    expect(isSystemEvent(jsonRecord({ type: '$>' }))).toBe(true);
    expect(isSystemEvent(jsonRecord({ type: '$metadata' }))).toBe(true);
    expect(isSystemEvent({})).toBe(true);
  });
});

describe('subscription filters', () => {
  const event = (stream: string, type: string) => ({ stream, type });

  it('has no server filter and keeps everything without a filter', () => {
    const plan = planFilter(undefined);
    expect(plan.server).toBeUndefined();
    expect(plan.matches(event('anything-1', 'Whatever'))).toBe(true);
  });

  it('sends stream prefixes to the server and checks types here', () => {
    const plan = planFilter({
      streamPrefixes: ['client-'],
      eventTypePrefixes: ['Contact'],
    });
    expect(plan.server).toMatchObject({ filterOn: STREAM_NAME, prefixes: ['client-'] });
    expect(plan.matches(event('client-1', 'ContactLogged'))).toBe(true);
    expect(plan.matches(event('client-1', 'ClientRegistered'))).toBe(false);
    expect(plan.matches(event('person-1', 'ContactLogged'))).toBe(false);
  });

  it('sends type prefixes to the server when they are the only filter', () => {
    const plan = planFilter({ eventTypePrefixes: ['Handover', 'Claim'] });
    expect(plan.server).toMatchObject({
      filterOn: EVENT_TYPE,
      prefixes: ['Handover', 'Claim'],
    });
    expect(plan.matches(event('client-1', 'ClaimFiled'))).toBe(true);
    expect(plan.matches(event('client-1', 'ContactLogged'))).toBe(false);
  });

  it('matches nothing for an empty list, as the embedded store does', () => {
    const plan = planFilter({ streamPrefixes: [] });
    expect(plan.server).toBeUndefined();
    expect(plan.matches(event('client-1', 'ContactLogged'))).toBe(false);
  });
});
