/**
 * House rules as tests: the import boundaries in eslint.config.js really reject what they promise to reject,
 * and the entrypoints stay thin. (A lint config that silently stopped matching would pass `npm run lint`.)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const eslint = new ESLint({ cwd: root });

async function ruleIdsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, filePath) });
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
}

describe('import boundaries', () => {
  it.each([
    ['engine → shared', 'src/engine/probe.ts', "import { settingsItem } from '@/src/shared/settings';\nexport const x = settingsItem;"],
    ['engine → dexie', 'src/engine/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['engine → wxt', 'src/engine/probe.ts', "import { browser } from 'wxt/browser';\nexport const x = browser;"],
    ['engine → node', 'src/engine/probe.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;"],
    ['content → background', 'src/content/probe.ts', "import { CanhGiacDatabase } from '../background/database';\nexport const x = CanhGiacDatabase;"],
    ['content → bundled database', 'src/content/probe.ts', "import { assembleDatabase } from '@/src/patterns';\nexport const x = assembleDatabase;"],
    ['content → ui', 'src/content/sites/probe.ts', "import { PopupApp } from '../../ui/popup/popup-app';\nexport const x = PopupApp;"],
    ['ui → background', 'src/ui/popup/probe.ts', "import { CanhGiacDatabase } from '@/src/background/database';\nexport const x = CanhGiacDatabase;"],
    ['ui → dexie', 'src/ui/probe.ts', "import Dexie from 'dexie';\nexport const x = Dexie;"],
    ['shared → background', 'src/shared/probe.ts', "import { startBackground } from '../background/start-background';\nexport const x = startBackground;"],
  ])('rejects %s', async (_name, file, code) => {
    expect(await ruleIdsFor(file, code)).toContain('no-restricted-imports');
  });

  it('rejects DOM globals in the engine', async () => {
    expect(await ruleIdsFor('src/engine/probe.ts', 'export const x = document.title;')).toContain('no-restricted-globals');
  });

  it.each([
    ['content → engine', 'src/content/probe.ts', "import { loadEngine } from '@/src/engine';\nexport const x = loadEngine;"],
    ['background → engine', 'src/background/probe.ts', "import { compileEngine } from '@/src/engine';\nexport const x = compileEngine;"],
    ['ui → shared', 'src/ui/probe.ts', "import { settingsItem } from '@/src/shared/settings';\nexport const x = settingsItem;"],
  ])('allows %s', async (_name, file, code) => {
    expect(await ruleIdsFor(file, code)).not.toContain('no-restricted-imports');
  });
});

describe('entrypoints', () => {
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });

  it.each(files(join(root, 'entrypoints')).filter((f) => /\.tsx?$/.test(f)).map((f) => [f.slice(root.length + 1), f]))(
    '%s only calls one start…()/render…() from src/',
    (_name, path) => {
      const code = readFileSync(path, 'utf8');
      const calls = code.match(/\b(start|render)[A-Z]\w*\(/g) ?? [];
      expect(calls.length).toBe(1);
      expect(code).toMatch(/from '@\/src\//);
    },
  );
});
