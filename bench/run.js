// bench/run.js — the benchmark behind `npm run bench`: generate corpora, time lofte and its floors as whole processes, print a table, write bench/results/latest.json.
//
//   node bench/run.js [--runs N] [--quick] [--sizes 1000,10000] [--timeout SECONDS] [--keep]
//
// It measures, never asserts: the exit code is 0 unless something failed to run (a crash, a
// timeout, an unexpected exit code, a missing build). See bench/README.md for what each row means.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateCorpus } from './generate.js';
import { measureLsp, percentile } from './lsp.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const BIN = path.join(ROOT, 'bin', 'lofte.js');
const FLOOR = path.join(HERE, 'floor.js');
const HOOK = path.join(HERE, 'rss-hook.js');
const RESULTS = path.join(HERE, 'results');
const TIME_BIN = '/usr/bin/time';

const AS_OF = '2026-11-24';
const ERROR_SHARE = 0.05;
const SEED = 1;
/** The row every other row is compared with: the least work a validator has to do. */
const BASE_FLOOR = 'ajv';

const HELP = `usage: node bench/run.js [options]

  --runs N          measurements per command and size; the median is reported (default 5)
  --quick           only the 1,000-file corpus, 3 runs (unless --runs is given)
  --sizes A,B       corpus sizes in files (default 1000,10000)
  --timeout S       seconds before one run is killed (default 300)
  --lsp-edits N     keystrokes the lsp row sends (default 1000): latency median/p95, RSS growth
  --keep            keep the temporary folder (corpora, outputs, logs) and print where it is
  --only A,B        only these rows: node, stat, read, js-yaml, yaml, ajv, rules, validate, validate-clean,
                    validate-threads, cache-cold, cache-one, cache-none, report, watch, lsp,
                    startup, report-memory (default: all)
  -h, --help        this text
`;

class UsageError extends Error {}

function parseArgs(argv) {
  const opts = { runs: 5, sizes: [1000, 10000], timeoutS: 300, keep: false, quick: false, only: undefined, lspEdits: 1000 };
  let runsGiven = false;
  let sizesGiven = false;
  const args = argv.flatMap((a) => (a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a]));
  const positiveInt = (text, flag) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(`${flag} needs a positive whole number, got "${text}"`);
    return n;
  };
  for (let i = 0; i < args.length; i++) {
    const flag = args[i];
    const value = () => {
      if (i + 1 >= args.length) throw new UsageError(`${flag} needs a value`);
      return args[++i];
    };
    if (flag === '--runs') {
      opts.runs = positiveInt(value(), flag);
      runsGiven = true;
    } else if (flag === '--quick') opts.quick = true;
    else if (flag === '--sizes') {
      opts.sizes = value()
        .split(',')
        .map((s) => positiveInt(s.trim(), flag));
      sizesGiven = true;
    } else if (flag === '--timeout') {
      const t = Number(value());
      if (!(t > 0)) throw new UsageError('--timeout needs a number of seconds greater than 0');
      opts.timeoutS = t;
    } else if (flag === '--lsp-edits') opts.lspEdits = positiveInt(value(), flag);
    else if (flag === '--keep') opts.keep = true;
    else if (flag === '--only') opts.only = new Set(value().split(',').map((x) => x.trim()));
    else if (flag === '-h' || flag === '--help') opts.help = true;
    else throw new UsageError(`unknown argument "${flag}"`);
  }
  if (opts.quick) {
    if (!sizesGiven) opts.sizes = [1000];
    if (!runsGiven) opts.runs = 3;
  }
  opts.sizes = [...new Set(opts.sizes)].sort((a, b) => a - b);
  return opts;
}

/** Megabytes as the tables show them. */
const mb = (x) => (x === undefined ? '–' : x.toFixed(0));

// ───────────────────────────── measuring one process ─────────────────────────────

const running = new Set();

function detectRssMethod(tmp) {
  if (fs.existsSync(TIME_BIN)) {
    const probe = path.join(tmp, 'time-probe.txt');
    const r = spawnSync(TIME_BIN, ['-v', '-o', probe, process.execPath, '-e', ''], { stdio: 'ignore' });
    if (r.status === 0 && fs.existsSync(probe) && /Maximum resident set size \(kbytes\): \d+/.test(fs.readFileSync(probe, 'utf8'))) {
      return { id: 'gnu-time', description: `${TIME_BIN} -v: maximum resident set size of the node process` };
    }
  }
  return { id: 'resource-usage', description: 'process.resourceUsage().maxRSS, reported by the child itself (node --import bench/rss-hook.js)' };
}

function readRssKiB(file, method) {
  try {
    const text = fs.readFileSync(file, 'utf8');
    if (method.id === 'gnu-time') {
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(text);
      return m ? Number(m[1]) : undefined;
    }
    const n = Number(text.trim());
    return Number.isFinite(n) && n > 0 ? n : undefined;
  } catch {
    return undefined;
  }
}

