import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    // Engine/DB/sync tests run in Node; DOM tests opt in with `// @vitest-environment happy-dom`.
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 20_000,
    // The corpus tests scan every corpus text (~7,000) in their beforeAll: seconds on a quiet machine, more than the
    // default 10 s on a loaded one.
    hookTimeout: 60_000,
  },
});
