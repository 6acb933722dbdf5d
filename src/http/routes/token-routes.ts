import { z } from 'zod';
import type { TokenService } from '../../auth/token-service';
import {
  personIdSchema,
  shortTextSchema,
  ulidSchema,
} from '../../domain/events/primitives';
import { defineRoute, type RouteDefinition } from '../route';

/**
 * API tokens, for administrators: the same service the CLI uses. A new
 * token's secret is in the answer once and never again.
 */

const issuedSchema = z.object({
  tokenId: z.string(),
  token: z.string().describe('The secret: shown once, store it now'),
  personId: z.string(),
  role: z.string(),
});

const summarySchema = z.object({
  tokenId: z.string(),
  personId: z.string(),
  label: z.string(),
  issuedAt: z.string(),
  revokedAt: z.string().nullable(),
  role: z.string().nullable(),
  active: z.boolean(),
});

export const tokenRoutes = (tokens: TokenService): RouteDefinition[] => [
  defineRoute({
    method: 'post',
    path: '/tokens',
    operationId: 'issueToken',
    summary: 'Issue a token to a person',
    tags: ['tokens'],
    roles: ['admin'],
    body: z.strictObject({ personId: personIdSchema, label: shortTextSchema.optional() }),
    response: issuedSchema,
    successStatus: 201,
    async handle({ body, principal }) {
      const issued = await tokens.issueToken({
        personId: body.personId,
        ...(body.label === undefined ? {} : { label: body.label }),
        by: {
          actor: { personId: principal.personId, role: principal.role },
          source: 'api',
        },
      });
      return { status: 201, body: issued, headers: { 'Cache-Control': 'no-store' } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/tokens',
    operationId: 'listTokens',
    summary: 'List tokens',
    tags: ['tokens'],
    roles: ['admin'],
    response: z.object({ tokens: z.array(summarySchema) }),
    handle: async () => ({ body: { tokens: tokens.listTokens() } }),
  }),
  defineRoute({
    method: 'post',
    path: '/tokens/:tokenId/revoke',
    operationId: 'revokeToken',
    summary: 'Revoke a token',
    tags: ['tokens'],
    roles: ['admin'],
    params: z.strictObject({ tokenId: ulidSchema }),
    body: z.strictObject({}),
    response: z.object({ revoked: z.boolean() }),
    async handle({ params, principal }) {
      const by = {
        actor: { personId: principal.personId, role: principal.role },
        source: 'api' as const,
      };
      return { body: await tokens.revokeToken(params.tokenId, by) };
    },
  }),
];
