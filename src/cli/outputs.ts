// `--format name` or `--format name=file`, repeatable: several outputs from one run.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FORMATTERS } from '../format/index.js';
import { UsageError } from '../load/discover.js';

export interface OutputSpec {
  format: string;
  /** Where to write; undefined for standard output. */
  file?: string;
}

export const collectFormat = (value: string, previous: string[] = []): string[] => [...previous, value];

export function parseOutputs(values: readonly string[] | undefined, fallback: string): OutputSpec[] {
  const specs = (values && values.length > 0 ? values : [fallback]).map((v) => {
    const eq = v.indexOf('=');
    const format = eq < 0 ? v : v.slice(0, eq);
    const file = eq < 0 ? undefined : v.slice(eq + 1);
    if (!(format in FORMATTERS)) throw new UsageError('bad-option', { message: `okänt format "${format}". Tillåtna: ${Object.keys(FORMATTERS).join(', ')}.` });
    if (file === '') throw new UsageError('bad-option', { message: `"${v}" saknar filnamn efter =.` });
    return { format, file };
  });
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw new UsageError('bad-option', { message: 'bara ett format kan skrivas till standard ut; ge de andra ett filnamn, t.ex. --format sarif=lofte.sarif.' });
  }
  return specs;
}

/** Written whole: a temp file beside the target, then one rename. */
export async function writeOutput(cwd: string, file: string, content: string): Promise<void> {
  const target = path.resolve(cwd, file);
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = `${target}.${process.pid}.tmp`;
  await fs.writeFile(tmp, content, 'utf8');
  await fs.rename(tmp, target);
}
