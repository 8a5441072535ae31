import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Files share a worker's module cache: specs load and compile once per worker, not once per file.
    // Safe because module state is only caches of pure functions; each test still builds a fresh app.
    isolate: false,
  },
});
