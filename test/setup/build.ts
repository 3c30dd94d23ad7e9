// Vitest global setup: the built dist/ that spawned CLIs and worker threads run is brought up to
// date with src/ before any test starts, so editing src/ and running `npx vitest run` tests the
// edited code. Nothing changed (every source older than its output): no build, a few ms.

import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every file under `dir` (relative to ROOT), with its modification time. */
function files(dir: string): { rel: string; mtime: number }[] {
  const out: { rel: string; mtime: number }[] = [];
  const walk = (rel: string): void => {
    for (const e of readdirSync(path.join(ROOT, rel), { withFileTypes: true })) {
      const child = path.join(rel, e.name);
      if (e.isDirectory()) walk(child);
      else if (e.isFile()) out.push({ rel: child, mtime: statSync(path.join(ROOT, child)).mtimeMs });
    }
  };
  walk(dir);
  return out;
}

function mtimeOf(rel: string): number | undefined {
  try {
    return statSync(path.join(ROOT, rel)).mtimeMs;
  } catch {
    return undefined;
  }
}

/** Why dist/ is out of date, or undefined when it is not. */
export function staleReason(): string | undefined {
  const sources = files('src').filter((f) => /\.c?ts$/.test(f.rel));
  const data = files('data').filter((f) => /\.ya?ml$/.test(f.rel));
  const inputs = [...sources, ...data, ...files('schemas'), ...files('scripts'), ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((rel) => ({ rel, mtime: mtimeOf(rel) ?? 0 }))];
  const newest = inputs.reduce((a, b) => (b.mtime > a.mtime ? b : a));
  // Each source's own output (tsc writes all of them on every build), and the build's later steps.
  const outputs = [...sources.map((f) => path.join('dist', path.relative('src', f.rel)).replace(/\.ts$/, '.js').replace(/\.cts$/, '.cjs')), ...data.map((f) => path.join('dist', f.rel).replace(/\.ya?ml$/, '.json')), path.join('dist', 'lofte.cjs'), path.join('dist', 'schema', 'compiled.cjs')];
  for (const rel of outputs) {
    const t = mtimeOf(rel);
    if (t === undefined) return `${rel} is missing`;
    if (t < newest.mtime) return `${newest.rel} is newer than ${rel}`;
  }
  return undefined;
}

export default function setup(): void {
  const reason = staleReason();
  if (!reason) return;
  process.stderr.write(`test setup: building dist/ (${reason})\n`);
  execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}
