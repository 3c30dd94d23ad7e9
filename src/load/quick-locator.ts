// Positions from js-yaml's parse events: about a tenth of the cost of the `yaml` package's
// position-keeping parse. It knows plain block and flow YAML (what lofte's files are); anything it
// cannot vouch for (anchors, tags, explicit keys, empty values) it declines, and the exact parser
// answers instead. Tests compare the two on every fixture and on a generated national corpus.

import jsyaml from 'js-yaml';
import type { DocPath } from '../diagnostics/types.js';
import type { LocateTarget } from './locator.js';

/** A node as js-yaml's listener saw it: from `open` to `close`, with what it made. */
interface EventNode {
  open: number;
  close: number;
  kind: string | null;
  result: unknown;
  children: EventNode[];
}

type Span = readonly [number, number];

/** One document's positions from its events; undefined from either: ask the exact parser. */
export interface QuickLocate {
  /** Where a node starts, with the first line it reaches (`end`). */
  locate(path: DocPath, target: LocateTarget): Span | undefined;
  /** The string scalar at `path`: its value, and where it starts and ends (at least to its last character). */
  stringScalar(path: DocPath): { span: Span; value: string } | undefined;
}

// Constructs whose events this reader does not map onto the exact parser's ranges.
const DECLINED = /(^|[\s[{,:-])[&!*](?=\S)|(^|\n)[ \t-]*\?(\s|$)|(^|\n)%/;

/**
 * One reader per document of `source` (by the document's index), from one js-yaml parse with a
 * listener; undefined when the source uses what the reader declines or does not parse.
 */
export function quickLocators(source: string): ((index: number) => QuickLocate | undefined) | undefined {
  if (DECLINED.test(source)) return undefined;
  const roots: EventNode[] = [];
  const stack: EventNode[] = [];
  try {
    jsyaml.loadAll(source, undefined, {
      schema: jsyaml.CORE_SCHEMA,
      listener(event, state) {
        if (event === 'open') {
          stack.push({ open: state.position, close: -1, kind: null, result: undefined, children: [] });
          return;
        }
        const node = stack.pop();
        if (!node) return;
        node.close = state.position;
        node.kind = state.kind;
        node.result = state.result;
        (stack[stack.length - 1]?.children ?? roots).push(node);
      },
    });
  } catch {
    return undefined;
  }
  return (index) => {
    const root = roots[index];
    return root ? { locate: (path, target) => locate(source, unwrap(root), path, target), stringScalar: (path) => stringScalar(source, unwrap(root), path) } : undefined;
  };
}

/**
 * js-yaml tries a block mapping before a plain scalar, and reports the scalar it read while trying
 * as a child of the same node: the child is the node.
 */
function unwrap(node: EventNode): EventNode {
  let n = node;
  while (n.kind === 'scalar' && n.children.length === 1 && n.children[0]?.kind === 'scalar' && Object.is(n.children[0].result, n.result)) n = n.children[0];
  return n;
}

/** A mapping's keys, indexed once: a document with 100,000 unknown keys gets as many findings. */
const INDEX_FROM = 64;
const pairIndexes = new WeakMap<EventNode, { byKey: Map<string, number>; nonScalarAt: number }>();

/** The child index of `key`'s pair, -1 when absent, undefined when a key before it is not a scalar. */
function pairOf(mapping: EventNode, key: string): number | undefined {
  if (mapping.children.length <= INDEX_FROM) {
    for (let i = 0; i < mapping.children.length; i += 2) {
      const k = unwrap(mapping.children[i] as EventNode);
      if (k.kind !== 'scalar') return undefined;
      if (String(k.result) === key) return i;
    }
    return -1;
  }
  let index = pairIndexes.get(mapping);
  if (!index) {
    index = { byKey: new Map(), nonScalarAt: Infinity };
    for (let i = 0; i < mapping.children.length; i += 2) {
      const k = unwrap(mapping.children[i] as EventNode);
      if (k.kind !== 'scalar') {
        index.nonScalarAt = Math.min(index.nonScalarAt, i);
        continue;
      }
      const name = String(k.result);
      if (!index.byKey.has(name)) index.byKey.set(name, i);
    }
    pairIndexes.set(mapping, index);
  }
  const pair = index.byKey.get(key) ?? -1;
  return index.nonScalarAt < (pair < 0 ? Infinity : pair) ? undefined : pair;
}

/** The same walk as the exact locator: a missing child is found at its parent's key. */
function locate(source: string, root: EventNode, path: DocPath, target: LocateTarget): Span | undefined {
  let node = root;
  let key: EventNode | null = null;
  let found = true;
  for (const seg of path) {
    if (node.kind === 'mapping') {
      if (node.children.length % 2 !== 0) return undefined;
      const pair = pairOf(node, String(seg));
      if (pair === undefined) return undefined;
      if (pair < 0) {
        found = false;
        break;
      }
      key = unwrap(node.children[pair] as EventNode);
      node = unwrap(node.children[pair + 1] as EventNode);
    } else if (node.kind === 'sequence' && typeof seg === 'number' && seg < node.children.length) {
      if (!Array.isArray(node.result) || node.result.length !== node.children.length) return undefined;
      key = null;
      node = unwrap(node.children[seg] as EventNode);
    } else {
      found = false;
      break;
    }
  }
  const chosen = key !== null && (target === 'key' || !found) ? key : node;
  const start = skipToContent(source, chosen.open);
  // An empty value has no text of its own: where the exact parser puts it is its own convention.
  if (start >= chosen.close || chosen.result === null) return undefined;
  return [start, chosen.close];
}

/**
 * The string scalar at exactly `path` (no missing segment), from its first character to where
 * js-yaml stopped reading it; undefined for anything else (the exact parser then answers).
 */
function stringScalar(source: string, root: EventNode, path: DocPath): { span: Span; value: string } | undefined {
  let node = root;
  for (const seg of path) {
    if (node.kind === 'mapping') {
      if (node.children.length % 2 !== 0) return undefined;
      const pair = pairOf(node, String(seg));
      if (pair === undefined || pair < 0) return undefined;
      node = unwrap(node.children[pair + 1] as EventNode);
    } else if (node.kind === 'sequence' && typeof seg === 'number' && seg < node.children.length) {
      if (!Array.isArray(node.result) || node.result.length !== node.children.length) return undefined;
      node = unwrap(node.children[seg] as EventNode);
    } else return undefined;
  }
  if (node.kind !== 'scalar' || typeof node.result !== 'string') return undefined;
  const start = skipToContent(source, node.open);
  return start < node.close ? { span: [start, node.close], value: node.result } : undefined;
}

/** Past the spaces, line breaks and comments js-yaml had not yet read when it opened a node. */
function skipToContent(source: string, from: number): number {
  let i = from;
  while (i < source.length) {
    const c = source.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) i++;
    else if (c === 35 /* # */) {
      const nl = source.indexOf('\n', i);
      i = nl < 0 ? source.length : nl;
    } else break;
  }
  return i;
}
