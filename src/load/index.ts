// The load stage: read discovered files and turn them into documents with locators.

import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { makeDiagnostic, START_OF_FILE } from '../diagnostics/make.js';
import type { Diagnostic } from '../diagnostics/types.js';
import { API_PREFIX, isKind } from '../model/kinds.js';
import type { DiscoveredFile } from './discover.js';
import { scanDirectives, type DisableDirective } from './directives.js';
import type { Locator } from './locator.js';
import { DEFAULT_PARSE_LIMITS, isPlainObject, parseMarkdownFile, parseYamlFile, stripBom, type ParseLimits } from './parse.js';

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

export function loadText(file: DiscoveredFile, read: ReadResult, limits: ParseLimits): FileLoad {
  const load: FileLoad = { file: file.name, documents: [], diagnostics: [], directives: [], stamp: read.kind === 'unreadable' ? 'gone' : read.stamp };
  if (read.kind === 'too-large') {
    load.diagnostics.push(makeDiagnostic('file-too-large', file.name, START_OF_FILE, [], { size: read.size, max: limits.maxFileBytes }));
    return load;
  }
  if (read.kind === 'unreadable') {
    load.diagnostics.push(makeDiagnostic('file-unreadable', file.name, START_OF_FILE, [], { reason: read.error }));
    return load;
  }
  const text = read.text;
  const markdown = file.name.toLowerCase().endsWith('.md');
  const parsed = markdown ? parseMarkdownFile(text, limits) : parseYamlFile(text, limits);
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
  for (const p of parsed.problems) load.diagnostics.push(makeDiagnostic(p.rule ?? 'yaml-syntax', file.name, p.range, [], p.args));
  for (const d of lofteDocs) load.documents.push({ file: file.name, index: d.index, value: d.value, locator: d.locator });
  for (const d of notMaps) {
    const actual = Array.isArray(d.value) ? 'array' : typeof d.value;
    load.diagnostics.push(makeDiagnostic('schema', file.name, d.locator.locate([]), [], { problem: 'not-object', actual }));
  }
  return load;
}

/** A document is lofte's when it says so: a `lofte/` apiVersion or one of lofte's kinds. */
export function isLofteCandidate(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const api = v['apiVersion'];
  const kind = v['kind'];
  return (typeof api === 'string' && api.startsWith(API_PREFIX)) || isKind(kind);
}

/** `stamp` (size and modification time, from the read's own fstat) tells watch mode what changed. */
export type ReadResult = { kind: 'text'; text: string; stamp: string } | { kind: 'too-large'; size: number; stamp: string } | { kind: 'unreadable'; error: string };

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
    stamp = `${st.size}:${st.mtimeMs}`;
    if (!st.isFile()) return { kind: 'unreadable', error: 'not-a-file' };
    if (st.size > maxBytes) return { kind: 'too-large', size: st.size, stamp };
    const buffer = Buffer.alloc(Math.min(st.size, maxBytes) + 1);
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
  if (bytes.includes(0)) return { kind: 'unreadable', error: 'binary' };
  let text: string;
  try {
    text = stripBom(UTF8.decode(bytes));
  } catch {
    return { kind: 'unreadable', error: 'encoding' };
  }
  return { kind: 'text', text: text.includes('\r') ? text.replace(LONE_CR, '\n') : text, stamp };
}

const LONE_CR = /\r(?!\n)/g;
