// The persistent cache of `lofte validate --cache`: each file's own check (documents, findings,
// disable comments, and the positions later stages asked for), and the result of the last run.
//
// A file's entry is used when the file's stamp (size, modification and change time, inode) is what
// it was when the entry was made; otherwise the file is read once, and an entry whose text hash is
// the same is used all the same (a checkout that touched the file), else the read text is checked.
// A stamp from the same tick of the file system's clock as the run that read it ("racy", as git
// calls it: the file could have changed again within that tick) is checked by its hash next time. The whole last result is used
// only when every file's stamp is the same and none was racy. Everything that changes a file's
// result without changing the file (lofte's build, schemas, word lists, --as-of, limits, rules
// turned off, severities, the working folder and paths) is in the key; another key means an empty
// cache. Findings are stored as data (rule and arguments), so the language does not matter.
//
// Files on disk: `state` (the key, one checksum of every path and stamp, the tokens of the result,
// stage and walk files written with it); `walk` (the last walk's folders with their stamps and the
// files it found, see walk.ts); `result` (the last result, read only when no file changed);
// `files-NN` (entries by path, each serialized on its
// own behind an index, so a run reads and checks only the entries it needs); `stage` (the last
// run's paths and stamps, and where each file's part of the stage is) and `stage-NN` (what the
// repository stage kept of each file, in columns: its documents' kinds, ids, the ids they name and
// their names, and its link and repository findings). A run where some files changed seeds the
// stage from them: who defines and who names each id is answered from the columns (see
// `ColumnIndex`), so a document becomes an object only when the change reaches it; the unchanged
// files' results are read from their entries only when the stage reaches them; and only the stage
// shards holding a file the stage worked out again are written again. Without a whole state,
// nothing in the cache is trusted.

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { checkReadFile, fromWire, toWire, type FileCheckOptions, type FileResult, type WireFileResult } from '../check/file.js';
import { entityFacts, type SeedIndex, type StageRecord } from '../check/repository.js';
import { RULE_CODES } from '../diagnostics/catalog.js';
import type { Diagnostic, DocPath, Range } from '../diagnostics/types.js';
import { discover, displayName, type DiscoveredFile, type DiscoverOptions } from '../load/discover.js';
import { hasNaN, pathStamp, readDiscovered, sameStamp, STAMP_PARTS, stampNumbers, stampText, stampTime, type CurrentStamps, type SkippedFile } from '../load/index.js';
import type { LocateTarget, Locator } from '../load/locator.js';
import { isPlainObject, type ParseLimits } from '../load/parse.js';
import { packagePath } from '../paths.js';
import type { Entity } from '../schema/index.js';
import type { SchemaSet } from '../schema/validators.js';
import { checksum, makeFolder, readBytes, readCacheFile, readIndex, writeCacheFile, writeIndexedFile } from './store.js';
import { cryptoLib } from '../util/lazy.js';
import { isWalkFile, keptWalk, pathsChecksum, takeWalk, walkKey, WalkRecorder, type WalkFile } from './walk.js';
import {
  addEntity,
  compactIds,
  copyEntities,
  EMPTY,
  ENTITY_INTS,
  ColumnIndex,
  LazyFileResult,
  remapIds,
  SLIM_LIST,
  slimColumns,
  splitText,
  stageColumns,
  type DiskStage,
  type DiskStagePaths,
  type DiskStageShard,
  type SeedEntity,
  type ShardBuilder,
  type ShardLike,
  type StageColumns,
  type StageExtra,
  type StageFile,
} from './stage.js';

/** Without a clock of the file system's own, a stamp this close to the run is checked by its hash next time. */
const RACY_MS = 2000;

/**
 * The time as the file system gives it (its own granularity: 2 s on FAT), from a small file written
 * in the cache folder; a stamp at or after it is racy. Without it, the clock less a margin.
 */
function fileSystemNow(dir: string): number {
  const marker = path.join(dir, 'run');
  try {
    makeFolder(dir);
    writeFileSync(marker, `${process.pid}\n`);
    const st = statSync(marker);
    return Math.min(st.mtimeMs, st.ctimeMs);
  } catch {
    return Date.now() - RACY_MS;
  }
}

/**
 * The cache folder's device, when its file system gives a folder a new stamp as an entry is added
 * to it (as git's untracked cache asks; FAT on some systems does not): only then does a folder's
 * stamp vouch for its listing (see walk.ts). Seen on a folder of the run's own, made and removed in
 * the cache folder, whose times the run may set.
 */
function foldersTellDevice(dir: string): number | undefined {
  const probe = path.join(dir, `probe-${process.pid}`);
  try {
    mkdirSync(probe);
    try {
      // Its times set far back, then an entry added: a file system that keeps folders' times changes them.
      utimesSync(probe, 1, 1);
      writeFileSync(path.join(probe, 'entry'), '');
      const folder = statSync(probe);
      return folder.mtimeMs > 1000 ? folder.dev : undefined;
    } finally {
      rmSync(probe, { recursive: true, force: true });
    }
  } catch {
    return undefined;
  }
}

/** Entries are kept in this many files, so that one changed file rewrites a small part of the cache. */
const FILE_SHARDS = 128;

/** The stage file's entries are kept in this many (each run reads them all). */
const SHARDS = 32;

/** What the last run over the whole repository gave, as `validate` prints it. */
export interface StoredResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  shownFileCount: number;
  skipped: SkippedFile[];
}

/** A file's entry as it is used. */
interface CachedFile {
  stamp: string;
  /** The hash of the text the result was made from; undefined when it was not text (too large, unreadable). */
  hash: string | undefined;
  racy: boolean;
  wire: WireFileResult;
  /** Positions later stages asked for, by document, target and path. */
  positions: Map<string, Range>;
}

