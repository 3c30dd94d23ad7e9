// Pages as publication-grade HTML: one self-contained file each, no scripts, no external requests.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { relativeLink, type Block, type Inline, type Page } from './doc.js';
import { ACTORS, FOLLOW_UP, INDEX } from './pages/overview.js';
import { escapeHtml, markdownToHtml, safeHref } from './safe-markdown.js';
import { longDate } from './pages/words.js';

let css: string | undefined;

/**
 * The page is written into one list of pieces, handed to the site writer a batch at a time, which
 * encodes each piece where it stands: joining at every level (cell, row, table, page) copied a
 * national report's 46 MB of text four times over, one string per page made a national overview
 * page tens of megabytes at once, and even one join per batch cost more than encoding the pieces.
 */
type Out = string[];

/** Pieces gathered before they are handed on (a few hundred kilobytes of text). */
const BATCH_PIECES = 16_384;

function inline(items: readonly Inline[], from: string, out: Out): void {
  for (const item of items) {
    if (typeof item === 'string') out.push(escapeHtml(item));
    else if ('strong' in item) out.push('<strong>', escapeHtml(item.strong), '</strong>');
    else if ('status' in item) out.push('<span class="status status-', escapeHtml(item.status), '">', escapeHtml(item.text), '</span>');
    else if ('href' in item) {
      const href = safeHref(item.href);
      if (href === undefined) out.push(escapeHtml(item.text));
      // A link whose text is its address is printed once (print adds other addresses after the text).
      else out.push('<a href="', escapeHtml(href), item.text === item.href ? '" class="url">' : '">', escapeHtml(item.text), '</a>');
    } else {
      const href = item.page === '' ? `#${item.anchor ?? ''}` : relativeLink(from, item.page, '.html', item.anchor);
      out.push('<a href="', escapeHtml(href), '">', escapeHtml(item.text), '</a>');
    }
  }
}

/**
 * Writes a block into `out`, pausing (a bare `yield`) after each table row, list item and block:
 * there the page's pieces so far may be handed on. Nothing else is yielded.
 */
function* block(b: Block, from: string, out: Out): Generator<void, void, undefined> {
  switch (b.kind) {
    case 'heading':
      out.push(`<h${b.level}`, b.id ? ` id="${escapeHtml(b.id)}">` : '>', escapeHtml(b.text), `</h${b.level}>`);
      return;
    case 'paragraph':
      out.push('<p>');
      inline(b.content, from, out);
      out.push('</p>');
      return;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      out.push(`<${tag}`, b.label ? ` class="history" aria-label="${escapeHtml(b.label)}">` : '>');
      for (const item of b.items) {
        out.push('<li>');
        for (const x of item) {
          if (x.kind === 'paragraph') inline(x.content, from, out);
          else yield* block(x, from, out);
        }
        out.push('</li>');
        yield;
      }
      out.push(`</${tag}>`);
      return;
    }
    case 'facts':
      out.push(b.variant === 'outcome' ? '<dl class="facts outcome">' : '<dl class="facts">');
      for (const [k, v] of b.items) {
        // Side by side, each pair in its own box (a div may group a dt and its dd).
        out.push(b.variant === 'outcome' ? '<div><dt>' : '<dt>', escapeHtml(k), '</dt><dd>');
        inline(v, from, out);
        out.push(b.variant === 'outcome' ? '</dd></div>' : '</dd>');
      }
      out.push('</dl>');
      return;
    case 'table':
      // Its own labelled, focusable scrolling box, so a wide table never makes the page scroll
      // sideways; on a phone each row stacks as a card whose cells say their column (data-label).
      // The explicit roles keep it a table for assistive technology when CSS stacks it.
      out.push('<div class="table" role="region" tabindex="0" aria-label="', escapeHtml(b.caption), '"><table role="table"><caption>', escapeHtml(b.caption), '</caption><thead role="rowgroup"><tr role="row">');
      for (const c of b.head) out.push('<th scope="col" role="columnheader">', escapeHtml(c), '</th>');
      out.push('</tr></thead><tbody role="rowgroup">');
      for (const r of b.rows) {
        out.push('<tr role="row">');
        r.forEach((c, i) => {
          out.push('<td role="cell" data-label="', escapeHtml(b.head[i] ?? ''), '">');
          inline(c, from, out);
          out.push('</td>');
        });
        out.push('</tr>');
        yield;
      }
      out.push('</tbody></table></div>');
      return;
    case 'markdown':
      out.push('<div class="text">', markdownToHtml(b.source, b.baseLevel), '</div>');
      return;
    case 'figure':
      // Drawn at a legible size: on a narrow screen the picture scrolls in its own box, never the page.
      out.push('<figure><figcaption>', escapeHtml(b.caption), '</figcaption><div class="chart" role="region" tabindex="0" aria-label="', escapeHtml(b.caption), '">', b.svg, '</div>');
      yield* block(b.equivalent, from, out);
      out.push('</figure>');
      return;
    case 'bars': {
      // A list a screen reader reads as "Pågår 7"; the bars themselves are decoration. (Markdown gives the table.)
      const max = Math.max(1, ...b.rows.map((r) => r.count));
      out.push('<figure class="bars"><figcaption>', escapeHtml(b.caption), '</figcaption><ul>');
      for (const r of b.rows) {
        out.push('<li class="bar"><span class="bar-label">', escapeHtml(r.label), '</span> <span class="bar-track" aria-hidden="true"><span class="bar-fill status-', escapeHtml(r.status), '" style="width:', String(Math.round((r.count / max) * 1000) / 10), '%"></span></span> <span class="bar-count">', String(r.count), '</span></li>');
      }
      out.push('</ul></figure>');
      return;
    }
  }
}

