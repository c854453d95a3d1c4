/**
 * Gets the compiled engine the background published in `storage.local` (engineItem), without recompiling; asks the
 * background (`engine:ensure`) when there is none or it cannot be loaded; swaps to a new one live when the
 * background publishes another version.
 */
import { loadEngine, type Engine } from '@/src/engine';
import { engineItem } from '@/src/shared/engine-item';
import { sendMessage } from '@/src/shared/send-message';

export interface EngineClientOptions {
  signal: AbortSignal;
  onEngine(engine: Engine): void;
}

function tryLoad(serialized: unknown): Engine | null {
  if (!serialized) return null;
  try {
    return loadEngine(serialized);
  } catch (error) {
    console.warn('[canh-giac] stored engine rejected', error);
    return null;
  }
}

async function askBackground(): Promise<void> {
  try {
    await sendMessage('engine:ensure', null);
  } catch (error) {
    console.warn('[canh-giac] engine:ensure failed', error);
  }
}

export async function connectEngine({ signal, onEngine }: EngineClientOptions): Promise<void> {
  let version: string | null = null;
  const accept = (serialized: unknown) => {
    if (signal.aborted) return;
    const engine = tryLoad(serialized);
    if (!engine) return;
    const id = `${engine.version}:${(serialized as { checksum?: string }).checksum ?? ''}`;
    if (id === version) return;
    version = id;
    onEngine(engine);
  };
  const unwatch = engineItem.watch((serialized) => accept(serialized));
  signal.addEventListener('abort', unwatch, { once: true });
  const stored = await engineItem.getValue();
  if (signal.aborted) return;
  accept(stored);
  if (version === null) {
    await askBackground();
    // The watcher normally delivers it; read once more in case it was written before the watcher saw it.
    if (version === null && !signal.aborted) accept(await engineItem.getValue());
  }
}
