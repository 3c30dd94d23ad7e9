// bench/lsp.js — the language server row of `npm run bench`: `lofte lsp` on a corpus, keystrokes in
// an open medborgarlöfte, time until the editor has the new diagnostics, and the server's memory.
//
// An LSP client (vscode-languageserver-protocol, as an editor) starts `lofte lsp`, waits for the
// first check of the whole corpus (a hover request is answered only after it), opens one
// medborgarlofte.yaml and then changes its unsaved text `edits` times: each change alternately
// breaks the first `ansvarig` (an id that does not exist) and mends it. Measured: from sending the
// change to receiving the publishDiagnostics for that file that reflects it (the median and 95th
// percentile), and the server's resident memory (VmRSS, Linux only) after the first check and after
// every edit, so growth per keystroke shows. The client then shuts the server down as an editor does.
//
//   node bench/lsp.js <corpus> [edits=1000] [--as-of YYYY-MM-DD] [-- node options, e.g. --cpu-prof]

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as rpc from 'vscode-languageserver-protocol/node';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** The server's resident memory now, in MB (undefined where /proc is not there). */
function rssMB(pid, field = 'VmRSS') {
  try {
    const kb = new RegExp(`${field}:\\s+(\\d+)`).exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export function percentile(values, p) {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `edits`: keystrokes to send. Resolves to { firstS, latenciesMs, rssFirstMB, rssAfterMB, rssSamplesMB,
 * peakRssMB, file } or { error, stderr }.
 */
export function measureLsp(bin, corpus, file, edits, timeoutS, asOf, nodeArgs = []) {
  const original = fs.readFileSync(file, 'utf8');
  const broken = original.replace(/^(\s*ansvarig: )(.*)$/m, '$1$2-finns-inte');
  if (broken === original) return Promise.resolve({ error: `no ansvarig in ${file}` });
  const uri = pathToFileURL(file).href;
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [...nodeArgs, bin, 'lsp', '--stdio', '--as-of', asOf], { cwd: corpus, stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => void (stderr += d));
    const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
    let finished = false;
    let exited = false;
    const finish = (outcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (!exited) child.kill();
      conn.dispose();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ error: `timed out after ${timeoutS} s`, stderr: stderr.slice(-2000) }), timeoutS * 1000);
    let result;
    child.on('exit', () => {
      exited = true;
      finish(result ?? { error: 'lofte lsp exited early', stderr: stderr.slice(-2000) });
    });
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
      const rssFirstMB = rssMB(child.pid);
      const rssSamplesMB = [];
      const every = Math.max(1, Math.floor(edits / 10));
      const latenciesMs = [];
      for (let k = 1; k <= edits; k++) {
        const broke = k % 2 === 1;
        const seen = new Promise((r) => (waiting = { broken: broke, resolve: r }));
        const sent = process.hrtime.bigint();
        await conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version: k + 1 }, contentChanges: [{ text: broke ? broken : original }] });
        await seen;
        latenciesMs.push(Number(process.hrtime.bigint() - sent) / 1e6);
        if (k % every === 0) rssSamplesMB.push(rssMB(child.pid));
      }
      const rssAfterMB = rssMB(child.pid);
      const peakRssMB = rssMB(child.pid, 'VmHWM');
      result = { firstS, latenciesMs, rssFirstMB, rssAfterMB, rssSamplesMB, peakRssMB, file: path.relative(corpus, file) };
      // As an editor ends a session: the server exits on its own (and writes a --cpu-prof profile).
      await conn.sendRequest(rpc.ShutdownRequest.type);
      await conn.sendNotification(rpc.ExitNotification.type);
    })().catch((err) => finish({ error: String(err), stderr: stderr.slice(-2000) }));
  });
}

/** The first medborgarlofte.yaml under a folder, in name order. */
export function findMedborgarlofte(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === 'medborgarlofte.yaml') return full;
    if (entry.isDirectory()) {
      const found = findMedborgarlofte(full);
      if (found) return found;
    }
  }
  return undefined;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const dash = args.indexOf('--');
  const nodeArgs = dash >= 0 ? args.splice(dash).slice(1) : [];
  const asOfAt = args.indexOf('--as-of');
  const asOf = asOfAt >= 0 ? args.splice(asOfAt, 2)[1] : '2026-11-24';
  const [corpus, edits = '1000'] = args;
  if (!corpus) {
    process.stderr.write('usage: node bench/lsp.js <corpus> [edits=1000] [--as-of YYYY-MM-DD] [-- node options]\n');
    process.exit(2);
  }
  const dir = path.resolve(corpus);
  const file = findMedborgarlofte(dir);
  if (!file) {
    process.stderr.write(`no medborgarlofte.yaml under ${dir}\n`);
    process.exit(1);
  }
  const r = await measureLsp(path.join(HERE, '..', 'bin', 'lofte.js'), dir, file, Number(edits), 1800, asOf, nodeArgs);
  if (r.error) {
    process.stderr.write(`${r.error}\n${r.stderr ?? ''}\n`);
    process.exit(1);
  }
  const mb = (x) => (x === undefined ? '?' : x.toFixed(0));
  process.stdout.write(
    `${r.file}: first check ${r.firstS.toFixed(2)} s; ${r.latenciesMs.length} keystrokes: median ${percentile(r.latenciesMs, 50).toFixed(1)} ms, p95 ${percentile(r.latenciesMs, 95).toFixed(1)} ms, max ${Math.max(...r.latenciesMs).toFixed(1)} ms; RSS ${mb(r.rssFirstMB)} MB after the first check, ${mb(r.rssAfterMB)} MB after the keystrokes (samples ${r.rssSamplesMB.map(mb).join(', ')}), peak ${mb(r.peakRssMB)} MB\n`,
  );
}
