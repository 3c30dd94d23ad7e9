// Builds a finding with a given severity, masking personnummer: make.ts and the rules stage both use it.

import { maskPersonnummer } from '../util/personnummer.js';
import type { ArgValue, Args, Diagnostic, DocPath, Range, RelatedLocation, Severity } from './types.js';

/** The documents a finding is about, by id: the entity, and the promise where it is about one. */
export interface About {
  entity?: string | undefined;
  promise?: string | undefined;
}

export function buildDiagnostic(rule: string, severity: Severity, file: string, range: Range, path: DocPath, args: Args, related?: RelatedLocation[], about?: About): Diagnostic {
  const d: Diagnostic = { rule, severity, file, range, path: maskedPath(path), args: maskedArgs(args) };
  if (related && related.length > 0) d.related = related;
  if (about?.entity !== undefined) d.entity = maskPersonnummer(about.entity);
  if (about?.promise !== undefined) d.promise = maskPersonnummer(about.promise);
  return d;
}

/**
 * Every finding is made here, so here its words are masked: a key, an id or a value that is a
 * personnummer (`Okänt fält 811218-0008`) reaches no output (stylish, JSON, SARIF, JUnit, …).
 */
function maskedArgs(args: Args): Args {
  let out: Record<string, ArgValue> | undefined;
  for (const [key, value] of Object.entries(args)) {
    const masked = typeof value === 'string' ? maskPersonnummer(value) : Array.isArray(value) ? maskList(value as readonly string[]) : value;
    if (masked !== value) (out ??= { ...args })[key] = masked;
  }
  return out ?? args;
}

function maskList(list: readonly string[]): readonly string[] {
  const masked = list.map(maskPersonnummer);
  return masked.some((m, i) => m !== list[i]) ? masked : list;
}

function maskedPath(path: DocPath): DocPath {
  const masked = path.map((seg) => (typeof seg === 'string' ? maskPersonnummer(seg) : seg));
  return masked.some((m, i) => m !== path[i]) ? masked : path;
}
