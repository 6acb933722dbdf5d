import request from 'supertest';
import { z } from 'zod';
import { CustodyError } from '../../src/errors';
import type { Position } from '../../src/eventstore/port';
import { formatPosition } from '../../src/eventstore/position';
import { createApp } from '../../src/http/app';
import { defineRoute } from '../../src/http/route';
import { addCaller, type Caller, openStoreAndTokens } from './fixtures';

const route = defineRoute({
  method: 'get',
  path: '/things',
  operationId: 'listThings',
  summary: 'List things',
  tags: ['things'],
  roles: ['manager'],
  query: z.strictObject({ q: z.string().optional() }),
  consistency: 'read-model',
  handle: async ({ query }) => ({ body: { q: query.q ?? null } }),
});

describe('read-your-writes', () => {
  let env: Awaited<ReturnType<typeof openStoreAndTokens>>;
  let manager: Caller;
  const waited: string[] = [];
  const reached = 10n;

  beforeAll(async () => {
    env = await openStoreAndTokens();
    manager = await addCaller(env.store, env.tokens, 'manager');
  });
  afterAll(() => env.close());

  const app = () =>
    createApp({
      routes: [route],
      authenticator: env.tokens,
      store: env.store,
      readModels: {
        async waitForPosition(position: Position, timeoutMs: number) {
          waited.push(`${formatPosition(position)}/${timeoutMs}`);
          if (position.commit > reached) {
            throw new CustodyError('timeout', 'query.not-caught-up', 'not yet');
          }
        },
        status: () => ({ position: undefined, caughtUp: true }),
      },
      options: { readYourWritesTimeoutMs: 250 },
    });

  it('waits for the position in the header or the query parameter', async () => {
    const server = app();
    await request(server)
      .get('/v1/things?q=a')
      .set('Authorization', manager.auth)
      .set('X-Custody-Min-Position', '9')
      .expect(200, { q: 'a' });
    await request(server)
      .get('/v1/things?minPosition=10')
      .set('Authorization', manager.auth)
      .expect(200, { q: null });
    expect(waited).toEqual(['9/250', '10/250']);
  });

  it('answers 504 when the read models lag, 400 to a bad position', async () => {
    const late = await request(app())
      .get('/v1/things')
      .set('Authorization', manager.auth)
      .set('X-Custody-Min-Position', '11');
    expect(late.status).toBe(504);
    expect(late.body.code).toBe('query.not-caught-up');

    const bad = await request(app())
      .get('/v1/things?minPosition=soon')
      .set('Authorization', manager.auth);
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('query.minPosition');
  });
});
