// Where the package's own files (schemas, data, docs) are, from both src/ (tests) and dist/ (built).

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import jsyaml from 'js-yaml';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}

/** Built code (dist/, bundled or not) runs as .js or .cjs; the source (.ts, as the tests run it) does not. */
export const BUILT = /\.c?js$/.test(import.meta.url);

/**
 * A YAML file of data/ (word lists, labels) as plain values. Built code reads the JSON the build
 * made of it (dist/data/, by scripts/compile-data.mjs): parsing the YAML at every start cost a
 * one-repository run about 25 ms. The source reads the YAML itself, so tests see an edit at once.
 */
export function readDataFile(...segments: string[]): unknown {
  const rel = path.join(...segments);
  if (BUILT) return JSON.parse(readFileSync(packagePath('dist', 'data', rel.replace(/\.ya?ml$/, '.json')), 'utf8'));
  return jsyaml.load(readFileSync(packagePath('data', rel), 'utf8'));
}
