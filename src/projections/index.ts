import type { Database } from 'better-sqlite3';
import { allProjections } from '../../projections';
import type { DomainSettings } from '../domain/settings';
import type { EventStore } from '../eventstore/port';
import type { Logger } from '../log';
import { ProjectionEngine } from './engine';
import type { ParallelFold } from './parallel-fold';
import { ReadModelOwnershipLookup } from './queries/ownership-lookup';
import { ReadModels } from './read-models';

export * from './dispute-report';
export * from './dispute-report-render';
export * from './engine';
export * from './parallel-fold';
export { ReadModelOwnershipLookup } from './queries/ownership-lookup';
export * from './read-models';

export interface ProjectionRuntimeOptions {
  readonly store: EventStore;
  /** The embedded store's `database`, or a file path next to an EventStoreDB log. */
  readonly database: Database | string;
  readonly settings: DomainSettings;
  readonly logger?: Logger;
  /** Lets a rebuild fold some projections on another thread. */
  readonly parallel?: ParallelFold;
}

export interface ProjectionRuntime {
  readonly engine: ProjectionEngine;
  readonly readModels: ReadModels;
  readonly ownershipLookup: ReadModelOwnershipLookup;
}

/**
 * The engine running every Custody projection, with the typed read models
 * and the ownership lookup over it. Call `engine.start()` before serving.
 */
export const createProjectionRuntime = (
  options: ProjectionRuntimeOptions,
): ProjectionRuntime => {
  const engine = new ProjectionEngine({
    store: options.store,
    database: options.database,
    projections: allProjections(options.settings.strength),
    ...(options.logger ? { logger: options.logger } : {}),
    ...(options.parallel ? { parallel: options.parallel } : {}),
  });
  const readModels = new ReadModels(engine);
  return {
    engine,
    readModels,
    ownershipLookup: new ReadModelOwnershipLookup(readModels),
  };
};
