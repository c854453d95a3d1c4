/**
 * Gets the compiled engine the background published in `storage.local` (`engineItem`), without recompiling; asks the
 * background (`engine:ensure`) when there is none or it cannot be loaded; swaps to a new one live when the
 * background publishes another version.
 *
 * Start-up is split into tasks so none is long (a long task janks the page the person is scrolling): the storage
 * read, the load (one task per step of `loadEngineSteps`), building the public-suffix data, and the warm-up with the
 * hand-over (and the first scan slice) each run in their own task. The warm-up judges a small made-up text with a host and a
 * link: the first use of the engine pays one-time costs (the URL-in-text RegExp is compiled on its first run, the
 * public-suffix lookup and the matcher's code are compiled lazily) that would otherwise land on the first real post,
 * in the same task as the first scan. Before the first input is judged, `prepareWarmUp` runs the engine's own steps
 * (src/engine/compile-ahead.ts: the context rules' expressions, one per step), then compiles the database
 * expressions each input needs, in steps of ~8 ms. Its verdict is thrown away.
 */
import { browser } from 'wxt/browser';
import { loadEngineSteps, prepareScan, scanItem, type Engine, type ScanInput } from '@/src/engine';
import { sendMessage } from '@/src/shared/send-message';
import { nextTask } from './post-task';

/**
 * Where `engineItem` (src/shared/engine-item.ts, `local:engine`) keeps the engine. Read here with the storage API
 * itself: defining a WXT storage item reads its whole value once at once (to initialise it), so importing
 * `engineItem` into the content script cost every tab a second read of the ~2 MB engine. A test checks the key.
 */
export const ENGINE_STORAGE_KEY = 'engine';

async function readStoredEngine(): Promise<unknown> {
  const stored = await browser.storage.local.get(ENGINE_STORAGE_KEY);
  return stored[ENGINE_STORAGE_KEY] ?? null;
}

/** Calls `listener` with each new engine value written to `storage.local`; returns a function that stops it. */
function watchStoredEngine(listener: (value: unknown) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    const change = area === 'local' ? changes[ENGINE_STORAGE_KEY] : undefined;
    if (change) listener(change.newValue ?? null);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export interface EngineClientOptions {
  signal: AbortSignal;
  onEngine(engine: Engine): void;
  /** Yields to the page between start-up steps (default: a new task); tests may pass an immediate one. */
  yieldTask?(signal: AbortSignal): Promise<void>;
}

/**
 * What the warm-up judges, one input per task: a host written in the text and a link, then the everyday words of
 * feeds, offers and advisories. The engine's regular expressions are compiled by V8 on their first two runs (~0.3 ms
 * each, ~1,400 of them); without this, the first real posts paid that in bursts — one post took ~40 ms and made the
 * longest start-up stretch ~51 ms. These inputs pay the commonest part early, in steps; rarer expressions are compiled
 * in the scanner's slices (`ScannerOptions.prepare`) when a post first needs them.
 */
export const WARM_UP_INPUTS: readonly ScanInput[] = [
  { text: 'Chào cả nhà, thông tin chi tiết xem tại trang example.com nhé, cảm ơn mọi người.', links: ['https://example.com/gioi-thieu'] },
  {
    text: 'Tuyển cộng tác viên làm việc tại nhà, thu nhập cao, không cần kinh nghiệm, liên hệ zalo 0912 xxx 345 hoặc inbox để được hướng dẫn, chuyển khoản phí đăng ký trước.',
  },
  {
    text: 'Công an khuyến cáo người dân cảnh giác với thủ đoạn lừa đảo: đối tượng giả danh ngân hàng gọi điện yêu cầu cung cấp mã OTP, cài ứng dụng lạ, bấm vào đường link; tuyệt đối không chuyển tiền vào tài khoản lạ.',
  },
  {
    text: 'Shop pass lại đồ, giá rẻ, ship COD toàn quốc, ai cần ib, cọc trước giữ hàng, số tài khoản 0123 xxxx 789, nhận quà tri ân khách hàng, trúng thưởng, vay tiền nhanh, đầu tư lợi nhuận cao, tài khoản bị khóa.',
  },
];

/**
 * Loads the stored engine one step per task (`loadEngineSteps`: the envelope and `data`, then each large part, then
 * the indexes): parsed at once, ~1.9 MB of JSON made one task of ~76 ms. Null when it is rejected or `signal` aborts.
 */
async function tryLoad(serialized: unknown, signal: AbortSignal, yieldTask: (signal: AbortSignal) => Promise<void>): Promise<Engine | null> {
  if (!serialized) return null;
  try {
    // No checksum here: see LoadEngineOptions.verifyChecksum (the background checks the copy it keeps).
    const steps = loadEngineSteps(serialized, { verifyChecksum: false });
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      await yieldTask(signal);
      if (signal.aborted) return null;
    }
  } catch (error) {
    console.warn('[canh-giac] stored engine rejected', error);
    return null;
  }
}

