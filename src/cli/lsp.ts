// `lofte lsp`: the language server for editors, over stdio. Its code and packages load only here.

import type { CliWords } from '../diagnostics/messages/cli.js';
import type { RepoFlags } from './context.js';
import type { CliIo } from './io.js';
import { LofteCommand, repoOptions } from './options.js';

export function lspCommand(io: CliIo, words: CliWords): LofteCommand {
  const cmd = new LofteCommand('lsp').description(words.lsp.description).option('--stdio', words.lsp.stdio);
  return repoOptions(cmd, words)
    // Editors' clients add their own arguments (--clientProcessId=…), which the server library reads.
    .allowUnknownOption()
    .run(async (flags: RepoFlags) => {
      const { startServer } = await import('../lsp/server.js');
      startServer({ flags, io });
      // The connection keeps the process alive; the client's `exit` ends it.
      return new Promise<never>(() => undefined);
    });
}
