import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { loadConfig } from '../../src/config';
import { startRuntime } from '../../src/runtime';

describe('runtime', () => {
  it('bootstraps an empty ledger once, serves, and closes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'custody-runtime-'));
    const config = loadConfig(
      {},
      { store: join(dir, 'a', 'ledger.db'), port: 0, host: '127.0.0.1' },
    );
    try {
      const first = await startRuntime(config, { handleSignals: false });
      expect(first.bootstrapToken?.token).toMatch(/^cst_/);
      expect(first.bootstrapToken?.role).toBe('admin');
      await request(first.url).get('/health').expect(200);
      await request(first.url).get('/ready').expect(200);
      const people = await request(first.url)
        .post('/v1/people')
        .set('Authorization', `Bearer ${first.bootstrapToken!.token}`)
        .send({ name: 'Ada', email: 'ada@example.com', role: 'manager' });
      expect(people.status).toBe(201);
      await first.close();

      const second = await startRuntime(config, { handleSignals: false });
      expect(second.bootstrapToken).toBeUndefined();
      // The bootstrap token survives the restart: it lives in the ledger.
      await request(second.url)
        .post('/v1/people')
        .set('Authorization', `Bearer ${first.bootstrapToken!.token}`)
        .send({ name: 'Bob', email: 'bob@example.com', role: 'salesperson' })
        .expect(201);
      await second.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
