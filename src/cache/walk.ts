// The walk of the last run, kept as git's untracked cache keeps one: the stamp of each folder taken
// just before it was listed, the files that the walk's predicates read (.gitignore files and git's
// config), and what the walk found. Adding, removing or renaming an entry in a folder changes the
// folder's stamp, so while every folder's stamp and every read file's stamp is what it was, listing
// the folders again would find the same files: a run stats the folders instead of listing them.
//
// Files named on the command line are looked at again: a walk is taken only while each is a file.
//
// Kept only for a walk that nothing but those stamps can vouch for: no symlink met, every folder
// listed, predicates that say what they depend on (git not
// asked), no stamp from the run's own tick of the file system's clock ("racy": the folder could
// have changed again within it after it was listed), and folders on the cache folder's device,
// where a folder was seen to take a new stamp when an entry was added to it.

import { statSync } from 'node:fs';
import type { DiscoveredFile, DiscoverOptions, WalkTrace } from '../load/discover.js';
import { fileStamp, stampTime } from '../load/index.js';
import { isPlainObject } from '../load/parse.js';
import { checksum } from './store.js';

/** Folders and files are kept joined by NUL, which no path holds. */
const SEP = '\u0000';

/** What a path is now, folder or file: its stamp (see `fileStamp`) and device, or undefined when it cannot be looked at. */
function statNow(absPath: string): { stamp: string; dev: number } | undefined {
  try {
    const st = statSync(absPath, { throwIfNoEntry: false });
    return st ? { stamp: fileStamp(st), dev: st.dev } : undefined;
  } catch {
    return undefined;
  }
}

function stampNow(absPath: string): string {
  return statNow(absPath)?.stamp ?? 'gone';
}

/** The walk as a cache file holds it: lists joined by NUL (one string each reads quickly). */
export interface WalkFile {
  key: string;
  token: string;
  folders: string;
  /** The files named on the command line (not found in a folder). */
  named: string;
  inputs: string;
  /** The checksum of the folders' and the inputs' stamps, in order. */
  sum: string;
  paths: string;
  names: string;
  /** `pathsChecksum` of the files (the cache's listing of them and their stamps is made from it). */
  pathsSum: string;
}

/** One checksum of the files' paths, in order. */
export function pathsChecksum(files: readonly DiscoveredFile[]): string {
  return checksum(files.map((f) => f.absPath).join(SEP));
}

/** Records a walk as it goes (see `WalkTrace`): each folder's stamp before it is listed. */
export class WalkRecorder implements WalkTrace {
  readonly folders: string[] = [];
  readonly stamps: string[] = [];
  /** The devices the folders are on. */
  readonly devices = new Set<number>();
  readonly namedFiles: string[] = [];
  plain = true;

  folder(absPath: string): void {
    const now = statNow(absPath);
    this.folders.push(absPath);
    this.stamps.push(now?.stamp ?? 'gone');
    if (now) this.devices.add(now.dev);
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
  if ((ignored && ignored.key === undefined) || (excluded && (excluded.key === undefined || excluded.inputs === undefined))) return undefined;
  return checksum(JSON.stringify([cacheKey, ignored?.key ?? null, excluded?.key ?? null, options.otherRepository ?? null]));
}

function stampSum(folderStamps: readonly string[], inputStamps: readonly string[]): string {
  return checksum(`${folderStamps.join('\n')}\n\n${inputStamps.join('\n')}`);
}

/**
 * The walk to keep after `recorder` saw one that found `files`, or undefined when it cannot be
 * kept (see the header). `started`: the file system's time when the run began; `device`: the one
 * device whose folders were seen to take a new stamp as an entry was added (see the cache's clock).
 */
export function keptWalk(key: string | undefined, recorder: WalkRecorder, options: DiscoverOptions, files: readonly DiscoveredFile[], clock: { started: number; device: number | undefined }, token: string): WalkFile | undefined {
  const { started, device } = clock;
  if (key === undefined || !recorder.plain || recorder.folders.length === 0 || files.some((f) => f.unreadableFolder)) return undefined;
  if (device === undefined || [...recorder.devices].some((d) => d !== device)) return undefined;
  const inputs = options.excluded ? options.excluded.inputs?.() : [];
  if (inputs === undefined) return undefined;
  const inputStamps = inputs.map(stampNow);
  const fresh = (stamp: string): boolean => stamp === 'gone' || stampTime(stamp) < started;
  if (!recorder.stamps.every((st) => st !== 'gone' && fresh(st)) || !inputStamps.every(fresh)) return undefined;
  return {
    key,
    token,
    folders: recorder.folders.join(SEP),
    named: recorder.namedFiles.join(SEP),
    inputs: inputs.join(SEP),
    sum: stampSum(recorder.stamps, inputStamps),
    paths: files.map((f) => f.absPath).join(SEP),
    names: files.map((f) => f.name).join(SEP),
    pathsSum: pathsChecksum(files),
  };
}

/** The files a kept walk found, when every stamp it was kept with is what it is now; else undefined. */
export function filesOfWalk(walk: WalkFile): DiscoveredFile[] | undefined {
  const folders = walk.folders.split(SEP);
  const inputs = walk.inputs === '' ? [] : walk.inputs.split(SEP);
  if (stampSum(folders.map(stampNow), inputs.map(stampNow)) !== walk.sum) return undefined;
  if (walk.named !== '' && !walk.named.split(SEP).every((f) => statSync(f, { throwIfNoEntry: false })?.isFile())) return undefined;
  if (walk.paths === '') return walk.names === '' ? [] : undefined;
  const paths = walk.paths.split(SEP);
  const names = walk.names.split(SEP);
  if (paths.length !== names.length) return undefined;
  return paths.map((absPath, i) => ({ absPath, name: names[i] as string }));
}

export function isWalkFile(x: unknown): x is WalkFile {
  return isPlainObject(x) && ['key', 'token', 'folders', 'named', 'inputs', 'sum', 'paths', 'names', 'pathsSum'].every((k) => typeof x[k] === 'string');
}
