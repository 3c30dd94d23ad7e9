// Build step: bundles the command line (dist/cli/main.js and what it imports) into one CommonJS
// file, dist/lofte.cjs, which bin/lofte.js starts with V8's code cache (src/cli/start.cts). One
// file instead of about 90 ES modules saves resolving, reading and compiling each of them; the
// cache then saves compiling the code itself (together about 50 ms of a one-repository run).
// Run by `npm run build` after tsc and the schema compilation.
//
// The bundle lives directly in dist/, so code in it finds the package root (paths.ts) one folder
// up, as the unbundled modules do. Left out of it: the precompiled validators (dist/schema/
// compiled.cjs, loaded by path), the exact YAML parser (dist/yaml.cjs, a file of its own, below),
// the worker thread's script (dist/check/worker.js, a module graph of its own), and the CommonJS
// packages, which Node loads as usual when they are first needed.
// marked and chalk ship only as ES modules, which CommonJS cannot require: they are bundled; the
// modules only some runs need (the report's, chalk) are evaluated only when first imported.
// gray-matter is bundled too: every check of a Markdown file with front matter loads it, and from
// node_modules that took some 40 ms of compiling (most of it the js-yaml 3 it brings, see below).
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeAscii } from './ascii.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED = new Set(['commander', 'js-yaml', 'marked', 'chalk', 'gray-matter']);
const dependencies = Object.keys(JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies);
const external = dependencies.filter((name) => !BUNDLED.has(name)).flatMap((name) => [name, `${name}/*`]);
const dist = path.join(root, 'dist');
// The old bundles, their code caches, and any cache a killed run left half written under a temporary name.
for (const name of readdirSync(dist)) if (/^(lofte(-.*)?|yaml)\.(c?js|cjs\.v8-cache(\.[^.]+\.[^.]+\.tmp)?)$/.test(name)) rmSync(path.join(dist, name));

// commander loads node:child_process when it is loaded, for subcommands that are programs of their
// own, which lofte has none of; loading it costs about 5 ms of every start. In the bundle commander
// gets it on first use instead (lofte's own code loads it lazily too: src/util/lazy.ts).
const LAZY_CHILD_PROCESS = "let m; module.exports = new Proxy({}, { get: (_, key) => (m ??= require('node:child_process'))[key] });";
const lazyChildProcessInCommander = {
  name: 'lazy-child-process-in-commander',
  setup(b) {
    b.onResolve({ filter: /^node:child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'lofte-lazy' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lofte-lazy' }, () => ({ contents: LAZY_CHILD_PROCESS, loader: 'js' }));
  },
};

// gray-matter loads js-yaml 3 for its default YAML engine, which lofte never uses (it passes
// engines of its own, src/load/front-matter.ts): in the bundle that js-yaml is loaded on first use
// instead, from gray-matter's own place in node_modules, so its functions stay what they were.
const LAZY_GRAY_MATTER_YAML = [
  "const { createRequire } = require('node:module');",
  "let m; const load = () => (m ??= createRequire(createRequire(__filename).resolve('gray-matter'))('js-yaml'));",
  'module.exports = new Proxy({}, { get: (_, key) => (...args) => load()[key](...args) });',
].join('\n');
const lazyYamlInGrayMatter = {
  name: 'lazy-yaml-in-gray-matter',
  setup(b) {
    b.onResolve({ filter: /^js-yaml$/ }, (args) => (/[\\/]node_modules[\\/]gray-matter[\\/]/.test(args.importer) ? { path: 'lazy-gray-matter-yaml', namespace: 'lofte-lazy-yaml' } : undefined));
    b.onLoad({ filter: /.*/, namespace: 'lofte-lazy-yaml' }, () => ({ contents: LAZY_GRAY_MATTER_YAML, loader: 'js' }));
  },
};

await build({
  entryPoints: [path.join(dist, 'cli', 'main.js')],
  outfile: path.join(dist, 'lofte.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  external,
  // import.meta.url of the ES module sources: the bundle's own file.
  define: { 'import.meta.url': '__lofteUrl' },
  banner: { js: "const __lofteUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [lazyChildProcessInCommander, lazyYamlInGrayMatter],
});

// yaml, the exact parser (source positions), as one file of its own, which src/util/lazy.ts loads
// with a code cache of its own when a run first needs it (a file js-yaml refuses, a position the
// quick locator declines): from node_modules it took some 35 ms to load. Not in the bundle: its
// compiled code would make the bundle's cache larger, read by every run, where most need no yaml.
await build({
  entryPoints: [path.join(root, 'node_modules', 'yaml', 'dist', 'index.js')],
  outfile: path.join(dist, 'yaml.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
});
writeAscii(path.join(dist, 'yaml.cjs'), 'bundle');

// The bundle in ASCII only (see scripts/ascii.mjs).
const ascii = writeAscii(path.join(dist, 'lofte.cjs'), 'bundle');

// bin/lofte.js runs the bundle as a vm script, and a vm script cannot import(): any dynamic import
// left in it (of a package kept outside) would fail at run time, so the build fails now instead.
const left = [...ascii.matchAll(/\bimport\(\s*["'`]([^"'`]+)/g)].map((m) => m[1]);
if (left.length > 0) {
  process.stderr.write(`bundle: dist/lofte.cjs still imports ${left.join(', ')} dynamically: load them with require (src/util/lazy.ts)\n`);
  process.exit(1);
}
