import { type Request, type Response, Router } from 'express';
import { CustodyError, isCustodyError } from '../errors';
import type { EventStore, Position } from '../eventstore/port';
import { formatPosition } from '../eventstore/position';
import type { HttpMetrics } from './metrics';
import { problemOf, sendProblem } from './problem';

/** How far the read models are, as the projection engine reports it. */
export interface ReadModelStatus {
  readonly position: Position | undefined;
  /** True once the engine has replayed the log that existed when it started. */
  readonly caughtUp: boolean;
  /** Commit positions between the read models and the log's head, when known. */
  readonly behind?: number;
  /** Why the engine stopped, when it failed. */
  readonly failure?: string;
}

export interface HealthDeps {
  readonly store: EventStore;
  readonly readModels?: { status(): ReadModelStatus | Promise<ReadModelStatus> };
  readonly metrics: HttpMetrics;
}

const describeReadModels = (status: ReadModelStatus | undefined) =>
  status === undefined
    ? null
    : {
        position: status.position === undefined ? null : formatPosition(status.position),
        caughtUp: status.caughtUp,
        ...(status.behind === undefined ? {} : { behind: status.behind }),
        ...(status.failure === undefined ? {} : { failure: status.failure }),
      };

/**
 * `/health` says the process is alive (no dependency is checked, so an
 * orchestrator does not restart it for a store outage); `/ready` says it
 * can serve: the store answers and the read models have caught up.
 */
export const healthRouter = (deps: HealthDeps): Router => {
  const router = Router();
  // The engine's status asks the store for its head; with the store down it
  // fails, and readiness should then say so rather than fail itself.
  const readModelStatus = async (): Promise<ReadModelStatus | undefined> => {
    try {
      return await deps.readModels?.status();
    } catch (error) {
      const failure = error instanceof Error ? error.message : String(error);
      return { position: undefined, caughtUp: false, failure };
    }
  };

  router.get('/health', (_req: Request, res: Response) => {
    res.json({ status: 'ok' });
  });

  router.get('/ready', async (_req: Request, res: Response) => {
    const status = await readModelStatus();
    try {
      await deps.store.checkHealth();
    } catch (error) {
      const cause = isCustodyError(error)
        ? error
        : new CustodyError(
            'unavailable',
            'store.unavailable',
            'The event store is unreachable',
          );
      const problem = problemOf(cause);
      sendProblem(res, {
        ...problem,
        status: 503,
        readModels: describeReadModels(status),
      });
      return;
    }
    if (status !== undefined && (!status.caughtUp || status.failure !== undefined)) {
      const error = new CustodyError(
        'unavailable',
        'ready.read-models-catching-up',
        'The read models are still replaying the log, or have failed',
        { details: { readModels: describeReadModels(status) } },
      );
      sendProblem(res, problemOf(error));
      return;
    }
    res.json({ status: 'ready', store: 'ok', readModels: describeReadModels(status) });
  });

  router.get('/metrics', async (_req: Request, res: Response) => {
    const status = await readModelStatus();
    const gauges: Record<string, number> = {};
    if (status?.position !== undefined) {
      gauges.custody_read_model_position = Number(status.position.commit);
    }
    if (status?.behind !== undefined) gauges.custody_read_model_behind = status.behind;
    res.type('text/plain; version=0.0.4').send(deps.metrics.render(gauges));
  });

  return router;
};
