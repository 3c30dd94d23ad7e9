// How a path in a document becomes a source range: the one place that decides it, per file, from
// the text that was read once. Nothing here reads a file: a locator answers from the text it was
// made with, so a file changed on disk since it was read does not move a finding.
//
// Three things can answer, in this order: the Markdown body (a path whose value lives outside the
// YAML), js-yaml's parse events (quick-locator.ts, cheap, declines what it cannot vouch for), and
// the `yaml` package's parse with positions (locator.ts, exact, made once per source when first
// needed). Which of the last two may answer is the caller's `mode`, never a global setting.

import type { Document } from 'yaml';
import { yamlLib } from '../util/lazy.js';
import type { LineIndex } from './line-index.js';
import { externalRange, firstLineEnd, YamlLocator, type Locator } from './locator.js';
import { quickLocators, type QuickLocate } from './quick-locator.js';
import { sourceSpan } from './text-offsets.js';

/** `fast`: js-yaml first, positions on demand; `exact`: the `yaml` parser's positions for everything. */
export type ParseMode = 'fast' | 'exact';

export type Span = readonly [number, number];

/** One YAML source inside a file's text (a whole YAML file, or Markdown front matter). */
export interface PositionSource {
  /** The YAML text. */
  source: string;
  /** Where it starts in the file's text. */
  offset: number;
  /** The file's lines, counted when first needed. */
  lines: () => LineIndex;
  /** Paths whose value lives outside the YAML (a Markdown body), with their span in the file. */
  external: ReadonlyMap<string, Span>;
}

/**
 * The locator of each document of `src`, by the document's index. `exactDocs`: the exact parse,
 * when the caller has made it already (it then answers alone); otherwise it is made when a path
 * first needs it, and in `fast` mode js-yaml's events answer first.
 */
export function documentLocators(src: PositionSource, mode: ParseMode, exactDocs?: readonly Document[]): (index: number) => Locator {
  const { source, offset, lines, external } = src;
  let docs = exactDocs;
  let quick: ((index: number) => QuickLocate | undefined) | undefined | null = null;
  const locators = new Map<number, Locator>();
  const exactLocator = (index: number): Locator => {
    if (!docs) {
      const all = yamlLib().parseAllDocuments(source, { prettyErrors: false, uniqueKeys: true, strict: true });
      docs = Array.isArray(all) ? all : [];
    }
    const doc = docs[index];
    return doc ? new YamlLocator(doc, lines(), offset, external) : { locate: () => lines().range(offset, offset) };
  };
  return (index) => {
    let locator = locators.get(index);
    if (locator) return locator;
    if (exactDocs || mode === 'exact') {
      locator = exactLocator(index);
    } else {
      if (quick === null) quick = quickLocators(source);
      const q = quick?.(index);
      let exact: Locator | undefined;
      const exactly = (): Locator => (exact ??= exactLocator(index));
      locator = !q
        ? exactly()
        : {
            locateText: (path, start, end) => {
              if (externalRange(lines(), external, path)) return undefined;
              const scalar = q.stringScalar(path);
              const at = scalar ? offset + scalar.span[0] : 0;
              const words = scalar ? sourceSpan(lines().text.slice(at, offset + scalar.span[1]), scalar.value, start, end) : undefined;
              return words ? lines().range(at + words[0], at + words[1]) : exactly().locateText?.(path, start, end);
            },
            locate: (path, target = 'value') => {
              const ext = externalRange(lines(), external, path);
              if (ext) return ext;
              const span = q.locate(path, target);
              if (!span) return exactly().locate(path, target);
              return lines().range(offset + span[0], offset + firstLineEnd(lines().text, offset, span[0], span[1]));
            },
          };
    }
    locators.set(index, locator);
    return locator;
  };
}
