import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadEngine } from '@/src/engine';
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
    const damaged = { ...stored, data: stored.data.replace(/"weight":\d+/, '"weight":1') };
    await engineItem.setValue(damaged);
    await publishEngine(source);
    const repaired = (await engineItem.getValue())!;
    expect(repaired.data).toBe(stored.data);
    expect(() => loadEngine(repaired)).not.toThrow();
  });
});
