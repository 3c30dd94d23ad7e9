// The schema stage: check each lofte document against its kind's JSON Schema.

import { makeDiagnostic } from '../diagnostics/make.js';
import { aboutPath } from '../model/about.js';
import type { Diagnostic } from '../diagnostics/types.js';
import type { LoadedDocument } from '../load/index.js';
import { isPlainObject } from '../load/parse.js';
import { API_PREFIX, isKind, KINDS, type Kind } from '../model/kinds.js';
import { suggest } from '../util/suggest.js';
import { schemaFindings } from './errors.js';
import type { SchemaSet } from './validators.js';

/** A lofte document of a known kind; `valid` when it passed its schema. */
export interface Entity {
  kind: Kind;
  id: string | undefined;
  value: Record<string, unknown>;
  doc: LoadedDocument;
  valid: boolean;
}

export interface SchemaResult {
  entities: Entity[];
  diagnostics: Diagnostic[];
}

export function checkSchemas(documents: readonly LoadedDocument[], schemas: SchemaSet): SchemaResult {
  const result: SchemaResult = { entities: [], diagnostics: [] };
  for (const doc of documents) {
    const value = doc.value;
    if (!isPlainObject(value)) continue;
    // `Kind: Aktor` (mis-cased key or value): the document is read as that kind, so its id stays
    // known to the references, and the schema's unknown-field finding says what to fix.
    const misCased = 'kind' in value ? undefined : Object.keys(value).find((k) => k.toLowerCase() === 'kind');
    const written = misCased === undefined ? value['kind'] : value[misCased];
    const kind = isKind(written) ? written : typeof written === 'string' ? KINDS.find((k) => k.toLowerCase() === written.toLowerCase()) : undefined;

    if (!isKind(kind)) {
      const hasKind = 'kind' in value;
      result.diagnostics.push(
        makeDiagnostic('schema', doc.file, doc.locator.locate(hasKind ? ['kind'] : [], 'value'), ['kind'], {
          problem: hasKind ? 'unknown-kind' : 'required',
          field: 'kind',
          value: hasKind ? String(kind) : undefined,
          allowed: [...KINDS],
          suggestion: hasKind ? suggest(String(kind), KINDS, 1)[0] : undefined,
          apiPrefix: API_PREFIX,
        }),
      );
      continue;
    }
    const errors = schemas.validate(kind, value);
    const id = typeof value['id'] === 'string' ? value['id'] : undefined;
    for (const f of schemaFindings(errors, schemas)) {
      result.diagnostics.push(makeDiagnostic('schema', doc.file, doc.locator.locate(f.path, f.target), f.path, f.args, undefined, aboutPath(kind, id, value, f.path)));
    }
    result.entities.push({ kind, id, value, doc, valid: errors.length === 0 });
  }
  return result;
}
