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

import { readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkReadFile, fromWire, toWire, type FileCheckOptions, type FileResult, type WireFileResult } from '../check/file.js';
import { RULE_CODES } from '../diagnostics/catalog.js';
import type { Diagnostic, DocPath, Range } from '../diagnostics/types.js';
import type { DiscoveredFile } from '../load/discover.js';
import { currentStamp, pathStamp, readDiscovered, type SkippedFile } from '../load/index.js';
import type { LocateTarget, Locator } from '../load/locator.js';
import type { ParseLimits } from '../load/parse.js';
import { packagePath } from '../paths.js';
import type { SchemaSet } from '../schema/validators.js';
import { checksum, makeFolder, readCacheFile, writeCacheFile } from './store.js';

/** Where `--cache` keeps its files unless `--cache-location` says otherwise, under the repository's root. */
export const DEFAULT_CACHE_FOLDER = path.join('node_modules', '.cache', 'lofte');

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
const SHARDS = 32;

/** What the last run over the whole repository gave, as `validate` prints it. */
export interface StoredResult {
  diagnostics: Diagnostic[];
  fileCount: number;
  shownFileCount: number;
  skipped: SkippedFile[];
}

interface CachedFile {
  stamp: string;
  /** The hash of the text the result was made from; undefined when it was not text (too large, unreadable). */
  hash: string | undefined;
  racy: boolean;
  wire: WireFileResult;
  /** Positions later stages asked for, by document, target and path. */
  positions: Map<string, Range>;
}

interface State {
  key: string;
  files: string[];
  stamps: string[];
  racy: boolean;
  result: StoredResult | undefined;
}

interface Shard {
  key: string;
  entries: Map<string, CachedFile>;
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

/** The stamp of each file now ('gone' when it cannot be seen, which is never taken from the cache). */
export function stampsOf(files: readonly DiscoveredFile[]): string[] {
  return files.map(currentStamp);
}

export class PersistentCache {
  private readonly state: State | undefined;
  private shards: (Shard | undefined)[] | undefined;
  private readonly dirty = new Set<number>();
  /** The file system's time when this run began, before any file was looked at. */
  private readonly started: number;

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
    if (!s?.result || s.racy || s.files.length !== files.length) return undefined;
    for (let i = 0; i < files.length; i++) if (s.files[i] !== (files[i] as DiscoveredFile).absPath || s.stamps[i] !== stamps[i] || stamps[i] === 'gone') return undefined;
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
      const shard = this.shard(file.absPath);
      const entries = (this.loadedShards()[shard] as Shard).entries;
      let entry = entries.get(file.absPath);
      if (!entry || entry.stamp !== stamps[i] || entry.racy || stamps[i] === 'gone') {
        const read = readDiscovered(file, options.limits.maxFileBytes);
        const hash = read.kind === 'text' ? checksum(read.text) : undefined;
        const stamp = read.kind === 'unreadable' ? 'gone' : read.stamp;
        if (entry && hash !== undefined && entry.hash === hash && stamp !== 'gone') {
          entry = { ...entry, stamp, racy: this.isRacy(stamp), wire: { ...entry.wire, stamp } };
        } else {
          checked++;
          const fresh = checkReadFile(file, read, schemas, options);
          entry = { stamp: fresh.stamp, hash, racy: this.isRacy(fresh.stamp), wire: toWire(fresh), positions: new Map() };
        }
        entries.set(file.absPath, entry);
        this.dirty.add(shard);
      }
      results.push(this.fileResult(file, entry, shard, options.limits));
      if ((i + 1) % 100 === 0) onProgress?.(i + 1);
    }
    return { results, checked };
  }

  /**
   * Writes what changed: the entries' files that changed (and leaves out files no longer there),
   * and the state with `result` (undefined when the run showed only some files). Returns the
   * error code when the cache cannot be written.
   */
  save(files: readonly DiscoveredFile[], result: StoredResult | undefined): string | undefined {
    const shards = this.loadedShards();
    const present = new Set(files.map((f) => f.absPath));
    shards.forEach((shard, n) => {
      for (const name of (shard as Shard).entries.keys()) {
        if (present.has(name)) continue;
        (shard as Shard).entries.delete(name);
        this.dirty.add(n);
      }
    });
    for (const n of [...this.dirty].sort((a, b) => a - b)) {
      const error = writeCacheFile(this.shardFile(n), shards[n]);
      if (error) return error;
    }
    const stamps = files.map((f) => (shards[this.shard(f.absPath)] as Shard).entries.get(f.absPath)?.stamp ?? 'gone');
    const racy = files.some((f) => (shards[this.shard(f.absPath)] as Shard).entries.get(f.absPath)?.racy !== false);
    const state: State = { key: this.key, files: files.map((f) => f.absPath), stamps, racy, result };
    return writeCacheFile(path.join(this.dir, 'state'), state);
  }

  private fileResult(file: DiscoveredFile, entry: CachedFile, shard: number, limits: ParseLimits): FileResult {
    const result = fromWire(entry.wire, file, limits, entry.hash);
    const positions = entry.positions;
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

  /** A file changed in the same tick of the file system's clock as this run began could change again unseen. */
  private isRacy(stamp: string): boolean {
    const [, mtime, ctime] = stamp.split(':').map(Number);
    return !(Number(mtime) < this.started && Number(ctime) < this.started);
  }

  private loadedShards(): (Shard | undefined)[] {
    if (!this.shards) {
      this.shards = Array.from({ length: SHARDS }, (_, n) => {
        const shard = readCacheFile(this.shardFile(n));
        if (isShard(shard) && shard.key === this.key) return shard;
        this.dirty.add(n);
        return { key: this.key, entries: new Map() };
      });
    }
    return this.shards;
  }

  private shardFile(n: number): string {
    return path.join(this.dir, `files-${String(n).padStart(2, '0')}`);
  }

  private shard(name: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
    return (h >>> 0) % SHARDS;
  }
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isStringArray(x: unknown): x is string[] {
  return Array.isArray(x) && x.every((s) => typeof s === 'string');
}

function isState(x: unknown): x is State {
  if (!isRecord(x) || typeof x['key'] !== 'string' || !isStringArray(x['files']) || !isStringArray(x['stamps']) || typeof x['racy'] !== 'boolean') return false;
  const r = x['result'];
  return r === undefined || (isRecord(r) && Array.isArray(r['diagnostics']) && typeof r['fileCount'] === 'number' && typeof r['shownFileCount'] === 'number' && Array.isArray(r['skipped']));
}

function isShard(x: unknown): x is Shard {
  if (!isRecord(x) || typeof x['key'] !== 'string' || !(x['entries'] instanceof Map)) return false;
  for (const [name, e] of x['entries'] as Map<unknown, unknown>) if (typeof name !== 'string' || !isCachedFile(e)) return false;
  return true;
}

function isCachedFile(x: unknown): x is CachedFile {
  if (!isRecord(x) || typeof x['stamp'] !== 'string' || typeof x['racy'] !== 'boolean' || !(x['positions'] instanceof Map)) return false;
  if (x['hash'] !== undefined && typeof x['hash'] !== 'string') return false;
  const w = x['wire'];
  return isRecord(w) && typeof w['file'] === 'string' && typeof w['stamp'] === 'string' && Array.isArray(w['diagnostics']) && Array.isArray(w['directives']) && Array.isArray(w['entities']);
}
