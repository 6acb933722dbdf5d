import request from 'supertest';
import { type Harness, startHarness } from './runtime-harness';

describe('read after write through the runtime', () => {
  let h: Harness;
  const api = () => request(h.runtime.url);

  beforeAll(async () => {
    h = await startHarness({ readYourWritesTimeoutMs: 300 });
  });
  afterAll(() => h.close());

  it('answers a query with the write it waited for', async () => {
    const seller = await h.person('salesperson');
    const registered = await api()
      .post('/v1/clients')
      .set('Authorization', seller.auth)
      .send({ name: 'Fresh Ltd', ownerId: seller.personId })
      .expect(201);
    const clientId = registered.body.ids.clientId as string;

    const read = await api()
      .get(`/v1/clients/${clientId}`)
      .set('Authorization', seller.auth)
      .set('X-Custody-Min-Position', registered.headers['x-custody-position']!);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).toContain('Fresh Ltd');

    const far = await api()
      .get(`/v1/clients/${clientId}?minPosition=999999999`)
      .set('Authorization', seller.auth);
    expect([503, 504]).toContain(far.status);
    expect(far.body.code).toBe('query.not-caught-up');
  });

  it('documents command and query routes in one OpenAPI document', async () => {
    const document = await api().get('/v1/openapi.json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/v1/clients', '/v1/clients/{clientId}', '/v1/tokens']),
    );
  });
});
