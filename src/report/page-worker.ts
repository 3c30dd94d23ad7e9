// A worker thread that renders medborgarlöften's pages and writes them into the site's staging
// folder, while the main thread builds the next pages and writes the rest of the site (see
// page-thread.ts). It is given a page already built, so everything a page says is decided on the
// main thread; here it only becomes HTML or Markdown and bytes on disk.

import { parentPort, workerData } from 'node:worker_threads';
import type { Page } from './doc.js';
import { renderPage, writeContent } from './write.js';

export interface PageJob {
  id: number;
  page: Page;
  ext: 'html' | 'md';
  asOf: string;
  /** The file to make, in the staging folder. */
  target: string;
  /** The file the last run wrote at the same place, to compare with. */
  old?: string;
}

export type PageReply = { id: number; changed: boolean } | { id: number; error: { message: string; code?: unknown; stack?: string } };

const port = parentPort;
if (port) {
  // Pages done, counted where the main thread reads them without waiting for a message.
  const { finished } = workerData as { finished: Int32Array };
  port.on('message', (job: PageJob) => {
    let reply: PageReply;
    try {
      reply = { id: job.id, changed: writeContent(job.target, renderPage(job.page, job.ext, job.asOf), job.old) };
    } catch (err) {
      const { message, code, stack } = err instanceof Error ? (err as Error & { code?: unknown }) : { message: String(err), code: undefined, stack: undefined };
      reply = { id: job.id, error: { message, code, stack } };
    }
    Atomics.add(finished, 0, 1);
    port.postMessage(reply);
  });
}