/** Runs `node <args>` once in `cwd`; wall time from spawn to exit, peak RSS by the chosen method. */
function runOnce(args, { cwd, logBase, method, timeoutS, env: extraEnv }) {
  return new Promise((resolve) => {
    const stdoutFile = `${logBase}.stdout`;
    const stderrFile = `${logBase}.stderr`;
    const rssFile = `${logBase}.rss`;
    fs.rmSync(rssFile, { force: true });
    const out = fs.openSync(stdoutFile, 'w');
    const err = fs.openSync(stderrFile, 'w');
    const env = { ...process.env, NO_COLOR: '1', ...extraEnv };
    let file;
    let argv;
    if (method.id === 'gnu-time') {
      file = TIME_BIN;
      argv = ['-v', '-o', rssFile, process.execPath, ...args];
    } else {
      file = process.execPath;
      argv = ['--import', pathToFileURL(HOOK).href, ...args];
      env.LOFTE_BENCH_RSS_FILE = rssFile;
    }
    let settled = false;
    let timedOut = false;
    let timer;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fs.closeSync(out);
      fs.closeSync(err);
      resolve({ ...result, stdoutFile, stderrFile });
    };
    const t0 = process.hrtime.bigint();
    let child;
    try {
      // Its own process group, so a timeout can end the node process under /usr/bin/time too.
      child = spawn(file, argv, { cwd, env, stdio: ['ignore', out, err], detached: true });
    } catch (error) {
      finish({ error: String(error) });
      return;
    }
    running.add(child);
    timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeoutS * 1000);
    child.on('error', (error) => {
      running.delete(child);
      finish({ error: String(error) });
    });
    child.on('exit', (code, signal) => {
      const wallS = Number(process.hrtime.bigint() - t0) / 1e9;
      running.delete(child);
      finish({ wallS, code, signal, timedOut, rssKiB: readRssKiB(rssFile, method) });
    });
  });
}

function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

// ───────────────────────────── small helpers ─────────────────────────────

function median(values) {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return undefined;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}

const fmt = {
  s: (x) => (x === undefined ? '–' : x < 1 ? x.toFixed(3) : x.toFixed(2)),
  rate: (x) => (x === undefined ? '–' : x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toFixed(1)),
  mb: (x) => (x === undefined ? '–' : x.toFixed(1)),
  ratio: (x) => (x === undefined ? '–' : x >= 10 ? `${x.toFixed(1)}×` : `${x.toFixed(2)}×`),
  int: (x) => x.toLocaleString('en-US'),
};

