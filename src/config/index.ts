// lofte.config.yaml: found from the working directory upwards (to the git root), validated, applied.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { RULES } from '../diagnostics/catalog.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics/types.js';
import { displayName, UsageError, type WalkDependencies } from '../load/discover.js';
import { readText, syntaxDiagnostic } from '../load/index.js';
import { DEFAULT_PARSE_LIMITS, isPlainObject, parseYamlFile, type ParseLimits } from '../load/parse.js';
import { isLang } from '../diagnostics/messages/index.js';
import { START_OF_FILE } from '../diagnostics/make.js';
import { globMatcher } from '../util/glob.js';
import { asDict } from '../model/access.js';
import { schemaFindings } from '../schema/errors.js';
import { ajvLib } from '../util/lazy.js';
import { readSchema, type JsonSchema } from '../schema/validators.js';

export const CONFIG_FILE = 'lofte.config.yaml';

export type ConfiguredSeverity = Severity | 'off';

export interface Config {
  /** The file it came from, or undefined for defaults. */
  file: string | undefined;
  /** The repository root: the config file's folder, else the git root, else the working directory. */
  root: string;
  lang: 'sv' | 'en' | undefined;
  severities: ReadonlyMap<string, ConfiguredSeverity>;
  ignore: readonly string[];
  limits: ParseLimits;
  /** Who publishes the report's site and its accessibility statement (`webbplats`). */
  site: SiteConfig;
  /** `oppna_data`: the open data's licence, and what dataportal.se needs beyond `webbplats`. */
  openData: OpenDataConfig;
}

/** `oppna_data` as written; the export module fills in defaults (src/export/settings.ts). */
export interface OpenDataConfig {
  licens?: string;
  utgivare_id?: string;
  kontakt?: { namn: string; epost: string };
}

export interface ContactConfig {
  epost?: string;
  telefon?: string;
  webbadress?: string;
}

/** `webbplats` in lofte.config.yaml; every field optional (the report has defaults). */
export interface SiteConfig {
  utgivare?: string;
  adress?: string;
  kontakt?: ContactConfig;
  tillganglighet?: {
    efterlevnad?: 'helt' | 'delvis' | 'inte';
    kanda_brister?: string[];
    bedomning?: { datum?: string; metod?: 'sjalvskattning' | 'extern' };
    granskad?: string;
    svarstid?: string;
    rapportera?: ContactConfig;
  };
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function contactConfig(v: unknown): ContactConfig | undefined {
  const d = asDict(v);
  if (!d) return undefined;
  return { epost: str(d['epost']), telefon: str(d['telefon']), webbadress: str(d['webbadress']) };
}

/** The `webbplats` section read defensively: a config with errors never gets this far, but stays typed. */
function siteConfig(v: unknown): SiteConfig {
  const d = asDict(v) ?? {};
  const t = asDict(d['tillganglighet']);
  const b = asDict(t?.['bedomning']);
  const efterlevnad = t?.['efterlevnad'];
  const metod = b?.['metod'];
  return {
    utgivare: str(d['utgivare']),
    adress: str(d['adress']),
    kontakt: contactConfig(d['kontakt']),
    tillganglighet: t
      ? {
          efterlevnad: efterlevnad === 'helt' || efterlevnad === 'delvis' || efterlevnad === 'inte' ? efterlevnad : undefined,
          kanda_brister: Array.isArray(t['kanda_brister']) ? t['kanda_brister'].filter((x): x is string => typeof x === 'string') : undefined,
          bedomning: b ? { datum: str(b['datum']), metod: metod === 'sjalvskattning' || metod === 'extern' ? metod : undefined } : undefined,
          granskad: str(t['granskad']),
          svarstid: str(t['svarstid']),
          rapportera: contactConfig(t['rapportera']),
        }
      : undefined,
  };
}

const SEVERITY: Readonly<Record<string, ConfiguredSeverity>> = { off: 'off', warn: 'warning', error: 'error' };

/** The config schema with one property per rule, so a misspelt rule gets a did-you-mean. */
export function configSchema(): JsonSchema {
  const schema = readSchema('config.schema.json');
  const regler = (schema['properties'] as Record<string, JsonSchema>)['regler'] as JsonSchema;
  regler['properties'] = Object.fromEntries(
    RULES.map((r) => [r.code, { enum: ['off', 'warn', 'error'], description: `Allvarsgrad för ${r.code} (standard: ${r.defaultSeverity === 'error' ? 'error' : 'warn'}).` }]),
  );
  return schema;
}

function gitRoot(from: string): string | undefined {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, '.git'))) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The nearest lofte.config.yaml from `cwd` upwards, not past the git root. */
export function findConfig(cwd: string): string | undefined {
  const stop = gitRoot(cwd);
  for (let dir = cwd; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    if (dir === stop || path.dirname(dir) === dir) return undefined;
  }
}

export interface ConfigResult {
  config: Config;
  diagnostics: Diagnostic[];
}

