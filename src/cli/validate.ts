// `lofte validate [paths…]`: check a repository and print every finding.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { language, type Lang } from '../diagnostics/messages/index.js';
import { FORMATTERS } from '../format/index.js';
import { countDiagnostics } from '../format/types.js';
import { validateRepository } from '../validate.js';
import { localDate, type CliIo } from './io.js';
import { commonOptions, EXIT, parseCount } from './run.js';

interface ValidateFlags {
  format: string;
  lang?: Lang;
  asOf?: string;
  color?: boolean;
  maxWarnings?: number;
  verbose?: boolean;
}

/** The folder CI annotations are relative to: $GITHUB_WORKSPACE, else the git root, else cwd. */
export function repoRoot(io: CliIo): string {
  if (io.env['GITHUB_WORKSPACE']) return io.env['GITHUB_WORKSPACE'];
  let dir = io.cwd;
  for (;;) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return io.cwd;
    dir = parent;
  }
}

/** `--color` forces colour, `--no-color` and NO_COLOR turn it off; otherwise only at a terminal. */
export function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if ((io.env['NO_COLOR'] ?? '') !== '') return false;
  return io.stdoutIsTTY;
}

export function validateCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const cmd = program
    .command('validate')
    .description('kontrollera filerna och visa alla fel och varningar')
    .argument('[sökvägar...]', 'filer och mappar att kontrollera', ['.'])
    .addOption(new Option('-f, --format <format>', 'utdataformat').choices(Object.keys(FORMATTERS)).default('stylish'))
    .addOption(new Option('--max-warnings <antal>', 'misslyckas (slutkod 1) om varningarna är fler än så').argParser(parseCount))
    .option('--verbose', 'visa också vilka filer som hoppades över');
  commonOptions(cmd).action(async (paths: string[], flags: ValidateFlags) => {
    const lang = flags.lang ?? 'sv';
    const asOf = flags.asOf ?? localDate(io.now());
    const result = await validateRepository({ cwd: io.cwd, paths, asOf });
    const root = repoRoot(io);
    const formatter = FORMATTERS[flags.format] ?? FORMATTERS['stylish'];
    const color = flags.format === 'stylish' && useColor(flags.color, io);
    if (flags.verbose && result.skipped.length > 0) {
      const ui = language(lang).ui;
      io.stderr(`${ui.skippedHeader}\n${result.skipped.map((s) => `  ${s.file}: ${ui.skipped[s.reason] ?? s.reason}`).join('\n')}\n`);
    }
    io.stdout(
      formatter!(result.diagnostics, {
        lang,
        color,
        fileCount: result.fileCount,
        toRepoPath: (file) => path.relative(root, path.resolve(io.cwd, file)).split(path.sep).join('/'),
      }),
    );
    const counts = countDiagnostics(result.diagnostics, result.fileCount);
    const tooManyWarnings = flags.maxWarnings !== undefined && counts.warnings > flags.maxWarnings;
    setExit(counts.errors > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok);
  });
}
