import request from 'supertest';
import { type Harness, startHarness } from './runtime-harness';

describe('concurrent and repeated commands over HTTP', () => {
  let h: Harness;
  const api = () => request(h.runtime.url);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('lets exactly one of 20 parallel claims of a pool client win', async () => {
    const manager = await h.person('manager');
    const sellers = await Promise.all(
      Array.from({ length: 20 }, () => h.person('salesperson')),
    );
    const clientId = await h.client(manager.auth);

    const responses = await Promise.all(
      sellers.map((seller) =>
        api()
          .post(`/v1/clients/${clientId}/claim`)
          .set('Authorization', seller.auth)
          .send({}),
      ),
    );

    const statuses = responses.map((response) => response.status).sort();
    expect(statuses).toEqual([200, ...Array<number>(19).fill(409)]);
    const winner = sellers[responses.findIndex((response) => response.status === 200)]!;
    const events = await h.runtime.store.readStream(`client-${clientId}`);
    const claims = events.filter((event) => event.type === 'ClientClaimed');
    expect(claims.map((event) => event.data.ownerId)).toEqual([winner.personId]);
  });

  it('records a command sent five times with one key once, alike', async () => {
    const seller = await h.person('salesperson');
    const clientId = await h.client(seller.auth, seller.personId);
    const occurredAt = new Date().toISOString();
    const send = () =>
      api()
        .post(`/v1/clients/${clientId}/contacts`)
        .set('Authorization', seller.auth)
        .set('Idempotency-Key', 'call-about-spring-order')
        .send({ channel: 'call', occurredAt, summary: 'Spring order' });

    const before = await h.runtime.store.streamRevision(`client-${clientId}`);
    const answers = [];
    for (let attempt = 0; attempt < 5; attempt += 1) answers.push(await send());
    const after = await h.runtime.store.streamRevision(`client-${clientId}`);

    expect(after).toBe((before ?? -1) + 1);
    const seen = answers.map((answer) => ({
      status: answer.status,
      body: answer.text,
      etag: answer.headers.etag,
      positionHeader: answer.headers['x-custody-position'],
    }));
    for (const answer of seen) expect(answer).toEqual(seen[0]);
    expect(seen[0]?.status).toBe(201);
    expect(answers.map((answer) => answer.headers['idempotent-replayed'])).toEqual([
      undefined,
      'true',
      'true',
      'true',
      'true',
    ]);
  });

  it('scopes idempotency keys to the caller', async () => {
    const manager = await h.person('manager');
    const other = await h.person('manager');
    const register = (auth: string) =>
      api()
        .post('/v1/clients')
        .set('Authorization', auth)
        .set('Idempotency-Key', 'new-client-1')
        .send({ name: 'Same key' });
    const first = await register(manager.auth).expect(201);
    const second = await register(other.auth).expect(201);
    expect(second.headers['idempotent-replayed']).toBeUndefined();
    expect(second.body.ids.clientId).not.toBe(first.body.ids.clientId);
  });
});
