// Libraries loaded on first use: a check of a small repository should not pay for what it never needs.

import { createRequire } from 'node:module';
import { BUILT, packagePath } from '../paths.js';
import type * as ChildProcess from 'node:child_process';
import type * as Crypto from 'node:crypto';
import type * as V8 from 'node:v8';
import type * as Ajv2020Module from 'ajv/dist/2020.js';
import type { FormatsPlugin } from 'ajv-formats';
import type * as Yaml from 'yaml';
import type GrayMatter from 'gray-matter';

const nodeRequire = createRequire(import.meta.url);

function lazy<T>(name: string): () => T {
  let mod: T | undefined;
  return () => (mod ??= nodeRequire(name) as T);
}

let yamlModule: typeof Yaml | undefined;

/**
 * The exact YAML parser (source positions): for files js-yaml refuses (a syntax error, a duplicate
 * key) and positions the quick locator declines. Built, it is the build's one-file copy of the
 * package (dist/yaml.cjs, by scripts/bundle.mjs), loaded with V8's code cache beside it as the
 * bundle is (src/cli/start.cts): from node_modules, loading it took some 35 ms of every run that
 * needs it. A cache of its own, so that a run without such a file does not read it.
 */
export function yamlLib(): typeof Yaml {
  return (yamlModule ??= (BUILT ? codeCached(packagePath('dist', 'yaml.cjs')) : undefined) ?? (nodeRequire('yaml') as typeof Yaml));
}

/** The build's loader with V8's code cache (src/cli/start.cts), the one instance the process started with. */
interface StartLoader {
  load(file: string): unknown;
  changingFlags(): void;
}

function startLoader(): StartLoader {
  return nodeRequire(packagePath('dist', 'cli', 'start.cjs')) as StartLoader;
}

/** A CommonJS file of the build, loaded by start.cjs with its code cache; undefined if that cannot be done. */
export function codeCached<T>(file: string): T | undefined {
  try {
    return startLoader().load(file) as T;
  } catch {
    return undefined;
  }
}

/** Changes V8's flags, telling the code cache's loader first (see `changingFlags` in src/cli/start.cts). */
export function setV8Flags(flags: string): void {
  if (BUILT) {
    try {
      startLoader().changingFlags();
    } catch {
      // Without the build's loader there is no code cache to keep right.
    }
  }
  v8Lib().setFlagsFromString(flags);
}

let grayMatterModule: typeof GrayMatter | undefined;

/** Front matter splitting: only for Markdown files. Bundled as the exact YAML parser is (see `yamlLib`). */
export function grayMatter(): typeof GrayMatter {
  return (grayMatterModule ??= (typeof require === 'function' ? require('gray-matter') : nodeRequire('gray-matter')) as typeof GrayMatter);
}
/** ajv itself: for lofte.config.yaml, and for the schemas when running from source. */
export const ajvLib = lazy<typeof Ajv2020Module>('ajv/dist/2020.js');
/** ajv's formats (date, email, uri): with ajvLib. CommonJS: the plugin is module.exports and its `default`. */
export const ajvFormatsLib = lazy<{ default: FormatsPlugin }>('ajv-formats');
/** Child processes (git): loading the module costs a few milliseconds of a start that spawns none. */
export const childProcessLib = lazy<typeof ChildProcess>('node:child_process');
/** Hashes and random names: node:crypto takes several milliseconds to load, and a plain check uses none. */
export const cryptoLib = lazy<typeof Crypto>('node:crypto');
/** V8's serializer (the persistent cache's files) and its flags (`setV8Flags`): node:v8 takes about 3 ms to load, and a check without `--cache` uses none. */
export const v8Lib = lazy<typeof V8>('node:v8');
