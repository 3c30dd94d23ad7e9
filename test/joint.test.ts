// The format as real texts need it: joint promises (`ansvarig` list), frekvens per dag, `senast`,
// follow-up status kan_ej_bedomas and `belagg`, from schema through links and rules to `lofte links`.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findings, fixture, runCli } from './helpers.js';

const F = 'test/fixtures/joint';
const temps: string[] = [];
afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

/** A copy of the fixture with one file's text replaced: every case starts from the valid fixture. */
function edited(file: string, from: string | RegExp, to: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'lofte-joint-'));
  temps.push(dir);
  cpSync(fixture('joint'), dir, { recursive: true });
  const target = path.join(dir, file);
  const before = readFileSync(target, 'utf8');
  const after = before.replace(from, to);
  if (after === before) throw new Error(`test setup: ${String(from)} not found in ${file}`);
  writeFileSync(target, after);
  return dir;
}

async function messages(dir: string, asOf = '2026-11-24'): Promise<{ code: number; stdout: string }> {
  return runCli(['validate', dir, '--as-of', asOf]);
}

describe('the valid fixture uses every new field', () => {
  it('validates with no findings', async () => {
    const r = await findings([F]);
    expect(r).toEqual({ code: 0, found: [], errors: [] });
  });
});

describe('schema', () => {
  it.each([
    ['an empty ansvarig list', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: []', '12:15'],
    ['an actor named twice', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: [lpo-tranas, lpo-tranas]', '12:28'],
    ['a number as ansvarig', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: 12', '12:15'],
    ['per timme', 'per: dag', 'per: timme', '15:32'],
    ['senast that is no date', 'senast: 2026-09-30', 'senast: i höst', '20:13'],
  ])('rejects %s in a promise', async (_name, from, to, at) => {
    const r = await messages(edited('medborgarlofte.yaml', from, to));
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`\\n {2}${at} +fel +.*schema\\n`));
  });

  it('rejects belagg with a link that is not http(s), and belagg without beskrivning', async () => {
    const js = await messages(edited('uppfoljning.yaml', 'url: https://www.tranas.se/protokoll/belysning-stationen', 'url: javascript:alert(1)'));
    expect(js.code).toBe(1);
    expect(js.stdout).toMatch(/\n {2}12:14 +fel +.*`url`.*schema\n/);
    const bare = await messages(edited('uppfoljning.yaml', '- beskrivning: Besiktningsprotokoll, preliminärt\n', '- '));
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('`beskrivning`');
  });

  it('rejects a follow-up status outside the list', async () => {
    const r = await messages(edited('uppfoljning.yaml', 'status: kan_ej_bedomas', 'status: okant'));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('kan_ej_bedomas');
  });
});

describe('links', () => {
  it('resolves every actor of a joint ansvarig, and points at the one that does not exist', async () => {
    const r = await findings([edited('medborgarlofte.yaml', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: [lpo-tranas, tranas-kommn]')]);
    expect(r.errors.map((e) => [e.rule, e.line, e.column])).toEqual([['unresolved-reference', 12, 28]]);
    const json = await runCli(['validate', edited('medborgarlofte.yaml', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: [lpo-tranas, tranas-kommn]'), '--format', 'json']);
    const d = (JSON.parse(json.stdout) as { diagnostics: { path: string; hint: string }[] }).diagnostics[0];
    expect(d?.path).toBe('loften[0].ansvarig[1]');
    expect(d?.hint).toBe('Menade du `tranas-kommun`?');
  });

  it('an ansvarig list may name an actor of any typ, but not another kind of document', async () => {
    const r = await findings([edited('medborgarlofte.yaml', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: [tranas-energi, tranas-morker-stationen]')]);
    expect(r.errors.map((e) => [e.rule, e.line, e.column])).toEqual([['reference-kind', 12, 31]]);
  });

  it('lofte links shows every responsible actor in text, JSON and Mermaid', async () => {
    const text = await runCli(['links', F]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('    tranas-2026/kvallsrond (Lokalpolisområde Tranås och Tranås kommun): Polisen och kommunen lovar');
    expect(text.stdout).toContain('  tranas-kommun: Tranås kommun (kommun)\n    ansvarig för 1: tranas-2026/kvallsrond\n');
    expect(text.stdout).toContain('  lpo-tranas: Lokalpolisområde Tranås (lokalpolisomrade)\n    ansvarig för 1: tranas-2026/kvallsrond\n');
    const json = JSON.parse((await runCli(['links', F, '--format', 'json'])).stdout) as { loften: { key: string; ansvarig: string[] }[] };
    expect(json.loften.map((l) => [l.key, l.ansvarig])).toEqual([
      ['tranas-2026/belysning-stationen', ['tranas-energi']],
      ['tranas-2026/kvallsrond', ['lpo-tranas', 'tranas-kommun']],
    ]);
    const mermaid = (await runCli(['links', F, '--format', 'mermaid'])).stdout;
    const node = (label: string): string => (new RegExp(`\\n {4}(a\\d+)\\[/"${label}"/\\]`).exec(mermaid) ?? [])[1] ?? 'none';
    const promise = (/\n {4}(l\d+)\("kvallsrond: /.exec(mermaid) ?? [])[1] ?? 'none';
    expect(mermaid).toContain(`  ${node('Lokalpolisområde Tranås')} -->|lovar| ${promise}\n`);
    expect(mermaid).toContain(`  ${node('Tranås kommun')} -->|lovar| ${promise}\n`);
  });
});

describe('rules that read the new fields', () => {
  it('one-party counts every actor of a joint promise', async () => {
    // Tranås Energi's promise made the police's: the joint promise still has the kommun.
    const joint = await findings([edited('medborgarlofte.yaml', 'ansvarig: tranas-energi', 'ansvarig: lpo-tranas')]);
    expect(joint.found.map((f) => f.rule)).not.toContain('one-party');
    const dir = edited('medborgarlofte.yaml', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: [lpo-tranas]');
    writeFileSync(path.join(dir, 'medborgarlofte.yaml'), readFileSync(path.join(dir, 'medborgarlofte.yaml'), 'utf8').replace('ansvarig: tranas-energi', 'ansvarig: lpo-tranas'));
    const alone = await messages(dir);
    expect(alone.stdout).toContain('Alla 2 löften i `tranas-2026` ges av `lpo-tranas`: medborgarlöften genomförs tillsammans.');
  });

  it('not-measurable is silent for a one-off with senast, or a tidsram that ends before the period, and fires without', async () => {
    // "byta all belysning" is a one-off by its wording alone; "sköta belysningen" is not.
    const ongoing = (deadline: string): string => {
      const dir = edited('medborgarlofte.yaml', 'byta all belysning', 'sköta belysningen');
      const file = path.join(dir, 'medborgarlofte.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace('    senast: 2026-09-30\n', deadline));
      return dir;
    };
    const noDeadline = await messages(ongoing(''));
    expect(noDeadline.stdout).toContain('Löftet `belysning-stationen` har varken `omfattning`, `frekvens` eller ett slutdatum, så ingen kan se om det hölls.  not-measurable');
    expect((await findings([ongoing('    senast: 2026-09-30\n')])).found).toEqual([]);
    expect((await findings([ongoing('    tidsram: { from: 2026-01-01, tom: 2026-09-30 }\n')])).found).toEqual([]);
    const whole = await findings([ongoing('    tidsram: { from: 2026-03-01, tom: 2026-12-31 }\n')]);
    expect(whole.found.map((f) => [f.rule, f.line, f.column])).toContainEqual(['not-measurable', 16, 9]);
    // The wording alone: a one-off deliverable is measurable by the period's end.
    expect((await findings([edited('medborgarlofte.yaml', '    senast: 2026-09-30\n', '')])).found).toEqual([]);
  });

  it('one-party: an actor taking part as medverkande makes the work joint', async () => {
    const dir = edited('medborgarlofte.yaml', 'ansvarig: [lpo-tranas, tranas-kommun]', 'ansvarig: [lpo-tranas]\n    medverkande: [tranas-kommun]');
    const file = path.join(dir, 'medborgarlofte.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ansvarig: tranas-energi', 'ansvarig: lpo-tranas'));
    expect((await findings([dir])).found).toEqual([]);
    writeFileSync(file, readFileSync(file, 'utf8').replace('    medverkande: [tranas-kommun]\n', ''));
    expect((await findings([dir])).found.map((f) => f.rule)).toEqual(['one-party']);
  });

  it('follow-up-missing: a promise reported genomfort is owed no later follow-up', async () => {
    // Without senast the promise runs to the end of the year; the October report is too early to cover it.
    const dir = edited('medborgarlofte.yaml', '    senast: 2026-09-30\n', '');
    const report = path.join(dir, 'uppfoljning.yaml');
    const asOf = ['--as-of', '2027-03-01'];
    writeFileSync(report, readFileSync(report, 'utf8').replace(/status: kan_ej_bedomas\n.*\n/, 'status: pagaende\n'));
    expect((await findings([dir], asOf)).found.map((f) => [f.rule, f.line])).toEqual([
      ['follow-up-missing', 10],
      ['follow-up-missing', 16],
    ]);
    writeFileSync(report, readFileSync(report, 'utf8').replace('status: pagaende', 'status: genomfort'));
    expect((await findings([dir], asOf)).found.map((f) => [f.rule, f.line])).toEqual([['follow-up-missing', 10]]);
  });

  it('outside-validity: senast must lie inside the period (and inside the tidsram when there is one)', async () => {
    const late = await messages(edited('medborgarlofte.yaml', 'senast: 2026-09-30', 'senast: 2027-02-01'));
    expect(late.code).toBe(1);
    expect(late.stdout).toContain('Löftet `belysning-stationen` ska vara genomfört senast 2027-02-01, utanför medborgarlöftets giltighet 2026-01-01–2026-12-31.');
    const frame = await messages(edited('medborgarlofte.yaml', '    senast: 2026-09-30\n', '    senast: 2026-09-30\n    tidsram: { from: 2026-01-01, tom: 2026-06-30 }\n'));
    expect(frame.stdout).toContain('ska vara genomfört senast 2026-09-30, utanför löftets tidsram 2026-01-01–2026-06-30.');
  });

  it('follow-up-missing: a one-off is owed its follow-up once senast has passed', async () => {
    const dir = edited('uppfoljning.yaml', 'datum: 2026-10-15', 'datum: 2026-10-16');
    rmSync(path.join(dir, 'uppfoljning.yaml'));
    expect((await findings([dir], ['--as-of', '2026-10-30'])).found).toEqual([]);
    expect((await findings([dir], ['--as-of', '2026-10-31'])).found.map((f) => [f.rule, f.line])).toEqual([['follow-up-missing', 16]]);
    // Without `senast`, the same promise is owed nothing until the year is over.
    writeFileSync(path.join(dir, 'medborgarlofte.yaml'), readFileSync(path.join(dir, 'medborgarlofte.yaml'), 'utf8').replace('    senast: 2026-09-30\n', '    omfattning: { antal: 1, enhet: parkering }\n'));
    expect((await findings([dir], ['--as-of', '2026-10-31'])).found).toEqual([]);
  });

  it('deviation-reason: kan_ej_bedomas needs an orsak, like a promise not kept', async () => {
    const r = await messages(edited('uppfoljning.yaml', /    orsak: .*\n/, ''));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('Löftet `belysning-stationen` har status `kan_ej_bedomas` men ingen `orsak`.');
    expect(r.stdout).toContain('Tips: Förklara för medborgarna varför det inte går att bedöma om löftet hölls: lägg till `orsak:` i resultatet.');
  });
});
