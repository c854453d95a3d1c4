import { defineConfig } from 'vitest/config';

// End-to-end specs: real Chromium with the built extension. One file at a time (each launches a browser).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.spec.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
