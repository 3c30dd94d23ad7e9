// A worker thread of the file check: it is sent batches of files and sends back their results.

import { parentPort, workerData } from 'node:worker_threads';
import type { DiscoveredFile } from '../load/discover.js';
import { loadSchemas } from '../schema/validators.js';
import { checkFileForWire, type FileCheckOptions } from './file.js';

export interface BatchRequest {
  batch: number;
  files: DiscoveredFile[];
}

const port = parentPort;
if (port) {
  const options = workerData as FileCheckOptions;
  const schemas = await loadSchemas();
  port.on('message', (request: BatchRequest) => {
    port.postMessage({ batch: request.batch, results: request.files.map((f) => checkFileForWire(f, schemas, options)) });
  });
}
