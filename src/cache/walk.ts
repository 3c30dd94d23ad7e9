// The walk of the last run, kept as git's untracked cache keeps one: the stamp of each folder taken
// just before it was listed, the files that the walk's predicates read (.gitignore files and git's
// config), and what the walk found in each folder. Adding, removing or renaming an entry in a
// folder changes the folder's stamp, so a folder whose stamp is what it was holds what it held:
// while the read files' stamps are what they were, a run lists only the folders whose stamp
// changed (none, most often: then the files are the last walk's) and takes the rest as they were.
//
// Files named on the command line are looked at again: a walk is taken only while each is a file.
//
// Kept only for a walk that nothing but those stamps can vouch for: no symlink met, every folder
// listed, predicates that say what they depend on (git not asked), no stamp from the run's own tick
// of the file system's clock ("racy": the folder could have changed again within it after it was
// listed), and folders on the cache folder's device, where a folder was seen to take a new stamp
// when an entry was added to it.

import { statSync } from 'node:fs';
import path from 'node:path';
import type { DiscoveredFile, DiscoverOptions, KeptListing, WalkTrace } from '../load/discover.js';
import { fileStamp, STAMP_PARTS, stampTime } from '../load/index.js';
import { isPlainObject } from '../load/parse.js';
import { checksum } from './store.js';

/** Lists are kept joined by NUL, which no path holds. */
const SEP = '\u0000';

/** What a path is now, folder or file: its stamp (see `fileStamp`) and whether it is a file; undefined when it cannot be looked at. */
function statNow(absPath: string): { stamp: string; isFile: boolean } | undefined {
  try {
    const st = statSync(absPath, { throwIfNoEntry: false });
    return st ? { stamp: fileStamp(st), isFile: st.isFile() } : undefined;
  } catch {
    return undefined;
  }
}

/** What `stat` says of a folder now, or undefined when it cannot be looked at. */
function folderNow(absPath: string): FolderNow | undefined {
  try {
    const st = statSync(absPath, { throwIfNoEntry: false });
    return st && { size: st.size, mtimeMs: st.mtimeMs, ctimeMs: st.ctimeMs, ino: st.ino, dev: st.dev };
  } catch {
    return undefined;
  }
}

/** Whether folder `i`, as `stat` says it is now, has the stamp kept as numbers in `stamps` (see `CurrentStamps`). */
function sameFolder(now: FolderNow | undefined, stamps: Float64Array, i: number): boolean {
  const at = i * STAMP_PARTS;
  return now !== undefined && now.size === stamps[at] && now.mtimeMs === stamps[at + 1] && now.ctimeMs === stamps[at + 2] && now.ino === stamps[at + 3];
}

function stampNow(absPath: string): string {
  return statNow(absPath)?.stamp ?? 'gone';
}

function split(joined: string): string[] {
  return joined === '' ? [] : joined.split(SEP);
}

/** The walk as a cache file holds it: lists joined by NUL (one string each reads quickly). */
export interface WalkFile {
  key: string;
  token: string;
  /**
   * The folders in the order they were listed, their names as the walk gave them, and their
   * stamps as numbers (STAMP_PARTS each, NaN for a folder that was gone; see `CurrentStamps`):
   * a run compares them with what `stat` says, without making text of either.
   */
  folders: string;
  folderNames: string;
  stamps: Float64Array;
  /** The files named on the command line (not found in a folder). */
  named: string;
  /** The files the predicates read, and the checksum of their stamps. */
  inputs: string;
  inputsSum: string;
  paths: string;
  /**
   * The files' names (as discovery gave them): `names`, or where each is the end of its path (the
   * common case: files under the working folder, on a system whose separator is '/'), the number
   * of characters before it in every path (`namesCut`, else -1) and no `names`, which would repeat
   * two thirds of `paths`.
   */
  names: string;
  namesCut: number;
  /**
   * `pathsChecksum` of the files (the cache's listing of them and their stamps is made from it):
   * `checksum(paths)`, kept so that a run where nothing changed need not hash the paths again.
   */
  pathsSum: string;
}

