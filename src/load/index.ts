// The load stage: read discovered files and turn them into documents with locators.

import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { makeDiagnostic, START_OF_FILE } from '../diagnostics/make.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { API_PREFIX, isKind } from '../model/kinds.js';
import type { DiscoveredFile } from './discover.js';
import { scanDirectives, type DisableDirective } from './directives.js';
import type { Locator } from './locator.js';
import { DEFAULT_PARSE_LIMITS, isPlainObject, parseMarkdownFile, parseYamlFile, stripBom, type ParseLimits, type ParseMode, type SyntaxProblem } from './parse.js';

export interface LoadedDocument {
  file: string;
  /** Position of the document in its file (YAML files may hold several, separated by `---`). */
  index: number;
  value: unknown;
  locator: Locator;
}

export type SkipReason = 'no-front-matter' | 'no-lofte-document' | 'not-lofte-yaml-error';

export interface SkippedFile {
  file: string;
  reason: SkipReason;
}

export interface LoadResult {
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
  skipped: SkippedFile[];
  directives: DisableDirective[];
  fileCount: number;
}

/** What one file contributes, as read and parsed. */
export interface FileLoad {
  file: string;
  documents: LoadedDocument[];
  diagnostics: Diagnostic[];
  directives: DisableDirective[];
  skipped?: SkippedFile;
  /** Size and modification time when read ('gone' when it could not be read). */
  stamp: string;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

export type Progress = (done: number, total: number) => void;

/**
 * Files read and parsed, their documents and findings merged: for tests and tools. The check
 * itself goes file by file (check/file.ts), so that watch mode can redo one file.
 */
export function loadFiles(files: readonly DiscoveredFile[], limits: ParseLimits = DEFAULT_PARSE_LIMITS): LoadResult {
  const result: LoadResult = { documents: [], diagnostics: [], skipped: [], directives: [], fileCount: 0 };
  for (const file of files) {
    const l = loadText(file, readDiscovered(file, limits.maxFileBytes), limits);
    if (l.skipped) {
      result.skipped.push(l.skipped);
      continue;
    }
    result.fileCount++;
    result.documents.push(...l.documents);
    result.diagnostics.push(...l.diagnostics);
    result.directives.push(...l.directives);
  }
  return result;
}

export function loadText(file: DiscoveredFile, read: ReadResult, limits: ParseLimits, mode: ParseMode = 'fast'): FileLoad {
  const load: FileLoad = { file: file.name, documents: [], diagnostics: [], directives: [], stamp: read.kind === 'unreadable' ? 'gone' : read.stamp };
  if (read.kind === 'too-large') {
    load.diagnostics.push(makeDiagnostic('file-too-large', file.name, START_OF_FILE, [], { size: read.size, max: limits.maxFileBytes }));
    return load;
  }
  if (read.kind === 'unreadable') {
    const at = read.at;
    const range = at ? { start: { line: at.line, column: at.column }, end: { line: at.line, column: at.column + 1 } } : START_OF_FILE;
    load.diagnostics.push(makeDiagnostic('file-unreadable', file.name, range, [], at ? { reason: read.error, byte: at.byte } : { reason: read.error }));
    return load;
  }
  const text = read.text;
  const markdown = file.name.toLowerCase().endsWith('.md');
  const parsed = markdown ? parseMarkdownFile(text, limits, mode) : parseYamlFile(text, limits, mode);
  const lofteDocs = parsed.documents.filter((d) => isLofteCandidate(d.value));
  // In a file meant for lofte, a document that is a list or a bare value is a mistake, not "not ours".
  const notMaps = parsed.looksLikeLofte ? parsed.documents.filter((d) => !isPlainObject(d.value)) : [];
  if (lofteDocs.length === 0 && notMaps.length === 0 && (parsed.problems.length === 0 || !parsed.looksLikeLofte)) {
    const reason: SkipReason = parsed.problems.length > 0 ? 'not-lofte-yaml-error' : markdown && parsed.noDocuments ? 'no-front-matter' : 'no-lofte-document';
    return { ...load, skipped: { file: file.name, reason } };
  }
  const scanned = scanDirectives(file.name, text);
  load.directives.push(...scanned.directives);
  load.diagnostics.push(...scanned.diagnostics);
  for (const p of parsed.problems) load.diagnostics.push(syntaxDiagnostic(file.name, p));
  for (const d of lofteDocs) load.documents.push({ file: file.name, index: d.index, value: d.value, locator: d.locator });
  for (const d of notMaps) {
    const actual = Array.isArray(d.value) ? 'array' : typeof d.value;
    load.diagnostics.push(makeDiagnostic('schema', file.name, d.locator.locate([]), [], { problem: 'not-object', actual }));
  }
  return load;
}

const KIND_BY_LOWER = new Map(['Aktor', 'Problembild', 'Medborgarlofte', 'Uppfoljning'].map((k) => [k.toLowerCase(), k]));

/** A document is lofte's when it says so: a `lofte/` apiVersion or one of lofte's kinds. */
export function isLofteCandidate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const api = v['apiVersion'];
  const kind = v['kind'];
  if ((typeof api === 'string' && api.startsWith(API_PREFIX)) || isKind(kind)) return true;
  // `apiversion:` or `Kind:` mis-cased: lofte's all the same, so the schema says what to fix.
  return Object.entries(v).some(
    ([k, value]) =>
      typeof value === 'string' &&
      ((k.toLowerCase() === 'apiversion' && value.toLowerCase().startsWith(API_PREFIX)) || (k.toLowerCase() === 'kind' && isKind(KIND_BY_LOWER.get(value.toLowerCase())))),
  );
}

