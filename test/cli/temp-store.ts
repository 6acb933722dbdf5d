import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBusFactory } from '../../src/cli/ledger-bus';
import { defaultDomainSettings } from '../../src/domain/settings';
import { openSqliteEventStore } from '../../src/eventstore/sqlite';
import { silentLogger } from '../../src/log';

/** A folder for test stores, removed by `cleanup`. */
export const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), `custody-cli-${prefix}-`));
  return {
    dir,
    path: (name: string) => join(dir, name),
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
};

export const openStore = (path: string) => openSqliteEventStore({ path });

export const fixture = (name: string) =>
  join(__dirname, '..', 'fixtures', 'import', name);

export const importDependencies = (store: ReturnType<typeof openStore>) => ({
  store,
  settings: defaultDomainSettings,
  createBus: cliBusFactory(defaultDomainSettings, silentLogger),
  // Fixtures hold dates up to 2024; a fixed clock keeps "in the future" stable.
  clock: () => new Date('2025-01-01T00:00:00Z'),
});
