// The one front-matter splitter: where a .md file's YAML ends and its body begins. gray-matter
// decides; the YAML lofte validates and the body lofte publishes are both cut from its one answer.

import { LOFTE_MARKER } from '../model/kinds.js';
import { grayMatter } from '../util/lazy.js';

export type FrontMatterSplit =
  /** No front matter, and nothing that looks like a lofte document meant to have one. */
  | { kind: 'none' }
  /** Looks like lofte, but the first line is not `---` (`--`, `----`, `--- yaml`, …). */
  | { kind: 'bad-open'; firstLine: string }
  | { kind: 'unterminated'; matter: string; matterStart: number }
  /** gray-matter ends the front matter at a line that starts with `---` but holds more. */
  | { kind: 'bad-close'; matter: string; matterStart: number; closeStart: number; closeLine: string }
  | { kind: 'ok'; matter: string; matterStart: number; body: string; bodyStart: number };

const OPEN = /^---[ \t]*\r?\n/;
/** A first line of dashes that is not a proper `---`: a mistyped opening. */
const DASHES = /^[ \t]*(?:[-–—]{2,}|\+\+\+)[^\n]*/;
/** Where the lofte marker is looked for in a file without proper front matter. */
const MARKER_WINDOW = 4096;

// gray-matter only splits the file here; its own engines would parse with js-yaml 3 (which turns
// dates into Date objects and rolls 2024-13-01 over) and its `js` engine would eval the text.
const captureOnly = (): Record<string, never> => ({});
const SPLIT_ONLY = {
  engines: { yaml: captureOnly, javascript: captureOnly, json: captureOnly, coffee: captureOnly, toml: captureOnly },
};

export function splitFrontMatter(text: string): FrontMatterSplit {
  if (!OPEN.test(text)) {
    const first = DASHES.exec(text.replace(/^(?:[ \t]*\r?\n)+/, ''))?.[0];
    return first !== undefined && LOFTE_MARKER.test(text.slice(0, MARKER_WINDOW)) ? { kind: 'bad-open', firstLine: first.trim().slice(0, 40) } : { kind: 'none' };
  }
  let split: { matter?: string; content: string };
  try {
    split = grayMatter()(text, SPLIT_ONLY);
  } catch {
    return { kind: 'none' }; // cannot happen with capture-only engines; nothing is read then
  }
  // gray-matter's matter starts right after the opening `---` and its blanks, with the line end.
  const lineEnd = /\r?\n/.exec(text);
  const matterStart = lineEnd ? lineEnd.index : 3;
  const matter = split.matter ?? '';
  if (!text.startsWith(matter, matterStart)) return { kind: 'bad-open', firstLine: '---' };
  const matterEnd = matterStart + matter.length;
  if (matterEnd >= text.length) return { kind: 'unterminated', matter, matterStart };
  // The closing line is the `\n---…` gray-matter found at `matterEnd`.
  const closeStart = matterEnd + 1;
  const closeLine = /^[^\n]*/.exec(text.slice(closeStart))?.[0] ?? '';
  if (!/^---[ \t]*\r?$/.test(closeLine)) return { kind: 'bad-close', matter, matterStart, closeStart, closeLine: closeLine.replace(/\r$/, '').slice(0, 40) };
  const body = split.content;
  if (!text.endsWith(body)) return { kind: 'bad-close', matter, matterStart, closeStart, closeLine };
  return { kind: 'ok', matter, matterStart, body, bodyStart: text.length - body.length };
}
