import fc from 'fast-check';
import request from 'supertest';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { commandRoutes } from '../../src/http/routes/commands';
import { createFakeBus } from './fake-bus';
import { type Harness, startHarness } from './runtime-harness';

/**
 * No input makes the server answer 500, and a refused request appends
 * nothing: random and malformed bodies, headers and ids, on every command
 * endpoint of the real runtime.
 */

const routes = commandRoutes(createFakeBus().bus).map(({ method, path, body }) => ({
  method,
  path,
  fields: Object.keys((body as z.ZodObject).shape),
}));

const recently = fc
  .integer({ min: -3 * 86_400_000, max: 20 * 86_400_000 })
  .map((ago) => new Date(Date.now() - ago).toISOString());

/** Plausible values by field name, so that many bodies reach the domain. */
const plausible = (ids: readonly string[]): Record<string, fc.Arbitrary<unknown>> => ({
  name: fc.constantFrom('Acme', ''),
  email: fc.constantFrom('a@example.com', 'nope'),
  role: fc.constantFrom('salesperson', 'manager', 'admin', 'king'),
  channel: fc.constantFrom('call', 'email', 'visit'),
  occurredAt: recently,
  amount: fc.oneof(fc.nat(), fc.double()),
  currency: fc.constantFrom('EUR', 'eur'),
  outcome: fc.constantFrom('awarded', 'rejected', 'maybe'),
  changes: fc.constantFrom({ name: 'New name' }, {}, { region: null }),
  participants: fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
  clientInitiated: fc.boolean(),
  successorId: fc.option(fc.constantFrom(...ids)),
  clientContacts: fc.constant(['Ms Smith']),
  attendees: fc.constant(['Ms Smith']),
  contacts: fc.constant([{ name: 'Ms Smith', email: 'smith@example.com' }]),
  checkIn: fc.constant({ latitude: 48.2, longitude: 16.4, at: new Date().toISOString() }),
  validUntil: recently,
});

const bodyFor = (fields: readonly string[], ids: readonly string[]) => {
  const values = plausible(ids);
  const text = fc.constantFrom('Because', 'Because', 'Because', ' ', 'x'.repeat(5000));
  const id = fc.constantFrom(...ids);
  const arbitraryOf = (field: string) =>
    fc.oneof(
      { arbitrary: values[field] ?? (field.endsWith('Id') ? id : text), weight: 16 },
      { arbitrary: fc.jsonValue(), weight: 1 },
    );
  const record = Object.fromEntries(fields.map((field) => [field, arbitraryOf(field)]));
  return fc
    .tuple(
      fc.record(record, { requiredKeys: [] }),
      fc.option(fc.dictionary(fc.string(), fc.jsonValue()), { freq: 12 }),
    )
    .map(([known, extra]) => JSON.stringify({ ...known, ...(extra ?? {}) }));
};

const headerText = fc.stringMatching(/^[\x20-\x7E]{0,80}$/);

const contentType = fc.oneof(
  { arbitrary: fc.constant('application/json'), weight: 8 },
  fc.constantFrom(
    undefined,
    'application/json; charset=utf-8',
    'application/json; charset=latin1',
    'application/merge-patch+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'garbage',
  ),
);

const junkBody = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.string(),
  fc.constantFrom('{', '{"a":', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', ''),
);

