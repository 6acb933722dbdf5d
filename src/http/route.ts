import type { z } from 'zod';
import type { Role } from '../domain/events/primitives';

/**
 * A route of the HTTP API, declared with its schemas so that one definition
 * drives validation, authorisation and the OpenAPI document. Feature modules
 * (commands, queries) export lists of these; `src/http/app.ts` mounts them
 * under `/v1` and documents them.
 */

/** The authenticated caller, from the bearer token; never from the body. */
export interface Principal {
  readonly personId: string;
  readonly role: Role;
  readonly tokenId: string;
}

export interface RouteInput<P, Q, B> {
  readonly params: P;
  readonly query: Q;
  readonly body: B;
  readonly principal: Principal;
  readonly requestId: string;
  /** Lower-cased request headers, for the few routes that read one (If-Match, Idempotency-Key). */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

export interface RouteResult {
  /** Defaults to 200. */
  readonly status?: number;
  /** Serialised as JSON unless `contentType` says otherwise (then it must be a string). */
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly contentType?: string;
}

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteDefinition<
  P extends z.ZodType = z.ZodType,
  Q extends z.ZodType = z.ZodType,
  B extends z.ZodType = z.ZodType,
> {
  readonly method: HttpMethod;
  /** Express-style path below `/v1`, for example `/clients/:clientId/contacts`. */
  readonly path: string;
  readonly operationId: string;
  readonly summary: string;
  readonly tags: readonly string[];
  /** Roles allowed to call the route at all; finer checks live in the handler. */
  readonly roles: readonly Role[];
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** Schema of a success body, for the OpenAPI document. */
  readonly response?: z.ZodType;
  readonly successStatus?: number;
  /**
   * `read-model` routes honour the read-your-writes position (the
   * `X-Custody-Min-Position` header or `minPosition` query parameter): they
   * answer only once the projections have reached it.
   */
  readonly consistency?: 'read-model' | 'none';
  handle(input: RouteInput<z.infer<P>, z.infer<Q>, z.infer<B>>): Promise<RouteResult>;
}

/** Keeps a route's generic types while collecting routes into one list. */
export const defineRoute = <
  P extends z.ZodType,
  Q extends z.ZodType,
  B extends z.ZodType,
>(
  route: RouteDefinition<P, Q, B>,
): RouteDefinition => route as unknown as RouteDefinition;
