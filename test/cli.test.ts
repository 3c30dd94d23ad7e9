// The command line: exit codes, usage errors and options, in-process and through the real bin/.

import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from './helpers.js';

describe('exit codes', () => {
  it('0 for a clean repository', async () => {
    const r = await runCli(['validate', 'examples/parken']);
    expect(r).toEqual({ code: 0, stdout: '✔ Inga fel eller varningar (4 filer kontrollerade).\n', stderr: '' });
  });

  it('1 when there are errors', async () => {
    expect((await runCli(['validate', 'examples/trasig'])).code).toBe(1);
  });

  it('2 for a path that does not exist, with a Swedish message', async () => {
    expect(await runCli(['validate', 'finns-inte'])).toEqual({ code: 2, stdout: '', stderr: 'lofte: Sökvägen "finns-inte" finns inte.\n' });
  });

  it('2 for a file lofte cannot read as YAML or Markdown', async () => {
    const r = await runCli(['validate', 'package.json']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'lofte: "package.json" är varken en mapp eller en .yaml-, .yml- eller .md-fil.\n' });
  });

  it('2 for an unknown format, naming the allowed ones', async () => {
    const r = await runCli(['validate', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('lofte: okänt format "xml". Tillåtna: stylish, json, github, sarif, junit.\n');
  });

  it('2 for an unknown command, with a suggestion', async () => {
    const r = await runCli(['valdate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("lofte: okänt kommando 'valdate'\n(Menade du validate?)\n");
  });

  it('2 for an unknown option', async () => {
    const r = await runCli(['validate', '--stirct']);
    expect(r).toMatchObject({ code: 2, stdout: '' });
    expect(r.stderr).toMatch(/^lofte: okänd flagga '--stirct'/);
  });

  it('2 for a malformed --as-of or --max-warnings', async () => {
    const asOf = await runCli(['validate', '--as-of', '2026-02-30']);
    expect(asOf.code).toBe(2);
    expect(asOf.stderr).toBe("lofte: ogiltigt värde '2026-02-30' för '--as-of <datum>': ÅÅÅÅ-MM-DD / YYYY-MM-DD\n");
    const max = await runCli(['validate', '--max-warnings', 'många']);
    expect(max.code).toBe(2);
    expect(max.stderr).toBe("lofte: ogiltigt värde 'många' för '--max-warnings <antal>': 0, 1, 2 …\n");
  });

  it('0 for --help and --version', async () => {
    const help = await runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('kontrollera filerna och visa alla fel och varningar');
    expect((await runCli(['--version'])).stdout).toBe('0.1.0\n');
  });
});

describe('options', () => {
  it('validates the working directory when no path is given', async () => {
    const r = await runCli(['validate'], { cwd: `${process.cwd()}/examples/parken` });
    expect(r.stdout).toBe('✔ Inga fel eller varningar (4 filer kontrollerade).\n');
  });

  it('says so, and checks on one thread, when LOFTE_THREADS is not a thread count', async () => {
    for (const value of ['två', '0', '1.5', '17']) {
      const r = await runCli(['validate', 'examples/parken'], { env: { LOFTE_THREADS: value } });
      expect(r.code, value).toBe(0);
      expect(r.stderr, value).toBe(`lofte: LOFTE_THREADS="${value}" är inte ett heltal från 1 till 16, så filerna kontrolleras i en tråd.\n`);
    }
    const two = await runCli(['validate', 'examples/trasig', '--format', 'json'], { env: { LOFTE_THREADS: '2' } });
    expect(two.stderr).toBe('');
    expect(two.stdout).toBe((await runCli(['validate', 'examples/trasig', '--format', 'json'])).stdout);
  });

  it('--lang en words messages in English', async () => {
    const r = await runCli(['validate', 'examples/trasig/unknown-kommunkod.yaml', '--lang', 'en']);
    expect(r.stdout).toContain("6:12  error  Municipality code `1888` is not one of SCB's 290 codes.  unknown-kommunkod");
  });

  it('colours at a terminal, but not with NO_COLOR or --no-color', async () => {
    const args = ['validate', 'examples/trasig/duplicate-id.yaml'];
    expect((await runCli(args, { tty: true })).stdout).toContain('\u001b[');
    expect((await runCli(args, { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await runCli([...args, '--no-color'], { tty: true })).stdout).not.toContain('\u001b[');
    expect((await runCli([...args, '--color'], { tty: false })).stdout).toContain('\u001b[');
  });
});

describe('the real bin/', () => {
  it('runs, prints plain text to a pipe and sets the exit code', () => {
    const r = spawnCli(['validate', 'examples/trasig/schema.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toMatch(/\n {2}10:5 +fel +Löftet saknar fältet `ansvarig`\. {2}schema\n/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('writes GitHub annotations relative to GITHUB_WORKSPACE', () => {
    const r = spawnCli(['validate', 'trasig/unknown-kommunkod.yaml', '--format', 'github'], {
      cwd: `${process.cwd()}/examples`,
      env: { GITHUB_WORKSPACE: process.cwd() },
    });
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n')[0]).toMatch(/^::error file=examples\/trasig\/unknown-kommunkod\.yaml,line=6,col=12,/);
  });

  it('exits 2 without a stack trace for a missing path', () => {
    const r = spawnCli(['validate', 'nej']);
    expect(r).toEqual({ code: 2, stdout: '', stderr: 'lofte: Sökvägen "nej" finns inte.\n' });
  });
});

describe('unexpected internal errors', () => {
  /** A real failure from outside lofte's own logic: the output pipe is gone (EPIPE). */
  async function withBrokenPipe(argv: string[]): Promise<{ code: number; stderr: string }> {
    let stderr = '';
    const { run } = await import('../src/cli/run.js');
    const code = await run(argv, {
      stdout: () => {
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      },
      stderr: (s) => void (stderr += s),
      cwd: process.cwd(),
      env: {},
      stdoutIsTTY: false,
      now: () => new Date('2026-11-24T12:00:00'),
    });
    return { code, stderr };
  }

  it('print a short Swedish message with a bug-report hint and exit 2, never 0', async () => {
    expect(await withBrokenPipe(['validate', 'examples/parken'])).toEqual({
      code: 2,
      stderr: 'lofte: internt fel (write EPIPE). Det här är en bugg i lofte, inte i dina filer. Kör igen med --debug och rapportera utskriften.\n',
    });
  });

  it('show the stack only with --debug', async () => {
    const { stderr } = await withBrokenPipe(['validate', 'examples/parken', '--debug']);
    expect(stderr).toMatch(/^lofte: internt fel \(write EPIPE\)\..*\nError: write EPIPE\n\s+at /s);
  });
});
