import { writeClientRows } from '../../src/cli/import/client-batch-writer';
import { deterministicUlid } from '../../src/cli/import/deterministic-ids';
import { LedgerIndex } from '../../src/cli/import/ledger-index';
import { runImport } from '../../src/cli/import/run-import';
import { createCommandBus } from '../../src/commands';
import type { Command, CommandContext } from '../../src/domain/commands';
import { defaultDomainSettings } from '../../src/domain/settings';
import type { EventStore } from '../../src/eventstore/port';
import { fixture, importDependencies, openStore, tempDir } from './temp-store';

const temp = tempDir('batch');
afterAll(() => temp.cleanup());

const contact = (clientId: string, personId: string, day: number): Command => ({
  type: 'LogContact',
  clientId,
  interactionId: deterministicUlid('test-interaction', String(day)),
  channel: 'call',
  participants: [personId],
  clientInitiated: false,
  occurredAt: new Date(Date.UTC(2024, 0, day)).toISOString(),
});

const contextOf = (item: { command: Command; commandId: string }): CommandContext => ({
  actor: null,
  commandId: item.commandId,
  source: 'import',
  now: new Date('2025-01-01T00:00:00Z'),
  historicalImport: true,
});

const setUp = async (name: string) => {
  const store = openStore(temp.path(name));
  await runImport({ file: fixture('people.csv') }, importDependencies(store));
  await runImport({ file: fixture('clients.csv') }, importDependencies(store));
  const index = await LedgerIndex.load(store);
  const clientId = index.client('CRM-100')!.id;
  const personId = index.person('otto.berg@example.com')!.id;
  return { store, clientId, personId };
};

describe('writing a client’s rows in batches', () => {
  it('writes the events the command bus would have written', async () => {
    const viaBatch = await setUp('batch.db');
    const viaBus = await setUp('bus.db');
    const items = [1, 2, 3].map((day) => ({
      command: contact(viaBatch.clientId, viaBatch.personId, day),
      commandId: `cmd-${day}`,
    }));
    const outcome = await writeClientRows(
      viaBatch.store,
      viaBatch.clientId,
      items.map((item, line) => ({ line, commands: [item] })),
      { settings: defaultDomainSettings, context: contextOf, keepGoing: false },
    );
    expect(outcome).toEqual({ written: 3, refused: [] });

    const bus = createCommandBus({
      store: viaBus.store,
      lookup: { clientsOwnedBy: async () => [] },
      settings: defaultDomainSettings,
    });
    for (const item of items) await bus.execute(item.command, contextOf(item));

    const tail = async (store: EventStore) =>
      (await store.readStream(`client-${viaBatch.clientId}`)).slice(-3).map((event) => ({
        id: event.id,
        type: event.type,
        data: event.data,
        metadata: event.metadata,
      }));
    expect(await tail(viaBatch.store)).toEqual(await tail(viaBus.store));
    await Promise.all([viaBatch.store.close(), viaBus.store.close()]);
  });

  it('decides again when another writer moved the stream meanwhile', async () => {
    const { store, clientId, personId } = await setUp('race.db');
    const bus = createCommandBus({
      store,
      lookup: { clientsOwnedBy: async () => [] },
      settings: defaultDomainSettings,
    });
    let raced = false;
    const racing: EventStore = Object.assign(Object.create(store) as EventStore, {
      append: async (...args: Parameters<EventStore['append']>) => {
        if (!raced) {
          raced = true;
          await bus.execute(
            contact(clientId, personId, 20),
            contextOf({
              command: contact(clientId, personId, 20),
              commandId: 'someone-else',
            }),
          );
        }
        return store.append(...args);
      },
    });
    const items = [1, 2].map((day) => ({
      command: contact(clientId, personId, day),
      commandId: `race-${day}`,
    }));
    const outcome = await writeClientRows(
      racing,
      clientId,
      items.map((item, line) => ({ line, commands: [item] })),
      { settings: defaultDomainSettings, context: contextOf, keepGoing: false },
    );
    expect(outcome).toEqual({ written: 2, refused: [] });
    const types = (await store.readStream(`client-${clientId}`)).map(
      (event) => event.type,
    );
    expect(types.filter((type) => type === 'ContactLogged')).toHaveLength(3);
    await store.close();
  });

  it('refuses a row the domain refuses, naming its line', async () => {
    const { store, clientId, personId } = await setUp('refuse.db');
    const item = { command: contact(clientId, personId, 1), commandId: 'twice' };
    const again = { command: contact(clientId, personId, 1), commandId: 'other-command' };
    const outcome = await writeClientRows(
      store,
      clientId,
      [
        { line: 7, commands: [item] },
        { line: 8, commands: [again] },
      ],
      { settings: defaultDomainSettings, context: contextOf, keepGoing: true },
    );
    expect(outcome.written).toBe(1);
    expect(outcome.refused).toEqual([
      { line: 8, reason: expect.stringMatching(/exists/) },
    ]);
    await store.close();
  });
});
