// The process entry: connects run() to this process. The build bundles it (with everything it
// loads) into dist/lofte.cjs, which bin/lofte.js runs with V8's code cache.

import { processIo } from './io.js';
import { run } from './run.js';

void run(process.argv.slice(2), processIo()).then((code) => {
  process.exitCode = code;
});