function table(header, rows, alignRight) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => (alignRight[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function tail(file, lines = 15) {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const progress = (text) => process.stderr.write(`${text}\n`);

// ───────────────────────────── the benchmark ─────────────────────────────

function commandsFor(size, corpora) {
  const errored = corpora.errored.dir;
  const clean = corpora.clean.dir;
  const cached = corpora.cached?.dir; // generated only when a cache row is chosen
  const lofte = (...rest) => [BIN, ...rest];
  return [
    { id: 'node', label: 'node -e ""', args: () => ['-e', ''], expect: [0] },
    { id: 'stat', label: 'floor: walk + stat, no read', args: () => [FLOOR, 'stat', errored], expect: [0] },
    { id: 'read', label: 'floor: read only', args: () => [FLOOR, 'read', errored], expect: [0] },
    { id: 'js-yaml', label: 'floor: read + js-yaml', args: () => [FLOOR, 'js-yaml', errored], expect: [0] },
    { id: 'yaml', label: 'floor: read + yaml', args: () => [FLOOR, 'yaml', errored], expect: [0] },
    { id: 'ajv', label: 'floor: read + js-yaml + ajv', args: () => [FLOOR, 'ajv', errored], expect: [0] },
    { id: 'rules', label: "floor: + lofte's document rules", args: () => [FLOOR, 'rules', errored], expect: [0] },
    { id: 'validate', label: `lofte validate (${ERROR_SHARE * 100} % errors)`, args: () => lofte('validate', errored, '--format', 'json', '--as-of', AS_OF), expect: [0, 1] },
    { id: 'validate-clean', label: 'lofte validate (clean)', args: () => lofte('validate', clean, '--format', 'json', '--as-of', AS_OF), expect: [0, 1] },
    { id: 'validate-threads', label: 'lofte validate (clean, 2 threads)', args: () => lofte('validate', clean, '--format', 'json', '--as-of', AS_OF), env: { LOFTE_THREADS: '2' }, expect: [0, 1] },
    { id: 'report', label: 'lofte report (clean)', args: (run) => lofte('report', clean, '--out', `site-${size}-${run}`, '--as-of', AS_OF), expect: [0], outDir: (run) => `site-${size}-${run}` },
    // --cache on a twin of the errored corpus (one of its files is edited): a new cache folder each
    // run; a warm one after a file was edited (another title each run); the same with nothing changed.
    { id: 'cache-cold', label: 'validate --cache, cold', args: (run) => lofte('validate', cached, '--format', 'json', '--as-of', AS_OF, '--cache-location', `cache-cold-${size}-${run}`), expect: [0, 1], outDir: (run) => `cache-cold-${size}-${run}` },
    { id: 'cache-one', label: 'validate --cache, 1 file changed', args: () => lofte('validate', cached, '--format', 'json', '--as-of', AS_OF, '--cache-location', `cache-warm-${size}`), expect: [0, 1], before: (run, tmp) => editOneFile(path.join(tmp, cached), run) },
    { id: 'cache-none', label: 'validate --cache, nothing changed', args: () => lofte('validate', cached, '--format', 'json', '--as-of', AS_OF, '--cache-location', `cache-warm-${size}`), expect: [0, 1] },
  ];
}

/** Another title in one medborgarlöfte of the corpus, a new one each run. */
function editOneFile(corpus, run) {
  const file = findFile(corpus, 'medborgarlofte.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/^titel: .*$/m, `titel: Ändrad titel ${run}`));
}

// ───────────────────────────── targets (issue 20) ─────────────────────────────

/**
 * Every target of the issue, as a ratio of two medians measured in this run at one size. `of`
 * and `to` name rows; a target whose rows were not measured shows as such. The `report` rows
 * (time, memory per file) and the one-LPO start-up row are added here by the report work.
 */
const TARGETS = [
  { label: 'cold validate ≤ 1.4× floor (read + js-yaml + ajv)', of: 'validate', to: BASE_FLOOR, limit: 1.4 },
  { label: 'validate --cache, cold ÷ floor (for reference)', of: 'cache-cold', to: BASE_FLOOR, limit: undefined },
  { label: 'warm validate, 1 file changed ≤ 0.35× floor', of: 'cache-one', to: BASE_FLOOR, limit: 0.35 },
  { label: 'warm validate, nothing changed ≤ 0.25× floor', of: 'cache-none', to: BASE_FLOOR, limit: 0.25 },
  { label: 'floor: walk + stat ÷ floor (for reference)', of: 'stat', to: BASE_FLOOR, limit: undefined },
  // What lofte's own per-document rules add to the floor, in their own process: `validate` can go
  // no lower while it runs them, and links, repository rules, positions and output come on top.
  { label: "floor + lofte's document rules ÷ floor (for reference)", of: 'rules', to: BASE_FLOOR, limit: undefined },
  { label: 'report ≤ 1.6× cold validate (clean)', of: 'report', to: 'validate-clean', limit: 1.6 },
  // report memory per file (≤ 8 KB, at 10k and 30k) and one LPO (≤ 2× node -e ""): rows of the report work.
];

function targetRows(rows, sizes) {
  const out = [];
  for (const size of sizes) {
    for (const t of TARGETS) {
      const a = rows.find((r) => r.size === size && r.id === t.of)?.medianWallS;
      const b = rows.find((r) => r.size === size && r.id === t.to)?.medianWallS;
      const ratio = a && b ? a / b : undefined;
      out.push({ size, target: t.label, of: t.of, to: t.to, ofS: a, toS: b, ratio, limit: t.limit, met: ratio === undefined || t.limit === undefined ? undefined : ratio <= t.limit });
    }
  }
  return out;
}

/** A command line as a person would type it, with the temporary folder left out. */
function display(args) {
  const shown = args.map((a) => {
    if (a === '') return '""';
    if (a.startsWith(ROOT + path.sep)) return path.relative(ROOT, a);
    return a;
  });
  return ['node', ...shown].join(' ');
}

async function main(argv) {
  const opts = parseArgs(argv);
  if (opts.help) {
    process.stdout.write(HELP);
    return 0;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'run.js'))) {
    process.stderr.write('bench: lofte is not built (dist/cli/run.js is missing): run `npm run build` first.\n');
    return 2;
  }
  for (const mod of ['js-yaml', 'yaml', 'ajv', 'ajv-formats']) {
    if (!fs.existsSync(path.join(ROOT, 'node_modules', mod))) {
      process.stderr.write(`bench: node_modules/${mod} is missing (the floors need it): run \`npm ci\` first.\n`);
      return 2;
    }
  }

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lofte-bench-'));
  const cleanup = () => {
    for (const child of running) killGroup(child);
    if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
  };
  const onSignal = (signal) => {
    progress(`\nbench: ${signal}: stopping and removing ${tmp}`);
    opts.keep = false;
    cleanup();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    return await benchmark(opts, tmp);
  } finally {
    cleanup();
    if (opts.keep) progress(`bench: kept ${tmp}`);
  }
}

async function benchmark(opts, tmp) {
  const logs = path.join(tmp, 'logs');
  fs.mkdirSync(logs);
  const method = detectRssMethod(tmp);
  const started = new Date();
  const loadAtStart = os.loadavg();

  progress(`lofte benchmark: sizes ${opts.sizes.join(', ')}, ${opts.runs} runs each, timeout ${opts.timeoutS} s per run`);
  progress(`temporary folder: ${tmp}`);

  // Corpora: one with planted errors (validate and the floors), one clean twin (validate, report).
  const corpora = new Map();
  for (const size of opts.sizes) {
    const entry = {};
    for (const [kind, share] of [['errored', ERROR_SHARE], ['clean', 0], ['cached', ERROR_SHARE]]) {
      if (kind === 'cached' && !['cache-cold', 'cache-one', 'cache-none'].some((id) => !opts.only || opts.only.has(id))) continue;
      const dir = `${{ clean: 'clean', errored: 'corpus', cached: 'cached' }[kind]}-${size}`;
      const t0 = process.hrtime.bigint();
      const summary = generateCorpus(path.join(tmp, dir), { files: size, errorShare: share, seed: SEED });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      entry[kind] = { dir, files: summary.files, documents: summary.documents, byKind: summary.byKind, plantedErrors: summary.errors.length, plantedFiles: summary.errors.map((e) => e.file), generateSeconds: seconds };
      progress(`generated ${dir}: ${fmt.int(summary.files)} files, ${fmt.int(summary.documents)} documents, ${summary.errors.length} planted errors, in ${seconds.toFixed(2)} s`);
    }
    corpora.set(size, entry);
  }

  // Measurements, interleaved (run 1 of every command, then run 2 …) so drift hits all alike.
  const results = new Map(); // `${size} ${id}` → { size, cmd, runs: [], failed }
  const failures = [];
  const wanted = (id) => !opts.only || opts.only.has(id);
  for (const size of opts.sizes) for (const cmd of commandsFor(size, corpora.get(size)).filter((c) => wanted(c.id))) results.set(`${size} ${cmd.id}`, { size, cmd, runs: [], failed: false });

  // The warm cache rows start from a cache made by runs that are not measured: two, because the
  // first cannot keep the walk of folders written in its own tick of the clock (the corpus was
  // just made), as a repository's folders seldom are.
  for (const size of opts.sizes) {
    if (!wanted('cache-one') && !wanted('cache-none')) break;
    for (let prime = 0; prime < 2; prime++) {
      const r = spawnSync(process.execPath, [BIN, 'validate', corpora.get(size).cached.dir, '--format', 'json', '--as-of', AS_OF, '--cache-location', `cache-warm-${size}`], { cwd: tmp, stdio: 'ignore', timeout: opts.timeoutS * 1000 });
      if (r.status !== 0 && r.status !== 1) failures.push({ size, id: 'cache-prime', command: 'lofte validate --cache (priming)', run: 0, reason: `exit code ${r.status}`, stderr: '' });
    }
  }

  for (let run = 1; run <= opts.runs; run++) {
    for (const size of opts.sizes) {
      for (const cmd of commandsFor(size, corpora.get(size)).filter((c) => wanted(c.id))) {
        const entry = results.get(`${size} ${cmd.id}`);
        if (entry.failed) continue;
        cmd.before?.(run, tmp);
        const args = cmd.args(run);
        entry.display = display(args).replace(path.join(tmp, ''), '');
        if (cmd.outDir) fs.rmSync(path.join(tmp, cmd.outDir(run)), { recursive: true, force: true });
        const r = await runOnce(args, { cwd: tmp, logBase: path.join(logs, `${size}-${cmd.id}`), method, timeoutS: opts.timeoutS, env: cmd.env });
        const ok = !r.error && !r.timedOut && r.signal === null && cmd.expect.includes(r.code);
        if (cmd.outDir) {
          const site = path.join(tmp, cmd.outDir(run));
          // The site stays until the whole benchmark is done. Deleting its 1,800 files here made
          // the next report run pay for them: on an ext4 file system without a journal (as on
          // the 2-core machines we measure on), creating a file skips every inode deleted in the
          // last minutes, one lookup each (perf: 12 % of a report run's CPU time, about 0.7 s, in
          // find_inode_bit and recently_deleted). That cost is the benchmark's own cleanup, not
          // lofte's work. The sites take about 55 MB per run at 10,000 files.
          entry.pages = countFiles(site);
        }
        if (!ok) {
          entry.failed = true;
          const why = r.error ? `could not start: ${r.error}` : r.timedOut ? `timed out after ${opts.timeoutS} s` : r.signal ? `killed by ${r.signal}` : `exit code ${r.code} (expected ${cmd.expect.join(' or ')})`;
          failures.push({ size, id: cmd.id, command: entry.display, run, reason: why, stderr: tail(r.stderrFile) });
          progress(`[run ${run}/${opts.runs}] ${String(size).padStart(6)}  ${cmd.label}: FAILED, ${why}`);
          continue;
        }
        entry.runs.push({ wallS: r.wallS, peakRssMB: r.rssKiB === undefined ? undefined : r.rssKiB / 1024, exitCode: r.code });
        entry.lastStdout = r.stdoutFile;
        progress(`[run ${run}/${opts.runs}] ${String(size).padStart(6)}  ${cmd.label.padEnd(30)} ${r.wallS.toFixed(3).padStart(8)} s  exit ${r.code}`);
        if (run === opts.runs || entry.check === undefined) entry.check = checkOutput(cmd.id, r.stdoutFile, corpora.get(size));
      }
    }
  }

  // Watch mode: the time from saving one file to the new result, in the clean corpus.
  const watch = [];
  for (const size of wanted('watch') ? opts.sizes : []) {
    const w = await measureWatch(path.join(tmp, corpora.get(size).clean.dir), opts.runs, opts.timeoutS);
    watch.push({ size, ...w });
    if (w.error) failures.push({ size, id: 'watch', command: 'lofte validate --watch', run: 0, reason: w.error, stderr: w.stderr ?? '' });
    progress(`[watch] ${String(size).padStart(6)}  ${w.error ? `FAILED, ${w.error}` : `first result ${w.firstS.toFixed(3)} s; after one change ${w.latenciesMs.map((x) => x.toFixed(0)).join(', ')} ms`}`);
  }

  // Language server: one keystroke in an open file, time until its new diagnostics arrive.
  const lsp = [];
  for (const size of wanted('lsp') ? opts.sizes : []) {
    const corpus = path.join(tmp, corpora.get(size).clean.dir);
    const file = findFile(corpus, 'medborgarlofte.yaml');
    const loadBefore = os.loadavg()[0];
    const l = file ? await measureLsp(BIN, corpus, file, opts.lspEdits, opts.timeoutS + opts.lspEdits, AS_OF) : { error: 'no medborgarlofte.yaml in the corpus' };
    l.loadAverage = [loadBefore, os.loadavg()[0]];
    lsp.push({ size, ...l });
    if (l.error) failures.push({ size, id: 'lsp', command: 'lofte lsp', run: 0, reason: l.error, stderr: l.stderr ?? '' });
    progress(
      `[lsp] ${String(size).padStart(6)}  ${l.error ? `FAILED, ${l.error}` : `first check ${l.firstS.toFixed(3)} s; ${l.latenciesMs.length} keystrokes: median ${percentile(l.latenciesMs, 50).toFixed(1)} ms, p95 ${percentile(l.latenciesMs, 95).toFixed(1)} ms; RSS ${mb(l.rssFirstMB)} MB after the first check, ${mb(l.rssAfterMB)} MB after the keystrokes; load average ${l.loadAverage.map((x) => x.toFixed(1)).join(' → ')}`}`,
    );
  }

  // Start-up: one lokalpolisområde's repository against an empty node process, alternating.
  const startup = wanted('startup') ? await measureStartup(tmp, Math.max(31, opts.runs * 10), opts.timeoutS) : undefined;
  if (startup?.error) failures.push({ size: 0, id: 'startup', command: 'lofte validate (one LPO)', run: 0, reason: startup.error, stderr: startup.stderr ?? '' });
  // Report memory: peak RSS at 10,000 and 30,000 files, the growth per file between them.
  const reportMemory = wanted('report-memory') ? await measureReportMemory(tmp, corpora, Math.min(opts.runs, 3), opts.timeoutS) : undefined;
  if (reportMemory?.error) failures.push({ size: 0, id: 'report-memory', command: 'lofte report (10k and 30k)', run: 0, reason: reportMemory.error, stderr: reportMemory.stderr ?? '' });

  // Summaries.
  const rows = [];
  for (const entry of results.values()) {
    const { size, cmd } = entry;
    const c = corpora.get(size);
    const files = cmd.id === 'validate-clean' || cmd.id === 'validate-threads' || cmd.id === 'report' ? c.clean.files : cmd.id.startsWith('cache-') ? c.cached.files : c.errored.files;
    const wall = median(entry.runs.map((r) => r.wallS));
    rows.push({
      size,
      files,
      id: cmd.id,
      command: cmd.label,
      commandLine: entry.display,
      runs: entry.runs,
      failed: entry.failed,
      medianWallS: wall,
      filesPerS: wall && cmd.id !== 'node' ? files / wall : undefined,
      medianPeakRssMB: median(entry.runs.map((r) => r.peakRssMB)),
      exitCodes: [...new Set(entry.runs.map((r) => r.exitCode))],
      check: entry.check,
      pages: entry.pages,
    });
  }
  for (const row of rows) {
    const base = rows.find((r) => r.size === row.size && r.id === BASE_FLOOR)?.medianWallS;
    const node = rows.find((r) => r.size === row.size && r.id === 'node')?.medianWallS;
    row.ratioToAjvFloor = row.medianWallS && base ? row.medianWallS / base : undefined;
    row.ratioToNode = row.medianWallS && node ? row.medianWallS / node : undefined;
  }
  const scaling = [];
  if (opts.sizes.length >= 2) {
    const small = opts.sizes[0];
    const large = opts.sizes[opts.sizes.length - 1];
    for (const id of ['validate', 'validate-clean', 'report', 'yaml', 'ajv']) {
      const a = rows.find((r) => r.size === small && r.id === id);
      const b = rows.find((r) => r.size === large && r.id === id);
      if (!a?.medianWallS || !b?.medianWallS) continue;
      scaling.push({
        id,
        command: a.command,
        smallSize: small,
        largeSize: large,
        smallS: a.medianWallS,
        largeS: b.medianWallS,
        ratio: b.medianWallS / a.medianWallS,
        sizeRatio: b.files / a.files,
        marginalMsPerFile: ((b.medianWallS - a.medianWallS) / (b.files - a.files)) * 1000,
      });
    }
  }

  // Output.
  const cpus = os.cpus();
  const lines = [];
  lines.push('');
  lines.push(`lofte benchmark — ${started.toISOString()}`);
  lines.push(`node ${process.version} on ${os.platform()} ${os.arch()}, ${cpus.length} CPU core${cpus.length === 1 ? '' : 's'} (${cpus[0]?.model?.trim() ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM`);
  lines.push(`${opts.runs} runs per row, median shown; peak RSS via ${method.description}`);
  lines.push(`load average at the start ${loadAtStart.map((x) => x.toFixed(2)).join(', ')}, at the end ${os.loadavg().map((x) => x.toFixed(2)).join(', ')} (1, 5, 15 min; ${os.cpus().length} cores)`);
  lines.push(`every row is a whole process: ${process.execPath} <args>, stdout and stderr to files; lofte runs with --as-of ${AS_OF}`);
  for (const [size, c] of corpora) {
    lines.push(
      `corpus ${size}: ${fmt.int(c.errored.files)} files (${Object.entries(c.errored.byKind).map(([k, n]) => `${n} ${k}`).join(', ')}), ${fmt.int(c.errored.documents)} documents, ${c.errored.plantedErrors} files with a planted error; generated in ${c.errored.generateSeconds.toFixed(2)} s (clean twin ${c.clean.generateSeconds.toFixed(2)} s)`,
    );
  }
  lines.push('');
  const header = ['size', 'command', 'median wall s', 'files/s', 'peak RSS MB', `× ${'ajv floor'}`, '× node -e'];
  const body = rows.map((r) => [
    String(r.size),
    r.command,
    r.failed && r.medianWallS === undefined ? 'FAILED' : fmt.s(r.medianWallS),
    fmt.rate(r.filesPerS),
    fmt.mb(r.medianPeakRssMB),
    fmt.ratio(r.ratioToAjvFloor),
    fmt.ratio(r.ratioToNode),
  ]);
  lines.push(table(header, body, [true, false, true, true, true, true, true]));
  lines.push('');
  lines.push('"× ajv floor" = median wall time / that of "floor: read + js-yaml + ajv" at the same size; "× node -e" likewise for an empty node process.');
  const targets = targetRows(rows, opts.sizes);
  if (targets.some((t) => t.ratio !== undefined)) {
    lines.push('');
    lines.push(`Targets of issue 20 (medians of this run; load average at the end ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}):`);
    lines.push(
      table(
        ['size', 'target', 'median s', 'compared with s', 'ratio', 'met'],
        targets.map((t) => [String(t.size), t.target, fmt.s(t.ofS), fmt.s(t.toS), fmt.ratio(t.ratio), t.ratio === undefined ? 'not measured' : t.met === undefined ? '' : t.met ? 'yes' : 'NO']),
        [true, false, true, true, true, false],
      ),
    );
  }
  if (scaling.length) {
    lines.push('');
    lines.push(`Scaling from ${fmt.int(scaling[0].smallSize)} to ${fmt.int(scaling[0].largeSize)} files (${scaling[0].sizeRatio.toFixed(1)}× the files; 10× would be linear with no fixed cost):`);
    lines.push(
      table(
        ['command', `${scaling[0].smallSize} s`, `${scaling[0].largeSize} s`, 'ratio', 'ms per extra file'],
        scaling.map((s) => [s.command, fmt.s(s.smallS), fmt.s(s.largeS), fmt.ratio(s.ratio), s.marginalMsPerFile.toFixed(3)]),
        [false, true, true, true, true],
      ),
    );
  }
  if (watch.length) {
    lines.push('');
    lines.push('Watch mode (`lofte validate <clean corpus> --watch`): one file saved, time until the new result is printed (debounce included):');
    lines.push(
      table(
        ['size', 'first result s', 'after one change, median ms', 'each change, ms'],
        watch.map((w) => [String(w.size), w.error ? 'FAILED' : fmt.s(w.firstS), w.error ? '–' : median(w.latenciesMs).toFixed(0), w.error ? w.error : w.latenciesMs.map((x) => x.toFixed(0)).join(', ')]),
        [true, true, true, false],
      ),
    );
  }
  if (lsp.length) {
    lines.push('');
    lines.push(`Language server (\`lofte lsp\` on the clean corpus): ${opts.lspEdits} unsaved changes to an open file, each timed until its new diagnostics arrive; the server's RSS after the first check and after the changes:`);
    lines.push(
      table(
        ['size', 'first check s', 'keystroke median ms', 'p95 ms', 'RSS first MB', 'RSS after MB', 'peak MB', 'load average'],
        lsp.map((l) =>
          l.error
            ? [String(l.size), 'FAILED', '–', '–', '–', '–', '–', l.error]
            : [String(l.size), fmt.s(l.firstS), percentile(l.latenciesMs, 50).toFixed(1), percentile(l.latenciesMs, 95).toFixed(1), mb(l.rssFirstMB), mb(l.rssAfterMB), mb(l.peakRssMB), l.loadAverage.map((x) => x.toFixed(1)).join(' → ')],
        ),
        [true, true, true, true, true, true, true, false],
      ),
    );
  }
  lines.push(...reportTargetLines(startup, reportMemory));
  const checks = rows.filter((r) => r.check);
  if (checks.length) {
    lines.push('');
    lines.push('What the measured processes did (last run):');
    for (const r of checks) lines.push(`  ${String(r.size).padStart(6)}  ${r.command.padEnd(30)} ${r.check.text}`);
    for (const r of rows.filter((x) => x.id === 'report' && x.pages !== undefined)) lines.push(`  ${String(r.size).padStart(6)}  ${r.command.padEnd(30)} wrote ${fmt.int(r.pages)} files`);
  }
  if (failures.length) {
    lines.push('');
    lines.push(`FAILURES (${failures.length}):`);
    for (const f of failures) {
      lines.push(`  ${f.size} ${f.id}, run ${f.run}: ${f.reason}`);
      lines.push(`    ${f.command}`);
      if (f.stderr) lines.push(f.stderr.replace(/^/gm, '    | '));
    }
  }
  process.stdout.write(`${lines.join('\n')}\n`);

  fs.mkdirSync(RESULTS, { recursive: true });
  const ignore = path.join(RESULTS, '.gitignore');
  if (!fs.existsSync(ignore)) fs.writeFileSync(ignore, '*\n!.gitignore\n');
  const json = {
    generatedAt: started.toISOString(),
    machine: { node: process.version, platform: os.platform(), arch: os.arch(), cpus: cpus.length, cpuModel: cpus[0]?.model?.trim(), totalMemoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)) },
    options: { runs: opts.runs, sizes: opts.sizes, timeoutS: opts.timeoutS, asOf: AS_OF, errorShare: ERROR_SHARE, seed: SEED },
    rssMethod: method,
    corpora: [...corpora].map(([size, c]) => ({
      size,
      errored: { files: c.errored.files, documents: c.errored.documents, byKind: c.errored.byKind, plantedErrors: c.errored.plantedErrors, generateSeconds: c.errored.generateSeconds },
      clean: { files: c.clean.files, documents: c.clean.documents, byKind: c.clean.byKind, generateSeconds: c.clean.generateSeconds },
    })),
    rows: rows.map(({ check, ...r }) => ({ ...r, check: check?.data })),
    targets,
    loadAverage: os.loadavg(),
    scaling,
    watch,
    lsp,
    startup,
    reportMemory,
    failures,
  };
  const out = path.join(RESULTS, 'latest.json');
  fs.writeFileSync(out, `${JSON.stringify(json, null, 2)}\n`);
  process.stdout.write(`\nResults written to ${path.relative(process.cwd(), out) || out}\n`);
  return failures.length ? 1 : 0;
}

