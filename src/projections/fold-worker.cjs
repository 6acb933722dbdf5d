// Entry point of the projection fold thread (see parallel-fold.ts). Worker
// threads do not inherit the TypeScript loader of the process that started
// them, so register it before loading the TypeScript fold.
require('tsx/cjs');
require('./fold-worker.ts');
