#!/usr/bin/env node
// lofte's command line: the build's bundle of src/cli/main.ts (see scripts/bundle.mjs).
import '../dist/lofte.js';
