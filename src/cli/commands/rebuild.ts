import type { Command } from 'commander';
import { formatPosition } from '../../eventstore/position';
import {
  canFoldInParallel,
  createProjectionRuntime,
  workerFold,
} from '../../projections';
import { readModelDatabaseOf } from '../../runtime';
import type { CliContext } from '../context';
import { createProgress } from '../progress';
import { withStore } from '../with-store';

export const registerRebuild = (program: Command, context: CliContext): void => {
  program
    .command('rebuild')
    .description(
      'rebuild every read model from the start of the log (stop the server first)',
    )
    .action(async (_flags: unknown, command: Command) => {
      await withStore(context, command, async ({ config, opened, logger }) => {
        const { engine } = createProjectionRuntime({
          store: opened.store,
          database: readModelDatabaseOf(opened),
          settings: config.domain,
          logger,
          ...(canFoldInParallel(config.store)
            ? {
                parallel: workerFold({
                  store: config.store,
                  strength: config.domain.strength,
                }),
              }
            : {}),
        });
        const progress = createProgress(context.io, 'rebuild');
        const head = await opened.store.headPosition();
        progress.start(1000);
        try {
          const result = await engine.rebuild({
            onProgress: ({ fraction }) => progress.update(Math.round(fraction * 1000)),
          });
          progress.update(1000);
          progress.stop();
          context.io.out(
            `rebuilt the read models from ${result.events} events (log head ${head === undefined ? 'empty' : formatPosition(head)})\n`,
          );
        } finally {
          progress.stop();
          await engine.close();
        }
      });
    });
};