/**
 * Starts `lofte validate --watch` on a corpus, then saves one medborgarlöfte `edits` times (another
 * title each time) and times each save until the new result's summary line is printed. The file
 * is put back as it was.
 */
function measureWatch(corpus, edits, timeoutS) {
  const file = findFile(corpus, 'medborgarlofte.yaml');
  if (!file) return Promise.resolve({ error: 'no medborgarlofte.yaml in the corpus' });
  const original = fs.readFileSync(file, 'utf8');
  return new Promise((resolve) => {
    const t0 = process.hrtime.bigint();
    const child = spawn(process.execPath, [BIN, 'validate', '.', '--watch', '--as-of', AS_OF], { cwd: corpus, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let stdout = '';
    let stderr = '';
    let results = 0;
    let firstS;
    const latenciesMs = [];
    let savedAt;
    let finished = false;
    const finish = (outcome) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      fs.writeFileSync(file, original);
      child.kill('SIGINT');
      running.delete(child);
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ error: `timed out after ${timeoutS} s`, stderr: stderr.slice(-2000) }), timeoutS * 1000);
    const save = (k) => {
      savedAt = process.hrtime.bigint();
      fs.writeFileSync(file, original.replace(/^titel: .*$/m, `titel: Ändrad titel ${k}`));
    };
    const maybeNext = () => {
      // A result is complete when its summary line ("… filer kontrollerade).") has been printed.
      const done = (stdout.match(/kontrollerade\)\.\n/g) ?? []).length;
      if (done === results) return;
      results = done;
      if (results === 1) {
        firstS = Number(process.hrtime.bigint() - t0) / 1e9;
      } else if (savedAt !== undefined) {
        latenciesMs.push(Number(process.hrtime.bigint() - savedAt) / 1e6);
        savedAt = undefined;
      }
      if (latenciesMs.length === edits) finish({ firstS, latenciesMs });
      else if (stderr.includes('Bevakar filerna')) setTimeout(() => save(latenciesMs.length + 1), 200);
    };
    child.stdout.on('data', (d) => {
      stdout += d;
      maybeNext();
    });
    child.stderr.on('data', (d) => {
      stderr += d;
      // The first save waits until the watcher is registered.
      if (results === 1 && latenciesMs.length === 0 && savedAt === undefined && stderr.includes('Bevakar filerna')) setTimeout(() => save(1), 200);
    });
    child.on('exit', () => finish({ error: 'lofte --watch exited early', stderr: stderr.slice(-2000) }));
  });
}

