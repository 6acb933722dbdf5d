import type { Command } from 'commander';
import { Option } from 'commander';
import type { CliContext } from '../context';
import { exportAuditTrail } from '../export/audit-log';
import { exportEventLog } from '../export/event-log';
import { readModelExports, rowsToCsv } from '../export/read-models';
import { parseInstant } from '../option-parsers';
import { openOutput } from '../output';
import { withReadModels } from '../read-model-session';
import { userError } from '../user-error';
import { withStore } from '../with-store';

interface ExportFlags {
  readonly out?: string;
  readonly format: 'csv' | 'json';
  readonly at?: Date;
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
    .option(
      '--at <date>',
      'instant for strength and risk figures (default: now)',
      parseInstant('--at'),
    )
    .addHelpText(
      'after',
      [
        '',
        'events: one JSON object per line: id, stream, revision, position, type, data,',
        "  metadata, recordedAt (the ledger's own, from the metadata).",
        'audit: every event with its stream, actor, source, instants and late flag',
        ...Object.entries(readModelExports).map(
          ([name, e]) => `${name}: ${e.description}`,
        ),
      ].join('\n'),
    )
    .action(async (what: string, flags: ExportFlags, command: Command) => {
      await withStore(context, command, async ({ config, opened, logger }) => {
        const output = openOutput(flags.out, context.io);
        try {
          if (what === 'events') {
            const count = await exportEventLog(opened.store, output);
            if (flags.out !== undefined)
              context.io.err(`exported ${count} events to ${flags.out}\n`);
            return;
          }
          if (what === 'audit') {
            await exportAuditTrail(opened.store, output, flags.format);
            return;
          }
          const chosen = readModelExports[what];
          if (chosen === undefined) {
            throw userError(
              'export.unknown',
              `no read model ${what}; choose events, audit or ${Object.keys(readModelExports).join(', ')}`,
            );
          }
          const at = flags.at?.getTime() ?? Date.now();
          const rows = await withReadModels(
            opened.store,
            config.domain,
            logger,
            (models) => chosen.rows(models, at, config.domain.strength),
          );
          await output.write(
            flags.format === 'json'
              ? `${JSON.stringify(rows, null, 2)}\n`
              : rowsToCsv(rows),
          );
        } finally {
          await output.close();
        }
      });
    });
};
