// Structured message parts: a message is words and marked-up pieces, rendered per target at the end.

/** A piece of code, a key or a YAML snippet the reader types: `orsak`, `kind: Lofte`. */
export interface CodePart {
  readonly code: string;
}

/** A value from the user's files (a date, a name, a masked number), shown as it is. */
export interface ValuePart {
  readonly value: string;
}

/** A number with its noun in singular or plural: "1 löfte", "3 löften". */
export interface CountPart {
  readonly count: number;
  readonly one: string;
  readonly other: string;
}

/** Plain words are plain strings. */
export type Part = string | CodePart | ValuePart | CountPart;
export type Message = readonly Part[];

export const code = (text: string): CodePart => ({ code: text });
export const value = (text: string | number): ValuePart => ({ value: String(text) });
export const count = (n: number, one: string, other: string): CountPart => ({ count: n, one, other });

/**
 * A message from a template: `t\`Löftet ${code(id)} har status ${code(status)}.\``. Only parts and
 * messages may be put in, so an `undefined` argument does not compile (it would render as nothing).
 */
export function t(strings: TemplateStringsArray, ...parts: readonly (Part | Message)[]): Message {
  const out: Part[] = [];
  strings.forEach((s, i) => {
    if (s !== '') out.push(s);
    const p = parts[i];
    if (p === undefined) return;
    if (Array.isArray(p)) out.push(...(p as Message));
    else out.push(p as Part);
  });
  return out;
}

/** Messages joined by a separator: "`a`, `b` eller `c`" is `join(ids.map(code), ', ')`. */
export function join(items: readonly (Part | Message)[], separator: string, last = separator): Message {
  const out: Part[] = [];
  items.forEach((item, i) => {
    if (i > 0) out.push(i === items.length - 1 ? last : separator);
    if (Array.isArray(item)) out.push(...(item as Message));
    else out.push(item as Part);
  });
  return out;
}

const isCode = (p: Part): p is CodePart => typeof p === 'object' && 'code' in p;
const isValue = (p: Part): p is ValuePart => typeof p === 'object' && 'value' in p;
const countText = (p: CountPart): string => `${p.count} ${p.count === 1 ? p.one : p.other}`;

/** How one target shows each kind of part. */
export interface PartStyle {
  text(text: string): string;
  code(text: string): string;
  value(text: string): string;
}

export function render(message: Message, style: PartStyle): string {
  let out = '';
  for (const p of message) {
    if (typeof p === 'string') out += style.text(p);
    else if (isCode(p)) out += style.code(p.code);
    else if (isValue(p)) out += style.value(p.value);
    else out += style.text(countText(p));
  }
  return out;
}

const same = (text: string): string => text;

/**
 * Plain text, as the terminal, CI logs, JSON and SARIF's `text` show it: code between backticks,
 * which readers of those outputs know as code (and which keeps the output as it always was).
 */
export const PLAIN: PartStyle = { text: same, code: (text) => `\`${text}\``, value: same };

/** Words and values escaped for CommonMark; code in a backtick span long enough for what it holds. */
export const MARKDOWN: PartStyle = { text: escapeMarkdown, code: markdownCode, value: escapeMarkdown };

export function plainText(message: Message): string {
  return render(message, PLAIN);
}

export function markdownText(message: Message): string {
  return render(message, MARKDOWN);
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>&~]/g, (c) => `\\${c}`);
}

function markdownCode(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}