/** Builds the public-suffix data, deferred to its first lookup (src/build/defer-public-suffix-data.ts), now. */
export function warmUpPublicSuffixes(engine: Engine): void {
  try {
    engine.domains.checkHost('www.example.com');
  } catch (error) {
    console.warn('[canh-giac] public-suffix warm-up failed', error);
  }
}

/** Time for one warm-up step that compiles expressions (a step may pass it by one compile, ~0.3 ms). */
export const WARM_UP_STEP_MS = 8;

/** One step of compiling what a warm-up input needs; true when nothing is left (or it failed: nothing to wait for). */
export function prepareWarmUp(engine: Engine, input: ScanInput, now: () => number = () => performance.now()): boolean {
  const start = now();
  try {
    return prepareScan(engine, input, () => now() - start < WARM_UP_STEP_MS);
  } catch (error) {
    console.warn('[canh-giac] engine warm-up failed', error);
    return true;
  }
}

/** Runs the engine once on a made-up input so its one-time costs are paid now, in a task of their own. */
export function warmUpEngine(engine: Engine, input: ScanInput = WARM_UP_INPUTS[0] ?? { text: '' }): void {
  try {
    scanItem(engine, input);
  } catch (error) {
    console.warn('[canh-giac] engine warm-up failed', error);
  }
}

async function askBackground(): Promise<void> {
  try {
    await sendMessage('engine:ensure', null);
  } catch (error) {
    console.warn('[canh-giac] engine:ensure failed', error);
  }
}

export async function connectEngine({ signal, onEngine, yieldTask = nextTask }: EngineClientOptions): Promise<void> {
  let version: string | null = null;
  let warmed = false;
  /** Serializes accepts (a watch event may arrive while the stored engine is still loading). */
  let chain: Promise<void> = Promise.resolve();
  const accept = async (serialized: unknown) => {
    if (signal.aborted || !serialized) return;
    await yieldTask(signal);
    const engine = await tryLoad(serialized, signal, yieldTask);
    if (!engine || signal.aborted) return;
    const id = `${engine.version}:${(serialized as { checksum?: string }).checksum ?? ''}`;
    if (id === version) return;
    version = id;
    if (!warmed) {
      // The first engine: the public-suffix data is built in the next task, the engine warmed up in the ones after
      // (one input each), and handed over in the last (the first scan slice follows in that task). Each step stays
      // under 50 ms of CPU; together they were one 55–70 ms task.
      warmed = true;
      await yieldTask(signal);
      if (signal.aborted) return;
      warmUpPublicSuffixes(engine);
      for (const input of WARM_UP_INPUTS) {
        // The expressions the input needs are compiled in steps of their own first (see prepareScan), so the task
        // that judges it pays only for the engine's own first run.
        let ready = false;
        while (!ready) {
          await yieldTask(signal);
          if (signal.aborted) return;
          ready = prepareWarmUp(engine, input);
        }
        await yieldTask(signal);
        if (signal.aborted) return;
        warmUpEngine(engine, input);
      }
      await yieldTask(signal);
      if (signal.aborted) return;
    }
    if (!signal.aborted) onEngine(engine);
  };
  const enqueue = (serialized: unknown) => (chain = chain.then(() => accept(serialized)));
  const unwatch = watchStoredEngine((serialized) => void enqueue(serialized));
  signal.addEventListener('abort', unwatch, { once: true });
  const stored = await readStoredEngine();
  if (signal.aborted) return;
  await enqueue(stored);
  if (version === null && !signal.aborted) {
    await askBackground();
    // The watcher normally delivers it; read once more in case it was written before the watcher saw it.
    if (version === null && !signal.aborted) await enqueue(await readStoredEngine());
  }
}
