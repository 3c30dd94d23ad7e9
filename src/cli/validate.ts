// `lofte validate [paths…]`: check a repository and print every finding.

import { existsSync } from 'node:fs';
import path from 'node:path';
import type { CliWords } from '../diagnostics/messages/cli.js';
import { language, type Lang } from '../diagnostics/messages/index.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { FORMATTERS } from '../format/index.js';
import { docsBaseUrl } from '../format/sarif.js';
import { countDiagnostics } from '../format/types.js';
import { printable } from '../util/printable.js';
import { ValidationSession } from '../validate.js';
import { DEFAULT_CACHE_FOLDER } from '../cache/store.js';
import { runThenWatch, type Changes } from './watch.js';
import { nothingToCheck, repoContext, type RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { collectFormat, parseOutputs, writeOutput } from './outputs.js';
import { commonOptions, EXIT, LofteCommand, option, parseCount } from './options.js';
import { stopwatch } from '../util/stopwatch.js';

interface ValidateFlags extends RepoFlags {
  format?: string[];
  color?: boolean;
  maxWarnings?: number;
  strict?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  watch?: boolean;
  cache?: boolean;
  cacheLocation?: string;
}

/** The folder CI annotations are relative to: $GITHUB_WORKSPACE, else the git root, else cwd. */
export function repoRoot(io: CliIo): string {
  if (io.env['GITHUB_WORKSPACE']) return io.env['GITHUB_WORKSPACE'];
  for (let dir = io.cwd; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return io.cwd;
  }
}

/**
 * `--color` forces colour, `--no-color` and NO_COLOR turn it off, FORCE_COLOR turns it on (or off
 * when 0 or false, as chalk and Node read it); otherwise only at a terminal.
 */
export function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if ((io.env['NO_COLOR'] ?? '') !== '') return false;
  const force = io.env['FORCE_COLOR'];
  if (force !== undefined) return force !== '0' && force.toLowerCase() !== 'false';
  return io.stdoutIsTTY;
}

export function formatDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], fileCount: number, format: string, color: boolean, lang: Lang): string {
  const root = repoRoot(io);
  const formatter = FORMATTERS[format] ?? FORMATTERS['stylish'];
  return formatter!(diagnostics, {
    lang,
    color: format === 'stylish' && color,
    fileCount,
    toRepoPath: (file) => path.relative(root, path.resolve(io.cwd, file)).split(path.sep).join('/'),
    docsUrl: io.env['LOFTE_DOCS_URL'] ? docsBaseUrl(io.env) : undefined,
  });
}

export function printDiagnostics(io: CliIo, diagnostics: readonly Diagnostic[], fileCount: number, flags: { format: string; color?: boolean }, lang: Lang): void {
  io.stdout(formatDiagnostics(io, diagnostics, fileCount, flags.format, useColor(flags.color, io), lang));
}

export function validateCommand(io: CliIo, words: CliWords): LofteCommand {
  const w = words.validate;
  const cmd = new LofteCommand('validate')
    .description(w.description)
    .argument(`[${w.paths.name}]`, w.paths.text, ['.'])
    .addOption(option('-f, --format', w.format({ formats: Object.keys(FORMATTERS).join(', ') })).argParser(collectFormat))
    .addOption(option('--max-warnings', w.maxWarnings).argParser((v) => parseCount(v, words)))
    .option('--strict', w.strict)
    .option('-q, --quiet', w.quiet)
    .option('--verbose', w.verbose)
    .option('-w, --watch', w.watch)
    .option('--cache', w.cache({ folder: DEFAULT_CACHE_FOLDER }))
    .addOption(option('--cache-location', w.cacheLocation));
  return commonOptions(cmd, words).run(async (paths: string[], flags: ValidateFlags) => {
    const outputs = parseOutputs(flags.format, 'stylish');
    const toStdout = outputs.find((o) => o.file === undefined) ?? { format: 'stylish' };
    const cached = flags.cache === true || flags.cacheLocation !== undefined;
    const ctx = await repoContext(paths, { ...flags, preloadValidators: !cached }, io, 'validate');
    cmd.lang = ctx.lang;
    if (ctx.configDiagnostics.length > 0) {
      printDiagnostics(io, ctx.configDiagnostics, 1, { format: toStdout.format, color: flags.color }, ctx.lang);
      return EXIT.failure;
    }
    const ui = language(ctx.lang).ui;
    if (cached) {
      const location = path.resolve(io.cwd, flags.cacheLocation ?? path.join(ctx.repository?.root ?? io.cwd, DEFAULT_CACHE_FOLDER));
      const shown = printable(path.relative(io.cwd, location) || '.');
      ctx.options.cache = { location, onWriteError: (code) => io.stderr(ui.cacheNotWritten({ location: shown, code: printable(code) })) };
    }
    const session = new ValidationSession(ctx.options);
    const check = async (changes?: Changes): Promise<number> => {
      const result = await session.run(changes);
      if (flags.verbose && result.skipped.length > 0) {
        io.stderr(`${ui.skippedHeader}\n${result.skipped.map((s) => `  ${printable(s.file)}: ${ui.skipped[s.reason] ?? printable(s.reason)}`).join('\n')}\n`);
      }
      if (result.shownFileCount === 0 && !flags.watch) throw nothingToCheck(ctx);
      const time = stopwatch(ctx.options.onTiming);
      const shown = flags.quiet ? result.diagnostics.filter((d) => d.severity === 'error') : result.diagnostics;
      for (const o of outputs) {
        const text = formatDiagnostics(io, shown, result.shownFileCount, o.format, o.file === undefined && useColor(flags.color, io), ctx.lang);
        if (o.file === undefined) io.stdout(text);
        else await writeOutput(io.cwd, o.file, text);
      }
      time('output');
      const hidden = result.diagnostics.length - shown.length;
      if (hidden > 0) io.stderr(ui.warningsHidden(hidden));
      const counts = countDiagnostics(result.diagnostics, result.shownFileCount);
      const warningsFail = (flags.strict === true && counts.warnings > 0) || (flags.maxWarnings !== undefined && counts.warnings > flags.maxWarnings);
      // Warnings alone failed the run: say why, or a run whose output shows no error exits 1 unexplained.
      if (warningsFail && counts.errors === 0) io.stderr(ui.warningsFailed({ warnings: counts.warnings, max: flags.maxWarnings, strict: !(flags.maxWarnings !== undefined && counts.warnings > flags.maxWarnings) }));
      return counts.errors > 0 || warningsFail ? EXIT.findings : EXIT.ok;
    };
    return runThenWatch(flags.watch, ctx.repository ? [ctx.repository.root] : paths, io, ctx.lang, language(ctx.lang).cli.validate.again, check);
  });
}
