import type { Command } from 'commander';
import { openTokenService } from '../../auth/token-service';
import { formatPosition } from '../../eventstore/position';
import type { CliContext } from '../context';
import { defaultDemoOptions } from '../demo/demo-types';
import { runDemo } from '../demo/run-demo';
import { cliBusFactory } from '../ledger-bus';
import { parseCount, parseInstant } from '../option-parsers';
import { createProgress } from '../progress';
import { withStore } from '../with-store';

interface DemoFlags {
  readonly seed: number;
  readonly clients: number;
  readonly salespeople: number;
  readonly months: number;
  readonly end?: Date;
  readonly concurrency: number;
}

/** Midnight UTC today: the default last day of the simulated history. */
const today = (): Date => new Date(Math.floor(Date.now() / 86_400_000) * 86_400_000);

export const registerDemo = (program: Command, context: CliContext): void => {
  program
    .command('demo')
    .description(
      'generate a realistic company (people, clients, two years of activity) into an empty store',
    )
    .option('--seed <n>', 'the same seed gives the same company', parseCount('--seed'), 1)
    .option(
      '--clients <n>',
      'number of clients',
      parseCount('--clients'),
      defaultDemoOptions.clients,
    )
    .option(
      '--salespeople <n>',
      'number of salespeople',
      parseCount('--salespeople'),
      defaultDemoOptions.salespeople,
    )
    .option(
      '--months <n>',
      'months of history',
      parseCount('--months'),
      defaultDemoOptions.months,
    )
    .option(
      '--end <date>',
      'last day of the history (default: today)',
      parseInstant('--end'),
    )
    .option(
      '--concurrency <n>',
      'clients written at once',
      parseCount('--concurrency'),
      128,
    )
    .action(async (flags: DemoFlags, command: Command) => {
      await withStore(context, command, async ({ config, opened, logger }) => {
        const report = await runDemo(
          {
            seed: flags.seed,
            clients: flags.clients,
            salespeople: flags.salespeople,
            months: flags.months,
            end: flags.end ?? today(),
          },
          {
            store: opened.store,
            settings: config.domain,
            createBus: cliBusFactory(config.domain, logger),
            concurrency: flags.concurrency,
            progress: createProgress(context.io, 'demo'),
          },
        );
        for (const refusal of report.firstRefusals)
          context.io.err(`refused: ${refusal}\n`);
        const head = report.head === undefined ? 'empty' : formatPosition(report.head);
        const tokens = await openTokenService({ store: opened.store, logger });
        const lines: string[] = [];
        try {
          for (const person of [report.admin, report.manager]) {
            const issued = await tokens.issueToken({
              personId: person.id,
              label: 'demo',
            });
            lines.push(`  ${person.role.padEnd(8)} ${person.email}: ${issued.token}`);
          }
        } finally {
          await tokens.close();
        }
        context.io.out(
          `demo company: ${report.people} people, ${report.clients} clients, ${report.commands} commands from ${report.start.toISOString().slice(0, 10)} to ${report.end.toISOString().slice(0, 10)}; ${report.refused} refused; log head ${head}\n`,
        );
        context.io.out(
          `API tokens (shown once; more with custody token issue --person <email>):\n${lines.join('\n')}\n`,
        );
      });
    });
};
