import type { Command } from 'commander';
import { openTokenService, type TokenService } from '../../auth/token-service';
import type { CliContext } from '../context';
import { LedgerIndex } from '../import/ledger-index';
import { userError } from '../user-error';
import { type StoreSession, withStore } from '../with-store';

const withTokens = <T>(
  context: CliContext,
  command: Command,
  work: (tokens: TokenService, session: StoreSession) => Promise<T>,
): Promise<T> =>
  withStore(context, command, async (session) => {
    const tokens = await openTokenService({
      store: session.opened.store,
      logger: session.logger,
    });
    try {
      return await work(tokens, session);
    } finally {
      await tokens.close();
    }
  });

export const registerToken = (program: Command, context: CliContext): void => {
  const token = program.command('token').description('issue, revoke and list API tokens');

  token
    .command('issue')
    .description('issue a token for a person; the secret is shown once')
    .requiredOption('--person <person>', 'person id or email')
    .option('--label <label>', 'what the token is for', 'cli')
    .action(async (flags: { person: string; label: string }, command: Command) => {
      await withTokens(context, command, async (tokens, { opened }) => {
        const index = await LedgerIndex.load(opened.store);
        const person = index.person(flags.person);
        if (person === undefined)
          throw userError('token.unknown-person', `no person ${flags.person}`);
        const issued = await tokens.issueToken({
          personId: person.id,
          label: flags.label,
        });
        context.io.out(
          `token ${issued.tokenId} for ${person.email} (${issued.role}):\n${issued.token}\nKeep it safe: it is shown only once.\n`,
        );
      });
    });

  token
    .command('revoke')
    .description('revoke a token')
    .argument('<tokenId>', 'the token id (not the secret)')
    .action(async (tokenId: string, _flags: unknown, command: Command) => {
      await withTokens(context, command, async (tokens) => {
        const { revoked } = await tokens.revokeToken(tokenId);
        context.io.out(
          revoked ? `revoked ${tokenId}\n` : `${tokenId} was revoked already\n`,
        );
      });
    });

  token
    .command('list')
    .description('list tokens (never their secrets)')
    .option('--json', 'as JSON')
    .action(async (flags: { json?: boolean }, command: Command) => {
      await withTokens(context, command, async (tokens) => {
        const list = tokens.listTokens();
        if (flags.json) {
          context.io.out(`${JSON.stringify(list, null, 2)}\n`);
          return;
        }
        context.io.out(
          'tokenId                     personId                    role         active  issuedAt                  label\n',
        );
        for (const entry of list) {
          context.io.out(
            `${entry.tokenId}  ${entry.personId}  ${(entry.role ?? '-').padEnd(11)}  ${String(entry.active).padEnd(6)}  ${entry.issuedAt.padEnd(24)}  ${entry.label}\n`,
          );
        }
      });
    });
};
