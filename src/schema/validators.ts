// Compiles one ajv validator per kind from the JSON Schemas in schemas/, once per process.

import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formatsModule, { type FormatsPlugin } from 'ajv-formats';
import { KINDS, type Kind } from '../model/kinds.js';
import { packagePath } from '../paths.js';

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

let cached: SchemaSet | undefined;

export function loadSchemas(): SchemaSet {
  if (cached) return cached;
  const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, verbose: true });
  // ajv-formats is CommonJS: under NodeNext its function is the module's `default` property.
  const addFormats = (formatsModule as unknown as { default: FormatsPlugin }).default;
  addFormats(ajv, ['date', 'email', 'uri']);
  ajv.addSchema(readSchema(SCHEMA_FILES.common), SCHEMA_FILES.common);
  const validators = new Map<Kind, ValidateFunction>();
  for (const kind of KINDS) {
    ajv.addSchema(readSchema(SCHEMA_FILES[kind]), SCHEMA_FILES[kind]);
  }
  const get = (kind: Kind): ValidateFunction => {
    let v = validators.get(kind);
    if (!v) {
      v = ajv.getSchema(SCHEMA_FILES[kind]);
      if (!v) throw new Error(`schema for ${kind} did not compile`);
      validators.set(kind, v);
    }
    return v;
  };
  cached = {
    validate(kind, value) {
      const v = get(kind);
      return v(value) ? [] : [...(v.errors ?? [])];
    },
    resolveRef(ref) {
      const found = ajv.getSchema(ref);
      return found ? (found.schema as JsonSchema) : undefined;
    },
  };
  return cached;
}
