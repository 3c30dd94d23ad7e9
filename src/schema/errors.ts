// Turns ajv's errors into lofte findings: one diagnostic per mistake, with what the user needs.

import type { ErrorObject } from 'ajv';
import type { SchemaArgs } from '../diagnostics/codes/schema.js';
import type { DocPath } from '../diagnostics/types.js';
import { suggest } from '../util/suggest.js';
import type { JsonSchema, SchemaSet } from './validators.js';

export interface SchemaFinding {
  path: DocPath;
  target: 'key' | 'value';
  args: SchemaArgs;
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((seg) => seg.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((seg) => (/^(0|[1-9][0-9]*)$/.test(seg) ? Number(seg) : seg));
}

/** `title`/`description` of a schema node, following a `$ref` when the node has none itself. */
function annotation(node: unknown, key: 'title' | 'description', schemas: SchemaSet): string | undefined {
  if (typeof node !== 'object' || node === null) return undefined;
  const s = node as JsonSchema;
  if (typeof s[key] === 'string') return s[key] as string;
  if (typeof s['$ref'] === 'string') return annotation(schemas.resolveRef(s['$ref']), key, schemas);
  return undefined;
}

function propertySchema(parent: unknown, name: string): unknown {
  if (typeof parent !== 'object' || parent === null) return undefined;
  const props = (parent as JsonSchema)['properties'];
  return typeof props === 'object' && props !== null ? (props as JsonSchema)[name] : undefined;
}

function propertyNames(parent: unknown): string[] {
  if (typeof parent !== 'object' || parent === null) return [];
  const props = (parent as JsonSchema)['properties'];
  return typeof props === 'object' && props !== null ? Object.keys(props) : [];
}

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

function finding(err: ErrorObject, schemas: SchemaSet): SchemaFinding | undefined {
  const path = pointerToPath(err.instancePath);
  const field = String(path[path.length - 1] ?? '');
  const parentTitle = annotation(err.parentSchema, 'title', schemas) ?? '';
  const self = { parent: parentTitle, field, description: annotation(err.parentSchema, 'description', schemas) };
  const p = err.params as Record<string, unknown>;
  switch (err.keyword) {
    case 'required': {
      const missing = String(p['missingProperty']);
      const prop = propertySchema(err.parentSchema, missing);
      return {
        path,
        target: 'key',
        args: { problem: 'required', field: missing, parent: parentTitle, description: annotation(prop, 'description', schemas) },
      };
    }
    case 'additionalProperties': {
      const extra = String(p['additionalProperty']);
      if (extra === '<<') return { path: [...path, extra], target: 'key', args: { problem: 'merge-key' } };
      const [best] = suggest(extra, propertyNames(err.parentSchema), 1);
      return { path: [...path, extra], target: 'key', args: { problem: 'additional', field: extra, parent: parentTitle, suggestion: best } };
    }
    case 'type': {
      const expected = Array.isArray(p['type']) ? (p['type'] as string[]) : [String(p['type'])];
      return { path, target: 'value', args: { ...self, problem: 'type', expected, actual: typeOfValue(err.data), value: shown(err.data) } };
    }
    case 'enum': {
      const allowed = ((p['allowedValues'] as unknown[]) ?? []).map(String);
      const [best] = suggest(String(err.data), allowed, 1);
      return { path, target: 'value', args: { ...self, problem: 'enum', value: shown(err.data), allowed, suggestion: best } };
    }
    case 'const':
      return { path, target: 'value', args: { ...self, problem: 'const', value: shown(err.data), expected: String(p['allowedValue']) } };
    case 'format':
      return { path, target: 'value', args: { ...self, problem: 'format', format: String(p['format']), value: shown(err.data) } };
    case 'pattern': {
      // The date pattern only bounds the year (1900–2200): a far-off date would cost the
      // follow-up rules work and means a typo.
      const date = (err.parentSchema as JsonSchema | undefined)?.['format'] === 'date';
      return { path, target: 'value', args: { ...self, problem: date ? 'date-range' : field === 'id' ? 'id-pattern' : 'pattern', value: shown(err.data) } };
    }
    case 'not':
      // The only `not` in the schemas: ids that Windows cannot use as file names (`con`, `lpt1`).
      return { path, target: 'value', args: { ...self, problem: 'reserved-id', value: shown(err.data) } };
    case 'minItems':
      return { path, target: 'value', args: { ...self, problem: 'min-items', limit: Number(p['limit']) } };
    case 'minLength':
      return { path, target: 'value', args: { ...self, problem: 'empty' } };
    case 'maxLength':
      return { path, target: 'value', args: { ...self, problem: 'max-length', limit: Number(p['limit']) } };
    case 'minimum':
    case 'exclusiveMinimum':
      return { path, target: 'value', args: { ...self, problem: 'minimum', limit: Number(p['limit']), value: shown(err.data), exclusive: err.keyword === 'exclusiveMinimum' } };
    case 'uniqueItems':
      return { path: [...path, Number(p['i'])], target: 'value', args: { ...self, problem: 'unique', value: shown(Array.isArray(err.data) ? err.data[Number(p['i'])] : '') } };
    case 'if':
      return undefined; // the `then` branch's own error (a missing field) says it better
    default:
      return { path, target: 'value', args: { ...self, problem: 'other', keyword: err.keyword } };
  }
}

function typeOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'number' && Number.isInteger(value) ? 'integer' : typeof value;
}

/** One finding per mistake: ajv may say the same thing twice (allErrors, union types). */
export function schemaFindings(errors: readonly ErrorObject[], schemas: SchemaSet): SchemaFinding[] {
  const seen = new Set<string>();
  const out: SchemaFinding[] = [];
  // A value of the wrong type makes its children's errors noise.
  const wrongType = errors.filter((e) => e.keyword === 'type').map((e) => e.instancePath);
  for (const err of errors) {
    if (wrongType.some((p) => err.instancePath.startsWith(`${p}/`))) continue;
    const f = finding(err, schemas);
    if (!f) continue;
    // A field can be missing or unknown several times over, but a value is wrong only once.
    const perField = f.args['problem'] === 'required' || f.args['problem'] === 'additional';
    const key = `${JSON.stringify(f.path)}|${perField ? `${String(f.args['problem'])}|${String(f.args['field'])}` : 'value'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  // `löften:` for `loften:` is one mistake: the unknown field (with its did-you-mean) says it, so
  // the missing field it was meant to be is not reported again.
  const meant = new Set(out.filter((f) => f.args['problem'] === 'additional' && f.args['suggestion'] !== undefined).map((f) => `${JSON.stringify(f.path.slice(0, -1))}|${String(f.args['suggestion'])}`));
  return out.filter((f) => f.args['problem'] !== 'required' || !meant.has(`${JSON.stringify(f.path)}|${String(f.args['field'])}`));
}