/**
 * Size, modification and change time, inode: what tells watch mode and the persistent cache that a
 * file changed without reading it. The change time catches an edit whose modification time was set
 * back (`touch -d`): it cannot be set from outside.
 */
export function fileStamp(st: { size: number; mtimeMs: number; ctimeMs: number; ino: number }): string {
  // Joined, not a template: a template makes a tree of seven strings, and every file's stamp is kept.
  return [st.size, st.mtimeMs, st.ctimeMs, st.ino].join(':');
}

/** The later of a stamp's modification and change times, in ms (NaN for a stamp that is none, such as 'gone'). */
export function stampTime(stamp: string): number {
  const [, mtime, ctime] = stamp.split(':');
  return Math.max(Number(mtime), Number(ctime));
}

const NO_THROW = { throwIfNoEntry: false } as const;

/** What `stat` says of a regular file now, or undefined when it is no file or cannot be looked at. */
function fileStats(absPath: string): Stats | undefined {
  try {
    const st = statSync(absPath, NO_THROW);
    return st?.isFile() ? st : undefined;
  } catch {
    return undefined;
  }
}

/** A regular file's stamp now (fileStamp), or undefined when it is no file or cannot be looked at. */
export function pathStamp(absPath: string): string | undefined {
  const st = fileStats(absPath);
  return st ? fileStamp(st) : undefined;
}

/**
 * A discovered file's stamp now, to compare with the one its last read gave: 'gone' when it cannot
 * be seen as a file (a folder that could not be listed is never a file), which matches no read.
 */
export function currentStamp(file: DiscoveredFile): string {
  return (file.unreadableFolder ? undefined : pathStamp(file.absPath)) ?? 'gone';
}

/** Numbers a stamp is made of (see `fileStamp`): size, modification time, change time, inode. */
export const STAMP_PARTS = 4;

/** Stamp `i` of stamps kept as numbers (`CurrentStamps.numbers`), as text: as `currentStamp` gives it, 'gone' for NaN. */
export function stampText(numbers: Float64Array, i: number): string {
  const at = i * STAMP_PARTS;
  const size = numbers[at] as number;
  return Number.isNaN(size) ? 'gone' : fileStamp({ size, mtimeMs: numbers[at + 1] as number, ctimeMs: numbers[at + 2] as number, ino: numbers[at + 3] as number });
}

/** Whether stamp `i` of `a` and stamp `j` of `b` are one and the same file's (a NaN, gone or racy, is no file's). */
export function sameStamp(a: Float64Array, i: number, b: Float64Array, j: number): boolean {
  const x = i * STAMP_PARTS;
  const y = j * STAMP_PARTS;
  // NaN equals nothing: a stamp that is none never matches.
  return a[x] === b[y] && a[x + 1] === b[y + 1] && a[x + 2] === b[y + 2] && a[x + 3] === b[y + 3];
}

/**
 * Every file's stamp now (`currentStamp`), kept as the numbers it is made of: a `--cache` run
 * where nothing changed only compares them, and making ten thousand strings of them cost a
 * quarter as much as the stats. `text` gives them as `currentStamp` does, made when first asked for.
 */
export class CurrentStamps {
  /** STAMP_PARTS numbers per file, in the files' order; NaN for a file that is gone. */
  readonly numbers: Float64Array;
  private texts: readonly string[] | undefined;

  /** Whether a file is gone (or cannot be looked at): told as the stamps are taken, not by a scan of them. */
  readonly gone: boolean;