/**
 * `lofte validate` in one lokalpolisområde's repository (examples/parken as `lofte init` would
 * lay it out: git, a .gitignore) against `node -e ""`, alternating, `runs` each; medians.
 */
async function measureStartup(tmp, runs, timeoutS) {
  const repo = path.join(tmp, 'startup-parken');
  fs.cpSync(path.join(ROOT, 'examples', 'parken'), repo, { recursive: true });
  fs.writeFileSync(path.join(repo, '.gitignore'), 'node_modules/\nsite/\n');
  spawnSync('git', ['init', '-q'], { cwd: repo, stdio: 'ignore' });
  // Spawned plainly (no /usr/bin/time, no RSS hook): at this scale their own cost would show.
  const timed = (args) => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NO_COLOR: '1' }, timeout: timeoutS * 1000 });
    return { wallS: Number(process.hrtime.bigint() - t0) / 1e9, code: r.status, stderr: String(r.stderr ?? '') };
  };
  const node = [];
  const lofte = [];
  for (let i = 0; i < runs; i++) {
    const a = timed(['-e', '']);
    const b = timed([BIN, 'validate', '--as-of', AS_OF]);
    if (a.code !== 0 || b.code !== 0) return { error: `exit code ${a.code} (node -e) / ${b.code} (lofte validate)`, stderr: b.stderr.slice(-2000) };
    node.push(a.wallS);
    lofte.push(b.wallS);
  }
  const nodeS = median(node);
  const lofteS = median(lofte);
  progress(`[startup] node -e "" ${(nodeS * 1000).toFixed(0)} ms, lofte validate (one LPO) ${(lofteS * 1000).toFixed(0)} ms: ${(lofteS / nodeS).toFixed(2)}×`);
  return { runs, nodeS, lofteS, ratio: lofteS / nodeS, loadAverage: os.loadavg() };
}

