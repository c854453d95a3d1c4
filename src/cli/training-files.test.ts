import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BENIGN_FILES, PRESS_RELEASE, RETIRED_BLIND_SETS, SCAM_FILES } from './training-files.ts';

const CORPUS = join(import.meta.dirname, '../../test/corpus');

describe('the text model’s training files', () => {
  it('all exist', () => {
    for (const file of [...SCAM_FILES, ...BENIGN_FILES, PRESS_RELEASE]) expect(existsSync(join(CORPUS, file)), file).toBe(true);
  });

  it('retire exactly the blind sets of sessions 1–26 (changing that is a decision, not an edit)', () => {
    expect([...RETIRED_BLIND_SETS]).toEqual(['blind', 'blind2', 'blind3', 'blind4', 'blind5', 'blind6', 'blind7', 'blind8', 'blind9', 'blind10', 'blind11', 'blind12', 'blind13', 'blind14', 'blind15', 'blind16', 'blind17', 'blind18', 'blind19', 'blind20', 'blind21', 'blind22', 'blind23', 'blind24', 'blind25', 'blind26', 'blind27', 'blind28', 'blind29', 'blind30']);
    expect([...SCAM_FILES, ...BENIGN_FILES].filter((file) => /blind(?:3[1-9]|[4-9]\d|\d{3,})\b/.test(file))).toEqual([]);
  });

  it('never include a held-out blind set (only the retired ones)', () => {
    const blindSets = readdirSync(CORPUS)
      .map((file) => /^(?:scam|benign)-(blind\d*)\.jsonl$/.exec(file)?.[1])
      .filter((set): set is string => set !== undefined);
    const heldOut = [...new Set(blindSets)].filter((set) => !(RETIRED_BLIND_SETS as readonly string[]).includes(set));
    expect(heldOut.length).toBeGreaterThanOrEqual(1);
    for (const set of heldOut) {
      expect(SCAM_FILES).not.toContain(`scam-${set}.jsonl`);
      expect(BENIGN_FILES).not.toContain(`benign-${set}.jsonl`);
    }
    expect([...SCAM_FILES, ...BENIGN_FILES].filter((file) => /blind/.test(file))).toHaveLength(2 * RETIRED_BLIND_SETS.length);
  });

  it('list every tuning file of the corpus (a new set is not left out by mistake)', () => {
    const tuning = readdirSync(CORPUS).filter((file) => /^(?:scam|benign)(?:-(?:fresh|tune\d+))?\.jsonl$/.test(file));
    for (const file of tuning) expect([...SCAM_FILES, ...BENIGN_FILES], file).toContain(file);
  });
});
