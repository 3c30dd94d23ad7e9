// The shape of one language's wording: every rule's text and the CLI's own words.

import type { Args, Diagnostic } from '../types.js';
import type { OutputArgs, OutputReason } from '../../util/output-error.js';
import type { UsageArgs, UsageCode } from '../../load/discover.js';
import type { CliWords } from './cli.js';

export interface Wording {
  message: string;
  hint?: string;
}

export interface RuleWords {
  /** A short name for the rule, used in rule tables and SARIF. */
  title: string;
  say(args: Args, d: Diagnostic): Wording;
}

export interface UiWords {
  severity: Record<Diagnostic['severity'], string>;
  hint: string;
  related: Record<'first-definition' | 'other', string>;
  summary(counts: { errors: number; warnings: number; filesWithProblems: number; files: number }): string;
  skipped: Record<string, string>;
  skippedHeader: string;
  usage: { readonly [C in UsageCode]: (args: UsageArgs[C]) => string };
  internalError(message: string): string;
  /** Why lofte did not write where it was asked to (OutputError): the path, what to do, what changed. */
  output: { readonly [R in OutputReason]: (args: OutputArgs[R]) => string };
  /** Why warnings alone failed the run (--strict or --max-warnings). */
  warningsFailed(args: { warnings: number; max: number | undefined; strict: boolean }): string;
  /** --quiet left this many warnings out. */
  warningsHidden(count: number): string;
  /** $LOFTE_THREADS was set to something that is not a thread count. */
  threadsIgnored(value: string): string;
  /** The --cache folder could not be written (the check itself ran); `code` is the system's error code. */
  cacheNotWritten(args: { location: string; code: string }): string;
}

export interface Language {
  rules: Record<string, RuleWords>;
  ui: UiWords;
  /** The command line's own words: help, summaries, refusals. */
  cli: CliWords;
}

/** Reads an argument as text, a list, or a number, whatever the finding stored. */
export const str = (v: Args[string]): string => (v === undefined ? '' : Array.isArray(v) ? v.join(', ') : String(v));
export const list = (v: Args[string]): string[] => (Array.isArray(v) ? [...(v as readonly string[])] : v === undefined ? [] : [String(v)]);
export const code = (v: Args[string] | string): string => `\`${str(v)}\``;

/**
 * A number as it was probably written: YAML drops a kommunkod's leading zero (0114 → 114), and
 * SCB's codes have four digits, so the quoted fix is "0114", not "114".
 */
export function asWritten(a: Args): string {
  const value = str(a['value']);
  return a['field'] === 'kommunkod' && /^\d{1,3}$/.test(value) ? value.padStart(4, '0') : value;
}

