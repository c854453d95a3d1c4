import { beforeAll, describe, expect, it } from 'vitest';
import { assembleDatabase } from '../patterns/index.ts';
import { compileEngine, type Engine } from './compile.ts';
import { MINI_DATABASE } from './mini-database.fixture.ts';
import { isDemotable, LURE_PROBABILITY, MODEL_DEMOTE_PATTERN_ID, MODEL_LIFT_PATTERN_ID, NO_ASK_PROBABILITY, WEAK_ASK_PROBABILITY } from './model-lift.ts';
import { scanItem } from './scan-item.ts';
import { loadTextModel, TextModelError, type TextModelSource } from './text-model.ts';
import type { Verdict } from './types.ts';

/** Models that read every text as a scam (or none): they isolate the lift's gate from the model. */
const ALWAYS: TextModelSource = { format: 1, kind: 'logistic-regression', features: [], weights: [], bias: 10, threshold: 0.9 };
const NEVER: TextModelSource = { ...ALWAYS, bias: -10 };

const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));
const lifted = (v: Verdict): boolean => v.indicators.some((i) => i.patternId === MODEL_LIFT_PATTERN_ID);

describe('the lift gate (mini database, a model that always says scam)', () => {
  const always = compileEngine(MINI_DATABASE, { model: ALWAYS });
  const never = compileEngine(MINI_DATABASE, { model: NEVER });
  const none = compileEngine(MINI_DATABASE, { model: null });

  it('lifts a clean text with an ask of its own to suspicious, in the strongest family', () => {
    const text = 'Thu nhập 5 triệu mỗi tháng, ai muốn làm thì inbox mình';
    expect(scanItem(none, { text }).verdict).toBe('clean');
    const v = scanItem(always, { text });
    expect(v.verdict).toBe('suspicious');
    expect(v.score).toBeGreaterThanOrEqual(50);
    const ind = v.indicators.find((i) => i.patternId === MODEL_LIFT_PATTERN_ID);
    expect(ind).toMatchObject({ family: 'job-task', signal: 'hallmark', kind: 'model' });
    expect(ind?.message.vi).toBe('Cách viết giống các bài lừa đảo đã biết');
    expect(v.categories[0]).toBe('job-task');
    // A generic ask alone: family generic.
    const g = scanItem(always, { text: 'Ai cần thì inbox nhé' });
    expect(g.verdict).toBe('suspicious');
    expect(g.indicators.find((i) => i.patternId === MODEL_LIFT_PATTERN_ID)?.family).toBe('generic');
  });

  it('needs more certainty when the only own asks are a channel or pressure (a contact line in a shop post)', () => {
    // σ(2.95) ≈ 0.95: above the model's threshold (0.9), below the weak-ask bar.
    const sure = compileEngine(MINI_DATABASE, { model: { ...ALWAYS, bias: 2.95 } });
    expect(scanItem(sure, { text: 'Thu nhập 5 triệu mỗi tháng, ai muốn làm thì inbox mình' }).verdict).toBe('clean');
    expect(lifted(scanItem(always, { text: 'Thu nhập 5 triệu mỗi tháng, ai muốn làm thì inbox mình' }))).toBe(true);
    // A payment ask of its own: the model's threshold is enough.
    expect(lifted(scanItem(sure, { text: 'Ai muốn làm thì nạp tiền trước' }))).toBe(true);
  });

  it('does not lift when the model is not sure, or there is no model', () => {
    const text = 'Thu nhập 5 triệu mỗi tháng, ai muốn làm thì inbox mình';
    expect(scanItem(never, { text }).verdict).toBe('clean');
    expect(scanItem(none, { text }).verdict).toBe('clean');
  });

  it('lifts a lure of its own with no payment ask at the lure bar; a channel alone or nothing at all needs more', () => {
    const text = 'Tuyển cộng tác viên, thu nhập 300k mỗi ngày';
    expect(scanItem(none, { text }).verdict).toBe('clean');
    // σ(3) ≈ 0.953: above the model's threshold (0.9), below the lure bar (LURE_PROBABILITY).
    const sure = compileEngine(MINI_DATABASE, { model: { ...ALWAYS, bias: 3 } });
    expect(sigmoid(3)).toBeLessThan(LURE_PROBABILITY);
    expect(lifted(scanItem(sure, { text }))).toBe(false);
    expect(lifted(scanItem(sure, { text: 'Ai muốn làm thì nạp tiền trước' }))).toBe(true);
    // σ(4.5) ≈ 0.989: above the lure bar, below the channel-only and no-ask bars (0.99).
    const surer = compileEngine(MINI_DATABASE, { model: { ...ALWAYS, bias: 4.5 } });
    expect(sigmoid(4.5)).toBeGreaterThan(LURE_PROBABILITY);
    expect(sigmoid(4.5)).toBeLessThan(Math.min(WEAK_ASK_PROBABILITY, NO_ASK_PROBABILITY));
    expect(lifted(scanItem(surer, { text }))).toBe(true);
    // A lure with a channel: the lure's bar.
    expect(lifted(scanItem(surer, { text: 'Thu nhập 5 triệu mỗi tháng, ai muốn làm thì inbox mình' }))).toBe(true);
    expect(lifted(scanItem(surer, { text: 'Ai cần thì inbox nhé' }))).toBe(false);
    expect(lifted(scanItem(surer, { text: 'Hôm nay trời đẹp, cả nhà đi chơi vui vẻ' }))).toBe(false);
    // σ(5) ≈ 0.9933: above every bar.
    const surest = compileEngine(MINI_DATABASE, { model: { ...ALWAYS, bias: 5 } });
    expect(lifted(scanItem(surest, { text: 'Ai cần thì inbox nhé' }))).toBe(true);
    expect(lifted(scanItem(surest, { text: 'Hôm nay trời đẹp, cả nhà đi chơi vui vẻ' }))).toBe(true);
    const v = scanItem(always, { text });
    expect(v.verdict).toBe('suspicious');
    expect(v.indicators.find((i) => i.patternId === MODEL_LIFT_PATTERN_ID)?.family).toBe('job-task');
  });

  it('does not lift a negated, reported or narrated ask, nor a text that denies one or quotes a lure', () => {
    for (const text of [
      'Công ty chúng tôi không yêu cầu nạp tiền dưới bất kỳ hình thức nào',
      'Có người nhắn bảo mình inbox để nhận việc',
      'Bà ấy đã nạp tiền theo hướng dẫn',
      // A denial and a lure, no ask of its own: what the text says it does not ask for is no ask of its own.
      'Tuyển cộng tác viên, thu nhập 300k mỗi ngày, không yêu cầu nạp tiền',
      // A quoted lure and no ask: the text talks about the message it quotes.
      'Vừa đăng tìm việc thì có người nhắn "tuyển cộng tác viên, thu nhập 300k mỗi ngày" 😅',
    ]) {
      const v = scanItem(always, { text });
      expect(v.verdict, text).toBe('clean');
      expect(lifted(v), text).toBe(false);
    }
  });

  it('does not lift in warning context (news, advisories)', () => {
    const text = 'Công an khuyến cáo người dân cảnh giác: ngân hàng không bao giờ yêu cầu inbox để lấy mã OTP trong 24 giờ.';
    const v = scanItem(always, { text });
    expect(v.warningContext).toBe(true);
    expect(v.verdict).toBe('clean');
    expect(lifted(v)).toBe(false);
  });

  it('never lowers or raises a verdict that is not clean', () => {
    for (const text of ['Việc nhẹ lương cao, kết bạn zalo để nạp tiền làm nhiệm vụ', 'Việc nhẹ lương cao, inbox mình']) {
      const before = scanItem(none, { text });
      expect(before.verdict).not.toBe('clean');
      expect(scanItem(always, { text })).toEqual(before);
      expect(scanItem(never, { text })).toEqual(before);
    }
  });
});

