// The page thread: medborgarlöften's pages rendered and written on a worker thread give the same
// files, the same "unchanged" answers and the same clean stop as when this thread writes them.

import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: the benchmark's corpus generator is plain JavaScript without types
import { generateCorpus } from '../bench/generate.js';
import { PAGE_THREAD_FROM } from '../src/cli/report.js';
import { openDataSettings } from '../src/export/settings.js';
import { openDataSite } from '../src/export/site.js';
import { openDataSources } from '../src/export/open-data.js';
import { referenceData } from '../src/model/reference-data.js';
import { buildReportModel, type ReportModel } from '../src/report/model.js';
import { siteFiles, type SiteFormat } from '../src/report/site.js';
import { PageQueue } from '../src/report/page-thread.js';
import { STAGING_PREFIX } from '../src/report/swap.js';
import { WriteInterrupted, writeSite } from '../src/report/write.js';
import { validateRepository } from '../src/validate.js';
import { runCli } from './helpers.js';
import { siteFiles as readSite } from './publish-repo.js';

const AS_OF = '2026-11-24';
const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-page-thread-'));

async function modelOf(dir: string): Promise<{ model: ReportModel; site: (format: SiteFormat) => ReturnType<typeof siteFiles> }> {
  const result = await validateRepository({ cwd: process.cwd(), paths: [dir], asOf: AS_OF });
  const model = buildReportModel(result.entities, result.graph, AS_OF, referenceData(), { statuses: ['beslutad', 'publicerad', 'avslutad'] });
  const sources = openDataSources(model, result.entities);
  const settings = openDataSettings({}, {});
  return { model, site: (format) => siteFiles(model, format, openDataSite(model, sources, settings)) };
}

async function sameSites(a: string, b: string): Promise<void> {
  const [x, y] = [await readSite(a), await readSite(b)];
  expect([...y.keys()].sort()).toEqual([...x.keys()].sort());
  for (const [rel, text] of x) expect(y.get(rel), rel).toBe(text);
}

describe('pages written on the page thread', () => {
  it('are the same files as this thread writes, in both formats, and the same files are unchanged the next time', async () => {
    const { site } = await modelOf('examples/vastra-blekinge');
    const [here, there] = [tmp(), tmp()];
    const a = await writeSite(here, site('both'));
    const b = await writeSite(there, site('both'), { pageThread: new PageQueue() });
    expect(b).toEqual(a);
    await sameSites(here, there);
    const again = await writeSite(there, site('both'), { pageThread: new PageQueue() });
    expect(again).toMatchObject({ changed: [], unchanged: a.written.length });
  });

  it('of a repository with many medborgarlöften are the same files as this thread writes (the rest of the pages shared by the two threads)', async () => {
    const repo = tmp();
    generateCorpus(repo, { files: 700, errorShare: 0, seed: 3 });
    const { model, site } = await modelOf(repo);
    expect(model.documents.length).toBeGreaterThanOrEqual(PAGE_THREAD_FROM);
    const [here, there] = [tmp(), tmp()];
    const a = await writeSite(here, site('both'));
    const b = await writeSite(there, site('both'), { pageThread: new PageQueue() });
    expect(b).toEqual(a);
    await sameSites(here, there);
    // And through the command, which uses the thread from PAGE_THREAD_FROM medborgarlöften on.
    const viaCli = tmp();
    const r = await runCli(['report', repo, '--out', viaCli, '--as-of', AS_OF, '--format', 'both']);
    expect(r.code).toBe(0);
    await sameSites(here, viaCli);
  }, 60_000);

  it('a page given twice ends as the last copy, as on this thread', async () => {
    const { model, site } = await modelOf('examples/vastra-blekinge');
    const first = model.documents[0];
    if (!first) throw new Error('no document');
    model.documents.push({ ...first, titel: 'Andra kopian' });
    const [here, there] = [tmp(), tmp()];
    await writeSite(here, site('both'));
    await writeSite(there, site('both'), { pageThread: new PageQueue() });
    await sameSites(here, there);
    expect((await readSite(there)).get(`medborgarloften/${first.id}.html`)).toContain('Andra kopian');
  });

  it('stop when the run is interrupted, and leave no staging folder', async () => {
    const { site } = await modelOf('examples/vastra-blekinge');
    const out = tmp();
    const stop = new AbortController();
    let n = 0;
    const files = (function* () {
      for (const f of site('html')) {
        if (++n === 3) stop.abort();
        yield f;
      }
    })();
    await expect(writeSite(out, files, { signal: stop.signal, pageThread: new PageQueue() })).rejects.toBeInstanceOf(WriteInterrupted);
    expect(readdirSync(out).filter((f) => f.startsWith(STAGING_PREFIX))).toEqual([]);
    expect(existsSync(path.join(out, 'index.html'))).toBe(false);
  });
});
