// `--format name` or `--format name=file`, repeatable: several outputs from one run.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { FORMATTERS } from '../format/index.js';
import { UsageError } from '../load/discover.js';
import { makeFolder } from '../report/out-guard.js';
import { asOutputError, errnoCode, OutputError } from '../util/output-error.js';
import { cryptoLib } from '../util/lazy.js';

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
    if (!(format in FORMATTERS)) throw new UsageError('unknown-format', { format, formats: Object.keys(FORMATTERS).join(', ') });
    if (file === '') throw new UsageError('format-without-file', { value: v });
    return { format, file };
  });
  if (specs.filter((s) => s.file === undefined).length > 1) {
    throw new UsageError('one-stdout', {});
  }
  return specs;
}

/**
 * Written whole: a temp file beside the target, then one rename; the temp file never stays, and
 * the user's mistakes (a folder as the file, a read-only place, a full disk) are refusals that
 * say so, with nothing left behind. A device or pipe (`/dev/stdout`) is written to as it is.
 */
export async function writeOutput(cwd: string, file: string, content: string): Promise<void> {
  const target = path.resolve(cwd, file);
  const existing = await fs.stat(target).catch((err: unknown) => {
    if (errnoCode(err) === 'ENOENT') return undefined;
    throw asOutputError(err, target, 'write');
  });
  if (existing?.isDirectory()) throw new OutputError('out-is-dir', { path: target });
  if (existing && !existing.isFile()) {
    await fs.writeFile(target, content, 'utf8').catch((err: unknown) => {
      throw asOutputError(err, target, 'write');
    });
    return;
  }
  const created = makeFolder(path.dirname(target));
  // A link is replaced by nothing: the file it points to is written, whole, beside itself.
  const real = existing ? await fs.realpath(target) : target;
  const tmp = `${real}.${process.pid}.${cryptoLib().randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(tmp, content, { encoding: 'utf8', flag: 'wx' });
    await fs.rename(tmp, real);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    for (const dir of [...created].reverse()) await fs.rmdir(dir).catch(() => undefined);
    throw asOutputError(err, target, 'write');
  }
}
