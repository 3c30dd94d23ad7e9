#!/usr/bin/env node
// lofte's command line: the build's bundle of src/cli/main.ts, started with V8's code cache (see
// src/cli/start.cts and scripts/bundle.mjs). CommonJS, as bin/package.json says.
'use strict';
const path = require('node:path');

require('../dist/cli/start.cjs').start(path.join(__dirname, '..', 'dist', 'lofte.cjs'));
