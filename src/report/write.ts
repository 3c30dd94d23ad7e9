// Writes a site under the output folder, safely: each file whole (temp + rename), only under the
// folder, and only removing files an earlier lofte run wrote there (listed in its manifest).

import { promises as fs } from 'node:fs';
import path from 'node:path';

export const MANIFEST = '.lofte-manifest.json';
const STAGING_PREFIX = '.lofte-staging-';

export interface WriteResult {
  written: string[];
  removed: string[];
}

/** A site path must stay inside the folder: no absolute paths, no `..`, nothing hidden. */
export function safeSitePath(rel: string): boolean {
  return /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*\.(html|md)$/.test(rel);
}

async function readManifest(out: string): Promise<string[]> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(out, MANIFEST), 'utf8')) as { files?: unknown };
    return Array.isArray(parsed.files) ? parsed.files.filter((f): f is string => typeof f === 'string' && safeSitePath(f)) : [];
  } catch {
    return [];
  }
}

/** Staging folders left by a run that was killed: ours by name, safe to remove. */
async function removeStaleStaging(out: string): Promise<void> {
  const entries = await fs.readdir(out).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => e.startsWith(STAGING_PREFIX)).map((e) => fs.rm(path.join(out, e), { recursive: true, force: true })));
}

export async function writeSite(out: string, files: ReadonlyMap<string, string>): Promise<WriteResult> {
  for (const rel of files.keys()) if (!safeSitePath(rel)) throw new Error(`unsafe site path: ${rel}`);
  await fs.mkdir(out, { recursive: true });
  await removeStaleStaging(out);
  const previous = await readManifest(out);
  // Build the whole new site first, beside the old one, so a failure leaves the old site as it was.
  const staging = await fs.mkdtemp(path.join(out, STAGING_PREFIX));
  try {
    for (const [rel, content] of files) {
      const target = path.join(staging, rel);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, content, 'utf8');
    }
    const manifest = `${JSON.stringify({ generator: 'lofte', files: [...files.keys()] }, null, 2)}\n`;
    await fs.writeFile(path.join(staging, MANIFEST), manifest, 'utf8');
    // Swap in: each rename replaces one file whole.
    for (const rel of files.keys()) {
      await fs.mkdir(path.dirname(path.join(out, rel)), { recursive: true });
      await fs.rename(path.join(staging, rel), path.join(out, rel));
    }
    const removed = previous.filter((rel) => !files.has(rel));
    for (const rel of removed) await fs.rm(path.join(out, rel), { force: true });
    await removeEmptyDirs(out, removed);
    await fs.rename(path.join(staging, MANIFEST), path.join(out, MANIFEST));
    return { written: [...files.keys()], removed };
  } finally {
    await fs.rm(staging, { recursive: true, force: true });
  }
}

/** Folders emptied by removing old pages go too; a folder with anything else in it stays. */
async function removeEmptyDirs(out: string, removed: readonly string[]): Promise<void> {
  const dirs = [...new Set(removed.map((rel) => path.dirname(rel)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
  for (const dir of dirs) await fs.rmdir(path.join(out, dir)).catch(() => undefined);
}
