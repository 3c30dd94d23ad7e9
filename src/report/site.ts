// The whole site as files (path, content): every page in the chosen formats, and the open data.

import { renderHtmlPieces } from './html.js';
import { renderMarkdown } from './md.js';
import type { Page } from './doc.js';
import type { ReportModel } from './model.js';
import { documentPage, documentPageId } from './pages/document.js';
import { STATEMENT } from './pages/footer.js';
import { ACTORS, actorsPage, FOLLOW_UP, followUpPage, INDEX, indexPage } from './pages/overview.js';
import { statementPage } from './pages/statement.js';
import type { OpenDataSite } from '../export/site.js';
import type { SiteContent } from './write.js';

export type SiteFormat = 'html' | 'md' | 'both';

/**
 * Every file of the site, in path order, each built and rendered only when it is asked for: a
 * national site is tens of megabytes of text, and neither a page's structure nor its text need
 * stay in memory once it is written. A page wanted in both formats is built once. With open data,
 * the pages link it and its files (`data/…`) come along.
 */
export function siteFiles(model: ReportModel, format: SiteFormat, openData?: OpenDataSite): Iterable<readonly [string, SiteContent]> {
  const dress = (page: Page, docIndex?: number): Page => (openData ? openData.page(page, docIndex) : page);
  const pages: [string, () => Page][] = [
    [INDEX, () => dress(indexPage(model))],
    [FOLLOW_UP, () => dress(followUpPage(model))],
    [ACTORS, () => dress(actorsPage(model))],
    [STATEMENT, () => dress(statementPage(model))],
    ...model.documents.map((d, i): [string, () => Page] => [documentPageId(d.id), () => dress(documentPage(d, model), i)]),
  ];
  const formats: ('html' | 'md')[] = format === 'both' ? ['html', 'md'] : [format];
  type SiteFile = { path: string; ext: 'html' | 'md'; build: () => Page } | { path: string; ext: 'data'; make: () => SiteContent };
  const files: SiteFile[] = pages.flatMap(([id, build]) => formats.map((ext) => ({ path: `${id}.${ext}`, ext, build })));
  for (const [path, make] of openData?.files ?? []) files.push({ path, ext: 'data', make });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    *[Symbol.iterator]() {
      // A page's files lie next to each other in path order (`x.html`, `x.md`): the page is
      // built for the first and let go when the next page begins.
      let built: { build: () => Page; page: Page } | undefined;
      for (const f of files) {
        if (f.ext === 'data') {
          yield [f.path, f.make()] as const;
          continue;
        }
        if (built?.build !== f.build) built = { build: f.build, page: f.build() };
        yield [f.path, f.ext === 'html' ? renderHtmlPieces(built.page, model.asOf) : renderMarkdown(built.page)] as const;
      }
    },
  };
}
