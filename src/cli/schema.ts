// `lofte schema [kind] [--out DIR]`: the JSON Schemas, for editors and other tools.

import path from 'node:path';
import { Command } from 'commander';
import { configSchema } from '../config/index.js';
import { UsageError } from '../load/discover.js';
import { KINDS, type Kind } from '../model/kinds.js';
import { readSchema, SCHEMA_FILES, type JsonSchema } from '../schema/validators.js';
import type { CliIo } from './io.js';
import { writeOutput } from './outputs.js';
import { EXIT } from './run.js';

const COMMON_REF = `${SCHEMA_FILES.common}#/$defs/`;

/** One kind's schema with the common definitions inlined: a single file an editor can use alone. */
export function bundledSchema(kind: Kind): JsonSchema {
  const common = readSchema(SCHEMA_FILES.common)['$defs'] as JsonSchema;
  const rewrite = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(rewrite);
    if (typeof node !== 'object' || node === null) return node;
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' && v.startsWith(COMMON_REF) ? `#/$defs/${v.slice(COMMON_REF.length)}` : rewrite(v)]),
    );
  };
  const schema = rewrite(readSchema(SCHEMA_FILES[kind])) as JsonSchema;
  return { ...schema, $defs: { ...common, ...((schema['$defs'] as JsonSchema | undefined) ?? {}) } };
}

function kindOf(name: string): Kind | 'config' {
  if (name.toLowerCase() === 'config') return 'config';
  const kind = KINDS.find((k) => k.toLowerCase() === name.toLowerCase());
  if (!kind) throw new UsageError('bad-option', { message: `okänd sort "${name}". Välj ${[...KINDS, 'config'].join(', ')}.` });
  return kind;
}

export function schemaCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('schema')
    .description('skriv ut JSON Schema för en sort (eller alla), eller skriv dem som filer med --out')
    .argument('[sort]', `${KINDS.join(', ')} eller config`)
    .option('-o, --out <mapp>', 'skriv schemafilerna till mappen (för editorer)')
    .action(async (name: string | undefined, flags: { out?: string }) => {
      if (flags.out) {
        const files: [string, JsonSchema][] = [
          [SCHEMA_FILES.common, readSchema(SCHEMA_FILES.common)],
          ...KINDS.map((k): [string, JsonSchema] => [SCHEMA_FILES[k], readSchema(SCHEMA_FILES[k])]),
          ['config.schema.json', configSchema()],
        ];
        for (const [file, schema] of files) await writeOutput(io.cwd, path.join(flags.out, file), `${JSON.stringify(schema, null, 2)}\n`);
        io.stdout(`Skrev ${files.length} scheman till ${flags.out}.\n`);
        setExit(EXIT.ok);
        return;
      }
      const one = name === undefined ? undefined : kindOf(name);
      const value =
        one === undefined
          ? Object.fromEntries([...KINDS.map((k) => [k, bundledSchema(k)]), ['config', configSchema()]])
          : one === 'config'
            ? configSchema()
            : bundledSchema(one);
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      setExit(EXIT.ok);
    });
}
