// The swap of a staged site into the output folder: the journal that commits it, the moves that
// keep what they replace until the swap is done, the undoing of a swap that fails, and the
// recovery of one a killed run left. Manifest and journal are read as untrusted input.

import { readdirSync, readFileSync, renameSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { asOutputError, OutputError } from '../util/output-error.js';
import { inspectTarget, makeFolder, plainFile, plainFileAt, present, realFolder, safeSitePath } from './out-guard.js';

export const MANIFEST = '.lofte-manifest.json';
export const JOURNAL = '.lofte-swap.json';
export const STAGING_PREFIX = '.lofte-staging-';
const STAGING_NAME = /^\.lofte-staging-[A-Za-z0-9]{6}$/;
const JOURNAL_TMP = /^\.lofte-swap\.json\.[0-9a-f]+\.tmp$/;
/** Where the swap keeps the files it replaces or removes, inside the staging folder. */
const BACKUP = '.old';
export type Recovery = 'finished' | 'rolled-back';

/** Named moments of a run, where a test can make it fail (a full disk, a folder gone read-only). */
export type FaultPoint = 'journal' | 'swap' | 'rollback';

export interface Journal {
  staging: string;
  /** Pages (and the manifest, last) moved from staging into place. */
  files: string[];
  /** Pages of the previous site that the new one no longer has. */
  remove: string[];
  /** Top folders the site did not have: each moves in whole, one rename instead of one per page. */
  dirs: string[];
}

export type Fault = (point: FaultPoint) => void;
export const noFault: Fault = () => undefined;

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
export function readManifest(out: string): string[] {
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
export function writeWhole(file: string, content: string, fault: Fault, point: FaultPoint): void {
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

export function removeEmptyFolder(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    /* not empty, or gone: it stays as it is */
  }
}

/** After a finished swap: folders emptied by removing old pages go; one with anything else in it stays. */
export function removeEmptiedFolders(out: string, removed: readonly string[]): void {
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
export function recover(out: string, options: { faultAt?: Fault } = {}): Recovery | undefined {
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

export function stuck(out: string, err: unknown): OutputError {
  const cause = asOutputError(err, out, 'move');
  return new OutputError('swap-stuck', { path: out, journal: path.join(out, JOURNAL), cause: cause.args['code'] ?? cause.reason, at: cause.args['path'] ?? out, state: 'journal-kept' });
}

/**
 * Moves a committed swap in; if a move fails, undoes it and says why (the old site is back). If
 * even that fails, the journal stays for the next run. The staging folder goes either way.
 */
export function swapIn(out: string, journal: Journal, fault: Fault): void {
  const staging = path.join(out, journal.staging);
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
}
