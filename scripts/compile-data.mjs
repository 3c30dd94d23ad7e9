// Build step: the YAML files of data/ (word lists, labels) as JSON in dist/data/, which built lofte
// reads instead (src/paths.ts, readDataFile): JSON.parse takes a fraction of a millisecond where
// js-yaml, at start-up, takes about 25 ms. Run by `npm run build`; each file is written whole.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import jsyaml from 'js-yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const data = path.join(root, 'data');
for (const entry of readdirSync(data, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile() || !/\.ya?ml$/.test(entry.name)) continue;
  const source = path.join(entry.parentPath, entry.name);
  const target = path.join(root, 'dist', 'data', path.relative(data, source)).replace(/\.ya?ml$/, '.json');
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(`${target}.tmp`, JSON.stringify(jsyaml.load(readFileSync(source, 'utf8'))));
  renameSync(`${target}.tmp`, target);
}
