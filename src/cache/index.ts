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
// Files on disk: `state` (the key, one checksum of every path and stamp, the last result, the
// token of the stage file written with it); `files-NN` (entries by path, each serialized on its
// own behind an index, so a run reads and checks only the entries it needs); `stage` (the last
// run's paths and stamps, and where each file's part of the stage is) and `stage-NN` (what the
// repository stage kept of each file, in columns: its documents' kinds, ids, the ids they name and
// their names, and its link and repository findings). A run where some files changed seeds the
// stage from them: the unchanged files' results are read from their entries only when the stage
// reaches them, and only the stage shards whose files changed are written again. Without a whole
// state, nothing in the cache is trusted.

import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { deserialize, serialize } from 'node:v8';
import { checkReadFile, fromWire, toWire, type FileCheckOptions, type FileResult, type WireFileResult } from '../check/file.js';
import { entityFacts, OWN_FACTS, signatureOfFields, type EntityFacts, type StageRecord } from '../check/repository.js';
import type { BrokenFile } from '../links/cascade.js';
import { RULE_CODES } from '../diagnostics/catalog.js';
import { START_OF_FILE } from '../diagnostics/make.js';
import type { Diagnostic, DocPath, Range } from '../diagnostics/types.js';
import type { DisableDirective } from '../load/directives.js';
import { displayName, type DiscoveredFile } from '../load/discover.js';
import { currentStamp, pathStamp, readDiscovered, stampTime, type LoadedDocument, type SkippedFile } from '../load/index.js';
import type { LocateTarget, Locator } from '../load/locator.js';
import type { ParseLimits } from '../load/parse.js';
import { packagePath } from '../paths.js';
import { KINDS, type Kind } from '../model/kinds.js';
import type { Entity } from '../schema/index.js';
import type { SchemaSet } from '../schema/validators.js';
import { checksum, makeFolder, readBytes, readCacheFile, readIndex, writeCacheFile, writeIndexedFile } from './store.js';
import { cryptoLib } from '../util/lazy.js';

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
  result: StoredResult | undefined;
  /** The stage file written with this state (see `StageFile`), or undefined. */
  stage: string | undefined;
}

interface Shard {
  key: string;
  entries: Map<string, StoredFile>;
}

/**
 * A document as the repository stage needs it without its value: kind, id, valid, index in its
 * file, the ids it names, whether its promises cannot be read, and the value's SLIM_FIELDS (a
 * string, false for another value, undefined when absent).
 */
type SeedEntity = [kind: Kind, id: string | undefined, valid: boolean, index: number, refs: string[], unreadable: boolean, slim: (string | false | undefined)[]];

/** What the stage file keeps of a file besides its documents, when any of it is there: why it was skipped, and the stage's record of it. */
type StageExtra = [skipped: SkippedFile | undefined, repository: Diagnostic[], broken: BrokenFile | undefined, shown: Diagnostic[]];

/** Ints per document in a stage shard's `entities`: kind (its place in KINDS), id (-1 for none), flags, index in its file, first ref, how many refs. */
const ENTITY_INTS = 6;
const VALID = 1;
const UNREADABLE = 2;

/**
 * A stage shard (`stage-NN`): its files' entries in a few columns, not an object per file and
 * document (V8 reads a typed array back in one piece; ten thousand small objects cost their
 * reading and the garbage collector's time all run long). Ids are numbers into the stage file's
 * table of ids; a file's documents are consecutive.
 */
interface StageColumns {
  /** Per file (by row: the stage file says which file is at which row), its first document and how many it has. */
  files: Int32Array;
  /** Per document, ENTITY_INTS ints. */
  entities: Int32Array;
  /** The ids the documents name. */
  refs: Int32Array;
  /** Per document, its SLIM_LIST fields: text, true where it is the document's own kind or id, false for another value, undefined when absent. */
  slim: (string | boolean | undefined)[];
  /** By row, for files skipped or with findings. */
  extra: Map<number, StageExtra>;
}

