// `lofte lsp` driven by a real LSP client over stdio (test/lsp-client.ts), on copies of
// examples/parken with a Markdown problembild of our own added.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docsBaseUrl } from '../src/format/sarif.js';
import { ROOT, spawnCli } from './helpers.js';
import { applyEdit, Client, repoCopy, rpc, uri } from './lsp-client.js';

const LOFTE = 'medborgarlofte-2026-2027.yaml';
const FOLLOW_UP = 'uppfoljning-2026-06-30.yaml';
const MD = 'problembilder/torget.md';

/** A problembild in Markdown: the front matter is where the editor must help too. */
const TORGET = `---
apiVersion: lofte/v1
kind: Problembild
id: laxa-torget-kvallstid
titel: Otrygghet på torget kvällstid
lokalpolisomrade: lpo-hallsberg
kommuner:
  - laxa-kommun
faststalld: 2025-10-20
sekretess: offentlig
sammanfattning: >-
  Invånare säger att de undviker torget på kvällarna, när grupper samlas vid busshållplatsen.
kallor:
  - typ: medborgardialog
    beskrivning: Samtal med invånare på torget under en trygghetsvandring.
    datum: 2025-09-30
  - typ: medarbetardialog
    beskrivning: Genomgång med poliser i yttre tjänst och kommunens fältassistenter.
    datum: 2025-10-02
---
## Vad vi ser

Grupper samlas vid busshållplatsen på torget efter klockan 20.
`;

/** examples/parken, with the Markdown problembild, which the last promise answers too (a list). */
function repoWithMarkdown(): string {
  const dir = repoCopy('parken');
  mkdirSync(path.join(dir, 'problembilder'));
  writeFileSync(path.join(dir, MD), TORGET);
  const file = path.join(dir, LOFTE);
  const text = readFileSync(file, 'utf8');
  const needle = '    problembild: laxa-narkotika-stadsparken\n';
  const last = text.lastIndexOf(needle);
  if (last < 0) throw new Error(`${LOFTE} has changed: the test needs a promise with "${needle.trim()}"`);
  writeFileSync(file, `${text.slice(0, last)}    problembild:\n      - laxa-narkotika-stadsparken\n      - laxa-torget-kvallstid\n${text.slice(last + needle.length)}`);
  return dir;
}

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

const T = 60_000;

describe('lofte lsp: start-up', () => {
  /** The modules a run of the bundle loaded, as the built bin/lofte.js starts it. */
  const loadedBy = (args: string[]): { status: number | null; modules: string[] } => {
    const code = `require(${JSON.stringify(path.join(ROOT, 'dist', 'cli', 'start.cjs'))}).start(${JSON.stringify(path.join(ROOT, 'dist', 'lofte.cjs'))});
process.on('exit', () => process.stderr.write(JSON.stringify(Object.keys(require.cache))));`;
    const r = spawnSync(process.execPath, ['-e', code, '--', 'lofte', ...args], { cwd: ROOT, encoding: 'utf8', input: '' });
    return { status: r.status, modules: JSON.parse(r.stderr.slice(r.stderr.lastIndexOf('['))) as string[] };
  };

  it('other commands never load the language server or its packages', () => {
    const validate = loadedBy(['validate', 'examples/parken']);
    expect(validate.status).toBe(0);
    expect(validate.modules.filter((m) => m.includes('vscode-languageserver'))).toEqual([]);
    // The check itself: `lofte lsp` does load them (it ends when its input does).
    expect(loadedBy(['lsp']).modules.some((m) => m.includes('vscode-languageserver'))).toBe(true);
  }, T);

  it('says what it is in `lofte --help`', () => {
    expect(spawnCli(['--help']).stdout).toMatch(/lsp \[flaggor\] +språkserver \(Language Server Protocol\)/);
  });
});

