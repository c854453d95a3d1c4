import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { compileEngine, loadEngineSteps, serializeEngine, type Engine, type SerializedEngine } from '@/src/engine';
import { MINI_DATABASE } from '@/src/engine/mini-database.fixture';
import { engineItem } from '@/src/shared/engine-item';
import { connectEngine, ENGINE_STORAGE_KEY, prepareWarmUp, WARM_UP_INPUTS, WARM_UP_STEP_MS } from './engine-client';

beforeEach(() => fakeBrowser.reset());

/** A yield that records each start-up step boundary and resolves at once (a test has no page to yield to). */
function recordingYield(steps: string[]) {
  return async (signal: AbortSignal) => {
    steps.push(signal.aborted ? 'yield (aborted)' : 'yield');
  };
}

/** How many times loading this engine yields to the page (content scripts skip the checksum). */
function countLoadYields(serialized: SerializedEngine): number {
  const steps = loadEngineSteps(serialized, { verifyChecksum: false });
  let yields = 0;
  while (!steps.next().done) yields++;
  return yields;
}

describe('connectEngine', () => {
  it('reads the key engineItem writes', () => {
    expect(engineItem.key).toBe(`local:${ENGINE_STORAGE_KEY}`);
  });

  it('loads the stored engine in tasks of its own (load, public suffixes, warm-up, hand-over) and hands it over once per version', async () => {
    const serialized = serializeEngine(compileEngine(MINI_DATABASE));
    await engineItem.setValue(serialized);
    const steps: string[] = [];
    const engines: Engine[] = [];
    const controller = new AbortController();
    await connectEngine({
      signal: controller.signal,
      yieldTask: recordingYield(steps),
      onEngine: (engine) => {
        steps.push('engine');
        engines.push(engine);
      },
    });
    // yield → load (one task per step of loadEngineSteps), yield → public-suffix data, for each warm-up input yield →
    // compile its expressions (one or more steps) and yield → judge it, yield → onEngine: no two share a task.
    expect(steps.filter((s) => s === 'engine')).toHaveLength(1);
    expect(steps.at(-1)).toBe('engine');
    expect(steps.length - 1).toBeGreaterThanOrEqual(1 + countLoadYields(serialized) + 1 + 2 * WARM_UP_INPUTS.length + 1);
    expect(WARM_UP_INPUTS.length).toBeGreaterThan(1);
    expect(engines[0]?.version).toBe(MINI_DATABASE.version);
    // The same version written again is not handed over twice; no warm-up for later versions.
    await engineItem.setValue({ ...serialized });
    await new Promise((r) => setTimeout(r, 10));
    expect(engines).toHaveLength(1);
    controller.abort();
  });

  it('swaps to a newer engine the background publishes later (warm-up only for the first)', async () => {
    const steps: string[] = [];
    const versions: number[] = [];
    const controller = new AbortController();
    await engineItem.setValue(serializeEngine(compileEngine(MINI_DATABASE)));
    await connectEngine({ signal: controller.signal, yieldTask: recordingYield(steps), onEngine: (engine) => void versions.push(engine.version) });
    steps.length = 0;
    await engineItem.setValue(serializeEngine(compileEngine({ ...MINI_DATABASE, version: MINI_DATABASE.version + 1 })));
    await new Promise((r) => setTimeout(r, 10));
    expect(versions).toEqual([MINI_DATABASE.version, MINI_DATABASE.version + 1]);
    // One task before the load, one per load step after the first; no second warm-up.
    const loadYields = countLoadYields(serializeEngine(compileEngine(MINI_DATABASE)));
    expect(loadYields).toBeGreaterThanOrEqual(4);
    expect(steps).toEqual(Array.from({ length: 1 + loadYields }, () => 'yield'));
    controller.abort();
  });

  it('hands over nothing once aborted', async () => {
    await engineItem.setValue(serializeEngine(compileEngine(MINI_DATABASE)));
    const controller = new AbortController();
    const engines: Engine[] = [];
    const started = connectEngine({
      signal: controller.signal,
      yieldTask: async () => controller.abort(), // the tab goes away while the engine loads
      onEngine: (engine) => engines.push(engine),
    });
    await started;
    expect(engines).toHaveLength(0);
  });
});

describe('prepareWarmUp', () => {
  it('compiles a warm-up input’s expressions in steps bounded by time, then has nothing left', () => {
    const engine = compileEngine(MINI_DATABASE);
    const input = WARM_UP_INPUTS[1] ?? { text: '' };
    // A clock that says each compile took a whole step: one expression per step.
    let clock = 0;
    const now = () => (clock += WARM_UP_STEP_MS);
    let steps = 1;
    while (!prepareWarmUp(engine, input, now) && steps < 500) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(steps).toBeLessThan(500);
    expect(prepareWarmUp(engine, input, now)).toBe(true);
  });
});