export function isWalkFile(x: unknown): x is WalkFile {
  return isPlainObject(x) && ['key', 'token', 'folders', 'folderNames', 'named', 'inputs', 'inputsSum', 'paths', 'names', 'pathsSum'].every((k) => typeof x[k] === 'string') && x['stamps'] instanceof Float64Array && Number.isSafeInteger(x['namesCut']);
}

/** One checksum of the files' paths, in order. */
export function pathsChecksum(files: readonly DiscoveredFile[]): string {
  return checksum(files.map((f) => f.absPath).join(SEP));
}

function stampsChecksum(stamps: readonly string[]): string {
  return checksum(stamps.join('\n'));
}

/**
 * A kept walk's folders as they were looked at (before any was listed), each with its stamp and
 * device now, and its part of the walk when the stamp is what it was.
 */
type Seen = Map<string, { now: FolderNow | undefined; listing: KeptListing | undefined }>;

/** What `stat` says of a folder: the parts of its stamp (see `fileStamp`) and its device. */
interface FolderNow {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/** A folder's part of a walk, as it is gathered. */
interface Part {
  folders: { absPath: string; name: string }[];
  files: { absPath: string; name: string }[];
}

/** Records a walk as it goes (see `WalkTrace`): each folder's stamp before it is listed, or its part of the last walk when that holds. */
export class WalkRecorder implements WalkTrace {
  readonly folders: string[] = [];
  readonly folderNames: string[] = [];
  /** The folders' stamps as numbers, STAMP_PARTS each (NaN for a folder that cannot be looked at). */
  readonly stamps: number[] = [];
  /** The devices the folders are on. */
  readonly devices = new Set<number>();
  readonly namedFiles: string[] = [];
  plain = true;
  /**
   * The later of the modification and change times of each folder that was listed (NaN for one
   * that cannot be looked at); the others were taken from the last walk, whose stamps were not racy.
   */
  readonly listedTimes: number[] = [];

  /** How many folders were listed. */
  get listed(): number {
    return this.listedTimes.length;
  }

  /** `last`: the last walk's folders as just seen, and the files its predicates read (whose stamps did not change). */
  constructor(private readonly last?: { seen: Seen; inputs: readonly string[] }) {}

  get inputs(): readonly string[] {
    return this.last?.inputs ?? [];
  }

  folder(absPath: string, name: string): KeptListing | undefined {
    // A folder of the last walk was looked at before any folder was listed: that stamp stands.
    const seen = this.last?.seen.get(absPath);
    const now = seen ? seen.now : folderNow(absPath);
    this.folders.push(absPath);
    this.folderNames.push(name);
    if (now) {
      this.stamps.push(now.size, now.mtimeMs, now.ctimeMs, now.ino);
      this.devices.add(now.dev);
    } else this.stamps.push(Number.NaN, Number.NaN, Number.NaN, Number.NaN);
    if (seen?.listing) return seen.listing;
    this.listedTimes.push(now ? Math.max(now.mtimeMs, now.ctimeMs) : Number.NaN);
    return undefined;
  }

  named(absPath: string): void {
    this.namedFiles.push(absPath);
  }