/** The paths of the stage file as one UTF-8 text (NUL between them). */
interface DiskStagePaths {
  key: string;
  token: string;
  files: Uint8Array;
}

/** A stage shard on disk. */
interface DiskStageShard {
  key: string;
  token: string;
  files: Int32Array;
  entities: Int32Array;
  refs: Int32Array;
  slim: (string | boolean | undefined)[];
  extra: Map<number, StageExtra>;
}

/**
 * The stage file on disk: the stamps and ids each as one UTF-8 text (NUL between them), which
 * reads back many times faster than a list of ten thousand strings; the paths in `stage-paths`
 * (written again only when they change: most runs keep them); the files' entries in SHARDS files
 * of their own (`stage-NN`, by path). Each part is named here by the token it was written with,
 * so that a run rewrites only those that changed.
 */
interface DiskStage {
  key: string;
  token: string;
  /** The token of `stage-paths`. */
  paths: string;
  stamps: Uint8Array;
  ids: Uint8Array;
  /** Each file's shard and its row there. */
  places: Uint8Array;
  rows: Int32Array;
  /** How many of the ids were in use when they were last counted (see `compactIds`). */
  used: number;
  shards: string[];
}

/** The repository stage as the last run left it, by file in the state's order. */
interface StageFile {
  files: string[];
  /** Each file's stamp; a racy one is kept as 'racy', which no stamp matches. */
  stamps: string[];
  ids: string[];
  /** Each file's shard, and its row there. */
  places: Uint8Array;
  rows: Int32Array;
  shards: StageColumns[];
}

/** A stage shard as it is made, before it is written. */
interface ShardBuilder {
  files: number[];
  entities: number[];
  refs: number[];
  slim: (string | boolean | undefined)[];
  extra: Map<number, StageExtra>;
}

const EMPTY: Diagnostic[] = Object.freeze([]) as unknown as Diagnostic[];

/** The fields of a document that every failing reference may look at (kind, actor type, names for suggestions). */
const SLIM_LIST = ['kind', 'id', 'typ', 'namn', 'titel', 'kortnamn'];
const SLIM_AT = new Map(SLIM_LIST.map((f, i) => [f, i]));

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

/** The stamp of each file now ('gone' when it cannot be seen, which is never taken from the cache). */
export function stampsOf(files: readonly DiscoveredFile[]): string[] {
  return files.map(currentStamp);
}

/** The repository stage as `seed` wants it, for a run where most files did not change. */
export interface Seed {
  /** The last run's files' results (unchanged ones are read from the cache only as far as asked), in its order. */
  previous: FileResult[];
  records: StageRecord[];
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
  /** The last run's files (from the stage file), when it was read. */
  private previous: readonly string[] | undefined;
  /** Files (as discovered in this run) whose stamp is what the state says (not racy), with that stamp: their entries need not be read. */
  private readonly unchanged = new Map<DiscoveredFile, string>();
  /** What checks a file whose entry cannot be read (see `lazyResult`). */
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

