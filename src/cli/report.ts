// `lofte report [paths…] --out DIR`: validate, then publish the repository as HTML and/or Markdown
// with its open data; `lofte export [paths…] --out DIR`: the same checks and filters, the open data alone.

import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type { CliWords } from '../diagnostics/messages/cli.js';
import { language } from '../diagnostics/messages/index.js';
import { releaseKeptChunk } from '../load/index.js';
import { referenceData } from '../model/reference-data.js';
import { outFolder } from '../report/out-guard.js';
import { findPlaceholders, hasPlaceholder } from '../rules/placeholder.js';
import type { Entity } from '../schema/index.js';
import { START_LOCATOR } from '../diagnostics/make.js';
import type { SiteFormat } from '../report/site.js';
import type { OpenDataSettings } from '../export/settings.js';
import type { OpenDataSources } from '../export/open-data.js';
import type { ReportModel } from '../report/model.js';
import { collectGarbage, limitHeapGrowth } from '../util/collect.js';
import { OutputError } from '../util/output-error.js';
import { ValidationSession } from '../validate.js';
import { runThenWatch, type Changes } from './watch.js';
import { nothingToCheck, repoContext, type RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { commonOptions, errorLine, EXIT, LofteCommand, option } from './options.js';
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
const collectStatus =
  (words: CliWords) =>
  (value: string, previous: string[] = []): string[] => {
    if (!(STATUSES as readonly string[]).includes(value)) throw new InvalidArgumentError(words.invalid.choices({ choices: STATUSES.join(', ') }));
    return [...previous, value];
  };

/** Which filters were given, as the user wrote them: for the message when they match nothing. */
function filterText(flags: ReportFlags): string {
  return [
    ...(flags.lpo !== undefined ? [`--lpo ${flags.lpo}`] : []),
    ...(flags.kommun !== undefined ? [`--kommun ${flags.kommun}`] : []),
    ...(flags.id ?? []).map((id) => `--id ${id}`),
    ...(flags.status ?? []).map((s) => `--status ${s}`),
  ].join(' ');
}

/**
 * How far the heap may grow over what the pages' model keeps while pages are written (see
 * limitHeapGrowth). Measured at 10,000 and 30,000 files: 25 % and 50 % gave the same peak growth per
 * file (about 12 KB, against 17 KB with V8's own factor); 50 % needs half the collections.
 */
const HEAP_GROWTH_PERCENT = 50;

/**
 * The same limit (see limitHeapGrowth) while a single run validates and builds the pages' model:
 * V8's own factor (up to 4×, chosen by how fast its collections run) let the heap of a
 * 30,000-file run grow to 300–500 MB over some 150 MB live while the model was built beside the
 * values, which made the report's peak memory; with 25 % it stayed under 400 MB at 30,000 files.
 */
const CHECK_HEAP_GROWTH_PERCENT = 25;

/**
 * From this many medborgarlöften on, a single run renders and writes their pages on a worker
 * thread while this one writes the open data and the overview pages (report/page-thread.ts). With
 * fewer, starting the thread costs more than it saves.
 */
export const PAGE_THREAD_FROM = 100;

/** The statuses a report publishes unless drafts are asked for. */
const PUBLISHED_STATUSES = ['beslutad', 'publicerad', 'avslutad'];

/**
 * Lets a single run's entities forget where they stand in their files: every finding is made and
 * shown by then, and the pages need the values alone. Each file's bytes were kept for its
 * positions (see src/check/file.ts); they go now, before the report model is built beside the values.
 */
function forgetPositions(entities: readonly Entity[]): void {
  for (const e of entities) e.doc.locator = START_LOCATOR;
  releaseKeptChunk();
}

/** Documents that would be published with a template placeholder still in them: `file:line (id)`. */
function placeholdersLeft(entities: readonly Entity[], withDrafts: boolean): string[] {
  const out: string[] = [];
  for (const e of entities) {
    if (!withDrafts && e.kind === 'Medborgarlofte' && e.value['status'] === 'utkast') continue;
    // Most documents have none: told without making the list of every text of every document.
    if (!hasPlaceholder(e.value)) continue;
    const found = findPlaceholders(e.value);
    if (found.length > 0) out.push(`${e.doc.file}:${e.doc.locator.locate(found[0]!.path).start.line} (${e.id ?? e.kind})`);
  }
  return out;
}

export const reportCommand = (io: CliIo, words: CliWords): LofteCommand => publishCommand(io, words, 'site');
export const exportCommand = (io: CliIo, words: CliWords): LofteCommand => publishCommand(io, words, 'data');

/** Pages are .html and .md; the rest of a site is its open data. */
const isPage = (rel: string): boolean => rel.endsWith('.html') || rel.endsWith('.md');

/** `report` (mode site: pages and data) and `export` (mode data: the data folder alone) share everything but what they write. */
function publishCommand(io: CliIo, words: CliWords, mode: 'site' | 'data'): LofteCommand {
  const w = words.report;
  const cmd =
    mode === 'site'
      ? new LofteCommand('report')
          .description(w.description)
          .argument(`[${w.paths.name}]`, w.paths.text, ['.'])
          .addOption(option('-o, --out', w.out).makeOptionMandatory())
          .addOption(option('-f, --format', w.format).choices(['html', 'md', 'both']).default('html'))
      : new LofteCommand('export')
          .description(w.exportDescription)
          .argument(`[${w.paths.name}]`, w.paths.text, ['.'])
          .addOption(option('-o, --out', w.exportOut).makeOptionMandatory());
  cmd
    .addOption(option('--lpo', w.lpo))
    .addOption(option('--kommun', w.kommun))
    .addOption(option('--id', w.id).argParser(collect))
    .addOption(option('--status', w.status({ statuses: STATUSES.join(', ') })).argParser(collectStatus(words)))
    .option('--allow-repo-root', w.allowRepoRoot)
    .option('--med-utkast', w.medUtkast)
    .option('-w, --watch', mode === 'site' ? w.watch : w.exportWatch);
  return commonOptions(cmd, words).run(async (paths: string[], flags: ReportFlags) => {
    // The report's modules (marked, sanitize-html, the page builders) load only when it runs.
    const [{ buildReportModel }, { siteFiles }, { writeSite, WriteInterrupted }, openData] = await Promise.all([
      import('../report/model.js'),
      import('../report/site.js'),
      import('../report/write.js'),
      import('../export/cli.js'),
    ]);
    const ctx = await repoContext(paths, flags, io, mode === 'site' ? 'report' : 'export');
    cmd.lang = ctx.lang;
    const said = language(ctx.lang).cli.report;
    const stderrIo = { ...io, stdout: io.stderr };
    if (ctx.configDiagnostics.length > 0) {
      printDiagnostics(stderrIo, ctx.configDiagnostics, 1, { format: 'stylish', color: flags.color }, ctx.lang);
      return EXIT.failure;
    }
    const refuse = (err: unknown): number => {
      if (!(err instanceof OutputError)) throw err;
      io.stderr(`${errorLine(ctx.lang, err)}\n`);
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
      return refuse(err);
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
    /**
     * Validates and builds the pages' model and what the open data is made of, or gives an exit
     * code. Plain data, no closure: nothing keeps the validation result once it returns.
     */
    const prepare = async (changes?: Changes): Promise<number | { model: ReportModel; sources: OpenDataSources; settings: OpenDataSettings; drafts: number }> => {
      if (!flags.watch) limitHeapGrowth(CHECK_HEAP_GROWTH_PERCENT);
      const result = await (session ?? new ValidationSession(options)).run(changes);
      // No lofte document at all (an empty folder, repositories of their own): a site of nothing is
      // not written. Watch mode says so and waits for files to come.
      if (result.fileCount === 0) {
        const nothing = nothingToCheck(ctx);
        if (!flags.watch) throw nothing;
        io.stderr(`${errorLine(ctx.lang, nothing)}\n`);
        return EXIT.failure;
      }
      if (result.diagnostics.length > 0) printDiagnostics(stderrIo, result.diagnostics, result.fileCount, { format: 'stylish', color: flags.color }, ctx.lang);
      if (result.diagnostics.some((d) => d.severity === 'error')) {
        io.stderr(`lofte: ${said.notWritten}\n`);
        return EXIT.findings;
      }
      // Drafts are not published unless asked for (--med-utkast, or --status utkast).
      const statuses = flags.status ?? (flags.medUtkast ? undefined : PUBLISHED_STATUSES);
      const left = placeholdersLeft(result.entities, flags.medUtkast === true || (flags.status ?? []).includes('utkast'));
      if (left.length > 0) {
        io.stderr(`lofte: ${said.placeholdersLeft({ places: left })}\n`);
        return EXIT.findings;
      }
      const filter = { lpo: flags.lpo, kommun: flags.kommun, ids: flags.id, statuses };
      // A single run's session is gone: its positions (and the files' bytes kept for them) are
      // returned before the model is built, so the two never share the heap (watch mode keeps them).
      if (!flags.watch) {
        forgetPositions(result.entities);
        collectGarbage();
      }
      last = performance.now();
      const model = buildReportModel(result.entities, result.graph, ctx.asOf, referenceData(), filter, ctx.config.site);
      time('report model');
      // A filter that matches nothing would publish an empty site and remove every page: a typo
      // is far likelier than a wish for that. Each --id must name a medborgarlöfte too.
      const missingIds = (flags.id ?? []).filter((id) => !model.documents.some((d) => d.id === id));
      if (filterText(flags) !== '' && (model.documents.length === 0 || missingIds.length > 0)) {
        const what = missingIds.length > 0 && model.documents.length > 0 ? missingIds.map((id) => `--id ${id}`).join(' ') : filterText(flags);
        io.stderr(`lofte: ${said.noMatch({ filters: what })}\n`);
        return EXIT.failure;
      }
      const settings = openData.openDataSettings(ctx.config.site, ctx.config.openData);
      const drafts = statuses === PUBLISHED_STATUSES ? result.entities.filter((e) => e.kind === 'Medborgarlofte' && e.value['status'] === 'utkast').length : 0;
      return { model, sources: openData.openDataSources(model, result.entities), settings, drafts };
    };
    const publish = async (changes?: Changes): Promise<number> => {
      const prepared = await prepare(changes);
      if (typeof prepared === 'number') return prepared;
      const { model, sources, settings, drafts } = prepared;
      const documents = model.documents.length;
      // Started now, it loads its code while the open data is built.
      const pageThread = mode === 'site' && !flags.watch && documents >= PAGE_THREAD_FROM ? new (await import('../report/page-thread.js')).PageQueue() : undefined;
      // A single run has let the validation result go (watch mode keeps its session): its memory
      // is returned before the pages are written, not after they have grown the heap to a multiple of it.
      if (!flags.watch) {
        limitHeapGrowth(HEAP_GROWTH_PERCENT);
        collectGarbage();
      }
      const interrupt = new AbortController();
      const stop = flags.watch ? undefined : io.onInterrupt?.(() => interrupt.abort());
      try {
        // Made only now, once a single run has let the validation result go: the open data built
        // here never shares the heap with it.
        const files = mode === 'site' ? siteFiles(model, flags.format, openData.openDataSite(model, sources, settings)) : openData.exportFiles(model, sources, settings);
        const written = await writeSite(out, files, { signal: interrupt.signal, pageThread });
        time('pages and write');
        if (written.lockTakenOverFrom !== undefined) io.stderr(`lofte: ${said.lockTakenOver({ pid: written.lockTakenOverFrom })}\n`);
        if (written.recovered === 'finished') io.stderr(`lofte: ${said.recoveredFinished}\n`);
        if (written.recovered === 'rolled-back') io.stderr(`lofte: ${said.recoveredRolledBack}\n`);
        const where = path.relative(io.cwd, out) || '.';
        const draftNote = (): void => {
          if (drafts > 0) io.stdout(`${said.draftsLeftOut({ drafts })}\n`);
        };
        if (mode === 'data') {
          io.stdout(`${said.dataWritten({ files: written.changed.length, where, documents, asOf: ctx.asOf })}\n`);
          const missing = openData.missingForHarvest(settings);
          if (missing.length > 0) io.stdout(`${said.harvestMissing({ fields: missing })}\n`);
          if (written.unchanged > 0) io.stdout(`${said.filesUnchanged({ files: written.unchanged })}\n`);
          if (written.removed.length > 0) io.stdout(`${said.filesRemoved({ files: written.removed.length })}\n`);
          return EXIT.ok;
        }
        // The counts are of pages; the data folder beside them is written the same way.
        const pages = written.written.filter(isPage).length;
        const changedPages = written.changed.filter(isPage).length;
        io.stdout(`${said.pagesWritten({ pages: changedPages, where, documents, asOf: ctx.asOf })}\n`);
        draftNote();
        if (pages - changedPages > 0) io.stdout(`${said.pagesUnchanged({ pages: pages - changedPages })}\n`);
        const removedPages = written.removed.filter(isPage).length;
        if (removedPages > 0) io.stdout(`${said.pagesRemoved({ pages: removedPages })}\n`);
        return EXIT.ok;
      } catch (err) {
        if (!(err instanceof WriteInterrupted)) return refuse(err);
        io.stderr(`lofte: ${said.interrupted}\n`);
        return EXIT.interrupted;
      } finally {
        stop?.();
        await pageThread?.stop();
      }
    };
    // The site is written under --out, which may lie inside the watched folders: its own pages
    // are not changes to react to (with Markdown pages that would never end).
    const ownOutput = (p: string): boolean => p === out || p.startsWith(out + path.sep);
    return runThenWatch(flags.watch, paths, io, ctx.lang, said.again, publish, { ignore: ownOutput });
  });
}
