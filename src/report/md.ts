// Pages as GitHub-flavoured Markdown for GitHub and a CMS: the same content as the HTML, no HTML.

import { relativeLink, type Block, type Inline, type Page } from './doc.js';
import { escapeMarkdown, markdownDestination, markdownToMarkdown, oneLine, safeHref } from './safe-markdown.js';
import { longDate } from './pages/words.js';

/** Text that must stay on its line: headings, table cells, link texts, bold captions. */
const line = (text: string): string => oneLine(escapeMarkdown(text));

function inline(items: readonly Inline[], from: string): string {
  return items
    .map((item) => {
      if (typeof item === 'string') return escapeMarkdown(item);
      if ('strong' in item) return `**${line(item.strong)}**`;
      if ('status' in item) return `**${line(item.text)}**`;
      if ('href' in item) {
        const href = safeHref(item.href);
        return href === undefined ? escapeMarkdown(item.text) : `[${line(item.text)}](${markdownDestination(href)})`;
      }
      const href = item.page === '' ? `#${item.anchor ?? ''}` : relativeLink(from, item.page, '.md', item.anchor);
      return `[${line(item.text)}](${markdownDestination(href)})`;
    })
    .join('');
}

const cell = (items: readonly Inline[], from: string): string => oneLine(inline(items, from)) || ' ';

function block(b: Block, from: string): string {
  switch (b.kind) {
    case 'heading':
      // GitHub makes anchors from heading text; lofte's HTML ids are for the HTML pages.
      return `${'#'.repeat(b.level)} ${line(b.text)}`;
    case 'paragraph':
      return inline(b.content, from);
    case 'list':
      return b.items.map((item) => `- ${item.map((x) => block(x, from)).join('\n\n').replace(/\n(?=.)/g, '\n  ')}`).join('\n');
    case 'facts':
      return b.items.map(([k, v]) => `- **${line(k)}:** ${inline(v, from)}`).join('\n');
    case 'table':
      return [`**${line(b.caption)}**`, '', `| ${b.head.map(line).join(' | ')} |`, `|${b.head.map(() => '---|').join('')}`, ...b.rows.map((r) => `| ${r.map((c) => cell(c, from)).join(' | ')} |`)].join('\n');
    case 'markdown':
      return markdownToMarkdown(b.source, b.baseLevel).trimEnd();
    case 'figure':
      // No pictures in Markdown output: the table says the same.
      return `${escapeMarkdown(b.caption)}\n\n${block(b.equivalent, from)}`;
  }
}

export function renderMarkdown(page: Page, asOf: string): string {
  const parts = [`# ${line(page.title)}`];
  if (page.lead) parts.push(inline(page.lead, page.id));
  parts.push(...page.blocks.map((b) => block(b, page.id)));
  parts.push(`_Läget per ${escapeMarkdown(longDate(asOf))}. Skapad med lofte._`);
  return `${parts.join('\n\n')}\n`;
}
