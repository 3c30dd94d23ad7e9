// Markdown from the data, rendered so nothing in it can run: raw HTML is shown as text, comments
// are never shown, and only http(s), mailto and relative links survive, judged on the destination
// as a browser or a CommonMark renderer (GitHub) would read it. Images become their alt text.

import { decodeHTML, decodeHTMLStrict } from 'entities';
import { Marked, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const SPECIAL = /[&<>"']/;
const SPECIALS = /[&<>"']/g;

/** One pass, and none for the most text, which has nothing to escape. */
export function escapeHtml(text: string): string {
  return SPECIAL.test(text) ? text.replace(SPECIALS, (c) => ESCAPES[c] ?? c) : text;
}

/**
 * The source without its `<!-- … -->` comments, where authors keep notes. Fail closed: an
 * unterminated comment runs to the end, and comments nest (`<!-- a <!-- b --> c -->` hides all of
 * it), so more is hidden than a renderer would hide, never less. Comments inside code are removed
 * too: a note is a note wherever it stands.
 */
export function stripComments(source: string): string {
  if (!source.includes('<!--')) return source;
  let out = '';
  let depth = 0;
  let at = 0;
  for (;;) {
    const open = source.indexOf('<!--', at);
    if (depth === 0) {
      if (open < 0) return out + source.slice(at);
      out += source.slice(at, open);
      depth = 1;
      at = open + 2; // `<!-->` and `<!--->` close at once, as in CommonMark
      continue;
    }
    const close = source.indexOf('-->', at);
    if (close < 0) return out;
    if (open >= 0 && open < close) {
      depth += 1;
      at = open + 4;
    } else {
      depth -= 1;
      at = close + 3;
    }
  }
}

/** What browsers drop or ignore inside a scheme, and what only looks like nothing: never part of a decision. */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\s\\]/gu;

/** Characters written percent-encoded in a destination lofte emits: none can end or bend it. */
const UNSAFE_IN_URL = /[\u0000-\u0020\u007f-\u009f"<>\\`\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Whether a destination, as some reader could decode it, names a scheme other than http(s) or mailto, or another host. */
function unsafeProbe(candidate: string): boolean {
  const probe = candidate.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
  if (/^(https?:|mailto:)/.test(probe)) return false;
  // A colon before the first /, ? or # is a scheme (or a path no relative link may have).
  const end = probe.search(/[/?#]/);
  if ((end < 0 ? probe : probe.slice(0, end)).includes(':')) return true;
  // Protocol-relative: //host, and \\host or /\host, which browsers read the same way.
  return /^[/\\]{2}/.test(candidate.replace(/[\p{Cc}\p{Z}\s]/gu, ''));
}

/**
 * http(s), mailto and relative links; never javascript:, data:, vbscript: or protocol-relative.
 * Decided on the destination with its character references decoded (`&#106;avascript:`,
 * `javascript&colon;`), controls, whitespace and invisible characters removed (`java&#x0A;script:`)
 * and case folded; a destination that decodes twice into a bad one is refused as well. Returns the
 * destination to emit, with characters that could end or bend it percent-encoded; undefined if refused.
 */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  if (unsafeProbe(trimmed) || unsafeProbe(decodeHTML(trimmed))) return undefined;
  return trimmed.replace(UNSAFE_IN_URL, (c) => encodeURIComponent(c));
}

/**
 * A link destination as written in Markdown: CommonMark decodes character references in it (marked,
 * which has already taken the backslash escapes out, leaves them), so the decision is on the decoded text.
 */
const markdownHref = (href: string): string | undefined => safeHref(decodeHTMLStrict(href));

/**
 * A destination for Markdown output: in angle brackets, with `&` escaped, so GitHub reads back exactly
 * the destination given (which safeHref has already percent-encoded where needed).
 */
export const markdownDestination = (href: string): string => `<${href.replace(/[<>\s\\]/g, encodeURIComponent).replace(/&/g, '\\&')}>`;

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'ul', 'ol', 'li', 'strong', 'em', 'del', 'a', 'code', 'pre', 'blockquote', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'br', 'hr'],
  allowedAttributes: { a: ['href'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
};

const htmlCache = new Map<number, Marked>();

/** `baseLevel` is the heading level a `#` in the data becomes, so data never adds a second h1. */
function htmlMarked(baseLevel: number): Marked {
  const hit = htmlCache.get(baseLevel);
  if (hit) return hit;
  const m = new Marked({ gfm: true, async: false });
  m.use({
    renderer: {
      html: ({ text }: Tokens.HTML | Tokens.Tag) => escapeHtml(text),
      heading({ tokens, depth }: Tokens.Heading) {
        const level = Math.max(2, Math.min(6, baseLevel + depth - 1));
        return `<h${level}>${this.parser.parseInline(tokens)}</h${level}>\n`;
      },
      link({ href, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const safe = markdownHref(href);
        return safe === undefined ? inner : `<a href="${escapeHtml(safe)}">${inner}</a>`;
      },
      image: ({ text }: Tokens.Image) => escapeHtml(text),
    },
  });
  htmlCache.set(baseLevel, m);
  return m;
}

/** The data's top heading becomes `baseLevel`, whether the writer started at `#` or at `##`. */
function shiftedBase(source: string, baseLevel: number): number {
  const depths = [...source.matchAll(/^ {0,3}(#{1,6})[ \t]/gm)].map((m) => m[1]?.length ?? 1);
  return depths.length === 0 ? baseLevel : baseLevel - (Math.min(...depths) - 1);
}

/**
 * Rendered texts, the most recently used kept: a problembild's description shows on the page of
 * every promise that answers it. Bounded by count, so a national site's thousands of texts do not
 * all stay in memory (a cache of 20,000 was a sixth of a 30,000-file report's peak).
 */
const rendered = new Map<string, string>();
const RENDERED_KEPT = 1_000;

export function markdownToHtml(source: string, baseLevel: number): string {
  const key = `${baseLevel}\u0000${source}`;
  let html = rendered.get(key);
  if (html === undefined) {
    const text = stripComments(source);
    html = sanitizeHtml(htmlMarked(shiftedBase(text, baseLevel)).parse(text, { async: false }) as string, SANITIZE);
    if (rendered.size >= RENDERED_KEPT) rendered.delete(rendered.keys().next().value as string);
  } else rendered.delete(key);
  rendered.set(key, html);
  return html;
}

/** What is markup wherever it stands (`<` and `>` included: no HTML gets through), and the backslash itself. */
const MARKUP = /[\\`*_[\]<>#|~&]/g;

/**
 * Escapes what is markup anywhere on a line. A `(` after `]` is escaped too: CommonMark needs no
 * more, but some renderers (marked among them) read `\\](` inside a link text as the link's end.
 */
const escapeInline = (text: string): string => text.replace(MARKUP, (c) => `\\${c}`).replace(/\\\]\(/g, '\\]\\(');

/**
 * Escapes what makes a line start a block: a list, a setext underline (`-`, `+`, `=`), an ordered
 * list (`2026.`, `3)`), indentation that would make code (leading blanks become one space at the start,
 * none after a line break: the same text once rendered). `#`, `>`, `*` and `` ` `` are escaped anywhere.
 * Safe on rendered inline Markdown too: none of its own markup starts a line with these.
 */
const escapeLineStarts = (text: string): string =>
  text
    .replace(/^[ \t]+/, ' ')
    .replace(/(?<=\n)[ \t]+/g, '')
    .replace(/^([ \t]?)([-+=])/gm, '$1\\$2')
    .replace(/^([ \t]?\d{1,9})([.)])/gm, '$1\\$2');

/**
 * Plain text as GitHub-flavoured Markdown that reads as that text in every place lofte puts it: a
 * paragraph, the start of a line or a list item, a heading, a table cell, a link text. Every line is
 * taken to start a block, so nothing depends on what stands before it. Callers that need one line
 * (headings, cells) also pass it through `oneLine`.
 */
export function escapeMarkdown(text: string): string {
  return escapeLineStarts(escapeInline(text));
}

/** Headings, table cells and link texts end at a line break: their text goes on one line. */
export const oneLine = (markdown: string): string => markdown.replace(/\s*\n\s*/g, ' ');

/** In a GFM table a `|` must be escaped even inside code; one that already is (`\\|`) is left as it is. */
const escapeCellPipes = (markdown: string): string => markdown.replace(/(?<!\\)((?:\\\\)*)\|/g, '$1\\|');

const mdCache = new Map<number, Marked>();

function mdMarked(baseLevel: number): Marked {
  const hit = mdCache.get(baseLevel);
  if (hit) return hit;
  const m = new Marked({ gfm: true, async: false });
  const indent = (text: string, by: string): string => text.replace(/\n(?=.)/g, `\n${by}`);
  m.use({
    renderer: {
      space: () => '',
      code: ({ text }: Tokens.Code) => `\`\`\`\n${text.replace(/```/g, '``\\`')}\n\`\`\`\n\n`,
      blockquote({ tokens }: Tokens.Blockquote) {
        return `${this.parser.parse(tokens).trim().replace(/^/gm, '> ')}\n\n`;
      },
      html: (token: Tokens.HTML | Tokens.Tag) => ('block' in token && token.block ? `${escapeMarkdown(token.text.trim())}\n\n` : escapeInline(token.text)),
      heading({ tokens, depth }: Tokens.Heading) {
        return `${'#'.repeat(Math.max(2, Math.min(6, baseLevel + depth - 1)))} ${oneLine(this.parser.parseInline(tokens))}\n\n`;
      },
      hr: () => '---\n\n',
      list(token: Tokens.List) {
        const start = typeof token.start === 'number' ? token.start : 1;
        const items = token.items.map((item, i) => {
          const marker = token.ordered ? `${start + i}. ` : '- ';
          return marker + indent(this.parser.parse(item.tokens).trim(), ' '.repeat(marker.length));
        });
        return `${items.join('\n')}\n\n`;
      },
      checkbox: ({ checked }: Tokens.Checkbox) => (checked ? '[x] ' : '[ ] '),
      paragraph({ tokens }: Tokens.Paragraph) {
        return `${escapeLineStarts(this.parser.parseInline(tokens))}\n\n`;
      },
      table(token: Tokens.Table) {
        const cell = (c: Tokens.TableCell): string => escapeCellPipes(oneLine(this.parser.parseInline(c.tokens))) || ' ';
        const head = `| ${token.header.map(cell).join(' | ')} |`;
        const rule = `|${token.header.map(() => '---|').join('')}`;
        return `${[head, rule, ...token.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n')}\n\n`;
      },
      strong({ tokens }: Tokens.Strong) {
        return `**${this.parser.parseInline(tokens)}**`;
      },
      em({ tokens }: Tokens.Em) {
        return `_${this.parser.parseInline(tokens)}_`;
      },
      codespan: ({ text }: Tokens.Codespan) => `\`${text.replace(/`/g, "'")}\``,
      br: () => '\\\n',
      del({ tokens }: Tokens.Del) {
        return `~~${this.parser.parseInline(tokens)}~~`;
      },
      link({ href, tokens }: Tokens.Link) {
        const inner = this.parser.parseInline(tokens);
        const safe = markdownHref(href);
        return safe === undefined ? inner : `[${oneLine(inner)}](${markdownDestination(safe)})`;
      },
      image: ({ text }: Tokens.Image) => escapeInline(text),
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return escapeLineStarts(this.parser.parseInline(token.tokens));
        // The author escaped it, so it was markup here: it stays escaped (`2026\.` is not a list).
        if (token.type === 'escape') return `\\${token.text}`;
        return escapeInline(token.text);
      },
    },
  });
  mdCache.set(baseLevel, m);
  return m;
}

export function markdownToMarkdown(source: string, baseLevel: number): string {
  const text = stripComments(source);
  return `${(mdMarked(shiftedBase(text, baseLevel)).parse(text, { async: false }) as string).trim()}\n`;
}