/**
 * A file's entry as a shard keeps it: the result and positions serialized on their own, so that a
 * shard reads quickly and only the entries a run needs are turned back into values.
 */
interface StoredFile {
  stamp: string;
  hash: string | undefined;
  racy: boolean;
  /** The body, or where it is in the shard's file (read when first needed). */
  body: Uint8Array | { offset: number; length: number };
  /** The body's checksum, checked when it is read. */
  sum: string;
}

/** A shard's index on disk: each entry with where its body is among the file's bodies. */
type IndexEntry = [stamp: string, hash: string | undefined, racy: boolean, offset: number, length: number, sum: string];

interface State {
  key: string;
  /** The checksum of every file's path and stamp (see `listing`): the stored result is for that listing. */
  listing: string;
  racy: boolean;
  /** The result file written with this state (see `ResultFile`), or undefined when the run stored none. */
  result: string | undefined;
  /** The stage file written with this state (see `StageFile`), or undefined. */
  stage: string | undefined;
  /** The walk file written with this state or kept from the last (see `WalkFile`), or undefined. */
  walk?: string;
}

interface Shard {
  key: string;
  entries: Map<string, StoredFile>;
}

/** The last result on disk, in a file of its own: a run where a file changed never reads it. */
interface ResultFile {
  key: string;
  token: string;
  result: StoredResult;
}


export interface CacheKeyInput {
  cwd: string;
  paths: readonly string[];
  asOf: string;
  limits: ParseLimits;
  severityOf?: (rule: string) => string | undefined;
}

/**
 * Everything besides the files that changes a result. lofte's own build is known by its files'
 * stamps (each build writes them anew), the data it reads by theirs.
 */
export function cacheKey(input: CacheKeyInput): string {
  const own = ['package.json', 'dist/lofte.cjs', 'dist/validate.js', 'dist/schema/compiled.cjs'].map((f) => pathStamp(packagePath(f)) ?? 'none');
  const data = ['schemas', 'data'].flatMap((dir) => listFiles(packagePath(dir)).map((f) => `${f}=${pathStamp(f) ?? 'none'}`));
  const severities = [...RULE_CODES].map((code) => `${code}=${input.severityOf?.(code) ?? ''}`);
  return checksum(JSON.stringify([process.versions.v8, own, data, input.cwd, input.paths, input.asOf, input.limits, severities]));
}

function listFiles(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
  } catch {
    return [];
  }
}

/** What `save` keeps of the repository stage: each file's record, by name. */
export interface StageRecords {
  get(file: string): StageRecord | undefined;
  /** The files (by their place among the files) whose records may differ from those it was seeded with; undefined: any may. */
  touched?(): readonly number[] | undefined;
}

/** The record of a file without findings, as the stage file gives it (most files). */
const NO_RECORD: StageRecord = Object.freeze({ repository: EMPTY, broken: undefined, shown: EMPTY });

/** The repository stage as `seed` wants it, for a run where most files did not change. */
export interface Seed {
  /** The last run's files' results (unchanged ones are read from the cache only as far as asked), in its order. */
  previous: FileResult[];
  records: StageRecord[];
  /** The index of `previous`'s documents, from the stage file's columns (see `RepositoryStage.seed`). */
  index: SeedIndex;
  /** This run's files' results. */
  results: FileResult[];
  /** When this run's files are the last run's, in the same order: the results that are not the last run's. */
  changed: FileResult[] | undefined;
  checked: number;
}

export class PersistentCache {
  private readonly state: State | undefined;
  private readonly shards: (Shard | undefined)[] = [];
  /** Entries turned back into values (or made) in this run, by shard; written back when their shard is. */
  private readonly decoded: Map<string, CachedFile>[] = Array.from({ length: FILE_SHARDS }, () => new Map());
  private readonly dirty = new Set<number>();
  /** The file system's time when this run began, before any file was looked at. */
  private readonly started: number;
  /** Each path's hash (see `shard`), as worked out in this run (a run asks for most several times). */
  private readonly hashes = new Map<string, number>();
  /** The last stage file's paths and ids as it kept them, when it was read; `sameFiles`: this run's files are those paths. */
  private previousPaths: { token: string; sameFiles: boolean } | undefined;
  /** The last stage file's shards, and their tokens, when it was read. */
  private previousShards: readonly StageColumns[] | undefined;
  private previousStageTokens: readonly string[] | undefined;
  /** The last stage file's table of ids, when it was read, and how many of them were in use when last counted. */
  private previousIds: readonly string[] | undefined;
  private previousUsed = 0;
  /** Each file's shard and row in the last stage file, when it was read. */
  private previousPlaces: { places: Uint8Array; rows: Int32Array } | undefined;
  /** The last run's files (from the stage file), when it was read. */
  private previous: readonly string[] | undefined;
  /** By this run's files (`files`, as `seed` was given them): the last run's result where the stamp is what the stage file says (their entries need not be read). */
  private unchanged: { files: readonly DiscoveredFile[]; results: readonly (LazyFileResult | undefined)[]; stamps: Float64Array } | undefined;
  /** The walk to write with the state, or the token of the one kept from the last run (see `discover`). */
  private walk: WalkFile | string | undefined;
  /** How many folders `discover` listed, when it took the others from the last walk. */
  private listed: { folders: number; of: number } | undefined;

  /** How `discover` found the files: the last run's walk whole, or the folders that changed listed again, or every folder listed. */
  get walkUse(): string {
    if (typeof this.walk === 'string') return 'the folders as last time';
    return this.listed ? `${this.listed.folders} of ${this.listed.of} folders listed` : 'every folder listed';
  }
  /** The checksum of the paths of the files `discover` gave, when known from the walk (see `pathsChecksum`). */
  private pathsSum: { files: readonly DiscoveredFile[]; sum: string } | undefined;
  /** What checks a file whose entry cannot be read (see `loadLazy`). */
  private fallback: { schemas: SchemaSet; options: FileCheckOptions } | undefined;

