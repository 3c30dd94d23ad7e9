// One file's own check: read, parse, schema and the document rules. Everything in it depends on
// that file alone, so it can run in a worker thread, and watch mode redoes it only for what changed.

import { RULE_CODES } from '../diagnostics/catalog.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { DiscoveredFile } from '../load/discover.js';
import type { DisableDirective } from '../load/directives.js';
import { loadText, readText, type SkippedFile } from '../load/index.js';
import { locatorsFromText, type ParseLimits } from '../load/parse.js';
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
  text: string;
}

/** The rules that configuration turns off, for `FileCheckOptions.disabled`. */
export function disabledRules(severityOf: ((rule: string) => string | undefined) | undefined): string[] {
  return severityOf ? [...RULE_CODES].filter((code) => severityOf(code) === 'off') : [];
}

export function checkFile(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): FileResult {
  return checkWithText(file, schemas, options).result;
}

/** What a worker sends back for a file: values and the text to find positions in, no functions. */
export function checkFileForWire(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): WireFileResult {
  const { result, text } = checkWithText(file, schemas, options);
  const entities = result.entities.map((e) => ({ kind: e.kind, id: e.id, valid: e.valid, index: e.doc.index, value: e.value }));
  // The text is only needed to find positions in a file that holds documents.
  return { ...result, entities, text: entities.length > 0 ? text : '' };
}

function checkWithText(file: DiscoveredFile, schemas: SchemaSet, options: FileCheckOptions): { result: FileResult; text: string } {
  const read = readText(file.absPath, options.limits.maxFileBytes);
  const load = loadText(file, read, options.limits);
  const text = read.kind === 'text' ? read.text : '';
  const result: FileResult = { file: load.file, stamp: load.stamp, diagnostics: load.diagnostics, directives: load.directives, entities: [] };
  if (load.skipped) return { result: { ...result, skipped: load.skipped }, text };
  const schema = checkSchemas(load.documents, schemas);
  const disabled = new Set(options.disabled);
  const ruled = runDocumentRules({ entities: schema.entities, asOf: options.asOf, data: referenceData(), enabled: (code) => !disabled.has(code) });
  result.diagnostics = [...load.diagnostics, ...schema.diagnostics, ...ruled];
  result.entities = schema.entities;
  return { result, text };
}

/** Back from the wire: each document gets a locator that parses the text with positions when first asked. */
export function fromWire(wire: WireFileResult, limits: ParseLimits): FileResult {
  const { text, entities, ...rest } = wire;
  const locators = locatorsFromText(wire.file.toLowerCase().endsWith('.md'), text, limits);
  return {
    ...rest,
    entities: entities.map(({ index, ...e }) => ({
      ...e,
      doc: { file: wire.file, index, value: e.value, locator: { locate: (path, target) => locators(index).locate(path, target) } },
    })),
  };
}
