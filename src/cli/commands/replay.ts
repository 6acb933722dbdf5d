import { type Command, Option } from 'commander';
import { stream } from '../../domain/events/primitives';
import { StreamNotFoundError } from '../../eventstore/errors';
import type { EventStore } from '../../eventstore/port';
import {
  buildDisputeReport,
  renderDisputeMarkdown,
  renderDisputeText,
} from '../../projections';
import type { CliContext } from '../context';
import { LedgerIndex } from '../import/ledger-index';
import { parseInstant } from '../option-parsers';
import { knownAt } from '../replay/known-at-store';
import { personNamesFor } from '../replay/person-names';
import { userError } from '../user-error';
import { withStore } from '../with-store';

interface ReplayFlags {
  readonly client: string;
  readonly asOf?: Date;
  readonly knownAt?: Date;
  readonly format: 'text' | 'markdown' | 'json';
}

export const registerReplay = (program: Command, context: CliContext): void => {
  program
    .command('replay')
    .description(
      "replay a client's history: owner, ownership intervals, relationships, quotes and late entries as of a date (the dispute report)",
    )
    .requiredOption('--client <client>', 'the client: its id, external id or name')
    .option(
      '--as-of <date>',
      'what had happened by this instant (default: now)',
      parseInstant('--as-of'),
    )
    .option(
      '--known-at <date>',
      'only what the ledger had recorded by this instant (default: everything recorded)',
      parseInstant('--known-at'),
    )
    .addOption(
      new Option('--format <format>', 'output format')
        .choices(['text', 'markdown', 'json'])
        .default('text'),
    )
    .action(async (flags: ReplayFlags, command: Command) => {
      await withStore(context, command, async ({ config, opened }) => {
        const clientId = await resolveClient(opened.store, flags.client);
        const clientStream = stream.client(clientId);
        const store =
          flags.knownAt === undefined
            ? opened.store
            : knownAt(opened.store, flags.knownAt.getTime());
        let personName: Awaited<ReturnType<typeof personNamesFor>>;
        try {
          personName = await personNamesFor(store, clientStream);
        } catch (error) {
          if (error instanceof StreamNotFoundError) {
            throw userError('replay.unknown-client', `no client ${flags.client}`);
          }
          throw error;
        }
        const report = await buildDisputeReport({
          store,
          clientId,
          at: (flags.asOf ?? new Date()).getTime(),
          model: config.domain.strength,
          personName,
        });
        const rendered =
          flags.format === 'json'
            ? JSON.stringify(report, null, 2)
            : flags.format === 'markdown'
              ? renderDisputeMarkdown(report)
              : renderDisputeText(report);
        context.io.out(rendered.endsWith('\n') ? rendered : `${rendered}\n`);
      });
    });
};

const ulidPattern = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** An id is taken as given; an external id or a name is looked up in the log. */
const resolveClient = async (store: EventStore, reference: string): Promise<string> => {
  if (ulidPattern.test(reference)) return reference;
  const client = (await LedgerIndex.load(store)).client(reference);
  if (client === undefined)
    throw userError('replay.unknown-client', `no client ${reference}`);
  return client.id;
};
