// `lofte rules`: every rule lofte has, with its severity here, one line on what it finds, and its page.

import path from 'node:path';
import { CONFIG_FILE, loadConfig } from '../config/index.js';
import { definitionOf, RULES, ruleDocsPath } from '../diagnostics/catalog.js';
import type { CliWords } from '../diagnostics/messages/cli.js';
import { language, type Lang } from '../diagnostics/messages/index.js';
import { docsBaseUrl } from '../format/sarif.js';
import { chooseLang } from './context.js';
import type { CliIo } from './io.js';
import { findRepository } from './repository.js';
import { EXIT, langOption, LofteCommand, option } from './options.js';

interface RulesFlags {
  format: 'text' | 'json';
  lang?: Lang;
  config?: string;
}

export function rulesCommand(io: CliIo, cli: CliWords): LofteCommand {
  return new LofteCommand('rules')
    .description(cli.rules.description)
    .addOption(option('-f, --format', cli.rules.format).choices(['text', 'json']).default('text'))
    .addOption(langOption(cli.rules.lang))
    .addOption(option('--config', cli.rules.config))
    .run(async (flags: RulesFlags) => {
      const repo = findRepository(io.cwd, []);
      const file = flags.config ?? (repo?.foundBy === 'config' ? path.join(repo.root, CONFIG_FILE) : undefined);
      const { config } = await loadConfig(io.cwd, file);
      const lang = chooseLang(flags.lang, config, io.env);
      const words = language(lang);
      const base = docsBaseUrl(io.env);
      const rows = RULES.map((r) => {
        const configured = config.severities.get(r.code);
        return {
          code: r.code,
          severity: configured ?? r.defaultSeverity,
          defaultSeverity: r.defaultSeverity,
          title: definitionOf(r.code).words[lang].title,
          docs: `${base}/${ruleDocsPath(r.code)}`,
        };
      });
      if (flags.format === 'json') {
        io.stdout(`${JSON.stringify({ rules: rows }, null, 2)}\n`);
      } else {
        const sev = (s: string): string => (s === 'off' ? s : words.ui.severity[s as 'error' | 'warning']);
        const codeWidth = Math.max(...rows.map((r) => r.code.length));
        const sevWidth = Math.max(...rows.map((r) => sev(r.severity).length));
        io.stdout(`${rows.map((r) => `${r.code.padEnd(codeWidth)}  ${sev(r.severity).padEnd(sevWidth)}  ${r.title}\n${' '.repeat(codeWidth + sevWidth + 4)}${r.docs}`).join('\n')}\n`);
      }
      return EXIT.ok;
    });
}
