// Checks many files on several threads. Files go out in batches, to whichever worker is free, and
// each result lands at its file's place in the list: the output does not depend on the threads.

import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../load/discover.js';
import type { Progress } from '../load/index.js';
import { packagePath } from '../paths.js';
import { fromWire, type FileCheckOptions, type FileResult, type WireFileResult } from './file.js';
import type { BatchRequest } from './worker.js';

/** Below this many files a worker's start-up (about 40 ms) costs more than it saves. */
export const PARALLEL_FROM = 400;
/** Files per batch: small enough to share the work evenly, large enough that messages are few. */
const BATCH = 250;

/**
 * How many threads to check `fileCount` files on: $LOFTE_THREADS if set (1 = none), otherwise one
 * per core for large repositories and none for small ones.
 */
export function threadCount(fileCount: number, env: Readonly<Record<string, string | undefined>>): number {
  const asked = Number(env['LOFTE_THREADS']);
  if (Number.isInteger(asked) && asked >= 1) return Math.min(asked, 16);
  return fileCount >= PARALLEL_FROM ? Math.min(availableParallelism(), 8) : 1;
}

export async function checkInWorkers(files: readonly DiscoveredFile[], options: FileCheckOptions, threads: number, onProgress?: Progress): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  const batches = Math.ceil(files.length / BATCH);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  const script = packagePath('dist', 'check', 'worker.js');
  const runWorker = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = new Worker(script, { workerData: options });
      workers.push(worker);
      let finished = false;
      let inFlight = 0;
      const send = (): void => {
        if (next >= batches) {
          if (inFlight > 0) return;
          finished = true;
          void worker.terminate().then(() => resolve(), reject);
          return;
        }
        const batch = next++;
        const request: BatchRequest = { batch, files: files.slice(batch * BATCH, (batch + 1) * BATCH) };
        inFlight++;
        worker.postMessage(request);
      };
      worker.on('message', (reply: { batch: number; results: WireFileResult[] }) => {
        inFlight--;
        send();
        reply.results.forEach((wire, k) => (results[reply.batch * BATCH + k] = fromWire(wire, options.limits)));
        done += reply.results.length;
        onProgress?.(done, files.length);
      });
      worker.on('error', reject);
      worker.on('exit', (code) => {
        if (!finished) reject(new Error(`a worker thread stopped early (exit code ${code})`));
      });
      // Two batches queued, so a worker never waits while this thread takes in a reply.
      send();
      send();
    });
  try {
    await Promise.all(Array.from({ length: Math.min(threads, batches) }, runWorker));
  } catch (err) {
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return results;
}