  constructor(files: readonly DiscoveredFile[]) {
    const numbers = new Float64Array(files.length * STAMP_PARTS).fill(Number.NaN);
    let gone = false;
    files.forEach((file, i) => {
      const st = file.unreadableFolder ? undefined : fileStats(file.absPath);
      if (!st) {
        gone = true; // as `currentStamp` says
        return;
      }
      const at = i * STAMP_PARTS;
      numbers[at] = st.size;
      numbers[at + 1] = st.mtimeMs;
      numbers[at + 2] = st.ctimeMs;
      numbers[at + 3] = st.ino;
    });
    this.numbers = numbers;
    this.gone = gone;
  }

  /** The stamps as text, one per file ('gone' for a file that is). */
  get text(): readonly string[] {
    return (this.texts ??= Array.from({ length: this.numbers.length / STAMP_PARTS }, (_, i) => stampText(this.numbers, i)));
  }
}

/** Whether any of `numbers` is NaN: a loop, as `some` with a callback makes a heap number of each. */
export function hasNaN(numbers: Float64Array): boolean {
  for (let i = 0; i < numbers.length; i++) if (Number.isNaN(numbers[i])) return true;
  return false;
}

/** Stamps as text (`fileStamp`) back to their numbers, as `CurrentStamps` keeps them: NaN for any other word ('gone', 'racy'). */
export function stampNumbers(stamps: readonly string[]): Float64Array {
  const numbers = new Float64Array(stamps.length * STAMP_PARTS).fill(Number.NaN);
  stamps.forEach((stamp, i) => {
    const parts = stamp.split(':');
    if (parts.length !== STAMP_PARTS) return;
    parts.forEach((part, k) => (numbers[i * STAMP_PARTS + k] = Number(part)));
  });
  return numbers;
}

/**
 * `stamp` (fileStamp, from the read's own fstat) tells watch mode what changed. `bytes`: what was
 * read from disk, off V8's heap; `bytes.text()` gives `text` again, so a later step that needs the
 * text only now and then keeps these rather than the string (which every young-generation
 * collection would copy).
 */
export type ReadResult =
  | { kind: 'text'; text: string; stamp: string; bytes?: KeptBytes }
  | { kind: 'too-large'; size: number; stamp: string }
  | { kind: 'unreadable'; error: string; at?: { line: number; column: number; byte: string } };

/** UTF-16 text, with or without a byte order mark (ASCII in UTF-16 has a NUL in every other byte). */
function isUtf16(bytes: Buffer): boolean {
  if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) return true;
  return bytes.length >= 4 && ((bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0));
}

/** Where the first byte that is not UTF-8 is (a Latin-1 å is one byte, 0xE5): line and column. */
function firstBadByte(bytes: Buffer): { line: number; column: number; byte: string } | undefined {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i] as number;
    const n = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = n >= 0 && i + n < bytes.length;
    for (let k = 1; ok && k <= n; k++) ok = ((bytes[i + k] as number) & 0xc0) === 0x80;
    if (!ok) {
      const lineStart = bytes.lastIndexOf(0x0a, i - 1) + 1;
      const line = bytes.subarray(0, i).filter((c) => c === 0x0a).length + 1;
      const column = bytes.subarray(lineStart, i).toString('utf8').length + 1;
      return { line, column, byte: `0x${b.toString(16).toUpperCase().padStart(2, '0')}` };
    }
    i += n + 1;
  }
  return undefined;
}

// Opening a FIFO for reading waits for a writer; without blocking it opens at once, and fstat refuses it.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** What discovery found, read: a folder it could not list is reported as unreadable. */
export function readDiscovered(file: DiscoveredFile, maxBytes: number): ReadResult {
  return file.unreadableFolder ? { kind: 'unreadable', error: 'folder' } : readText(file.absPath, maxBytes);
}

/**
 * The one way lofte reads a file it checks: one open (never blocking), one fstat, and at most
 * `maxBytes` + 1 bytes read. Only regular files are read: a FIFO, a device (`/dev/zero` behind a
 * symlink) or a folder is refused, and a file that grows past the limit while read is too large.
 * Lone CRs (old Mac line ends) become LFs, one for one, so every offset stays the same and lines count.
 */
