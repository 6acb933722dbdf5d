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
