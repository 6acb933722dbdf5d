import request from 'supertest';
import { ulid } from 'ulid';
import { expectRefused } from './refused';
import { type Harness, startHarness } from './runtime-harness';

describe('token routes', () => {
  let h: Harness;
  const api = () => request(h.runtime.url);

  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('lets an admin issue, list and revoke tokens', async () => {
    const seller = await h.person('salesperson');
    const issued = await api()
      .post('/v1/tokens')
      .set('Authorization', h.admin)
      .send({ personId: seller.personId, label: 'phone' });
    expect(issued.status).toBe(201);
    expect(issued.body.token).toMatch(/^cst_/);
    expect(issued.headers['cache-control']).toBe('no-store');
    const auth = `Bearer ${issued.body.token}`;
    await api()
      .post('/v1/clients')
      .set('Authorization', auth)
      .send({ name: 'Acme' })
      .expect(201);

    const listed = await api()
      .get('/v1/tokens')
      .set('Authorization', h.admin)
      .expect(200);
    expect(listed.body.tokens).toContainEqual(
      expect.objectContaining({
        tokenId: issued.body.tokenId,
        label: 'phone',
        active: true,
      }),
    );
    expect(JSON.stringify(listed.body)).not.toContain(issued.body.token);

    await api()
      .post(`/v1/tokens/${issued.body.tokenId}/revoke`)
      .set('Authorization', h.admin)
      .send({})
      .expect(200, { revoked: true });
    await expectRefused(
      h,
      () => api().post('/v1/clients').set('Authorization', auth).send({ name: 'Acme' }),
      401,
      'auth.unauthenticated',
    );
  });

  it('refuses other roles, unknown people and unknown tokens', async () => {
    const manager = await h.person('manager');
    await expectRefused(
      h,
      () =>
        api()
          .post('/v1/tokens')
          .set('Authorization', manager.auth)
          .send({ personId: manager.personId }),
      403,
      'auth.forbidden',
    );
    await expectRefused(
      h,
      () =>
        api().post('/v1/tokens').set('Authorization', h.admin).send({ personId: ulid() }),
      404,
      'person.not-found',
    );
    await expectRefused(
      h,
      () =>
        api().post(`/v1/tokens/${ulid()}/revoke`).set('Authorization', h.admin).send({}),
      404,
      'token.not-found',
    );
  });
});
