import { createHash } from 'node:crypto';
import type { CommandContext } from '../../../domain/commands/context';
import { CustodyError } from '../../../errors';
import { newUlid } from '../../new-ulid';
import type { ExtraParameter } from '../../openapi/document';
import type { Principal, RouteDefinition } from '../../route';

/**
 * What a command takes from the request beyond its body: the idempotency key
 * and the If-Match revision. Malformed values are refused, never ignored,
 * since ignoring them would silently drop the caller's safety net.
 */

const idempotencyKeyPattern = /^[\x20-\x7E]{1,200}$/;
const ifMatchPattern = /^"(\d{1,15})"$/;

const commandRoutes = new WeakSet<RouteDefinition>();

/** Marks a route as a command, so the OpenAPI document lists its headers. */
export const registerCommandRoute = (route: RouteDefinition): RouteDefinition => {
  commandRoutes.add(route);
  return route;
};

export const idempotencyKeyOf = (value: string | undefined): string => {
  if (value === undefined) return newUlid();
  if (!idempotencyKeyPattern.test(value) || value.trim() === '') {
    throw new CustodyError(
      'validation',
      'request.invalid-idempotency-key',
      'Idempotency-Key must be 1 to 200 printable ASCII characters',
      { path: 'headers.idempotency-key' },
    );
  }
  return value;
};

export const expectedRevisionOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const match = ifMatchPattern.exec(value.trim());
  if (match === null) {
    throw new CustodyError(
      'validation',
      'request.invalid-if-match',
      'If-Match must be one ETag such as "3", as returned in ETag',
      { path: 'headers.if-match' },
    );
  }
  return Number(match[1]);
};

export interface RequestFacts {
  readonly principal: Principal;
  readonly requestId: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/**
 * The command id of a caller's idempotency key, scoped to the caller: two
 * people who happen to pick the same key send two different commands, and
 * nobody can replay (or read the outcome of) someone else's command. Long
 * keys are hashed to keep the id within the 200 characters metadata allows.
 */
export const scopedCommandId = (personId: string, key: string): string => {
  const scoped = `${personId}:${key}`;
  if (scoped.length <= 200) return scoped;
  return `${personId}:sha256:${createHash('sha256').update(key).digest('base64url')}`;
};

/** The command context of an API request: the actor is always the token's person. */
export const commandContextOf = (request: RequestFacts, now: Date): CommandContext => {
  const key = request.headers['idempotency-key'];
  const commandId =
    key === undefined
      ? idempotencyKeyOf(undefined)
      : scopedCommandId(request.principal.personId, idempotencyKeyOf(key));
  const expectedRevision = expectedRevisionOf(request.headers['if-match']);
  return {
    actor: { personId: request.principal.personId, role: request.principal.role },
    commandId,
    correlationId: commandId,
    source: 'api',
    ...(request.requestId === '' ? {} : { requestId: request.requestId }),
    ...(expectedRevision === undefined ? {} : { expectedRevision }),
    now,
  };
};

const headerParameters: readonly ExtraParameter[] = [
  {
    name: 'Idempotency-Key',
    in: 'header',
    description:
      'Identifies the command: resent with the same key, it is recorded once ' +
      'and answered the same',
    schema: { type: 'string', minLength: 1, maxLength: 200 },
  },
  {
    name: 'If-Match',
    in: 'header',
    description: 'The ETag ("<revision>") the target stream must still be at; else 412',
    schema: { type: 'string', pattern: '^"\\d+"$' },
  },
];

export const commandHeaderParameters = (
  route: RouteDefinition,
): readonly ExtraParameter[] => (commandRoutes.has(route) ? headerParameters : []);
