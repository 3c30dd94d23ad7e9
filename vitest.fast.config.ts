import { configDefaults, defineConfig, mergeConfig } from 'vitest/config';
import base from './vitest.config.js';

// `npm run test:fast`: the edit-test loop. Everything but the browser, the pre-commit hook, the
// kill tests, the npm install of the packed package and the big property and corpus comparisons;
// `npm test` runs those too.
export const SLOW = [
  'test/browser/**',
  'test/pre-commit.test.ts',
  'test/report-interrupt.test.ts',
  'test/property*.test.ts',
  'test/fast-path.test.ts',
  'test/init.test.ts', // packs and installs lofte with npm
];

export default mergeConfig(base, defineConfig({ test: { exclude: [...configDefaults.exclude, ...SLOW] } }));
