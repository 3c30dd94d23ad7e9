// lofte init and lofte new, end to end through the real bin/, as an analyst starts a repository.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { escapeData } from '../src/format/github.js';
import { language } from '../src/diagnostics/messages/index.js';
import { ROOT, spawnCli } from './helpers.js';

/** The Swedish hint `lofte new` prints where no editor is pointed at the language server yet. */
const EDITOR_HINT = `${language('sv').cli.new.editorHint}\n`;

// Each test spawns the built CLI a few times: on a shared, busy machine that takes seconds.
vi.setConfig({ testTimeout: 60_000 });

const VERSION = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
const empty = (): string => mkdtempSync(path.join(os.tmpdir(), 'lofte-init-'));

describe('lofte init', () => {
  it('in an empty folder: init, then validate exits 0 and report writes a site', () => {
    const dir = empty();
    const init = spawnCli(['init'], { cwd: dir });
    expect(init.code).toBe(0);
    expect(init.stdout).toContain('Lade upp ett lofte-förråd i . för Lokalpolisområde Laxå och Laxå kommun (1860):');
    const validate = spawnCli(['validate'], { cwd: dir });
    expect(validate).toEqual({ code: 0, stdout: '✔ Inga fel eller varningar (4 filer kontrollerade).\n', stderr: '' });
    const report = spawnCli(['report', '--out', 'site'], { cwd: dir });
    expect(report.code).toBe(0);
    expect(existsSync(path.join(dir, 'site', 'index.html'))).toBe(true);
  });

  it('takes the kommun by name or code, and the LPO name', () => {
    const dir = empty();
    expect(spawnCli(['init', 'repo', '--kommun', '0114', '--lpo', 'Lokalpolisområde Sollentuna'], { cwd: dir }).code).toBe(0);
    const actors = readFileSync(path.join(dir, 'repo', 'aktorer.yaml'), 'utf8');
    expect(actors).toContain('id: lpo-sollentuna');
    expect(actors).toContain('kommunkod: "0114"');
    expect(actors).toContain('polisregion: stockholm');
    expect(spawnCli(['validate', 'repo'], { cwd: dir }).code).toBe(0);
  });

  it('writes a GitHub workflow that is valid YAML and runs the real commands', () => {
    const dir = empty();
    spawnCli(['init'], { cwd: dir });
    const text = readFileSync(path.join(dir, '.github', 'workflows', 'lofte.yml'), 'utf8');
    const docs = parseAllDocuments(text);
    expect(docs.flatMap((d) => [...d.errors, ...d.warnings])).toEqual([]);
    const wf = docs[0]?.toJS() as { on: Record<string, unknown>; jobs: Record<string, { steps: { run?: string }[] }> };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).join('\n');
    // lofte comes from the repository's package.json (one pinned version), not from npx --yes.
    expect(runs).not.toContain('--yes');
    expect(runs).toContain('npm ci');
    expect(runs).toContain('npx --no-install lofte validate --format github');
    expect(runs).toMatch(/npx --no-install lofte report .*--out site/);
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { devDependencies: Record<string, string>; private: boolean };
    expect(pkg.devDependencies).toEqual({ lofte: VERSION });
    expect(pkg.private).toBe(true);
    expect(readFileSync(path.join(dir, '.gitignore'), 'utf8')).toBe('node_modules/\nsite/\n');
  });

  it('in an empty git repository, every command its README and workflow name runs (lofte installed from a local tarball)', () => {
    const dir = empty();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    expect(spawnCli(['init'], { cwd: dir }).code).toBe(0);
    // The package as npm would publish it (built by `npm test`), installed as package.json names it.
    const pack = JSON.parse(execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir, ROOT], { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as { filename: string }[];
    execFileSync('npm', ['install', '--no-save', '--no-audit', '--no-fund', `./${pack[0]!.filename}`], { cwd: dir, stdio: 'ignore', timeout: 300_000 });
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    const fromReadme = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].flatMap((m) => (m[1] as string).split('\n')).filter((l) => l.startsWith('npx lofte'));
    const wf = parseAllDocuments(readFileSync(path.join(dir, '.github', 'workflows', 'lofte.yml'), 'utf8'))[0]?.toJS() as { jobs: Record<string, { steps: { run?: string }[] }> };
    const fromWorkflow = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? '')).filter((r) => r.startsWith('npx'));
    expect(fromReadme.length).toBeGreaterThanOrEqual(6);
    expect(fromWorkflow).toHaveLength(2);
    const env = { ...process.env, IDAG: '2026-11-24', GITHUB_ENV: path.join(dir, 'github-env') };
    for (const command of [...fromWorkflow, 'npm run validate', 'npm run report', ...fromReadme]) {
      const r = spawnSync('sh', ['-c', command], { cwd: dir, env, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, `${command}\n${r.stdout}\n${r.stderr}`).toBe(0);
    }
    expect(existsSync(path.join(dir, 'site', 'index.html'))).toBe(true);
  }, 600_000);

  it('points each file at a schema that exists, for the editor', () => {
    const dir = empty();
    spawnCli(['init'], { cwd: dir });
    for (const rel of ['aktorer.yaml', 'medborgarloften/exempel-medborgarlofte.yaml', 'uppfoljningar/exempel-uppfoljning.yaml', 'problembilder/exempel-problembild.md']) {
      const line = readFileSync(path.join(dir, rel), 'utf8').split('\n').find((l) => l.startsWith('# yaml-language-server: $schema='));
      const schema = line?.split('$schema=')[1] ?? '';
      expect(existsSync(path.resolve(path.dirname(path.join(dir, rel)), schema)), `${rel} → ${schema}`).toBe(true);
    }
    const settings = JSON.parse(readFileSync(path.join(dir, '.vscode', 'settings.json'), 'utf8')) as { 'yaml.schemas': Record<string, unknown> };
    for (const file of Object.keys(settings['yaml.schemas'])) expect(existsSync(path.join(dir, file)), file).toBe(true);
    // …and VS Code at the language server, through the extension in editors/vscode/.
    const extensions = JSON.parse(readFileSync(path.join(dir, '.vscode', 'extensions.json'), 'utf8')) as { recommendations: string[] };
    const ours = JSON.parse(readFileSync(path.join(ROOT, 'editors', 'vscode', 'package.json'), 'utf8')) as { publisher: string; name: string };
    expect(extensions.recommendations).toContain(`${ours.publisher}.${ours.name}`);
  });

  it('lofte new tells how to get the language server where nothing points the editor at it', () => {
    const dir = empty();
    writeFileSync(path.join(dir, 'lofte.config.yaml'), 'sprak: sv\n');
    const r = spawnCli(['new', 'aktor', '--titel', 'Laxå ungdomsförening'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: `Skrev aktorer/laxa-ungdomsforening.yaml (id laxa-ungdomsforening).\n${EDITOR_HINT}`, stderr: '' });
    // No schemas in .lofte/schemas here (init writes them), so no schema line that would point nowhere.
    expect(readFileSync(path.join(dir, 'aktorer', 'laxa-ungdomsforening.yaml'), 'utf8')).not.toContain('yaml-language-server');
  }, 30_000);

  it('never overwrites: lists the files that exist and stops, unless --force', () => {
    const dir = empty();
    writeFileSync(path.join(dir, 'README.md'), '# Mitt eget\n');
    const r = spawnCli(['init'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lofte: Filerna finns redan och skrivs inte över:\n  README.md\nFlytta dem, eller kör igen med --force.\n');
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).toBe('# Mitt eget\n');
    expect(existsSync(path.join(dir, 'aktorer.yaml'))).toBe(false);
    expect(spawnCli(['init', '--force'], { cwd: dir }).code).toBe(0);
    expect(readFileSync(path.join(dir, 'README.md'), 'utf8')).not.toBe('# Mitt eget\n');
  });

  it('says clearly what is wrong with a bad --kommun or --polisregion', () => {
    expect(spawnCli(['init', '--kommun', 'Atlantis'], { cwd: empty() })).toEqual({ code: 2, stdout: '', stderr: 'lofte: "Atlantis" är varken ett kommunnamn eller en kommunkod bland SCB:s 290 kommuner.\n' });
    expect(spawnCli(['init', '--polisregion', 'norr'], { cwd: empty() }).stderr).toBe('lofte: okänd polisregion "norr". Välj nord, mitt, stockholm, ost, vast, syd, bergslagen.\n');
  });
});

