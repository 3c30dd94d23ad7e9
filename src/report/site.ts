// The whole site as files (path, content): every page in the chosen formats.

import { renderHtml } from './html.js';
import { renderMarkdown } from './md.js';
import type { Page } from './doc.js';
import type { ReportModel } from './model.js';
import { documentPage, documentPageId } from './pages/document.js';
import { STATEMENT } from './pages/footer.js';
import { ACTORS, actorsPage, FOLLOW_UP, followUpPage, INDEX, indexPage } from './pages/overview.js';
import { statementPage } from './pages/statement.js';

export type SiteFormat = 'html' | 'md' | 'both';

/**
 * Every file of the site, in path order, each built and rendered only when it is asked for: a
 * national site is tens of megabytes of text, and neither a page's structure nor its text need
 * stay in memory once it is written. A page wanted in both formats is built once.
 */
export function siteFiles(model: ReportModel, format: SiteFormat): Iterable<readonly [string, string]> {
  const pages: [string, () => Page][] = [
    [INDEX, () => indexPage(model)],
    [FOLLOW_UP, () => followUpPage(model)],
    [ACTORS, () => actorsPage(model)],
    [STATEMENT, () => statementPage(model)],
    ...model.documents.map((d): [string, () => Page] => [documentPageId(d.id), () => documentPage(d, model)]),
  ];
  const formats: ('html' | 'md')[] = format === 'both' ? ['html', 'md'] : [format];
  const files = pages.flatMap(([id, build]) => formats.map((ext) => ({ path: `${id}.${ext}`, ext, build })));
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return {
    *[Symbol.iterator]() {
      // A page's files lie next to each other in path order (`x.html`, `x.md`): the page is
      // built for the first and let go when the next page begins.
      let built: { build: () => Page; page: Page } | undefined;
      for (const { path, ext, build } of files) {
        if (built?.build !== build) built = { build, page: build() };
        yield [path, ext === 'html' ? renderHtml(built.page, model.asOf) : renderMarkdown(built.page)] as const;
      }
    },
  };
}
