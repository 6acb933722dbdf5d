import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { Runtime } from '../../src/runtime';
import { startDashboardRuntime } from './dashboard-runtime';

describe('dashboard handler', () => {
  let dir: string;
  let runtime: Runtime;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'custody-dashboard-handler-'));
    runtime = await startDashboardRuntime(dir);
  });

  afterAll(async () => {
    await runtime.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page at / with a policy that allows only its own files', async () => {
    const response = await request(runtime.url).get('/').expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.text).toContain('<script type="module" src="app.js">');
    const policy = response.headers['content-security-policy'];
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['cache-control']).toBe('no-cache');
  });

  it('serves its modules as JavaScript', async () => {
    const response = await request(runtime.url).get('/views/client.js').expect(200);
    expect(response.headers['content-type']).toMatch(/javascript/);
  });

  it('leaves the API, its 404s and other methods alone', async () => {
    await request(runtime.url).get('/v1/clients').expect(401);
    const missing = await request(runtime.url).get('/v1/no-such-route').expect(404);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(runtime.url).get('/no-such-file.js').expect(404);
    await request(runtime.url).post('/').expect(404);
    await request(runtime.url)
      .get('/health/live')
      .expect((r) => {
        expect(r.headers['content-security-policy']).toBeUndefined();
      });
  });
});
