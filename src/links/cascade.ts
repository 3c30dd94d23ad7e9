// One mistake, one finding: a file that cannot be read or parsed does not also make every reference
// to the ids it defines "missing". Ids are recovered from the broken file's `id:` lines where its
// text can be read; otherwise the reference's finding says which unreadable file may define it.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../diagnostics/types.js';

/** Findings that mean a file's documents were not (all) read. */
const BROKEN = new Set(['yaml-syntax', 'file-unreadable', 'file-too-large', 'limit-exceeded']);
/** Findings whose text is not worth reading again for ids (binary, too large). */
const NO_TEXT = new Set(['file-unreadable', 'file-too-large']);

/** `id: x` lines at any depth (also `- id: x`): the ids a YAML or Markdown text probably defines. */
export function idLines(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/^[ \t]*(?:-[ \t]+)?id[ \t]*:[ \t]*["']?([A-Za-z0-9_.-]+)["']?[ \t]*(?:#.*)?$/gm)) out.push(m[1] as string);
  return out;
}

export interface BrokenFile {
  file: string;
  /** Its text as far as it could be read, or undefined. */
  text: string | undefined;
}

/**
 * The files whose own findings say they were not read whole, with their text where it can be had.
 * `read`: a file's bytes (`lofte lsp` gives the editor's unsaved text of an open file).
 */
export function brokenFiles(own: readonly Diagnostic[], cwd: string, maxBytes: number, read: (absPath: string) => Buffer = (p) => readFileSync(p)): BrokenFile[] {
  const rules = new Map<string, Set<string>>();
  for (const d of own) {
    if (!BROKEN.has(d.rule) || d.severity !== 'error') continue;
    let set = rules.get(d.file);
    if (!set) rules.set(d.file, (set = new Set()));
    // UTF-16 text is text all the same: its ids can be read.
    set.add(d.rule === 'file-unreadable' && d.args['reason'] === 'utf16' ? 'utf16' : d.rule);
  }
  return [...rules].map(([file, set]) => {
    if ([...set].some((r) => NO_TEXT.has(r))) return { file, text: undefined };
    try {
      const buf = read(path.resolve(cwd, file));
      if (buf.length > maxBytes) return { file, text: undefined };
      if (set.has('utf16')) return { file, text: (buf[0] === 0xfe || buf[0] === 0 ? Buffer.from(buf.subarray(0, buf.length & ~1)).swap16() : buf).toString('utf16le') };
      return { file, text: buf.toString('latin1') };
    } catch {
      return { file, text: undefined };
    }
  });
}

/** The ids recovered from broken files, once per list (the repository stage asks for every file with the same list). */
const brokenIds = new WeakMap<readonly BrokenFile[], { recovered: Set<string>; unreadable: string[] }>();

export function withoutCascades(diagnostics: readonly Diagnostic[], broken: readonly BrokenFile[]): Diagnostic[] {
  if (broken.length === 0 || diagnostics.length === 0) return [...diagnostics];
  let ids = brokenIds.get(broken);
  if (!ids) brokenIds.set(broken, (ids = { recovered: new Set(broken.flatMap((b) => (b.text === undefined ? [] : idLines(b.text)))), unreadable: broken.filter((b) => b.text === undefined).map((b) => b.file) }));
  const { recovered, unreadable } = ids;
  const mentioned = (id: string): boolean => broken.some((b) => b.text?.includes(id));
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const id = d.args['id'];
    if (d.rule === 'unresolved-reference' && typeof id === 'string') {
      if (recovered.has(id)) continue; // defined in a file that cannot be parsed: that file's finding says it
      if (unreadable.length > 0) {
        out.push({ ...d, args: { ...d.args, maybeIn: unreadable } });
        continue;
      }
    }
    if (d.rule === 'orphan-problembild' && typeof id === 'string' && mentioned(id)) continue;
    out.push(d);
  }
  return out;
}