describe('lofte new', () => {
  it('writes a document with a fresh id from the title and today’s date, and refuses a taken id', () => {
    const dir = empty();
    spawnCli(['init'], { cwd: dir });
    const r = spawnCli(['new', 'problembild', '--titel', 'Otrygghet vid stationen: kvällar'], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: 'Skrev problembilder/otrygghet-vid-stationen-kvallar.md (id otrygghet-vid-stationen-kvallar).\n', stderr: '' });
    const text = readFileSync(path.join(dir, 'problembilder', 'otrygghet-vid-stationen-kvallar.md'), 'utf8');
    expect(text).toContain('titel: "Otrygghet vid stationen: kvällar"');
    expect(text).toMatch(/faststalld: \d{4}-\d{2}-\d{2}/);
    const again = spawnCli(['new', 'problembild', '--titel', 'Otrygghet vid stationen: kvällar'], { cwd: dir });
    expect(again.stdout).toBe('Skrev problembilder/otrygghet-vid-stationen-kvallar-2.md (id otrygghet-vid-stationen-kvallar-2).\n');
    expect(spawnCli(['new', 'aktor', '--id', 'laxa-kommun'], { cwd: dir })).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^lofte: Id "laxa-kommun" används redan i aktorer\.yaml:\d+\. Välj ett annat med --id\.\n$/) });
    expect(spawnCli(['new', 'lofte'], { cwd: dir }).stderr).toBe('lofte: okänd sort "lofte". Välj Aktor, Problembild, Medborgarlofte, Uppfoljning.\n');
  }, 60_000);

  it('from a subfolder, places the file under the repository root, with a schema line that points at the schema', () => {
    const dir = empty();
    spawnCli(['init'], { cwd: dir });
    const r = spawnCli(['new', 'aktor', '--titel', 'Räddningstjänsten'], { cwd: path.join(dir, 'medborgarloften') });
    expect(r).toEqual({ code: 0, stdout: 'Skrev ../aktorer/raddningstjansten.yaml (id raddningstjansten).\n', stderr: '' });
    const file = path.join(dir, 'aktorer', 'raddningstjansten.yaml');
    const schema = readFileSync(file, 'utf8').split('\n')[0]?.split('$schema=')[1] ?? '';
    expect(existsSync(path.resolve(path.dirname(file), schema)), schema).toBe(true);
  }, 60_000);

  it('outside an init-made repository, writes no schema line to a file that does not exist', () => {
    const dir = empty();
    execFileSync('git', ['init', '-q'], { cwd: dir });
    mkdirSync(path.join(dir, 'docs', 'djup'), { recursive: true });
    const r = spawnCli(['new', 'medborgarlofte', '--titel', 'Löften 2027'], { cwd: path.join(dir, 'docs', 'djup') });
    expect(r.stdout).toBe(`Skrev ../../medborgarloften/loften-2027.yaml (id loften-2027).\n${EDITOR_HINT}`);
    const text = readFileSync(path.join(dir, 'medborgarloften', 'loften-2027.yaml'), 'utf8');
    expect(text).not.toContain('yaml-language-server');
    // The new document is a draft with placeholders: a warning in validate, not published by report.
    const v = spawnCli(['validate'], { cwd: dir });
    expect(v.stdout).toContain('placeholder');
  }, 60_000);
});

describe('github annotations', () => {
  it('escape %, :, , and newlines as GitHub documents', () => {
    expect(escapeData('50% klart\nrad två')).toBe('50%25 klart%0Arad två');
  });
});
