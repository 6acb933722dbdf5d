import { Command, CommanderError } from 'commander';
import { createCliLogger, isDebug } from './cli-logger';
import { registerDemo } from './commands/demo';
import { registerExport } from './commands/export';
import { registerImport } from './commands/import';
import { registerMigrate } from './commands/migrate';
import { registerPolicy } from './commands/policy';
import { registerRebuild } from './commands/rebuild';
import { registerReplay } from './commands/replay';
import { registerServe } from './commands/serve';
import { registerToken } from './commands/token';
import type { CliContext, GlobalOptions } from './context';
import { classifyError, exitCodes } from './exit-codes';
import { type CliIo, processIo } from './io';

/** Builds the `custody` program; every subcommand registers itself. */
export const buildProgram = (context: CliContext): Command => {
  const program = new Command('custody')
    .description('Custody: the customer-ownership ledger')
    .option(
      '--store <store>',
      'event store: a file path, :memory: or esdb://host:2113 (overrides CUSTODY_STORE)',
    )
    .option('--verbose', 'debug logs on stderr, and stack traces on failure')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => context.io.out(text),
      writeErr: (text) => context.io.err(text),
      // The error line is written by runCli, once, in the `custody: ...` form.
      outputError: () => {},
    });
  for (const register of [
    registerServe,
    registerImport,
    registerExport,
    registerMigrate,
    registerReplay,
    registerRebuild,
    registerToken,
    registerDemo,
    registerPolicy,
  ]) {
    register(program, context);
  }
  return program;
};

/** Runs the CLI with the arguments after the executable; resolves to the exit code. */
export const runCli = async (
  args: readonly string[],
  io: CliIo = processIo(),
): Promise<number> => {
  let globals: GlobalOptions = {};
  const context: CliContext = {
    io,
    globals: (command) => {
      globals = command.optsWithGlobals<GlobalOptions>();
      return globals;
    },
    logger: (level) =>
      createCliLogger(io.env, {
        verbose: globals.verbose === true,
        ...(level ? { level } : {}),
      }),
  };
  const program = buildProgram(context);
  try {
    await program.parseAsync([...args], { from: 'user' });
    return exitCodes.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return exitCodes.ok;
      if (error.code === 'commander.executeSubCommandAsync') return exitCodes.failure;
      if (error.code === 'commander.help') return exitCodes.usage;
    }
    const { exitCode, message } = classifyError(error);
    io.err(`custody: ${message}\n`);
    const verbose = globals.verbose === true || args.includes('--verbose');
    if (
      exitCode !== exitCodes.usage &&
      isDebug(io.env, verbose) &&
      error instanceof Error
    ) {
      io.err(`${error.stack ?? ''}\n`);
    }
    return exitCode;
  }
};
