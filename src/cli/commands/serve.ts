import type { Command } from 'commander';
import { createLogger } from '../../log';
import { startRuntime } from '../../runtime';
import type { CliContext } from '../context';
import { cliConfig } from '../open-store';

export const registerServe = (program: Command, context: CliContext): void => {
  program
    .command('serve')
    .description(
      'run the API, the dashboard and the projections (PORT, HOST, CUSTODY_STORE)',
    )
    .option('--port <port>', 'port to listen on (overrides PORT)')
    .action(async (flags: { port?: string }, command: Command) => {
      const globals = context.globals(command);
      const env =
        flags.port === undefined
          ? context.io.env
          : { ...context.io.env, PORT: flags.port };
      const config = cliConfig({ store: globals.store }, env);
      const logger = createLogger({
        level: globals.verbose ? 'debug' : (config.logLevel ?? 'info'),
      });
      const runtime = await startRuntime(config, { logger });
      const where =
        config.store.kind === 'embedded'
          ? config.store.path
          : config.store.connectionString.replace(/\/\/[^@/]*@/, '//');
      context.io.out(`custody is serving ${runtime.url} (store: ${where})\n`);
      if (runtime.bootstrapToken !== undefined) {
        const { token } = runtime.bootstrapToken;
        context.io.out(
          [
            '',
            'First start: an administrator was created. Their API token, shown this once:',
            '',
            `  ${token}`,
            '',
            'Next:',
            `  curl -H "Authorization: Bearer ${token}" ${runtime.url}/v1/clients`,
            `  open ${runtime.url}/ in a browser and paste the token`,
            '  custody demo --store <new file>   generates a demo company to explore',
            '  custody token issue --person <email>   issues tokens for other people',
            '',
          ].join('\n'),
        );
      }
    });
};