export function readText(absPath: string, maxBytes: number): ReadResult {
  let bytes: Buffer;
  let stamp = '';
  let fd: number | undefined;
  try {
    fd = openSync(absPath, OPEN_FLAGS);
    const st = fstatSync(fd);
    stamp = fileStamp(st);
    if (!st.isFile()) return { kind: 'unreadable', error: 'not-a-file' };
    if (st.size > maxBytes) return { kind: 'too-large', size: st.size, stamp };
    // Read straight into the free end of the kept bytes (see keptSpace); only the bytes read are
    // ever looked at (`subarray(0, length)` below), and they stay there only if the read is kept.
    const buffer = keptSpace(Math.min(st.size, maxBytes) + 1);
    let length = 0;
    for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { kind: 'too-large', size: length, stamp };
    bytes = buffer.subarray(0, length);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return { kind: 'unreadable', error: code === 'ENOENT' ? 'gone' : code === 'EACCES' || code === 'EPERM' ? 'permission' : code === 'EISDIR' ? 'not-a-file' : 'read' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  if (isUtf16(bytes)) return { kind: 'unreadable', error: 'utf16' };
  if (bytes.includes(0)) return { kind: 'unreadable', error: 'binary' };
  let text: string;
  try {
    text = textOf(bytes);
  } catch {
    const at = firstBadByte(bytes);
    return at ? { kind: 'unreadable', error: 'encoding', at } : { kind: 'unreadable', error: 'encoding' };
  }
  return { kind: 'text', text, stamp, bytes: keep(bytes) };
}

/**
 * A file's bytes as read, kept for the positions of findings that come after its check: a place
 * in a shared chunk, so that no file keeps a Buffer (and an ArrayBuffer) of its own on V8's heap.
 */
export class KeptBytes {
  constructor(
    private readonly chunk: Buffer,
    private readonly start: number,
    private readonly end: number,
  ) {}

  /** The text again, as `readText` gave it. */
  text(): string {
    return textOf(this.chunk.subarray(this.start, this.end));
  }
}

/**
 * Kept bytes are written into chunks of this size, each file's after the last. Larger than glibc's
 * largest mmap threshold (32 MiB on 64-bit), so that each chunk is a mapping of its own that goes
 * back to the system whole once its files' bytes are let go: a chunk of the program's heap (as the
 * 64 KB chunks were) stayed in the process's memory after `report` let the positions go, some
 * 2 KB per file for the rest of the run. Only the pages written into count as memory, so a small
 * repository pays for what it reads, not for the chunk. In watch mode a chunk lives while any of
 * its files is unchanged, so the bytes of files read again since stay too: at most a chunk's worth.
 */
const CHUNK_BYTES = 33 * 1024 * 1024;
/** A file larger than this gets a buffer of its own, so that a chunk holds many files. */
const OWN_BUFFER_FROM = 16 * 1024;
let chunk = Buffer.alloc(0);
let chunkUsed = 0;

/**
 * Room for `size` bytes at the free end of the current chunk (a new chunk when they do not fit). A
 * chunk lives as long as a file's kept bytes in it (or it is the current one): what is not kept is
 * written over by the next read.
 */
function keptSpace(size: number): Buffer {
  if (size > OWN_BUFFER_FROM) return Buffer.allocUnsafeSlow(size);
  if (chunkUsed + size > chunk.length) {
    chunk = Buffer.allocUnsafeSlow(CHUNK_BYTES);
    chunkUsed = 0;
  }
  return chunk.subarray(chunkUsed, chunkUsed + size);
}

/** Bytes just read into keptSpace, kept: the next read writes after them. */
function keep(bytes: Buffer): KeptBytes {
  if (bytes.buffer !== chunk.buffer) return new KeptBytes(bytes, 0, bytes.length);
  const start = bytes.byteOffset - chunk.byteOffset;
  chunkUsed = start + bytes.length;
  return new KeptBytes(chunk, start, chunkUsed);
}

/**
 * Lets go of the chunk being filled, for a run that has let go of every file's kept bytes (a
 * single `report` once its findings are shown): otherwise the last chunk would stay as this
 * module's until the process ends. The next read starts a new chunk.
 */
export function releaseKeptChunk(): void {
  chunk = Buffer.alloc(0);
  chunkUsed = 0;
}

/** A file's bytes as the text lofte checks (throws when they are not UTF-8): the same text for the same bytes, every time. */
export function textOf(bytes: Uint8Array): string {
  const text = stripBom(UTF8.decode(bytes));
  return text.includes('\r') ? text.replace(LONE_CR, '\n') : text;
}

const LONE_CR = /\r(?!\n)/g;

/** A parser's problem as a finding of its own code. */
export function syntaxDiagnostic(file: string, p: SyntaxProblem): Diagnostic {
  return p.rule === 'limit-exceeded' ? makeDiagnostic('limit-exceeded', file, p.range, [], p.args) : makeDiagnostic('yaml-syntax', file, p.range, [], p.args);
}
