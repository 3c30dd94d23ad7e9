// `lofte links [paths…]`: the graph validate resolves, shown for people.

import { Command, Option } from 'commander';
import { buildLinkView } from '../links/view.js';
import { renderLinksJson, renderLinksMermaid, renderLinksText } from '../links/render.js';
import { validateRepository } from '../validate.js';
import { repoContext, type RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { commonOptions, EXIT } from './run.js';
import { printDiagnostics } from './validate.js';

const RENDERERS = { text: renderLinksText, json: renderLinksJson, mermaid: renderLinksMermaid } as const;

interface LinksFlags extends RepoFlags {
  format: keyof typeof RENDERERS;
  color?: boolean;
}

export function linksCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = program
    .command('links')
    .description('visa hur problembilder, löften och aktörer hänger ihop')
    .argument('[sökvägar...]', 'filer och mappar att läsa', ['.'])
    .addOption(new Option('-f, --format <format>', 'utdataformat').choices(Object.keys(RENDERERS)).default('text'));
  commonOptions(cmd).action(async (paths: string[], flags: LinksFlags) => {
    const ctx = await repoContext(paths, flags, io);
    if (ctx.configDiagnostics.length > 0) {
      printDiagnostics(io, ctx.configDiagnostics, 1, { format: 'stylish', color: flags.color }, ctx.lang);
      setExit(EXIT.failure);
      return;
    }
    const result = await validateRepository({ ...ctx.options, reportOnly: undefined });
    io.stdout(RENDERERS[flags.format](buildLinkView(result.entities, result.graph)));
    // Broken links are validate's to explain; links still shows what does resolve.
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      printDiagnostics({ ...io, stdout: io.stderr }, errors, result.fileCount, { format: 'stylish', color: flags.color }, ctx.lang);
      setExit(EXIT.findings);
    }
  });
}
