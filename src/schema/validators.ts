// One validator per kind from the JSON Schemas in schemas/: precompiled by the build, or compiled here.

import { readFileSync } from 'node:fs';
import type { ErrorObject } from 'ajv/dist/2020.js';
import { KINDS, type Kind } from '../model/kinds.js';
import { BUILT, packagePath } from '../paths.js';
import { ajvFormatsLib, ajvLib, codeCached } from '../util/lazy.js';

export const SCHEMA_FILES: Readonly<Record<Kind | 'common', string>> = {
  common: 'common.schema.json',
  Aktor: 'aktor.schema.json',
  Problembild: 'problembild.schema.json',
  Medborgarlofte: 'medborgarlofte.schema.json',
  Uppfoljning: 'uppfoljning.schema.json',
};

export type JsonSchema = Record<string, unknown>;

export interface SchemaSet {
  validate(kind: Kind, value: unknown): ErrorObject[];
  /** Resolves a `$ref` (relative to the schemas folder) to its schema, for titles and descriptions. */
  resolveRef(ref: string): JsonSchema | undefined;
}

export function readSchema(file: string): JsonSchema {
  return JSON.parse(readFileSync(packagePath('schemas', file), 'utf8')) as JsonSchema;
}

type Validate = ((value: unknown) => boolean) & { errors?: ErrorObject[] | null };

let cached: Promise<SchemaSet> | undefined;

/** Compiles the schemas with ajv, for running from source; the build precompiles them instead. */
function compileAll(): Record<Kind, Validate> {
  const { Ajv2020 } = ajvLib();
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  ajvFormatsLib().default(ajv, ['date', 'email', 'uri']);
  ajv.addSchema(readSchema(SCHEMA_FILES.common), SCHEMA_FILES.common);
  for (const kind of KINDS) ajv.addSchema(readSchema(SCHEMA_FILES[kind]), SCHEMA_FILES[kind]);
  const out = {} as Record<Kind, Validate>;
  for (const kind of KINDS) {
    const v = ajv.getSchema(SCHEMA_FILES[kind]);
    if (!v) throw new Error(`schema for ${kind} did not compile`);
    out[kind] = v;
  }
  return out;
}

/**
 * The validators: precompiled at build time (dist/schema/compiled.cjs, by scripts/compile-schemas.mjs)
 * so a run neither loads ajv nor compiles schemas at start-up; compiled here when running from source.
 */
export function loadSchemas(): Promise<SchemaSet> {
  return (cached ??= load());
}

/**
 * dist/schema/compiled.cjs, a CommonJS module: the bundle and the worker's modules both load it,
 * with V8's code cache beside it as the bundle is (src/cli/start.cts).
 */
function precompiledValidators(): Record<Kind, Validate> | undefined {
  return codeCached<Record<Kind, Validate>>(packagePath('dist', 'schema', 'compiled.cjs'));
}

async function load(): Promise<SchemaSet> {
  const precompiled = BUILT ? precompiledValidators() : undefined;
  const validators = precompiled ?? compileAll();
  return {
    validate(kind, value) {
      const v = validators[kind];
      return v(value) ? [] : [...(v.errors ?? [])];
    },
    resolveRef,
  };
}

const raw = new Map<string, JsonSchema>();

/** The schema a `$ref` points at ("common.schema.json#/$defs/text"), read as plain JSON. */
function resolveRef(ref: string): JsonSchema | undefined {
  const [file = '', pointer = ''] = ref.split('#');
  let schema = raw.get(file);
  if (!schema) {
    if (!Object.values(SCHEMA_FILES).includes(file)) return undefined;
    schema = readSchema(file);
    raw.set(file, schema);
  }
  let node: unknown = schema;
  for (const seg of pointer.split('/').filter((x) => x !== '')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
  }
  return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
}
