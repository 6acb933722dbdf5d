import type { Command } from 'commander';
import type { CliContext } from '../context';

export const registerToken = (program: Command, _context: CliContext): void => {
  program.command('token').description('token (wiring in progress)');
};
