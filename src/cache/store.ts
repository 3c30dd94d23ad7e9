// The cache's files on disk: a header line that names the format and the checksum of what follows,
// then V8's structured serialization (exact for every value YAML gives: NaN, -0, Infinity).
// Anything that is not exactly what lofte wrote (missing, truncated, another program's, flipped
// bits) reads as nothing; a cache is written whole (temporary file, then rename) or not at all.

import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import path from 'node:path';
import { cryptoLib, v8Lib } from '../util/lazy.js';

/** Where `--cache` keeps its files unless `--cache-location` says otherwise, under the repository's root. */
export const DEFAULT_CACHE_FOLDER = path.join('node_modules', '.cache', 'lofte');

/** The first bytes of every cache file; the number changes with the layout of what follows. */
const MAGIC = 'lofte-cache 1 ';
const NEWLINE = 0x0a;

export function checksum(data: string | Uint8Array): string {
  return cryptoLib().createHash('sha1').update(data).digest('hex');
}

/**
 * Makes `dir` and the folders above it that are missing, one at a time: Node's recursive mkdir
 * retries for ever where the system refuses a folder in a way it does not expect (under /proc).
 * Throws the system's error where a folder cannot be made.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !statSync(d, { throwIfNoEntry: false }); d = path.dirname(d)) {
    if (path.dirname(d) === d) break;
    missing.unshift(d);
  }
  for (const d of missing) {
    try {
      mkdirSync(d);
    } catch (err) {
      // Another run made it a moment ago.
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || !statSync(d).isDirectory()) throw err;
    }
  }
}

/** What a cache file holds, or undefined for anything that is not a whole cache file. */
export function readCacheFile(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  const end = bytes.indexOf(NEWLINE);
  if (end < 0 || end > 200) return undefined;
  const header = bytes.subarray(0, end).toString('latin1');
  if (!header.startsWith(MAGIC)) return undefined;
  const body = bytes.subarray(end + 1);
  if (checksum(body) !== header.slice(MAGIC.length)) return undefined;
  try {
    return v8Lib().deserialize(body) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes the chunks one after another to a new file, without first copying them into one buffer. */
function writeChunks(file: string, chunks: readonly Uint8Array[]): void {
  const fd = openSync(file, 'w');
  try {
    for (const chunk of chunks) {
      for (let at = 0; at < chunk.length; ) {
        const written = writeSync(fd, chunk, at, chunk.length - at);
        if (written <= 0) throw Object.assign(new Error('nothing written'), { code: 'EIO' });
        at += written;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes the chunks to `file` whole: a temporary file beside it, then a rename. Returns the error's
 * code (`EACCES`, `ENOTDIR` …) when it cannot, so the caller can say so; the old file stays.
 */
function writeWhole(file: string, chunks: readonly Uint8Array[]): string | undefined {
  const temp = `${file}.${process.pid}.tmp`;
  try {
    makeFolder(path.dirname(file));
    writeChunks(temp, chunks);
    renameSync(temp, file);
    return undefined;
  } catch (err) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was made to remove
    }
    return (err as NodeJS.ErrnoException).code ?? 'EIO';
  }
}

/** Writes `value` to `file` whole (see `writeWhole`); returns the error's code when it cannot. */
export function writeCacheFile(file: string, value: unknown): string | undefined {
  const body = v8Lib().serialize(value);
  return writeWhole(file, [Buffer.from(`${MAGIC}${checksum(body)}\n`, 'latin1'), body]);
}

/** The first bytes of a cache file with an index (see `writeIndexedFile`). */
const INDEXED_MAGIC = 'lofte-cache-indexed 1 ';

/**
 * Writes `index` and `bodies` to `file` whole, as `writeCacheFile` does: a header with the index's
 * checksum and length, the index, then the bodies one after another. The bodies are not in the
 * header's checksum: each is checked on its own when read (see `readIndex`, `readBytes`), so a reader of
 * a few of them neither hashes nor copies the rest. Returns the error's code when it cannot write.
 */
export function writeIndexedFile(file: string, index: unknown, bodies: readonly Uint8Array[]): string | undefined {
  const head = v8Lib().serialize(index);
  return writeWhole(file, [Buffer.from(`${INDEXED_MAGIC}${checksum(head)} ${head.length}\n`, 'latin1'), head, ...bodies]);
}

/**
 * The index of a file `writeIndexedFile` wrote, and where its bodies begin; undefined for anything
 * that is not such a file with a whole index. Only the header and the index are read.
 */
export function readIndex(file: string): { index: unknown; bodyStart: number; size: number } | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const size = fstatSync(fd).size;
    const first = Buffer.alloc(Math.min(200, size));
    readSync(fd, first, 0, first.length, 0);
    const end = first.indexOf(NEWLINE);
    if (end < 0) return undefined;
    const header = first.subarray(0, end).toString('latin1');
    if (!header.startsWith(INDEXED_MAGIC)) return undefined;
    const [sum, given] = header.slice(INDEXED_MAGIC.length).split(' ');
    const length = Number(given);
    if (!Number.isSafeInteger(length) || length < 0 || end + 1 + length > size) return undefined;
    const head = Buffer.alloc(length);
    if (readSync(fd, head, 0, length, end + 1) !== length || checksum(head) !== sum) return undefined;
    return { index: v8Lib().deserialize(head) as unknown, bodyStart: end + 1 + length, size };
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** `length` bytes of `file` from `offset`, or undefined when they cannot all be read. */
export function readBytes(file: string, offset: number, length: number): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    const bytes = Buffer.alloc(length);
    return readSync(fd, bytes, 0, length, offset) === length ? bytes : undefined;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
