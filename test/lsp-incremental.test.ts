// `lofte lsp` after edits: the server redoes the repository stage only where a change can reach
// (src/check/repository.ts). Whatever it redid, every file's diagnostics must be what a fresh
// `lofte validate --format json` says of the same texts saved to disk. The edits define, rename and
// remove ids, break and mend references, duplicate ids and change what follow-ups report on.

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { language } from '../src/diagnostics/messages/index.js';
import { spawnCli } from './helpers.js';
import { Client, repoCopy, rpc, uri } from './lsp-client.js';

interface JsonFinding {
  rule: string;
  severity: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  hint: string | null;
}

const AKTORER = 'aktorer.yaml';
const LOFTE = 'medborgarlofte-solvesborg-2026-2027.yaml';
const OTHER_LOFTE = 'medborgarlofte-karlshamn-olofstrom-2026-2027.yaml';
const PROBLEM = 'problembild-buskorning-solvesborg.yaml';
const MD_PROBLEM = 'problembild-resecentrum-karlshamn.md';
const FOLLOW_UP = 'uppfoljning-solvesborg-2026-06-30.yaml';

/** One edit: a file and what its text becomes. */
type Step = [file: string, edit: (text: string) => string];

const replace =
  (from: string | RegExp, to: string): ((text: string) => string) =>
  (text) => {
    const out = text.replace(from, to);
    if (out === text) throw new Error(`the example has changed: "${String(from)}" not found`);
    return out;
  };

/** A new actor document at the end of aktorer.yaml. */
const ACTOR = (id: string, namn: string, typ = 'kommun', kod = '1083'): string => `---
apiVersion: lofte/v1
kind: Aktor
id: ${id}
namn: ${namn}
typ: ${typ}
kommunkod: "${kod}"
`;