/**
 * Peak RSS of `lofte report` on clean corpora of 10,000 and 30,000 files (made here unless the
 * benchmark has them), `runs` each, medians; the growth per file is the difference over the files.
 */
async function measureReportMemory(tmp, corpora, runs, timeoutS) {
  const method = detectRssMethod(tmp);
  const sizes = [10_000, 30_000];
  const points = [];
  for (const size of sizes) {
    let dir = corpora.get(size)?.clean.dir;
    let files = corpora.get(size)?.clean.files;
    if (!dir) {
      dir = `clean-${size}`;
      files = generateCorpus(path.join(tmp, dir), { files: size, errorShare: 0, seed: SEED }).files;
    }
    const rss = [];
    const wall = [];
    for (let run = 1; run <= runs; run++) {
      const out = `site-memory-${size}-${run}`;
      const r = await runOnce([BIN, 'report', dir, '--out', out, '--as-of', AS_OF], { cwd: tmp, logBase: path.join(tmp, 'logs', `report-memory-${size}`), method, timeoutS });
      if (r.error || r.timedOut || r.code !== 0) return { error: r.error ?? (r.timedOut ? `timed out after ${timeoutS} s` : `exit code ${r.code}`), stderr: tail(r.stderrFile) };
      rss.push(r.rssKiB / 1024);
      wall.push(r.wallS);
      progress(`[report-memory] ${String(size).padStart(6)}  run ${run}/${runs}: peak ${(r.rssKiB / 1024).toFixed(0)} MB, ${r.wallS.toFixed(2)} s`);
    }
    points.push({ size, files, peakRssMB: median(rss), wallS: median(wall) });
  }
  const [a, b] = points;
  const kbPerFile = ((b.peakRssMB - a.peakRssMB) * 1024) / (b.files - a.files);
  return { runs, points, kbPerFile, loadAverage: os.loadavg() };
}

