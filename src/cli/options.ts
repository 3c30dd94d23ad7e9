// What the commands share: exit codes, the version, value parsers, the common options and the
// command type whose action resolves to an exit code. run.ts imports the commands and the
// commands import this module, never run.ts: no import cycle (test/cli-cycles.test.ts).

import { readFileSync } from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { CliWords, OptionWords } from '../diagnostics/messages/cli.js';
import { cliSv } from '../diagnostics/messages/cli-sv.js';
import { language, type Lang } from '../diagnostics/messages/index.js';
import { UsageError, type UsageCode } from '../load/discover.js';
import { OutputError, type OutputReason } from '../util/output-error.js';
import { printable } from '../util/printable.js';
import { packagePath } from '../paths.js';

export const EXIT = { ok: 0, findings: 1, failure: 2, interrupted: 130 } as const;

/** The package's version, from package.json: shown by --version and written into init's workflow. */
export const VERSION = (JSON.parse(readFileSync(packagePath('package.json'), 'utf8')) as { version: string }).version;

export function parseDate(value: string, words: CliWords = cliSv): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new InvalidArgumentError(words.invalid.date);
  }
  return value;
}

export function parseCount(value: string, words: CliWords = cliSv): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError(words.invalid.count);
  return Number(value);
}

/** `--name <value>` with its help line, in the words' language. */
export const option = (flags: string, words: OptionWords): Option => new Option(`${flags} <${words.value}>`, words.text);

/** `--lang <sv|en>`: the language of what a command says (its help line may differ by command). */
export const langOption = (words: OptionWords): Option => option('--lang', words).choices(['sv', 'en']);

/** --lang, --as-of and --config: what every command that reads a repository takes. */
export function repoOptions<C extends Command>(cmd: C, words: CliWords): C {
  cmd
    .addOption(langOption(words.common.lang))
    .addOption(option('--as-of', words.common.asOf).argParser((v) => parseDate(v, words)))
    .addOption(option('--config', words.common.config));
  return cmd;
}

export function commonOptions<C extends Command>(cmd: C, words: CliWords): C {
  repoOptions(cmd, words)
    // --color before --no-color: commander then leaves the default undefined, meaning "decide".
    .option('--color', words.common.color)
    .option('--no-color', words.common.noColor)
    .option('--debug', words.common.debug);
  return cmd;
}

/**
 * A lofte command: commander's Command whose action resolves to an exit code, which run() reads
 * from `exitCode` once commander has run it.
 */
export class LofteCommand extends Command {
  exitCode: number | undefined;
  /** The language the command chose (--lang, the config, $LOFTE_LANG), for a usage error it throws. */
  lang: Lang | undefined;

  /** The action, resolving to the exit code of the run. */
  run<A extends unknown[]>(action: (...args: A) => Promise<number>): this {
    return this.action(async (...args: unknown[]) => {
      this.exitCode = await action(...(args as A));
    });
  }
}

/** A refusal to write, in words: the reason chooses the entry, whose argument type is the reason's own. */
export function outputMessage<R extends OutputReason>(lang: Lang, err: OutputError<R>): string {
  const say = language(lang).ui.output[err.reason] as (args: OutputError<R>['args']) => string;
  return say(err.args);
}

/** A usage error in words: the code chooses the entry, whose argument type is the code's own. */
export function usageMessage<C extends UsageCode>(lang: Lang, err: UsageError<C>): string {
  const say = language(lang).ui.usage[err.code] as (args: UsageError<C>['args']) => string;
  return say(err.args);
}

/** The line a failed run prints (without its line end): a refusal to write, a usage error, or an internal error. */
export function errorLine(lang: Lang, err: unknown): string {
  if (err instanceof OutputError) return `lofte: ${outputMessage(lang, err)}`;
  if (err instanceof UsageError) return `lofte: ${printable(usageMessage(lang, err))}`;
  return language(lang).ui.internalError(printable(err instanceof Error ? err.message : String(err)));
}
