import { runDemo } from '../../src/cli/demo/run-demo';
import { exportEventLog } from '../../src/cli/export/event-log';
import { cliBusFactory } from '../../src/cli/ledger-bus';
import { defaultDomainSettings } from '../../src/domain/settings';
import type { EventStore } from '../../src/eventstore/port';
import { silentLogger } from '../../src/log';

/** A small demo company: enough for every kind of event, quick to generate. */
export const smallDemo = (seed: number) => ({
  seed,
  clients: 40,
  salespeople: 6,
  months: 4,
  end: new Date('2026-03-31T00:00:00Z'),
});

export const generateDemo = (store: EventStore, seed: number) =>
  runDemo(smallDemo(seed), {
    store,
    settings: defaultDomainSettings,
    createBus: cliBusFactory(defaultDomainSettings, silentLogger),
  });

/** The exported event log as one string. */
export const exportedLog = async (store: EventStore): Promise<string> => {
  const chunks: string[] = [];
  await exportEventLog(store, {
    write: async (text) => void chunks.push(text),
    close: async () => {},
  });
  return chunks.join('');
};
