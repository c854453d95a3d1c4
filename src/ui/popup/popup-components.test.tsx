// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { translate } from '@/src/shared/i18n';
import type { FlaggedItem, TabFindings } from '@/src/shared/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/src/shared/settings';
import { ProtectionControls } from './protection-controls';
import { TabStatus } from './tab-status';

const t = (key: string, subs?: (string | number)[]) => translate('en', key, subs);
const roots: HTMLElement[] = [];
function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  roots.push(root);
  return root;
}
afterEach(() => {
  for (const root of roots.splice(0)) {
    render(null, root);
    root.remove();
  }
});

const post = (over: Partial<FlaggedItem> = {}): FlaggedItem => ({
  key: 'k',
  kind: 'post',
  verdict: 'scam',
  score: 120,
  categories: ['job-task', 'generic'],
  indicators: [{ patternId: 'p1', family: 'job-task', signal: 'payment', kind: 'phrase', match: 'nạp tiền', message: { vi: 'Đòi nạp tiền trước', en: 'Asks for money up front' } }],
  excerpt: '',
  ...over,
});
const findings = (over: Partial<TabFindings>): TabFindings => ({ url: 'https://a.example/', title: 'A', verdict: 'clean', items: [], paused: false, ...over });
const families = [{ id: 'job-task', name: { vi: 'Việc làm nhiệm vụ', en: 'Task job scam' }, description: { vi: '', en: '' } }];

describe('TabStatus', () => {
  it('says "nothing found" (never "safe") for a clean page', () => {
    const el = mount(<TabStatus findings={findings({})} scannable paused={false} families={families} language="en" t={t} />);
    expect(el.querySelector('.verdict strong')?.textContent).toBe('Nothing found');
    expect(el.textContent).toContain('That does not mean the page is safe');
    const vi = mount(<TabStatus findings={findings({})} scannable paused={false} families={families} language="vi" t={(k, s) => translate('vi', k, s)} />);
    expect(vi.querySelector('.verdict strong')?.textContent).toBe('Chưa phát hiện dấu hiệu lừa đảo');
    expect(vi.querySelector('.verdict strong')?.textContent).not.toMatch(/an toàn/);
    expect(el.querySelector('[role="status"]')?.getAttribute('data-verdict')).toBe('none');
  });

  it('shows a scam verdict, the flagged post count, the family name and each indicator with its explanation', () => {
    const el = mount(
      <TabStatus findings={findings({ verdict: 'scam', items: [post(), post({ key: 'k2' }), post({ key: 'pg', kind: 'page' })] })} scannable paused={false} families={families} language="en" t={t} />,
    );
    expect(el.querySelector('[data-verdict]')?.getAttribute('data-verdict')).toBe('scam');
    expect(el.textContent).toContain('2 posts or comments were flagged');
    expect(el.textContent).toContain('Type of scam: Task job scam');
    expect(el.querySelectorAll('.indicators li')).toHaveLength(1);
    expect(el.querySelector('.indicators li')?.textContent).toBe('Asks for money up front (“nạp tiền”)');
  });

  it('lists indicators that share an explanation once, with every match', () => {
    const shared = { vi: 'Dấu hiệu chung', en: 'A common sign' };
    const item = post({
      indicators: [
        { patternId: 'g1', family: 'generic', signal: 'channel', kind: 'phrase', match: 'ib zalo', message: shared },
        { patternId: 'g2', family: 'generic', signal: 'pressure', kind: 'phrase', match: 'gấp', message: shared },
        { patternId: 'g3', family: 'generic', signal: 'channel', kind: 'phrase', match: 'IB ZALO', message: shared },
        ...['a1', 'a2', 'a3'].map((m) => ({ patternId: m, family: 'generic', signal: 'channel' as const, kind: 'phrase' as const, match: m, message: shared })),
      ],
    });
    const el = mount(<TabStatus findings={findings({ verdict: 'suspicious', items: [item] })} scannable paused={false} families={families} language="en" t={t} />);
    expect([...el.querySelectorAll('.indicators li')].map((li) => li.textContent)).toEqual(['A common sign (“ib zalo”, “gấp”, “a1”, “a2”, +1)']);
  });

  it('says protection is paused instead of showing findings', () => {
    const el = mount(<TabStatus findings={findings({ verdict: 'scam', items: [post()] })} scannable paused families={families} language="en" t={t} />);
    expect(el.textContent).toContain('Protection is paused');
    expect(el.querySelector('.indicators')).toBeNull();
  });
});

describe('ProtectionControls', () => {
  const click = (el: HTMLElement, name: string) => {
    const button = [...el.querySelectorAll('button')].find((b) => b.textContent === name);
    if (!button) throw new Error(`no button ${name}`);
    button.click();
  };

  it('pauses the site for an hour or until resumed, and resumes', () => {
    vi.useFakeTimers({ now: 1_000_000 });
    const save = vi.fn(async (_next: Settings) => undefined);
    const el = mount(<ProtectionControls host="a.example" settings={DEFAULT_SETTINGS} save={save} language="en" t={t} />);
    click(el, 'Pause for an hour');
    expect(save.mock.calls[0]?.[0].sitePauses).toEqual({ 'a.example': 1_000_000 + 3_600_000 });
    click(el, 'Pause until I turn it back on');
    expect(save.mock.calls[1]?.[0].sitePauses).toEqual({ 'a.example': null });
    vi.useRealTimers();

    const paused = { ...DEFAULT_SETTINGS, sitePauses: { 'a.example': null, 'b.example': null } };
    const el2 = mount(<ProtectionControls host="a.example" settings={paused} save={save} language="en" t={t} />);
    expect(el2.textContent).toContain('Paused on a.example until you turn it back on');
    click(el2, 'Resume protection');
    expect(save.mock.calls[2]?.[0].sitePauses).toEqual({ 'b.example': null });
  });

  it('toggles the global pause', () => {
    const save = vi.fn(async (_next: Settings) => undefined);
    const el = mount(<ProtectionControls host={null} settings={DEFAULT_SETTINGS} save={save} language="en" t={t} />);
    el.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    expect(save.mock.calls[0]?.[0].globalPause).toEqual({ until: null });
  });
});
