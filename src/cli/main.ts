import { runCli } from './program';

// The entry point loaded by bin/custody.cjs. `serve` keeps the process alive
// through its server; every other command ends by itself with this exit code.
void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
