// What `lofte report` and `lofte export` need from the open data, loaded only when they run.

import type { ReportModel } from '../report/model.js';
import type { SiteContent } from '../report/write.js';
import { dataFiles } from './index.js';
import { buildOpenData, type OpenDataSources } from './open-data.js';
import type { OpenDataSettings } from './settings.js';

export { missingForHarvest } from './dcat.js';
export { openDataSettings } from './settings.js';
export { openDataSite } from './site.js';
export { openDataSources } from './open-data.js';

/**
 * The data folder's files alone, for `lofte export`: paths relative to the folder. The data is
 * built now, from the model and what was taken from the entities; each file is made as it is.
 */
export function exportFiles(model: ReportModel, sources: OpenDataSources, settings: OpenDataSettings): Iterable<readonly [string, SiteContent]> {
  const files = dataFiles(buildOpenData(model, sources), settings, false);
  return (function* () {
    for (const [rel, make] of files) yield [rel, make()] as const;
  })();
}
