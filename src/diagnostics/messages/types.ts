// The shape of one language's words outside the catalog: the formatters' labels and the CLI's own words.

import type { Diagnostic } from '../types.js';
import type { OutputArgs, OutputReason } from '../../util/output-error.js';
import type { UsageArgs, UsageCode } from '../../load/discover.js';
import type { CliWords } from './cli.js';

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

/**
 * One language's words for everything that is not a finding (those live with their codes in the
 * catalog): the formatters' labels and summary, and the CLI's own messages.
 */
export interface Language {
  ui: UiWords;
  /** The command line's own words: help, summaries, refusals. */
  cli: CliWords;
}
