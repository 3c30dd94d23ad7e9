// Build step: bundles the command line (dist/cli/main.js and what it imports) into dist/lofte.js,
// with the parts loaded only on demand (report, worker pool, …) split into dist/chunk-*.js.
// One file instead of about 90 ES modules saves about 30 ms of every start: resolving, reading
// and compiling each module costs more than the code in it. Run by `npm run build` after tsc.
//
// The bundle lives directly in dist/, so code in it finds the package root (paths.ts) one folder
// up, as the unbundled modules do. Left out of it: the precompiled validators (loaded by path),
// the worker thread's script (dist/check/worker.js, a module graph of its own), and every package
// but the two each run loads at start-up (commander, js-yaml): the others are loaded on demand,
// and Node loads them as it does for the unbundled code, CommonJS named exports included.
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED = new Set(['commander', 'js-yaml']);
const dependencies = Object.keys(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies);
const external = dependencies.filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]);
const dist = path.join(root, 'dist');
for (const name of readdirSync(dist)) if (/^lofte(-.*)?\.js$/.test(name)) rmSync(path.join(dist, name));

await build({
  entryPoints: { lofte: path.join(dist, 'cli', 'main.js') },
  outdir: dist,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  external,
  // CommonJS packages in an ES module bundle call require() for Node's own modules.
  banner: { js: "import { createRequire as __lofteRequire } from 'node:module';\nconst require = __lofteRequire(import.meta.url);" },
  chunkNames: 'lofte-[name]-[hash]',
  legalComments: 'none',
  logLevel: 'warning',
});
