import type { JsonSchema } from './json-schema';

/** The problem+json body every error answer has. */
export const problemSchema: JsonSchema = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', description: 'URI naming the problem type' },
    title: { type: 'string' },
    status: { type: 'integer', minimum: 400, maximum: 599 },
    code: {
      type: 'string',
      description: 'Stable error code, for example validation.failed or client.not-found',
    },
    detail: { type: 'string', description: 'What went wrong, for a person to read' },
    instance: {
      type: 'string',
      description: 'Identifies this occurrence (the request id)',
    },
    errors: {
      type: 'array',
      description: 'The offending fields, by path (body.occurredAt, params.clientId)',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: { path: { type: 'string' }, message: { type: 'string' } },
      },
    },
  },
  additionalProperties: true,
};

export const errorStatuses: Readonly<Record<string, string>> = {
  '400': 'The request is malformed or fails validation',
  '401': 'No valid bearer token',
  '403': 'The caller’s role may not do this',
  '404': 'The resource does not exist',
  '409': 'A business rule refuses the command, or another writer got there first',
  '412': 'The If-Match revision no longer holds',
  '413': 'The body is too large',
  '415': 'The body is not JSON',
  '429': 'Too many failed authentication attempts',
  '503': 'The event store or the read models are unavailable',
  '504': 'The read models did not reach the requested position in time',
};

/** Codes the HTTP layer itself answers with, beside the domain's. */
export const httpErrorCodes: readonly { code: string; kind: string; summary: string }[] =
  [
    {
      code: 'validation.failed',
      kind: 'validation',
      summary: 'A field fails its schema',
    },
    {
      code: 'request.malformed-json',
      kind: 'validation',
      summary: 'The body is not JSON',
    },
    {
      code: 'request.malformed',
      kind: 'validation',
      summary: 'The request is malformed',
    },
    {
      code: 'request.invalid-if-match',
      kind: 'validation',
      summary: 'If-Match is not one ETag',
    },
    {
      code: 'request.invalid-idempotency-key',
      kind: 'validation',
      summary: 'Idempotency-Key is not 1 to 200 printable characters',
    },
    { code: 'position.invalid', kind: 'validation', summary: 'A position is malformed' },
    { code: 'auth.unauthenticated', kind: 'unauthenticated', summary: 'No valid token' },
    {
      code: 'auth.rate-limited',
      kind: 'rate-limited',
      summary: 'Too many failed attempts',
    },
    { code: 'route.not-found', kind: 'not-found', summary: 'No such route' },
    { code: 'request.too-large', kind: 'too-large', summary: 'The body is too large' },
    {
      code: 'request.unsupported-media-type',
      kind: 'unsupported-media-type',
      summary: 'The body is not application/json',
    },
    {
      code: 'query.not-caught-up',
      kind: 'timeout',
      summary: 'The read models did not reach the requested position in time',
    },
  ];
