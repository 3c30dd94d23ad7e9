// `lofte init [DIR]` sets up a repository for a lokalpolisområde; `lofte new <kind>` adds a document.

import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { configSchema } from '../config/index.js';
import type { CliWords } from '../diagnostics/messages/cli.js';
import { language, type Lang } from '../diagnostics/messages/index.js';
import { UsageError } from '../load/discover.js';
import { referenceData, type Kommun } from '../model/reference-data.js';
import { KINDS, type Kind } from '../model/kinds.js';
import { readSchema, SCHEMA_FILES } from '../schema/validators.js';
import { validateRepository } from '../validate.js';
import { chooseLang, repoContext } from './context.js';
import { localDate, type CliIo } from './io.js';
import { writeOutput } from './outputs.js';
import { EXIT, langOption, LofteCommand, option, VERSION } from './options.js';
import { fill, newDocumentTitle, newDocumentValues, readTemplate, schemaDirFor, slugify, templateFiles } from './templates.js';

const EXAMPLE_KOMMUN = 'Laxå';
const REGIONS = ['nord', 'mitt', 'stockholm', 'ost', 'vast', 'syd', 'bergslagen'];
/** Names go into YAML unquoted in the templates: keep them to what needs no quoting. */
const SAFE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .–-]*$/u;

function findKommun(value: string): Kommun {
  const data = referenceData();
  const wanted = value.trim().toLowerCase().replace(/ kommun$/, '');
  const kommun = data.kommuner.get(value.trim()) ?? [...data.kommuner.values()].find((k) => k.namn.toLowerCase() === wanted);
  if (!kommun) throw new UsageError('unknown-kommun', { kommun: value });
  return kommun;
}

/** "Laxå" → "Laxå kommun", "Stockholm" → "Stockholms kommun", "Borås" → "Borås kommun". */
const kommunNamn = (k: Kommun): string => (/[aeiouyåäösxz]$/i.test(k.namn) ? `${k.namn} kommun` : `${k.namn}s kommun`);

function schemaFiles(): [string, string][] {
  return [
    [SCHEMA_FILES.common, readSchema(SCHEMA_FILES.common)],
    ...KINDS.map((k): [string, object] => [SCHEMA_FILES[k], readSchema(SCHEMA_FILES[k])]),
    ['config.schema.json', configSchema()],
  ].map(([f, s]) => [`.lofte/schemas/${String(f)}`, `${JSON.stringify(s, null, 2)}\n`]);
}

/**
 * The new repository's package.json: lofte's version pinned in one place (devDependencies, exact),
 * so `npm ci` in CI and `npx lofte` at the analyst's desk run the same lofte.
 */
