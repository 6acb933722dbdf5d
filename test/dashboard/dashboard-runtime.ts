import { join } from 'node:path';
import { loadConfig } from '../../src/config';
import { dashboardHandler } from '../../src/dashboard';
import { silentLogger } from '../../src/log';
import { type Runtime, startRuntime } from '../../src/runtime';

/** Custody on a fresh embedded store in `dir`, serving the dashboard at `/` on a free port. */
export const startDashboardRuntime = (dir: string): Promise<Runtime> =>
  startRuntime(
    loadConfig({}, { store: join(dir, 'ledger.db'), port: 0, host: '127.0.0.1' }),
    {
      logger: silentLogger,
      handleSignals: false,
      extraHandlers: [{ path: '/', handler: dashboardHandler() }],
    },
  );
