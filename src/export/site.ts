// The open data as the report's site carries it: the data files and how each page links them.

import type { Page } from '../report/doc.js';
import type { ReportModel } from '../report/model.js';
import type { SiteContent } from '../report/write.js';
import { dataFiles } from './index.js';
import { buildOpenData, type OpenDataSources } from './open-data.js';
import { withOpenData } from './pages.js';
import type { OpenDataSettings } from './settings.js';

export interface OpenDataSite {
  /** The data files, each made when it is written. */
  files: [string, () => SiteContent][];
  /** The page with the data linked; `docIndex` is the page's medborgarlöfte in the model, if any. */
  page(page: Page, docIndex?: number): Page;
}

export function openDataSite(model: ReportModel, sources: OpenDataSources, settings: OpenDataSettings): OpenDataSite {
  const data = buildOpenData(model, sources);
  return {
    files: dataFiles(data, settings),
    page: (page, docIndex) => withOpenData(page, settings, docIndex === undefined ? undefined : data.medborgarloften[docIndex], model.asOf),
  };
}
