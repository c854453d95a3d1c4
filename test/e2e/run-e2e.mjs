#!/usr/bin/env node
// Runs the E2E specs in headless Chromium. Fails (never silently skips) when Chromium or the build is missing.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(chromium)) {
  console.error(
    `E2E: Chromium not found at ${chromium}.\n` +
      '  Install it (Debian/Ubuntu): sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-liberation\n' +
      '  or point CHROMIUM_PATH at a Chromium/Chrome binary.',
  );
  process.exit(1);
}
if (!existsSync('.output/chrome-mv3/manifest.json')) {
  console.error('E2E: no build at .output/chrome-mv3: run `npm run build` first (npm test does).');
  process.exit(1);
}
const result = spawnSync('npx', ['vitest', 'run', '--config', 'test/e2e/vitest.e2e.config.ts', ...process.argv.slice(2)], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
