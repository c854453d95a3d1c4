// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScanInput, Verdict } from '@/src/engine/types';
import { DEFAULT_SETTINGS, type Settings } from '@/src/shared/settings';
import type { HighlightLayer } from './highlight-layer';
import { createScanner, type Scanner, type ScannerOptions } from './scanner';
import { createFacebookAdapter } from './sites/facebook';
import { renderTestFeed, renderTestPost } from './sites/facebook-test-dom';
import { BUNDLED_SITE_SELECTORS } from './sites/site-selectors';

// A tiny fake engine: "nạp tiền làm nhiệm vụ" is a scam hallmark, "việc nhẹ lương cao" is suspicious.
const SCAM = 'nạp tiền làm nhiệm vụ';
const SUSPICIOUS = 'việc nhẹ lương cao';
function fakeJudge(input: ScanInput): Verdict {
  const indicators: Verdict['indicators'] = [];
  for (const [phrase, weight] of [[SCAM, 100], [SUSPICIOUS, 50]] as const) {
    const at = input.text.toLowerCase().indexOf(phrase);
    if (at >= 0) {
      indicators.push({ patternId: phrase, family: 'job-task', signal: 'hallmark', weight, kind: 'phrase', start: at, end: at + phrase.length, match: input.text.slice(at, at + phrase.length), message: { vi: `lý do ${phrase}`, en: `reason ${phrase}` } });
    }
  }
  const score = indicators.reduce((s, i) => s + i.weight, 0);
  return { verdict: score >= 100 ? 'scam' : score >= 50 ? 'suspicious' : 'clean', score, categories: indicators.length ? ['job-task'] : [], indicators, warningContext: false, allowlisted: [] };
}

function fakeHighlights(): HighlightLayer & { owners: Map<Element, number> } {
  const owners = new Map<Element, number>();
  return {
    owners,
    supported: true,
    set: (owner, _level, ranges) => void owners.set(owner, ranges.length),
    remove: (owner) => void owners.delete(owner),
    clear: () => owners.clear(),
    repair: () => false,
    prune: () => undefined,
    get rangeCount() {
      return [...owners.values()].reduce((a, b) => a + b, 0);
    },
  };
}

let scanner: Scanner;
let judge: ReturnType<typeof vi.fn<(input: ScanInput) => Verdict | null>>;
let settings: Settings;
let dismissed: Set<string>;
let highlights: ReturnType<typeof fakeHighlights>;

function makeScanner(overrides: Partial<ScannerOptions> = {}): Scanner {
  return createScanner({
    doc: document,
    adapter: createFacebookAdapter(BUNDLED_SITE_SELECTORS.sites['facebook']!, document),
    timers: { setTimeout: (fn, ms) => setTimeout(fn, ms) as unknown as number, clearTimeout: (id) => clearTimeout(id) },
    scheduleSlice: (run) => setTimeout(() => run(null), 0),
    now: () => performance.now(),
    judge,
    families: () => ({ 'job-task': { id: 'job-task', name: { vi: 'Việc nhẹ lương cao', en: 'Task scam' }, description: { vi: 'mô tả', en: 'desc' }, advice: { vi: 'lời khuyên', en: 'advice' } } }),
    pageUrl: () => 'https://www.facebook.com/',
    prefs: () => settings,
    language: () => 'vi',
    theme: () => 'auto',
    isDismissed: (key) => dismissed.has(key),
    actions: { report: async () => undefined, dismiss: async (item) => void dismissed.add(item.key), trust: async () => undefined, leave: () => undefined },
    highlights,
    onFindingsChanged: () => undefined,
    ...overrides,
  });
}

const post = (id: string) => document.querySelector(`[data-test="${id}"]`)!;
const warningOf = (id: string) => [...post(id).querySelectorAll('canhgiac-warning')].find((w) => w.closest('[data-test]') === post(id)) ?? null;
const settle = async (s: Scanner) => {
  await new Promise((r) => setTimeout(r, 40));
  s.drain();
};

beforeEach(() => {
  judge = vi.fn(fakeJudge);
  settings = { ...DEFAULT_SETTINGS };
  dismissed = new Set();
  highlights = fakeHighlights();
  document.body.innerHTML = renderTestFeed([
    { id: 'scam', text: `Tuyển CTV, ${SCAM}, hoàn vốn`, comments: [{ id: 'c-ok', text: 'Cảm ơn bạn' }, { id: 'c-sus', text: `Bên em ${SUSPICIOUS} ạ` }] },
    { id: 'ok', text: 'Bán xe Wave chính chủ' },
  ]);
});
afterEach(() => scanner?.stop());

