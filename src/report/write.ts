// Writes a site under the output folder, safely: every file whole, only under the folder, never
// through a symbolic link, never over a file it did not write (its manifest says which it did),
// one run at a time (a lock). The new site is staged first; swap.ts commits it with a journal and
// moves it in, undoing a swap that fails, and the next run finishes (or undoes) one that was killed.

import { lstatSync, mkdirSync, promises as fs, rmSync } from 'node:fs';
import path from 'node:path';
import { asOutputError, OutputError } from '../util/output-error.js';
import { takeLock } from './lock.js';
import { inspectTarget, makeFolder, plainFile, plainFileAt, present, safeSitePath, unsafeSegment } from './out-guard.js';
import { JOURNAL, MANIFEST, noFault, readManifest, recover, removeEmptyFolder, STAGING_PREFIX, swapIn, writeWhole, type FaultPoint, type Journal, type Recovery } from './swap.js';

export { safeSitePath } from './out-guard.js';
export { LOCK } from './lock.js';
export { JOURNAL, MANIFEST, recover, type FaultPoint, type Recovery } from './swap.js';

/** Page writes in flight at once. */
const MAX_PENDING = 8;

/**
 * A file's text: one string, or pieces in order (a page's HTML as it is rendered, the open data
 * document by document). Pieces are written as they come, so a national site's 50 MB JSON is never
 * one string in memory.
 */
export type SiteContent = string | Iterable<string>;

/** Characters gathered from the pieces before they are encoded and written: about a megabyte. */
const BATCH_CHARS = 1 << 20;

export interface WriteResult {
  /** Every page of the new site, in path order. */
  written: string[];
  /** How many of them read exactly as the last run wrote them, and were left as they are. */
  unchanged: number;
  /** The paths that were written this time (the others were unchanged). */
  changed: string[];
  removed: string[];
  /** What became of a swap an earlier run left unfinished. */
  recovered?: Recovery;
  /** The process id of a dead run whose lock this run took over. */
  lockTakenOverFrom?: number;
}

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

/** Whether a file holds exactly this text (false when it cannot be read). */
async function holds(file: string, text: string): Promise<boolean> {
  return fs.readFile(file, 'utf8').then(
    (old) => old === text,
    () => false,
  );
}

/** Reads up to `length` bytes at `position` (fewer only at the end of the file). */
async function readAt(handle: fs.FileHandle, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buf, done, length - done, position + done);
    if (bytesRead === 0) break;
    done += bytesRead;
  }
  return done === length ? buf : buf.subarray(0, done);
}

/**
 * Writes the pieces to `target` in batches, comparing them with the page the last run wrote at
 * `old` (when given) as they come. While they match, nothing is written; at the first difference
 * the matching start is copied from the old file and the rest follows. Returns whether the page
 * changed (false: `target` was never made). At most one batch is held at a time.
 */
async function writePieces(target: string, pieces: Iterable<string>, old: string | undefined, signal: AbortSignal | undefined): Promise<boolean> {
  let oldHandle = old === undefined ? undefined : await fs.open(old, 'r').catch(() => undefined);
  let handle: fs.FileHandle | undefined;
  let position = 0;
  const diverge = async (): Promise<fs.FileHandle> => {
    // The bytes so far equal the old file's start: copied from it, not kept in memory.
    const h = await fs.open(target, 'wx');
    try {
      for (let at = 0; at < position && oldHandle; at += BATCH_CHARS) {
        const buf = await readAt(oldHandle, Math.min(BATCH_CHARS, position - at), at);
        await h.write(buf, 0, buf.length, at);
      }
    } catch (err) {
      await h.close();
      throw err;
    }
    await oldHandle?.close();
    oldHandle = undefined;
    return h;
  };
  let batch: string[] = [];
  let size = 0;
  const flush = async (): Promise<void> => {
    if (signal?.aborted) throw new WriteInterrupted();
    const buf = Buffer.from(batch.join(''), 'utf8');
    batch = [];
    size = 0;
    if (oldHandle && !handle) {
      const before = await readAt(oldHandle, buf.length, position);
      if (before.equals(buf)) {
        position += buf.length;
        return;
      }
      handle = await diverge();
    }
    handle ??= await fs.open(target, 'wx');
    await handle.write(buf, 0, buf.length, position);
    position += buf.length;
  };
  try {
    for (const piece of pieces) {
      batch.push(piece);
      size += piece.length;
      if (size >= BATCH_CHARS) await flush();
    }
    if (size > 0 || (!oldHandle && !handle)) await flush();
    // Everything matched so far: the page is unchanged only if the old file ends here too.
    if (oldHandle && !handle && (await readAt(oldHandle, 1, position)).length > 0) handle = await diverge();
    return handle !== undefined;
  } finally {
    await handle?.close();
    await oldHandle?.close();
  }
}

/**
 * `files` in path order (a path given twice: the last page wins); they are written to a staging
 * folder as they come. A page the last run wrote (its manifest says so) that reads the same now
 * is not written again: a run after a small change replaces a few pages, not all of them, and the
 * others keep their dates. A page whose place holds a file lofte did not write, or lies behind a
 * symbolic link, stops the run before anything changes.
 */
export async function writeSite(out: string, files: Iterable<readonly [string, SiteContent]>, options: WriteOptions = {}): Promise<WriteResult> {
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

async function writeLocked(out: string, files: Iterable<readonly [string, SiteContent]>, options: WriteOptions): Promise<WriteResult> {
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
          if (typeof content !== 'string') {
            // A later copy of the same path replaces an earlier one staged already.
            if (staged.has(rel)) await fs.rm(target, { force: true });
            if (await writePieces(target, content, compare ? path.join(out, rel) : undefined, signal)) staged.add(rel);
            return;
          }
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
  swapIn(out, journal, fault);
  return { written, unchanged: written.length - journal.files.length, changed: journal.files, removed: journal.remove, recovered };
}