  /** Made before the files are discovered: it notes the time a stamp must be older than to be trusted. */
  constructor(
    private readonly dir: string,
    private readonly key: string,
  ) {
    const state = readCacheFile(path.join(dir, 'state'));
    this.state = isState(state) && state.key === key ? state : undefined;
    this.started = fileSystemNow(dir);
  }

  /**
   * The files under `paths`: those of the walk kept by the last run when its folders and the files
   * its predicates read have the same stamps (see walk.ts), else found by a walk that is kept.
   */
  async discover(paths: readonly string[], options: DiscoverOptions): Promise<DiscoveredFile[]> {
    const key = walkKey(this.key, options);
    const token = this.state?.walk;
    let taken: ReturnType<typeof takeWalk>;
    if (key !== undefined && token !== undefined) {
      const kept = readCacheFile(path.join(this.dir, 'walk'));
      taken = isWalkFile(kept) && kept.key === key && kept.token === token ? takeWalk(kept) : undefined;
      if (taken && 'files' in taken) {
        this.walk = token;
        this.pathsSum = { files: taken.files, sum: (kept as WalkFile).pathsSum };
        return taken.files;
      }
    }
    const recorder = new WalkRecorder(taken && 'last' in taken ? taken.last : undefined);
    const files = await discover(paths, { ...options, trace: recorder });
    // Probed only by a run that made a walk to keep (a run that took the last one has no need).
    const walk = keptWalk(key, recorder, options, files, { started: this.started, device: () => foldersTellDevice(this.dir) }, cryptoLib().randomUUID());
    this.walk = walk;
    this.listed = taken && 'last' in taken ? { folders: recorder.listed, of: recorder.folders.length } : undefined;
    if (walk) this.pathsSum = { files, sum: walk.pathsSum };
    return files;
  }

  /**
   * After a run that took the stored result: the walk it made, when it can be kept, is written
   * with the state (a folder touched with no file changed, as an editor's swap file does, would
   * otherwise be listed again run after run).
   */
  keepWalk(): void {
    if (typeof this.walk !== 'object' || !this.state) return;
    const walk = this.writeWalk();
    if (walk) writeCacheFile(path.join(this.dir, 'state'), { ...this.state, walk });
  }

  /** Writes the walk made in this run (see `discover`); the token of the walk the state is to name, if any. */
  private writeWalk(): string | undefined {
    const walk = this.walk;
    if (typeof walk !== 'object') return walk;
    return writeCacheFile(path.join(this.dir, 'walk'), walk) === undefined ? walk.token : undefined;
  }

  /** The last run's result, when it was over exactly these files with these stamps and none was racy. */
  storedResult(files: readonly DiscoveredFile[], stamps: CurrentStamps): StoredResult | undefined {
    const s = this.state;
    if (s?.result === undefined || s.racy || stamps.gone || s.listing !== this.listing(files, stamps.numbers)) return undefined;
    const stored = readCacheFile(path.join(this.dir, 'result'));
    return isResultFile(stored) && stored.key === this.key && stored.token === s.result ? stored.result : undefined;
  }

  /** The checksum of the files and their stamps (see `listing`). */
  private listing(files: readonly DiscoveredFile[], stamps: Float64Array): string {
    const known = this.pathsSum;
    return listing(known?.files === files ? known.sum : pathsChecksum(files), stamps);
  }

  /**
   * Each file's own result: from the cache where its stamp or its text's hash says it is the same
   * file, else checked from the one read. `checked`: how many were checked.
   */
  results(files: readonly DiscoveredFile[], stamps: readonly string[], schemas: SchemaSet, options: FileCheckOptions, onProgress?: (done: number) => void): { results: FileResult[]; checked: number } {
    const results: FileResult[] = [];
    let checked = 0;
    for (const [i, file] of files.entries()) {
      const { result, fresh } = this.resultFor(file, stamps[i] as string, () => schemas, options);
      if (fresh) checked++;
      results.push(result);
      if ((i + 1) % 100 === 0) onProgress?.(i + 1);
    }
    return { results, checked };
  }

