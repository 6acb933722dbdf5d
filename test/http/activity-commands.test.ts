import request from 'supertest';
import { ulid } from 'ulid';
import { expectRefused } from './refused';
import { type Harness, startHarness } from './runtime-harness';

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

describe('activity commands over HTTP', () => {
  let h: Harness;
  let seller: { personId: string; auth: string };
  let other: { personId: string; auth: string };
  let auditor: { personId: string; auth: string };
  let clientId: string;
  const api = () => request(h.runtime.url);

  beforeAll(async () => {
    h = await startHarness();
    seller = await h.person('salesperson');
    other = await h.person('salesperson');
    auditor = await h.person('auditor');
    clientId = await h.client(seller.auth, seller.personId);
  });
  afterAll(() => h.close());

  describe('POST /v1/clients/:clientId/contacts', () => {
    const contact = (auth: string, body: object, id = clientId) =>
      api().post(`/v1/clients/${id}/contacts`).set('Authorization', auth).send(body);

    it('logs a contact', async () => {
      const response = await contact(seller.auth, {
        channel: 'email',
        occurredAt: daysAgo(1),
      });
      expect(response.status).toBe(201);
      expect(response.body.ids.interactionId).toMatch(/^[0-9A-Z]{26}$/);
    });

    it('refuses old, future, unknown-client, others’, bad contacts', async () => {
      await expectRefused(
        h,
        () => contact(seller.auth, { channel: 'call', occurredAt: daysAgo(30) }),
        409,
        'interaction.too-old',
      );
      await expectRefused(
        h,
        () => contact(seller.auth, { channel: 'call', occurredAt: daysAgo(-1) }),
        409,
        'interaction.future',
      );
      await expectRefused(
        h,
        () => contact(seller.auth, { channel: 'call', occurredAt: daysAgo(0) }, ulid()),
        404,
        'client.not-found',
      );
      await expectRefused(
        h,
        () => contact(other.auth, { channel: 'call', occurredAt: daysAgo(0) }),
        403,
        'ownership.not-owner',
      );
      await expectRefused(
        h,
        () => contact(auditor.auth, { channel: 'call', occurredAt: daysAgo(0) }),
        403,
        'auth.forbidden',
      );
      const invalid = await expectRefused(
        h,
        () => contact(seller.auth, { channel: 'call', occurredAt: 'yesterday' }),
        400,
        'validation.failed',
      );
      expect(invalid.body.errors[0].path).toBe('body.occurredAt');
    });
  });

  describe('POST /v1/clients/:clientId/visits', () => {
    it('logs a visit and refuses one without occurredAt', async () => {
      await api()
        .post(`/v1/clients/${clientId}/visits`)
        .set('Authorization', seller.auth)
        .send({ occurredAt: daysAgo(2), attendees: ['Ms Smith'], location: 'HQ' })
        .expect(201);
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${clientId}/visits`)
            .set('Authorization', seller.auth)
            .send({ location: 'HQ' }),
        400,
        'validation.failed',
      );
    });
  });

  describe('quotes', () => {
    const issue = async () => {
      const response = await api()
        .post(`/v1/clients/${clientId}/quotes`)
        .set('Authorization', seller.auth)
        .send({ amount: 1200, currency: 'EUR', description: '40 units' })
        .expect(201);
      return response.body.ids.quoteId as string;
    };
    const step = (quoteId: string, action: string, body: object, auth = seller.auth) =>
      api()
        .post(`/v1/clients/${clientId}/quotes/${quoteId}/${action}`)
        .set('Authorization', auth)
        .send(body);

    it('issues, revises and accepts a quote; a closed quote refuses more', async () => {
      const quoteId = await issue();
      await step(quoteId, 'revise', { amount: 1100, reason: 'Discount' }).expect(200);
      await step(quoteId, 'accept', {}).expect(200);
      await expectRefused(h, () => step(quoteId, 'lose', {}), 409, 'quote.closed');
    });

    it('loses a quote; refuses unknown quotes, bad amounts, others', async () => {
      const quoteId = await issue();
      await expectRefused(
        h,
        () => step(quoteId, 'accept', {}, other.auth),
        403,
        'ownership.not-owner',
      );
      await step(quoteId, 'lose', { reason: 'Price' }).expect(200);
      await expectRefused(h, () => step(ulid(), 'accept', {}), 404, 'quote.not-found');
      const negative = await expectRefused(
        h,
        () => step(quoteId, 'revise', { amount: -5 }),
        400,
        'validation.failed',
      );
      expect(negative.body.errors[0].path).toBe('body.amount');
      await expectRefused(
        h,
        () =>
          api()
            .post(`/v1/clients/${clientId}/quotes`)
            .set('Authorization', seller.auth)
            .send({ amount: 10, currency: 'euro' }),
        400,
        'validation.failed',
      );
    });
  });
});
