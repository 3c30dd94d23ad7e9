// The command line as a function: run(argv, io) → exit code (0 clean, 1 findings, 2 could not run).

import { Command, CommanderError, type Argument, type Help, type Option } from 'commander';
import { isLang, language, type Lang } from '../diagnostics/messages/index.js';
import type { CliWords } from '../diagnostics/messages/cli.js';
import { UsageError } from '../load/discover.js';
import { OutputError } from '../util/output-error.js';
import { loadColor } from '../format/paint.js';
import { printable } from '../util/printable.js';
import type { CliIo } from './io.js';
import { linksCommand } from './links.js';
import { lspCommand } from './lsp.js';
import { exportCommand, reportCommand } from './report.js';
import { initCommand, newCommand } from './init.js';
import { errorLine, EXIT, LofteCommand, VERSION } from './options.js';
import { rulesCommand } from './rules.js';
import { schemaCommand } from './schema.js';
import { validateCommand } from './validate.js';

/**
 * Commander's message quotes the command line, which may hold any character: made printable, all
 * but the line break commander puts before its own did-you-mean (whose names are lofte's).
 */
function printableCommanderMessage(message: string): string {
  const suggestion = /\n(\((?:Menade du|Did you mean) [^\n]*\))$/.exec(message);
  return suggestion ? `${printable(message.slice(0, suggestion.index))}\n${printable(suggestion[1] ?? '')}` : printable(message);
}

/** The language of help and usage errors: --lang, else $LOFTE_LANG, else Swedish (a command's config may choose later). */
function argvLang(argv: readonly string[], env: CliIo['env']): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const value = i < 0 ? env['LOFTE_LANG'] : argv[i]?.includes('=') ? argv[i]?.split('=')[1] : argv[i + 1];
  return isLang(value) ? value : 'sv';
}

/** Commander's help in the chosen language: its titles, its "(default: …)" and its usage terms. */
function helpIn(words: CliWords): Partial<Help> {
  const h = words.help;
  const titles: Readonly<Record<string, string>> = { 'Usage:': h.usage, 'Options:': h.options, 'Commands:': h.commands, 'Arguments:': h.arguments, 'Global Options:': h.globalOptions };
  const extra = (description: string, info: readonly string[]): string => (info.length === 0 ? description : `${description} (${info.join(', ')})`.trimStart());
  const argName = (a: Argument): string => {
    const name = a.name() + (a.variadic ? '...' : '');
    return a.required ? `<${name}>` : `[${name}]`;
  };
  return {
    styleTitle: (title: string) => titles[title] ?? title,
    optionDescription(o: Option): string {
      const info: string[] = [];
      if (o.argChoices) info.push(`${h.choices}: ${o.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
      if (o.defaultValue !== undefined && (o.required || o.optional || (o.isBoolean() && typeof o.defaultValue === 'boolean'))) {
        info.push(`${h.default}: ${o.defaultValueDescription || JSON.stringify(o.defaultValue)}`);
      }
      if (o.presetArg !== undefined && o.optional) info.push(`${h.preset}: ${JSON.stringify(o.presetArg)}`);
      if (o.envVar !== undefined) info.push(`${h.env}: ${o.envVar}`);
      return extra(o.description ?? '', info);
    },
    argumentDescription(a: Argument): string {
      const info: string[] = [];
      if (a.argChoices) info.push(`${h.choices}: ${a.argChoices.map((c) => JSON.stringify(c)).join(', ')}`);
      if (a.defaultValue !== undefined) info.push(`${h.default}: ${a.defaultValueDescription || JSON.stringify(a.defaultValue)}`);
      return extra(a.description ?? '', info);
    },
    subcommandTerm: (cmd: Command) =>
      [cmd.name(), ...(cmd.options.length > 0 ? [h.optionsTerm] : []), ...cmd.registeredArguments.map(argName)].join(' '),
    commandUsage(cmd: Command): string {
      const terms: Readonly<Record<string, string>> = { '[options]': h.optionsTerm, '[command]': h.commandTerm };
      const names: string[] = [];
      for (let c = cmd.parent; c; c = c.parent) names.unshift(c.name());
      return [...names, cmd.name(), ...cmd.usage().split(' ').map((w) => terms[w] ?? w)].filter((s) => s !== '').join(' ');
    },
  };
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  const lang = argvLang(argv, io.env);
  const words = language(lang).cli;
  // Colour is decided per output later; chalk is loaded now only if any output may get it.
  const forced = io.env['FORCE_COLOR'];
  if (io.stdoutIsTTY || io.stderrIsTTY || argv.includes('--color') || (forced !== undefined && forced !== '0' && forced.toLowerCase() !== 'false')) await loadColor();
  const program = new Command('lofte')
    .description(words.program.description)
    .helpOption('-h, --help', words.program.help)
    .helpCommand(`help [${words.program.helpCommand.name}]`, words.program.helpCommand.text)
    .version(VERSION, '-V, --version', words.program.version)
    .configureHelp(helpIn(words))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`lofte: ${printableCommanderMessage(words.commanderError(s.trim().replace(/^error: /, '')))}\n`),
    });

  const commands: LofteCommand[] = [
    validateCommand(io, words),
    linksCommand(io, words),
    reportCommand(io, words),
    exportCommand(io, words),
    schemaCommand(io, words),
    initCommand(io, words),
    newCommand(io, words),
    rulesCommand(io, words),
    lspCommand(io, words),
  ];
  for (const cmd of commands) program.addCommand(cmd.copyInheritedSettings(program));

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return commands.find((c) => c.exitCode !== undefined)?.exitCode ?? EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      return err.exitCode === 0 ? EXIT.ok : EXIT.failure;
    }
    // A usage or output error is told in the language its command chose (--lang, the config).
    const known = err instanceof OutputError || err instanceof UsageError;
    io.stderr(`${errorLine(known ? (commands.find((c) => c.lang !== undefined)?.lang ?? lang) : lang, err)}\n`);
    if (!known && argv.includes('--debug') && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return EXIT.failure;
  }
}
