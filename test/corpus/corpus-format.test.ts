import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

// The corpus's own invariants (parses, unique ids, labelled evasions really present) are checked by its validator.
it('the labelled corpus passes its validator', () => {
  const root = resolve(import.meta.dirname, '../..');
  const out = execFileSync('node', ['test/corpus/check-corpus.cjs'], { cwd: root, encoding: 'utf8' });
  expect(out).toMatch(/problems 0/);
});
