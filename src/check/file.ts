// One file's own check: read, parse, schema and the document rules. Everything in it depends on
// that file alone, so it can run in a worker thread, and watch mode redoes it only for what changed.

import { checksum } from '../cache/store.js';
import { RULE_CODES } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { DiscoveredFile } from '../load/discover.js';
import type { DisableDirective } from '../load/directives.js';
import { loadText, readDiscovered, readText, type KeptBytes, type ReadResult, type SkippedFile } from '../load/index.js';
import { START_LOCATOR } from '../diagnostics/make.js';
import type { Locator } from '../load/locator.js';
import { DocumentLocator, FilePositions, stripBom, type ParseLimits, type ParseMode } from '../load/parse.js';
import type { Kind } from '../model/kinds.js';
import { referenceData } from '../model/reference-data.js';
import { documentRulesWithout, runDocumentRules } from '../rules/index.js';
import { checkSchemas, type Entity } from '../schema/index.js';
import type { SchemaSet } from '../schema/validators.js';

/** What a file check needs to know: plain data, so a worker thread can be given it. */
export interface FileCheckOptions {
  limits: ParseLimits;
  /** YYYY-MM-DD: the day time-dependent rules judge by. */
  asOf: string;
  /** Rules the configuration turned off: they are not run. */
  disabled: readonly string[];
  /** How positions are found (default `fast`); tests compare the two. */
  parser?: ParseMode;
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
  /** The text as the worker read it, when it holds entities: their later findings are located in it. */
  text?: string;
}

/** The rules that configuration turns off, for `FileCheckOptions.disabled`. */
export function disabledRules(severityOf: ((rule: string) => string | undefined) | undefined): string[] {
  return severityOf ? [...RULE_CODES].filter((code) => severityOf(code) === 'off') : [];
}

export function checkFile(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  return checkReadFile(file, readDiscovered(file, options.limits.maxFileBytes), schemas, options);
}

/** A file's own check from a read already made (the persistent cache reads a file once, to hash it and, when the hash is new, to check it). */
export function checkReadFile(file: DiscoveredFile, read: ReadResult, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  return withPositions(checkRead(file, read, schemas, options), file, read, options);
}

/**
 * A file's own check from text at hand instead of the file (an editor's unsaved buffer, `lofte
 * lsp`): positions come from that text, which the caller keeps anyway. `stamp` says which text it was.
 */
export function checkFileText(file: DiscoveredFile, text: string, stamp: string, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  const size = Buffer.byteLength(text, 'utf8');
  const read: ReadResult = size > options.limits.maxFileBytes ? { kind: 'too-large', size, stamp } : { kind: 'text', text: stripBom(text), stamp };
  return checkReadFile(file, read, schemas, options);
}

/** What a worker sends back for a file: plain values and the text read, no functions. */
export function checkFileForWire(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): WireFileResult {
  const read = readDiscovered(file, options.limits.maxFileBytes);
  const result = checkRead(file, read, schemas, options);
  const wire = toWire(result);
  if (read.kind === 'text' && result.entities.length > 0) wire.text = read.text;
  return wire;
}

/** A file's result as plain values (for a worker's reply or the persistent cache). */
export function toWire(result: FileResult): WireFileResult {
  return { ...result, entities: result.entities.map((e) => ({ kind: e.kind, id: e.id, valid: e.valid, index: e.doc.index, value: e.value })) };
}

/**
 * Back from the wire: each document is located in the text the worker read. A result from the
 * persistent cache has no text: it reads the file again when first asked, and `hash` (the text's
 * when the result was made) must match, else every path is at the start of the file.
 */
export function fromWire(wire: WireFileResult, file: DiscoveredFile, limits: ParseLimits, hash?: string, parser?: ParseMode): FileResult {
  const { entities, text, ...rest } = wire;
  const locatorOf = text !== undefined ? positionsOf(file, text, limits, parser) : locatorsFromFile(file, wire.stamp, limits, hash, parser);
  return { ...rest, entities: entities.map(({ index, ...e }) => ({ ...e, doc: { file: wire.file, index, value: e.value, locator: locatorOf(index) } })) };
}

function checkRead(file: DiscoveredFile, read: ReadResult, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  const load = loadText(file, read, options.limits, options.parser);
  const result: FileResult = { file: load.file, stamp: load.stamp, diagnostics: load.diagnostics, directives: load.directives, entities: [] };
  if (load.skipped) return { ...result, skipped: load.skipped };
  const schema = checkSchemas(load.documents, schemas);
  const ruled = runDocumentRules({ entities: schema.entities, asOf: options.asOf, data: referenceData() }, documentRulesWithout(options.disabled));
  result.diagnostics = [...load.diagnostics, ...schema.diagnostics, ...ruled];
  // Kept until the output is written: a copy without the room a list grown by pushing keeps for 17.
  result.entities = schema.entities.slice();
  return result;
}

/**
 * The file's entities, each located from then on in the text this check read: the check's own
 * parse trees go (they cost more memory than the text), and a finding that comes later (links,
 * repository rules) finds its position in the same text again, never in the file as it is now.
 * The locators are replaced in place (the documents are this check's own): no entity is copied.
 */
function withPositions(result: FileResult, file: DiscoveredFile, read: ReadResult, options: FileCheckOptions): FileResult {
  if (result.entities.length === 0) return result;
  // The bytes read, not the text: kept off V8's heap, decoded again only for a later finding.
  const locatorOf = positionsOf(file, read.kind !== 'text' ? undefined : (read.bytes ?? read.text), options.limits, options.parser);
  for (const e of result.entities) e.doc.locator = locatorOf(e.doc.index);
  return result;
}

/**
 * Each document's locator in the text its file was checked in (none: every path at its start): one
 * small object per document, the positions found when one is first asked for.
 */
function positionsOf(file: DiscoveredFile, text: string | KeptBytes | undefined, limits: ParseLimits, parser: ParseMode | undefined): (index: number) => Locator {
  if (text === undefined) return () => START_LOCATOR;
  const positions = new FilePositions(file.name.toLowerCase().endsWith('.md'), text, limits, parser ?? 'fast');
  return (index) => new DocumentLocator(positions, index);
}

/**
 * For a result from the persistent cache, which keeps no text: locators that read the file again,
 * once, when a position is first asked for. A file that changed since it was checked (another
 * size, time or hash) gives the start of the file: the next run checks it again anyway.
 */
function locatorsFromFile(file: DiscoveredFile, stamp: string, limits: ParseLimits, hash: string | undefined, parser: ParseMode | undefined): (index: number) => Locator {
  let locators: ((index: number) => Locator) | undefined;
  const loaded = (): ((index: number) => Locator) => {
    if (!locators) {
      const read = readText(file.absPath, limits.maxFileBytes);
      locators = read.kind === 'text' && read.stamp === stamp && (hash === undefined || checksum(read.text) === hash) ? positionsOf(file, read.text, limits, parser) : () => START_LOCATOR;
    }
    return locators;
  };
  // Each document's locator reads the file only when a position is asked for.
  return (index) => ({ locate: (path, target) => loaded()(index).locate(path, target) });
}