describe('scanner on a Facebook-like feed', () => {
  it('warns on scam and suspicious items only, inside the item, without changing the page nodes', async () => {
    const before = post('ok').outerHTML;
    scanner = makeScanner();
    scanner.start();
    scanner.drain();
    expect(warningOf('scam')?.getAttribute('data-verdict')).toBe('scam');
    expect(warningOf('c-sus')?.getAttribute('data-verdict')).toBe('suspicious');
    expect(warningOf('ok')).toBeNull();
    expect(warningOf('c-ok')).toBeNull();
    expect(post('ok').outerHTML).toBe(before);
    // The host sits in the post's message (aria-describedby target) and exposes nothing but data-verdict.
    const host = warningOf('scam')!;
    expect(host.parentElement!.id).toBe('m-scam');
    expect([...host.attributes].map((a) => a.name)).toEqual(['data-verdict']);
    expect(host.shadowRoot).toBeNull(); // closed
    expect(host.childNodes).toHaveLength(0);
    const summary = scanner.summarize();
    expect(summary.verdict).toBe('scam');
    expect(summary.items.map((i) => i.kind).sort()).toEqual(['comment', 'post']);
    expect(highlights.owners.get(post('scam'))).toBe(1);
  });

  it('judges each text once: a post re-created after virtualization is matched from the cache', async () => {
    scanner = makeScanner();
    scanner.start();
    scanner.drain();
    const calls = judge.mock.calls.length;
    const wrapper = document.querySelector('[data-test-wrapper="scam"]')!;
    const html = wrapper.outerHTML;
    wrapper.remove();
    await settle(scanner);
    expect(scanner.summarize().items.filter((i) => i.kind === 'post')).toHaveLength(0);
    document.querySelector('[role=feed]')!.insertAdjacentHTML('afterbegin', html);
    await settle(scanner);
    expect(warningOf('scam')?.getAttribute('data-verdict')).toBe('scam');
    expect(judge.mock.calls.length).toBe(calls);
  });

  it('rescans a post when "Xem thêm" expands it and when comments load', async () => {
    document.body.innerHTML = renderTestFeed([{ id: 'more', text: 'Các mẹ muốn kiếm thêm thu nhập…', seeMore: true }]);
    scanner = makeScanner();
    scanner.start();
    scanner.drain();
    expect(warningOf('more')).toBeNull();
    const paragraph = post('more').querySelector('div[dir=auto]')!;
    paragraph.replaceChildren(document.createTextNode(`Các mẹ muốn kiếm thêm thu nhập: ${SCAM} nhé`));
    await settle(scanner);
    expect(warningOf('more')?.getAttribute('data-verdict')).toBe('scam');
    const list = post('more').querySelector('.xcomments ul')!;
    list.insertAdjacentHTML('beforeend', renderTestPost({ id: 'x', text: 'x' }, 9).replace(/aria-posinset="10"/, '').replace(/data-test="x"/, 'data-test="late" role="article" aria-label="Bình luận"').replace('>x<', `>${SCAM}<`));
    await settle(scanner);
    expect(warningOf('late')?.getAttribute('data-verdict')).toBe('scam');
  });

  it('puts a warning back when the page removes it, and undoes attribute tampering', async () => {
    scanner = makeScanner();
    scanner.start();
    scanner.drain();
    const host = warningOf('scam')!;
    host.remove();
    await settle(scanner);
    expect(warningOf('scam')).toBe(host);
    host.setAttribute('style', 'display:none');
    host.setAttribute('data-verdict', 'clean');
    await new Promise((r) => setTimeout(r, 10));
    expect(host.hasAttribute('style')).toBe(false);
    expect(host.getAttribute('data-verdict')).toBe('scam');
  });

  it('honours the settings: warnOn scam, turned-off families, "not a scam"; stop() removes everything', async () => {
    settings = { ...settings, warnOn: 'scam' };
    scanner = makeScanner();
    scanner.start();
    scanner.drain();
    expect(warningOf('c-sus')).toBeNull();
    expect(warningOf('scam')).not.toBeNull();
    settings = { ...settings, disabledFamilies: ['job-task'] };
    scanner.rescanAll();
    scanner.drain();
    expect(warningOf('scam')).toBeNull();
    settings = { ...DEFAULT_SETTINGS };
    scanner.rescanAll();
    scanner.drain();
    const key = scanner.summarize().items.find((i) => i.kind === 'post')!.key;
    dismissed.add(key);
    scanner.forget(key);
    expect(warningOf('scam')).toBeNull();
    expect(warningOf('c-sus')).not.toBeNull();
    scanner.stop();
    expect(document.querySelectorAll('canhgiac-warning')).toHaveLength(0);
    expect(highlights.owners.size).toBe(0);
  });

  it('judges the items a reader can see first, and schedules their slices as soon tasks, the rest in idle time', async () => {
    document.body.innerHTML = renderTestFeed(
      Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, text: i === 5 ? `Tuyển CTV, ${SCAM}` : `Bài viết số ${i} về chuyện thường ngày` })),
    );
    const order: string[] = [];
    const pending: { run: (t: number | null) => void; urgent: boolean }[] = [];
    let clock = 0;
    const visible = new Set(['p4', 'p5']);
    scanner = makeScanner({
      now: () => clock,
      judge: (input) => {
        clock += 6; // two items fill a 10 ms slice
        order.push(/số (\d)/.exec(input.text)?.[1] ?? '5');
        return fakeJudge(input);
      },
      isNearViewport: (item) => visible.has(item.getAttribute('data-test') ?? ''),
      scheduleSlice: (run, urgent) => void pending.push({ run, urgent }),
    });
    scanner.start();
    // The first slice ran at once, on the two visible posts: the scam post among them is warned already.
    expect(order).toEqual(['4', '5']);
    expect(warningOf('p5')?.getAttribute('data-verdict')).toBe('scam');
    expect(pending.map((p) => p.urgent)).toEqual([true]); // queued for the visible lane; it takes what is left
    pending.shift()!.run(null);
    expect(order).toEqual(['4', '5', '0', '1']);
    expect(pending.map((p) => p.urgent)).toEqual([false]); // only off-screen items left: they wait for idle time
    pending.shift()!.run(null);
    expect(order).toEqual(['4', '5', '0', '1', '2', '3']);
    expect(pending).toHaveLength(0);
  });

  it('moves an off-screen post the reader scrolls to ahead of the idle lane, and stops watching what it judged', () => {
    document.body.innerHTML = renderTestFeed(
      Array.from({ length: 6 }, (_, i) => ({ id: `p${i}`, text: i === 4 ? `Tuyển CTV, ${SCAM}` : `Bài viết số ${i} về chuyện thường ngày` })),
    );
    const order: string[] = [];
    const pending: { run: (t: number | null) => void; urgent: boolean }[] = [];
    const observed = new Set<string>();
    let onVisible: ((item: Element) => void) | null = null;
    let disconnected = false;
    const idOf = (item: Element) => item.getAttribute('data-test') ?? '';
    let clock = 0;
    scanner = makeScanner({
      now: () => clock,
      judge: (input) => {
        clock += 11; // one item per 10 ms slice
        order.push(/số (\d)/.exec(input.text)?.[1] ?? '4');
        return fakeJudge(input);
      },
      isNearViewport: (item) => idOf(item) === 'p0',
      watchVisibility: (callback) => {
        onVisible = callback;
        return {
          observe: (item) => observed.add(idOf(item)),
          unobserve: (item) => observed.delete(idOf(item)),
          disconnect: () => {
            disconnected = true;
          },
        };
      },
      scheduleSlice: (run, urgent) => void pending.push({ run, urgent }),
    });
    scanner.start();
    // The first slice (one item per 10 ms slice) judged the visible post; the soon task it left takes one more.
    expect(order).toEqual(['0']);
    expect(pending.map((p) => p.urgent)).toEqual([true]);
    pending.shift()!.run(null);
    expect(order).toEqual(['0', '1']);
    expect(pending.map((p) => p.urgent)).toEqual([false]); // the rest waits for idle time, watched
    expect([...observed].sort()).toEqual(['p2', 'p3', 'p4', 'p5']);
    // The reader scrolls to p4: it is judged in a soon task, before p2 and p3, and no longer watched.
    const p4 = document.querySelector('[data-test="p4"]')!;
    onVisible!(p4);
    expect(observed.has('p4')).toBe(false);
    expect(pending.map((p) => p.urgent)).toEqual([false, true]);
    pending.pop()!.run(null);
    expect(order).toEqual(['0', '1', '4']);
    expect(warningOf('p4')?.getAttribute('data-verdict')).toBe('scam');
    // Idle time judges the others and stops watching each.
    while (pending.length > 0) pending.shift()!.run(null);
    expect(order.slice(3)).toEqual(['2', '3', '5']);
    expect(observed.size).toBe(0);
    scanner.stop();
    expect(disconnected).toBe(true);
  });

  it('an off-screen post still being prepared stays watched: scrolling to it moves it to the soon lane', () => {
    document.body.innerHTML = renderTestFeed(
      Array.from({ length: 3 }, (_, i) => ({ id: `p${i}`, text: i === 2 ? `Tuyển CTV, ${SCAM}` : `Bài viết số ${i} về chuyện thường ngày` })),
    );
    const pending: { run: (t: number | null) => void; urgent: boolean }[] = [];
    const observed = new Set<string>();
    let onVisible: ((item: Element) => void) | null = null;
    const idOf = (item: Element) => item.getAttribute('data-test') ?? '';
    let prepares = 0;
    scanner = makeScanner({
      now: () => 0,
      isNearViewport: (item) => idOf(item) === 'p0',
      watchVisibility: (callback) => {
        onVisible = callback;
        return { observe: (item) => observed.add(idOf(item)), unobserve: (item) => observed.delete(idOf(item)), disconnect: () => undefined };
      },
      scheduleSlice: (run, urgent) => void pending.push({ run, urgent }),
      // The scam post needs three steps to get ready; the others none.
      prepare: (input) => !input.text.includes(SCAM) || ++prepares >= 3,
    });
    scanner.start();
    expect(prepares).toBe(1);
    expect(warningOf('p2')).toBeNull();
    // Not finished: still watched, so coming into view promotes it.
    expect(observed.has('p2')).toBe(true);
    onVisible!(post('p2'));
    expect(pending.some((p) => p.urgent)).toBe(true);
    pending.find((p) => p.urgent)!.run(null);
    pending.find((p) => p.urgent)?.run(null);
    expect(warningOf('p2')?.getAttribute('data-verdict')).toBe('scam');
    expect(observed.has('p2')).toBe(false);
    expect(judge.mock.calls.filter(([input]) => input.text.includes(SCAM))).toHaveLength(1);
  });

  it('judges visible posts before their comments', () => {
    const kinds: string[] = [];
    scanner = makeScanner({
      judge: (input) => {
        kinds.push(input.text.includes('Cảm ơn') || input.text.includes('Bên em') ? 'comment' : 'post');
        return fakeJudge(input);
      },
      isNearViewport: () => true,
    });
    scanner.start();
    scanner.drain();
    // Document order would be post, comment, comment, post.
    expect(kinds).toEqual(['post', 'post', 'comment', 'comment']);
  });

  it('an item not ready to be judged (prepare says not yet) goes on in the next slice and is judged once', () => {
    const prepareCalls = new Map<string, number>();
    const slices: ((timeRemaining: number | null) => void)[] = [];
    scanner = makeScanner({
      scheduleSlice: (run) => void slices.push(run),
      prepare: (input) => {
        const calls = (prepareCalls.get(input.text) ?? 0) + 1;
        prepareCalls.set(input.text, calls);
        return calls >= 3;
      },
    });
    scanner.start();
    while (slices.length > 0 && !judge.mock.calls.length) slices.shift()!(null);
    // The first item needed three slices: nothing was judged before it was ready.
    expect([...prepareCalls.values()][0]).toBe(3);
    for (let i = 0; i < 100 && slices.length > 0; i++) slices.shift()!(null);
    expect(warningOf('scam')?.getAttribute('data-verdict')).toBe('scam');
    expect(warningOf('c-sus')?.getAttribute('data-verdict')).toBe('suspicious');
    expect([...prepareCalls.values()].every((n) => n === 3)).toBe(true);
    const texts = judge.mock.calls.map(([input]) => input.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBe(prepareCalls.size);
  });

  it('waits for the engine: nothing is shown until judge answers, then a rescan shows it', () => {
    let ready = false;
    scanner = makeScanner({ judge: (input) => (ready ? fakeJudge(input) : null) });
    scanner.start();
    scanner.drain();
    expect(document.querySelectorAll('canhgiac-warning')).toHaveLength(0);
    ready = true;
    scanner.rescanAll({ rejudge: true });
    scanner.drain();
    expect(warningOf('scam')).not.toBeNull();
  });
});

