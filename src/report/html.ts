// Pages as publication-grade HTML: one self-contained file each, no scripts, no external requests.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { relativeLink, type Block, type Inline, type Page } from './doc.js';
import { ACTORS, FOLLOW_UP, INDEX } from './pages/overview.js';
import { escapeHtml, markdownToHtml, safeHref } from './safe-markdown.js';
import { longDate } from './pages/words.js';

let css: string | undefined;

function inline(items: readonly Inline[], from: string): string {
  return items
    .map((item) => {
      if (typeof item === 'string') return escapeHtml(item);
      if ('strong' in item) return `<strong>${escapeHtml(item.strong)}</strong>`;
      if ('status' in item) return `<span class="status status-${escapeHtml(item.status)}">${escapeHtml(item.text)}</span>`;
      if ('href' in item) {
        const href = safeHref(item.href);
        return href === undefined ? escapeHtml(item.text) : `<a href="${escapeHtml(href)}">${escapeHtml(item.text)}</a>`;
      }
      const href = item.page === '' ? `#${item.anchor ?? ''}` : relativeLink(from, item.page, '.html', item.anchor);
      return `<a href="${escapeHtml(href)}">${escapeHtml(item.text)}</a>`;
    })
    .join('');
}

function block(b: Block, from: string): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}${b.id ? ` id="${escapeHtml(b.id)}"` : ''}>${escapeHtml(b.text)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inline(b.content, from)}</p>`;
    case 'list':
      return `<ul>${b.items.map((item) => `<li>${item.map((x) => (x.kind === 'paragraph' ? inline(x.content, from) : block(x, from))).join('')}</li>`).join('')}</ul>`;
    case 'facts':
      return `<dl class="facts">${b.items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${inline(v, from)}</dd>`).join('')}</dl>`;
    case 'table':
      return `<table><caption>${escapeHtml(b.caption)}</caption><thead><tr>${b.head.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('')}</tr></thead><tbody>${b.rows
        .map((r) => `<tr>${r.map((c) => `<td>${inline(c, from)}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
    case 'markdown':
      return `<div class="text">${markdownToHtml(b.source, b.baseLevel)}</div>`;
    case 'figure':
      return `<figure><figcaption>${escapeHtml(b.caption)}</figcaption>${b.svg}${block(b.equivalent, from)}</figure>`;
  }
}

const NAV: readonly [string, string][] = [
  [INDEX, 'Alla medborgarlöften'],
  [FOLLOW_UP, 'Uppföljning'],
  [ACTORS, 'Vem lovar vad'],
];

export function renderHtml(page: Page, asOf: string): string {
  css ??= readFileSync(packagePath('templates', 'report.css'), 'utf8');
  const nav = NAV.map(([id, text]) => `<li><a href="${relativeLink(page.id, id, '.html')}"${id === page.id ? ' aria-current="page"' : ''}>${escapeHtml(text)}</a></li>`).join('');
  return `<!doctype html>
<html lang="sv">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
<title>${escapeHtml(page.title)} – Medborgarlöften</title>
<style>
${css}</style>
</head>
<body>
<a class="skip" href="#innehall">Till innehållet</a>
<header><nav aria-label="Medborgarlöften"><ul>${nav}</ul></nav></header>
<main id="innehall">
<h1>${escapeHtml(page.title)}</h1>
${page.lead ? `<p class="lead">${inline(page.lead, page.id)}</p>\n` : ''}${page.blocks.map((b) => block(b, page.id)).join('\n')}
</main>
<footer><p>Läget per ${escapeHtml(longDate(asOf))}. Sidan är skapad med lofte från medborgarlöftenas källfiler.</p></footer>
</body>
</html>
`;
}
