// The whole site as files (path, content): every page in the chosen formats.

import { renderHtml } from './html.js';
import { renderMarkdown } from './md.js';
import type { ReportModel } from './model.js';
import { documentPage } from './pages/document.js';
import { actorsPage, followUpPage, indexPage } from './pages/overview.js';

export type SiteFormat = 'html' | 'md' | 'both';

/**
 * Every file of the site, in path order, each rendered only when it is asked for: a national
 * site is tens of megabytes of text, and a page written away at once need not stay in memory.
 */
export function siteFiles(model: ReportModel, format: SiteFormat): Iterable<readonly [string, string]> {
  const pages = [indexPage(model), followUpPage(model), actorsPage(model), ...model.documents.map((d) => documentPage(d, model.asOf))];
  const files: { path: string; render: () => string }[] = [];
  for (const page of pages) {
    if (format !== 'md') files.push({ path: `${page.id}.html`, render: () => renderHtml(page, model.asOf) });
    if (format !== 'html') files.push({ path: `${page.id}.md`, render: () => renderMarkdown(page, model.asOf) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    *[Symbol.iterator]() {
      for (const f of files) yield [f.path, f.render()] as const;
    },
  };
}
