// lofte.config.yaml: found from the working directory upwards (to the git root), validated, applied.

import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { RULES } from '../diagnostics/catalog.js';
import { makeDiagnostic } from '../diagnostics/make.js';
import { compareDiagnostics, type Diagnostic, type Severity } from '../diagnostics/types.js';
import { displayName, UsageError } from '../load/discover.js';
import { DEFAULT_PARSE_LIMITS, parseYamlFile, stripBom, type ParseLimits } from '../load/parse.js';
import { asDict } from '../model/access.js';
import { schemaFindings } from '../schema/errors.js';
import { ajvLib, picomatchLib } from '../util/lazy.js';
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
  /** `oppna_data`: who publishes the report's open data, where, and under which licence. */
  openData: OpenDataConfig;
}

/** `oppna_data` as written; the export module fills in defaults (src/export/settings.ts). */
export interface OpenDataConfig {
  webbplats?: string;
  utgivare?: { namn: string; url?: string };
  kontakt?: { namn: string; epost: string };
  licens?: string;
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
  const defaults: Config = { file: undefined, root: gitRoot(cwd) ?? cwd, lang: undefined, severities: new Map(), ignore: [], limits: DEFAULT_PARSE_LIMITS, openData: {} };
  if (!file) return { config: defaults, diagnostics: [] };
  let text: string;
  try {
    text = stripBom(await fs.readFile(file, 'utf8'));
  } catch {
    throw new UsageError('path-not-found', { path: explicit ?? file });
  }
  const name = displayName(cwd, file);
  const parsed = parseYamlFile(text);
  const diagnostics: Diagnostic[] = parsed.problems.map((p) => makeDiagnostic('yaml-syntax', name, p.range, [], p.args));
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
  const v = value as { sprak?: 'sv' | 'en'; regler?: Record<string, string>; ignorera?: string[]; granser?: { filstorlek_kb?: number; alias?: number; djup?: number } };
  const int = (n: unknown, fallback: number): number => (typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : fallback);
  const limits: ParseLimits = {
    maxFileBytes: int(v.granser?.filstorlek_kb, DEFAULT_PARSE_LIMITS.maxFileBytes / 1024) * 1024,
    maxAliasCount: int(v.granser?.alias, DEFAULT_PARSE_LIMITS.maxAliasCount),
    maxDepth: int(v.granser?.djup, DEFAULT_PARSE_LIMITS.maxDepth),
  };
  const severities = new Map<string, ConfiguredSeverity>();
  for (const [rule, level] of Object.entries(v.regler ?? {})) {
    const severity = SEVERITY[level];
    if (severity) severities.set(rule, severity);
  }
  return {
    config: { file, root: path.dirname(file), lang: v.sprak, severities, ignore: Array.isArray(v.ignorera) ? v.ignorera.filter((g) => typeof g === 'string') : [], limits, openData: openDataConfig(value) },
    diagnostics: diagnostics.sort(compareDiagnostics),
  };
}

/** `oppna_data` from a config that may not have passed its schema: only well-formed parts are kept. */
function openDataConfig(value: unknown): OpenDataConfig {
  const o = asDict(asDict(value)?.['oppna_data']) ?? {};
  const str = (x: unknown): string | undefined => (typeof x === 'string' && x !== '' ? x : undefined);
  const utgivare = asDict(o['utgivare']);
  const kontakt = asDict(o['kontakt']);
  const namn = str(utgivare?.['namn']);
  const kontaktNamn = str(kontakt?.['namn']);
  const epost = str(kontakt?.['epost']);
  return {
    webbplats: str(o['webbplats']),
    utgivare: namn ? { namn, url: str(utgivare?.['url']) } : undefined,
    kontakt: kontaktNamn && epost ? { namn: kontaktNamn, epost } : undefined,
    licens: str(o['licens']),
  };
}

/** A predicate for discovery: true for paths (relative to cwd) that the config's globs ignore. */
export function ignorePredicate(config: Config, cwd: string): ((relPath: string) => boolean) | undefined {
  if (config.ignore.length === 0) return undefined;
  const match = picomatchLib()([...config.ignore], { dot: true });
  return (relPath) => {
    const fromRoot = path.relative(config.root, path.resolve(cwd, relPath)).split(path.sep).join('/');
    return match(fromRoot) || match(fromRoot.replace(/\/$/, ''));
  };
}
