import { z } from 'zod';
import type { Command, CommandType } from '../../../domain/commands/commands';
import { commandSchemas } from '../../../domain/commands/commands';
import type { CommandBus, CommandOutcome } from '../../../domain/commands/context';
import type { Role } from '../../../domain/events/primitives';
import { CustodyError, isCustodyError } from '../../../errors';
import { formatPosition } from '../../../eventstore/position';
import { defineRoute, type RouteDefinition, type RouteResult } from '../../route';
import { commandContextOf, registerCommandRoute } from './headers';
import { rolesFor } from './roles';

/** How a command is exposed: its path, which ids come from the path, and its wording. */
export interface CommandRouteSpec {
  readonly type: CommandType;
  readonly method?: 'post' | 'patch';
  readonly path: string;
  readonly summary: string;
  readonly tag: string;
  /** True when the command creates something: answered 201. */
  readonly creates?: boolean;
}

export const commandResponseSchema = z.object({
  ids: z.record(z.string(), z.string()),
  revision: z.number().int(),
  position: z.string(),
});

const pathIdsOf = (path: string): string[] =>
  [...path.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);

const answer = (outcome: CommandOutcome, status: number): RouteResult => ({
  status,
  body: {
    ids: outcome.ids,
    revision: outcome.revision,
    position: formatPosition(outcome.position),
  },
  headers: {
    ETag: `"${outcome.revision}"`,
    'X-Custody-Position': formatPosition(outcome.position),
    // A retried command is answered exactly as the first time; only this
    // header tells the caller that nothing new was written.
    ...(outcome.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
  },
});

/** A pinned revision that no longer holds is the caller's precondition, not a race. */
const asPrecondition = (error: unknown): unknown =>
  isCustodyError(error) && error.kind === 'conflict'
    ? new CustodyError('precondition', 'precondition.failed', error.message, {
        details: error.details,
        cause: error,
      })
    : error;

/** A route that runs one command through the bus; ids named in the path come from it. */
export const commandRoute = (
  bus: CommandBus,
  spec: CommandRouteSpec,
): RouteDefinition => {
  const schema = commandSchemas[spec.type] as unknown as z.ZodObject;
  const pathIds = pathIdsOf(spec.path);
  const omitted = Object.fromEntries(pathIds.map((id) => [id, true as const]));
  const params = z.strictObject(
    Object.fromEntries(pathIds.map((id) => [id, schema.shape[id] as z.ZodType])),
  );
  const body = schema.omit(omitted as never);
  const status = spec.creates === true ? 201 : 200;
  const roles: readonly Role[] = rolesFor(spec.type);

  const route = defineRoute({
    method: spec.method ?? 'post',
    path: spec.path,
    operationId: spec.type.charAt(0).toLowerCase() + spec.type.slice(1),
    summary: spec.summary,
    tags: [spec.tag],
    roles,
    params,
    body,
    response: commandResponseSchema,
    successStatus: status,
    consistency: 'none',
    async handle(input) {
      const context = commandContextOf(input, new Date());
      const command = { ...input.body, ...input.params, type: spec.type } as Command;
      try {
        return answer(await bus.execute(command, context), status);
      } catch (error) {
        throw context.expectedRevision === undefined ? error : asPrecondition(error);
      }
    },
  });
  return registerCommandRoute(route);
};