describe('the demotion (a model with demoteBelow)', () => {
  const confident = (bias: number, demoteBelow: number): Engine =>
    compileEngine(MINI_DATABASE, { model: { ...ALWAYS, bias, demoteBelow }, now: new Date('2026-11-29T00:00:00Z') });
  const none = compileEngine(MINI_DATABASE, { model: null });
  // Suspicious on wording alone in the mini database (a lure and a channel), long enough for the model to vouch for.
  const WORDING =
    'Việc nhẹ lương cao, inbox mình. Cuối tuần này cả nhà mình về quê thăm ông bà nội, đường đông nên đi sớm từ năm giờ sáng, mang theo bánh chưng và ít quà cho các cháu nhỏ ở xóm.';

  it('lowers a wording-only suspicious verdict to clean below the bar, and says why', () => {
    const before = scanItem(none, { text: WORDING });
    expect(before.verdict).toBe('suspicious');
    expect(before.score).toBeLessThan(100);
    const v = scanItem(confident(-10, 0.05), { text: WORDING });
    expect(v.verdict).toBe('clean');
    expect(v.score).toBeLessThan(50);
    expect(v.indicators.map((i) => i.patternId)).toEqual([...before.indicators.map((i) => i.patternId), MODEL_DEMOTE_PATTERN_ID]);
    expect(v.indicators.find((i) => i.patternId === MODEL_DEMOTE_PATTERN_ID)).toMatchObject({ weight: 0, kind: 'model' });
  });

  it('keeps a short text, whatever its probability (too few words to vouch for it)', () => {
    const short = 'Việc nhẹ lương cao, inbox mình';
    expect(scanItem(none, { text: short }).verdict).toBe('suspicious');
    expect(scanItem(confident(-10, 0.05), { text: short }).verdict).toBe('suspicious');
  });

  it('keeps it at or above the bar, and without a bar', () => {
    expect(scanItem(confident(0, 0.3), { text: WORDING }).verdict).toBe('suspicious'); // P = 0.5
    expect(scanItem(compileEngine(MINI_DATABASE, { model: { ...ALWAYS, bias: -10 } }), { text: WORDING }).verdict).toBe('suspicious');
  });

  it('never lowers a scam verdict, nor a verdict with a site or number indicator', () => {
    const scam = 'Việc nhẹ lương cao, kết bạn zalo để nạp tiền làm nhiệm vụ';
    expect(scanItem(none, { text: scam }).verdict).toBe('scam');
    expect(scanItem(confident(-10, 0.05), { text: scam }).verdict).toBe('scam');
    const site = { text: 'Đăng nhập để nhận ưu đãi', links: ['https://vietcombamk.com/login'] };
    expect(scanItem(confident(-10, 0.05), site).verdict).toBe(scanItem(none, site).verdict);
    expect(isDemotable({ ...scanItem(none, { text: WORDING }), verdict: 'scam' })).toBe(false);
  });

  it("never lowers a verdict that rests on the person's own phrases (each alone makes an item suspicious)", () => {
    const text = 'Cần tuyển người chốt đơn ảo tại nhà';
    const opts = { extraPhrases: ['chốt đơn ảo'], now: new Date('2026-11-29T00:00:00Z') };
    expect(scanItem(compileEngine(MINI_DATABASE, { ...opts, model: null }), { text }).verdict).toBe('suspicious');
    expect(scanItem(compileEngine(MINI_DATABASE, { ...opts, model: { ...ALWAYS, bias: -10, demoteBelow: 0.05 } }), { text }).verdict).toBe('suspicious');
  });

  it('never lowers a live request that warning wording did not hide (an account number to pay into)', () => {
    const text = 'Cảnh giác page giả! Công an khuyến cáo. Việc nhẹ lương cao, inbox mình: chuyển khoản vào stk 1903 4455 2210 nhé';
    const before = scanItem(none, { text });
    expect(before).toMatchObject({ verdict: 'suspicious', warningContext: true });
    expect(scanItem(confident(-10, 0.05), { text }).verdict).toBe('suspicious');
  });

  it('the model file must put the bar below the lift threshold', () => {
    expect(() => loadTextModel({ ...ALWAYS, demoteBelow: 0.95 })).toThrow(TextModelError);
    expect(() => loadTextModel({ ...ALWAYS, demoteBelow: 0 })).toThrow(TextModelError);
    expect(loadTextModel({ ...ALWAYS, demoteBelow: 0.03 }).source.demoteBelow).toBe(0.03);
    expect(loadTextModel(ALWAYS).source.demoteBelow).toBeUndefined();
  });
});

