// `lofte lsp`: the language server for editors, over stdio. Its code and packages load only here.

import { Command, Option } from 'commander';
import type { RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { parseDate } from './run.js';

export function lspCommand(program: Command, io: CliIo): void {
  program
    .command('lsp')
    .description('språkserver (Language Server Protocol) för editorer: alla kontroller medan du skriver, hänvisningar mellan filerna')
    .option('--stdio', 'tala LSP över stdin och stdout (standard, och det enda sättet)')
    .addOption(new Option('--lang <språk>', 'språk för meddelanden: sv eller en').choices(['sv', 'en']))
    .addOption(new Option('--as-of <datum>', 'dagen som tidsberoende regler utgår från (ÅÅÅÅ-MM-DD); standard: i dag').argParser(parseDate))
    .option('--config <fil>', 'konfigurationsfil (standard: närmaste lofte.config.yaml)')
    // Editors' clients add their own arguments (--clientProcessId=…), which the server library reads.
    .allowUnknownOption()
    .action(async (flags: RepoFlags) => {
      const { startServer } = await import('../lsp/server.js');
      startServer({ flags, io });
      // The connection keeps the process alive; the client's `exit` ends it.
      await new Promise<never>(() => undefined);
    });
}
