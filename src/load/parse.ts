// Parses one file's text into documents: plain values plus a locator, and yaml-syntax findings.

import jsyaml from 'js-yaml';
import type { Document } from 'yaml';
import { yamlLib } from '../util/lazy.js';
import { splitFrontMatter } from './front-matter.js';
import type { ArgsOf } from '../diagnostics/catalog.js';
import type { DocPath, Range } from '../diagnostics/types.js';
import { START_LOCATOR } from '../diagnostics/make.js';
import { LOFTE_MARKER } from '../model/kinds.js';
import { LineIndex } from './line-index.js';
import type { LocateTarget, Locator } from './locator.js';
import type { KeptBytes } from './index.js';
import { documentLocators, type ParseMode, type PositionSource } from './positions.js';

export type { ParseMode } from './positions.js';

export interface ParsedDocument {
  index: number;
  value: unknown;
  locator: Locator;
}

/** yaml-syntax unless a limit was exceeded (limit-exceeded), with the arguments its code takes. */
export type SyntaxProblem = { rule?: 'yaml-syntax'; range: Range; args: ArgsOf<'yaml-syntax'> } | { rule: 'limit-exceeded'; range: Range; args: ArgsOf<'limit-exceeded'> };

export interface ParsedFile {
  documents: ParsedDocument[];
  problems: SyntaxProblem[];
  /** Whether the text is meant for lofte: only then are its syntax problems reported. */
  looksLikeLofte: boolean;
  /** Markdown without front matter, and the like: nothing for lofte in it. */
  noDocuments: boolean;
}

