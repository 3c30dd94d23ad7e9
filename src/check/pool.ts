// Checks many files on several threads: this one and `threads - 1` workers. Files go out in
// batches to whichever thread is free, and each result lands at its file's place in the list: the
// output does not depend on the threads.

import { Worker } from 'node:worker_threads';
import type { DiscoveredFile } from '../load/discover.js';
import type { Progress } from '../load/index.js';
import { packagePath } from '../paths.js';
import { loadSchemas } from '../schema/validators.js';
import { checkFile, fromWire, type FileCheckOptions, type FileResult, type WireFileResult } from './file.js';
import type { BatchRequest } from './worker.js';

/** Files per batch: small enough to share the work evenly, large enough that messages are few. */
const BATCH = 250;

export async function checkInWorkers(files: readonly DiscoveredFile[], options: FileCheckOptions, threads: number, onProgress?: Progress): Promise<FileResult[]> {
  const results = new Array<FileResult>(files.length);
  // Smaller batches for fewer files, so that every thread gets some.
  const size = Math.max(1, Math.min(BATCH, Math.ceil(files.length / threads)));
  const batches = Math.ceil(files.length / size);
  const workers: Worker[] = [];
  let next = 0;
  let done = 0;
  let failed = false;
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
        const request: BatchRequest = { batch, files: files.slice(batch * size, (batch + 1) * size) };
        inFlight++;
        worker.postMessage(request);
      };
      worker.on('message', (reply: { batch: number; results: WireFileResult[] }) => {
        inFlight--;
        send();
        reply.results.forEach((wire, k) => (results[reply.batch * size + k] = fromWire(wire, files[reply.batch * size + k] as DiscoveredFile, options.limits, undefined, options.parser)));
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
  // This thread takes batches too: it is warm already, where a worker first compiles its code.
  const here = async (): Promise<void> => {
    const schemas = await loadSchemas();
    while (next < batches && !failed) {
      const batch = next++;
      const end = Math.min(files.length, (batch + 1) * size);
      for (let i = batch * size; i < end; i++) results[i] = checkFile(files[i] as DiscoveredFile, schemas, options);
      done += end - batch * size;
      onProgress?.(done, files.length);
      await new Promise((resolve) => setImmediate(resolve)); // take in the workers' replies
    }
  };
  try {
    await Promise.all([here(), ...Array.from({ length: Math.min(threads - 1, batches - 1) }, runWorker)]);
  } catch (err) {
    failed = true;
    await Promise.all(workers.map((w) => w.terminate()));
    throw err;
  }
  return results;
}
