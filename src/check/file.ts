// One file's own check: read, parse, schema and the document rules. Everything in it depends on
// that file alone, so it can run in a worker thread, and watch mode redoes it only for what changed.

import { checksum } from '../cache/store.js';
import { RULE_CODES } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { DiscoveredFile } from '../load/discover.js';
import type { DisableDirective } from '../load/directives.js';
import { loadText, readDiscovered, readText, type ReadResult, type SkippedFile } from '../load/index.js';
import { START_OF_FILE } from '../diagnostics/make.js';
import type { Locator } from '../load/locator.js';
import { locatorsFromText, stripBom, type ParseLimits } from '../load/parse.js';
import type { Kind } from '../model/kinds.js';
import { referenceData } from '../model/reference-data.js';
import { runDocumentRules } from '../rules/index.js';
import { checkSchemas, type Entity } from '../schema/index.js';
import type { SchemaSet } from '../schema/validators.js';

/** What a file check needs to know: plain data, so a worker thread can be given it. */
export interface FileCheckOptions {
  limits: ParseLimits;
  /** YYYY-MM-DD: the day time-dependent rules judge by. */
  asOf: string;
  /** Rules the configuration turned off: they are not run. */
  disabled: readonly string[];
}

/** What one file contributes to a repository's check. */
export interface FileResult {
  file: string;
  /** Size and modification time when read ('gone' when it could not be read). */
  stamp: string;
  /** Set when the file holds nothing for lofte. */
  skipped?: SkippedFile;
  /** Findings from this file alone (reading, YAML, schema, document rules), before disable comments and severities. */
  diagnostics: Diagnostic[];
  directives: DisableDirective[];
  entities: Entity[];
}

export interface WireFileResult extends Omit<FileResult, 'entities'> {
  entities: { kind: Kind; id: string | undefined; valid: boolean; index: number; value: Record<string, unknown> }[];
}

/** The rules that configuration turns off, for `FileCheckOptions.disabled`. */
export function disabledRules(severityOf: ((rule: string) => string | undefined) | undefined): string[] {
  return severityOf ? [...RULE_CODES].filter((code) => severityOf(code) === 'off') : [];
}

export function checkFile(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  return checkReadFile(file, readDiscovered(file, options.limits.maxFileBytes), schemas, options);
}

/**
 * A file's own check from a read already made (the persistent cache reads a file once, to hash
 * it and, when the hash is new, to check it). `hash`: the text's, which a later read for positions must match.
 */
export function checkReadFile(file: DiscoveredFile, read: ReadResult, schemas: SchemaSet, options: FileCheckOptions, hash?: string): FileResult {
  const result = checkRead(file, read, schemas, options);
  // The file's text and position trees go now: a later finding reads the file again.
  const locators = locatorsFromFile(file, result.stamp, options.limits, hash);
  return withLocators(result, locators);
}

/**
 * A file's own check from text at hand instead of the file (an editor's unsaved buffer, `lofte
 * lsp`): positions come from that text, which the caller keeps anyway. `stamp` says which text it was.
 */
export function checkFileText(file: DiscoveredFile, text: string, stamp: string, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  const size = Buffer.byteLength(text, 'utf8');
  const read: ReadResult = size > options.limits.maxFileBytes ? { kind: 'too-large', size, stamp } : { kind: 'text', text: stripBom(text), stamp };
  const result = checkRead(file, read, schemas, options);
  const locators = locatorsFromText(file.name.toLowerCase().endsWith('.md'), stripBom(text), options.limits);
  return withLocators(result, locators);
}

/** What a worker sends back for a file: plain values, no functions. */
export function checkFileForWire(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): WireFileResult {
  return toWire(checkOwn(file, schemas, options));
}

/** A file's result as plain values (for a worker's reply or the persistent cache). */
export function toWire(result: FileResult): WireFileResult {
  return { ...result, entities: result.entities.map((e) => ({ kind: e.kind, id: e.id, valid: e.valid, index: e.doc.index, value: e.value })) };
}

/**
 * Back from the wire: each document gets a locator that reads the file again when first asked
 * (`hash`: the text's hash when the result was made, which that read must match).
 */
export function fromWire(wire: WireFileResult, file: DiscoveredFile, limits: ParseLimits, hash?: string): FileResult {
  const { entities, ...rest } = wire;
  const locators = locatorsFromFile(file, wire.stamp, limits, hash);
  return { ...rest, entities: entities.map(({ index, ...e }) => ({ ...e, doc: { file: wire.file, index, value: e.value, locator: locatorOf(locators, index) } })) };
}

function checkOwn(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  return checkRead(file, readDiscovered(file, options.limits.maxFileBytes), schemas, options);
}

function checkRead(file: DiscoveredFile, read: ReadResult, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  const load = loadText(file, read, options.limits);
  const result: FileResult = { file: load.file, stamp: load.stamp, diagnostics: load.diagnostics, directives: load.directives, entities: [] };
  if (load.skipped) return { ...result, skipped: load.skipped };
  const schema = checkSchemas(load.documents, schemas);
  const disabled = new Set(options.disabled);
  const ruled = runDocumentRules({ entities: schema.entities, asOf: options.asOf, data: referenceData(), enabled: (code) => !disabled.has(code) });
  result.diagnostics = [...load.diagnostics, ...schema.diagnostics, ...ruled];
  result.entities = schema.entities;
  return result;
}

/** Each document's locator replaced in place (the documents are this check's own): no entity is copied. */
function withLocators(result: FileResult, locators: (index: number) => Locator): FileResult {
  for (const e of result.entities) e.doc.locator = locatorOf(locators, e.doc.index);
  return result;
}

function locatorOf(locators: (index: number) => Locator, index: number): Locator {
  return { locate: (path, target) => locators(index).locate(path, target) };
}

/**
 * Locators for a file's documents that read it again, once, when a position is first asked for
 * (keeping every file's text would cost more memory than the values). A file that changed since
 * it was checked (another size or time) gives the start of the file: watch mode runs again anyway.
 */
function locatorsFromFile(file: DiscoveredFile, stamp: string, limits: ParseLimits, hash?: string): (index: number) => Locator {
  let locators: ((index: number) => Locator) | undefined;
  return (index) => {
    if (!locators) {
      const read = readText(file.absPath, limits.maxFileBytes);
      locators = read.kind === 'text' && read.stamp === stamp && (hash === undefined || checksum(read.text) === hash) ? locatorsFromText(file.name.toLowerCase().endsWith('.md'), read.text, limits) : () => ({ locate: () => START_OF_FILE });
    }
    return locators(index);
  };
}
