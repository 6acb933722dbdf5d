import type { Command } from 'commander';
import type { CliContext } from '../context';

export const registerServe = (program: Command, _context: CliContext): void => {
  program.command('serve').description('serve (wiring in progress)');
};
