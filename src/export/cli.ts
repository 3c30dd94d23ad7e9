// What `lofte report` and `lofte export` need from the open data, loaded only when they run.

import type { ReportModel } from '../report/model.js';
import type { Entity } from '../schema/index.js';
import type { SiteContent } from '../report/write.js';
import { dataFiles } from './index.js';
import { buildOpenData } from './open-data.js';
import type { OpenDataSettings } from './settings.js';

export { missingForHarvest } from './dcat.js';
export { openDataSettings } from './settings.js';
export { openDataSite } from './site.js';

/**
 * The data folder's files alone, for `lofte export`: paths relative to the folder. The data is
 * built now, so the entities can go before the files are written; each file is made as it is.
 */
export function exportFiles(model: ReportModel, entities: readonly Entity[], settings: OpenDataSettings): Iterable<readonly [string, SiteContent]> {
  const files = dataFiles(buildOpenData(model, entities), settings, false);
  return (function* () {
    for (const [rel, make] of files) yield [rel, make()] as const;
  })();
}
