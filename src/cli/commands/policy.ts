import type { Command } from 'commander';
import { createCommandBus } from '../../commands';
import { caughtUpWith, renderPolicyReport, runPolicy } from '../../policy';
import { createProjectionRuntime } from '../../projections';
import type { CliContext } from '../context';
import { parseInstant } from '../option-parsers';
import { withStore } from '../with-store';

interface PolicyRunFlags {
  readonly dryRun?: boolean;
  readonly at?: Date;
}

export const registerPolicy = (program: Command, context: CliContext): void => {
  const policy = program
    .command('policy')
    .description('the pool policy: release neglected clients, expire stale handovers');

  policy
    .command('run')
    .description(
      'run the pool policy once: release neglected clients, expire handovers ' +
        'past their expiry, list the owners to warn',
    )
    .option('--dry-run', 'decide and print, write nothing')
    .option(
      '--at <date>',
      'decide as of this instant (default: now)',
      parseInstant('--at'),
    )
    .action(async (flags: PolicyRunFlags, command: Command) => {
      await withStore(context, command, async ({ config, opened, logger }) => {
        const { store } = opened;
        const settings = config.domain;
        // Read models built in memory for this run, as an export does: safe
        // beside a server running on the same store.
        const { engine, readModels, ownershipLookup } = createProjectionRuntime({
          store,
          database: ':memory:',
          settings,
          logger,
        });
        await engine.start();
        try {
          const report = await runPolicy(
            {
              bus: createCommandBus({ store, lookup: ownershipLookup, settings, logger }),
              source: engine,
              settings: settings.pool,
              catchUp: caughtUpWith(store, engine),
              logger,
            },
            { now: flags.at ?? new Date(), dryRun: flags.dryRun === true },
          );
          context.io.out(
            renderPolicyReport(report, (personId) => readModels.personName(personId)),
          );
        } finally {
          await engine.close();
        }
      });
    });
};
