import type { Command } from 'commander';
import type { CliContext } from '../context';

export const registerRebuild = (program: Command, _context: CliContext): void => {
  program.command('rebuild').description('rebuild (wiring in progress)');
};
