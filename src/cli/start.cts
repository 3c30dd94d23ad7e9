// Starts the bundled command line (dist/lofte.cjs) with V8's code cache beside it. A run of lofte
// on one repository is mostly code running for the first time: compiling it is a large part of
// the start. V8 can save the compiled code of a script and take it back the next time, but Node 20
// offers that for CommonJS scripts run through `vm` only (no cache for ES modules until Node 22),
// hence this small CommonJS loader and a CommonJS bundle.
//
// The cache is written next to the bundle, when there was none or V8 refused the one there (a new
// Node version, a new build): only whoever can change lofte's own code can change it. Written
// whole (temp file + rename) at exit, so it holds the code this run compiled; where the folder is
// not writable, lofte runs as well, only without the cache.

import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAscii } from 'node:buffer';
import Module = require('node:module');
import vm = require('node:vm');
import path = require('node:path');

/** Where the code cache of a bundle is kept. */
export const cacheFileOf = (bundle: string): string => `${bundle}.v8-cache`;

type ModuleWrapper = (exports: object, require: NodeJS.Require, module: { exports: object }, filename: string, dirname: string) => void;

/**
 * Set once lofte has changed V8's flags while it runs (`report` limits heap growth, see
 * src/util/collect.ts). V8 takes a code cache back only under the flags it was made with: a cache
 * made from then on would be refused by every ordinary run, which would write its own, and the next
 * `report` refuse that one. So none is written after such a change.
 */
let flagsChanged = false;

/** Says that V8's flags are being changed (call it before changing them). */
export function changingFlags(): void {
  flagsChanged = true;
}

/**
 * Runs a CommonJS file as Node would, with V8's code cache beside it (see above); returns its
 * exports. Also for the schemas' precompiled validators (src/schema/validators.ts): compiling
 * them and their first calls took some 15 ms of every check that validates a document, 8 with
 * the cache. V8 checks a cache against the source's length only: a build that writes a new file
 * removes the old cache beside it.
 */
export function load(file: string): unknown {
  const cacheFile = cacheFileOf(file);
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The build writes its files in ASCII (scripts/ascii.mjs): read as one-byte text, which skips
  // decoding UTF-8; any other text is decoded as UTF-8.
  const bytes = readFileSync(file);
  const source = isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
  const script = new vm.Script(Module.wrap(source), { filename: file, cachedData });
  if (!flagsChanged && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => {
      if (flagsChanged) return;
      // Worker threads share the process id: each writer has a temporary file of its own.
      const tmp = `${cacheFile}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, cacheFile);
      } catch {
        rmSync(tmp, { force: true });
      }
    });
  }
  const wrapper = script.runInThisContext() as ModuleWrapper;
  const module = { exports: {} };
  wrapper.call(module.exports, module.exports, Module.createRequire(file), module, file, path.dirname(file));
  return module.exports;
}

export function start(bundle: string): void {
  load(bundle);
}
