// Where the package's own files (schemas, data, docs) are, from both src/ (tests) and dist/ (built).

import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function packagePath(...segments: string[]): string {
  return path.join(PACKAGE_ROOT, ...segments);
}