describe('scanner on a plain page', () => {
  it('shows the banner on a scam page and nothing on a clean one', () => {
    document.title = 'Việc làm tại nhà';
    document.body.innerHTML = `<main><h1>Kiếm tiền online</h1><p>Đăng ký ngay, ${SCAM}, rút tiền trong ngày.</p></main>`;
    scanner = makeScanner({ adapter: null });
    scanner.start();
    scanner.drain();
    const banner = document.querySelector('canhgiac-banner');
    expect(banner?.getAttribute('data-verdict')).toBe('scam');
    expect(banner?.parentElement).toBe(document.documentElement);
    scanner.stop();
    document.body.innerHTML = '<p>Thời tiết Hà Nội hôm nay</p>';
    scanner = makeScanner({ adapter: null });
    scanner.start();
    scanner.drain();
    expect(document.querySelector('canhgiac-banner')).toBeNull();
    expect(scanner.summarize().verdict).toBe('clean');
  });

  it('shows no banner on a trusted site', () => {
    document.body.innerHTML = `<p>${SCAM}</p>`;
    scanner = makeScanner({ adapter: null, checkPage: () => ({ form: null, trusted: true }) });
    scanner.start();
    scanner.drain();
    expect(document.querySelector('canhgiac-banner')).toBeNull();
  });
});
