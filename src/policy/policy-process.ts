import type { CommandBus } from '../domain/commands/context';
import type { DomainSettings } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import type { Logger } from '../log';
import type { ProjectionEngine } from '../projections/engine';
import { caughtUpWith, runPolicy } from './run-policy';
import {
  type PolicySchedule,
  type PolicyScheduler,
  startPolicyScheduler,
} from './scheduler';

export interface PolicyProcessDeps {
  readonly bus: CommandBus;
  readonly store: EventStore;
  readonly engine: ProjectionEngine;
  readonly settings: DomainSettings;
  readonly logger: Logger;
}

/**
 * The pool policy as the server runs it: on the schedule, against the live
 * read models (each run first waits for them to reach the log's head), at the
 * clock's time. Stop it before the engine and the store close.
 */
export const startPolicyProcess = (
  deps: PolicyProcessDeps,
  schedule: PolicySchedule,
): PolicyScheduler => {
  const runDeps = {
    bus: deps.bus,
    source: deps.engine,
    settings: deps.settings.pool,
    catchUp: caughtUpWith(deps.store, deps.engine),
    logger: deps.logger,
  };
  return startPolicyScheduler(
    () => runPolicy(runDeps, { now: new Date() }),
    schedule,
    deps.logger,
  );
};
