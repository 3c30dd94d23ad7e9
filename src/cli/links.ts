// `lofte links [paths…]`: the graph validate resolves, shown for people.

import type { CliWords } from '../diagnostics/messages/cli.js';
import { language } from '../diagnostics/messages/index.js';
import { buildLinkView } from '../links/view.js';
import { renderLinksJson, renderLinksMermaid, renderLinksText } from '../links/render.js';
import { validateRepository } from '../validate.js';
import { nothingToCheck, repoContext, type RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { commonOptions, EXIT, LofteCommand, option } from './options.js';
import { printDiagnostics } from './validate.js';

const RENDERERS = { text: renderLinksText, json: renderLinksJson, mermaid: renderLinksMermaid } as const;

interface LinksFlags extends RepoFlags {
  format: keyof typeof RENDERERS;
  color?: boolean;
}

export function linksCommand(io: CliIo, words: CliWords): LofteCommand {
  const w = words.links;
  const cmd = new LofteCommand('links')
    .description(w.description)
    .argument(`[${w.paths.name}]`, w.paths.text, ['.'])
    .addOption(option('-f, --format', w.format).choices(Object.keys(RENDERERS)).default('text'));
  return commonOptions(cmd, words).run(async (paths: string[], flags: LinksFlags) => {
    const ctx = await repoContext(paths, flags, io, 'links');
    cmd.lang = ctx.lang;
    if (ctx.configDiagnostics.length > 0) {
      printDiagnostics(io, ctx.configDiagnostics, 1, { format: 'stylish', color: flags.color }, ctx.lang);
      return EXIT.failure;
    }
    const result = await validateRepository({ ...ctx.options, reportOnly: undefined });
    if (result.fileCount === 0) throw nothingToCheck(ctx);
    io.stdout(RENDERERS[flags.format](buildLinkView(result.entities, result.graph), language(ctx.lang).cli.linksView));
    // Broken links are validate's to explain; links still shows what does resolve.
    const errors = result.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length > 0) {
      printDiagnostics({ ...io, stdout: io.stderr }, errors, result.fileCount, { format: 'stylish', color: flags.color }, ctx.lang);
      return EXIT.findings;
    }
    return EXIT.ok;
  });
}
