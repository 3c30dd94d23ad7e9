// One escaper for every line of text lofte prints (terminal, CI logs, JUnit, SARIF text): control
// characters, bidi controls and line separators from data or file names become visible escapes.

/**
 * C0 (tab and newline too), DEL, C1, the bidi marks, embeddings, overrides and isolates, and the
 * Unicode line and paragraph separators. Any of them could start a new output line (a forged
 * finding, a GitHub Actions workflow command like `::add-mask::`), move or recolour the terminal
 * (ESC, OSC), or make a file name read backwards.
 */
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const UNPRINTABLES = new RegExp(UNPRINTABLE.source, 'g');

const SHORT: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

const escapeOne = (c: string): string => SHORT[c] ?? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The text with every such character written as an escape (`\n`, `\u001b`, `\u202e`), so it shows
 * what is there and can do nothing. Text without any comes back as it is.
 */
export function printable(text: string): string {
  return UNPRINTABLE.test(text) ? text.replace(UNPRINTABLES, escapeOne) : text;
}
