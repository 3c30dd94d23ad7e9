// bench/lsp.js — the language server row of `npm run bench`: `lofte lsp` on a corpus, one
// keystroke in an open medborgarlöfte, time until the editor has the new diagnostics.
//
// An LSP client (vscode-languageserver-protocol, as an editor) starts `lofte lsp`, waits for the
// first check of the whole corpus (a hover request is answered only after it), opens one
// medborgarlofte.yaml and then changes its unsaved text `edits` times: each change alternately
// breaks the first `ansvarig` (an id that does not exist) and mends it. Measured: from sending the
// change to receiving the publishDiagnostics for that file that reflects it. Also the server's
// peak resident memory (VmHWM, Linux only).

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as rpc from 'vscode-languageserver-protocol/node';

export function measureLsp(bin, corpus, file, edits, timeoutS, asOf) {
  const original = fs.readFileSync(file, 'utf8');
  const broken = original.replace(/^(\s*ansvarig: )(.*)$/m, '$1$2-finns-inte');
  if (broken === original) return Promise.resolve({ error: `no ansvarig in ${file}` });
  const uri = pathToFileURL(file).href;
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio', '--as-of', asOf], { cwd: corpus, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => void (stderr += d));
    const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    let finished = false;
    const finish = (outcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      let peakRssMB;
      try {
        const kb = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
        peakRssMB = kb ? Number(kb) / 1024 : undefined;
      } catch {
        peakRssMB = undefined;
      }
      child.kill();
      conn.dispose();
      resolve({ ...outcome, peakRssMB });
    };
    const timer = setTimeout(() => finish({ error: `timed out after ${timeoutS} s`, stderr: stderr.slice(-2000) }), timeoutS * 1000);
    child.on('exit', () => finish({ error: 'lofte lsp exited early', stderr: stderr.slice(-2000) }));
    /** Resolved by the next publish for the file whose diagnostics say broken (true) or mended (false). */
    let waiting;
    conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
      if (p.uri !== uri || !waiting) return;
      const isBroken = p.diagnostics.some((d) => d.code === 'unresolved-reference');
      if (isBroken === waiting.broken) {
        const w = waiting;
        waiting = undefined;
        w.resolve();
      }
    });
    conn.listen();
    (async () => {
      await conn.sendRequest(rpc.InitializeRequest.type, { processId: process.pid, rootUri: pathToFileURL(corpus).href, capabilities: {} });
      await conn.sendNotification(rpc.InitializedNotification.type, {});
      await conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text: original } });
      await conn.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
      const firstS = Number(process.hrtime.bigint() - t0) / 1e9;
      const latenciesMs = [];
      for (let k = 1; k <= edits * 2; k++) {
        const broke = k % 2 === 1;
        const seen = new Promise((r) => (waiting = { broken: broke, resolve: r }));
        const sent = process.hrtime.bigint();
        await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: k + 1 }, contentChanges: [{ text: broke ? broken : original }] });
        await seen;
        latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
      }
      finish({ firstS, latenciesMs, file: path.relative(corpus, file) });
    })().catch((err) => finish({ error: String(err), stderr: stderr.slice(-2000) }));
  });
}
