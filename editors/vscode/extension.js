// The VS Code side of lofte: a language client that starts `lofte lsp` for the repository and
// lets it check .yaml, .yml and .md files. Everything else is the server's (src/lsp/ in lofte).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;

/** The command to start: the setting, else the repository's own lofte, else lofte on PATH. */
function serverCommand(folder) {
  const config = vscode.workspace.getConfiguration('lofte', folder);
  const given = config.get('kommando') || [];
  const lang = config.get('sprak') || '';
  const extra = lang ? ['--lang', lang] : [];
  if (given.length > 0) return { command: given[0], args: [...given.slice(1), ...extra] };
  const local = folder ? path.join(folder.uri.fsPath, 'node_modules', '.bin', process.platform === 'win32' ? 'lofte.cmd' : 'lofte') : undefined;
  const command = local && fs.existsSync(local) ? local : 'lofte';
  return { command, args: ['lsp', ...extra] };
}

function activate(context) {
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  const { command, args } = serverCommand(folder);
  const run = { command, args, transport: TransportKind.stdio, options: { cwd: folder ? folder.uri.fsPath : undefined, shell: process.platform === 'win32' } };
  client = new LanguageClient(
    'lofte',
    'lofte',
    { run, debug: run },
    {
      documentSelector: [
        { scheme: 'file', language: 'yaml' },
        { scheme: 'file', language: 'markdown' },
      ],
      synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{yaml,yml,md}') },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start().catch((err) => {
    vscode.window.showErrorMessage(`lofte: kunde inte starta språkservern (${command} ${args.join(' ')}): ${err && err.message ? err.message : err}. Installera lofte i förrådet (npm install lofte) eller ange lofte.kommando.`);
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
