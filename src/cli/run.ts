// The command line as a function: run(argv, io) → exit code (0 clean, 1 findings, 2 could not run).

import { readFileSync } from 'node:fs';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { packagePath } from '../paths.js';
import { isLang, language, type Lang } from '../diagnostics/messages/index.js';
import { UsageError } from '../load/discover.js';
import { OutputError } from '../util/output-error.js';
import { commanderMessage } from './commander-sv.js';
import { loadColor } from '../format/paint.js';
import { printable } from '../util/printable.js';
import type { CliIo } from './io.js';
import { linksCommand } from './links.js';
import { lspCommand } from './lsp.js';
import { reportCommand } from './report.js';
import { initCommand, newCommand } from './init.js';
import { rulesCommand } from './rules.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

export const EXIT = { ok: 0, findings: 1, failure: 2, interrupted: 130 } as const;

/** The package's version, from package.json: shown by --version and written into init's workflow. */
export const VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

/**
 * Commander's message quotes the command line, which may hold any character: made printable, all
 * but the line break commander puts before its own did-you-mean (whose names are lofte's).
 */
function printableCommanderMessage(message: string): string {
  const suggestion = /\n(\((?:Menade du|Did you mean) [^\n]*\))$/.exec(message);
  return suggestion ? `${printable(message.slice(0, suggestion.index))}\n${printable(suggestion[1] ?? '')}` : printable(message);
}

function argvLang(argv: readonly string[], env: CliIo['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env['LOFTE_LANG'] : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return isLang(value) ? value : 'sv';
}

export function parseDate(value: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError('ÅÅÅÅ-MM-DD / YYYY-MM-DD');
  }
  return value;
}

export function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('0, 1, 2 …');
  return Number(value);
}

export function commonOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--lang <språk>', 'språk för meddelanden: sv eller en').choices(['sv', 'en']))
    .addOption(new Option('--as-of <datum>', 'dagen som tidsberoende regler utgår från (ÅÅÅÅ-MM-DD); standard: i dag').argParser(parseDate))
    .option('--config <fil>', 'konfigurationsfil (standard: närmaste lofte.config.yaml)')
    // --color before --no-color: commander then leaves the default undefined, meaning "decide".
    .option('--color', 'färger även när utdata inte går till en terminal')
    .option('--no-color', 'utan färger')
    .option('--debug', 'visa fullständig felinformation vid interna fel');
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = argvLang(argv, io.env);
  // Colour is decided per output later; chalk is loaded now only if any output may get it.
  const forced = io.env['FORCE_COLOR'];
  if (io.stdoutIsTTY || io.stderrIsTTY || argv.includes('--color') || (forced !== undefined && forced !== '0' && forced.toLowerCase() !== 'false')) await loadColor();
  let exitCode: number = EXIT.ok;
  const program = new Command('lofte')
    .description('Medborgarlöften som kod: kontrollera, länka och publicera lokala medborgarlöften.')
    .helpOption('-h, --help', 'visa hjälp')
    .helpCommand('help [kommando]', 'visa hjälp för ett kommando')
    .version(VERSION, '-V, --version', 'visa versionen')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`lofte: ${printableCommanderMessage(commanderMessage(s, lang))}\n`),
    });

  const setExit = (code: number): void => void (exitCode = code);
  validateCommand(program, io, setExit);
  linksCommand(program, io, setExit);
  reportCommand(program, io, setExit);
  schemaCommand(program, io, setExit);
  initCommand(program, io, setExit);
  newCommand(program, io, setExit);
  rulesCommand(program, io, setExit);
  lspCommand(program, io);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.failure;
    }
    if (err instanceof OutputError) {
      io.stderr(`lofte: ${language(lang).ui.output[err.reason](err.args)}\n`);
      return EXIT.failure;
    }
    if (err instanceof UsageError) {
      const ui = language(lang).ui;
      io.stderr(`lofte: ${printable(ui.usage[err.code]?.(err.args) ?? err.code)}\n`);
      return EXIT.failure;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`${language(lang).ui.internalError(printable(message))}\n`);
    if (argv.includes('--debug') && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return EXIT.failure;
  }
}