describe('lofte lsp: diagnostics', () => {
  it(
    'publishes every finding of files not open, as validate words them (config honoured); an unsaved edit updates other files; shutdown exits 0',
    async () => {
      const dir = repoWithMarkdown();
      // Config: English, and one rule made a warning; a broken reference in a file the editor never opens.
      writeFileSync(path.join(dir, 'lofte.config.yaml'), 'sprak: en\nregler:\n  unresolved-reference: warn\n');
      writeFileSync(path.join(dir, MD), TORGET.replace('lokalpolisomrade: lpo-hallsberg', 'lokalpolisomrade: lpo-halsberg'));
      const c = new Client(dir);
      const init = await c.initialize();
      expect(init.capabilities).toMatchObject({ definitionProvider: true, referencesProvider: true, hoverProvider: true, renameProvider: { prepareProvider: true } });
      await c.until(() => c.diagnosticsOf(MD).length > 0);

      const cli = spawnCli(['validate', '.', '--format', 'json', '--as-of', '2026-11-24'], { cwd: dir });
      const expected = (JSON.parse(cli.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
      expect(expected.map((d) => [d.file, d.rule, d.severity])).toEqual([[MD, 'unresolved-reference', 'warning']]);
      const got = [...c.diagnostics.entries()].flatMap(([u, list]) => list.map((d) => ({ u, d })));
      expect(got.map(({ u, d }) => ({ uri: u, code: d.code, severity: d.severity, range: d.range, message: d.message, href: d.codeDescription?.href }))).toEqual(
        expected.map((e) => ({
          uri: uri(path.join(dir, e.file)),
          code: e.rule,
          severity: e.severity === 'error' ? 1 : 2,
          range: { start: { line: e.line - 1, character: e.column - 1 }, end: { line: e.endLine - 1, character: e.endColumn - 1 } },
          message: e.hint ? `${e.message}\nHint: ${e.hint}` : e.message,
          href: `${docsBaseUrl()}/docs/rules/${e.rule}.md`,
        })),
      );
      expect(got[0]?.d.message).toBe('`lpo-halsberg` does not exist: it should be the id of a local police area (Aktor with typ lokalpolisomrade).\nHint: Did you mean `lpo-hallsberg`?');

      // An unsaved change in one file: the findings it causes appear in the others, and go again.
      const aktorer = await c.open('aktorer.yaml');
      await c.change('aktorer.yaml', aktorer.replace('id: laxa-kommun', 'id: laxa-kommunen'));
      await c.until(() => c.diagnosticsOf(LOFTE).some((d) => d.code === 'unresolved-reference') && c.diagnosticsOf('problembild-narkotika-stadsparken.yaml').length > 0);
      const lofte = readFileSync(path.join(dir, LOFTE), 'utf8');
      expect(c.diagnosticsOf(LOFTE).find((d) => String(d.message).startsWith('`laxa-kommun`'))?.range.start).toEqual(Client.positionOf(lofte, 'laxa-kommun'));
      expect(readFileSync(path.join(dir, 'aktorer.yaml'), 'utf8')).toBe(aktorer); // the file itself is not touched
      await c.change('aktorer.yaml', aktorer);
      await c.until(() => c.diagnosticsOf(LOFTE).length === 0 && c.diagnosticsOf('problembild-narkotika-stadsparken.yaml').length === 0);
      expect(c.diagnosticsOf(MD).map((d) => d.code)).toEqual(['unresolved-reference']);

      // The editor's text counts while the file is open, the disk's once it is closed.
      await c.change('aktorer.yaml', aktorer.replace('id: lpo-hallsberg', 'id: lpo-halsberg'));
      await c.until(() => c.diagnosticsOf(MD).length === 0 && c.diagnosticsOf(LOFTE).length > 0);
      await c.close('aktorer.yaml');
      await c.until(() => c.diagnosticsOf(MD).length === 1 && c.diagnosticsOf(LOFTE).length === 0);

      expect(await c.shutdown()).toBe(0);
    },
    T,
  );
});

describe('lofte lsp: configuration', () => {
  it(
    'shows the problems of lofte.config.yaml where they are, as validate does, and takes the saved config back in',
    async () => {
      const dir = repoWithMarkdown();
      writeFileSync(path.join(dir, 'lofte.config.yaml'), readFileSync(path.join(ROOT, 'test', 'fixtures', 'config', 'typo', 'lofte.config.yaml')));
      const cli = spawnCli(['validate', '.', '--format', 'json', '--as-of', '2026-11-24'], { cwd: dir });
      const expected = (JSON.parse(cli.stdout) as { diagnostics: JsonFinding[] }).diagnostics;
      expect(expected).toHaveLength(3);
      const c = new Client(dir);
      await c.initialize();
      await c.until(() => c.diagnosticsOf('lofte.config.yaml').length === 3);
      expect(c.diagnosticsOf('lofte.config.yaml').map((d) => [d.code, d.range.start.line + 1, d.range.start.character + 1, d.message])).toEqual(
        expected.map((e) => [e.rule, e.line, e.column, e.hint ? `${e.message}\nTips: ${e.hint}` : e.message]),
      );
      writeFileSync(path.join(dir, 'lofte.config.yaml'), 'regler:\n  vague-wording: off\n');
      await c.until(() => c.diagnosticsOf('lofte.config.yaml').length === 0);
      expect(await c.shutdown()).toBe(0);
    },
    T,
  );
});

describe('lofte lsp: navigation, completion, hover', () => {
  let c: Client;
  let dir: string;
  let lofte: string;
  let followUp: string;
  let md: string;
  beforeAll(async () => {
    dir = repoWithMarkdown();
    c = new Client(dir);
    await c.initialize();
    lofte = await c.open(LOFTE);
    followUp = await c.open(FOLLOW_UP);
    md = await c.open(MD);
  }, T);
  afterAll(async () => {
    expect(await c.shutdown()).toBe(0);
  }, T);

  const definition = (rel: string, text: string, needle: string, shift: number): Promise<rpc.Definition | rpc.DefinitionLink[] | null> =>
    c.conn.sendRequest(rpc.DefinitionRequest.type, c.params(rel, Client.positionOf(text, needle, shift)));
  const at = (rel: string, text: string, needle: string): rpc.Location => {
    const start = Client.positionOf(text, needle);
    return { uri: uri(path.join(dir, rel)), range: { start, end: { line: start.line, character: start.character + needle.length } } };
  };

  it(
    'goes to the definition of every kind of reference, also from Markdown front matter',
    async () => {
      const aktorer = readFileSync(path.join(dir, 'aktorer.yaml'), 'utf8');
      const pb = readFileSync(path.join(dir, 'problembild-narkotika-stadsparken.yaml'), 'utf8');
      expect(await definition(LOFTE, lofte, 'ansvarig: laxa-ungdomsforening', 12)).toEqual([at('aktorer.yaml', aktorer, 'laxa-ungdomsforening')]);
      expect(await definition(LOFTE, lofte, 'lokalpolisomrade: lpo-hallsberg', 20)).toEqual([at('aktorer.yaml', aktorer, 'lpo-hallsberg')]);
      const kommunAt = Client.positionOf(aktorer, 'id: laxa-kommun', 4);
      expect(await definition(LOFTE, lofte, '  - laxa-kommun', 6)).toEqual([{ uri: uri(path.join(dir, 'aktorer.yaml')), range: { start: kommunAt, end: { ...kommunAt, character: kommunAt.character + 11 } } }]);
      expect(await definition(LOFTE, lofte, 'problembild: laxa-narkotika-stadsparken', 15)).toEqual([at('problembild-narkotika-stadsparken.yaml', pb, 'laxa-narkotika-stadsparken')]);
      expect(await definition(LOFTE, lofte, '  - lpo-hallsberg', 6)).toHaveLength(1); // medverkande
      expect(await definition(LOFTE, lofte, 'aktor: laxa-ungdomsforening', 9)).toEqual([at('aktorer.yaml', aktorer, 'laxa-ungdomsforening')]);
      expect(await definition(FOLLOW_UP, followUp, 'medborgarlofte: laxa', 17)).toEqual([at(LOFTE, lofte, 'laxa-medborgarloften-2026-2027')]);
      expect(await definition(FOLLOW_UP, followUp, 'rapportor: lpo-hallsberg', 12)).toEqual([at('aktorer.yaml', aktorer, 'lpo-hallsberg')]);
      // A follow-up's `lofte` is a promise inside the medborgarlöfte it follows up.
      expect(await definition(FOLLOW_UP, followUp, 'lofte: fotpatrull-parken', 9)).toEqual([at(LOFTE, lofte, 'fotpatrull-parken')]);
      expect(await definition(MD, md, 'lokalpolisomrade: lpo-hallsberg', 20)).toEqual([at('aktorer.yaml', aktorer, 'lpo-hallsberg')]);
      expect(await definition(MD, md, 'sekretess: offentlig', 12)).toEqual([]);
    },
    T,
  );

  it(
    'finds every reference to an id from its definition',
    async () => {
      const aktorer = readFileSync(path.join(dir, 'aktorer.yaml'), 'utf8');
      const refs = (await c.conn.sendRequest(rpc.ReferencesRequest.type, { ...c.params('aktorer.yaml', Client.positionOf(aktorer, 'id: laxa-ungdomsforening', 5)), context: { includeDeclaration: false } })) ?? [];
      const count = (text: string, needle: string): number => text.split(needle).length - 1;
      expect(refs.map((r) => r.uri)).toEqual(Array(count(lofte, ': laxa-ungdomsforening')).fill(uri(path.join(dir, LOFTE))));
      const withDecl = (await c.conn.sendRequest(rpc.ReferencesRequest.type, { ...c.params('aktorer.yaml', Client.positionOf(aktorer, 'id: laxa-kommun', 5)), context: { includeDeclaration: true } })) ?? [];
      const files = new Set(withDecl.map((r) => path.relative(dir, new URL(r.uri).pathname)));
      expect([...files].sort()).toEqual(['aktorer.yaml', LOFTE, MD, 'problembild-narkotika-stadsparken.yaml'].sort());
      const definitionAt = Client.positionOf(aktorer, 'id: laxa-kommun', 4);
      expect(withDecl[0]).toEqual({ uri: uri(path.join(dir, 'aktorer.yaml')), range: { start: definitionAt, end: { ...definitionAt, character: definitionAt.character + 11 } } });
      // From a promise's id: the follow-up results that name it.
      const promiseRefs = (await c.conn.sendRequest(rpc.ReferencesRequest.type, { ...c.params(LOFTE, Client.positionOf(lofte, 'id: fotpatrull-parken', 5)), context: { includeDeclaration: false } })) ?? [];
      expect(promiseRefs).toEqual([at(FOLLOW_UP, followUp, 'fotpatrull-parken')]);
    },
    T,
  );

  const complete = async (rel: string, text: string): Promise<rpc.CompletionItem[]> => {
    await c.change(rel, text);
    const cursor = text.indexOf('‸');
    const clean = text.replace('‸', '');
    await c.change(rel, clean);
    const result = await c.conn.sendRequest(rpc.CompletionRequest.type, c.params(rel, Client.positionOf(clean, clean.slice(cursor), 0)));
    return Array.isArray(result) ? result : (result?.items ?? []);
  };

  it(
    'completes ids of the kind and typ a field needs, with names as detail',
    async () => {
      // Under `kommuner` only kommun actors; in Markdown front matter too.
      const kommuner = await complete(MD, md.replace('  - laxa-kommun\n', '  - laxa-kommun\n  - ‸\n'));
      expect(kommuner.map((i) => [i.label, i.detail])).toEqual([['laxa-kommun', 'Laxå kommun']]);
      const lpo = await complete(MD, md.replace('lokalpolisomrade: lpo-hallsberg', 'lokalpolisomrade: lp‸'));
      expect(lpo.map((i) => i.label)).toEqual(['lpo-hallsberg']);
      // `ansvarig`: any actor.
      const ansvarig = await complete(LOFTE, lofte.replace('ansvarig: laxa-ungdomsforening', 'ansvarig: ‸'));
      expect(ansvarig.map((i) => [i.label, i.detail])).toEqual([
        ['laxa-kommun', 'Laxå kommun'],
        ['laxa-ungdomsforening', 'Laxå ungdomsförening'],
        ['lpo-hallsberg', 'Lokalpolisområde Hallsberg'],
      ]);
      expect(ansvarig[1]?.textEdit).toMatchObject({ newText: 'laxa-ungdomsforening' });
      // `problembild`: problembilder, the Markdown one included.
      const pb = await complete(LOFTE, lofte.replace('problembild: laxa-narkotika-stadsparken', 'problembild: ‸'));
      expect(pb.map((i) => [i.label, i.detail])).toEqual([
        ['laxa-narkotika-stadsparken', 'Ökad användning av narkotika bland ungdomar i stadsparken kvällstid'],
        ['laxa-torget-kvallstid', 'Otrygghet på torget kvällstid'],
      ]);
      // A follow-up's `lofte`: the promises of the medborgarlöfte it follows up.
      const promises = await complete(FOLLOW_UP, followUp.replace('lofte: fotpatrull-parken', 'lofte: fot‸'));
      expect(promises.map((i) => i.label)).toContain('fotpatrull-parken');
      expect(promises.map((i) => i.label)).toContain('spaning-parken');
      await c.change(LOFTE, lofte);
      await c.change(MD, md);
      await c.change(FOLLOW_UP, followUp);
    },
    T,
  );

  it(
    'completes keys and enum values from the schemas with their Swedish descriptions',
    async () => {
      const status = await complete(LOFTE, lofte.replace('status: publicerad', 'status: ‸'));
      expect(status.map((i) => i.label)).toEqual(['utkast', 'beslutad', 'publicerad', 'avslutad']);
      expect(status[0]?.documentation).toEqual({ kind: 'markdown', value: 'utkast, beslutad, publicerad eller avslutad.' });
      const sekretess = await complete(MD, md.replace('sekretess: offentlig', 'sekretess: ‸'));
      expect(sekretess.map((i) => i.label).sort()).toEqual(['intern', 'offentlig']);
      // Keys of a promise, without those it already has.
      const keys = await complete(LOFTE, lofte.replace('    plats: Stadsparken och centrum\n', '    plats: Stadsparken och centrum\n    ti‸\n'));
      const labels = keys.map((i) => i.label);
      expect(labels).toContain('tidsram');
      expect(labels).toContain('medverkande');
      expect(labels).not.toContain('plats');
      expect(labels).not.toContain('ansvarig');
      const tidsram = keys.find((i) => i.label === 'tidsram');
      expect(tidsram).toMatchObject({ detail: 'Tidsram', textEdit: { newText: 'tidsram: ' } });
      expect(JSON.stringify(tidsram?.documentation)).toContain('När löftet gäller');
      // Keys in Markdown front matter.
      const mdKeys = await complete(MD, md.replace('sekretess: offentlig\n', 'sekretess: offentlig\npl‸\n'));
      expect(mdKeys.map((i) => i.label)).toContain('plats');
      expect(mdKeys.map((i) => i.label)).not.toContain('titel');
      // The document's kind.
      const kinds = await complete(MD, md.replace('kind: Problembild', 'kind: ‸'));
      expect(kinds.map((i) => i.label)).toEqual(['Aktor', 'Problembild', 'Medborgarlofte', 'Uppfoljning']);
      await c.change(LOFTE, lofte);
      await c.change(MD, md);
    },
    T,
  );

  it(
    'hovers an id with what it is, and a key with its schema description',
    async () => {
      const hover = async (rel: string, text: string, needle: string, shift: number): Promise<string> => {
        const h = await c.conn.sendRequest(rpc.HoverRequest.type, c.params(rel, Client.positionOf(text, needle, shift)));
        return h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '';
      };
      expect(await hover(LOFTE, lofte, 'ansvarig: laxa-ungdomsforening', 12)).toBe('**Aktör** (civilsamhalle) `laxa-ungdomsforening`: Laxå ungdomsförening\n\naktorer.yaml, rad 33');
      expect(await hover(MD, md, 'sekretess: offentlig', 2)).toContain('**Sekretess**');
      expect(await hover(FOLLOW_UP, followUp, 'lofte: fotpatrull-parken', 9)).toContain('**Löfte** `fotpatrull-parken`');
      expect(await hover(LOFTE, lofte, '    ansvarig:', 6)).toBe('**Ansvarig**\n\nVem ansvarar för att löftet hålls? Ange id för en aktör, eller en lista med id när flera lovar tillsammans ("Polisen och kommunen lovar").');
    },
    T,
  );
});

describe('lofte lsp: rename and code actions', () => {
  it(
    'renames an id everywhere in one edit that leaves the repository valid, and refuses a taken or invalid id',
    async () => {
      const dir = repoWithMarkdown();
      const c = new Client(dir);
      await c.initialize();
      const aktorer = await c.open('aktorer.yaml');
      const position = c.params('aktorer.yaml', Client.positionOf(aktorer, 'id: laxa-kommun', 6));
      const prepared = await c.conn.sendRequest(rpc.PrepareRenameRequest.type, position);
      expect(prepared).toMatchObject({ placeholder: 'laxa-kommun' });
      await expect(c.conn.sendRequest(rpc.RenameRequest.type, { ...position, newName: 'lpo-hallsberg' })).rejects.toThrow('Id "lpo-hallsberg" används redan (aktorer.yaml, rad 4). Välj ett annat.');
      await expect(c.conn.sendRequest(rpc.RenameRequest.type, { ...position, newName: 'Laxå kommun' })).rejects.toThrow(
        '"Laxå kommun" kan inte vara ett id: skriv kebab-case med små bokstäver a–z (utan å, ä, ö), siffror och bindestreck, t.ex. laxa-kommun.',
      );
      await expect(c.conn.sendRequest(rpc.PrepareRenameRequest.type, c.params('aktorer.yaml', Client.positionOf(aktorer, 'namn: Laxå kommun', 8)))).rejects.toThrow('Här finns inget id att byta namn på');
      const edit = await c.conn.sendRequest(rpc.RenameRequest.type, { ...position, newName: 'laxa-kommun-2' });
      expect(Object.keys(edit?.changes ?? {}).map((u) => path.relative(dir, new URL(u).pathname)).sort()).toEqual(['aktorer.yaml', LOFTE, MD, 'problembild-narkotika-stadsparken.yaml'].sort());
      expect(await c.shutdown()).toBe(0);
      applyEdit(edit as rpc.WorkspaceEdit);
      const after = spawnCli(['validate', '.', '--as-of', '2026-11-24'], { cwd: dir });
      expect(after).toMatchObject({ code: 0, stdout: '✔ Inga fel eller varningar (5 filer kontrollerade).\n' });
      expect(readFileSync(path.join(dir, MD), 'utf8')).toContain('  - laxa-kommun-2\n');
      expect(readFileSync(path.join(dir, 'aktorer.yaml'), 'utf8')).not.toMatch(/laxa-kommun$/m);
    },
    T,
  );

  it(
    'offers did-you-mean fixes, a disable comment with a reason to fill in, and a new actor or problembild from the template',
    async () => {
      const dir = repoWithMarkdown();
      const c = new Client(dir);
      await c.initialize();
      const lofte = await c.open(LOFTE);
      const broken = lofte.replace('ansvarig: laxa-ungdomsforening', 'ansvarig: laxa-ungdomsforeningen').replace('problembild: laxa-narkotika-stadsparken', 'problembild: otrygghet-stationen');
      await c.change(LOFTE, broken);
      await c.until(() => c.diagnosticsOf(LOFTE).length === 2);
      const actionsFor = async (d: rpc.Diagnostic): Promise<rpc.CodeAction[]> =>
        ((await c.conn.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri: uri(path.join(dir, LOFTE)) }, range: d.range, context: { diagnostics: [d] } })) ?? []) as rpc.CodeAction[];
      const typo = c.diagnosticsOf(LOFTE).find((d) => String(d.message).includes('laxa-ungdomsforeningen'));
      const missing = c.diagnosticsOf(LOFTE).find((d) => String(d.message).includes('otrygghet-stationen'));
      const typoActions = await actionsFor(typo as rpc.Diagnostic);
      expect(typoActions.map((a) => a.title)).toEqual(['Byt till laxa-ungdomsforening', 'Skapa aktören i aktorer/laxa-ungdomsforeningen.yaml', 'Stäng av unresolved-reference på nästa rad (med motivering)']);
      const missingActions = await actionsFor(missing as rpc.Diagnostic);
      expect(missingActions.map((a) => a.title)).toEqual(['Byt till laxa-narkotika-stadsparken', 'Byt till laxa-torget-kvallstid', 'Skapa problembilden i problembilder/otrygghet-stationen.md', 'Stäng av unresolved-reference på nästa rad (med motivering)']);

      // The did-you-mean, applied as the editor would (to the open text), clears that finding.
      const fixed = applyToText(broken, typoActions[0]?.edit?.changes?.[uri(path.join(dir, LOFTE))] ?? []);
      expect(fixed).toContain('ansvarig: laxa-ungdomsforening\n');
      await c.change(LOFTE, fixed);
      await c.until(() => c.diagnosticsOf(LOFTE).length === 1);

      // The disable comment goes on the line before, indented as it, with a placeholder reason.
      const disabled = applyToText(fixed, missingActions.find((a) => a.title.startsWith("Stäng av"))?.edit?.changes?.[uri(path.join(dir, LOFTE))] ?? []);
      expect(disabled).toContain('    # lofte-disable-next-line unresolved-reference -- TODO skriv varför regeln inte gäller här\n    problembild: otrygghet-stationen\n');
      await c.change(LOFTE, disabled);
      await c.until(() => c.diagnosticsOf(LOFTE).length === 0);

      // Creating the problembild: a file from `lofte new`'s template, with its schema modeline; the reference resolves.
      await c.change(LOFTE, fixed);
      await c.until(() => c.diagnosticsOf(LOFTE).length === 1);
      applyEdit(missingActions.find((a) => a.title.startsWith("Skapa"))?.edit as rpc.WorkspaceEdit);
      const created = readFileSync(path.join(dir, 'problembilder/otrygghet-stationen.md'), 'utf8');
      expect(created).toMatch(/^---\n# yaml-language-server: \$schema=\.\.\/\.lofte\/schemas\/problembild\.schema\.json\n/);
      expect(created).toContain('id: otrygghet-stationen\n');
      expect(created).toContain('lokalpolisomrade: lpo-hallsberg\n');
      await c.until(() => c.diagnosticsOf(LOFTE).length === 0);
      expect(await c.shutdown()).toBe(0);
      expect(existsSync(path.join(dir, 'problembilder/otrygghet-stationen.md'))).toBe(true);
    },
    T,
  );
});

function applyToText(text: string, edits: readonly rpc.TextEdit[]): string {
  const offset = (p: rpc.Position): number => text.split('\n').slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}
