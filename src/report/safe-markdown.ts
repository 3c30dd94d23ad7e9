// Markdown from the data, rendered so nothing in it can run: raw HTML is shown as text, and only
// http(s), mailto and relative links survive. Images become their alt text (no external requests).

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

/** http(s), mailto and relative links; never javascript:, data:, vbscript: or protocol-relative. */
export function safeHref(href: string): string | undefined {
  const trimmed = href.trim();
  // Browsers ignore tabs, newlines and control characters inside a scheme ("java\nscript:").
  const probe = trimmed.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (/^(https?:|mailto:)/.test(probe)) return trimmed;
  if (/^[a-z][a-z0-9+.-]*:/.test(probe) || probe.startsWith('//') || probe.startsWith('\\\\') || probe.startsWith('/\\')) return undefined;
  return trimmed;
}

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
        const safe = safeHref(href);
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

/** Rendered texts: a problembild's description shows on the page of every promise that answers it. */
const rendered = new Map<string, string>();

export function markdownToHtml(source: string, baseLevel: number): string {
  const key = `${baseLevel}\u0000${source}`;
  let html = rendered.get(key);
  if (html === undefined) {
    html = sanitizeHtml(htmlMarked(shiftedBase(source, baseLevel)).parse(source, { async: false }) as string, SANITIZE);
    if (rendered.size >= 20_000) rendered.clear();
    rendered.set(key, html);
  }
  return html;
}

/** Backslash-escapes what Markdown would read as markup, `<` and `>` included: no HTML gets through. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~&]/g, (c) => `\\${c}`).replace(/^(\s*)([-=+])/gm, '$1\\$2').replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
}

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
      html: (token: Tokens.HTML | Tokens.Tag) => ('block' in token && token.block ? `${escapeMarkdown(token.text.trim())}\n\n` : escapeMarkdown(token.text)),
      heading({ tokens, depth }: Tokens.Heading) {
        return `${'#'.repeat(Math.max(2, Math.min(6, baseLevel + depth - 1)))} ${this.parser.parseInline(tokens)}\n\n`;
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
        return `${this.parser.parseInline(tokens)}\n\n`;
      },
      table(token: Tokens.Table) {
        const cell = (c: Tokens.TableCell): string => this.parser.parseInline(c.tokens).replace(/\|/g, '\\|');
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
        const safe = safeHref(href);
        return safe === undefined ? inner : `[${inner}](<${safe.replace(/[<>\s]/g, encodeURIComponent)}>)`;
      },
      image: ({ text }: Tokens.Image) => escapeMarkdown(text),
      text(token: Tokens.Text | Tokens.Escape) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        return escapeMarkdown(token.text);
      },
    },
  });
  mdCache.set(baseLevel, m);
  return m;
}

export function markdownToMarkdown(source: string, baseLevel: number): string {
  return `${(mdMarked(shiftedBase(source, baseLevel)).parse(source, { async: false }) as string).trim()}\n`;
}
