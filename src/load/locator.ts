// Finds the source range of a path inside a parsed YAML document, asked only when a diagnostic needs it.

import type { Document, Node } from 'yaml';
import { yamlLib } from '../util/lazy.js';
import type { DocPath, Range } from '../diagnostics/types.js';
import type { LineIndex } from './line-index.js';
import { sourceSpan } from './text-offsets.js';

export type LocateTarget = 'key' | 'value';

export interface Locator {
  /** The range of the node at `path`, or of its closest existing ancestor. */
  locate(path: DocPath, target?: LocateTarget): Range;
  /**
   * The range of characters `start`–`end` of the string value at `path`, where they stand in the
   * source (inside quotes, folded lines and block scalars); undefined when there is no such value.
   */
  locateText?(path: DocPath, start: number, end: number): Range | undefined;
}

type Span = readonly [number, number];

/** Maps with more pairs than this are indexed by key when first searched. */
const INDEX_FROM = 32;

export class YamlLocator implements Locator {
  private readonly pairs = new WeakMap<object, Map<string, { key: unknown; value: unknown }>>();

  constructor(
    private readonly doc: Document,
    private readonly lines: LineIndex,
    /** Where the YAML text starts in the file (front matter sits after `---`). */
    private readonly offset: number,
    /** Paths whose value lives outside the YAML (a Markdown body), with their span in the file. */
    private readonly external: ReadonlyMap<string, Span> = new Map(),
  ) {}

  locate(path: DocPath, target: LocateTarget = 'value'): Range {
    const ext = externalRange(this.lines, this.external, path);
    if (ext) return ext;
    const span = this.findSpan(path, target);
    return this.lines.range(this.offset + span[0], this.offset + span[1]);
  }

  locateText(path: DocPath, start: number, end: number): Range | undefined {
    if (externalRange(this.lines, this.external, path)) return undefined;
    const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: unknown = this.doc.contents;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
        if (!pair) return undefined;
        node = pair.value;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        node = node.items[seg];
      } else return undefined;
    }
    if (!isScalar(node) || typeof node.value !== 'string' || !hasRange(node)) return undefined;
    const [from, to] = node.range;
    const at = this.offset + from;
    const span = sourceSpan(this.lines.text.slice(at, this.offset + to), node.value, start, end);
    return span ? this.lines.range(at + span[0], at + span[1]) : undefined;
  }

  private findSpan(path: DocPath, target: LocateTarget): Span {
    const { isAlias, isMap, isPair, isScalar, isSeq } = yamlLib();
    let node: unknown = this.doc.contents;
    let key: Node | null = null;
    let found = true;
    for (const seg of path) {
      if (isAlias(node)) node = node.resolve(this.doc);
      if (isMap(node)) {
        let byKey = this.pairs.get(node);
        if (!byKey && node.items.length <= INDEX_FROM) {
          const near = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(seg));
          if (!near) {
            found = false;
            break;
          }
          key = near.key as Node;
          node = near.value ?? near.key;
          continue;
        }
        if (!byKey) {
          // Indexed once per map: a document with 100,000 unknown keys asks for each of them.
          byKey = new Map();
          for (const p of node.items) if (isPair(p) && isScalar(p.key) && !byKey.has(String(p.key.value))) byKey.set(String(p.key.value), p);
          this.pairs.set(node, byKey);
        }
        const pair = byKey.get(String(seg));
        if (!pair) {
          found = false;
          break;
        }
        key = pair.key as Node;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number' && seg < node.items.length) {
        key = null;
        node = node.items[seg];
      } else {
        found = false;
        break;
      }
    }
    // A missing child is reported at its parent's key, where the user would add it.
    const useKey = key !== null && (target === 'key' || !found || !hasRange(node));
    const chosen = useKey ? key : node;
    if (hasRange(chosen)) {
      const [start, valueEnd] = chosen.range;
      return [start, this.firstLineEnd(start, valueEnd)];
    }
    const start = this.doc.range?.[0] ?? 0;
    return [start, this.firstLineEnd(start, this.doc.range?.[1] ?? start)];
  }

  private firstLineEnd(start: number, end: number): number {
    return firstLineEnd(this.lines.text, this.offset, start, end);
  }
}

/** The range of a path whose value lives outside the YAML (a Markdown body), if it is one. */
export function externalRange(lines: LineIndex, external: ReadonlyMap<string, Span>, path: DocPath): Range | undefined {
  const head = path[0];
  const ext = typeof head === 'string' ? external.get(head) : undefined;
  if (!ext) return undefined;
  const nl = lines.text.indexOf('\n', ext[0]);
  return lines.range(ext[0], Math.min(ext[1], nl === -1 ? lines.text.length : nl));
}

/**
 * Ranges stop at the end of their first line (a whole map is shown by where it starts), without
 * trailing white space. `start` and `end` are offsets in the YAML, which starts at `offset` in `text`.
 */
export function firstLineEnd(text: string, offset: number, start: number, end: number): number {
  const nl = text.indexOf('\n', offset + start) - offset;
  const stop = nl < 0 ? end : Math.min(end, nl);
  let e = stop;
  while (e > start && /\s/.test(text.charAt(offset + e - 1))) e--;
  return Math.max(start, e);
}

function hasRange(node: unknown): node is { range: [number, number, number] } {
  if (typeof node !== 'object' || node === null || !('range' in node)) return false;
  const range = (node as { range: unknown }).range;
  return Array.isArray(range) && typeof range[0] === 'number';
}
