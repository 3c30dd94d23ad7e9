// SARIF 2.1.0 for GitHub code scanning: every catalog rule as a reportingDescriptor, one result per finding.

import { readFileSync } from 'node:fs';
import { definitionOf, RULES, ruleDocsPath } from '../diagnostics/catalog.js';
import { describeParts, language, type Lang } from '../diagnostics/messages/index.js';
import { MARKDOWN, PLAIN, render, type Message, type PartStyle } from '../diagnostics/parts.js';
import { formatPath, type Diagnostic, type Range } from '../diagnostics/types.js';
import { packagePath } from '../paths.js';
import { printable } from '../util/printable.js';
import type { Formatter } from './types.js';
import { cryptoLib } from '../util/lazy.js';


/** lofte's public home, from package.json's `repository` (one place to change it). */
export const INFORMATION_URI = repositoryUrl();

function repositoryUrl(): string {
  const text = readPackageFile('package.json');
  const repo: unknown = text === undefined ? undefined : (JSON.parse(text) as { repository?: unknown }).repository;
  const url = typeof repo === 'string' ? repo : typeof repo === 'object' && repo !== null ? (repo as { url?: unknown }).url : undefined;
  return typeof url === 'string' ? url.replace(/^git\+/, '').replace(/\.git$/, '') : 'https://www.npmjs.com/package/lofte';
}

/**
 * Where the rule pages are linked (GitHub rejects a relative helpUri): $LOFTE_DOCS_URL when set
 * (a site that mirrors docs/), else the pages as this version shipped them, at its tag.
 */
export function docsBaseUrl(env: Readonly<Record<string, string | undefined>> = {}): string {
  const base = env['LOFTE_DOCS_URL'];
  return base !== undefined && /^https?:\/\//.test(base) ? base.replace(/\/+$/, '') : `${INFORMATION_URI}/blob/v${packageVersion()}`;
}

let docsBase: string | undefined;

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** Named and versioned so a future change of what is hashed does not pass for the old key. */
export const FINGERPRINT_KEY = 'lofteFinding/v1';

interface Text {
  text: string;
  markdown?: string;
}

interface Region {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}

interface PhysicalLocation {
  artifactLocation: { uri: string; uriBaseId: '%SRCROOT%' };
  region: Region;
}

export interface SarifRule {
  id: string;
  name: string;
  shortDescription: Text;
  fullDescription: Text;
  helpUri: string;
  help: Text;
  defaultConfiguration: { level: Diagnostic['severity'] };
}

export interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: Diagnostic['severity'];
  message: Text;
  locations: { physicalLocation: PhysicalLocation }[];
  relatedLocations?: { id: number; physicalLocation: PhysicalLocation; message: Text }[];
  partialFingerprints: Record<string, string>;
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri: string; version: string; rules: SarifRule[] } };
    language: string;
    columnKind: 'utf16CodeUnits';
    results: SarifResult[];
  }[];
}

const pascalCase = (code: string): string =>
  code
    .split('-')
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export const ruleHelpUri = (code: string): string => `${docsBase ?? docsBaseUrl()}/${ruleDocsPath(code)}`;

function readPackageFile(...segments: string[]): string | undefined {
  try {
    return readFileSync(packagePath(...segments), 'utf8');
  } catch {
    return undefined;
  }
}

function packageVersion(): string {
  const text = readPackageFile('package.json');
  const version: unknown = text === undefined ? undefined : (JSON.parse(text) as { version?: unknown }).version;
  return typeof version === 'string' ? version : '0.0.0';
}

/** The "Vad regeln kontrollerar" section of a rule page, with relative links made absolute for GitHub. */
export function ruleChecksSection(page: string, code: string): string | undefined {
  const lines = page.split(/\r?\n/);
  const start = lines.findIndex((l) => l.trim() === '## Vad regeln kontrollerar');
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l.startsWith('## '));
  const section = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  if (section === '') return undefined;
  const pageUrl = new URL(ruleHelpUri(code));
  return section.replace(/\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)/gi, (_m, href: string) => `](${new URL(href, pageUrl).href})`);
}

/** Plain text for clients that do not render Markdown: links spelled out, emphasis dropped. */
const plain = (markdown: string): string => markdown.replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)').replace(/\*\*|__/g, '');

