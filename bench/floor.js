// bench/floor.js — the benchmark's floors: a child process that reads (and parses, and schema-checks) every lofte source file.
//
//   node bench/floor.js <stat|read|js-yaml|yaml|ajv|rules> <corpus>
//
// Each floor does a strict subset of the work `lofte validate` must do, with the fastest plain
// tools, so the benchmark can say how far lofte is from "as fast as it could be":
//   stat     the walk and a statSync of every .yaml/.yml/.md file, nothing read: what a warm run
//            of a persistent cache does to know that no file changed when it lists every folder
//   read     readFileSync of every .yaml/.yml/.md file (walk as lofte: skip dot folders, node_modules)
//   js-yaml  + js-yaml loadAll of each file (CORE_SCHEMA, so dates stay strings as in lofte;
//            a .md file's front matter is split off first and only it is parsed)
//   yaml     + the `yaml` package's parseAllDocuments (CST and nodes with source positions), then
//            toJS() of each error-free document: the parser lofte itself uses
//   ajv      js-yaml as above + ajv (2020-12) validation of each lofte document against its kind's
//            schema, compiled once
//   rules    ajv as above + lofte's own document rules (the built dist/rules, every rule on, run
//            per file as lofte runs them, findings at the start of the file): not a floor of the
//            tools but of lofte's work, which `lofte validate` cannot go below without dropping a
//            rule; links, repository rules, positions and output come on top of it
// It prints one JSON line: what it saw (files, bytes, documents, failures) and its maxRSS in KiB.

import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMAS = path.resolve(HERE, '..', 'schemas');
const EXTENSIONS = ['.yaml', '.yml', '.md'];
/** The day the benchmark's lofte runs judge by (bench/run.js). */
const AS_OF = '2026-11-24';

function walk(dir, out) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(abs, out);
    else if (entry.isFile() && EXTENSIONS.some((ext) => entry.name.toLowerCase().endsWith(ext))) out.push(abs);
  }
  return out;
}

/** The YAML of a file: all of a .yaml file, the front matter of a .md file (or nothing). */
function yamlSource(file, text) {
  if (!file.toLowerCase().endsWith('.md')) return text;
  const open = /^---[ \t]*\r?\n/.exec(text);
  if (!open) return '';
  const rest = text.slice(open[0].length);
  const close = /(?:^|\r?\n)---[ \t]*(?:\r?\n|$)/.exec(rest);
  return close ? rest.slice(0, close.index) : '';
}

async function main() {
  const [mode, corpus] = process.argv.slice(2);
  if (!['stat', 'read', 'js-yaml', 'yaml', 'ajv', 'rules'].includes(mode) || !corpus) {
    process.stderr.write('usage: node bench/floor.js <stat|read|js-yaml|yaml|ajv|rules> <corpus>\n');
    return 2;
  }
  const stats = { mode, files: 0, bytes: 0, documents: 0, parseFailures: 0, validated: 0, invalid: 0, findings: 0 };

  let parse;
  if (mode === 'js-yaml' || mode === 'ajv' || mode === 'rules') {
    const jsyaml = (await import('js-yaml')).default;
    const options = { schema: jsyaml.CORE_SCHEMA };
    parse = (src) => jsyaml.loadAll(src, null, options);
  } else if (mode === 'yaml') {
    const { parseAllDocuments } = await import('yaml');
    parse = (src) => {
      const docs = parseAllDocuments(src, { uniqueKeys: true, strict: true });
      const list = Array.isArray(docs) ? docs : [];
      const values = [];
      for (const doc of list) {
        if (doc.errors.length > 0) throw new Error('syntax');
        values.push(doc.toJS({ maxAliasCount: 100 }));
      }
      return values;
    };
  }

  let validators;
  if (mode === 'ajv' || mode === 'rules') {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const addFormats = (await import('ajv-formats')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true });
    addFormats(ajv, ['date', 'email', 'uri']); // the formats the schemas use, as lofte adds them
    const read = (name) => JSON.parse(fs.readFileSync(path.join(SCHEMAS, name), 'utf8'));
    ajv.addSchema(read('common.schema.json'), 'common.schema.json');
    validators = {
      Aktor: ajv.compile(read('aktor.schema.json')),
      Problembild: ajv.compile(read('problembild.schema.json')),
      Medborgarlofte: ajv.compile(read('medborgarlofte.schema.json')),
      Uppfoljning: ajv.compile(read('uppfoljning.schema.json')),
    };
  }

  // lofte's document rules as the build has them, each file's documents (valid or not) given to
  // them as lofte gives its entities; a finding's position is the start of the file.
  let rules;
  if (mode === 'rules') {
    const dist = (rel) => pathToFileURL(path.resolve(HERE, '..', 'dist', rel)).href;
    const { runDocumentRules, documentRulesWithout } = await import(dist('rules/index.js'));
    const { referenceData } = await import(dist('model/reference-data.js'));
    const { START_LOCATOR } = await import(dist('diagnostics/make.js'));
    const on = documentRulesWithout([]);
    const data = referenceData();
    rules = (file, entries) => {
      const entities = entries.map(({ doc, index, valid }) => ({ kind: doc.kind, id: typeof doc.id === 'string' ? doc.id : undefined, value: doc, valid, doc: { file, index, value: doc, locator: START_LOCATOR } }));
      return entities.length === 0 ? 0 : runDocumentRules({ entities, asOf: AS_OF, data }, on).length;
    };
  }

  for (const file of walk(path.resolve(corpus), [])) {
    if (mode === 'stat') {
      const st = fs.statSync(file);
      stats.files++;
      stats.bytes += st.size;
      continue;
    }
    const text = fs.readFileSync(file, 'utf8');
    stats.files++;
    stats.bytes += text.length;
    if (!parse) continue;
    let docs;
    try {
      docs = parse(yamlSource(file, text));
    } catch {
      stats.parseFailures++;
      continue;
    }
    const checked = [];
    docs.forEach((doc, index) => {
      if (doc === null || doc === undefined) return;
      stats.documents++;
      const validate = validators?.[doc.kind];
      if (!validate) return;
      stats.validated++;
      const valid = validate(doc);
      if (!valid) stats.invalid++;
      checked.push({ doc, index, valid });
    });
    if (rules) stats.findings += rules(file, checked);
  }
  stats.maxRssKiB = process.resourceUsage().maxRSS;
  process.stdout.write(`${JSON.stringify(stats)}\n`);
  return 0;
}

process.exitCode = await main();
