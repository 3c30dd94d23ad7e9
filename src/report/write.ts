// Writes a site under the output folder, safely: every file whole, only under the folder, never
// through a symbolic link, never over a file it did not write (its manifest says which it did),
// one run at a time (a lock). The new site is staged first; swap.ts commits it with a journal and
// moves it in, undoing a swap that fails, and the next run finishes (or undoes) one that was killed.

import { closeSync, lstatSync, mkdirSync, openSync, promises as fs, readSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import { asOutputError, OutputError } from '../util/output-error.js';
import type { Page } from './doc.js';
import { renderHtmlPieces, reportCss } from './html.js';
import { takeLock } from './lock.js';
import { renderMarkdown } from './md.js';
import type { PageQueue } from './page-thread.js';
import { inspectTarget, makeFolder, plainFile, plainFileAt, present, safeSitePath, unsafeSegment } from './out-guard.js';
import { JOURNAL, MANIFEST, noFault, readManifest, recover, removeEmptyFolder, STAGING_PREFIX, swapIn, writeWhole, type FaultPoint, type Journal, type Recovery } from './swap.js';

export { safeSitePath } from './out-guard.js';
export { LOCK } from './lock.js';
export { JOURNAL, MANIFEST, recover, type FaultPoint, type Recovery } from './swap.js';

/**
 * A file's text: one string, or pieces in order (a page's HTML as it is rendered, the open data
 * document by document). Pieces are written as they come, so a national site's 50 MB JSON is never
 * one string in memory. A piece may be a list of strings, written one after another: a page's
 * thousands of small strings are encoded where they stand, never joined into a copy first.
 */
export type SiteContent = string | Iterable<SitePiece>;
export type SitePiece = string | readonly string[];

/**
 * A page, built (`build`) when its file's turn comes and rendered (`content`) here; a `plain` page
 * (no table rows made as they are read) the writer may render and write on a page thread
 * (page-thread.ts) instead.
 */
export class DeferredPage {
  constructor(
    readonly build: () => Page,
    readonly ext: 'html' | 'md',
    readonly asOf: string,
    readonly plain: boolean,
  ) {}

  /** The page built and rendered. */
  content(): SiteContent {
    return renderPage(this.build(), this.ext, this.asOf);
  }
}

/** A built page as the site's file of that kind: HTML pieces or Markdown. */
export function renderPage(page: Page, ext: 'html' | 'md', asOf: string): SiteContent {
  return ext === 'html' ? renderHtmlPieces(page, asOf) : renderMarkdown(page);
}

/** A file of the site: its path and its text, or a page to build and render. */
export type SiteEntry = readonly [string, SiteContent | DeferredPage];

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
  /** A page thread (page-thread.ts) to render and write the plain pages while this thread writes the rest; stopped when the writing ends. */
  pageThread?: PageQueue;
  /** For tests only: called at each fault point; what it throws is a failure right there. */
  faultAt?: (point: FaultPoint) => void;
}

export class WriteInterrupted extends Error {
  constructor() {
    super('interrupted');
  }
}