  opaque(): void {
    this.plain = false;
  }
}

/**
 * The key a walk is kept under: the cache's own key (which holds the working folder and the paths)
 * and what the predicates answer from; undefined when a predicate cannot say what it depends on.
 */
export function walkKey(cacheKey: string, options: DiscoverOptions): string | undefined {
  const { ignored, excluded } = options;
  // A predicate without a key answers from more than its settings and the files it names (git asked).
  if ((ignored && ignored.key === undefined) || (excluded && (excluded.key === undefined || excluded.inputs === undefined))) return undefined;
  return checksum(JSON.stringify([cacheKey, ignored?.key ?? null, excluded?.key ?? null, options.otherRepository ?? null]));
}

/**
 * The walk to keep after `recorder` saw one that found `files`, or undefined when it cannot be
 * kept (see the header). `started`: the file system's time when the run began; `device`: the one
 * device (asked only here) whose folders were seen to take a new stamp as an entry was added (see `foldersTellDevice` in index.ts).
 */
export function keptWalk(key: string | undefined, recorder: WalkRecorder, options: DiscoverOptions, files: readonly DiscoveredFile[], clock: { started: number; device: () => number | undefined }, token: string): WalkFile | undefined {
  const { started } = clock;
  if (key === undefined || !recorder.plain || recorder.folders.length === 0) return undefined;
  const device = clock.device();
  if (device === undefined || [...recorder.devices].some((d) => d !== device)) return undefined;
  const read = options.excluded ? options.excluded.inputs?.() : [];
  if (read === undefined) return undefined;
  // The folders taken from the last walk were not asked about again: what was read for them then still counts.
  const inputs = [...new Set([...recorder.inputs, ...read])];
  const inputStamps = inputs.map(stampNow);
  const fresh = (stamp: string): boolean => stamp === 'gone' || stampTime(stamp) < started;
  // NaN (a folder that could not be looked at) is not before anything.
  if (!recorder.listedTimes.every((time) => time < started) || !inputStamps.every(fresh)) return undefined;
  const first = files[0];
  const at = first ? first.absPath.length - first.name.length : -1;
  const cut = at >= 0 && files.every((f) => f.absPath.length - f.name.length === at && f.absPath.endsWith(f.name)) ? at : -1;
  return {
    key,
    token,
    folders: recorder.folders.join(SEP),
    folderNames: recorder.folderNames.join(SEP),
    stamps: Float64Array.from(recorder.stamps),
    named: recorder.namedFiles.join(SEP),
    inputs: inputs.join(SEP),
    inputsSum: stampsChecksum(inputStamps),
    paths: files.map((f) => f.absPath).join(SEP),
    names: cut < 0 ? files.map((f) => f.name).join(SEP) : '',
    namesCut: cut,
    pathsSum: pathsChecksum(files),
  };
}

/**
 * What of a kept walk holds now: `files`, when every folder's stamp is what it was (the walk's
 * files); else `last`, for a walk that lists only the folders that changed (see `WalkRecorder`);
 * nothing when the files the predicates read changed, a named file is no file, or the walk file
 * does not hang together.
 */
export function takeWalk(walk: WalkFile): { files: DiscoveredFile[] } | { last: { seen: Seen; inputs: readonly string[] } } | undefined {
  const inputs = split(walk.inputs);
  if (stampsChecksum(inputs.map(stampNow)) !== walk.inputsSum) return undefined;
  if (!split(walk.named).every((f) => statNow(f)?.isFile === true)) return undefined;
  const folders = split(walk.folders);
  const folderNames = walk.folderNames.split(SEP); // never empty: a walk lists one folder at least, whose name may be ''
  const stamps = walk.stamps;
  const paths = split(walk.paths);
  const cut = walk.namesCut;
  if (cut >= 0 && paths.some((p) => p.length <= cut)) return undefined;
  const names = cut < 0 ? split(walk.names) : paths.map((p) => p.slice(cut));
  if (folders.length === 0 || folderNames.length !== folders.length || stamps.length !== folders.length * STAMP_PARTS || names.length !== paths.length) return undefined;
  const now = folders.map(folderNow);
  if (now.every((at, i) => sameFolder(at, stamps, i))) return { files: paths.map((absPath, i) => ({ absPath, name: names[i] as string })) };
  // Each folder's part of the walk: the folders it walked into and the files it found.
  const parts = new Map<string, Part>();
  for (const f of folders) parts.set(f, { folders: [], files: [] });
  folders.forEach((f, i) => parts.get(path.dirname(f))?.folders.push({ absPath: f, name: folderNames[i] as string }));
  paths.forEach((f, i) => parts.get(path.dirname(f))?.files.push({ absPath: f, name: names[i] as string }));
  const seen: Seen = new Map();
  folders.forEach((f, i) => {
    const at = now[i];
    seen.set(f, { now: at, listing: sameFolder(at, stamps, i) ? parts.get(f) : undefined });
  });
  return { last: { seen, inputs } };
}
