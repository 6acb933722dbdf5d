import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventDataOf, EventType } from '../../src/domain/events/catalogue';
import type { EventMetadata } from '../../src/domain/events/metadata';
import { type Role, stream } from '../../src/domain/events/primitives';
import type { EventStore, JsonObject } from '../../src/eventstore/port';

/** Deterministic, valid ULIDs for tests: `idOf(7)` is the same everywhere. */
export const idOf = (n: number): string => {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let text = '';
  let rest = n;
  for (let index = 0; index < 10; index += 1) {
    text = alphabet[rest % 32] + text;
    rest = Math.floor(rest / 32);
  }
  return `01J0000000000000${text}`;
};

export const day = 86_400_000;

/** ISO instant `days` days after 2026-01-01T00:00:00Z (fractions allowed). */
export const at = (days: number): string =>
  new Date(Date.UTC(2026, 0, 1) + days * day).toISOString();

export interface WriteOptions {
  readonly actorId?: string | null;
  /** When the ledger learned of it; defaults to the event's occurredAt. */
  readonly recordedAt?: string;
}

let commandCounter = 0;

/** Appends catalogue events with complete metadata, as command handling would. */
export class TestLedger {
  constructor(readonly store: EventStore) {}

  async write<T extends EventType>(
    streamName: string,
    type: T,
    data: EventDataOf<T>,
    options: WriteOptions = {},
  ) {
    commandCounter += 1;
    const occurredAt = (data as { occurredAt: string }).occurredAt;
    const metadata: EventMetadata = {
      actorId: options.actorId === undefined ? null : options.actorId,
      actorRole: options.actorId ? 'manager' : null,
      commandId: `command-${commandCounter}`,
      correlationId: `command-${commandCounter}`,
      causationId: `command-${commandCounter}`,
      source: 'import',
      schemaVersion: 1,
      recordedAt: options.recordedAt ?? occurredAt,
    };
    return this.store.append(streamName, [
      {
        type,
        data: data as unknown as JsonObject,
        metadata: metadata as unknown as JsonObject,
      },
    ]);
  }

  /** People joining on day 0, each with an email made from their name. */
  async join(people: readonly (readonly [string, string, Role])[]): Promise<void> {
    for (const [personId, name, role] of people) {
      await this.write(stream.person(personId), 'PersonJoined', {
        personId,
        name,
        email: `${name.toLowerCase()}@example.com`,
        role,
        occurredAt: at(0),
      });
    }
  }
}

/** A temporary directory removed by `cleanup()`. */
export const tempDir = () => {
  const path = mkdtempSync(join(tmpdir(), 'custody-projections-'));
  return { path, cleanup: () => rmSync(path, { recursive: true, force: true }) };
};