  /**
   * The repository stage as the last run left it, and this run's results: unchanged files (the
   * same stamp as last time, not racy) as results whose documents' values and own findings are read
   * from the cache only when asked for; the others from the cache by hash, or checked. Undefined
   * when the cache holds no stage for the last run.
   */
  async seed(files: readonly DiscoveredFile[], stamps: CurrentStamps, schemas: () => Promise<SchemaSet>, options: FileCheckOptions, cwd: string): Promise<Seed | undefined> {
    const s = this.state;
    if (!s?.stage) return undefined;
    // Told before any result is made: a result whose entry cannot be read checks its file.
    const stage = this.readStage(s.stage, files);
    if (!stage) return undefined;
    this.previous = stage.files;
    this.previousIds = stage.ids;
    // Where this run's files are the last run's (most runs), the same place in both lists.
    const sameFiles = stage.files.length === files.length && files.every((f, i) => f.absPath === stage.files[i]);
    const at = sameFiles ? undefined : new Map(files.map((f, i) => [f.absPath, i]));
    const previous: LazyFileResult[] = [];
    // By this run's files: the last run's result where the file did not change.
    const unchanged: (LazyFileResult | undefined)[] = [];
    this.unchanged = { files, results: unchanged, stamps: stamps.numbers };
    const records: StageRecord[] = [];
    stage.files.forEach((absPath, i) => {
      // A file gone since is known by the name discovery gave it (the paths and the working folder are in the key).
      const k = at ? at.get(absPath) : i;
      const file = k === undefined ? { absPath, name: displayName(cwd, absPath) } : (files[k] as DiscoveredFile);
      const n = stage.places[i] as number;
      const cols = stage.shards[n] as StageColumns;
      const row = stage.rows[i] as number;
      const extra = cols.extra.get(row);
      // Its documents' facts and names at hand; values, positions and own findings read when first asked for (see `loadLazy`).
      const result = new LazyFileResult(this, file, stage.stamps, i, options.limits, n, cols, row, extra?.[0], stage.ids);
      previous.push(result);
      records.push(extra ? { repository: extra[1], broken: extra[2], shown: extra[3] } : NO_RECORD);
      // The same stamp (one that is none, gone or racy, matches nothing).
      if (k !== undefined && sameStamp(stamps.numbers, k, stage.stamps, i)) {
        unchanged[k] = result;
        result.sameStamp = true;
      }
    });
    const results: FileResult[] = [];
    let checked = 0;
    const loaded = await schemas();
    this.fallback = { schemas: loaded, options };
    for (let i = 0; i < files.length; i++) {
      const same = unchanged[i];
      if (same) {
        results.push(same);
        continue;
      }
      const file = files[i] as DiscoveredFile;
      const { result, fresh } = this.resultFor(file, stampText(stamps.numbers, i), () => loaded, options);
      if (fresh) checked++;
      results.push(result);
    }
    if (this.previousPaths) this.previousPaths.sameFiles = sameFiles;
    const changed = sameFiles ? results.filter((r, i) => r !== previous[i]) : undefined;
    return { previous, records, index: new ColumnIndex(previous, stage), results, changed, checked };
  }

  /**
   * Writes what changed: the entries' files that changed (and leaves out files no longer there),
   * the state with `result` (undefined when the run showed only some files), and the repository
   * stage when given (each file's record, by name). Returns the error code when the cache cannot be written.
   */
  save(files: readonly DiscoveredFile[], results: readonly FileResult[], result: StoredResult | undefined, stage?: StageRecords): string | undefined {
    // Where this run's files are the last stage file's, every file an entry was read or made for is here.
    const present = this.previousPaths?.sameFiles === true ? { has: (_: string): boolean => true } : new Set(files.map((f) => f.absPath));
    const gone = (name: string, n: number): void => {
      this.loadShard(n).entries.delete(name);
      this.decoded[n]?.delete(name);
      this.dirty.add(n);
    };
    if (this.previous) {
      // Over the last stage file's files (most runs) none is gone.
      if (this.previousPaths?.sameFiles !== true) for (const name of this.previous) if (!present.has(name)) gone(name, this.shard(name));
    } else {
      // Without the last run's files: what the shards read hold of files not here.
      this.shards.forEach((shard, n) => {
        for (const name of shard?.entries.keys() ?? []) if (!present.has(name)) gone(name, n);
      });
    }
    for (const n of [...this.dirty].sort((a, b) => a - b)) {
      const shard = this.loadShard(n);
      for (const [name, entry] of this.decoded[n] as Map<string, CachedFile>) {
        if (!present.has(name)) continue;
        const body = serialize({ wire: entry.wire, positions: entry.positions });
        shard.entries.set(name, { stamp: entry.stamp, hash: entry.hash, racy: entry.racy, body, sum: checksum(body) });
      }
      const entries = new Map<string, IndexEntry>();
      const bodies: Uint8Array[] = [];
      let offset = 0;
      // The bodies not read in this run are read from the shard's file at once.
      let whole: Buffer | undefined;
      for (const e of shard.entries.values()) {
        if (e.body instanceof Uint8Array) continue;
        whole ??= readWhole(this.shardFile(n));
        if (e.body.offset + e.body.length <= whole.length) {
          const body = whole.subarray(e.body.offset, e.body.offset + e.body.length);
          if (checksum(body) === e.sum) e.body = body;
        }
      }
      for (const [name, e] of shard.entries) {
        const body = this.bodyOf(n, e);
        if (!body) continue; // unreadable now: the file is checked again next time
        entries.set(name, [e.stamp, e.hash, e.racy, offset, body.length, e.sum]);
        bodies.push(body);
        offset += body.length;
      }
      const error = writeIndexedFile(this.shardFile(n), { key: shard.key, entries }, bodies);
      if (error) return error;
    }
    // Each file's entry was made or decoded in this run, or the file is unchanged since the stage file (whose stamp stands).
    // As numbers (see `CurrentStamps`): NaN where a file is gone or its entry racy, which no stamp matches.
    const stamps = new Float64Array(files.length * STAMP_PARTS).fill(Number.NaN);
    const unchanged = this.unchanged?.files === files ? this.unchanged : undefined;
    if (unchanged) {
      const from = unchanged.stamps;
      for (let i = 0; i < unchanged.results.length; i++) {
        if (!unchanged.results[i]) continue;
        for (let k = i * STAMP_PARTS; k < (i + 1) * STAMP_PARTS; k++) stamps[k] = from[k] as number;
      }
    }
    const made: [string, CachedFile][] = [];
    for (const entries of this.decoded) made.push(...entries);
    // The few entries of a run where few files changed are found by a look through the files; more by a map of them.
    const at = made.length > 32 ? new Map(files.map((f, i) => [f.absPath, i])) : undefined;
    for (const [name, entry] of made) {
      const i = at ? at.get(name) : files.findIndex((f) => f.absPath === name);
      if (i !== undefined && i >= 0 && !entry.racy) stamps.set(stampNumbers([entry.stamp]), i * STAMP_PARTS);
    }
    const racy = hasNaN(stamps);
    let token: string | undefined;
    if (stage) token = this.saveStage(files, results, stamps, stage);
    let resultToken: string | undefined;
    if (result) {
      resultToken = cryptoLib().randomUUID();
      const disk: ResultFile = { key: this.key, token: resultToken, result };
      const error = writeCacheFile(path.join(this.dir, 'result'), disk);
      if (error) return error;
    }
    const state: State = { key: this.key, listing: this.listing(files, stamps), racy, result: resultToken, stage: token, walk: this.writeWalk() };
    return writeCacheFile(path.join(this.dir, 'state'), state);
  }

