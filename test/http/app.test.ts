import pino from 'pino';
import request from 'supertest';
import { ulid } from 'ulid';
import { createApp } from '../../src/http/app';
import { commandRoutes } from '../../src/http/routes/commands';
import { createFakeBus } from './fake-bus';
import { addCaller, type Caller, openStoreAndTokens } from './fixtures';

/** The HTTP mechanics every route shares, on a bus that does nothing. */

const now = () => new Date().toISOString();

describe('HTTP mechanics', () => {
  let env: Awaited<ReturnType<typeof openStoreAndTokens>>;
  let fake: ReturnType<typeof createFakeBus>;
  let seller: Caller;
  let auditor: Caller;
  let app: ReturnType<typeof createApp>;
  const clientId = ulid();
  const contactPath = `/v1/clients/${clientId}/contacts`;

  beforeEach(async () => {
    env = await openStoreAndTokens();
    fake = createFakeBus();
    seller = await addCaller(env.store, env.tokens, 'salesperson');
    auditor = await addCaller(env.store, env.tokens, 'auditor');
    app = createApp({
      routes: commandRoutes(fake.bus),
      authenticator: env.tokens,
      store: env.store,
      options: {
        bodyLimitBytes: 2048,
        authFailures: { maxFailures: 3, windowMs: 60_000 },
      },
    });
  });
  afterEach(() => env.close());

  const contact = () => request(app).post(contactPath).set('Authorization', seller.auth);

  it('runs the command as the authenticated person and answers its outcome', async () => {
    const response = await contact()
      .set('Idempotency-Key', 'contact-1')
      .set('X-Request-Id', 'req-42')
      .send({ channel: 'call', occurredAt: now() });

    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      ids: { clientId },
      revision: 0,
      position: '7',
    });
    expect(response.headers.etag).toBe('"0"');
    expect(response.headers['x-custody-position']).toBe('7');
    expect(response.headers['x-request-id']).toBe('req-42');
    const [call] = fake.calls;
    expect(call?.command).toMatchObject({
      type: 'LogContact',
      clientId,
      channel: 'call',
    });
    expect(call?.context).toMatchObject({
      actor: { personId: seller.personId, role: 'salesperson' },
      commandId: `${seller.personId}:contact-1`,
      source: 'api',
      requestId: 'req-42',
    });
  });

  it('answers 401 with a challenge without a valid token', async () => {
    const missing = await request(app).post(contactPath).send({});
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(missing.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(missing.body).toMatchObject({ status: 401, code: 'auth.unauthenticated' });

    const wrong = await request(app)
      .post(contactPath)
      .set('Authorization', 'Bearer cst_not-a-real-token')
      .send({});
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('invalid_token');
    expect(fake.calls).toHaveLength(0);
  });

  it('answers 429 with Retry-After after failures, even to a valid token', async () => {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      await request(app)
        .post(contactPath)
        .set('Authorization', 'Bearer nope')
        .expect(401);
    }
    const limited = await contact().send({ channel: 'call', occurredAt: now() });
    expect(limited.status).toBe(429);
    expect(limited.body.code).toBe('auth.rate-limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('answers 403 when the role may not send the command', async () => {
    const response = await request(app)
      .post(contactPath)
      .set('Authorization', auditor.auth)
      .send({ channel: 'call', occurredAt: now() });
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('auth.forbidden');
  });

  it('answers 400 naming every bad field, unknown fields included', async () => {
    const response = await contact().send({ channel: 'fax', actorId: 'me' });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation.failed');
    const paths = response.body.errors.map((error: { path: string }) => error.path);
    expect(paths).toEqual(
      expect.arrayContaining(['body.channel', 'body.occurredAt', 'body.actorId']),
    );
    expect(fake.calls).toHaveLength(0);
  });

  it('answers 400 to a malformed id, JSON, If-Match, Idempotency-Key', async () => {
    const badId = await request(app)
      .post('/v1/clients/not-a-ulid/contacts')
      .set('Authorization', seller.auth)
      .send({ channel: 'call', occurredAt: now() });
    expect(badId.status).toBe(400);
    expect(badId.body.errors[0].path).toBe('params.clientId');

    const badJson = await contact().type('application/json').send('{"channel": ');
    expect(badJson.status).toBe(400);
    expect(badJson.body.code).toBe('request.malformed-json');

    const body = { channel: 'call', occurredAt: now() };
    const badIfMatch = await contact().set('If-Match', 'W/"x"').send(body);
    expect(badIfMatch.body.code).toBe('request.invalid-if-match');
    const badKey = await contact().set('Idempotency-Key', 'é'.repeat(3)).send(body);
    expect(badKey.body.code).toBe('request.invalid-idempotency-key');
    expect(fake.calls).toHaveLength(0);
  });

  it('answers 412 when the If-Match revision no longer holds', async () => {
    const response = await contact()
      .set('If-Match', '"3"')
      .send({ channel: 'call', occurredAt: now() });
    expect(response.status).toBe(412);
    expect(response.body.code).toBe('precondition.failed');
    expect(fake.calls[0]?.context.expectedRevision).toBe(3);
  });

  it('answers 413 to a body over the limit, 415 to one not JSON', async () => {
    const large = await contact().send({ channel: 'call', summary: 'x'.repeat(5000) });
    expect(large.status).toBe(413);
    expect(large.body.code).toBe('request.too-large');

    const text = await contact().type('text/plain').send('channel=call');
    expect(text.status).toBe(415);
    expect(text.body.code).toBe('request.unsupported-media-type');
  });

  it('answers 404 problems for unknown routes', async () => {
    const response = await request(app)
      .get('/v1/nothing-here')
      .set('Authorization', seller.auth);
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'route.not-found', status: 404 });
  });

  it('serves liveness, readiness and metrics without a token', async () => {
    await request(app).get('/health').expect(200, { status: 'ok' });
    const ready = await request(app).get('/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.store).toBe('ok');
    await contact().send({ channel: 'call', occurredAt: now() });
    const metrics = await request(app).get('/metrics');
    expect(metrics.text).toContain('route="/v1/clients/:clientId/contacts",status="201"');
  });

  it('refuses a revoked token', async () => {
    const [listed] = env.tokens
      .listTokens()
      .filter((token) => token.personId === seller.personId);
    await env.tokens.revokeToken(listed!.tokenId);
    const response = await contact().send({ channel: 'call', occurredAt: now() });
    expect(response.status).toBe(401);
  });

  it('answers 503 on /ready while the read models catch up', async () => {
    const catchingUp = createApp({
      routes: [],
      authenticator: env.tokens,
      store: env.store,
      readModels: {
        waitForPosition: async () => undefined,
        status: () => ({ position: undefined, caughtUp: false, behind: 12 }),
      },
    });
    const ready = await request(catchingUp).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toMatchObject({
      code: 'ready.read-models-catching-up',
      readModels: { caughtUp: false, behind: 12 },
    });
  });

  it('logs one line per request with its id, never the token', async () => {
    const lines: Record<string, unknown>[] = [];
    const logger = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line)) },
    );
    const logged = createApp({
      routes: commandRoutes(fake.bus),
      authenticator: env.tokens,
      store: env.store,
      logger,
    });
    await request(logged)
      .post(contactPath)
      .set('Authorization', seller.auth)
      .set('X-Request-Id', 'abc-123')
      .send({ channel: 'call', occurredAt: now() })
      .expect(201);
    expect(lines).toContainEqual(
      expect.objectContaining({ reqId: 'abc-123', res: { statusCode: 201 } }),
    );
    expect(JSON.stringify(lines)).not.toContain(seller.token);
  });

  it('answers 503 on /ready when the store is closed', async () => {
    await env.tokens.close();
    await env.store.close();
    const ready = await request(app).get('/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.status).toBe(503);
  });
});
