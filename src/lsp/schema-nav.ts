// Walks lofte's JSON Schemas along a document path: what keys a map may have, what values a field
// may take, and the Swedish title and description of each, for completion and hover.

import type { DocPath } from '../diagnostics/types.js';
import type { Kind } from '../model/kinds.js';
import { readSchema, SCHEMA_FILES, type JsonSchema } from '../schema/validators.js';

/** A schema and the file its local `$ref`s are relative to. */
interface Located {
  schema: JsonSchema;
  file: string;
}

export interface FieldInfo {
  title?: string;
  description?: string;
}

const files = new Map<string, JsonSchema>();
const fileSchema = (file: string): JsonSchema => {
  let schema = files.get(file);
  if (!schema) files.set(file, (schema = readSchema(file)));
  return schema;
};

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function resolveRef(ref: string, from: string): Located | undefined {
  const [filepart = '', pointer = ''] = ref.split('#');
  const file = filepart === '' ? from : filepart;
  let node: unknown = fileSchema(file);
  for (const seg of pointer.split('/').filter((s) => s !== '')) node = isSchema(node) ? node[seg] : undefined;
  return isSchema(node) ? { schema: node, file } : undefined;
}

/** The schema with everything it refers to or combines: its own words first, then its `$ref`'s. */
function expand(at: Located, depth = 0): Located[] {
  if (depth > 20) return [];
  const out: Located[] = [at];
  const ref = at.schema['$ref'];
  if (typeof ref === 'string') {
    const target = resolveRef(ref, at.file);
    if (target) out.push(...expand(target, depth + 1));
  }
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const list = at.schema[key];
    if (Array.isArray(list)) for (const s of list) if (isSchema(s)) out.push(...expand({ schema: s, file: at.file }, depth + 1));
  }
  for (const key of ['then', 'else']) {
    const s = at.schema[key];
    if (isSchema(s)) out.push(...expand({ schema: s, file: at.file }, depth + 1));
  }
  return out;
}

/** Every schema that applies at `path` of a document of `kind` (empty when the path is not in the schemas). */
function schemasAt(kind: Kind, path: DocPath): Located[] {
  let here = expand({ schema: fileSchema(SCHEMA_FILES[kind]), file: SCHEMA_FILES[kind] });
  for (const seg of path) {
    const next: Located[] = [];
    for (const at of here) {
      const child = typeof seg === 'number' ? at.schema['items'] : (at.schema['properties'] as JsonSchema | undefined)?.[seg];
      if (isSchema(child)) next.push(...expand({ schema: child, file: at.file }));
    }
    here = next;
  }
  return here;
}

/** The title and description of the field at `path`: the property's own words before its type's. */
export function fieldInfo(kind: Kind, path: DocPath): FieldInfo {
  const all = schemasAt(kind, path);
  const pick = (key: string): string | undefined => all.map((s) => s.schema[key]).find((v): v is string => typeof v === 'string');
  return { title: pick('title'), description: pick('description') };
}

/** The keys a map at `path` may hold, in the schema's order, each with its words. */
export function keysAt(kind: Kind, path: DocPath): { key: string; info: FieldInfo }[] {
  const seen = new Set<string>();
  const out: { key: string; info: FieldInfo }[] = [];
  for (const at of schemasAt(kind, path)) {
    const props = at.schema['properties'];
    if (!isSchema(props)) continue;
    for (const [key, value] of Object.entries(props)) {
      // `then: {properties: {kommunkod: true}}` only allows a key the base schema describes.
      if (seen.has(key) || !isSchema(value)) continue;
      seen.add(key);
      out.push({ key, info: fieldInfo(kind, [...path, key]) });
    }
  }
  return out;
}

/** Whether the value at `path` is a map (its keys are what to complete) rather than a scalar. */
export function isObjectAt(kind: Kind, path: DocPath): boolean {
  return schemasAt(kind, path).some((s) => s.schema['type'] === 'object' || isSchema(s.schema['properties']));
}

/** The values a field at `path` may take when the schema lists them (`enum`, `const`). */
export function valuesAt(kind: Kind, path: DocPath): string[] {
  const out = new Set<string>();
  for (const at of schemasAt(kind, path)) {
    const list = at.schema['enum'];
    if (Array.isArray(list)) for (const v of list) if (typeof v === 'string') out.add(v);
    const one = at.schema['const'];
    if (typeof one === 'string') out.add(one);
  }
  return [...out];
}