function repositoryPackageJson(kommunId: string): string {
  const pkg = {
    name: `medborgarloften-${kommunId.replace(/-kommun$/, '')}`,
    private: true,
    description: 'Medborgarlöften som kontrolleras och publiceras med lofte.',
    scripts: { validate: 'lofte validate', report: 'lofte report --out site' },
    devDependencies: { lofte: VERSION },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

interface InitFlags {
  lpo?: string;
  kommun?: string;
  polisregion?: string;
  force?: boolean;
  lang?: Lang;
}

export function initCommand(io: CliIo, words: CliWords): LofteCommand {
  const w = words.init;
  return new LofteCommand('init')
    .description(w.description)
    .argument(`[${w.folder.name}]`, w.folder.text, '.')
    .addOption(option('--lpo', w.lpo))
    .addOption(option('--kommun', w.kommun({ example: EXAMPLE_KOMMUN })))
    .addOption(option('--polisregion', w.polisregion({ regions: REGIONS.join(', ') })))
    .option('--force', w.force)
    .addOption(langOption(words.common.lang))
    .run(async (dir: string, flags: InitFlags) => {
      const said = language(chooseLang(flags.lang, undefined, io.env)).cli.init;
      const kommun = findKommun(flags.kommun ?? EXAMPLE_KOMMUN);
      const polisregion = flags.polisregion ?? kommun.polisregion;
      if (!REGIONS.includes(polisregion)) throw new UsageError('unknown-region', { region: polisregion, regions: REGIONS.join(', ') });
      const lpoNamn = flags.lpo ?? `Lokalpolisområde ${kommun.namn}`;
      if (!SAFE_NAME.test(lpoNamn)) throw new UsageError('unsafe-lpo', { lpo: lpoNamn });
      const today = localDate(io.now());
      const year = Number(today.slice(0, 4));
      const values = {
        lpo_id: `lpo-${slugify(lpoNamn.replace(/^lokalpolisområde\s+/i, ''))}`,
        lpo_namn: lpoNamn,
        polisregion,
        kommun_id: `${slugify(kommun.namn)}-kommun`,
        kommun_namn: kommunNamn(kommun),
        kommun_kort: kommun.namn,
        kommunkod: kommun.kod,
        idag: today,
        ar: String(year),
        nasta_ar: String(year + 1),
        lofte_version: VERSION,
      };
      const root = path.resolve(io.cwd, dir);
      const files: [string, string][] = [
        ...templateFiles('init').map((rel): [string, string] => [rel, fill(readTemplate('init', rel), { ...values, schema_dir: schemaDirFor(rel) })]),
        ...schemaFiles(),
        ['package.json', repositoryPackageJson(values.kommun_id)],
        ['.gitignore', 'node_modules/\nsite/\n'],
      ];
      const existing = files.map(([rel]) => rel).filter((rel) => existsSync(path.join(root, rel)));
      if (existing.length > 0 && !flags.force) {
        io.stderr(`lofte: ${said.exists({ files: existing })}\n`);
        return EXIT.failure;
      }
      for (const [rel, content] of files) await writeOutput(root, rel, content);
      const shown = path.relative(io.cwd, root) || '.';
      io.stdout(`${said.done({ folder: shown, lpo: lpoNamn, kommun: values.kommun_namn, kommunkod: kommun.kod, files: files.map(([rel]) => rel) })}\n`);
      if (!flags.kommun) io.stdout(`\n${said.exampleKommun({ example: EXAMPLE_KOMMUN })}\n`);
      return EXIT.ok;
    });
}


const FOLDERS: Readonly<Record<Kind, string>> = { Aktor: 'aktorer', Problembild: 'problembilder', Medborgarlofte: 'medborgarloften', Uppfoljning: 'uppfoljningar' };
const TEMPLATE: Readonly<Record<Kind, string>> = { Aktor: 'aktor.yaml', Problembild: 'problembild.md', Medborgarlofte: 'medborgarlofte.yaml', Uppfoljning: 'uppfoljning.yaml' };

interface NewFlags {
  titel?: string;
  id?: string;
  dir?: string;
  lang?: Lang;
}

export function newCommand(io: CliIo, words: CliWords): LofteCommand {
  const w = words.new;
  const kindArg = w.kind({ kinds: KINDS.join(', ') });
  const cmd: LofteCommand = new LofteCommand('new')
    .description(w.description)
    .argument(`<${kindArg.name}>`, kindArg.text)
    .addOption(option('--titel', w.titel))
    .addOption(option('--id', w.id))
    .addOption(option('--dir', w.dir))
    .addOption(langOption(words.common.lang))
    .run(async (sort: string, flags: NewFlags) => {
      const kind = KINDS.find((k) => k.toLowerCase() === sort.toLowerCase());
      if (!kind) throw new UsageError('unknown-kind', { kind: sort, kinds: KINDS.join(', ') });
      const ctx = await repoContext(['.'], { lang: flags.lang }, io);
      cmd.lang = ctx.lang;
      const said = language(ctx.lang).cli.new;
      const repo = await validateRepository({ ...ctx.options, reportOnly: undefined });
      const today = localDate(io.now());
      const taken = (id: string): boolean => repo.graph.byId.has(id);
      if (flags.id !== undefined && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(flags.id)) {
        throw new UsageError('bad-id', { id: flags.id });
      }
      if (flags.id !== undefined && taken(flags.id)) {
        const other = repo.graph.byId.get(flags.id);
        const where = other ? { file: other.doc.file, line: other.doc.locator.locate(['id']).start.line } : undefined;
        io.stderr(`lofte: ${said.idTaken({ id: flags.id, where })}\n`);
        return EXIT.failure;
      }
      let id = flags.id ?? (slugify(flags.titel ?? '') || `${kind.toLowerCase()}-${today}`);
      for (let n = 2; flags.id === undefined && taken(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
      const actorOf = (typ: string, fallback: string): string => repo.entities.find((e) => e.kind === 'Aktor' && e.value['typ'] === typ && e.id)?.id ?? fallback;
      // The kind's folder is under the repository's root, wherever lofte runs from; --dir is the user's own path.
      const root = ctx.repository?.root ?? io.cwd;
      const target = flags.dir !== undefined ? path.resolve(io.cwd, flags.dir, `${id}${path.extname(TEMPLATE[kind])}`) : path.join(root, FOLDERS[kind], `${id}${path.extname(TEMPLATE[kind])}`);
      const rel = path.relative(io.cwd, target).split(path.sep).join('/');
      const fromRoot = path.relative(root, target).split(path.sep).join('/');
      if (existsSync(target)) {
        io.stderr(`lofte: ${said.fileExists({ file: rel })}\n`);
        return EXIT.failure;
      }
      const lpo = repo.graph.byId.get(actorOf('lokalpolisomrade', ''));
      const kommun = repo.graph.byId.get(actorOf('kommun', ''));
      // The editor's schema line only when the schema is there (init writes .lofte/schemas/).
      const schemaFile = path.join(root, '.lofte', 'schemas', SCHEMA_FILES[kind]);
      const template = readTemplate('new', TEMPLATE[kind]);
      const values = newDocumentValues({ id, titel: flags.titel ?? newDocumentTitle(kind), today, lpo, kommun, schemaDir: schemaDirFor(fromRoot) });
      const content = fill(existsSync(schemaFile) && !fromRoot.startsWith('../') ? template : template.replace(/^# yaml-language-server: .*\n(#\n)?/m, ''), { ...values, lofte_version: VERSION });
      await writeOutput(path.dirname(target), path.basename(target), content);
      io.stdout(`${said.written({ file: rel, id })}\n`);
      // Where nothing points the editor at the language server yet, say once how to.
      if (!existsSync(path.join(ctx.config.root, '.vscode', 'extensions.json'))) io.stdout(`${said.editorHint}\n`);
      return EXIT.ok;
    });
  return cmd;
}
