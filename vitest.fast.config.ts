import { defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:fast`: the edit-test loop, in about ten seconds. The in-process layer: every rule
// table, the wording and catalog checks, formats, loading and positions, links, config, the corpus
// agreement and the CLI case table through run(argv, io). The files share one module graph
// (no isolation: none of them changes module state), which is most of the saving. `npm test` runs
// everything, including what spawns processes, browsers, git, npm and the kill tests.
export const FAST = [
  'test/rules/**/*.test.ts',
  'test/rule-tables.test.ts',
  'test/catalog.test.ts',
  'test/texts.test.ts',
  'test/finding-data.test.ts',
  'test/language.test.ts',
  'test/phrases.test.ts',
  'test/corpus.test.ts',
  'test/format.test.ts',
  'test/format-ci.test.ts',
  'test/state.test.ts',
  'test/dates.test.ts',
  'test/docs.test.ts',
  'test/load.test.ts',
  'test/positions.test.ts',
  'test/quick-locator.test.ts',
  'test/links.test.ts',
  'test/joint.test.ts',
  'test/warnings.test.ts',
  'test/config.test.ts',
  'test/rules-errors.test.ts',
  'test/rules-list.test.ts',
  'test/examples.test.ts',
  'test/cli-cases.test.ts',
];

export default mergeConfig(base, defineConfig({ test: { include: FAST, pool: 'threads', isolate: false } }));
