#!/usr/bin/env node
// lofte's command line: all the work is in run(); this file only connects it to the process.
import { processIo } from '../dist/cli/io.js';
import { run } from '../dist/cli/run.js';

process.exitCode = await run(process.argv.slice(2), processIo());
