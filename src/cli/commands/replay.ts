import type { Command } from 'commander';
import type { CliContext } from '../context';

export const registerReplay = (program: Command, _context: CliContext): void => {
  program.command('replay').description('replay (wiring in progress)');
};
