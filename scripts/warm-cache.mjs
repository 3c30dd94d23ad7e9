// Build step: runs the new bundle once on an example, so V8's code cache beside it (see
// src/cli/start.cts) holds what a `lofte validate` compiles; without this the first run after a
// build writes the cache, and a first run of `lofte --version` would keep it nearly empty.
// Also a smoke test of the bundle: the build fails if the example does not validate cleanly.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = spawnSync(process.execPath, [path.join(root, 'bin', 'lofte.js'), 'validate', path.join(root, 'examples', 'parken')], { cwd: root, encoding: 'utf8' });
if (run.status !== 0) {
  process.stderr.write(`warm-cache: lofte validate examples/parken exited with ${run.status}\n${run.stdout}${run.stderr}`);
  process.exit(1);
}
if (!existsSync(path.join(root, 'dist', 'lofte.cjs.v8-cache'))) process.stderr.write('warm-cache: no code cache was written (is dist/ writable?)\n');
