// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { BrandSource } from '@/src/engine/types';
import { checkSecretForm, findNamedBrand, findSecretFields, readBrandText } from './form-check';

const brands: BrandSource[] = [
  { id: 'vcb', name: 'Vietcombank', domains: ['vietcombank.com.vn'], keywords: ['vietcombank', 'vcb'], kind: 'bank' },
  { id: 'momo', name: 'MoMo', domains: ['momo.vn'], keywords: ['momo'], kind: 'wallet' },
];
const base = { brands, brandFamilies: ['bank-phishing', 'bank-phishing'], allowlisted: false };

describe('secret form check', () => {
  it('finds password, OTP, card and account fields by type, autocomplete and Vietnamese labels', () => {
    document.body.innerHTML = `<form>
      <input type="password" name="pw">
      <label for="o">Mã xác thực OTP</label><input id="o" name="code">
      <input name="cardnumber" placeholder="Số thẻ">
      <input name="stk" aria-label="Số tài khoản">
      <input type="hidden" name="otp_hidden"></form>`;
    expect([...findSecretFields(document)].sort()).toEqual(['account', 'card', 'otp', 'password']);
    document.body.innerHTML = '<form><input name="q" placeholder="Tìm kiếm"></form>';
    expect(findSecretFields(document).size).toBe(0);
  });

  it('flags a page naming a brand and asking for the OTP on another domain as scam, a password alone as suspicious', () => {
    const otp = checkSecretForm({ ...base, fields: new Set(['otp', 'password']), brandText: 'Vietcombank - Xác thực tài khoản', host: 'vcb-xacthuc.top', registrable: 'vcb-xacthuc.top' });
    expect(otp?.level).toBe('scam');
    expect(otp?.indicator.family).toBe('bank-phishing');
    expect(otp?.indicator.message.vi).toContain('mã OTP');
    expect(otp?.indicator.message.en).toContain("Vietcombank's site");
    const password = checkSecretForm({ ...base, fields: new Set(['password']), brandText: 'Đăng nhập MoMo', host: 'example.net', registrable: 'example.net' });
    expect(password?.level).toBe('suspicious');
  });

  it("says nothing on the brand's own domain, on allowlisted sites, or when no brand is named", () => {
    const fields = new Set(['otp'] as const);
    expect(checkSecretForm({ ...base, fields, brandText: 'Vietcombank', host: 'digibank.vietcombank.com.vn', registrable: 'vietcombank.com.vn' })).toBeNull();
    expect(checkSecretForm({ ...base, allowlisted: true, fields, brandText: 'Vietcombank', host: 'news.example', registrable: 'news.example' })).toBeNull();
    expect(checkSecretForm({ ...base, fields, brandText: 'Đăng nhập diễn đàn', host: 'forum.example', registrable: 'forum.example' })).toBeNull();
  });

  it('matches brand names as whole words, with or without accents', () => {
    expect(findNamedBrand('Chào mừng đến VIETCOMBANK', brands)).toBe(0);
    expect(findNamedBrand('momoney shop', brands)).toBeNull();
    document.title = 'Ví MoMo';
    document.body.innerHTML = '<h1>Nhận quà</h1>';
    expect(readBrandText(document)).toContain('Ví MoMo');
  });
});
