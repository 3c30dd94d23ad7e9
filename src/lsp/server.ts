// `lofte lsp`: the Language Server Protocol over stdio. Loaded only for that command (cli/lsp.ts),
// so the language server's packages never slow down the rest of the command line.

import { createRequire } from 'node:module';
import type * as LanguageServer from 'vscode-languageserver/node';
import type * as TextDocumentModule from 'vscode-languageserver-textdocument';
import type { Diagnostic } from '../diagnostics/types.js';
import type { RepoFlags } from '../cli/context.js';
import { localDate, type CliIo } from '../cli/io.js';
import { watchPaths } from '../cli/watch.js';
import { codeActions } from './actions.js';
import { complete } from './complete.js';
import { pathOf, TextPositions, toLspDiagnostic, uriOf } from './convert.js';
import { definition, hover, prepareRename, references, rename, RenameRefused, type Here } from './navigate.js';
import { lspWords } from './words.js';
import { Workspace, type Snapshot } from './workspace.js';

// CommonJS packages, loaded with require: the bundle is a script that cannot import().
const require = createRequire(import.meta.url);

export interface ServerOptions {
  flags: RepoFlags;
  io: CliIo;
}

/** Serves until the client says exit (the library then ends the process). */
export function startServer(options: ServerOptions): void {
  const lsp = require('vscode-languageserver/node') as typeof LanguageServer;
  const { TextDocument } = require('vscode-languageserver-textdocument') as typeof TextDocumentModule;
  const connection = lsp.createConnection(process.stdin, process.stdout);
  const documents = new lsp.TextDocuments(TextDocument);
  let ws: Workspace | undefined;
  let clientWatches = false;
  /** What was last sent per file, so a run sends only the files whose findings changed. */
  const published = new Map<string, { from: readonly Diagnostic[]; sent: string }>();

  const publish = async (snap: Snapshot): Promise<void> => {
    const lang = snap.ctx.lang;
    const byFile = new Map<string, Diagnostic[]>();
    for (const d of [...snap.ctx.configDiagnostics, ...snap.result.diagnostics]) {
      const list = byFile.get(d.file);
      if (list) list.push(d);
      else byFile.set(d.file, [d]);
    }
    const sends: Promise<void>[] = [];
    const toUri = (file: string): string => uriOf((ws as Workspace).absPathOf(file));
    for (const [file, list] of byFile) {
      const last = published.get(file);
      // The repository stage keeps the findings of a file it did not redo: the very same objects.
      if (last && last.from.length === list.length && last.from.every((d, i) => d === list[i])) continue;
      const diagnostics = list.map((d) => toLspDiagnostic(d, lang, toUri));
      const sent = JSON.stringify(diagnostics);
      published.set(file, { from: list, sent });
      if (last?.sent === sent) continue;
      sends.push(connection.sendDiagnostics({ uri: toUri(file), diagnostics }));
    }
    for (const file of [...published.keys()]) {
      if (byFile.has(file)) continue;
      published.delete(file);
      sends.push(connection.sendDiagnostics({ uri: toUri(file), diagnostics: [] }));
    }
    await Promise.all(sends);
  };

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    const root = (folder ? pathOf(folder) : undefined) ?? options.io.cwd;
    ws = new Workspace(root, options.flags, options.io, publish);
    clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: lsp.TextDocumentSyncKind.Incremental,
        definitionProvider: true,
        referencesProvider: true,
        hoverProvider: true,
        completionProvider: { triggerCharacters: [' ', ':', '-'] },
        renameProvider: { prepareProvider: true },
        codeActionProvider: { codeActionKinds: [lsp.CodeActionKind.QuickFix] },
      },
      serverInfo: { name: 'lofte' },
    };
  });

  connection.onInitialized(() => {
    const workspace = ws as Workspace;
    if (clientWatches) {
      void connection.client.register(lsp.DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.{yaml,yml,md}' }] });
    } else {
      // A client that does not watch files: lofte watches them itself, as `lofte validate --watch` does.
      void watchPaths([workspace.root], { ...options.io, stderr: () => undefined }, async (changes) => {
        workspace.changed(changes ? [...changes] : undefined);
        await workspace.ready();
      });
    }
    void workspace.ready();
  });

  connection.onDidChangeWatchedFiles((params) => {
    const paths = params.changes.flatMap((c) => pathOf(c.uri) ?? []);
    // A file the editor has open is checked from the editor's text; saving it changes nothing.
    ws?.changed(paths.filter((p) => !documents.get(uriOf(p))));
  });

  documents.onDidChangeContent((e) => {
    const absPath = pathOf(e.document.uri);
    if (absPath) ws?.setText(absPath, e.document.getText(), e.document.version);
  });
  documents.onDidClose((e) => {
    const absPath = pathOf(e.document.uri);
    if (absPath) ws?.dropText(absPath);
  });

  /** The workspace after every change so far, and the place the request is about. */
  const at = async (uri: string, position: LanguageServer.Position): Promise<{ ws: Workspace; snap: Snapshot; here: Here } | undefined> => {
    const absPath = pathOf(uri);
    if (!ws || !absPath) return undefined;
    const snap = await ws.ready();
    const text = documents.get(uri)?.getText() ?? ws.textOf(absPath);
    if (!snap || text === undefined) return undefined;
    return { ws, snap, here: { absPath, text, offset: new TextPositions(text).offset(position) } };
  };
  const wordsOf = (snap: Snapshot): ReturnType<typeof lspWords> => lspWords(snap.ctx.lang);

  connection.onDefinition(async (p) => {
    const c = await at(p.textDocument.uri, p.position);
    return c ? definition(c.ws, c.snap, c.here) : [];
  });
  connection.onReferences(async (p) => {
    const c = await at(p.textDocument.uri, p.position);
    return c ? references(c.ws, c.snap, c.here, p.context.includeDeclaration) : [];
  });
  connection.onHover(async (p) => {
    const c = await at(p.textDocument.uri, p.position);
    return c ? hover(c.ws, c.snap, c.here, wordsOf(c.snap)) : null;
  });
  connection.onCompletion(async (p) => {
    const c = await at(p.textDocument.uri, p.position);
    return c ? complete(c.snap, c.here, wordsOf(c.snap)) : [];
  });
  connection.onPrepareRename(async (p) => {
    const c = await at(p.textDocument.uri, p.position);
    if (!c) return null;
    const range = prepareRename(c.ws, c.snap, c.here);
    if (!range) return new lsp.ResponseError(lsp.ErrorCodes.InvalidRequest, wordsOf(c.snap).renameNotId);
    return range;
  });
  connection.onRenameRequest(async (p) => {
    const c = await at(p.textDocument.uri, p.position);
    if (!c) return null;
    try {
      return rename(c.ws, c.snap, c.here, p.newName, wordsOf(c.snap));
    } catch (err) {
      if (err instanceof RenameRefused) return new lsp.ResponseError(lsp.ErrorCodes.InvalidParams, err.message);
      throw err;
    }
  });
  connection.onCodeAction(async (p) => {
    const c = await at(p.textDocument.uri, p.range.start);
    if (!c) return [];
    return codeActions({ ws: c.ws, snap: c.snap, absPath: c.here.absPath, text: c.here.text, words: wordsOf(c.snap), today: c.snap.ctx.asOf || localDate(options.io.now()) }, p.context.diagnostics);
  });

  documents.listen(connection);
  connection.listen();
}
