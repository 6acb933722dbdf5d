import { type Command, Option } from 'commander';
import type { CliContext } from '../context';
import { formatIssues, formatSummary } from '../import/format-report';
import type { ImportKindName } from '../import/plan-types';
import { ImportRejected, runImport } from '../import/run-import';
import type { SourceFormat } from '../import/source-rows';
import { cliBusFactory } from '../ledger-bus';
import { parseCount } from '../option-parsers';
import { createProgress } from '../progress';
import { withStore } from '../with-store';

interface ImportFlags {
  readonly kind?: ImportKindName;
  readonly format?: SourceFormat;
  readonly skipInvalid?: boolean;
  readonly dryRun?: boolean;
  readonly concurrency?: number;
}

export const registerImport = (program: Command, context: CliContext): void => {
  program
    .command('import')
    .description(
      'import people, clients, historical interactions or quotes from CSV (with a header) or JSON lines',
    )
    .argument(
      '<files...>',
      'files to import, in order (people before clients before the rest)',
    )
    .addOption(
      new Option(
        '--kind <kind>',
        'what the files hold; told from the columns when omitted',
      ).choices(['people', 'clients', 'interactions', 'quotes']),
    )
    .addOption(
      new Option(
        '--format <format>',
        'file format; told from the extension or content',
      ).choices(['csv', 'jsonl']),
    )
    .option(
      '--skip-invalid',
      'write the valid rows and report the others (default: write nothing)',
    )
    .option('--dry-run', 'validate only, write nothing')
    .option(
      '--concurrency <n>',
      'clients written at once',
      parseCount('--concurrency'),
      128,
    )
    .addHelpText(
      'after',
      '\nSee examples/README.md for the columns of each kind. Importing a file twice writes nothing new.',
    )
    .action(async (files: string[], flags: ImportFlags, command: Command) => {
      await withStore(context, command, async ({ config, opened, logger }) => {
        const createBus = cliBusFactory(config.domain, logger);
        for (const file of files) {
          try {
            const report = await runImport(
              {
                file,
                ...(flags.kind ? { kind: flags.kind } : {}),
                ...(flags.format ? { format: flags.format } : {}),
                skipInvalid: flags.skipInvalid === true,
                dryRun: flags.dryRun === true,
                ...(flags.concurrency ? { concurrency: flags.concurrency } : {}),
              },
              {
                store: opened.store,
                settings: config.domain,
                createBus,
                progress: createProgress(context.io, 'import'),
              },
            );
            for (const line of formatIssues(report.file, report.issues)) {
              context.io.err(`${line}\n`);
            }
            context.io.out(
              `${flags.dryRun ? '(dry run) ' : ''}${formatSummary(report)}\n`,
            );
          } catch (error) {
            if (error instanceof ImportRejected) {
              for (const line of formatIssues(error.report.file, error.report.issues)) {
                context.io.err(`${line}\n`);
              }
            }
            throw error;
          }
        }
      });
    });
};
