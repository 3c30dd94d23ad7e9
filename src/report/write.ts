// Writes a site under the output folder, safely: every file whole, only under the folder, only
// removing files an earlier lofte run wrote there (its manifest), and never leaving a half-swapped
// site behind: the new site is staged first, a journal marks the commit, and the swap is redone
// from the journal by the next run if this one is killed in the middle of it.

import { existsSync, mkdirSync, promises as fs, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';

export const MANIFEST = '.lofte-manifest.json';
export const JOURNAL = '.lofte-swap.json';
const STAGING_PREFIX = '.lofte-staging-';
/** Page writes in flight at once. */
const MAX_PENDING = 8;

export interface WriteResult {
  /** Every page of the new site, in path order. */
  written: string[];
  /** How many of them read exactly as the last run wrote them, and were left as they are. */
  unchanged: number;
  /** The paths that were written this time (the others were unchanged). */
  changed: string[];
  removed: string[];
}

export class WriteInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

interface Journal {
  staging: string;
  files: string[];
  remove: string[];
}

/**
 * A site path must stay inside the folder: no absolute paths, no `..`, nothing hidden. Pages are
 * .html/.md; the open data folder adds JSON, its schema, CSV, Atom and the DCAT catalog.
 */
export function safeSitePath(rel: string): boolean {
  return /^[a-z0-9][a-z0-9-]*(\/[a-z0-9][a-z0-9-]*)*(\.schema)?\.(html|md|json|jsonld|csv|xml|rdf)$/.test(rel);
}

async function readJson(file: string): Promise<unknown> {
  try {
    return JSON.parse(await fs.readFile(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

const stringList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string' && safeSitePath(f)) : []);

async function readManifest(out: string): Promise<string[]> {
  return stringList(((await readJson(path.join(out, MANIFEST))) as { files?: unknown } | undefined)?.files);
}

/** Text written whole: a temp file beside the target, then one rename. */
async function writeWhole(file: string, content: string): Promise<void> {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  await fs.writeFile(tmp, content, 'utf8');
  await fs.rename(tmp, file);
}

/**
 * Moves the staged files into place. Idempotent: a file already moved is skipped. Synchronous
 * calls: thousands of renames in a row, each one quick, and the swap window as short as it can be.
 */
async function swap(out: string, journal: Journal): Promise<void> {
  const staging = path.join(out, journal.staging);
  // A folder the site does not have yet moves in whole: one rename instead of one per page. Its
  // pages are then gone from staging, and the loop below skips them as already moved.
  for (const dir of new Set(journal.files.filter((rel) => rel.includes('/')).map((rel) => rel.slice(0, rel.indexOf('/'))))) {
    if (existsSync(path.join(out, dir))) continue;
    try {
      renameSync(path.join(staging, dir), path.join(out, dir));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  const made = new Set<string>();
  for (const rel of [...journal.files, MANIFEST]) {
    const target = path.join(out, rel);
    const dir = path.dirname(target);
    try {
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      renameSync(path.join(staging, rel), target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  for (const rel of journal.remove) rmSync(path.join(out, rel), { force: true });
  // Folders emptied by removing old pages go too; a folder with anything else in it stays.
  const dirs = [...new Set(journal.remove.map((rel) => path.dirname(rel)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
  for (const dir of dirs) await fs.rmdir(path.join(out, dir)).catch(() => undefined);
}

/** Finishes a swap that a killed run committed, and removes staging folders it left. */
export async function recover(out: string): Promise<void> {
  const j = (await readJson(path.join(out, JOURNAL))) as Partial<Journal> | undefined;
  if (j && typeof j.staging === 'string' && j.staging.startsWith(STAGING_PREFIX) && !j.staging.includes('/')) {
    await swap(out, { staging: j.staging, files: stringList(j.files), remove: stringList(j.remove) });
  }
  await fs.rm(path.join(out, JOURNAL), { force: true });
  const entries = await fs.readdir(out).catch(() => [] as string[]);
  await Promise.all(entries.filter((e) => e.startsWith(STAGING_PREFIX)).map((e) => fs.rm(path.join(out, e), { recursive: true, force: true })));
}

/** Whether a file holds exactly this text (false when it cannot be read). */
async function holds(file: string, text: string): Promise<boolean> {
  return fs.readFile(file, 'utf8').then(
    (old) => old === text,
    () => false,
  );
}

/**
 * `files` in path order (a path given twice: the last page wins); they are written to a staging
 * folder as they come. A page
 * the last run wrote (its manifest says so) that reads the same now is not written again: a run
 * after a small change replaces a few pages, not all of them, and the others keep their dates.
 */
export async function writeSite(out: string, files: Iterable<readonly [string, string]>, signal?: AbortSignal): Promise<WriteResult> {
  await fs.mkdir(out, { recursive: true });
  await recover(out);
  const previous = await readManifest(out);
  const ours = new Set(previous);
  const staging = await fs.mkdtemp(path.join(out, STAGING_PREFIX));
  const written: string[] = [];
  const staged = new Set<string>();
  const now = new Set<string>();
  // Pages are written by Node's I/O threads while the next ones are rendered here: on a national
  // site the writing is about as much work as the rendering. A few at a time, so memory stays flat.
  const pending = new Set<Promise<void>>();
  const byPath = new Map<string, Promise<void>>();
  let failed: { err: unknown } | undefined;
  const settle = async (all: boolean): Promise<void> => {
    while (pending.size >= (all ? 1 : MAX_PENDING)) await Promise.race(pending);
    if (failed) throw failed.err;
  };
  try {
    const made = new Set<string>();
    for (const [rel, content] of files) {
      if (!safeSitePath(rel)) throw new Error(`unsafe site path: ${rel}`);
      if (signal?.aborted) throw new WriteInterrupted();
      const target = path.join(staging, rel);
      const dir = path.dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      // The same path twice (two documents with one id, when duplicate-id is turned down): the
      // later page waits for the earlier write, so the last one wins whole, as it always has.
      const earlier = byPath.get(rel);
      // Compared only the first time a path comes: a second copy must replace the first.
      const compare = ours.has(rel) && !now.has(rel);
      const write: Promise<void> = (earlier ?? Promise.resolve())
        .then(async () => {
          if (compare && (await holds(path.join(out, rel), content))) return;
          await fs.writeFile(target, content, 'utf8');
          staged.add(rel);
        })
        .catch((err: unknown) => void (failed ??= { err }))
        .finally(() => {
          pending.delete(write);
          if (byPath.get(rel) === write) byPath.delete(rel);
        });
      pending.add(write);
      byPath.set(rel, write);
      written.push(rel);
      now.add(rel);
      await settle(false);
    }
    await settle(true);
    await fs.writeFile(path.join(staging, MANIFEST), `${JSON.stringify({ generator: 'lofte', files: written }, null, 2)}\n`, 'utf8');
    if (signal?.aborted) throw new WriteInterrupted();
  } catch (err) {
    await Promise.all(pending);
    await fs.rm(staging, { recursive: true, force: true });
    throw err;
  }
  const journal: Journal = { staging: path.basename(staging), files: written.filter((rel) => staged.has(rel)), remove: previous.filter((rel) => !now.has(rel)) };
  // The commit point: from here on the new site wins, even if this process dies.
  await writeWhole(path.join(out, JOURNAL), `${JSON.stringify(journal)}\n`);
  await swap(out, journal);
  await fs.rm(path.join(out, JOURNAL), { force: true });
  await fs.rm(staging, { recursive: true, force: true });
  return { written, unchanged: written.length - journal.files.length, changed: journal.files, removed: journal.remove };
}
