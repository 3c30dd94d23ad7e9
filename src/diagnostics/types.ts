// Diagnostics are data: a finding is a rule code, a place and arguments; wording comes later.

export type Severity = 'error' | 'warning';

/** 1-based line and column (UTF-16 code units), stored once so no formatter adds 1. */
export interface Position {
  line: number;
  column: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A path inside one document: keys and array indexes from the document root. */
export type DocPath = readonly (string | number)[];

export type ArgValue = string | number | boolean | readonly string[] | undefined;
export type Args = Readonly<Record<string, ArgValue>>;

export interface RelatedLocation {
  file: string;
  range: Range;
  /** What the related place is, as a key of the catalog's `related` wordings. */
  role: 'first-definition' | 'other';
}

export interface Diagnostic {
  rule: string;
  severity: Severity;
  /** Path relative to the working directory, with forward slashes. */
  file: string;
  range: Range;
  path: DocPath;
  args: Args;
  related?: RelatedLocation[];
  /**
   * The line a `lofte-disable-next-line` comment names to silence this finding, where that is not
   * the line it starts on: a finding that points at words inside a multi-line text is silenced from
   * the line before the text, where the comment can stand.
   */
  disableLine?: number;
  /** The id of the document the finding is in (where it has one), for tools: JSON's `entity`. */
  entity?: string;
  /** The id of the promise the finding is about, where it is inside one: JSON's `promise`. */
  promise?: string;
}

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    compareStrings(a.file, b.file) ||
    a.range.start.line - b.range.start.line ||
    a.range.start.column - b.range.start.column ||
    compareStrings(a.rule, b.rule) ||
    compareStrings(formatPath(a.path), formatPath(b.path)) ||
    compareStrings(JSON.stringify(a.args), JSON.stringify(b.args))
  );
}

/** Code-unit comparison: locale-independent, so output is the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `loften[2].ansvarig` — how a path is shown to people and in JSON output. */
export function formatPath(path: DocPath): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out === '' ? seg : `.${seg}`;
  }
  return out;
}
