// Build step: runs the new bundle on examples/parken, so V8's code cache beside it (see
// src/cli/start.cts) holds what a `lofte validate` compiles; without this the first run after a
// build writes the cache, and a first run of `lofte --version` would keep it nearly empty.
// Also a smoke test of the bundle: the build fails if the example does not validate cleanly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(root, 'bin', 'lofte.js');
const run = spawnSync(process.execPath, [bin, 'validate', path.join(root, 'examples', 'parken')], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(`warm-cache: lofte validate examples/parken exited with ${run.status}\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
// Then examples/trasig, which has mistakes on purpose (exit code 1): the first run to need the exact
// YAML parser writes the code cache of dist/yaml.cjs (see src/util/lazy.ts). The bundle's cache is
// the clean run's: a larger one is read by every run.
const warm = spawnSync(process.execPath, [bin, 'validate', path.join(root, 'examples', 'trasig')], { cwd: root, encoding: 'utf8' });
if (warm.status !== 1) {
  process.stderr.write(`warm-cache: lofte validate examples/trasig exited with ${warm.status} (expected 1)\n${warm.stdout}${warm.stderr}`);
  process.exit(1);
}
for (const file of ['lofte.cjs.v8-cache', 'yaml.cjs.v8-cache']) if (!existsSync(path.join(root, 'dist', file))) process.stderr.write(`warm-cache: no code cache dist/${file} was written (is dist/ writable?)\n`);
