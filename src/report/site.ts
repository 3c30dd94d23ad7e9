// The whole site as files (path, content): every page in the chosen formats, and the open data.

import { renderHtmlPieces } from './html.js';
import { renderMarkdown } from './md.js';
import type { Page } from './doc.js';
import type { DocumentView, ReportModel } from './model.js';
import { documentPage, documentPageId } from './pages/document.js';
import { STATEMENT } from './pages/footer.js';
import { ACTORS, actorsPage, FOLLOW_UP, followUpPage, INDEX, indexPage } from './pages/overview.js';
import { statementPage } from './pages/statement.js';
import type { OpenDataSite } from '../export/site.js';
import { DeferredPage, type SiteContent, type SiteEntry } from './write.js';

export type SiteFormat = 'html' | 'md' | 'both';

/**
 * Every file of the site, in path order, each built and rendered only when it is asked for: a
 * national site is tens of megabytes of text, and neither a page's structure nor its text need
 * stay in memory once it is written. A page wanted in both formats is built once. With open data,
 * the pages link it and its files (`data/…`) come along.
 */
export function siteFiles(model: ReportModel, format: SiteFormat, openData?: OpenDataSite): Iterable<SiteEntry> {
  const dress = (page: Page, docIndex?: number): Page => (openData ? openData.page(page, docIndex) : page);
  const formats: ('html' | 'md')[] = format === 'both' ? ['html', 'md'] : [format];
  /** A medborgarlöfte's page, built when its first file is written and let go after its last. */
  const documentBuild = (d: DocumentView, i: number): (() => Page) => {
    let page: Page | undefined;
    let uses = 0;
    return () => {
      const built = page ?? dress(documentPage(d, model), i);
      page = ++uses < formats.length ? built : undefined;
      return built;
    };
  };
  const pages: [string, () => Page, boolean][] = [
    [INDEX, () => dress(indexPage(model)), false],
    [FOLLOW_UP, () => dress(followUpPage(model)), false],
    [ACTORS, () => dress(actorsPage(model)), false],
    [STATEMENT, () => dress(statementPage(model)), false],
    ...model.documents.map((d, i): [string, () => Page, boolean] => [documentPageId(d.id), documentBuild(d, i), true]),
  ];
  type SiteFile = { path: string; ext: 'html' | 'md'; build: () => Page; deferred: boolean } | { path: string; ext: 'data'; make: () => SiteContent };
  const files: SiteFile[] = pages.flatMap(([id, build, deferred]) => formats.map((ext) => ({ path: `${id}.${ext}`, ext, build, deferred })));
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
        // A medborgarlöfte's page is plain data: the writer may render it on a page thread.
        if (f.deferred) {
          yield [f.path, new DeferredPage(f.build, f.ext, model.asOf, f.ext === 'html' ? (page) => renderHtmlPieces(page, model.asOf) : renderMarkdown)] as const;
          continue;
        }
        if (built?.build !== f.build) built = { build: f.build, page: f.build() };
        yield [f.path, f.ext === 'html' ? renderHtmlPieces(built.page, model.asOf) : renderMarkdown(built.page)] as const;
      }
    },
  };
}
