// The whole site as files (path, content): every page in the chosen formats, and the open data.

import type { Page } from './doc.js';
import type { ReportModel } from './model.js';
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
  /**
   * A page, built when its first file is written and let go after its last: a page wanted in
   * both formats is built once. The files of a page lie next to each other in path order.
   */
  const once = (build: () => Page): (() => Page) => {
    let page: Page | undefined;
    let uses = 0;
    return () => {
      const built = page ?? build();
      page = ++uses < formats.length ? built : undefined;
      return built;
    };
  };
  // A medborgarlöfte's page is plain data, which a page thread may render; the overview pages'
  // tables are made as they are read, here.
  const pages: [string, () => Page, boolean][] = [
    [INDEX, () => dress(indexPage(model)), false],
    [FOLLOW_UP, () => dress(followUpPage(model)), false],
    [ACTORS, () => dress(actorsPage(model)), false],
    [STATEMENT, () => dress(statementPage(model)), false],
    ...model.documents.map((d, i): [string, () => Page, boolean] => [documentPageId(d.id), () => dress(documentPage(d, model), i), true]),
  ];
  type SiteFile = { path: string; ext: 'html' | 'md'; build: () => Page; plain: boolean } | { path: string; ext: 'data'; make: () => SiteContent };
  const files: SiteFile[] = pages.flatMap(([id, build, plain]) => {
    const page = once(build);
    return formats.map((ext) => ({ path: `${id}.${ext}`, ext, build: page, plain }));
  });
  for (const [path, make] of openData?.files ?? []) files.push({ path, ext: 'data', make });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    *[Symbol.iterator]() {
      for (const f of files) {
        if (f.ext === 'data') yield [f.path, f.make()] as const;
        else yield [f.path, new DeferredPage(f.build, f.ext, model.asOf, f.plain)] as const;
      }
    },
  };
}