export interface ParseLimits {
  /** Largest file read at all, in bytes. */
  maxFileBytes: number;
  /** Alias expansions per document (a "billion laughs" file has millions). */
  maxAliasCount: number;
  /** Nesting depth of maps and lists; lofte's own documents need about 6. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxFileBytes: 2 * 1024 * 1024, maxAliasCount: 100, maxDepth: 64 };

/** Nesting depth of a plain value, without recursion (a hostile file must not blow the stack). */
export function depthOf(value: unknown, stopAt: number): number {
  let max = 0;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [v, d] = stack.pop() as [unknown, number];
    if (typeof v !== 'object' || v === null) continue;
    if (d + 1 > max) max = d + 1;
    if (max > stopAt) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** `exact` parses with positions from the start; `fast` finds them when first asked for. */
export function parseYamlFile(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS, mode: ParseMode = 'fast'): ParsedFile {
  return parseYamlSource(text, 0, lazyLines(text), limits, new Map(), mode);
}

type Lines = () => LineIndex;

/** Line starts are only counted when a position is asked for: most files never need one. */
function lazyLines(text: string): Lines {
  let lines: LineIndex | undefined;
  return () => (lines ??= new LineIndex(text));
}

const YAML_DIRECTIVE = /^%YAML[ \t]+([^\s#]*)/m;

function parseYamlSource(source: string, offset: number, lines: Lines, limits: ParseLimits, external: Map<string, readonly [number, number]>, mode: ParseMode): ParsedFile {
  const looksLikeLofte = LOFTE_MARKER.test(source);
  // `%YAML 1.1` would switch the parsers to 1.1 (merge keys, `no` as false): lofte reads 1.2 only.
  const directive = source.includes('%') ? YAML_DIRECTIVE.exec(source) : null;
  if (directive && directive[1] !== '1.2') {
    const start = offset + directive.index;
    const problem: SyntaxProblem = { range: lines().range(start, start + directive[0].length), args: { code: 'YAML_VERSION', detail: directive[0].trim() } };
    return { documents: [], problems: [problem], looksLikeLofte, noDocuments: false };
  }
  if (mode === 'exact') return parseExact(source, offset, lines(), limits, external, looksLikeLofte);
  return parseFast(source, offset, lines, limits, external, looksLikeLofte) ?? parseExact(source, offset, lines(), limits, external, looksLikeLofte);
}

/**
 * The fast path: js-yaml to plain values, positions found later by the exact parser only if a
 * finding needs one. Anything js-yaml refuses (syntax, tags, duplicate keys, depth) and anything
 * with shared nodes (aliases, where the alias limit applies) goes the exact way, which words it.
 */
function parseFast(source: string, offset: number, lines: Lines, limits: ParseLimits, external: Map<string, readonly [number, number]>, looksLikeLofte: boolean): ParsedFile | undefined {
  let values: unknown[];
  try {
    values = jsyaml.loadAll(source, undefined, { schema: jsyaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  const locatorFor = documentLocators({ source, offset, lines, external }, 'fast');
  const documents: ParsedDocument[] = [];
  const mayShare = source.includes('*');
  for (const [index, value] of values.entries()) {
    if (value === null || value === undefined) continue;
    if (!isTree(value, limits.maxDepth, mayShare)) return undefined;
    documents.push({ index, value, locator: { locate: (path, target) => locatorFor(index).locate(path, target), locateText: (path, start, end) => locatorFor(index).locateText?.(path, start, end) } });
  }
  return { documents, problems: [], looksLikeLofte, noDocuments: documents.length === 0 };
}

/**
 * A plain tree within the depth limit: no node reached twice (that is an alias), not too deep.
 * On the way its long strings are detached from the file's text (see `detached`). Only a source
 * with a `*` can hold an alias, so only then are the nodes seen remembered.
 */
function isTree(value: unknown, maxDepth: number, mayShare: boolean): boolean {
  return treeWithin(value, 1, maxDepth, mayShare ? new Set<object>() : undefined);
}

function treeWithin(value: unknown, depth: number, maxDepth: number, seen: Set<object> | undefined): boolean {
  if (typeof value !== 'object' || value === null) return true;
  if (depth > maxDepth) return false;
  if (seen) {
    if (seen.has(value)) return false;
    seen.add(value);
  }
  // A list js-yaml grew by pushing has room for 17 items however few it holds: it is kept as a copy
  // with none to spare.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'string') value[i] = kept(child);
      else if (!treeWithin(child, depth + 1, maxDepth, seen)) return false;
      else if (Array.isArray(child)) value[i] = child.slice();
    }
    return true;
  }
  const node = value as Record<string, unknown>;
  for (const key of Object.keys(node)) {
    const child = node[key];
    if (typeof child === 'string') node[key] = kept(child);
    else if (!treeWithin(child, depth + 1, maxDepth, seen)) return false;
    else if (Array.isArray(child)) node[key] = child.slice();
  }
  return true;
}

/** V8 makes substrings from this length on as views into their parent string. */
const DETACH_FROM = 13;
/** Values shorter than this (a status, a date, an id, a name) are shared between files: most repeat. */
const SHARE_BELOW = 32;
/** The last short value seen of each hash (a power of two): a small table, looked up cheaply, that holds the values that repeat. */
const SHARED_SLOTS = 4096;
const sharedValues: (string | undefined)[] = new Array<string | undefined>(SHARED_SLOTS).fill(undefined);

/**
 * A string value as the parsed tree keeps it: a short one as the copy an earlier file made of the
 * same value when there is one (`pagaende`, `lofte/v1`, a date: thousands of files hold the same
 * few), so that js-yaml's copy dies young instead of being kept; a longer one detached from the
 * file's text. Two values of one hash take turns in its slot: one of them is then kept twice.
 */
function kept(text: string): string {
  const n = text.length;
  if (n >= SHARE_BELOW) return detached(text);
  let h = n;
  for (let i = 0; i < n; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  const slot = (h ^ (h >>> 13)) & (SHARED_SLOTS - 1);
  const seen = sharedValues[slot];
  if (seen === text) return seen;
  const own = n >= DETACH_FROM ? detached(text) : text;
  sharedValues[slot] = own;
  return own;
}

/**
 * A copy of a string that does not keep the text it was cut from alive. A parser's values are
 * slices of the file's text; kept as they are, every file's whole text would stay in memory.
 * Through JSON, not `(' ' + text).slice(1)`: that made a slice (32 bytes more per value) of a new
 * string, two bytes a character whenever the file held one character past Latin-1 (an en dash),
 * where V8's JSON parser makes a flat string of one byte a character when the text allows it. A
 * third of a national repository's values were such strings: 40 MB less at 30,000 files.
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** The exact path: the `yaml` parser with source positions, which words every syntax problem. */
function parseExact(source: string, offset: number, lines: LineIndex, limits: ParseLimits, external: Map<string, readonly [number, number]>, looksLikeLofte: boolean): ParsedFile {
  const documents: ParsedDocument[] = [];
  const problems: SyntaxProblem[] = [];
  const docs = yamlLib().parseAllDocuments(source, { prettyErrors: false, uniqueKeys: true, strict: true });
  const list: Document[] = Array.isArray(docs) ? docs : [];
  const src: PositionSource = { source, offset, lines: () => lines, external };
  const locatorOf = documentLocators(src, 'exact', list);
  list.forEach((doc, index) => {
    const found = [...doc.errors, ...doc.warnings];
    // The first syntax error of a document is the one to fix; later ones are mostly its echo.
    for (const err of found.slice(0, 1)) {
      const [start, end] = err.pos;
      const range = lines.range(offset + start, offset + Math.max(start, Math.min(end, start + 80)));
      if (err.code === 'RESOURCE_EXHAUSTION') {
        problems.push({ rule: 'limit-exceeded', range, args: { limit: 'depth', max: limits.maxDepth } });
        continue;
      }
      // `plats: Stadsparken: södra delen`: a second colon on the line, in a value that is not quoted.
      const colonInValue = err.code === 'BLOCK_AS_IMPLICIT_KEY' && err.message.startsWith('Nested mappings are not allowed in compact mappings');
      problems.push({ range, args: { code: colonInValue ? 'COLON_IN_VALUE' : err.code, detail: err.code === 'DUPLICATE_KEY' ? keyAt(source, start) : snippet(source, start, end) } });
    }
    if (found.length > 0) return;
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: limits.maxAliasCount });
    } catch (err) {
      const start = doc.range?.[0] ?? 0;
      const range = lines.range(offset + start, offset + start);
      // yaml throws for an alias bomb and for an alias whose anchor is not in this document.
      if (err instanceof Error && /alias count/i.test(err.message)) {
        problems.push({ rule: 'limit-exceeded', range, args: { limit: 'alias', max: limits.maxAliasCount } });
      } else {
        const name = err instanceof Error ? /:\s*(\S+)\s*$/.exec(err.message)?.[1] : undefined;
        problems.push({ range, args: { code: 'BAD_ALIAS', detail: name ? `*${name}` : '' } });
      }
      return;
    }
    if (value === null || value === undefined) return;
    if (depthOf(value, limits.maxDepth) > limits.maxDepth) {
      const start = doc.range?.[0] ?? 0;
      problems.push({ rule: 'limit-exceeded', range: lines.range(offset + start, offset + start), args: { limit: 'depth', max: limits.maxDepth } });
      return;
    }
    documents.push({ index, value, locator: locatorOf(index) });
  });
  return { documents, problems, looksLikeLofte, noDocuments: documents.length === 0 && problems.length === 0 };
}

export function parseMarkdownFile(text: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS, mode: ParseMode = 'fast'): ParsedFile {
  const lines = lazyLines(text);
  const split = splitFrontMatter(text);
  if (split.kind === 'none') return { documents: [], problems: [], looksLikeLofte: false, noDocuments: true };
  if (split.kind === 'bad-open') {
    const problem = { range: lines().range(0, Math.max(1, split.firstLine.length)), args: { code: 'BAD_FRONT_MATTER_OPEN', detail: split.firstLine } };
    return { documents: [], problems: [problem], looksLikeLofte: true, noDocuments: false };
  }
  const looksLikeLofte = LOFTE_MARKER.test(split.matter);
  if (split.kind === 'unterminated') {
    if (!looksLikeLofte) return { documents: [], problems: [], looksLikeLofte: false, noDocuments: true };
    const problem = { range: lines().range(0, 3), args: { code: 'UNTERMINATED_FRONT_MATTER', detail: '' } };
    return { documents: [], problems: [problem], looksLikeLofte, noDocuments: false };
  }
  if (split.kind === 'bad-close') {
    // Nothing of such a file is used: what the author meant as front matter and as body is unclear.
    const problem = { range: lines().range(split.closeStart, split.closeStart + split.closeLine.length), args: { code: 'BAD_FRONT_MATTER_CLOSE', detail: split.closeLine } };
    return { documents: [], problems: [problem], looksLikeLofte, noDocuments: false };
  }
  // The YAML validated is exactly gray-matter's front matter (without the opening line's end).
  const lead = /^\r?\n/.exec(split.matter)?.[0].length ?? 0;
  const matterStart = split.matterStart + lead;
  const source = split.matter.slice(lead);
  const { body, bodyStart } = split;
  const external = new Map<string, readonly [number, number]>();
  const parsed = parseYamlSource(source, matterStart, lines, limits, external, mode);
  if (parsed.documents.length > 1) {
    const second = parsed.documents[1];
    const range = second ? second.locator.locate([]) : lines().range(0, 0);
    parsed.problems.push({ range, args: { code: 'MULTIPLE_FRONT_MATTER_DOCUMENTS', detail: '' } });
    parsed.documents.length = 1;
  }
  const first = parsed.documents[0];
  if (first && body.trim() !== '' && isPlainObject(first.value)) {
    if ('beskrivning' in first.value) {
      const range = first.locator.locate(['beskrivning'], 'key');
      parsed.problems.push({ range, args: { code: 'BODY_AND_BESKRIVNING', detail: '' } });
    } else {
      first.value = { ...first.value, beskrivning: detached(body.trim()) };
      external.set('beskrivning', [bodyStart + (body.length - body.trimStart().length), text.length]);
    }
  }
  return { ...parsed, looksLikeLofte: parsed.looksLikeLofte || looksLikeLofte };
}

/**
 * The positions of a file's documents in its text as it was read (kept for the findings of links
 * and repository rules, which come after the file's own check), as one object (every file checked
 * keeps one until the output is written): found when first asked for, as for a file parsed the
 * first time. Nothing is read from disk. `text` may be the bytes read (made into the text again at
 * most once).
 */
export class FilePositions {
  private byIndex: ((index: number) => Locator) | undefined;

  constructor(
    private readonly markdown: boolean,
    private text: string | KeptBytes | undefined,
    private readonly limits: ParseLimits,
    private readonly mode: ParseMode,
  ) {}

  locator(index: number): Locator {
    if (!this.byIndex) {
      const text = this.text as string | KeptBytes;
      this.byIndex = (this.markdown ? markdownLocators : yamlLocators)(typeof text === 'string' ? text : text.text(), this.limits, this.mode);
      this.text = undefined; // the locators hold the text now
    }
    return this.byIndex(index);
  }
}

/** The locator of one document of a file, from the file's FilePositions: one small object per document. */
export class DocumentLocator implements Locator {
  constructor(
    private readonly positions: FilePositions,
    private readonly index: number,
  ) {}

  locate(path: DocPath, target?: LocateTarget): Range {
    return this.positions.locator(this.index).locate(path, target);
  }
}

/**
 * A YAML file's documents are located as when it was checked, without making their values again:
 * the positions come from the same place (js-yaml's events where they answer, else the exact parse).
 */
function yamlLocators(text: string, _limits: ParseLimits, mode: ParseMode): (index: number) => Locator {
  return documentLocators({ source: text, offset: 0, lines: lazyLines(text), external: new Map() }, mode);
}

/** A Markdown file's front matter, located as when it was checked (its body may stand for `beskrivning`). */
function markdownLocators(text: string, limits: ParseLimits, mode: ParseMode): (index: number) => Locator {
  const byIndex = new Map(parseMarkdownFile(text, limits, mode).documents.map((d) => [d.index, d.locator]));
  return (index) => byIndex.get(index) ?? START_LOCATOR;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The key a duplicate-key error points at: yaml's span covers only its first character. */
function keyAt(source: string, start: number): string {
  const line = source.slice(start).split(/\r?\n/)[0] ?? '';
  const colon = line.search(/:(\s|$)/);
  return snippet(line, 0, colon < 0 ? line.length : colon).replace(/^["']|["']$/g, '');
}

function snippet(source: string, start: number, end: number): string {
  const text = source.slice(start, Math.max(start, end)).split(/\r?\n/)[0] ?? '';
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