  /**
   * Writes the stage file for `results` and each file's record (see `save`); returns its token, or
   * undefined when it was not written whole. A shard is written again only when one of its files is
   * new, gone or has another entry than last time (an unchanged file's result is the lazy one the
   * last stage file gave, its record the one the stage was seeded with, or one equal to it).
   */
  private saveStage(files: readonly DiscoveredFile[], results: readonly FileResult[], stamps: Float64Array, stage: StageRecords): string | undefined {
    // The last stage file's table goes on (its documents' entries refer to it); new ids are added.
    let ids: string[] = this.previousIds ? [...this.previousIds] : [];
    // The first few ids are looked for in the table; a map of it is made only for more (a run where one file changed looks for a few).
    let idAt: Map<string, number> | undefined;
    let lookups = 0;
    // The last table's ids were split at NULs: only an id added here can hold one.
    let nulId = false;
    const idOf = (id: string): number => {
      let at: number | undefined;
      if (idAt === undefined && ++lookups <= 64) {
        at = ids.indexOf(id);
        if (at < 0) at = undefined;
      } else {
        idAt ??= new Map(ids.map((known, k) => [known, k]));
        at = idAt.get(id);
      }
      if (at === undefined) {
        at = ids.length;
        idAt?.set(id, at);
        ids.push(id);
        if (id.includes('\u0000')) nulId = true;
      }
      return at;
    };
    const previousShards = this.previousIds === undefined ? undefined : this.previousShards;
    // Each shard's files in order (made when first asked for where the files keep their places),
    // and each file's extra part; a shard is dirty when any differs from the last stage file.
    const byShard: (number[] | undefined)[] = [];
    const extras: (StageExtra | undefined | null)[] = new Array<null>(results.length).fill(null);
    let missing = false;
    /** A file's extra part (null: not yet worked out). */
    const extraOf = (i: number): StageExtra | undefined => {
      const known = extras[i];
      if (known !== null) return known;
      const r = results[i] as FileResult;
      const record = stage.get(r.file);
      if (!record) missing = true;
      const skipped = r.skipped;
      const extra: StageExtra | undefined = record && (skipped !== undefined || record.repository.length > 0 || record.broken !== undefined || record.shown.length > 0) ? [skipped, record.repository, record.broken, record.shown] : undefined;
      return (extras[i] = extra);
    };
    /** Unchanged: the last stage file's entry (documents and all) at the same row, with the same extra part. */
    const unchanged = (r: FileResult, n: number, row: number, extra: StageExtra | undefined): boolean => {
      if (!(r instanceof LazyFileResult) || r.cols !== previousShards?.[n] || r.row !== row) return false;
      const old = r.cols.extra.get(r.row);
      return old === extra || (old !== undefined && extra !== undefined && old[0] === extra[0] && (old[1] === extra[1] || isDeepStrictEqual(old[1], extra[1])) && isDeepStrictEqual(old[2], extra[2]) && (old[3] === extra[3] || isDeepStrictEqual(old[3], extra[3])));
    };
    const dirty = new Set<number>();
    let places: Uint8Array;
    let rows: Int32Array;
    const last = this.previousPlaces;
    const filesOf = (n: number): number[] => {
      let list = byShard[n];
      if (!list) {
        list = [];
        for (let i = 0; i < places.length; i++) if (places[i] === n) list[rows[i] as number] = i;
        byShard[n] = list;
      }
      return list;
    };
    if (this.previousPaths?.sameFiles === true && previousShards !== undefined && last !== undefined && last.places.length === results.length) {
      // The same files as the last stage file: each stays at its place (a changed one too), and
      // only the shards holding one whose entry is not the last one are made again. Where the
      // stage says which files it worked out again since it was seeded, only those are looked at.
      places = last.places.slice();
      rows = last.rows.slice();
      const look = (i: number): void => {
        const n = places[i] as number;
        if (!dirty.has(n) && !unchanged(results[i] as FileResult, n, rows[i] as number, extraOf(i))) dirty.add(n);
      };
      const touched = stage.touched?.();
      if (touched && touched.every((i) => i < results.length)) for (const i of touched) look(i);
      else for (let i = 0; i < results.length; i++) look(i);
    } else {
      places = new Uint8Array(results.length);
      rows = new Int32Array(results.length);
      for (let n = 0; n < SHARDS; n++) byShard[n] = [];
      for (let i = 0; i < results.length; i++) {
        const r = results[i] as FileResult;
        // A file of the last stage file stays in its shard; another goes where its path says.
        const n = r instanceof LazyFileResult && r.cols === previousShards?.[r.shard] ? r.shard : this.stageShard((files[i] as DiscoveredFile).absPath);
        places[i] = n;
        const list = byShard[n] as number[];
        rows[i] = list.length;
        list.push(i);
        const extra = extraOf(i);
        if (!dirty.has(n) && !unchanged(r, n, rows[i] as number, extra)) dirty.add(n);
      }
      byShard.forEach((list, n) => {
        if (previousShards?.[n] === undefined || list?.length !== (previousShards[n] as StageColumns).files.length / 2) dirty.add(n);
      });
    }
    if (missing) return undefined;
    const build = (n: number): ShardBuilder => {
      const b: ShardBuilder = { files: [], entities: [], refs: [], slim: [], extra: new Map() };
      for (const [row, file] of filesOf(n).entries()) {
        const r = results[file] as FileResult;
        const extra = extraOf(file);
        b.files.push(b.entities.length / ENTITY_INTS, 0);
        if (extra) b.extra.set(row, extra);
        if (r instanceof LazyFileResult && r.ids === this.previousIds) copyEntities(b, row, r.cols, r.row);
        else if (!r.skipped) for (const e of r.entities) addEntity(b, row, this.seedEntity(e), idOf);
      }
      return b;
    };
    const built = new Map<number, ShardBuilder>();
    for (const n of dirty) built.set(n, build(n));
    // Counted again only when the table has grown to twice the ids in use at the last count:
    // a run that adds no id (most) does not look at every entry for it.
    let used = this.previousUsed;
    if (ids.length > 2 * used) {
      const shards: ShardLike[] = Array.from({ length: SHARDS }, (_, n) => built.get(n) ?? (previousShards?.[n] as StageColumns));
      const compacted = compactIds(shards, ids);
      used = compacted.used;
      if (compacted.kept) {
        for (let n = 0; n < SHARDS; n++) if (!built.has(n)) built.set(n, build(n));
        remapIds([...built.values()], compacted.moved);
        ids = compacted.kept;
      }
    }
    // A file the stage does not hold (met while its shard was made): the stage is not written.
    if (missing) return undefined;
    // The table is one text with NUL between ids: an id with a NUL of its own (YAML can write one) would read back as two.
    if (nulId) return undefined;
    const tokens: string[] = [];
    for (let n = 0; n < SHARDS; n++) {
      const b = built.get(n);
      const previous = this.previousStageTokens?.[n];
      if (!b && previous !== undefined && previous !== '') {
        tokens.push(previous);
        continue;
      }
      const made = b ?? build(n);
      const slim = slimColumns(made.slim);
      if (!slim) return undefined;
      const shardToken = cryptoLib().randomUUID();
      const disk: DiskStageShard = {
        key: this.key,
        token: shardToken,
        files: Int32Array.from(made.files),
        entities: Int32Array.from(made.entities),
        refs: Int32Array.from(made.refs),
        ...slim,
        extra: made.extra,
      };
      if (writeCacheFile(this.stageShardFile(n), disk)) return undefined;
      tokens.push(shardToken);
    }
    // The paths as the last stage file kept them where they are the same.
    let paths = this.previousPaths?.sameFiles === true ? this.previousPaths.token : undefined;
    if (paths === undefined) {
      paths = cryptoLib().randomUUID();
      const disk: DiskStagePaths = { key: this.key, token: paths, files: Buffer.from(files.map((f) => f.absPath).join('\u0000'), 'utf8') };
      if (writeCacheFile(path.join(this.dir, 'stage-paths'), disk)) return undefined;
    }
    const token = cryptoLib().randomUUID();
    const known = this.pathsSum;
    const disk: DiskStage = {
      key: this.key,
      token,
      paths,
      pathsSum: known?.files === files ? known.sum : pathsChecksum(files),
      stamps,
      ids: Buffer.from(ids.join('\u0000'), 'utf8'),
      idCount: ids.length,
      places,
      rows,
      used,
      shards: tokens,
    };
    return writeCacheFile(path.join(this.dir, 'stage'), disk) ? undefined : token;
  }