const STEPS: [name: string, steps: Step[]][] = [
  ['a reference broken in an open file', [[LOFTE, replace('ansvarig: lpo-vastra-blekinge', 'ansvarig: lpo-vastra-blekinga')]]],
  ['and mended', [[LOFTE, replace('ansvarig: lpo-vastra-blekinga', 'ansvarig: lpo-vastra-blekinge')]]],
  ['a problembild renamed: its references break, the new id is an orphan', [[PROBLEM, replace('id: solvesborg-buskorning-centrum', 'id: solvesborg-buskorning')]]],
  ['a reference follows the rename in one promise only', [[LOFTE, replace('problembild: solvesborg-buskorning-centrum', 'problembild: solvesborg-buskorning')]]],
  ['the rename taken back', [[PROBLEM, replace('id: solvesborg-buskorning\n', 'id: solvesborg-buskorning-centrum\n')]]],
  ['a kommun removed: every file naming it breaks', [[AKTORER, replace(/---\napiVersion: lofte\/v1\nkind: Aktor\nid: solvesborgs-kommun\n/, '---\napiVersion: lofte/v1\nkind: Aktor\nid: solvesborgs-kommunen\n')]]],
  ['an actor whose name is the missing id: suggestions change everywhere', [[AKTORER, (t) => t + ACTOR('solvesborg', 'Solvesborgs kommun')]]],
  ['the kommun defined again, twice: duplicate ids', [[AKTORER, (t) => t + ACTOR('solvesborgs-kommun', 'Sölvesborgs kommun igen')]]],
  ['the first definition mended: the added one is the duplicate', [[AKTORER, replace('id: solvesborgs-kommunen\n', 'id: solvesborgs-kommun\n')]]],
  ['the duplicate removed', [[AKTORER, replace(ACTOR('solvesborgs-kommun', 'Sölvesborgs kommun igen'), '')]]],
  ['an actor of the wrong typ under kommuner', [[AKTORER, replace(/id: karlshamns-kommun\nnamn: Karlshamns kommun\ntyp: kommun/, 'id: karlshamns-kommun\nnamn: Karlshamns kommun\ntyp: region')]]],
  ['its typ mended', [[AKTORER, replace(/id: karlshamns-kommun\nnamn: Karlshamns kommun\ntyp: region/, 'id: karlshamns-kommun\nnamn: Karlshamns kommun\ntyp: kommun')]]],
  ['an actor file that cannot be parsed, an id changed in its unsaved text', [[AKTORER, (t) => `${replace('id: solvesborgs-kommun\n', 'id: solvesborgs-kommun-x\n')(t)}trasig: [\n`]]],
  ['parsed again', [[AKTORER, (t) => replace('id: solvesborgs-kommun-x\n', 'id: solvesborgs-kommun\n')(replace(/trasig: \[\n$/, '')(t))]]],
  ['a follow-up reports on another medborgarlöfte (follow-ups go missing, unknown promises)', [[FOLLOW_UP, replace('medborgarlofte: solvesborg-2026-2027', 'medborgarlofte: karlshamn-olofstrom-2026-2027')]]],
  ['a promise id changed in the medborgarlöfte it reports on', [[OTHER_LOFTE, replace(/^(  - id: )([a-z0-9-]+)$/m, '$1$2-ny')]]],
  ['the follow-up put back', [[FOLLOW_UP, replace('medborgarlofte: karlshamn-olofstrom-2026-2027', 'medborgarlofte: solvesborg-2026-2027')]]],
  ['the medborgarlöfte takes the other one’s id', [[LOFTE, replace(/^id: solvesborg-2026-2027$/m, 'id: karlshamn-olofstrom-2026-2027')]]],
  ['its id back; a Markdown problembild renamed', [
    [LOFTE, replace(/^id: karlshamn-olofstrom-2026-2027$/m, 'id: solvesborg-2026-2027')],
    [MD_PROBLEM, replace(/^id: ([a-z0-9-]+)$/m, 'id: $1-ny')],
  ]],
  ['a medborgarlöfte whose promises cannot be read', [[OTHER_LOFTE, replace(/^loften:/m, 'löften:')]]],
  ['and can again', [[OTHER_LOFTE, replace(/^löften:/m, 'loften:')]]],
];


/** `lofte validate --format json` of these texts saved to disk, in a copy of the repository. */
function validateSaved(repo: string, texts: ReadonlyMap<string, string>): JsonFinding[] {
  const mirror = mkdtempSync(path.join(os.tmpdir(), 'lofte-lsp-mirror-'));
  cpSync(repo, mirror, { recursive: true });
  for (const [file, text] of texts) writeFileSync(path.join(mirror, file), text);
  const cli = spawnCli(['validate', '.', '--format', 'json', '--as-of', '2026-11-24'], { cwd: mirror });
  return (JSON.parse(cli.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
}

describe('lofte lsp: the incremental repository stage', () => {
  it(
    'after every edit, every file has the diagnostics a fresh validate of the same texts gives',
    async () => {
      const repo = repoCopy('vastra-blekinge');
      const hint = language('sv').ui.hint;
      const c = new Client(repo);
      await c.initialize();
      const texts = new Map<string, string>();
      /** Every change told so far has been checked and published: requests wait for that. */
      const settled = async (): Promise<void> => {
        await c.conn.sendRequest(rpc.HoverRequest.type, c.params(LOFTE, { line: 0, character: 0 }));
      };
      await settled();
      const seen = new Set<string>();
      for (const [name, steps] of STEPS) {
        for (const [file, edit] of steps) {
          if (!texts.has(file)) {
            texts.set(file, await c.open(file));
          }
          const text = edit(texts.get(file) as string);
          texts.set(file, text);
          await c.change(file, text);
        }
        await settled();
        const expected = validateSaved(repo, texts);
        for (const e of expected) seen.add(e.rule);
        const files = new Set([...expected.map((e) => uri(path.join(repo, e.file))), ...c.diagnostics.keys()]);
        for (const u of files) {
          const got = (c.diagnostics.get(u) ?? []).map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message }));
          const want = expected
            .filter((e) => uri(path.join(repo, e.file)) === u)
            .map((e) => ({
              code: e.rule,
              severity: e.severity === 'error' ? 1 : 2,
              range: { start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.endLine - 1, character: e.endColumn - 1 } },
              message: e.hint ? `${e.message}\n${hint}: ${e.hint}` : e.message,
            }));
          expect(got, `${name}: ${u}`).toEqual(want);
        }
      }
      // The edits made the findings the stage must get right, not only clean files.
      expect([...seen].sort()).toEqual(expect.arrayContaining(['duplicate-id', 'follow-up-missing', 'follow-up-unknown-promise', 'orphan-problembild', 'reference-kind', 'unresolved-reference', 'yaml-syntax']));
      expect(await c.shutdown()).toBe(0);
      expect(readFileSync(path.join(repo, LOFTE), 'utf8')).not.toContain('lpo-vastra-blekinga'); // the files on disk were never changed
    },
    120_000,
  );
});