  /** The last run's result, when it was over exactly these files with these stamps and none was racy. */
  storedResult(files: readonly DiscoveredFile[], stamps: readonly string[]): StoredResult | undefined {
    const s = this.state;
    if (!s?.result || s.racy || stamps.includes('gone') || s.listing !== listing(files, stamps)) return undefined;
    return s.result;
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
  async seed(files: readonly DiscoveredFile[], stamps: readonly string[], schemas: () => Promise<SchemaSet>, options: FileCheckOptions, cwd: string): Promise<Seed | undefined> {
    const s = this.state;
    if (!s?.stage) return undefined;
    // Told before any result is made: a result whose entry cannot be read checks its file.
    const stage = this.readStage(s.stage);
    if (!stage) return undefined;
    this.previous = stage.files;
    this.previousIds = stage.ids;
    // Where this run's files are the last run's (most runs), the same place in both lists.
    const sameFiles = stage.files.length === files.length && files.every((f, i) => f.absPath === stage.files[i]);
    const at = sameFiles ? undefined : new Map(files.map((f, i) => [f.absPath, i]));
    const previous: FileResult[] = [];
    // By this run's files: the last run's result where the file did not change.
    const unchanged: (FileResult | undefined)[] = [];
    const records: StageRecord[] = [];
    stage.files.forEach((absPath, i) => {
      // A file gone since is known by the name discovery gave it (the paths and the working folder are in the key).
      const k = at ? at.get(absPath) : i;
      const file = k === undefined ? { absPath, name: displayName(cwd, absPath) } : (files[k] as DiscoveredFile);
      const n = stage.places[i] as number;
      const cols = stage.shards[n] as StageColumns;
      const row = stage.rows[i] as number;
      const extra = cols.extra.get(row);
      const result = this.lazyResult(file, n, cols, row, extra?.[0], stage.ids, stage.stamps[i] as string, options.limits);
      previous.push(result);
      records.push(extra ? { repository: extra[1], broken: extra[2], shown: extra[3] } : { repository: EMPTY, broken: undefined, shown: EMPTY });
      const stamp = k === undefined ? undefined : stamps[k];
      if (k !== undefined && stamp !== undefined && stamp === stage.stamps[i] && stamp !== 'gone') {
        unchanged[k] = result;
        this.unchanged.set(file, stamp);
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
      const { result, fresh } = this.resultFor(file, stamps[i] as string, () => loaded, options);
      if (fresh) checked++;
      results.push(result);
    }
    if (this.previousPaths) this.previousPaths.sameFiles = sameFiles;
    const changed = sameFiles ? results.filter((r, i) => r !== previous[i]) : undefined;
    return { previous, records, results, changed, checked };
  }

  /**
   * Writes what changed: the entries' files that changed (and leaves out files no longer there),
   * the state with `result` (undefined when the run showed only some files), and the repository
   * stage when given (each file's record, by name). Returns the error code when the cache cannot be written.
   */
  save(files: readonly DiscoveredFile[], results: readonly FileResult[], result: StoredResult | undefined, stage?: { get(file: string): StageRecord | undefined }): string | undefined {
    const present = new Set(files.map((f) => f.absPath));
    const gone = (name: string, n: number): void => {
      this.loadShard(n).entries.delete(name);
      this.decoded[n]?.delete(name);
      this.dirty.add(n);
    };
    if (this.previous) {
      for (const name of this.previous) if (!present.has(name)) gone(name, this.shard(name));
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
    const stamps = files.map((f) => this.unchanged.get(f) ?? 'gone');
    const made: [string, CachedFile][] = [];
    for (const entries of this.decoded) made.push(...entries);
    // The few entries of a run where few files changed are found by a look through the files; more by a map of them.
    const at = made.length > 32 ? new Map(files.map((f, i) => [f.absPath, i])) : undefined;
    for (const [name, entry] of made) {
      const i = at ? at.get(name) : files.findIndex((f) => f.absPath === name);
      if (i !== undefined && i >= 0) stamps[i] = entry.racy ? 'racy' : entry.stamp;
    }
    const racy = stamps.some((st) => st === 'racy' || st === 'gone');
    let token: string | undefined;
    if (stage) token = this.saveStage(files, results, stamps, stage);
    const state: State = { key: this.key, listing: listing(files, stamps), racy, result, stage: token };
    return writeCacheFile(path.join(this.dir, 'state'), state);
  }

  /**
   * Writes the stage file for `results` and each file's record (see `save`); returns its token, or
   * undefined when it was not written whole. A shard is written again only when one of its files is
   * new, gone or has another entry than last time (an unchanged file's result is the lazy one the
   * last stage file gave, its record the one the stage was seeded with, or one equal to it).
   */
  private saveStage(files: readonly DiscoveredFile[], results: readonly FileResult[], stamps: readonly string[], stage: { get(file: string): StageRecord | undefined }): string | undefined {
    // The last stage file's table goes on (its documents' entries refer to it); new ids are added.
    let ids: string[] = this.previousIds ? [...this.previousIds] : [];
    // The first few ids are looked for in the table; a map of it is made only for more (a run where one file changed looks for a few).
    let idAt: Map<string, number> | undefined;
    let lookups = 0;
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
      }
      return at;
    };
    const previousShards = this.previousIds === undefined ? undefined : this.previousShards;
    // Each shard's files in order, and each file's extra part; a shard is dirty when any differs from the last stage file.
    const byShard: number[][] = Array.from({ length: SHARDS }, () => []);
    const extras: (StageExtra | undefined)[] = [];
    const dirty = new Set<number>();
    const places = new Uint8Array(results.length);
    const rows = new Int32Array(results.length);
    for (let i = 0; i < results.length; i++) {
      const r = results[i] as FileResult;
      const record = stage.get(r.file);
      if (!record) return undefined;
      // A file of the last stage file stays in its shard; another goes where its path says.
      const n = r instanceof LazyFileResult && r.cols === previousShards?.[r.shard] ? r.shard : this.stageShard((files[i] as DiscoveredFile).absPath);
      places[i] = n;
      const list = byShard[n] as number[];
      rows[i] = list.length;
      const skipped = r.skipped;
      const extra: StageExtra | undefined = skipped !== undefined || record.repository.length > 0 || record.broken !== undefined || record.shown.length > 0 ? [skipped, record.repository, record.broken, record.shown] : undefined;
      list.push(i);
      extras.push(extra);
      if (dirty.has(n)) continue;
      // Unchanged: the last stage file's entry (documents and all) at the same row, with the same extra part.
      const old = r instanceof LazyFileResult && r.cols === previousShards?.[n] ? r.cols.extra.get(r.row) : undefined;
      const same = r instanceof LazyFileResult && r.cols === previousShards?.[n] && r.row === rows[i] && (old === extra || (old !== undefined && extra !== undefined && old[0] === extra[0] && (old[1] === extra[1] || isDeepStrictEqual(old[1], extra[1])) && isDeepStrictEqual(old[2], extra[2]) && (old[3] === extra[3] || isDeepStrictEqual(old[3], extra[3]))));
      if (!same) dirty.add(n);
    }
    byShard.forEach((list, n) => {
      if (previousShards?.[n] === undefined || list.length !== (previousShards[n] as StageColumns).files.length / 2) dirty.add(n);
    });
    const build = (n: number): ShardBuilder => {
      const b: ShardBuilder = { files: [], entities: [], refs: [], slim: [], extra: new Map() };
      for (const [row, file] of (byShard[n] as number[]).entries()) {
        const r = results[file] as FileResult;
        const extra = extras[file];
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
    const tokens: string[] = [];
    for (let n = 0; n < SHARDS; n++) {
      const b = built.get(n);
      const previous = this.previousStageTokens?.[n];
      if (!b && previous !== undefined && previous !== '') {
        tokens.push(previous);
        continue;
      }
      const made = b ?? build(n);
      const shardToken = cryptoLib().randomUUID();
      const disk: DiskStageShard = {
        key: this.key,
        token: shardToken,
        files: Int32Array.from(made.files),
        entities: Int32Array.from(made.entities),
        refs: Int32Array.from(made.refs),
        slim: made.slim,
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
    const disk: DiskStage = {
      key: this.key,
      token,
      paths,
      stamps: Buffer.from(stamps.join('\u0000'), 'utf8'),
      ids: Buffer.from(ids.join('\u0000'), 'utf8'),
      places,
      rows,
      used,
      shards: tokens,
    };
    return writeCacheFile(path.join(this.dir, 'stage'), disk) ? undefined : token;
  }

  /** The stage file written with the state (`token`), its entries from its shards; undefined when any part is not what was written. */
  private readStage(token: string): StageFile | undefined {
    const head = readCacheFile(path.join(this.dir, 'stage'));
    if (!isRecord(head) || head['key'] !== this.key || head['token'] !== token || !isStringArray(head['shards']) || head['shards'].length !== SHARDS) return undefined;
    if (typeof head['paths'] !== 'string' || !(head['stamps'] instanceof Uint8Array) || !(head['ids'] instanceof Uint8Array) || !(head['places'] instanceof Uint8Array) || !(head['rows'] instanceof Int32Array) || !Number.isSafeInteger(head['used'])) return undefined;
    const paths = readCacheFile(path.join(this.dir, 'stage-paths'));
    if (!isRecord(paths) || paths['key'] !== this.key || paths['token'] !== head['paths'] || !(paths['files'] instanceof Uint8Array)) return undefined;
    const files = splitText(paths['files']);
    const stamps = splitText(head['stamps']);
    const ids = splitText(head['ids']);
    const places = head['places'];
    const rows = head['rows'];
    if (stamps.length !== files.length || places.length !== files.length || rows.length !== files.length) return undefined;
    const tokens = head['shards'] as string[];
    const shards: StageColumns[] = [];
    let count = 0;
    for (let n = 0; n < SHARDS; n++) {
      const shard = readCacheFile(this.stageShardFile(n));
      if (!isRecord(shard) || shard['key'] !== this.key || shard['token'] !== tokens[n]) return undefined;
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
    if (!isRecord(body) || !isWire(body['wire']) || !(body['positions'] instanceof Map)) return undefined;
    return { stamp: stored.stamp, hash: stored.hash, racy: stored.racy, wire: body['wire'], positions: body['positions'] as Map<string, Range> };
  }

  /** A stored entry's body, read from its shard's file where it was not yet; undefined when it is not what was written. */
  private bodyOf(n: number, stored: StoredFile): Uint8Array | undefined {
    const body = stored.body instanceof Uint8Array ? stored.body : readBytes(this.shardFile(n), stored.body.offset, stored.body.length);
    if (!body || checksum(body) !== stored.sum) return undefined;
    stored.body = body;
    return body;
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
   * A file's result as the stage file describes it: its documents' facts and names at hand, their
   * values, positions and the file's own findings read from its entry when first asked for (see `loadLazy`).
   */
  private lazyResult(file: DiscoveredFile, shard: number, cols: StageColumns, row: number, skipped: SkippedFile | undefined, ids: readonly string[], stamp: string, limits: ParseLimits): FileResult {
    const lazy = new LazyFileResult(this, file, stamp, limits, shard, cols, row, skipped, ids);
    const first = cols.files[2 * row] as number;
    const end = first + (cols.files[2 * row + 1] as number);
    for (let e = first; e < end; e++) lazy.entities.push(new SeededEntity(lazy, e));
    return lazy;
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
    if (this.unchanged.get(file) === stamp) {
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

/** What `compactIds` reads of a shard, made in this run or read. */
interface ShardLike {
  entities: ArrayLike<number>;
  refs: ArrayLike<number>;
}

/**
 * The stage file's table of ids goes on from run to run (the entries of files that did not change
 * refer to it), so it keeps ids no document has or names any more. `used`: how many are in use.
 * When the others are more, `kept`: a table of those in use alone (in the same order), and where
 * each id of the old table `moved` to (see `remapIds`).
 */
function compactIds(shards: readonly ShardLike[], ids: readonly string[]): { kept?: string[]; moved: Int32Array; used: number } {
  const used = new Uint8Array(ids.length);
  let count = 0;
  const use = (at: number): void => {
    if (at >= 0 && used[at] === 0) {
      used[at] = 1;
      count++;
    }
  };
  for (const shard of shards) {
    for (let e = 0; e < shard.entities.length; e += ENTITY_INTS) use(shard.entities[e + 1] as number);
    for (let k = 0; k < shard.refs.length; k++) use(shard.refs[k] as number);
  }
  const moved = new Int32Array(ids.length).fill(-1);
  if (ids.length - count <= count) return { moved, used: count };
  const kept: string[] = [];
  ids.forEach((id, i) => {
    if (used[i] === 1) {
      moved[i] = kept.length;
      kept.push(id);
    }
  });
  return { kept, moved, used: count };
}

/** Shards made in this run refer to the table `compactIds` kept (the shards read are not changed: lazy documents hold them). */
function remapIds(shards: readonly ShardBuilder[], moved: Int32Array): void {
  const to = (at: number): number => (at < 0 ? -1 : (moved[at] as number));
  for (const b of shards) {
    for (let e = 0; e < b.entities.length; e += ENTITY_INTS) b.entities[e + 1] = to(b.entities[e + 1] as number);
    for (let k = 0; k < b.refs.length; k++) b.refs[k] = to(b.refs[k] as number);
  }
}

/** The documents of the file at `from` of a shard read, added to the file at `row` of one being made. */
function copyEntities(b: ShardBuilder, row: number, cols: StageColumns, from: number): void {
  const first = cols.files[2 * from] as number;
  const count = cols.files[2 * from + 1] as number;
  const slims = SLIM_LIST.length;
  for (let e = first; e < first + count; e++) {
    const base = e * ENTITY_INTS;
    const refStart = cols.entities[base + 4] as number;
    const refCount = cols.entities[base + 5] as number;
    b.entities.push(cols.entities[base] as number, cols.entities[base + 1] as number, cols.entities[base + 2] as number, cols.entities[base + 3] as number, b.refs.length, refCount);
    for (let k = refStart; k < refStart + refCount; k++) b.refs.push(cols.refs[k] as number);
    for (let k = e * slims; k < (e + 1) * slims; k++) b.slim.push(cols.slim[k]);
  }
  b.files[2 * row + 1] = count;
}

/** A document (as `seedEntity` gives it) added to the file at `row` of a shard being made; `idOf` gives an id's number. */
function addEntity(b: ShardBuilder, row: number, [kind, id, valid, index, refs, unreadable, slim]: SeedEntity, idOf: (id: string) => number): void {
  b.entities.push(KINDS.indexOf(kind), id === undefined ? -1 : idOf(id), (valid ? VALID : 0) | (unreadable ? UNREADABLE : 0), index, b.refs.length, refs.length);
  for (const ref of refs) b.refs.push(idOf(ref));
  slim.forEach((v, k) => b.slim.push((k === 0 && v === kind) || (k === 1 && v !== undefined && v === id) || v));
  b.files[2 * row + 1] = (b.files[2 * row + 1] as number) + 1;
}

/** A UTF-8 text of the stage file as its parts (NUL between them). */
function splitText(bytes: Uint8Array): string[] {
  return bytes.byteLength === 0 ? [] : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8').split('\u0000');
}

/** A stage shard's columns from what was read, or undefined when they are not what lofte writes (`ids`: the size of the table of ids). */
function stageColumns(x: Record<string, unknown>, ids: number): StageColumns | undefined {
  const { files, entities, refs, slim, extra } = x;
  if (!(files instanceof Int32Array) || !(entities instanceof Int32Array) || !(refs instanceof Int32Array) || !Array.isArray(slim) || !(extra instanceof Map)) return undefined;
  const count = files.length / 2;
  const documents = entities.length / ENTITY_INTS;
  if (!Number.isInteger(count) || !Number.isInteger(documents) || slim.length !== documents * SLIM_LIST.length) return undefined;
  for (let f = 0; f < count; f++) {
    const first = files[2 * f] as number;
    const count = files[2 * f + 1] as number;
    if (first < 0 || count < 0 || first + count > documents) return undefined;
  }
  for (let e = 0; e < entities.length; e += ENTITY_INTS) {
    const kind = entities[e] as number;
    const id = entities[e + 1] as number;
    const flags = entities[e + 2] as number;
    const first = entities[e + 4] as number;
    const count = entities[e + 5] as number;
    if (kind < 0 || kind >= KINDS.length || id < -1 || id >= ids || flags < 0 || flags > (VALID | UNREADABLE) || (entities[e + 3] as number) < 0) return undefined;
    if (first < 0 || count < 0 || first + count > refs.length) return undefined;
  }
  for (const r of refs) if (r < 0 || r >= ids) return undefined;
  if (!slim.every((v) => v === undefined || typeof v === 'string' || typeof v === 'boolean')) return undefined;
  for (const [row, e] of extra as Map<unknown, unknown>) {
    if (typeof row !== 'number' || !Number.isInteger(row) || row < 0 || row >= count) return undefined;
    if (!Array.isArray(e) || e.length !== 4 || (e[0] !== undefined && !isRecord(e[0])) || !Array.isArray(e[1]) || (e[2] !== undefined && !isRecord(e[2])) || !Array.isArray(e[3])) return undefined;
  }
  return { files, entities, refs, slim: slim as StageColumns['slim'], extra: extra as Map<number, StageExtra> };
}

function readWhole(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    return Buffer.alloc(0);
  }
}

const START_LOCATOR: Locator = { locate: () => START_OF_FILE };

/** A file of the stage file whose result is read from the cache when first asked for. */
class LazyFileResult implements FileResult {
  readonly file: string;
  readonly skipped?: SkippedFile;
  readonly entities: Entity[] = [];
  full: FileResult | undefined;

  constructor(
    private readonly cache: PersistentCache,
    readonly discovered: DiscoveredFile,
    readonly stamp: string,
    readonly limits: ParseLimits,
    /** The stage shard (its number and columns) and row this result was made from, and the table of ids they refer to. */
    readonly shard: number,
    readonly cols: StageColumns,
    readonly row: number,
    skipped: SkippedFile | undefined,
    readonly ids: readonly string[],
  ) {
    this.file = discovered.name;
    if (skipped) this.skipped = skipped;
  }

  load(): FileResult {
    return (this.full ??= this.cache.loadLazy(this));
  }

  get diagnostics(): Diagnostic[] {
    return this.load().diagnostics;
  }

  get directives(): DisableDirective[] {
    return this.load().directives;
  }
}

/**
 * A document of the stage file, with its facts at hand: the ids it names and whether its promises
 * can be read, and its signature worked out from the fields the stage file keeps (never from its
 * value, which for a file changed since is not to be had). Its value (a Proxy over this object) and
 * positions are read from its file's entry when first asked for. One object is the document, its
 * facts, its loaded document and its locator: the stage file holds ten thousands of them.
 */
class SeededEntity implements Entity, LoadedDocument, Locator, EntityFacts {
  kind: Kind;
  id: string | undefined;
  valid: boolean;
  doc: LoadedDocument;
  readonly file: string;
  readonly index: number;
  locator: Locator;
  readonly refs: string[];
  readonly unreadable: boolean;
  /** The whole value, once read. */
  whole: Record<string, unknown> | undefined = undefined;
  private signature: string | undefined = undefined;
  /** The value as others see it, made when first asked for (a run looks at few). */
  private proxy: Record<string, unknown> | undefined = undefined;

  /** `at`: the document's place among its shard's documents. */
  constructor(
    readonly lazy: LazyFileResult,
    readonly at: number,
  ) {
    const ints = lazy.cols.entities;
    const base = at * ENTITY_INTS;
    const id = ints[base + 1] as number;
    const flags = ints[base + 2] as number;
    this.kind = KINDS[ints[base] as number] as Kind;
    this.id = id < 0 ? undefined : lazy.ids[id];
    this.valid = (flags & VALID) !== 0;
    this.file = lazy.file;
    this.index = ints[base + 3] as number;
    const first = ints[base + 4] as number;
    const count = ints[base + 5] as number;
    const refs: string[] = [];
    for (let k = first; k < first + count; k++) refs.push(lazy.ids[lazy.cols.refs[k] as number] as string);
    this.refs = refs;
    this.unreadable = (flags & UNREADABLE) !== 0;
    this.doc = this;
    this.locator = this;
  }

  get [OWN_FACTS](): EntityFacts {
    return this;
  }

  get value(): Record<string, unknown> {
    return (this.proxy ??= new Proxy<SeededEntity>(this, LAZY_VALUE) as unknown as Record<string, unknown>);
  }

  /** A SLIM_LIST field as the stage file keeps it (see `StageColumns.slim`). */
  slim(at: number): string | boolean | undefined {
    return this.lazy.cols.slim[this.at * SLIM_LIST.length + at];
  }

  get sig(): string {
    const field = (name: string): unknown => this.slim(SLIM_AT.get(name) as number);
    return (this.signature ??= signatureOfFields(this.kind, this.id, field('typ'), field('namn'), field('titel'), field('kortnamn')));
  }

  locate(at: DocPath, target?: LocateTarget): Range {
    return (this.lazy.load().entities.find((e) => e.doc.index === this.index)?.doc.locator ?? START_LOCATOR).locate(at, target);
  }
}

function wholeValue(t: SeededEntity): Record<string, unknown> {
  return (t.whole ??= t.lazy.load().entities.find((e) => e.doc.index === t.index)?.value ?? {});
}

/** One handler for every lazy value: reads of SLIM_FIELDS are answered from the stage file, everything else from the whole value. */
const LAZY_VALUE: ProxyHandler<SeededEntity> = {
  get(t, prop) {
    if (t.whole === undefined && typeof prop === 'string') {
      const at = SLIM_AT.get(prop);
      if (at !== undefined) {
        const v = t.slim(at);
        if (v === true) return at === 0 ? t.kind : t.id;
        if (v !== false) return v;
      }
    }
    return Reflect.get(wholeValue(t), prop);
  },
  has: (t, prop) => Reflect.has(wholeValue(t), prop),
  ownKeys: (t) => Reflect.ownKeys(wholeValue(t)),
  getOwnPropertyDescriptor: (t, prop) => Reflect.getOwnPropertyDescriptor(wholeValue(t), prop),
  set: (t, prop, v) => Reflect.set(wholeValue(t), prop, v),
  deleteProperty: (t, prop) => Reflect.deleteProperty(wholeValue(t), prop),
  defineProperty: (t, prop, d) => Reflect.defineProperty(wholeValue(t), prop, d),
};

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

/** One checksum for the files and their stamps, in order. */
function listing(files: readonly DiscoveredFile[], stamps: readonly string[]): string {
  return checksum(files.map((f, i) => `${f.absPath}\u0000${stamps[i] as string}`).join('\n'));
}

function isState(x: unknown): x is State {
  if (!isRecord(x) || typeof x['key'] !== 'string' || typeof x['listing'] !== 'string' || typeof x['racy'] !== 'boolean') return false;
  if (x['stage'] !== undefined && typeof x['stage'] !== 'string') return false;
  const r = x['result'];
  return r === undefined || (isRecord(r) && Array.isArray(r['diagnostics']) && typeof r['fileCount'] === 'number' && typeof r['shownFileCount'] === 'number' && Array.isArray(r['skipped']));
}

/** A shard from its index (its bodies start at `bodyStart` of a file of `size` bytes); undefined when the index is not what lofte wrote or not for `key`. */
function shardOf(index: unknown, bodyStart: number, size: number, key: string): Shard | undefined {
  if (!isRecord(index) || index['key'] !== key || !(index['entries'] instanceof Map)) return undefined;
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
  return isRecord(w) && typeof w['file'] === 'string' && typeof w['stamp'] === 'string' && Array.isArray(w['diagnostics']) && Array.isArray(w['directives']) && Array.isArray(w['entities']);
}
