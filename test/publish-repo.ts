// A small valid repository written to a temp folder, with every free-text field a parameter: the
// hostile-publishing tests and the property test fill them with markers and hostile Markdown.

import { mkdtempSync, promises as fs, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { decodeHTML } from 'entities';

/** YAML for a free-text value: JSON is YAML, and a JSON string holds any text exactly. */
const y = (text: string): string => JSON.stringify(text);

export interface ProblemSpec {
  id: string;
  /** The raw YAML value line after `sekretess:`, or undefined to leave the field out. */
  sekretess?: string;
  /** Lines put just before `sekretess:` (a disable comment, say). */
  beforeSekretess?: string;
  titel: string;
  sammanfattning: string;
  beskrivning?: string;
  plats?: string;
  tid?: string;
  malgrupp?: string;
  kallaBeskrivning: string;
  underrattelse?: string;
  intern?: string;
  /** As a .md file, with this body as the beskrivning. */
  body?: string;
}

export interface RepoSpec {
  problems: ProblemSpec[];
  inledning?: string;
  lofteText?: string;
  kommentar?: string;
  aktorIntern?: string;
  mblIntern?: string;
  lofteIntern?: string;
  config?: string;
}

function problemFile(p: ProblemSpec): [string, string] {
  const lines = [
    'apiVersion: lofte/v1',
    'kind: Problembild',
    `id: ${p.id}`,
    `titel: ${y(p.titel)}`,
    'lokalpolisomrade: lpo-test',
    'kommuner: [laxa-kommun]',
    'faststalld: 2025-10-01',
    `sammanfattning: ${y(p.sammanfattning)}`,
    ...(p.beforeSekretess ? [p.beforeSekretess] : []),
    ...(p.sekretess === undefined ? [] : [`sekretess: ${p.sekretess}`]),
    ...(p.beskrivning === undefined || p.body !== undefined ? [] : [`beskrivning: ${y(p.beskrivning)}`]),
    ...(p.plats === undefined ? [] : [`plats: ${y(p.plats)}`]),
    ...(p.tid === undefined ? [] : [`tid: ${y(p.tid)}`]),
    ...(p.malgrupp === undefined ? [] : [`malgrupp: ${y(p.malgrupp)}`]),
    'kallor:',
    '  - typ: medborgardialog',
    `    beskrivning: ${y(p.kallaBeskrivning)}`,
    '    datum: 2025-09-01',
    '  - typ: medarbetardialog',
    '    beskrivning: Workshop med kommunpoliserna',
    ...(p.underrattelse === undefined ? [] : ['  - typ: underrattelse', `    beskrivning: ${y(p.underrattelse)}`, `    referens: ${y(p.underrattelse)}`]),
    ...(p.intern === undefined ? [] : [`intern: ${y(p.intern)}`]),
  ];
  if (p.body !== undefined) return [`${p.id}.md`, `---\n${lines.join('\n')}\n---\n${p.body}\n`];
  return [`${p.id}.yaml`, `${lines.join('\n')}\n`];
}

/** The files of the repository, by name. */
export function repoFiles(spec: RepoSpec): Map<string, string> {
  const files = new Map<string, string>();
  files.set(
    'aktorer.yaml',
    [
      'apiVersion: lofte/v1',
      'kind: Aktor',
      'id: lpo-test',
      'namn: Lokalpolisområde Test',
      'typ: lokalpolisomrade',
      'polisregion: bergslagen',
      'kommuner: [laxa-kommun]',
      ...(spec.aktorIntern === undefined ? [] : [`intern: ${y(spec.aktorIntern)}`]),
      '---',
      'apiVersion: lofte/v1',
      'kind: Aktor',
      'id: laxa-kommun',
      'namn: Laxå kommun',
      'typ: kommun',
      'kommunkod: "1860"',
      '',
    ].join('\n'),
  );
  for (const p of spec.problems) {
    const [name, text] = problemFile(p);
    files.set(name, text);
  }
  files.set(
    'medborgarlofte.yaml',
    [
      'apiVersion: lofte/v1',
      'kind: Medborgarlofte',
      'id: test-2026',
      'titel: Medborgarlöfte för Laxå 2026',
      'lokalpolisomrade: lpo-test',
      'kommuner: [laxa-kommun]',
      'giltighet: { from: 2026-01-01, tom: 2026-12-31 }',
      'status: publicerad',
      ...(spec.inledning === undefined ? [] : [`inledning: ${y(spec.inledning)}`]),
      ...(spec.mblIntern === undefined ? [] : [`intern: ${y(spec.mblIntern)}`]),
      'loften:',
      '  - id: patrull',
      `    text: ${y(spec.lofteText ?? 'Polisen lovar att patrullera i centrum två kvällar i veckan.')}`,
      '    ansvarig: lpo-test',
      '    medverkande: [laxa-kommun]',
      `    problembild: [${spec.problems.map((p) => p.id).join(', ')}]`,
      '    frekvens: { antal: 2, per: vecka }',
      ...(spec.lofteIntern === undefined ? [] : [`    intern: ${y(spec.lofteIntern)}`]),
      '',
    ].join('\n'),
  );
  files.set(
    'uppfoljning.yaml',
    [
      'apiVersion: lofte/v1',
      'kind: Uppfoljning',
      'id: test-uppfoljning',
      'medborgarlofte: test-2026',
      'datum: 2026-06-30',
      'resultat:',
      '  - lofte: patrull',
      '    status: pagaende',
      '    utfall: { antal: 40 }',
      ...(spec.kommentar === undefined ? [] : [`    kommentar: ${y(spec.kommentar)}`]),
      '',
    ].join('\n'),
  );
  if (spec.config !== undefined) files.set('lofte.config.yaml', spec.config);
  return files;
}

/** Writes the repository to a new temp folder and returns the folder. */
export function writeRepo(spec: RepoSpec, prefix = 'lofte-repo-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  for (const [name, text] of repoFiles(spec)) writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Every file under `root`, by path relative to it. */
export async function siteFiles(root: string, dir = ''): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const e of await fs.readdir(path.join(root, dir), { withFileTypes: true })) {
    const rel = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) for (const [k, v] of await siteFiles(root, rel)) out.set(k, v);
    else out.set(rel, await fs.readFile(path.join(root, rel), 'utf8'));
  }
  return out;
}

/** The scheme a browser or a CommonMark renderer would follow, when it is not http(s) or mailto: escapes and references decoded, invisibles gone, case folded. */
export function liveScheme(destination: string): string | undefined {
  const decoded = decodeHTML(destination.replace(/\\([!-/:-@[-`{-~])/g, '$1'));
  const probe = decoded.normalize('NFKC').replace(/[\p{Cc}\p{Cf}\p{Z}\s\\]/gu, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(probe)?.[1];
  return scheme === undefined || ['http', 'https', 'mailto'].includes(scheme) ? undefined : scheme;
}

/** Every link destination in a page lofte wrote: URL attributes in HTML, `](<…>)` in Markdown. */
export function destinations(rel: string, content: string): string[] {
  if (rel.endsWith('.html')) {
    // Attributes of real tags only: escaped markup shown as text (`&lt;a href="…"`) is no link.
    const tags = content.match(/<[a-z][^<>]*>/gi) ?? [];
    return tags.flatMap((tag) => [...tag.matchAll(/\s(?:href|src|action|formaction|xlink:href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));
  }
  return [...content.matchAll(/(?<!\\)\]\(<([^>\n]*)>\)/g)].map((m) => m[1] ?? '');
}
