import { parentPort, workerData } from 'node:worker_threads';
import { allProjections } from '../../projections';
import { openEventStore } from '../eventstore/open';
import { subscribeInPages } from '../eventstore/paged-feed';
import { comparePositions, parsePosition } from '../eventstore/position';
import { detailedTypes, dispatchTable, foldEvent } from './dispatch';
import type { FoldedProjection, FoldWorkerInput } from './parallel-fold';
import { RunningProjection } from './running-projection';
import { SharedEntities } from './shared-entities';

/**
 * Folds the named projections from the start of the log through `until` and
 * posts them back in their persisted form. Runs on a worker thread.
 */
const foldThrough = async (input: FoldWorkerInput): Promise<FoldedProjection[]> => {
  const definitions = allProjections(input.strength).filter((definition) =>
    input.projections.includes(definition.name),
  );
  const shared = new SharedEntities(definitions.length);
  const running = definitions.map(
    (definition, index) => new RunningProjection(definition, index, shared),
  );
  const dispatch = dispatchTable(running);
  const until = parsePosition(input.until);
  const { store } = openEventStore(input.store);
  try {
    const subscription = subscribeInPages(store, {
      from: 'start',
      detailsOnAccess: true,
      detailsFor: detailedTypes(running),
    });
    fold: for await (const message of subscription) {
      // Everything up to the head at subscription time has been delivered,
      // and `until` was the head before the subscription started.
      if (message.kind === 'caught-up') break;
      for (const event of message.events) {
        const order = comparePositions(event.position, until);
        if (order > 0) break fold;
        foldEvent(dispatch, event);
        if (order === 0) break fold;
      }
    }
    await subscription.close();
  } finally {
    await store.close();
  }
  return running.map((projection) => {
    const save = projection.takeSave(until);
    const entries: (readonly [string, string])[] = [];
    for (const [key, value] of save.changes) {
      if (value !== undefined) entries.push([key, JSON.stringify(value)]);
    }
    return {
      name: save.name,
      version: save.checkpoint.version,
      settingsKey: save.checkpoint.settingsKey,
      events: save.checkpoint.events,
      entries,
    };
  });
};

if (parentPort) {
  const port = parentPort;
  foldThrough(workerData as FoldWorkerInput).then(
    (folded) => port.postMessage(folded),
    (error: unknown) => {
      // Reaches the parent as the worker's 'error' event.
      throw error;
    },
  );
}
