import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { assembleDatabase, bundledDatabase, FAMILY_FILES } from './index.ts';
import versionFile from './version.json';

const REQUIRED_FAMILIES = [
  'job-task', 'charity', 'investment', 'impersonation-authority', 'bank-phishing', 'loan-app', 'account-recovery',
  'prize', 'parcel', 'utility-tax', 'romance-gift', 'hack-money', 'relative-in-need', 'shopping-deposit', 'fake-support', 'generic', 'warning',
];

describe('assembleDatabase', () => {
  it('imports every file under families/, each named after its family', () => {
    const files = readdirSync(new URL('./families/', import.meta.url)).filter((f) => f.endsWith('.json')).sort();
    expect(FAMILY_FILES.map((f) => `${f.family.id}.json`).sort()).toEqual(files);
    for (const file of FAMILY_FILES) {
      expect(file.patterns.every((p) => p.family === file.family.id)).toBe(true);
    }
  });

  it('covers every family the product names', () => {
    expect(assembleDatabase().families.map((f) => f.id).sort()).toEqual([...REQUIRED_FAMILIES].sort());
  });

  it('takes version and date from version.json', () => {
    const db = assembleDatabase();
    expect(db.format).toBe(1);
    expect(db.version).toBe(versionFile.version);
    expect(db.created).toBe(versionFile.created);
  });

  it('is built once, shared and frozen', () => {
    const db = assembleDatabase();
    expect(assembleDatabase()).toBe(db);
    expect(bundledDatabase).toBe(db);
    expect(Object.isFrozen(db.patterns)).toBe(true);
    expect(Object.isFrozen(db.patterns[0])).toBe(true);
    expect(() => (db.patterns as unknown[]).push({})).toThrow();
  });

  it('has patterns in every family and both languages', () => {
    const db = assembleDatabase();
    for (const id of REQUIRED_FAMILIES) expect(db.patterns.some((p) => p.family === id), id).toBe(true);
    expect(db.patterns.some((p) => p.lang === 'en')).toBe(true);
    expect(db.patterns.some((p) => p.lang === 'vi')).toBe(true);
  });
});
