import type { Request } from 'express';
import type { Position } from '../eventstore/port';
import { parsePosition } from '../eventstore/position';

/** What the API needs of the projection engine to honour read-your-writes. */
export interface ReadModelProgress {
  /** Resolves once the read models reached `position`; else `query.not-caught-up`. */
  waitForPosition(position: Position, timeoutMs: number): Promise<void>;
}

export const minPositionHeader = 'x-custody-min-position';
export const minPositionParam = 'minPosition';

/**
 * The position a read-model request must wait for: the header wins over the
 * query parameter. Throws `position.invalid` (400) on a malformed one.
 */
export const requestedMinPosition = (req: Request): Position | undefined => {
  const header = req.headers[minPositionHeader];
  if (typeof header === 'string' && header.trim() !== '') {
    return parsePosition(header, `headers.${minPositionHeader}`);
  }
  const param = (req.query as Record<string, unknown>)[minPositionParam];
  if (param === undefined) return undefined;
  return parsePosition(
    typeof param === 'string' ? param : JSON.stringify(param),
    `query.${minPositionParam}`,
  );
};

/** The query without `minPosition`, which the route's own schema does not know. */
export const queryWithoutMinPosition = (query: unknown): Record<string, unknown> => {
  const rest: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  delete rest[minPositionParam];
  return rest;
};
