import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliContext } from '../context';
import { exportEventLog } from '../export/event-log';
import { openOutput } from '../output';
import { withStore } from '../with-store';

interface ExportFlags {
  readonly out?: string;
  readonly format: 'csv' | 'json';
}

export const registerExport = (program: Command, context: CliContext): void => {
  program
    .command('export')
    .description('export the raw event log as JSON lines, or a read model as CSV or JSON')
    .argument('<what>', 'events, or a read model (see below)')
    .option('--out <file>', 'write to this file instead of standard output')
    .addOption(
      new Option('--format <format>', 'read-model format')
        .choices(['csv', 'json'])
        .default('csv'),
    )
    .addHelpText(
      'after',
      '\nevents: one JSON object per line: id, stream, revision, position, type, data, metadata, recordedAt.',
    )
    .action(async (what: string, flags: ExportFlags, command: Command) => {
      await withStore(context, command, async ({ opened }) => {
        const output = openOutput(flags.out, context.io);
        try {
          if (what === 'events') {
            const count = await exportEventLog(opened.store, output);
            if (flags.out !== undefined)
              context.io.err(`exported ${count} events to ${flags.out}\n`);
            return;
          }
          throw new Error(`unknown export ${what}`);
        } finally {
          await output.close();
        }
      });
    });
};
