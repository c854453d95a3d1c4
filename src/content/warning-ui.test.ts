// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { VerdictView } from './describe-verdict';
import { createPageBanner } from './page-banner';
import { createWarningHost } from './warning-ui';

const view: VerdictView = {
  level: 'scam',
  familyId: 'job-task',
  familyName: 'Việc nhẹ lương cao <img src=x onerror=alert(1)>',
  description: 'Mô tả',
  advice: 'Đừng chuyển tiền',
  signs: ['nạp tiền <b>làm</b> nhiệm vụ'],
  reasons: ['Yêu cầu nạp tiền'],
  dangerousHost: null,
};

describe('inline warning', () => {
  it('renders every string as text (no markup from data) and names the family and the signs', () => {
    const warning = createWarningHost(document, { report: async () => undefined, dismiss: async () => undefined }, 'open');
    document.body.append(warning.host);
    warning.render(view, 'vi', 'dark');
    const root = warning.host.shadowRoot!;
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('b')).toBeNull();
    expect(root.textContent).toContain('Việc nhẹ lương cao <img src=x onerror=alert(1)>');
    expect(root.textContent).toContain('“nạp tiền <b>làm</b> nhiệm vụ”');
    expect(root.querySelector('.card')!.getAttribute('data-theme')).toBe('dark');
    expect(warning.host.getAttribute('data-verdict')).toBe('scam');
  });

  it('has keyboard-operable buttons: "why" toggles aria-expanded and the panel; report and "not a scam" call back', async () => {
    const report = vi.fn(async () => undefined);
    const dismiss = vi.fn(async () => undefined);
    const warning = createWarningHost(document, { report, dismiss }, 'open');
    document.body.append(warning.host);
    warning.render(view, 'en', 'light');
    const root = warning.host.shadowRoot!;
    const buttons = [...root.querySelectorAll('button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Why?', 'Report', 'Not a scam']);
    const why = buttons[0]!;
    const panel = root.getElementById('why')!;
    expect(why.getAttribute('aria-controls')).toBe('why');
    expect(panel.hidden).toBe(true);
    why.click();
    expect(why.getAttribute('aria-expanded')).toBe('true');
    expect(panel.hidden).toBe(false);
    buttons[1]!.click();
    buttons[2]!.click();
    await new Promise((r) => setTimeout(r, 0));
    expect(report).toHaveBeenCalledOnce();
    expect(dismiss).toHaveBeenCalledOnce();
    expect(root.querySelector('[role=status]')!.textContent).toContain('report preview');
  });

  it('speaks Vietnamese or English', () => {
    const warning = createWarningHost(document, { report: async () => undefined, dismiss: async () => undefined }, 'open');
    warning.render(view, 'vi', 'auto');
    expect(warning.host.shadowRoot!.textContent).toContain('Có dấu hiệu lừa đảo');
    warning.render(view, 'en', 'auto');
    expect(warning.host.shadowRoot!.textContent).toContain('Likely scam');
  });
});

describe('page banner', () => {
  it('says a lookalike domain is fake (stronger than text signs) and offers leave, report, trust', async () => {
    const trust = vi.fn(async () => undefined);
    const leave = vi.fn();
    const banner = createPageBanner(document, { report: async () => undefined, leave, trust }, 'open');
    banner.render({ ...view, dangerousHost: 'vietcombank-xacminh.com' }, 'vi', 'auto');
    const root = banner.host.shadowRoot!;
    expect(root.querySelector('.card')!.getAttribute('data-strength')).toBe('danger');
    expect(root.querySelector('h2')!.textContent).toContain('vietcombank-xacminh.com');
    (root.querySelector('[data-role=leave]') as HTMLButtonElement).click();
    (root.querySelector('[data-role=trust]') as HTMLButtonElement).click();
    await new Promise((r) => setTimeout(r, 0));
    expect(leave).toHaveBeenCalledOnce();
    expect(trust).toHaveBeenCalledOnce();
    expect(root.querySelector('a')!.getAttribute('href')).toBe('https://canhbao.khonggianmang.vn/');
    banner.render({ ...view, dangerousHost: null, level: 'suspicious' }, 'en', 'auto');
    expect(root.querySelector('.card')!.getAttribute('data-strength')).toBe('text');
    expect(root.querySelector('h2')!.textContent).toBe('This page looks suspicious');
  });
});