const NAV: readonly [string, string][] = [
  [INDEX, 'Alla medborgarlöften'],
  [FOLLOW_UP, 'Uppföljning'],
  [ACTORS, 'Vem lovar vad'],
];

/** Text as a CSS string: quotes, backslashes and line ends escaped, and `<` so no `</style>` can appear. */
const cssString = (text: string): string => `"${text.replace(/[\\"<>\n\r]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;

/**
 * The site's style sheet, lofte's own templates/report.css, read once. The site writer asks for it
 * before it touches the output folder: a missing one is a broken installation (an internal error),
 * which would otherwise be told as a folder that cannot be written.
 */
export function reportCss(): string {
  return (css ??= readFileSync(packagePath('templates', 'report.css'), 'utf8'));
}

/** The running title, the date and page numbers on every printed page. */
function printCss(page: Page, asOf: string): string {
  return `@media print { @page { @top-left { content: ${cssString(page.title)}; } @bottom-left { content: ${cssString(`Senast uppdaterad ${longDate(asOf)}`)}; } @bottom-right { content: "Sida " counter(page) " av " counter(pages); } } }\n`;
}

/**
 * The page's HTML in lists of pieces of a few hundred kilobytes together, rendered as they are
 * asked for (the site writer writes each as it comes). Each list is the writer's to keep.
 */
export function* renderHtmlPieces(page: Page, asOf: string): Generator<readonly string[], void, undefined> {
  const css = reportCss();
  const out: Out = [];
  out.push(`<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>${escapeHtml(page.title)} – Medborgarlöften</title>
`);
  if (page.openData) {
    // JSON-LD is a data block: CSP governs scripts that run, and this one never does.
    out.push(`<link rel="alternate" type="application/atom+xml" title="Medborgarlöften: nya löften och uppföljningar" href="${escapeHtml(page.openData.feed)}">\n`);
    if (page.openData.jsonLd) out.push('<script type="application/ld+json">', page.openData.jsonLd, '</script>\n');
  }
  out.push(`<style>
`, css, printCss(page, asOf), `</style>
</head>
<body>
<a class="skip" href="#innehall">Till innehållet</a>
<header><nav aria-label="Medborgarlöften"><ul>`);
  for (const [id, text] of NAV) out.push(`<li><a href="${relativeLink(page.id, id, '.html')}"${id === page.id ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`);
  out.push(`</ul></nav></header>
<main id="innehall">
<h1>${escapeHtml(page.title)}</h1>
`);
  if (page.verdict) out.push('<p class="verdict">', escapeHtml(page.verdict), '</p>\n');
  if (page.lead) {
    out.push('<p class="lead">');
    inline(page.lead, page.id, out);
    out.push('</p>\n');
  }
  for (const [i, b] of page.blocks.entries()) {
    if (i > 0) out.push('\n');
    for (const _ of block(b, page.id, out)) {
      if (out.length < BATCH_PIECES) continue;
      // The block goes on writing into `out`: the writer gets a copy of the list (not of the text).
      yield out.slice();
      out.length = 0;
    }
  }
  out.push('\n</main>\n<footer>');
  for (const line of page.footer) {
    out.push('<p>');
    inline(line, page.id, out);
    out.push('</p>');
  }
  if (page.openData) {
    out.push('<p>');
    inline(page.openData.notice, page.id, out);
    out.push('</p>');
  }
  out.push('</footer>\n</body>\n</html>\n');
  yield out;
}
