// `lofte report [paths…] --out DIR`: validate, then publish the repository as HTML and/or Markdown
// with its open data; `lofte export [paths…] --out DIR`: the same checks and filters, the open data alone.

import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import { language } from '../diagnostics/messages/index.js';
import { referenceData } from '../model/reference-data.js';
import { outFolder } from '../report/out-guard.js';
import { findPlaceholders } from '../rules/placeholder.js';
import type { Entity } from '../schema/index.js';
import type { SiteFormat } from '../report/site.js';
import type { SiteContent } from '../report/write.js';
import type { OpenDataSettings } from '../export/settings.js';
import { OutputError } from '../util/output-error.js';
import { ValidationSession } from '../validate.js';
import { runThenWatch, type Changes } from './watch.js';
import { repoContext, type RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { commonOptions, EXIT } from './run.js';
import { printDiagnostics } from './validate.js';

interface ReportFlags extends RepoFlags {
  out: string;
  format: SiteFormat;
  color?: boolean;
  lpo?: string;
  kommun?: string;
  id?: string[];
  status?: string[];
  medUtkast?: boolean;
  watch?: boolean;
  allowRepoRoot?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export const STATUSES = ['utkast', 'beslutad', 'publicerad', 'avslutad'] as const;

/** `--status`, repeatable, each value one of STATUSES (commander's choices() would not collect). */
function collectStatus(value: string, previous: string[] = []): string[] {
  if (!(STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(`Allowed choices are ${STATUSES.join(', ')}.`);
  return [...previous, value];
}

/** Which filters were given, as the user wrote them: for the message when they match nothing. */
function filterText(flags: ReportFlags): string {
  return [
    ...(flags.lpo !== undefined ? [`--lpo ${flags.lpo}`] : []),
    ...(flags.kommun !== undefined ? [`--kommun ${flags.kommun}`] : []),
    ...(flags.id ?? []).map((id) => `--id ${id}`),
    ...(flags.status ?? []).map((s) => `--status ${s}`),
  ].join(' ');
}

/** The statuses a report publishes unless drafts are asked for. */
const PUBLISHED_STATUSES = ['beslutad', 'publicerad', 'avslutad'];

/** Documents that would be published with a template placeholder still in them: `file:line (id)`. */
function placeholdersLeft(entities: readonly Entity[], withDrafts: boolean): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (!withDrafts && e.kind === 'Medborgarlofte' && e.value['status'] === 'utkast') continue;
    const found = findPlaceholders(e.value);
    if (found.length > 0) out.push(`${e.doc.file}:${e.doc.locator.locate(found[0]!.path).start.line} (${e.id ?? e.kind})`);
  }
  return out;
}

export function reportCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  publishCommand(program, io, setExit, 'site');
  publishCommand(program, io, setExit, 'data');
}

/** Pages are .html and .md; the rest of a site is its open data. */
const isPage = (rel: string): boolean => rel.endsWith('.html') || rel.endsWith('.md');

/** `report` (mode site: pages and data) and `export` (mode data: the data folder alone) share everything but what they write. */
function publishCommand(program: Command, io: CliIo, setExit: (code: number) => void, mode: 'site' | 'data'): void {
  const cmd =
    mode === 'site'
      ? program
          .command('report')
          .description('gör publiceringsklara sidor (HTML och/eller Markdown) av medborgarlöftena, med öppna data i data/')
          .argument('[sökvägar...]', 'filer och mappar att läsa', ['.'])
          .requiredOption('-o, --out <mapp>', 'mappen sidorna skrivs till')
          .addOption(new Option('-f, --format <format>', 'html, md eller both').choices(['html', 'md', 'both']).default('html'))
      : program
          .command('export')
          .description('skriver medborgarlöftena som öppna data (JSON, CSV, Atom, DCAT-AP-SE), samma som rapportens data/')
          .argument('[sökvägar...]', 'filer och mappar att läsa', ['.'])
          .requiredOption('-o, --out <mapp>', 'mappen data skrivs till');
  cmd
    .option('--lpo <id>', 'bara medborgarlöften från detta lokalpolisområde')
    .option('--kommun <kommun>', 'bara medborgarlöften för denna kommun (id, kommunkod eller namn)')
    .option('--id <id>', 'bara detta medborgarlöfte (kan upprepas)', collect)
    .addOption(new Option('--status <status>', `bara medborgarlöften med denna status (kan upprepas): ${STATUSES.join(', ')}`).argParser(collectStatus))
    .option('--allow-repo-root', 'tillåt att --out är förrådets rot eller en mapp som kontrolleras (lofte skriver ändå aldrig över filer den inte skrivit)')
    .option('--med-utkast', 'ta med medborgarlöften med status utkast (som standard publiceras de inte)')
    .option('-w, --watch', mode === 'site' ? 'gör om sidorna vid varje ändring, tills Ctrl-C' : 'gör om filerna vid varje ändring, tills Ctrl-C');
  commonOptions(cmd).action(async (paths: string[], flags: ReportFlags) => {
    // The report's modules (marked, sanitize-html, the page builders) load only when it runs.
    const [{ buildReportModel }, { siteFiles }, { writeSite, WriteInterrupted }, openData] = await Promise.all([
      import('../report/model.js'),
      import('../report/site.js'),
      import('../report/write.js'),
      import('../export/cli.js'),
    ]);
    const ctx = await repoContext(paths, flags, io);
    const stderrIo = { ...io, stdout: io.stderr };
    if (ctx.configDiagnostics.length > 0) {
      printDiagnostics(stderrIo, ctx.configDiagnostics, 1, { format: 'stylish', color: flags.color }, ctx.lang);
      setExit(EXIT.failure);
      return;
    }
    const refuse = (err: unknown): number => {
      if (!(err instanceof OutputError)) throw err;
      io.stderr(`lofte: ${language(ctx.lang).ui.output[err.reason](err.args)}\n`);
      return EXIT.failure;
    };
    // Where the site goes is checked before anything is read: the root, the repository itself
    // and a file are refused, and nothing is created yet.
    let out: string;
    try {
      out = outFolder(flags.out, {
        cwd: io.cwd,
        sources: [...paths, ...(ctx.config.file ? [path.dirname(ctx.config.file)] : [])],
        allowRepoRoot: flags.allowRepoRoot,
      });
    } catch (err) {
      setExit(refuse(err));
      return;
    }
    // Watch mode keeps its session (the per-file results) between runs; a single run lets the
    // whole validation result go once the pages' model and data are built, before any is written.
    const options = { ...ctx.options, reportOnly: undefined };
    const session = flags.watch ? new ValidationSession(options) : undefined;
    let last = performance.now();
    const time = (stage: string): void => {
      ctx.options.onTiming?.(stage, performance.now() - last);
      last = performance.now();
    };
    /** Validates and builds what is published: the files to write, or an exit code. */
    const prepare = async (changes?: Changes): Promise<number | { files: Iterable<readonly [string, SiteContent]>; documents: number; drafts: number; settings: OpenDataSettings }> => {
      const result = await (session ?? new ValidationSession(options)).run(changes);
      if (result.diagnostics.length > 0) printDiagnostics(stderrIo, result.diagnostics, result.fileCount, { format: 'stylish', color: flags.color }, ctx.lang);
      if (result.diagnostics.some((d) => d.severity === 'error')) {
        io.stderr('lofte: Rapporten skrevs inte: rätta felen ovan först.\n');
        return EXIT.findings;
      }
      // Drafts are not published unless asked for (--med-utkast, or --status utkast).
      const statuses = flags.status ?? (flags.medUtkast ? undefined : PUBLISHED_STATUSES);
      const left = placeholdersLeft(result.entities, flags.medUtkast === true || (flags.status ?? []).includes('utkast'));
      if (left.length > 0) {
        io.stderr(`lofte: Rapporten skrevs inte: mallens platshållare (TODO) står kvar i ${left.length} ${left.length === 1 ? 'dokument' : 'dokument'}:\n${left.map((l) => `  ${l}`).join('\n')}\nSkriv de riktiga texterna (se \`lofte validate\`, regeln placeholder). Ett medborgarlöfte med status: utkast publiceras inte och stoppar inte rapporten.\n`);
        return EXIT.findings;
      }
      const filter = { lpo: flags.lpo, kommun: flags.kommun, ids: flags.id, statuses };
      last = performance.now();
      const model = buildReportModel(result.entities, result.graph, ctx.asOf, referenceData(), filter, ctx.config.site);
      time('report model');
      // A filter that matches nothing would publish an empty site and remove every page: a typo
      // is far likelier than a wish for that. Each --id must name a medborgarlöfte too.
      const missingIds = (flags.id ?? []).filter((id) => !model.documents.some((d) => d.id === id));
      if (filterText(flags) !== '' && (model.documents.length === 0 || missingIds.length > 0)) {
        const what = missingIds.length > 0 && model.documents.length > 0 ? missingIds.map((id) => `--id ${id}`).join(' ') : filterText(flags);
        io.stderr(`lofte: Inget medborgarlöfte matchar ${what}. Kontrollera värdena (lofte validate visar vilka medborgarlöften som finns). Inget ändrades.\n`);
        return EXIT.failure;
      }
      const settings = openData.openDataSettings(ctx.config.site, ctx.config.openData);
      const files = mode === 'site' ? siteFiles(model, flags.format, openData.openDataSite(model, result.entities, settings)) : openData.exportFiles(model, result.entities, settings);
      const drafts = statuses === PUBLISHED_STATUSES ? result.entities.filter((e) => e.kind === 'Medborgarlofte' && e.value['status'] === 'utkast').length : 0;
      return { files, documents: model.documents.length, drafts, settings };
    };
    const publish = async (changes?: Changes): Promise<number> => {
      const prepared = await prepare(changes);
      if (typeof prepared === 'number') return prepared;
      const { documents, drafts, settings } = prepared;
      const interrupt = new AbortController();
      const stop = flags.watch ? undefined : io.onInterrupt?.(() => interrupt.abort());
      try {
        const written = await writeSite(out, prepared.files, { signal: interrupt.signal });
        time('pages and write');
        if (written.lockTakenOverFrom !== undefined) io.stderr(`lofte: Tog över låset från en tidigare körning (process ${written.lockTakenOverFrom}) som inte längre finns.\n`);
        if (written.recovered === 'finished') io.stderr('lofte: Slutförde bytet som en avbruten körning påbörjat.\n');
        if (written.recovered === 'rolled-back') io.stderr('lofte: Ångrade bytet som en avbruten körning påbörjat och inte gick att slutföra.\n');
        const where = path.relative(io.cwd, out) || '.';
        const draftNote = (): void => {
          if (drafts > 0) io.stdout(`${drafts} utkast (status: utkast) kom inte med; --med-utkast tar med dem.\n`);
        };
        if (mode === 'data') {
          io.stdout(`Skrev ${written.changed.length} filer med öppna data till ${where} (${documents} medborgarlöften, läget per ${ctx.asOf}).\n`);
          const missing = openData.missingForHarvest(settings);
          if (missing.length > 0) io.stdout(`Obs: för att Sveriges dataportal ska kunna skörda katalogen behövs ${missing.join(', ')} i lofte.config.yaml.\n`);
          if (written.unchanged > 0) io.stdout(`${written.unchanged} filer var desamma som förra gången och fick stå kvar.\n`);
          if (written.removed.length > 0) io.stdout(`Tog bort ${written.removed.length} filer från en tidigare körning som inte längre finns.\n`);
          return EXIT.ok;
        }
        // The counts are of pages; the data folder beside them is written the same way.
        const pages = written.written.filter(isPage).length;
        const changedPages = written.changed.filter(isPage).length;
        io.stdout(`Skrev ${changedPages} sidor till ${where} (${documents} medborgarlöften, läget per ${ctx.asOf}).\n`);
        draftNote();
        if (pages - changedPages > 0) io.stdout(`${pages - changedPages} sidor var desamma som förra gången och fick stå kvar.\n`);
        const removedPages = written.removed.filter(isPage).length;
        if (removedPages > 0) io.stdout(`Tog bort ${removedPages} sidor från en tidigare körning som inte längre finns.\n`);
        return EXIT.ok;
      } catch (err) {
        if (!(err instanceof WriteInterrupted)) return refuse(err);
        io.stderr('lofte: Avbrutet. Den tidigare webbplatsen är orörd och inga tillfälliga filer finns kvar.\n');
        return EXIT.interrupted;
      } finally {
        stop?.();
      }
    };
    // The site is written under --out, which may lie inside the watched folders: its own pages
    // are not changes to react to (with Markdown pages that would never end).
    const ownOutput = (p: string): boolean => p === out || p.startsWith(out + path.sep);
    await runThenWatch(flags.watch, paths, io, setExit, 'gör om rapporten', publish, { ignore: ownOutput });
  });
}
