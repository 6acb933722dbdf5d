import { runCli } from './program';

// A reader that stops early (`custody export events | head`) closes the pipe;
// that is the reader's choice, not a failure.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

// The entry point loaded by bin/custody.cjs. `serve` keeps the process alive
// through its server; every other command ends by itself with this exit code.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
