// Writes a site under the output folder, safely: every file whole, only under the folder, never
// through a symbolic link, never over a file it did not write (its manifest says which it did),
// one run at a time (a lock), and never leaving a half-swapped site behind: the new site is staged
// first, a journal marks the commit, and the swap keeps what it replaces until it is done, so a
// swap that fails is undone, and one that was killed is finished (or undone) by the next run.

import { lstatSync, mkdirSync, promises as fs, readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { asOutputError, OutputError } from '../util/output-error.js';
import { takeLock } from './lock.js';
import { inspectTarget, makeFolder, plainFile, plainFileAt, present, realFolder, safeSitePath, unsafeSegment } from './out-guard.js';

export { safeSitePath } from './out-guard.js';
export { LOCK } from './lock.js';

export const MANIFEST = '.lofte-manifest.json';
export const JOURNAL = '.lofte-swap.json';
const STAGING_PREFIX = '.lofte-staging-';
const STAGING_NAME = /^\.lofte-staging-[A-Za-z0-9]{6}$/;
const JOURNAL_TMP = /^\.lofte-swap\.json\.[0-9a-f]+\.tmp$/;
/** Where the swap keeps the files it replaces or removes, inside the staging folder. */
const BACKUP = '.old';
/** Page writes in flight at once. */
const MAX_PENDING = 8;

export interface WriteResult {
  /** Every page of the new site, in path order. */
  written: string[];
  /** How many of them read exactly as the last run wrote them, and were left as they are. */
  unchanged: number;
  removed: string[];
  /** What became of a swap an earlier run left unfinished. */
  recovered?: Recovery;
  /** The process id of a dead run whose lock this run took over. */
  lockTakenOverFrom?: number;
}

export type Recovery = 'finished' | 'rolled-back';

/** Named moments of a run, where a test can make it fail (a full disk, a folder gone read-only). */
export type FaultPoint = 'journal' | 'swap' | 'rollback';

export interface WriteOptions {
  signal?: AbortSignal;
  /** For tests only: called at each fault point; what it throws is a failure right there. */
  faultAt?: (point: FaultPoint) => void;
}

export class WriteInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

interface Journal {
  staging: string;
  /** Pages (and the manifest, last) moved from staging into place. */
  files: string[];
  /** Pages of the previous site that the new one no longer has. */
  remove: string[];
  /** Top folders the site did not have: each moves in whole, one rename instead of one per page. */
  dirs: string[];
}

type Fault = (point: FaultPoint) => void;
const noFault: Fault = () => undefined;

function readJsonSync(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Only plain page paths survive from a manifest or journal: they are read, not trusted. */
const pageList = (v: unknown): string[] => (Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string' && safeSitePath(f)) : []);
const folderList = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((f): f is string => typeof f === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(f)) : [];

/** The pages the last run wrote: none when the manifest is missing or not a plain file. */
function readManifest(out: string): string[] {
  const file = path.join(out, MANIFEST);
  if (!plainFile(file)) return [];
  return pageList((readJsonSync(file) as { files?: unknown } | undefined)?.files);
}

/** A journal a killed run left, if it is one: a staging folder of lofte's, really a folder. */
function readJournal(out: string): Journal | undefined {
  const file = path.join(out, JOURNAL);
  if (!plainFile(file)) return undefined;
  const j = readJsonSync(file) as Partial<Record<keyof Journal, unknown>> | undefined;
  if (!j || typeof j.staging !== 'string' || !STAGING_NAME.test(j.staging) || !realFolder(path.join(out, j.staging))) return undefined;
  // A real swap has its manifest in staging until it moves, and the old one kept once it has
  // (a first site with its manifest moved has nothing left to do). Without either, the journal
  // is not one lofte wrote: undoing it would take the site's manifest away.
  const staging = path.join(out, j.staging);
  if (!plainFile(path.join(staging, MANIFEST)) && !plainFile(path.join(staging, BACKUP, MANIFEST))) return undefined;
  return { staging: j.staging, files: pageList(j.files), remove: pageList(j.remove), dirs: folderList(j.dirs) };
}

/** Text written whole: a temp file beside the target, then one rename; the temp file never stays. */
function writeWhole(file: string, content: string, fault: Fault, point: FaultPoint): void {
  const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(tmp, content, { encoding: 'utf8', flag: 'wx' });
    fault(point);
    renameSync(tmp, file);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw err;
  }
}

/** Moves `from` to `to`, making `to`'s folder when missing. */
function move(from: string, to: string, fault: Fault, point: FaultPoint): void {
  fault(point);
  try {
    renameSync(from, to);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT' || present(path.dirname(to))) throw asOutputError(err, to, 'move');
    makeFolder(path.dirname(to));
    renameSync(from, to);
  }
}

/**
 * Moves the staged files into place, keeping each file it replaces or removes in the staging
 * folder until the swap is done. Idempotent: what has moved is not there to move again, so a
 * swap that stopped is finished by running it again. Synchronous: thousands of renames in a
 * row, each one quick, and the swap window as short as it can be.
 */
function forward(out: string, j: Journal, fault: Fault): void {
  const staging = path.join(out, j.staging);
  for (const dir of j.dirs) {
    if (realFolder(path.join(staging, dir)) && !present(path.join(out, dir))) move(path.join(staging, dir), path.join(out, dir), fault, 'swap');
  }
  const folders = new Map<string, boolean>();
  for (const rel of [...j.files, MANIFEST]) {
    const from = path.join(staging, rel);
    if (!present(from)) continue; // moved already
    const to = path.join(out, rel);
    if (rel !== MANIFEST) inspectTarget(out, rel, folders); // no link on the way, nothing of others'
    else if (present(to) && !plainFile(to)) throw new OutputError('not-ours', { path: to, page: MANIFEST });
    const backup = path.join(staging, BACKUP, rel);
    if (present(to) && !present(backup)) move(to, backup, fault, 'swap');
    move(from, to, fault, 'swap');
  }
  for (const rel of j.remove) {
    if (!plainFileAt(out, rel)) continue;
    const backup = path.join(staging, BACKUP, rel);
    if (present(backup)) rmSync(path.join(out, rel), { force: true });
    else move(path.join(out, rel), backup, fault, 'swap');
  }
}

/** Undoes a swap that could not be finished: the new pages back to staging, the kept ones back in place. */
function rollback(out: string, j: Journal, fault: Fault): void {
  const staging = path.join(out, j.staging);
  for (const dir of j.dirs) {
    if (!present(path.join(staging, dir)) && realFolder(path.join(out, dir))) move(path.join(out, dir), path.join(staging, dir), fault, 'rollback');
  }
  for (const rel of [...j.files, MANIFEST]) {
    const from = path.join(staging, rel);
    const to = path.join(out, rel);
    const backup = path.join(staging, BACKUP, rel);
    if (!present(from) && (rel === MANIFEST ? plainFile(to) : plainFileAt(out, rel))) move(to, from, fault, 'rollback');
    if (present(backup)) move(backup, to, fault, 'rollback');
  }
  for (const rel of j.remove) {
    const backup = path.join(staging, BACKUP, rel);
    if (present(backup) && !present(path.join(out, rel))) move(backup, path.join(out, rel), fault, 'rollback');
  }
  for (const dir of j.dirs) removeEmptyFolder(path.join(out, dir));
}

function removeEmptyFolder(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    /* not empty, or gone: it stays as it is */
  }
}

/** After a finished swap: folders emptied by removing old pages go; one with anything else in it stays. */
function removeEmptiedFolders(out: string, removed: readonly string[]): void {
  const dirs = [...new Set(removed.map((rel) => path.dirname(rel)).filter((d) => d !== '.'))].sort((a, b) => b.length - a.length);
  for (const dir of dirs) if (realFolder(path.join(out, dir))) removeEmptyFolder(path.join(out, dir));
}

/** The journal, staging folders and temp files of lofte's own: removed without following a link. */
function removeLeftovers(out: string): void {
  rmSync(path.join(out, JOURNAL), { force: true });
  let entries: string[];
  try {
    entries = readdirSync(out);
  } catch {
    return;
  }
  for (const e of entries) if (e.startsWith(STAGING_PREFIX) || JOURNAL_TMP.test(e)) rmSync(path.join(out, e), { recursive: true, force: true });
}

/**
 * Finishes a swap that a killed run committed, or, if it cannot be finished, undoes it; then
 * removes the staging folders and temp files runs left. When neither works (the file system
 * refuses both ways), the journal stays for the next run and the refusal says why.
 */
export function recover(out: string, options: Pick<WriteOptions, 'faultAt'> = {}): Recovery | undefined {
  const fault = options.faultAt ?? noFault;
  const journal = readJournal(out);
  let outcome: Recovery | undefined;
  if (journal) {
    try {
      forward(out, journal, fault);
      outcome = 'finished';
    } catch {
      // It cannot be finished (the file system refuses a move): undone instead, back to the old site.
      try {
        rollback(out, journal, fault);
        outcome = 'rolled-back';
      } catch (again) {
        throw stuck(out, again);
      }
    }
    rmSync(path.join(out, JOURNAL), { force: true }); // the swap is over, either way
    if (outcome === 'finished') removeEmptiedFolders(out, journal.remove);
  }
  removeLeftovers(out);
  return outcome;
}

function stuck(out: string, err: unknown): OutputError {
  const cause = asOutputError(err, out, 'move');
  return new OutputError('swap-stuck', { path: out, journal: path.join(out, JOURNAL), cause: cause.args['code'] ?? cause.reason, at: cause.args['path'] ?? out, state: 'journal-kept' });
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
 * folder as they come. A page the last run wrote (its manifest says so) that reads the same now
 * is not written again: a run after a small change replaces a few pages, not all of them, and the
 * others keep their dates. A page whose place holds a file lofte did not write, or lies behind a
 * symbolic link, stops the run before anything changes.
 */
export async function writeSite(out: string, files: Iterable<readonly [string, string]>, options: WriteOptions = {}): Promise<WriteResult> {
  const created = makeFolder(out);
  let result: WriteResult | undefined;
  let failure: { err: unknown } | undefined;
  try {
    const lock = takeLock(out);
    try {
      result = { ...(await writeLocked(out, files, options)), lockTakenOverFrom: lock.takenOverFrom };
    } finally {
      lock.release();
    }
  } catch (err) {
    failure = { err };
  }
  if (failure) {
    // A folder this run made for the site goes again when the run fails (only if it is empty).
    for (const dir of [...created].reverse()) removeEmptyFolder(dir);
    throw failure.err instanceof WriteInterrupted ? failure.err : asOutputError(failure.err, out, 'write');
  }
  return result as WriteResult;
}

async function writeLocked(out: string, files: Iterable<readonly [string, string]>, options: WriteOptions): Promise<WriteResult> {
  const { signal } = options;
  const fault = options.faultAt ?? noFault;
  const recovered = recover(out, options);
  // The manifest is replaced by the new one: it must be a plain file (or none), never a link.
  const manifest = path.join(out, MANIFEST);
  if (present(manifest) && !plainFile(manifest)) {
    throw lstatSync(manifest).isSymbolicLink() ? new OutputError('symlink', { path: manifest }) : new OutputError('not-ours', { path: manifest, page: MANIFEST, manifest: MANIFEST });
  }
  const previous = readManifest(out);
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
  let journal: Journal;
  try {
    const made = new Set<string>();
    const folders = new Map<string, boolean>();
    for (const [rel, content] of files) {
      if (!safeSitePath(rel)) throw new OutputError('unsafe-page', { page: rel, name: unsafeSegment(rel) });
      if (signal?.aborted) throw new WriteInterrupted();
      // What is at the page's place now: nothing, or a plain file lofte wrote, reached through
      // real folders. Anything else stops the run here, before the commit: nothing has changed.
      const there = inspectTarget(out, rel, folders);
      if (there === 'file' && !ours.has(rel)) throw new OutputError('not-ours', { path: path.join(out, rel), page: rel, manifest: MANIFEST });
      const target = path.join(staging, rel);
      const dir = path.dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      // The same path twice (two documents with one id, when duplicate-id is turned down): the
      // later page waits for the earlier write, so the last one wins whole, as it always has.
      const earlier = byPath.get(rel);
      // Compared only the first time a path comes: a second copy must replace the first.
      const compare = there === 'file' && !now.has(rel);
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
    const moved = written.filter((rel) => staged.has(rel));
    journal = {
      staging: path.basename(staging),
      files: moved,
      remove: previous.filter((rel) => !now.has(rel) && plainFileAt(out, rel)),
      dirs: [...new Set(moved.filter((rel) => rel.includes('/')).map((rel) => rel.slice(0, rel.indexOf('/'))))].filter((d) => !present(path.join(out, d))),
    };
    // The commit point: from here on the new site wins, even if this process dies.
    writeWhole(path.join(out, JOURNAL), `${JSON.stringify(journal)}\n`, fault, 'journal');
  } catch (err) {
    await Promise.all(pending);
    rmSync(staging, { recursive: true, force: true });
    throw err instanceof WriteInterrupted ? err : asOutputError(err, out, 'write');
  }
  try {
    forward(out, journal, fault);
  } catch (err) {
    try {
      rollback(out, journal, fault);
    } catch (again) {
      throw stuck(out, again);
    }
    rmSync(path.join(out, JOURNAL), { force: true });
    rmSync(staging, { recursive: true, force: true });
    throw asOutputError(err, out, 'move', 'rolled-back').withState('rolled-back');
  }
  rmSync(path.join(out, JOURNAL), { force: true });
  removeEmptiedFolders(out, journal.remove);
  rmSync(staging, { recursive: true, force: true });
  return { written, unchanged: written.length - journal.files.length, removed: journal.remove, recovered };
}
