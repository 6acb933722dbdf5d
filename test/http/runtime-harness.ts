import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { ulid } from 'ulid';
import { loadConfig } from '../../src/config';
import type { Role } from '../../src/domain/events/primitives';
import type { AppOptions } from '../../src/http/app';
import { type Runtime, startRuntime } from '../../src/runtime';

/**
 * The whole product on an embedded store in a temp directory, listening on a
 * free local port: what `custody serve` runs, driven over HTTP.
 */
export interface Harness {
  readonly runtime: Runtime;
  readonly admin: string;
  /** Adds a person over HTTP as the admin and issues them a token. */
  person(role: Role): Promise<{ personId: string; auth: string }>;
  /** Registers a client over HTTP as `auth`, optionally owned by someone. */
  client(auth: string, ownerId?: string): Promise<string>;
  head(): Promise<string>;
  close(): Promise<void>;
}

export const startHarness = async (app: AppOptions = {}): Promise<Harness> => {
  const dir = mkdtempSync(join(tmpdir(), 'custody-http-'));
  const config = loadConfig(
    {},
    { store: join(dir, 'ledger.db'), port: 0, host: '127.0.0.1' },
  );
  const runtime = await startRuntime(config, { handleSignals: false, app });
  const admin = `Bearer ${runtime.bootstrapToken!.token}`;

  return {
    runtime,
    admin,
    async person(role) {
      const response = await request(runtime.url)
        .post('/v1/people')
        .set('Authorization', admin)
        .send({ name: `A ${role}`, email: `${ulid().toLowerCase()}@example.com`, role })
        .expect(201);
      const personId = response.body.ids.personId as string;
      const { token } = await runtime.tokens.issueToken({ personId, label: 'test' });
      return { personId, auth: `Bearer ${token}` };
    },
    async client(auth, ownerId) {
      const response = await request(runtime.url)
        .post('/v1/clients')
        .set('Authorization', auth)
        .send({ name: `Client ${ulid()}`, ...(ownerId === undefined ? {} : { ownerId }) })
        .expect(201);
      return response.body.ids.clientId as string;
    },
    async head() {
      const position = await runtime.store.headPosition();
      return position === undefined ? 'empty' : `${position.commit}.${position.prepare}`;
    },
    async close() {
      await runtime.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
