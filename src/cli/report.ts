// `lofte report [paths…] --out DIR`: validate, then publish the repository as HTML and/or Markdown.

import path from 'node:path';
import { Command, Option } from 'commander';
import { referenceData } from '../model/reference-data.js';
import type { SiteFormat } from '../report/site.js';
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
  watch?: boolean;
}

const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function reportCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = program
    .command('report')
    .description('gör publiceringsklara sidor (HTML och/eller Markdown) av medborgarlöftena')
    .argument('[sökvägar...]', 'filer och mappar att läsa', ['.'])
    .requiredOption('-o, --out <mapp>', 'mappen sidorna skrivs till')
    .addOption(new Option('-f, --format <format>', 'html, md eller both').choices(['html', 'md', 'both']).default('html'))
    .option('--lpo <id>', 'bara medborgarlöften från detta lokalpolisområde')
    .option('--kommun <kommun>', 'bara medborgarlöften för denna kommun (id, kommunkod eller namn)')
    .option('--id <id>', 'bara detta medborgarlöfte (kan upprepas)', collect)
    .addOption(new Option('--status <status>', 'bara medborgarlöften med denna status (kan upprepas)').choices(['utkast', 'beslutad', 'publicerad', 'avslutad']).argParser(collect))
    .option('-w, --watch', 'gör om sidorna vid varje ändring, tills Ctrl-C');
  commonOptions(cmd).action(async (paths: string[], flags: ReportFlags) => {
    // The report's modules (marked, sanitize-html, the page builders) load only when it runs.
    const [{ buildReportModel }, { siteFiles }, { writeSite, WriteInterrupted }] = await Promise.all([
      import('../report/model.js'),
      import('../report/site.js'),
      import('../report/write.js'),
    ]);
    const ctx = await repoContext(paths, flags, io);
    const stderrIo = { ...io, stdout: io.stderr };
    if (ctx.configDiagnostics.length > 0) {
      printDiagnostics(stderrIo, ctx.configDiagnostics, 1, { format: 'stylish', color: flags.color }, ctx.lang);
      setExit(EXIT.failure);
      return;
    }
    const session = new ValidationSession({ ...ctx.options, reportOnly: undefined });
    const out = path.resolve(io.cwd, flags.out);
    const publish = async (changes?: Changes): Promise<number> => {
      const result = await session.run(changes);
      if (result.diagnostics.length > 0) printDiagnostics(stderrIo, result.diagnostics, result.fileCount, { format: 'stylish', color: flags.color }, ctx.lang);
      if (result.diagnostics.some((d) => d.severity === 'error')) {
        io.stderr('lofte: Rapporten skrevs inte: rätta felen ovan först.\n');
        return EXIT.findings;
      }
      const filter = { lpo: flags.lpo, kommun: flags.kommun, ids: flags.id, statuses: flags.status };
      let last = performance.now();
      const time = (stage: string): void => {
        ctx.options.onTiming?.(stage, performance.now() - last);
        last = performance.now();
      };
      const model = buildReportModel(result.entities, result.graph, ctx.asOf, referenceData(), filter, ctx.config.site);
      time('report model');
      const interrupt = new AbortController();
      const stop = flags.watch ? undefined : io.onInterrupt?.(() => interrupt.abort());
      try {
        const written = await writeSite(out, siteFiles(model, flags.format), interrupt.signal);
        time('pages and write');
        io.stdout(`Skrev ${written.written.length - written.unchanged} sidor till ${path.relative(io.cwd, out) || '.'} (${model.documents.length} medborgarlöften, läget per ${ctx.asOf}).\n`);
        if (written.unchanged > 0) io.stdout(`${written.unchanged} sidor var desamma som förra gången och fick stå kvar.\n`);
        if (written.removed.length > 0) io.stdout(`Tog bort ${written.removed.length} sidor från en tidigare körning som inte längre finns.\n`);
        return EXIT.ok;
      } catch (err) {
        if (!(err instanceof WriteInterrupted)) throw err;
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