/** The report memory and start-up targets (issue 20) with what was measured, after the targets table. */
function reportTargetLines(startup, reportMemory) {
  const out = [];
  // report ÷ cold validate is in the targets table above (TARGETS).
  const body = [];
  if (reportMemory && !reportMemory.error) {
    const [a, b] = reportMemory.points;
    body.push([`lofte report peak RSS growth per file (${fmt.mb(a.peakRssMB)} MB at ${fmt.int(a.files)}, ${fmt.mb(b.peakRssMB)} MB at ${fmt.int(b.files)})`, `${reportMemory.kbPerFile.toFixed(1)} KB`, '≤ 8 KB', reportMemory.kbPerFile <= 8 ? 'met' : 'not met']);
  }
  if (startup && !startup.error) {
    body.push([`one LPO: lofte validate ${(startup.lofteS * 1000).toFixed(0)} ms ÷ node -e "" ${(startup.nodeS * 1000).toFixed(0)} ms (${startup.runs} alternating runs)`, fmt.ratio(startup.ratio), '≤ 2.00×', startup.ratio <= 2 ? 'met' : 'not met']);
  }
  if (body.length === 0) return out;
  out.push('');
  out.push(`Report memory and start-up targets (load average now ${os.loadavg().map((x) => x.toFixed(2)).join(', ')}):`);
  out.push(table(['measure', 'measured', 'target', ''], body, [false, true, true, false]));
  return out;
}

