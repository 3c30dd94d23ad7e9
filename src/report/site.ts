// The whole site as files (path → content): every page in the chosen formats.

import { renderHtml } from './html.js';
import { renderMarkdown } from './md.js';
import type { ReportModel } from './model.js';
import { documentPage } from './pages/document.js';
import { actorsPage, followUpPage, indexPage } from './pages/overview.js';

export type SiteFormat = 'html' | 'md' | 'both';

export function buildSite(model: ReportModel, format: SiteFormat): Map<string, string> {
  const pages = [indexPage(model), followUpPage(model), actorsPage(model), ...model.documents.map((d) => documentPage(d, model.asOf))];
  const files = new Map<string, string>();
  for (const page of pages) {
    if (format !== 'md') files.set(`${page.id}.html`, renderHtml(page, model.asOf));
    if (format !== 'html') files.set(`${page.id}.md`, renderMarkdown(page, model.asOf));
  }
  return new Map([...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