  /** The stage file written with the state (`token`), its entries from its shards; undefined when any part is not what was written. */
  private readStage(token: string, current: readonly DiscoveredFile[]): StageFile | undefined {
    const head = readCacheFile(path.join(this.dir, 'stage'));
    if (!isPlainObject(head) || head['key'] !== this.key || head['token'] !== token || !isStringArray(head['shards']) || head['shards'].length !== SHARDS) return undefined;
    if (typeof head['paths'] !== 'string' || !(head['stamps'] instanceof Float64Array) || !(head['ids'] instanceof Uint8Array) || !(head['places'] instanceof Uint8Array) || !(head['rows'] instanceof Int32Array) || !Number.isSafeInteger(head['used'])) return undefined;
    // Most runs are over the files of the last: their paths are compared by checksum (known from the
    // walk, and kept in the stage file), and `stage-paths` is read only when they differ.
    const known = this.pathsSum;
    const currentSum = known?.files === current ? known.sum : pathsChecksum(current);
    let files: string[];
    if (head['pathsSum'] === currentSum) files = current.map((f) => f.absPath);
    else {
      const paths = readCacheFile(path.join(this.dir, 'stage-paths'));
      if (!isPlainObject(paths) || paths['key'] !== this.key || paths['token'] !== head['paths'] || !(paths['files'] instanceof Uint8Array)) return undefined;
      files = checksum(paths['files']) === currentSum ? current.map((f) => f.absPath) : splitText(paths['files']);
    }
    const stamps = head['stamps'];
    const ids = splitText(head['ids']);
    if (ids.length !== head['idCount']) return undefined;
    const places = head['places'];
    const rows = head['rows'];
    if (stamps.length !== files.length * STAMP_PARTS || places.length !== files.length || rows.length !== files.length) return undefined;
    const tokens = head['shards'] as string[];
    const shards: StageColumns[] = [];
    let count = 0;
    for (let n = 0; n < SHARDS; n++) {
      const shard = readCacheFile(this.stageShardFile(n));
      if (!isPlainObject(shard) || shard['key'] !== this.key || shard['token'] !== tokens[n]) return undefined;
      const cols = stageColumns(shard, ids.length);
      if (!cols) return undefined;
      shards.push(cols);
      count += cols.files.length / 2;
    }
    // Every file at a row of its own, and no row without a file (which file is where, only the
    // stage file says: a shard is kept only while its files are where they were, see `saveStage`).
    if (count !== files.length) return undefined;
    const taken = shards.map((cols) => new Uint8Array(cols.files.length / 2));
    for (let i = 0; i < files.length; i++) {
      const rowsOf = taken[places[i] as number];
      const row = rows[i] as number;
      if (rowsOf === undefined || row < 0 || row >= rowsOf.length || rowsOf[row] === 1) return undefined;
      rowsOf[row] = 1;
    }
    this.previousShards = shards;
    this.previousPlaces = { places, rows };
    this.previousPaths = { token: head['paths'], sameFiles: false };
    this.previousStageTokens = tokens;
    this.previousUsed = head['used'] as number;
    return { files, stamps, ids, places, rows, shards };
  }