function findFile(dir, name) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile() && entry.name === name) return path.join(entry.parentPath ?? entry.path, entry.name);
  return undefined;
}

function countFiles(dir) {
  let n = 0;
  try {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) if (entry.isFile()) n++;
  } catch {
    return undefined;
  }
  return n;
}

/** What a process reported, to show the work was real: floors' counts, lofte's findings. */
function checkOutput(id, stdoutFile, corpus) {
  if (id === 'node' || id === 'report') return undefined;
  if (['stat', 'read', 'js-yaml', 'yaml', 'ajv', 'rules'].includes(id)) {
    const line = fs.readFileSync(stdoutFile, 'utf8').trim().split('\n').pop();
    let s;
    try {
      s = JSON.parse(line);
    } catch {
      return { text: 'printed no summary', data: undefined };
    }
    const parts = [`${id === 'stat' ? 'stat' : 'read'} ${fmt.int(s.files)} files (${(s.bytes / 2 ** 20).toFixed(1)} MiB)`];
    if (id !== 'read' && id !== 'stat') parts.push(`${fmt.int(s.documents)} documents, ${s.parseFailures} files failed to parse`);
    if (id === 'ajv' || id === 'rules') parts.push(`${s.invalid} documents invalid`);
    if (id === 'rules') parts.push(`${fmt.int(s.findings)} findings of the document rules`);
    return { text: parts.join(', '), data: s };
  }
  const report = readJson(stdoutFile);
  if (!report?.summary) return { text: 'printed no JSON summary', data: undefined };
  const { errors, warnings, files } = report.summary;
  const byRule = {};
  const errorFiles = new Set();
  for (const d of report.diagnostics ?? []) {
    byRule[d.rule] = (byRule[d.rule] ?? 0) + 1;
    if (d.severity === 'error') errorFiles.add(d.file.replace(/^(?:corpus|clean)-\d+\//, ''));
  }
  let text = `${fmt.int(errors)} errors, ${fmt.int(warnings)} warnings in ${fmt.int(files)} files`;
  let planted;
  if (id === 'validate') {
    const list = corpus.errored.plantedFiles;
    const found = list.filter((f) => errorFiles.has(f)).length;
    planted = { planted: list.length, detected: found };
    text += `; ${found} of ${list.length} files with a planted error were flagged`;
  }
  return { text, data: { errors, warnings, files, byRule, ...planted } };
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof UsageError) {
    process.stderr.write(`bench: ${error.message}\n\n${HELP}`);
    process.exitCode = 2;
  } else {
    process.stderr.write(`bench: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  }
}
