// Every rule code lofte has (domain rules, load, schema, link and config codes) has a table in test/rules/.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { RULES } from '../src/diagnostics/catalog.js';
import { ROOT } from './helpers.js';

it('test/rules/ has one table per rule code, and no table for a code lofte does not have', () => {
  const tables = readdirSync(path.join(ROOT, 'test', 'rules')).filter((f) => f.endsWith('.test.ts')).map((f) => f.replace(/\.test\.ts$/, ''));
  expect(tables.sort()).toEqual(RULES.map((r) => r.code).sort());
});
