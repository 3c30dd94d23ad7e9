// The process entry: connects run() to this process. The build bundles it (with everything it
// loads at start-up) into dist/lofte.js, which bin/lofte.js runs.

import { processIo } from './io.js';
import { run } from './run.js';

process.exitCode = await run(process.argv.slice(2), processIo());
