import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ENGINE_FORMAT, hashString, isEngineIntact, loadEngine } from '@/src/engine';
import { assembleDatabase } from '@/src/patterns';
import { engineItem } from '@/src/shared/engine-item';
import { publishEngine } from './engine-store';

afterEach(() => {
  fakeBrowser.reset();
});

describe('publishEngine', () => {
  it('publishes a checked engine once and keeps an intact copy of the same version', async () => {
    const source = assembleDatabase();
    await publishEngine(source);
    const first = await engineItem.getValue();
    expect(first?.dbVersion).toBe(source.version);
    expect(() => loadEngine(first)).not.toThrow();
    await engineItem.setValue({ ...first!, created: 'marker' } as never);
    await publishEngine(source);
    expect(((await engineItem.getValue()) as unknown as { created?: string }).created).toBe('marker');
  });

  it('republishes when the stored copy no longer matches its checksum (content scripts do not re-hash it)', async () => {
    const source = assembleDatabase();
    await publishEngine(source);
    const stored = (await engineItem.getValue())!;
    // A damaged part (the patterns live in parts[0] since format 10) and a damaged `data`.
    for (const damaged of [
      { ...stored, parts: stored.parts.map((part, i) => (i === 0 ? part.replace(/"weight":\d+/, '"weight":1') : part)) },
      { ...stored, data: stored.data.replace(/"version":\d+/, '"version":1') },
    ]) {
      expect(isEngineIntact(damaged)).toBe(false);
      await engineItem.setValue(damaged);
      await publishEngine(source);
      const repaired = (await engineItem.getValue())!;
      expect(repaired.data).toBe(stored.data);
      expect(repaired.parts).toEqual(stored.parts);
      expect(() => loadEngine(repaired)).not.toThrow();
    }
  });

  it('replaces an engine stored in an older format (format 9: all data in one JSON text, no parts)', async () => {
    const source = assembleDatabase();
    await publishEngine(source);
    const stored = (await engineItem.getValue())!;
    const data = JSON.stringify({ ...JSON.parse(stored.data), patterns: JSON.parse(stored.parts[0] ?? '[]') });
    await engineItem.setValue({ magic: stored.magic, format: 9, dbVersion: stored.dbVersion, checksum: hashString(data), data } as never);
    await publishEngine(source);
    const replaced = (await engineItem.getValue())!;
    expect(replaced.format).toBe(ENGINE_FORMAT);
    expect(replaced.parts).toEqual(stored.parts);
    expect(() => loadEngine(replaced)).not.toThrow();
  });
});