  private stageShardFile(n: number): string {
    return path.join(this.dir, `stage-${String(n).padStart(2, '0')}`);
  }

  /** A file's result now, from its entry or `fresh` from a check (whose positions the cache keeps). */
  private resultFor(file: DiscoveredFile, stamp: string, schemas: () => SchemaSet, options: FileCheckOptions): { result: FileResult; fresh: boolean } {
    const { entry, fresh } = this.entryFor(file, stamp, schemas, options);
    return fresh ? { result: this.keepingPositions(file, entry, fresh), fresh: true } : { result: this.fileResult(file, entry, options.limits), fresh: false };
  }

  /** A file's entry now: the cached one when its stamp (or, read again, its hash) says it is the same file, else `fresh` from a check. */
  private entryFor(file: DiscoveredFile, stamp: string, schemas: () => SchemaSet, options: FileCheckOptions): { entry: CachedFile; fresh?: FileResult } {
    const n = this.shard(file.absPath);
    const stored = this.loadShard(n).entries.get(file.absPath);
    // Decoded once: its hash is compared with the text's below when its stamp is not this one.
    let entry = this.decoded[n]?.get(file.absPath) ?? (stored ? this.decode(n, file.absPath, stored) : undefined);
    if (entry && entry.stamp === stamp && !entry.racy && stamp !== 'gone') return { entry };
    const read = readDiscovered(file, options.limits.maxFileBytes);
    const hash = read.kind === 'text' ? checksum(read.text) : undefined;
    const readStamp = read.kind === 'unreadable' ? 'gone' : read.stamp;
    this.dirty.add(n);
    if (entry && hash !== undefined && entry.hash === hash && readStamp !== 'gone') {
      entry = { ...entry, stamp: readStamp, racy: this.isRacy(readStamp), wire: { ...entry.wire, stamp: readStamp } };
      (this.decoded[n] as Map<string, CachedFile>).set(file.absPath, entry);
      return { entry };
    }
    const fresh = checkReadFile(file, read, schemas(), options);
    entry = { stamp: fresh.stamp, hash, racy: this.isRacy(fresh.stamp), wire: toWire(fresh), positions: new Map() };
    (this.decoded[n] as Map<string, CachedFile>).set(file.absPath, entry);
    return { entry, fresh };
  }

  /** A stored entry as a value, kept so that positions asked for later are written back; undefined when it is not what lofte wrote. */
  private decode(n: number, absPath: string, stored: StoredFile): CachedFile | undefined {
    const entry = this.decodeEntry(n, stored);
    if (entry) (this.decoded[n] as Map<string, CachedFile>).set(absPath, entry);
    return entry;
  }

  /** A stored entry as a value (not kept); undefined when it is not what lofte wrote. */
  private decodeEntry(n: number, stored: StoredFile): CachedFile | undefined {
    const bytes = this.bodyOf(n, stored);
    if (!bytes) return undefined;
    let body: unknown;
    try {
      body = deserialize(bytes);
    } catch {
      return undefined;
    }
    if (!isPlainObject(body) || !isWire(body['wire']) || !(body['positions'] instanceof Map)) return undefined;
    return { stamp: stored.stamp, hash: stored.hash, racy: stored.racy, wire: body['wire'], positions: body['positions'] as Map<string, Range> };
  }

  /** A stored entry's body, read from its shard's file where it was not yet; undefined when it is not what was written. */
  private bodyOf(n: number, stored: StoredFile): Uint8Array | undefined {
    // A body at hand was checked when it was set (read and checked, or just serialized with its sum).
    if (stored.body instanceof Uint8Array) return stored.body;
    const body = readBytes(this.shardFile(n), stored.body.offset, stored.body.length);
    if (!body || checksum(body) !== stored.sum) return undefined;
    return (stored.body = body);
  }

  private fileResult(file: DiscoveredFile, entry: CachedFile, limits: ParseLimits): FileResult {
    return this.keepingPositions(file, entry, fromWire(entry.wire, file, limits, entry.hash));
  }

  /** `result` (of `entry`) with each position asked for kept in the entry, for the next run. */
  private keepingPositions(file: DiscoveredFile, entry: CachedFile, result: FileResult): FileResult {
    const positions = entry.positions;
    const shard = this.shard(file.absPath);
    const memo = (index: number, inner: Locator): Locator => ({
      locate: (at: DocPath, target: LocateTarget = 'value') => {
        const k = `${index}\n${target}\n${JSON.stringify(at)}`;
        let range = positions.get(k);
        if (!range) {
          positions.set(k, (range = inner.locate(at, target)));
          this.dirty.add(shard);
        }
        return range;
      },
    });
    for (const e of result.entities) e.doc.locator = memo(e.doc.index, e.doc.locator);
    return result;
  }

