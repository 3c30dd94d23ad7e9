import { defineConfig } from 'vitest/config';

// `npm test` runs every test file; `npm run test:fast` the in-process layer (vitest.fast.config.ts).
export default defineConfig({
  test: {
    // Spawned CLIs and worker threads run dist/: it is rebuilt first when src/ is newer.
    globalSetup: ['test/setup/build.ts'],
  },
});
