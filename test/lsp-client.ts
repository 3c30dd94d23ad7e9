// A real LSP client for the tests: starts the built `lofte lsp` as a child process and talks the
// protocol to it over stdio with vscode-languageserver-protocol, as an editor does.

import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL, fileURLToPath } from 'node:url';
import * as rpc from 'vscode-languageserver-protocol/node';
import { ROOT } from './helpers.js';

export type Lsp = typeof rpc;
export { rpc };

export const uri = (absPath: string): string => pathToFileURL(absPath).href;

/** A copy of an example repository in a temp folder, which a test may change. */
export function repoCopy(example: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-lsp-'));
  cpSync(path.join(ROOT, 'examples', example), dir, { recursive: true });
  return dir;
}

export class Client {
  readonly conn: rpc.ProtocolConnection;
  readonly child: ChildProcess;
  readonly diagnostics = new Map<string, rpc.Diagnostic[]>();
  /** Every publish, in order: a test waits for the one it expects. */
  private waiters: (() => void)[] = [];
  readonly exited: Promise<number | null>;
  stderr = '';
  private versions = new Map<string, number>();

  constructor(readonly root: string, args: string[] = []) {
    this.child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lofte.js'), 'lsp', '--stdio', '--as-of', '2026-11-24', ...args], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'], env: { PATH: process.env['PATH'] ?? '' } });
    this.child.stderr?.on('data', (b: Buffer) => void (this.stderr += b.toString()));
    this.exited = new Promise((resolve) => this.child.on('exit', (code) => resolve(code)));
    this.conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(this.child.stdout!), new rpc.StreamMessageWriter(this.child.stdin!));
    this.conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
      this.diagnostics.set(p.uri, p.diagnostics);
      for (const w of this.waiters.splice(0)) w();
    });
    this.conn.listen();
  }

  async initialize(): Promise<rpc.InitializeResult> {
    const result = await this.conn.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid,
      rootUri: uri(this.root),
      workspaceFolders: [{ uri: uri(this.root), name: 'repo' }],
      capabilities: { workspace: { workspaceEdit: { documentChanges: true } } },
    });
    await this.conn.sendNotification(rpc.InitializedNotification.type, {});
    return result;
  }

  /** Waits until `check` holds for the diagnostics published so far. */
  async until(check: () => boolean): Promise<void> {
    while (!check()) await new Promise<void>((resolve) => this.waiters.push(resolve));
  }

  diagnosticsOf(rel: string): rpc.Diagnostic[] {
    return this.diagnostics.get(uri(path.join(this.root, rel))) ?? [];
  }

  async open(rel: string): Promise<string> {
    const file = path.join(this.root, rel);
    const text = readFileSync(file, 'utf8');
    this.versions.set(rel, 1);
    await this.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri: uri(file), languageId: rel.endsWith('.md') ? 'markdown' : 'yaml', version: 1, text } });
    return text;
  }

  /** Replaces the whole (unsaved) text of an open file. */
  async change(rel: string, text: string): Promise<void> {
    const version = (this.versions.get(rel) ?? 1) + 1;
    this.versions.set(rel, version);
    await this.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri: uri(path.join(this.root, rel)), version }, contentChanges: [{ text }] });
  }

  async close(rel: string): Promise<void> {
    await this.conn.sendNotification(rpc.DidCloseTextDocumentNotification.type, { textDocument: { uri: uri(path.join(this.root, rel)) } });
  }

  /** The LSP position of the `nth` occurrence of `needle` in a file's text (plus `shift` characters). */
  static positionOf(text: string, needle: string, shift = 0, nth = 0): rpc.Position {
    let at = -1;
    for (let i = 0; i <= nth; i++) at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" not found`);
    const offset = at + shift;
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }

  params(rel: string, position: rpc.Position): rpc.TextDocumentPositionParams {
    return { textDocument: { uri: uri(path.join(this.root, rel)) }, position };
  }

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest(rpc.ShutdownRequest.type);
    await this.conn.sendNotification(rpc.ExitNotification.type);
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }
}

/** Applies a workspace edit to the files on disk, as an editor does when it saves them all. */
export function applyEdit(edit: rpc.WorkspaceEdit): void {
  const edits = new Map<string, rpc.TextEdit[]>();
  for (const [u, list] of Object.entries(edit.changes ?? {})) edits.set(u, [...(edits.get(u) ?? []), ...list]);
  for (const change of edit.documentChanges ?? []) {
    if ('kind' in change) {
      if (change.kind !== 'create') throw new Error(`unexpected ${change.kind}`);
      const file = fileURLToPath(change.uri);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, '');
    } else {
      edits.set(change.textDocument.uri, [...(edits.get(change.textDocument.uri) ?? []), ...(change.edits as rpc.TextEdit[])]);
    }
  }
  for (const [u, list] of edits) {
    const file = fileURLToPath(u);
    let text = readFileSync(file, 'utf8');
    const offset = (p: rpc.Position): number => {
      const lines = text.split('\n');
      return lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
    };
    // From the end backwards, so earlier offsets stay right.
    const sorted = [...list].sort((a, b) => offset(b.range.start) - offset(a.range.start));
    for (const e of sorted) text = text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
    writeFileSync(file, text);
  }
}
