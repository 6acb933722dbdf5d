import request from 'supertest';
import { z } from 'zod';
import { createApp } from '../../src/http/app';
import { defineRoute, type RouteDefinition } from '../../src/http/route';
import { commandRoutes } from '../../src/http/routes/commands';
import { createFakeBus } from './fake-bus';
import { openStoreAndTokens } from './fixtures';

type Json = Record<string, unknown>;

/** Every `$ref` in the document, wherever it sits. */
const refsOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    key === '$ref' && typeof item === 'string' ? [item] : refsOf(item),
  );
};

const resolve = (document: Json, ref: string): unknown =>
  ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, segment) => (node as Json | undefined)?.[segment], document);

const recursiveNode: z.ZodType = z.lazy(() =>
  z.object({ name: z.string(), children: z.array(recursiveNode) }),
);

const queryRoute = defineRoute({
  method: 'get',
  path: '/trees/:treeId',
  operationId: 'getTree',
  summary: 'Read a tree',
  tags: ['trees'],
  roles: ['manager'],
  params: z.object({ treeId: z.string() }),
  query: z.object({ depth: z.coerce.number().int().optional() }),
  response: recursiveNode,
  consistency: 'read-model',
  handle: async () => ({ body: {} }),
});

describe('OpenAPI document', () => {
  let env: Awaited<ReturnType<typeof openStoreAndTokens>>;
  let routes: RouteDefinition[];
  let document: Json;

  beforeAll(async () => {
    env = await openStoreAndTokens();
    routes = [...commandRoutes(createFakeBus().bus), queryRoute];
    const app = createApp({ routes, authenticator: env.tokens, store: env.store });
    const response = await request(app).get('/v1/openapi.json').expect(200);
    document = response.body;
  });
  afterAll(() => env.close());

  it('is OpenAPI 3.1 with a bearer scheme, served without a token', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components).toMatchObject({
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
    });
  });

  it('lists every route with its parameters, body and responses', () => {
    const paths = document.paths as Record<string, Record<string, Json>>;
    for (const route of routes) {
      const path = `/v1${route.path.replace(/:(\w+)/g, '{$1}')}`;
      const operation = paths[path]?.[route.method];
      expect(operation).toBeDefined();
      expect(operation?.operationId).toBe(route.operationId);
      const parameters = operation?.parameters as Json[];
      for (const name of route.path.match(/:(\w+)/g) ?? []) {
        expect(parameters).toContainEqual(
          expect.objectContaining({ name: name.slice(1), in: 'path', required: true }),
        );
      }
      const responses = operation?.responses as Json;
      expect(Object.keys(responses)).toEqual(
        expect.arrayContaining(['400', '401', '403']),
      );
      if (route.body !== undefined) {
        const body = operation?.requestBody as Json;
        expect(body).toMatchObject({
          content: { 'application/json': { schema: { type: 'object' } } },
        });
      }
    }
  });

  it('documents the command headers and the read-your-writes parameters', () => {
    const paths = document.paths as Record<string, Record<string, Json>>;
    const claim = paths['/v1/clients/{clientId}/claim']?.post?.parameters as Json[];
    expect(claim.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['Idempotency-Key', 'If-Match']),
    );
    const tree = paths['/v1/trees/{treeId}']?.get?.parameters as Json[];
    expect(tree.map((parameter) => parameter.name)).toEqual(
      expect.arrayContaining(['depth', 'minPosition', 'X-Custody-Min-Position']),
    );
  });

  it('lists the error codes problems carry', () => {
    const codes = (document['x-error-codes'] as { code: string }[]).map(
      (entry) => entry.code,
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'validation.failed',
        'auth.unauthenticated',
        'client.not-found',
      ]),
    );
  });

  it('resolves every $ref from the document root', () => {
    const refs = refsOf(document);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      expect(ref.startsWith('#/')).toBe(true);
      expect(resolve(document, ref)).toBeDefined();
    }
  });
});