/** The opening paragraph, with the list or example it introduces when it ends in a colon; prose unwrapped. */
function opening(section: string): string {
  const paragraphs = section.split(/\n\s*\n/);
  const kept: string[] = [];
  for (const p of paragraphs) {
    kept.push(/^(- |```)/.test(p) ? p : p.replace(/\s*\n\s*/g, ' '));
    if (!p.trimEnd().endsWith(':')) break;
  }
  return kept.join('\n\n');
}

function sarifRule(code: string, severity: Diagnostic['severity'], lang: Lang): SarifRule {
  const title = definitionOf(code).words[lang].title;
  const helpUri = ruleHelpUri(code);
  // The rule pages exist in Swedish only; an English run links to them rather than mixing languages.
  const page = lang === 'sv' ? readPackageFile('docs', 'rules', `${code}.md`) : undefined;
  const section = page === undefined ? undefined : ruleChecksSection(page, code);
  const help: Text = section
    ? { text: plain(section), markdown: section }
    : { text: `${title}. Rule documentation (in Swedish): ${helpUri}`, markdown: `**${title}.** [Rule documentation](${helpUri}) (in Swedish).` };
  return {
    id: code,
    name: pascalCase(code),
    shortDescription: { text: title },
    fullDescription: section ? { text: plain(opening(section)), markdown: opening(section) } : { text: title },
    helpUri,
    help,
    defaultConfiguration: { level: severity },
  };
}

const driverRules = new Map<string, SarifRule[]>();
let version: string | undefined;

/** Rules and version come from package files; read once, they do not change while lofte runs. */
function driver(lang: Lang) {
  let rules = driverRules.get(`${lang} ${docsBase ?? ''}`);
  if (!rules) driverRules.set(`${lang} ${docsBase ?? ''}`, (rules = RULES.map((r) => sarifRule(r.code, r.defaultSeverity, lang))));
  version ??= packageVersion();
  return { name: 'lofte', informationUri: INFORMATION_URI, version, rules };
}

/** A URI reference for a repository path: each segment percent-encoded, the slashes kept. */
export const toUri = (repoPath: string): string => repoPath.split('/').map(encodeURIComponent).join('/');

const region = (r: Range): Region => ({ startLine: r.start.line, startColumn: r.start.column, endLine: r.end.line, endColumn: r.end.column });

const physical = (file: string, r: Range, toRepoPath: (file: string) => string): PhysicalLocation => ({
  artifactLocation: { uri: toUri(toRepoPath(file)), uriBaseId: '%SRCROOT%' },
  region: region(r),
});

/**
 * What identifies a finding across runs: rule, file, place in the document and arguments, not the
 * line, so an edit above it keeps the finding the same. Identical keys (two documents in one file)
 * are told apart by their order.
 */
function fingerprints(diagnostics: readonly Diagnostic[], toRepoPath: (file: string) => string): string[] {
  const seen = new Map<string, number>();
  return diagnostics.map((d) => {
    const key = JSON.stringify([d.rule, toRepoPath(d.file), formatPath(d.path), d.args]);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return cryptoLib().createHash('sha256').update(n === 0 ? key : `${key}#${n}`).digest('hex');
  });
}

/** SARIF's `text`: plain, as the terminal shows it; `markdown`: escaped words, code as code spans. */
const TEXT: PartStyle = { text: printable, code: (text) => PLAIN.code(printable(text)), value: printable };
const MARKDOWN_TEXT: PartStyle = { text: (text) => MARKDOWN.text(printable(text)), code: (text) => MARKDOWN.code(printable(text)), value: (text) => MARKDOWN.value(printable(text)) };

const lines = (message: Message, hint: Message | undefined, style: PartStyle, separator: string): string =>
  hint ? `${render(message, style)}${separator}${render(hint, style)}` : render(message, style);

export const sarif: Formatter = (diagnostics, ctx) => {
  docsBase = ctx.docsUrl;
  const ui = language(ctx.lang).ui;
  const ruleIndex = new Map<string, number>(RULES.map((r, i) => [r.code, i]));
  const prints = fingerprints(diagnostics, ctx.toRepoPath);
  const results = diagnostics.map((d, i): SarifResult => {
    const words = describeParts(d, ctx.lang);
    const index = ruleIndex.get(d.rule);
    const related = d.related ?? [];
    return {
      ruleId: d.rule,
      ...(index === undefined ? {} : { ruleIndex: index }),
      level: d.severity,
      message: { text: lines(words.message, words.hint, TEXT, '\n'), markdown: lines(words.message, words.hint, MARKDOWN_TEXT, '\n\n') },
      locations: [{ physicalLocation: physical(d.file, d.range, ctx.toRepoPath) }],
      ...(related.length === 0
        ? {}
        : { relatedLocations: related.map((r, id) => ({ id, physicalLocation: physical(r.file, r.range, ctx.toRepoPath), message: { text: ui.related[r.role] } })) }),
      partialFingerprints: { [FINGERPRINT_KEY]: prints[i] ?? '' },
    };
  });
  const log: SarifLog = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{ tool: { driver: driver(ctx.lang) }, language: ctx.lang === 'sv' ? 'sv-SE' : 'en-US', columnKind: 'utf16CodeUnits', results }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
