// Pages as publication-grade HTML: one self-contained file each, no scripts, no external requests.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { relativeLink, type Block, type Inline, type Page } from './doc.js';
import { ACTORS, FOLLOW_UP, INDEX } from './pages/overview.js';
import { escapeHtml, markdownToHtml, safeHref } from './safe-markdown.js';
import { longDate } from './pages/words.js';

let css: string | undefined;

/**
 * The page is written into one list of pieces and joined once: joining at every level (cell, row,
 * table, page) copied a national report's 46 MB of text four times over.
 */
type Out = string[];

function inline(items: readonly Inline[], from: string, out: Out): void {
  for (const item of items) {
    if (typeof item === 'string') out.push(escapeHtml(item));
    else if ('strong' in item) out.push('<strong>', escapeHtml(item.strong), '</strong>');
    else if ('status' in item) out.push('<span class="status status-', escapeHtml(item.status), '">', escapeHtml(item.text), '</span>');
    else if ('href' in item) {
      const href = safeHref(item.href);
      if (href === undefined) out.push(escapeHtml(item.text));
      else out.push('<a href="', escapeHtml(href), '">', escapeHtml(item.text), '</a>');
    } else {
      const href = item.page === '' ? `#${item.anchor ?? ''}` : relativeLink(from, item.page, '.html', item.anchor);
      out.push('<a href="', escapeHtml(href), '">', escapeHtml(item.text), '</a>');
    }
  }
}

function block(b: Block, from: string, out: Out): void {
  switch (b.kind) {
    case 'heading':
      out.push(`<h${b.level}`, b.id ? ` id="${escapeHtml(b.id)}">` : '>', escapeHtml(b.text), `</h${b.level}>`);
      return;
    case 'paragraph':
      out.push('<p>');
      inline(b.content, from, out);
      out.push('</p>');
      return;
    case 'list':
      out.push('<ul>');
      for (const item of b.items) {
        out.push('<li>');
        for (const x of item) {
          if (x.kind === 'paragraph') inline(x.content, from, out);
          else block(x, from, out);
        }
        out.push('</li>');
      }
      out.push('</ul>');
      return;
    case 'facts':
      out.push('<dl class="facts">');
      for (const [k, v] of b.items) {
        out.push('<dt>', escapeHtml(k), '</dt><dd>');
        inline(v, from, out);
        out.push('</dd>');
      }
      out.push('</dl>');
      return;
    case 'table':
      out.push('<table><caption>', escapeHtml(b.caption), '</caption><thead><tr>');
      for (const c of b.head) out.push('<th scope="col">', escapeHtml(c), '</th>');
      out.push('</tr></thead><tbody>');
      for (const r of b.rows) {
        out.push('<tr>');
        for (const c of r) {
          out.push('<td>');
          inline(c, from, out);
          out.push('</td>');
        }
        out.push('</tr>');
      }
      out.push('</tbody></table>');
      return;
    case 'markdown':
      out.push('<div class="text">', markdownToHtml(b.source, b.baseLevel), '</div>');
      return;
    case 'figure':
      out.push('<figure><figcaption>', escapeHtml(b.caption), '</figcaption>', b.svg);
      block(b.equivalent, from, out);
      out.push('</figure>');
      return;
  }
}

const NAV: readonly [string, string][] = [
  [INDEX, 'Alla medborgarlöften'],
  [FOLLOW_UP, 'Uppföljning'],
  [ACTORS, 'Vem lovar vad'],
];

export function renderHtml(page: Page, asOf: string): string {
  css ??= readFileSync(packagePath('templates', 'report.css'), 'utf8');
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
`, css, `</style>
</head>
<body>
<a class="skip" href="#innehall">Till innehållet</a>
<header><nav aria-label="Medborgarlöften"><ul>`);
  for (const [id, text] of NAV) out.push(`<li><a href="${relativeLink(page.id, id, '.html')}"${id === page.id ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`);
  out.push(`</ul></nav></header>
<main id="innehall">
<h1>${escapeHtml(page.title)}</h1>
`);
  if (page.lead) {
    out.push('<p class="lead">');
    inline(page.lead, page.id, out);
    out.push('</p>\n');
  }
  page.blocks.forEach((b, i) => {
    if (i > 0) out.push('\n');
    block(b, page.id, out);
  });
  out.push(`
</main>
<footer><p>Läget per ${escapeHtml(longDate(asOf))}. Sidan är skapad med lofte från medborgarlöftenas källfiler.</p>`);
  if (page.openData) {
    out.push('\n<p>');
    inline(page.openData.notice, page.id, out);
    out.push('</p>');
  }
  out.push(`</footer>
</body>
</html>
`);
  return out.join('');
}
