import request from 'supertest';
import { ulid } from 'ulid';
import { expectRefused } from './refused';
import { type Harness, startHarness } from './runtime-harness';

type Person = { personId: string; auth: string };

describe('ownership commands over HTTP', () => {
  let h: Harness;
  let seller: Person;
  let other: Person;
  let manager: Person;
  let secondManager: Person;
  let auditor: Person;
  const api = () => request(h.runtime.url);
  const post = (path: string, auth: string, body: object = {}) =>
    api().post(path).set('Authorization', auth).send(body);

  beforeAll(async () => {
    h = await startHarness();
    seller = await h.person('salesperson');
    other = await h.person('salesperson');
    manager = await h.person('manager');
    secondManager = await h.person('manager');
    auditor = await h.person('auditor');
  });
  afterAll(() => h.close());

  it('assigns an owner; refuses people who cannot own and the wrong role', async () => {
    const clientId = await h.client(manager.auth);
    const path = `/v1/clients/${clientId}/owner`;
    await post(path, manager.auth, { ownerId: seller.personId }).expect(200);
    await expectRefused(
      h,
      () => post(path, manager.auth, { ownerId: seller.personId }),
      409,
      'ownership.already-owner',
    );
    await expectRefused(
      h,
      () => post(path, manager.auth, { ownerId: auditor.personId }),
      409,
      'person.cannot-own',
    );
    await expectRefused(
      h,
      () => post(path, seller.auth, { ownerId: seller.personId }),
      403,
      'auth.forbidden',
    );
    await expectRefused(
      h,
      () =>
        post(`/v1/clients/${ulid()}/owner`, manager.auth, { ownerId: seller.personId }),
      404,
      'client.not-found',
    );
  });

  it('claims from the pool and releases to it', async () => {
    const clientId = await h.client(manager.auth);
    await post(`/v1/clients/${clientId}/claim`, seller.auth).expect(200);
    await expectRefused(
      h,
      () => post(`/v1/clients/${clientId}/claim`, other.auth),
      409,
      'ownership.already-owned',
    );
    await expectRefused(
      h,
      () => post(`/v1/clients/${clientId}/release`, other.auth),
      403,
      'ownership.not-owner',
    );
    await post(`/v1/clients/${clientId}/release`, seller.auth, {
      note: 'No time',
    }).expect(200);
    await expectRefused(
      h,
      () => post(`/v1/clients/${clientId}/release`, manager.auth),
      409,
      'ownership.in-pool',
    );
    await expectRefused(
      h,
      () => post(`/v1/clients/${clientId}/claim`, manager.auth),
      403,
      'auth.forbidden',
    );
  });

  it('requests, approves, rejects and cancels handovers', async () => {
    const clientId = await h.client(seller.auth, seller.personId);
    const request = (auth: string) =>
      post('/v1/handovers', auth, {
        clientId,
        toOwnerId: other.personId,
        reason: 'Region',
      });

    const approved = await request(seller.auth).expect(201);
    const handoverId = approved.body.ids.handoverId as string;
    await post(`/v1/handovers/${handoverId}/approve`, manager.auth, {
      note: 'ok',
    }).expect(200);
    await expectRefused(
      h,
      () => post(`/v1/handovers/${handoverId}/reject`, manager.auth, { reason: 'late' }),
      409,
      'handover.not-pending',
    );

    const back = await post('/v1/handovers', manager.auth, {
      clientId,
      toOwnerId: seller.personId,
      reason: 'Back',
    }).expect(201);
    const backId = back.body.ids.handoverId as string;
    await expectRefused(
      h,
      () => post(`/v1/handovers/${backId}/approve`, manager.auth),
      403,
      'handover.self-approval',
    );
    await post(`/v1/handovers/${backId}/reject`, secondManager.auth, {
      reason: 'No',
    }).expect(200);

    const cancelled = await post('/v1/handovers', other.auth, {
      clientId,
      toOwnerId: seller.personId,
      reason: 'Too many',
    }).expect(201);
    await expectRefused(
      h,
      () => post(`/v1/handovers/${cancelled.body.ids.handoverId}/approve`, other.auth),
      403,
      'auth.forbidden',
    );
    await post(
      `/v1/handovers/${cancelled.body.ids.handoverId}/cancel`,
      other.auth,
    ).expect(200);
    await expectRefused(
      h,
      () => post(`/v1/handovers/${ulid()}/cancel`, other.auth),
      404,
      'handover.not-found',
    );
    await expectRefused(
      h,
      () => post('/v1/handovers', seller.auth, { clientId, toOwnerId: seller.personId }),
      400,
      'validation.failed',
    );
  });

  it('raises and resolves disputes', async () => {
    const clientId = await h.client(seller.auth, seller.personId);
    const raised = await post(`/v1/clients/${clientId}/disputes`, other.auth, {
      argument: 'I met them first',
    }).expect(201);
    const disputeId = raised.body.ids.disputeId as string;
    const resolve = () =>
      post(`/v1/clients/${clientId}/disputes/${disputeId}/resolve`, manager.auth, {
        outcome: 'awarded',
        reason: 'Evidence in the history',
      });
    await resolve().expect(200);
    await expectRefused(h, resolve, 409, 'dispute.not-open');
    await expectRefused(
      h,
      () => post(`/v1/clients/${clientId}/disputes`, other.auth, { argument: 'again' }),
      409,
      'dispute.already-owner',
    );
    await expectRefused(
      h,
      () =>
        post(`/v1/clients/${clientId}/disputes/${ulid()}/resolve`, manager.auth, {
          outcome: 'rejected',
          reason: 'x',
        }),
      404,
      'dispute.not-found',
    );
    await expectRefused(
      h,
      () =>
        post(`/v1/clients/${clientId}/disputes/${disputeId}/resolve`, manager.auth, {
          outcome: 'maybe',
          reason: 'x',
        }),
      400,
      'validation.failed',
    );
  });

  it('adds people, changes roles and records departures', async () => {
    await expectRefused(
      h,
      () =>
        post('/v1/people', seller.auth, {
          name: 'X',
          email: 'x@example.com',
          role: 'admin',
        }),
      403,
      'auth.forbidden',
    );
    await expectRefused(
      h,
      () =>
        post('/v1/people', h.admin, {
          name: 'X',
          email: 'not-an-email',
          role: 'manager',
        }),
      400,
      'validation.failed',
    );
    const promoted = await h.person('salesperson');
    await post(`/v1/people/${promoted.personId}/role`, h.admin, {
      role: 'manager',
    }).expect(200);
    await expectRefused(
      h,
      () => post(`/v1/people/${promoted.personId}/role`, h.admin, { role: 'manager' }),
      409,
      'person.same-role',
    );
    await expectRefused(
      h,
      () => post(`/v1/people/${ulid()}/role`, h.admin, { role: 'manager' }),
      404,
      'person.not-found',
    );
    // The token carries the new role at once.
    await post('/v1/clients', promoted.auth, { name: 'Lock me' }).expect(201);

    const leaver = await h.person('salesperson');
    await h.client(leaver.auth, leaver.personId);
    await post(`/v1/people/${leaver.personId}/departure`, h.admin, {
      successorId: seller.personId,
    }).expect(200);
    // A departed person's token stops working at once.
    await expectRefused(
      h,
      () => post('/v1/clients', leaver.auth, { name: 'Gone' }),
      401,
      'auth.unauthenticated',
    );
  });
});
