// `lofte schema [kind] [--out DIR]`: the JSON Schemas, for editors and other tools.

import path from 'node:path';
import { configSchema } from '../config/index.js';
import type { CliWords } from '../diagnostics/messages/cli.js';
import { language, type Lang } from '../diagnostics/messages/index.js';
import { UsageError } from '../load/discover.js';
import { KINDS, type Kind } from '../model/kinds.js';
import { readSchema, SCHEMA_FILES, type JsonSchema } from '../schema/validators.js';
import { chooseLang } from './context.js';
import type { CliIo } from './io.js';
import { writeOutput } from './outputs.js';
import { EXIT, langOption, LofteCommand, option } from './options.js';

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
  if (!kind) throw new UsageError('unknown-kind', { kind: name, kinds: [...KINDS, 'config'].join(', ') });
  return kind;
}

export function schemaCommand(io: CliIo, words: CliWords): LofteCommand {
  const w = words.schema;
  const kind = w.kind({ kinds: KINDS.join(', ') });
  return new LofteCommand('schema')
    .description(w.description)
    .argument(`[${kind.name}]`, kind.text)
    .addOption(option('-o, --out', w.out))
    .addOption(langOption(words.common.lang))
    .run(async (name: string | undefined, flags: { out?: string; lang?: Lang }) => {
      const said = language(chooseLang(flags.lang, undefined, io.env)).cli.schema;
      if (flags.out) {
        const files: [string, JsonSchema][] = [
          [SCHEMA_FILES.common, readSchema(SCHEMA_FILES.common)],
          ...KINDS.map((k): [string, JsonSchema] => [SCHEMA_FILES[k], readSchema(SCHEMA_FILES[k])]),
          ['config.schema.json', configSchema()],
        ];
        for (const [file, schema] of files) await writeOutput(io.cwd, path.join(flags.out, file), `${JSON.stringify(schema, null, 2)}\n`);
        io.stdout(`${said.written({ count: files.length, folder: flags.out })}\n`);
        return EXIT.ok;
      }
      const one = name === undefined ? undefined : kindOf(name);
      const value =
        one === undefined
          ? Object.fromEntries([...KINDS.map((k) => [k, bundledSchema(k)]), ['config', configSchema()]])
          : one === 'config'
            ? configSchema()
            : bundledSchema(one);
      io.stdout(`${JSON.stringify(value, null, 2)}\n`);
      return EXIT.ok;
    });
}
