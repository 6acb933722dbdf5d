import type { Command } from 'commander';
import { CustodyError } from '../../errors';
import { copyLog } from '../../migrate/copy-log';
import { verifyCopy } from '../../migrate/verify-copy';
import type { CliContext } from '../context';
import { openStoreAt } from '../open-store';
import { createProgress } from '../progress';
import { userError } from '../user-error';

interface MigrateFlags {
  readonly from: string;
  readonly to: string;
  readonly verify: boolean;
}

export const registerMigrate = (program: Command, context: CliContext): void => {
  program
    .command('migrate')
    .description(
      'copy the whole event log from one store to another (embedded or EventStoreDB), keeping ids, order and metadata; resumable',
    )
    .requiredOption('--from <store>', 'source store: a file path or esdb://...')
    .requiredOption('--to <store>', 'target store: a file path or esdb://...')
    .option('--no-verify', 'skip comparing every stream of both logs at the end')
    .addHelpText(
      'after',
      '\nRunning it again after an interruption continues where it stopped; events already copied are skipped.',
    )
    .action(async (flags: MigrateFlags, command: Command) => {
      context.globals(command);
      if (flags.from === flags.to) {
        throw userError('migrate.same-store', '--from and --to name the same store');
      }
      const logger = context.logger();
      const source = openStoreAt(flags.from, context.io.env, logger);
      const target = openStoreAt(flags.to, context.io.env, logger);
      const progress = createProgress(context.io, 'migrate');
      try {
        const head = await source.store.headPosition();
        progress.start(head === undefined ? 0 : Number(head.commit));
        const result = await copyLog(source.store, target.store, {
          // The embedded store commits appends in arrival order; EventStoreDB may not.
          window: target.kind === 'embedded' ? 64 : 1,
          onProgress: (copied, skipped) => progress.update(copied + skipped),
        });
        progress.stop();
        context.io.out(
          `copied ${result.copied} events (${result.skipped} were already in the target)\n`,
        );
        if (!flags.verify) return;
        const check = await verifyCopy(source.store, target.store);
        if (check.mismatches.length > 0 || check.sourceEvents !== check.targetEvents) {
          for (const line of check.mismatches.slice(0, 20)) context.io.err(`${line}\n`);
          throw new CustodyError(
            'conflict',
            'migrate.verify-failed',
            `the target differs from the source: ${check.mismatches.length} streams differ, ${check.sourceEvents} events in the source and ${check.targetEvents} in the target`,
          );
        }
        context.io.out(
          `verified: ${check.targetEvents} events in ${check.streams} streams, same ids and revisions\n`,
        );
      } finally {
        progress.stop();
        await Promise.all([source.store.close(), target.store.close()]);
      }
    });
};