  /**
   * A lazy file's whole result from its entry of the last run. When that entry cannot be had, a file
   * that did not change since is checked again; one that did (its old documents, which only the
   * stage file's facts describe: their values are not looked at) is not read as it is now.
   */
  loadLazy(lazy: LazyFileResult): FileResult {
    if (lazy.full) return lazy.full;
    const { discovered: file, stamp, limits } = lazy;
    const n = this.shard(file.absPath);
    const decoded = this.decoded[n] as Map<string, CachedFile>;
    const made = decoded.get(file.absPath);
    if (made?.stamp === stamp) return (lazy.full = this.fileResult(file, made, limits));
    const stored = this.loadShard(n).entries.get(file.absPath);
    if (stored?.stamp === stamp) {
      // An entry made in this run (for the file as it is now) stays the one written back.
      const entry = made ? this.decodeEntry(n, stored) : this.decode(n, file.absPath, stored);
      if (entry) return (lazy.full = this.fileResult(file, entry, limits));
    }
    if (lazy.sameStamp) {
      const { schemas, options } = this.fallback as NonNullable<PersistentCache['fallback']>;
      const read = readDiscovered(file, limits.maxFileBytes);
      if (read.kind !== 'unreadable' && read.stamp === stamp) {
        const full = checkReadFile(file, read, schemas, options);
        decoded.set(file.absPath, { stamp, hash: read.kind === 'text' ? checksum(read.text) : undefined, racy: this.isRacy(stamp), wire: toWire(full), positions: new Map() });
        this.dirty.add(n);
        return (lazy.full = this.keepingPositions(file, decoded.get(file.absPath) as CachedFile, full));
      }
    }
    return (lazy.full = { file: file.name, stamp, ...(lazy.skipped ? { skipped: lazy.skipped } : {}), diagnostics: [], directives: [], entities: [] });
  }

  private seedEntity(e: Entity): SeedEntity {
    const facts = entityFacts(e);
    const slim = SLIM_LIST.map((field) => {
      if (!Object.prototype.hasOwnProperty.call(e.value, field)) return undefined;
      const v = e.value[field];
      return typeof v === 'string' ? v : false;
    });
    return [e.kind, e.id, e.valid, e.doc.index, facts.refs, facts.unreadable, slim];
  }

  /** A file changed in the same tick of the file system's clock as this run began could change again unseen. */
  private isRacy(stamp: string): boolean {
    return !(stampTime(stamp) < this.started);
  }

  private loadShard(n: number): Shard {
    let shard = this.shards[n];
    if (!shard) {
      // Without a state (another key, or spoilt) nothing in the cache is trusted: shards are written with their state.
      const read = this.state ? readIndex(this.shardFile(n)) : undefined;
      shard = read ? shardOf(read.index, read.bodyStart, read.size, this.key) : undefined;
      if (!shard) {
        shard = { key: this.key, entries: new Map() };
        this.dirty.add(n);
      }
      this.shards[n] = shard;
    }
    return shard;
  }

  private shardFile(n: number): string {
    return path.join(this.dir, `files-${String(n).padStart(2, '0')}`);
  }

  /** A path's entry's shard (`files-NN`). */
  private shard(name: string): number {
    return this.hashOf(name) % FILE_SHARDS;
  }

  /** A path's stage shard (`stage-NN`). */
  private stageShard(name: string): number {
    return this.hashOf(name) % SHARDS;
  }

  private hashOf(name: string): number {
    let h = this.hashes.get(name);
    if (h === undefined) {
      h = 0x811c9dc5;
      for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
      this.hashes.set(name, (h >>>= 0));
    }
    return h;
  }
}

function readWhole(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/** One checksum for the files (their paths' checksum, see `pathsChecksum`) and their stamps' numbers, in order (see `CurrentStamps`). */
function listing(pathsSum: string, stamps: Float64Array): string {
  return cryptoLib().createHash('sha1').update(pathsSum).update(new Uint8Array(stamps.buffer, stamps.byteOffset, stamps.byteLength)).digest('hex');
}

function isState(x: unknown): x is State {
  if (!isPlainObject(x) || typeof x['key'] !== 'string' || typeof x['listing'] !== 'string' || typeof x['racy'] !== 'boolean') return false;
  return ['stage', 'result', 'walk'].every((k) => x[k] === undefined || typeof x[k] === 'string');
}

function isResultFile(x: unknown): x is ResultFile {
  if (!isPlainObject(x) || typeof x['key'] !== 'string' || typeof x['token'] !== 'string') return false;
  const r = x['result'];
  return isPlainObject(r) && Array.isArray(r['diagnostics']) && typeof r['fileCount'] === 'number' && typeof r['shownFileCount'] === 'number' && Array.isArray(r['skipped']);
}

/** A shard from its index (its bodies start at `bodyStart` of a file of `size` bytes); undefined when the index is not what lofte wrote or not for `key`. */
function shardOf(index: unknown, bodyStart: number, size: number, key: string): Shard | undefined {
  if (!isPlainObject(index) || index['key'] !== key || !(index['entries'] instanceof Map)) return undefined;
  const entries = new Map<string, StoredFile>();
  for (const [name, e] of index['entries'] as Map<unknown, unknown>) {
    if (typeof name !== 'string' || !Array.isArray(e) || e.length !== 6) return undefined;
    const [stamp, hash, racy, offset, length, sum] = e as unknown[];
    if (typeof stamp !== 'string' || (hash !== undefined && typeof hash !== 'string') || typeof racy !== 'boolean' || typeof sum !== 'string') return undefined;
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset as number) < 0 || (length as number) < 0 || bodyStart + (offset as number) + (length as number) > size) return undefined;
    entries.set(name, { stamp, hash, racy, body: { offset: bodyStart + (offset as number), length: length as number }, sum });
  }
  return { key, entries };
}

function isWire(w: unknown): w is WireFileResult {
  return isPlainObject(w) && typeof w['file'] === 'string' && typeof w['stamp'] === 'string' && Array.isArray(w['diagnostics']) && Array.isArray(w['directives']) && Array.isArray(w['entities']);
}