/** Reads up to `length` bytes at `position` into `buf` (fewer only at the end of the file); returns how many. */
function readAt(fd: number, buf: Buffer, length: number, position: number): number {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

/** Every byte of `buf` to `fd` at `position`. */
function writeAt(fd: number, buf: Buffer, position: number): void {
  for (let done = 0; done < buf.length; ) done += writeSync(fd, buf, done, buf.length - done, position + done);
}

/**
 * Two buffers, reused for every file: the text's bytes and the old file's at the same place. A
 * batch (BATCH_CHARS, or one longer piece) fits in them as UTF-8 at 3 bytes a character at most.
 */
let scratch: { text: Buffer; old: Buffer } | undefined;
function buffers(chars: number): { text: Buffer; old: Buffer } {
  if (!scratch || scratch.text.length < chars * 3) scratch = { text: Buffer.allocUnsafe(Math.max(chars, BATCH_CHARS) * 3), old: Buffer.allocUnsafe(Math.max(chars, BATCH_CHARS) * 3) };
  return scratch;
}

/**
 * Writes a file's text to `target` in batches, comparing them with the file the last run wrote at
 * `old` (when given) as they come. While they match, nothing is written; at the first difference
 * the matching start is copied from the old file and the rest follows. Returns whether the file
 * changed (false: `target` was never made). At most one batch is held at a time. The writes are
 * synchronous: each is a batch of text already in memory, and an asynchronous write would keep
 * its bytes alive (and its file handle) until the I/O thread is done, for every page in flight.
 */
export function writeContent(target: string, content: SiteContent, old: string | undefined, onBatch?: () => void): boolean {
  let oldFd: number | undefined;
  if (old !== undefined) {
    try {
      oldFd = openSync(old, 'r');
    } catch {
      oldFd = undefined;
    }
  }
  let fd: number | undefined;
  let position = 0;
  const diverge = (): number => {
    // The bytes so far equal the old file's start: copied from it, not kept in memory.
    const h = openSync(target, 'wx');
    try {
      const { old: buf } = buffers(BATCH_CHARS);
      for (let at = 0; at < position && oldFd !== undefined; at += buf.length) {
        const n = readAt(oldFd, buf, Math.min(buf.length, position - at), at);
        writeAt(h, buf.subarray(0, n), at);
      }
    } catch (err) {
      closeSync(h);
      throw err;
    }
    if (oldFd !== undefined) closeSync(oldFd);
    oldFd = undefined;
    return h;
  };
  let batch: SitePiece[] = [];
  let size = 0;
  const flush = (): void => {
    // Each piece is encoded where the last one ended, not joined first: joining a batch of small
    // pieces cost more than all the rest of writing. A piece that ends in half a surrogate pair
    // waits for the next, so a character split between two pieces is encoded whole, as a join would.
    const { text: bytes, old: before } = buffers(size);
    let length = 0;
    let carry = '';
    const encode = (piece: string): void => {
      const text = carry === '' ? piece : carry + piece;
      const last = text.charCodeAt(text.length - 1);
      if (last >= 0xd800 && last <= 0xdbff) carry = text;
      else {
        carry = '';
        length += bytes.write(text, length, 'utf8');
      }
    };
    for (const piece of batch) {
      if (typeof piece === 'string') encode(piece);
      else for (const part of piece) encode(part);
    }
    if (carry !== '') length += bytes.write(carry, length, 'utf8');
    batch = [];
    size = 0;
    const buf = bytes.subarray(0, length);
    if (oldFd !== undefined && fd === undefined) {
      if (readAt(oldFd, before, length, position) === length && before.subarray(0, length).equals(buf)) {
        position += length;
        return;
      }
      fd = diverge();
    }
    fd ??= openSync(target, 'wx');
    writeAt(fd, buf, position);
    position += length;
  };
  try {
    for (const piece of typeof content === 'string' ? [content] : content) {
      batch.push(piece);
      if (typeof piece === 'string') size += piece.length;
      else for (const part of piece) size += part.length;
      if (size >= BATCH_CHARS) {
        flush();
        onBatch?.();
      }
    }
    if (size > 0 || (oldFd === undefined && fd === undefined)) flush();
    // Everything matched so far: the file is unchanged only if the old one ends here too.
    if (oldFd !== undefined && fd === undefined && readAt(oldFd, buffers(1).old, 1, position) > 0) fd = diverge();
    return fd !== undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
    if (oldFd !== undefined) closeSync(oldFd);
  }
}

/** Lets the event loop run (a Ctrl-C is heard there) at least this often while files are written. */
export const YIELD_MS = 20;

/**
 * `files` in path order (a path given twice: the last page wins); they are written to a staging
 * folder as they come. A page the last run wrote (its manifest says so) that reads the same now
 * is not written again: a run after a small change replaces a few pages, not all of them, and the
 * others keep their dates. A page whose place holds a file lofte did not write, or lies behind a
 * symbolic link, stops the run before anything changes.
 */
export async function writeSite(out: string, files: Iterable<SiteEntry>, options: WriteOptions = {}): Promise<WriteResult> {
  reportCss();
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

async function writeLocked(out: string, files: Iterable<SiteEntry>, options: WriteOptions): Promise<WriteResult> {
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
  const thread = options.pageThread;
  thread?.watch(signal);
  let journal: Journal;
  try {
    const made = new Set<string>();
    const folders = new Map<string, boolean>();
    let yielded = performance.now();
    const pause = async (): Promise<void> => {
      if (performance.now() - yielded >= YIELD_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        yielded = performance.now();
      }
      if (signal?.aborted) throw new WriteInterrupted();
      thread?.check();
    };
    /** Checks a file's place and makes its folder: where it is staged, and the last run's copy to compare it with. */
    const place = (rel: string): { target: string; old: string | undefined } => {
      // What is at the page's place now: nothing, or a plain file lofte wrote, reached through
      // real folders. Anything else stops the run here, before the commit: nothing has changed.
      const there = inspectTarget(out, rel, folders);
      if (there === 'file' && !ours.has(rel)) throw new OutputError('not-ours', { path: path.join(out, rel), page: rel, manifest: MANIFEST });
      const target = path.join(staging, rel);
      const dir = path.dirname(target);
      if (!made.has(dir)) mkdirSync(dir, { recursive: true });
      made.add(dir);
      // Only the first copy of a path is compared with the last run's file: a second must replace the first.
      const old = there === 'file' && !now.has(rel) ? path.join(out, rel) : undefined;
      written.push(rel);
      now.add(rel);
      return { target, old };
    };
    const writeHere = (rel: string, content: SiteContent | DeferredPage, target: string, old: string | undefined): void => {
      // The same path twice (two documents with one id, when duplicate-id is turned down): the
      // later copy replaces the earlier one whole, as it always has.
      if (staged.has(rel)) rmSync(target, { force: true });
      if (writeContent(target, content instanceof DeferredPage ? content.content() : content, old, thread?.pump)) staged.add(rel);
    };
    if (!thread) {
      for (const [rel, content] of files) {
        if (!safeSitePath(rel)) throw new OutputError('unsafe-page', { page: rel, name: unsafeSegment(rel) });
        await pause();
        const { target, old } = place(rel);
        writeHere(rel, content, target, old);
      }
    } else {
      // Every file's place is checked first, in order; then the pages go to the page thread, and
      // this thread writes the rest (and a path given twice, in order) while it renders them.
      const entries: { rel: string; content: SiteContent | DeferredPage; target: string; old: string | undefined }[] = [];
      const copies = new Map<string, number>();
      for (const [rel, content] of files) {
        if (!safeSitePath(rel)) throw new OutputError('unsafe-page', { page: rel, name: unsafeSegment(rel) });
        await pause();
        entries.push({ rel, content, ...place(rel) });
        copies.set(rel, (copies.get(rel) ?? 0) + 1);
      }
      const here: typeof entries = [];
      for (const e of entries) {
        if (e.content instanceof DeferredPage && e.content.plain && copies.get(e.rel) === 1) {
          thread.add(e.content, e.target, e.old, (changed) => {
            if (changed) staged.add(e.rel);
          });
        } else here.push(e);
      }
      entries.length = 0;
      for (const e of here) {
        await pause();
        writeHere(e.rel, e.content, e.target, e.old);
      }
    }
    await thread?.drain();
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
    // The page thread stops before its folder goes: nothing is written into it afterwards.
    await thread?.stop();
    rmSync(staging, { recursive: true, force: true });
    throw err instanceof WriteInterrupted ? err : asOutputError(err, out, 'write');
  }
  swapIn(out, journal, fault);
  return { written, unchanged: written.length - journal.files.length, changed: journal.files, removed: journal.remove, recovered };
}
