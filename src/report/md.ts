// Pages as GitHub-flavoured Markdown for GitHub and a CMS: the same content as the HTML, no HTML.
// In-page links point at the anchors GitHub makes from heading text (see slug.ts).

import { relativeLink, type Block, type Inline, type Page } from './doc.js';
import { escapeMarkdown, markdownDestination, markdownToMarkdown, oneLine, safeHref } from './safe-markdown.js';
import { headingText, markdownHeadings, Slugger } from './slug.js';

/** Text that must stay on its line: headings, table cells, link texts, bold captions. */
const line = (text: string): string => oneLine(escapeMarkdown(text));

/** Marks a heading that carries an HTML id, and a link to such an id, until the slugs are known. */
const MARK = '\uE000';
const LINK = '\uE001';

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
      // A link within the page waits for the heading's slug; one to another page takes the slug its builder knows.
      if (item.page === '') return `${LINK}${item.anchor ?? ''}${LINK}${line(item.text)}${LINK}`;
      return `[${line(item.text)}](${markdownDestination(relativeLink(from, item.page, '.md', item.mdAnchor))})`;
    })
    .join('');
}

const cell = (items: readonly Inline[], from: string): string => oneLine(inline(items, from)) || ' ';

function block(b: Block, from: string): string {
  switch (b.kind) {
    case 'heading':
      return `${'#'.repeat(b.level)} ${line(b.text)}${b.id ? `${MARK}${b.id}${MARK}` : ''}`;
    case 'paragraph':
      return inline(b.content, from);
    case 'list':
      return b.items.map((item, i) => `${b.ordered ? `${i + 1}.` : '-'} ${item.map((x) => block(x, from)).join('\n\n').replace(/\n(?=.)/g, b.ordered ? '\n   ' : '\n  ')}`).join('\n');
    case 'facts':
      return b.items.map(([k, v]) => `- **${line(k)}:** ${inline(v, from)}`).join('\n');
    case 'table':
      return [`**${line(b.caption)}**`, '', `| ${b.head.map(line).join(' | ')} |`, `|${b.head.map(() => '---|').join('')}`, ...Array.from(b.rows, (r) => `| ${r.map((c) => cell(c, from)).join(' | ')} |`)].join('\n');
    case 'markdown':
      return markdownToMarkdown(b.source, b.baseLevel).trimEnd();
    case 'figure':
    case 'bars':
      // No pictures in Markdown: the table says the same, under its own caption.
      return block(b.equivalent, from);
  }
}

/**
 * GitHub's slugs for a page's headings (their text as GitHub shows it, in page order), counting
 * every heading; returned for those that carry an HTML id, the first heading with an id keeping it.
 */
function slugsById(headings: readonly (readonly [text: string, id: string | undefined])[]): Map<string, string> {
  const slugs = new Map<string, string>();
  const slugger = new Slugger();
  for (const [text, id] of headings) {
    const slug = slugger.slug(text);
    if (id !== undefined && !slugs.has(id)) slugs.set(id, slug);
  }
  return slugs;
}

/** Gives each marked heading GitHub's slug (counting every heading of the page) and points the in-page links at them. */
function resolveAnchors(text: string): string {
  const marked = new RegExp(`${MARK}([^${MARK}]*)${MARK}$`);
  const lines = text.split('\n');
  const texts = markdownHeadings(text.replace(new RegExp(`${MARK}[^${MARK}]*${MARK}`, 'g'), ''));
  const headings: [string, string | undefined][] = [];
  let fence: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const f = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (f?.[1]) fence = fence === undefined ? f[1][0] : f[1][0] === fence ? undefined : fence;
    if (fence !== undefined || f || !/^ {0,3}#{1,6}[ \t]/.test(line)) continue;
    const m = marked.exec(line);
    headings.push([texts[headings.length] ?? '', m?.[1]]);
    if (m) lines[i] = line.slice(0, m.index);
  }
  const slugs = slugsById(headings);
  return lines.join('\n').replace(new RegExp(`${LINK}([^${LINK}]*)${LINK}([^${LINK}]*)${LINK}`, 'g'), (_, anchor: string, label: string) => {
    const slug = slugs.get(anchor);
    return slug === undefined ? label : `[${label}](#${slug})`;
  });
}

export function renderMarkdown(page: Page): string {
  const parts = [`# ${line(page.title)}`];
  if (page.verdict) parts.push(`**${line(page.verdict)}**`);
  if (page.lead) parts.push(inline(page.lead, page.id));
  parts.push(...page.blocks.map((b) => block(b, page.id)));
  parts.push('---', ...page.footer.map((line) => inline(line, page.id)));
  if (page.openData) parts.push(inline(page.openData.notice, page.id));
  return `${resolveAnchors(parts.join('\n\n'))}\n`;
}

/**
 * The slugs GitHub gives the headings that carry an HTML id on the Markdown page titled `title`
 * whose blocks begin with `blocks` (a slug depends only on the headings before it): for links
 * from other pages.
 */
export function markdownAnchors(title: string, blocks: readonly Block[]): Map<string, string> {
  const headings: [string, string | undefined][] = [[headingText(line(title)), undefined]];
  for (const b of blocks) {
    if (b.kind === 'heading') headings.push([headingText(line(b.text)), b.id]);
    else if (b.kind === 'markdown') for (const t of markdownHeadings(markdownToMarkdown(b.source, b.baseLevel))) headings.push([t, undefined]);
  }
  return slugsById(headings);
}