describe('bad input, property-based', () => {
  let h: Harness;
  let ids: string[];
  let tokens: string[];

  beforeAll(async () => {
    h = await startHarness({
      authFailures: { maxFailures: 1_000_000, windowMs: 60_000 },
    });
    const seller = await h.person('salesperson');
    const manager = await h.person('manager');
    const clientId = await h.client(seller.auth, seller.personId);
    const api = () => request(h.runtime.url);
    const quote = await api()
      .post(`/v1/clients/${clientId}/quotes`)
      .set('Authorization', seller.auth)
      .send({ amount: 10, currency: 'EUR' });
    const other = await h.person('salesperson');
    const handover = await api()
      .post('/v1/handovers')
      .set('Authorization', seller.auth)
      .send({ clientId, toOwnerId: other.personId, reason: 'x' });
    const dispute = await api()
      .post(`/v1/clients/${clientId}/disputes`)
      .set('Authorization', other.auth)
      .send({ argument: 'mine' });
    ids = [
      clientId,
      seller.personId,
      quote.body.ids.quoteId,
      handover.body.ids.handoverId,
      dispute.body.ids.disputeId,
      ulid(),
    ];
    tokens = [seller.auth, manager.auth, other.auth, h.admin];
  });
  afterAll(() => h.close());

  it('never answers 500 and appends nothing when it refuses', async () => {
    const pathId = fc.oneof(
      { arbitrary: fc.constantFrom(...ids), weight: 8 },
      fc.string().map((text) => encodeURIComponent(text) || 'x'),
      fc.constantFrom('%E0%A4%A', '%', '..', '%00', 'A'.repeat(300)),
    );
    const authorization = fc.oneof(
      { arbitrary: fc.constantFrom(...tokens), weight: 8 },
      headerText,
      headerText.map((text) => `Bearer ${text}`),
      fc.constant(undefined),
    );
    const input = fc.constantFrom(...routes).chain((route) =>
      fc.record({
        route: fc.constant(route),
        pathIds: fc.array(pathId, { minLength: 3, maxLength: 3 }),
        contentType,
        body: fc.option(
          fc.oneof({ arbitrary: bodyFor(route.fields, ids), weight: 6 }, junkBody),
          { freq: 8 },
        ),
        ifMatch: fc.option(
          fc.oneof(
            headerText,
            fc.nat().map((n) => `"${n}"`),
          ),
        ),
        idempotencyKey: fc.option(fc.oneof(headerText, fc.constant('é'))),
        authorization,
      }),
    );

    await fc.assert(
      fc.asyncProperty(input, async (sample) => {
        let index = 0;
        const path = sample.route.path.replace(/:\w+/g, () => sample.pathIds[index++]!);
        let call = request(h.runtime.url)[sample.route.method](`/v1${path}`);
        if (sample.authorization !== undefined)
          call = call.set('Authorization', sample.authorization);
        if (sample.contentType !== undefined)
          call = call.set('Content-Type', sample.contentType);
        if (sample.ifMatch !== null) call = call.set('If-Match', sample.ifMatch);
        if (sample.idempotencyKey !== null)
          call = call.set('Idempotency-Key', sample.idempotencyKey);

        const before = await h.head();
        const response = await (sample.body === null ? call : call.send(sample.body));
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
          expect(await h.head()).toBe(before);
        }
      }),
      { numRuns: 800 },
    );
  }, 180_000);

  it('never answers 500 to random query parameters on the read routes', async () => {
    const document = await request(h.runtime.url).get('/v1/openapi.json');
    const reads = Object.entries(document.body.paths as Record<string, object>)
      .filter(([, operations]) => 'get' in operations)
      .map(([path]) => path);
    const value = fc.oneof(
      fc.constantFrom(
        ...ids,
        'true',
        'false',
        '0',
        '-1',
        '2026-01-01T00:00:00Z',
        '10',
        '',
      ),
      fc.string(),
    );
    const name = fc.constantFrom(
      'asOf',
      'from',
      'to',
      'limit',
      'ownerId',
      'personId',
      'q',
      'x',
    );
    const input = fc.record({
      path: fc.constantFrom(...reads),
      id: fc.oneof(
        fc.constantFrom(...ids),
        fc.string().map((text) => encodeURIComponent(text) || 'x'),
      ),
      query: fc.dictionary(name, fc.oneof(value, fc.array(value, { maxLength: 2 }))),
      authorization: fc.constantFrom(...tokens),
    });
    await fc.assert(
      fc.asyncProperty(input, async (sample) => {
        const path = sample.path.replace(/\{\w+\}/g, sample.id);
        const response = await request(h.runtime.url)
          .get(path)
          .query(sample.query)
          .set('Authorization', sample.authorization);
        expect(response.status).toBeLessThan(500);
      }),
      { numRuns: 400 },
    );
  }, 120_000);
});