describe('the bundled model with the bundled database', () => {
  let engine: Engine;
  let rulesOnly: Engine;
  beforeAll(async () => {
    const db = await assembleDatabase();
    engine = compileEngine(db);
    rulesOnly = compileEngine(db, { model: null });
  });

  // A fee-for-a-grant script in wording the families do not list: only generic asks fire.
  const SCRIPT =
    'Xin chào quý khách, quý khách vui lòng chuyển khoản trước phí kích hoạt 500k để nhận khoản hỗ trợ 20 triệu, ib zalo để được hướng dẫn';

  it('lifts a scam-like text with an ask but no family vocabulary, and says why', () => {
    const before = scanItem(rulesOnly, { text: SCRIPT });
    expect(before.verdict).toBe('clean');
    expect(before.categories).toEqual(['generic']);
    const v = scanItem(engine, { text: SCRIPT });
    expect(v.verdict).toBe('suspicious');
    const ind = v.indicators.find((i) => i.patternId === MODEL_LIFT_PATTERN_ID);
    expect(ind?.family).toBe('generic');
    const words = ind?.match.split(', ') ?? [];
    expect(words.length).toBe(3);
    for (const w of words) expect(SCRIPT).toContain(w);
  });

  // (A lure without any ask — "quý khách đủ điều kiện nhận khoản hỗ trợ 20 triệu…" — was a third case until session 11:
  // the session-11 model reads it at 0.992, above the no-ask bar, and lifts it to `suspicious`. The bar itself is
  // tested with toy models above.)
  it('does not lift the same words as news or negated', () => {
    const texts = [
      `Công an cảnh báo thủ đoạn lừa đảo mới: đối tượng nhắn "${SCRIPT}". Người dân tuyệt đối không làm theo.`,
      'Chúng tôi không bao giờ yêu cầu quý khách chuyển khoản trước phí kích hoạt để nhận khoản hỗ trợ 20 triệu',
    ];
    for (const text of texts) {
      const v = scanItem(engine, { text });
      expect(lifted(v), text).toBe(false);
      expect(v.verdict, text).toBe('clean');
    }
  });

  it('leaves ordinary selling posts alone', () => {
    for (const text of ['Bán xe đạp cũ giá 500k, ai cần ib mình nhé', 'Shop mình chuyên sỉ lẻ quần áo, ship COD toàn quốc, ib zalo để được tư vấn']) {
      expect(scanItem(engine, { text }).verdict, text).toBe('clean');
    }
  });
});
