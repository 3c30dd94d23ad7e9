// What sits under the editor's cursor in a lofte file: which document, which path in it, key or
// value. Parsed from the editor's text with the position-keeping `yaml` parser, which also reads
// a half-typed file.

import type { Document, Node } from 'yaml';
import type { DocPath } from '../diagnostics/types.js';
import { splitFrontMatter } from '../load/front-matter.js';
import { yamlLib } from '../util/lazy.js';

export interface YamlSource {
  /** The YAML text: a whole .yaml file, or a Markdown file's front matter. */
  yaml: string;
  /** Where that text starts in the file. */
  offset: number;
}

/**
 * The YAML part of a file: all of it, or a .md file's front matter as the one splitter the checks
 * use cuts it (also while it is unterminated or badly closed, so a half-typed file still helps).
 */
export function yamlSource(text: string, markdown: boolean): YamlSource | undefined {
  if (!markdown) return { yaml: text, offset: 0 };
  const split = splitFrontMatter(text);
  return 'matter' in split ? { yaml: split.matter, offset: split.matterStart } : undefined;
}

export interface CursorPlace {
  /** Which document of the file (YAML files may hold several). */
  docIndex: number;
  path: DocPath;
  target: 'key' | 'value';
  /** The scalar's span in the file and its value, when the cursor is on one. */
  span?: readonly [number, number];
  value?: unknown;
  /** The document's `kind`, as written. */
  kind?: unknown;
}

function parse(source: YamlSource): Document[] {
  const docs = yamlLib().parseAllDocuments(source.yaml, { prettyErrors: false, uniqueKeys: false });
  return Array.isArray(docs) ? docs : [];
}

const contains = (node: Node | null | undefined, at: number): boolean => !!node?.range && node.range[0] <= at && at <= node.range[1];

/** The deepest key or value at an offset of the file, or undefined outside any document. */
export function placeAt(text: string, markdown: boolean, offset: number): CursorPlace | undefined {
  const source = yamlSource(text, markdown);
  if (!source) return undefined;
  const at = offset - source.offset;
  if (at < 0 || at > source.yaml.length) return undefined;
  const { isMap, isSeq, isScalar } = yamlLib();
  const docs = parse(source);
  for (const [docIndex, doc] of docs.entries()) {
    if (!doc.range || at < doc.range[0] || at > doc.range[2]) continue;
    const kind = isMap(doc.contents) ? doc.contents.get('kind') : undefined;
    const walk = (node: unknown, path: (string | number)[]): CursorPlace | undefined => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = pair.key as Node | null;
          const keyValue = isScalar(key) ? key.value : undefined;
          if (typeof keyValue !== 'string') continue;
          if (key && contains(key, at)) return { docIndex, path: [...path, keyValue], target: 'key', span: span(key, source), value: keyValue, kind };
          if (contains(pair.value as Node | null, at)) return walk(pair.value, [...path, keyValue]);
        }
        return undefined;
      }
      if (isSeq(node)) {
        for (const [i, item] of node.items.entries()) if (contains(item as Node | null, at)) return walk(item, [...path, i]);
        return undefined;
      }
      if (isScalar(node)) return { docIndex, path, target: 'value', span: span(node, source), value: node.value, kind };
      return undefined;
    };
    return walk(doc.contents, []);
  }
  return undefined;
}

function span(node: Node, source: YamlSource): readonly [number, number] {
  const r = node.range as [number, number, number];
  return [source.offset + r[0], source.offset + r[1]];
}

/** What to complete at the cursor: a key in the map at `path`, or the value at `path`. */
export interface CompletionPlace {
  docIndex: number;
  kind: unknown;
  target: 'key' | 'value';
  path: DocPath;
  /** Whether the cursor is on a new list item (`- `), which may start a map or be a value. */
  listItem: boolean;
  /** The word typed so far and its span in the file: what a completion replaces. */
  word: string;
  span: readonly [number, number];
  /** The document as far as it reads, the marker in place of the word. */
  value: Record<string, unknown>;
}

const MARK = 'lofteMarkOfCursor';
const WORD = /[\p{L}\p{N}_-]/u;

/**
 * Where a completion goes. The word at the cursor is replaced by a marker, as a key (`marker: `)
 * when the line holds nothing else, or as the value; the marker's path in the parsed text is the
 * place. This reads lines the user has only begun to type, which leave no node of their own.
 */
export function completionPlace(text: string, markdown: boolean, offset: number): CompletionPlace | undefined {
  const source = yamlSource(text, markdown);
  if (!source || offset < source.offset || offset > source.offset + source.yaml.length) return undefined;
  let start = offset;
  while (start > 0 && WORD.test(text.charAt(start - 1))) start--;
  let end = offset;
  while (end < text.length && WORD.test(text.charAt(end))) end++;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const before = text.slice(lineStart, start);
  const after = text.slice(end, text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end));
  const word = text.slice(start, end);
  const bare = /^\s*(-\s+)*$/.test(before) && !after.trimStart().startsWith(':');
  const listItem = /-\s+$/.test(before);
  const attempts: { insert: string; target: 'key' | 'value' }[] = [];
  if (bare) attempts.push({ insert: `${MARK}: `, target: 'key' });
  if (!bare || listItem) attempts.push({ insert: MARK, target: 'value' });
  if (/^\s*(-\s+)*[^\s:#][^:#]*:\s+$/.test(before) || /^\s*(-\s+)*[^\s:#][^:#]*:\s+["']$/.test(before)) attempts.push({ insert: MARK, target: 'value' });
  for (const attempt of attempts) {
    const changed = text.slice(source.offset, start) + attempt.insert + text.slice(end, source.offset + source.yaml.length);
    const found = findMark({ yaml: changed, offset: 0 }, attempt.target);
    if (found) return { ...found, target: attempt.target, listItem, word, span: [start, end] };
  }
  return undefined;
}

function findMark(source: YamlSource, target: 'key' | 'value'): { docIndex: number; kind: unknown; path: DocPath; value: Record<string, unknown> } | undefined {
  const { isMap, isSeq, isScalar } = yamlLib();
  for (const [docIndex, doc] of parse(source).entries()) {
    const kind = isMap(doc.contents) ? doc.contents.get('kind') : undefined;
    const walk = (node: unknown, path: (string | number)[]): DocPath | undefined => {
      if (isMap(node)) {
        for (const pair of node.items) {
          const key = isScalar(pair.key) ? pair.key.value : undefined;
          if (key === MARK) return target === 'key' ? path : undefined;
          if (typeof key !== 'string') continue;
          const inner = walk(pair.value, [...path, key]);
          if (inner) return inner;
        }
      } else if (isSeq(node)) {
        for (const [i, item] of node.items.entries()) {
          const inner = walk(item, [...path, i]);
          if (inner) return inner;
        }
      } else if (isScalar(node) && node.value === MARK && target === 'value') return path;
      return undefined;
    };
    const path = walk(doc.contents, []);
    if (path) return { docIndex, kind, path, value: plain(doc) };
  }
  return undefined;
}

function plain(doc: Document): Record<string, unknown> {
  try {
    const value: unknown = doc.toJS({ maxAliasCount: 100 });
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
