// Pages as GitHub-flavoured Markdown for GitHub and a CMS: the same content as the HTML, no HTML.

import { relativeLink, type Block, type Inline, type Page } from './doc.js';
import { escapeMarkdown, markdownToMarkdown, safeHref } from './safe-markdown.js';
import { longDate } from './pages/words.js';

const url = (href: string): string => `<${href.replace(/[<>\s]/g, encodeURIComponent)}>`;

function inline(items: readonly Inline[], from: string): string {
  return items
    .map((item) => {
      if (typeof item === 'string') return escapeMarkdown(item);
      if ('strong' in item) return `**${escapeMarkdown(item.strong)}**`;
      if ('status' in item) return `**${escapeMarkdown(item.text)}**`;
      if ('href' in item) {
        const href = safeHref(item.href);
        return href === undefined ? escapeMarkdown(item.text) : `[${escapeMarkdown(item.text)}](${url(href)})`;
      }
      const href = item.page === '' ? `#${item.anchor ?? ''}` : relativeLink(from, item.page, '.md', item.anchor);
      return `[${escapeMarkdown(item.text)}](${url(href)})`;
    })
    .join('');
}

const cell = (items: readonly Inline[], from: string): string => inline(items, from).replace(/\n/g, ' ') || ' ';

function block(b: Block, from: string): string {
  switch (b.kind) {
    case 'heading':
      // GitHub makes anchors from heading text; lofte's HTML ids are for the HTML pages.
      return `${'#'.repeat(b.level)} ${escapeMarkdown(b.text)}`;
    case 'paragraph':
      return inline(b.content, from);
    case 'list':
      return b.items.map((item) => `- ${item.map((x) => block(x, from)).join('\n\n').replace(/\n(?=.)/g, '\n  ')}`).join('\n');
    case 'facts':
      return b.items.map(([k, v]) => `- **${escapeMarkdown(k)}:** ${inline(v, from)}`).join('\n');
    case 'table':
      return [`**${escapeMarkdown(b.caption)}**`, '', `| ${b.head.map(escapeMarkdown).join(' | ')} |`, `|${b.head.map(() => '---|').join('')}`, ...b.rows.map((r) => `| ${r.map((c) => cell(c, from)).join(' | ')} |`)].join('\n');
    case 'markdown':
      return markdownToMarkdown(b.source, b.baseLevel).trimEnd();
    case 'figure':
      // No pictures in Markdown output: the table says the same.
      return `${escapeMarkdown(b.caption)}\n\n${block(b.equivalent, from)}`;
  }
}

export function renderMarkdown(page: Page, asOf: string): string {
  const parts = [`# ${escapeMarkdown(page.title)}`];
  if (page.lead) parts.push(inline(page.lead, page.id));
  parts.push(...page.blocks.map((b) => block(b, page.id)));
  parts.push(`_Läget per ${escapeMarkdown(longDate(asOf))}. Skapad med lofte._`);
  if (page.openData) parts.push(inline(page.openData.notice, page.id));
  return `${parts.join('\n\n')}\n`;
}
