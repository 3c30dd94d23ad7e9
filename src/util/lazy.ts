// Libraries loaded on first use: a check of a small repository should not pay for what it never needs.

import { createRequire } from 'node:module';
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

/** The exact YAML parser (source positions): for files with findings and for syntax errors. */
export const yamlLib = lazy<typeof Yaml>('yaml');
let grayMatterModule: typeof GrayMatter | undefined;

/**
 * Front matter splitting: only for Markdown files. The bundle (scripts/bundle.mjs) is CommonJS and
 * holds gray-matter, so that V8's code cache covers it: its bundler takes the literal `require`
 * below. As ES modules (tests, the worker thread's module graph) there is no `require`, and Node
 * loads gray-matter from node_modules.
 */
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
/** V8's serializer, for the persistent cache's files: node:v8 takes about 3 ms to load, and a check without `--cache` uses none. */
export const v8Lib = lazy<typeof V8>('node:v8');
