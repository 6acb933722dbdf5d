#!/usr/bin/env node
// The `custody` executable. The sources are TypeScript; tsx compiles them on
// load so that a clean clone runs with `npm install` alone, no build step.
require('tsx/cjs');
require('../src/cli/main.ts');
