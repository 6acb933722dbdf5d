import request from 'supertest';
import { ulid } from 'ulid';
import { expectRefused } from './refused';
import { type Harness, startHarness } from './runtime-harness';

describe('client commands over HTTP', () => {
  let h: Harness;
  let seller: { personId: string; auth: string };
  let other: { personId: string; auth: string };
  let manager: { personId: string; auth: string };
  let auditor: { personId: string; auth: string };
  const api = () => request(h.runtime.url);

  beforeAll(async () => {
    h = await startHarness();
    seller = await h.person('salesperson');
    other = await h.person('salesperson');
    manager = await h.person('manager');
    auditor = await h.person('auditor');
  });
  afterAll(() => h.close());

  describe('POST /v1/clients', () => {
    it('registers a client owned by the salesperson', async () => {
      const response = await api()
        .post('/v1/clients')
        .set('Authorization', seller.auth)
        .send({ name: 'Acme', region: 'North', ownerId: seller.personId });
      expect(response.status).toBe(201);
      expect(response.body.ids.clientId).toMatch(/^[0-9A-Z]{26}$/);
      expect(response.body.revision).toBe(1);
      expect(response.headers.etag).toBe('"1"');
      expect(response.headers['x-custody-position']).toBe(response.body.position);
    });

    it('refuses a bad body, unknown field, wrong role, other owner', async () => {
      const missing = await expectRefused(
        h,
        () =>
          api()
            .post('/v1/clients')
            .set('Authorization', seller.auth)
            .send({ region: 'x' }),
        400,
        'validation.failed',
      );
      expect(missing.body.errors).toContainEqual(
        expect.objectContaining({ path: 'body.name' }),
      );
      const unknown = await expectRefused(
        h,
        () =>
          api()
            .post('/v1/clients')
            .set('Authorization', seller.auth)
            .send({ name: 'Acme', actorId: seller.personId }),
        400,
        'validation.failed',
      );
      expect(unknown.body.errors).toEqual([
        { path: 'body.actorId', message: expect.any(String) },
      ]);
      await expectRefused(
        h,
        () =>
          api()
            .post('/v1/clients')
            .set('Authorization', auditor.auth)
            .send({ name: 'Acme' }),
        403,
        'auth.forbidden',
      );
      await expectRefused(
        h,
        () =>
          api()
            .post('/v1/clients')
            .set('Authorization', seller.auth)
            .send({ name: 'Acme', ownerId: other.personId }),
        403,
        'auth.forbidden',
      );
      await expectRefused(
        h,
        () => api().post('/v1/clients').send({ name: 'Acme' }),
        401,
        'auth.unauthenticated',
      );
    });
  });

  describe('PATCH /v1/clients/:clientId', () => {
    it('changes details, honouring If-Match', async () => {
      const clientId = await h.client(seller.auth, seller.personId);
      const changed = await api()
        .patch(`/v1/clients/${clientId}`)
        .set('Authorization', seller.auth)
        .set('If-Match', '"1"')
        .send({ changes: { name: 'Acme Ltd' } });
      expect(changed.status).toBe(200);
      expect(changed.headers.etag).toBe('"2"');
      await expectRefused(
        h,
        () =>
          api()
            .patch(`/v1/clients/${clientId}`)
            .set('Authorization', seller.auth)
            .set('If-Match', '"1"')
            .send({ changes: { name: 'Acme Again' } }),
        412,
        'precondition.failed',
      );
    });

    it('refuses an unknown client, an empty change, others’ clients', async () => {
      const clientId = await h.client(seller.auth, seller.personId);
      await expectRefused(
        h,
        () =>
          api()
            .patch(`/v1/clients/${ulid()}`)
            .set('Authorization', seller.auth)
            .send({ changes: { name: 'X' } }),
        404,
        'client.not-found',
      );
      const empty = await expectRefused(
        h,
        () =>
          api()
            .patch(`/v1/clients/${clientId}`)
            .set('Authorization', seller.auth)
            .send({ changes: {} }),
        400,
        'validation.failed',
      );
      expect(empty.body.errors[0].path).toBe('body.changes');
      await expectRefused(
        h,
        () =>
          api()
            .patch(`/v1/clients/${clientId}`)
            .set('Authorization', other.auth)
            .send({ changes: { name: 'Mine now' } }),
        403,
        'ownership.not-owner',
      );
    });
  });

  describe('archive, merge, lock and unlock', () => {
    it('archives a client, which then refuses activity', async () => {
      const clientId = await h.client(seller.auth, seller.personId);
      await api()
        .post(`/v1/clients/${clientId}/archive`)
        .set('Authorization', manager.auth)
        .send({ reason: 'Went out of business' })
        .expect(200);
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${clientId}/contacts`)
            .set('Authorization', seller.auth)
            .send({ channel: 'call', occurredAt: new Date().toISOString() }),
        409,
        'client.archived',
      );
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${clientId}/archive`)
            .set('Authorization', seller.auth)
            .send({ reason: 'mine' }),
        403,
        'auth.forbidden',
      );
    });

    it('merges a duplicate into a survivor, not into itself', async () => {
      const duplicate = await h.client(seller.auth, seller.personId);
      const survivor = await h.client(seller.auth, seller.personId);
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${duplicate}/merge`)
            .set('Authorization', manager.auth)
            .send({ survivorId: duplicate }),
        409,
        'client.merge-into-self',
      );
      await api()
        .post(`/v1/clients/${duplicate}/merge`)
        .set('Authorization', manager.auth)
        .send({ survivorId: survivor, reason: 'Same company' })
        .expect(200);
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${duplicate}/merge`)
            .set('Authorization', manager.auth)
            .send({ survivorId: 'nope' }),
        400,
        'validation.failed',
      );
    });

    it('locks and unlocks a client once each', async () => {
      const clientId = await h.client(seller.auth, seller.personId);
      const lock = () =>
        api()
          .post(`/v1/clients/${clientId}/lock`)
          .set('Authorization', manager.auth)
          .send({ reason: 'Strategic account' });
      await lock().expect(200);
      await expectRefused(h, lock, 409, 'client.already-locked');
      await api()
        .post(`/v1/clients/${clientId}/unlock`)
        .set('Authorization', manager.auth)
        .send({})
        .expect(200);
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${clientId}/unlock`)
            .set('Authorization', manager.auth)
            .send({}),
        409,
        'client.not-locked',
      );
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${clientId}/lock`)
            .set('Authorization', seller.auth)
            .send({ reason: 'x' }),
        403,
        'auth.forbidden',
      );
    });
  });
});