export async function loadConfig(cwd: string, explicit?: string): Promise<ConfigResult> {
  const file = explicit ? path.resolve(cwd, explicit) : findConfig(cwd);
  const defaults: Config = { file: undefined, root: gitRoot(cwd) ?? cwd, lang: undefined, severities: new Map(), ignore: [], limits: DEFAULT_PARSE_LIMITS, site: {}, openData: {} };
  if (!file) return { config: defaults, diagnostics: [] };
  const name = displayName(cwd, file);
  // Read as documents are read: a FIFO or a device named as the config is refused, not waited on.
  const read = readText(file, DEFAULT_PARSE_LIMITS.maxFileBytes);
  if (read.kind === 'unreadable' && read.error === 'gone') throw new UsageError('path-not-found', { path: explicit ?? file });
  if (read.kind !== 'text') {
    const d = read.kind === 'too-large' ? makeDiagnostic('file-too-large', name, START_OF_FILE, [], { size: read.size, max: DEFAULT_PARSE_LIMITS.maxFileBytes }) : makeDiagnostic('file-unreadable', name, START_OF_FILE, [], { reason: read.error });
    return { config: { ...defaults, file, root: path.dirname(file) }, diagnostics: [d] };
  }
  const text = read.text;
  const parsed = parseYamlFile(text);
  const diagnostics: Diagnostic[] = parsed.problems.map((p) => syntaxDiagnostic(name, p));
  const doc = parsed.documents[0];
  const value = doc?.value ?? {};
  if (doc) {
    // Loaded only when a repository has a config file: most runs never need ajv itself.
    const { Ajv2020 } = ajvLib();
    const ajv = new Ajv2020({ allErrors: true, strict: true, verbose: true });
    const validate = ajv.compile(configSchema());
    if (!validate(value)) {
      const schemas = { validate: () => [], resolveRef: () => undefined };
      for (const f of schemaFindings(validate.errors ?? [], schemas)) {
        diagnostics.push(makeDiagnostic('config', name, doc.locator.locate(f.path, f.target), f.path, f.args));
      }
    }
  }
  // Each field is taken only in the shape the schema allows: an invalid one has its finding above,
  // and the command stops on it; until then nothing may crash on it (`sprak: EN`, `regler: x`).
  const v = isPlainObject(value) ? value : {};
  const own = (o: unknown, key: string): unknown => (isPlainObject(o) && Object.hasOwn(o, key) ? o[key] : undefined);
  const granser = own(v, 'granser');
  const int = (n: unknown, fallback: number, min: number): number => (typeof n === 'number' && Number.isSafeInteger(n) && n >= min ? n : fallback);
  const limits: ParseLimits = {
    maxFileBytes: int(own(granser, 'filstorlek_kb'), DEFAULT_PARSE_LIMITS.maxFileBytes / 1024, 1) * 1024,
    maxAliasCount: int(own(granser, 'alias'), DEFAULT_PARSE_LIMITS.maxAliasCount, 0),
    maxDepth: int(own(granser, 'djup'), DEFAULT_PARSE_LIMITS.maxDepth, 8),
  };
  const severities = new Map<string, ConfiguredSeverity>();
  const regler = own(v, 'regler');
  if (isPlainObject(regler)) {
    for (const [rule, level] of Object.entries(regler)) {
      if (typeof level === 'string' && Object.hasOwn(SEVERITY, level)) severities.set(rule, SEVERITY[level] as ConfiguredSeverity);
    }
  }
  const sprak = own(v, 'sprak');
  const ignorera = own(v, 'ignorera');
  return {
    config: {
      file,
      root: path.dirname(file),
      lang: isLang(sprak) ? sprak : undefined,
      severities,
      ignore: Array.isArray(ignorera) ? ignorera.filter((g): g is string => typeof g === 'string' && g !== '' && g.length <= MAX_GLOB_LENGTH) : [],
      limits,
      site: siteConfig(own(v, 'webbplats')),
      openData: openDataConfig(v),
    },
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

/** Longest `ignorera` pattern (the schema says so too): matching costs pattern × path length. */
const MAX_GLOB_LENGTH = 500;

/** `oppna_data` from a config that may not have passed its schema: only well-formed parts are kept. */
function openDataConfig(value: unknown): OpenDataConfig {
  const o = asDict(asDict(value)?.['oppna_data']) ?? {};
  const kontakt = asDict(o['kontakt']);
  const namn = str(kontakt?.['namn']);
  const epost = str(kontakt?.['epost']);
  return { licens: str(o['licens']), utgivare_id: str(o['utgivare_id']), kontakt: namn && epost ? { namn, epost } : undefined };
}

/** A predicate for discovery: true for paths (relative to cwd) that the config's globs ignore. */
export function ignorePredicate(config: Config, cwd: string): (((relPath: string) => boolean) & WalkDependencies) | undefined {
  if (config.ignore.length === 0) return undefined;
  const match = globMatcher(config.ignore);
  const ignored = (relPath: string): boolean => {
    const fromRoot = path.relative(config.root, path.resolve(cwd, relPath)).split(path.sep).join('/');
    return match(fromRoot) || match(fromRoot.replace(/\/$/, ''));
  };
  return Object.assign(ignored, { key: JSON.stringify([config.root, config.ignore]) });
}
