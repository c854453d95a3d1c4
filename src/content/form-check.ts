/**
 * Forms that ask for secrets (password, OTP code, card number, bank-account number) on a page that names a brand
 * (bank, wallet, delivery company…) whose official domains do not include the page's. The classic phishing page:
 * "Vietcombank — xác thực tài khoản" asking for the OTP on some other domain.
 */
import type { BrandSource, Indicator } from '@/src/engine/types';
import { translate, type Language } from '@/src/shared/i18n';

export type SecretField = 'password' | 'otp' | 'card' | 'account';

const FIELD_PATTERNS: [SecretField, RegExp][] = [
  ['otp', /\b(otp|one[\s_-]?time|verification[\s_-]?code|ma[\s_-]?(xac[\s_-]?(thuc|nhan)|bao[\s_-]?mat|otp)|smart[\s_-]?otp)\b/],
  ['card', /\b(card[\s_-]?(number|no)|cc[\s_-]?(num|number)|cvv|cvc|so[\s_-]?the|ngay[\s_-]?het[\s_-]?han|expiry)\b/],
  ['account', /\b(account[\s_-]?(number|no)|so[\s_-]?tai[\s_-]?khoan|stk)\b/],
  ['password', /\b(password|passwd|mat[\s_-]?khau)\b/],
];

/** Lowercase, accents folded, đ → d: for matching labels written with or without Vietnamese accents. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
}

function describeField(input: HTMLInputElement, doc: Document): string {
  const parts = [input.name, input.id, input.placeholder, input.getAttribute('aria-label') ?? '', input.autocomplete];
  if (input.id) {
    for (const label of Array.from(doc.querySelectorAll('label'))) if (label.htmlFor === input.id) parts.push(label.textContent ?? '');
  }
  const wrapping = input.closest('label');
  if (wrapping) parts.push(wrapping.textContent ?? '');
  return foldText(parts.join(' '));
}

function isShown(element: Element): boolean {
  const check = (element as Element & { checkVisibility?: () => boolean }).checkVisibility;
  return typeof check === 'function' ? check.call(element) : true;
}

/** The kinds of secrets the visible fields of the page ask for. */
export function findSecretFields(doc: Document): Set<SecretField> {
  const found = new Set<SecretField>();
  for (const input of Array.from(doc.querySelectorAll('input'))) {
    const type = (input.getAttribute('type') ?? 'text').toLowerCase();
    if (['hidden', 'submit', 'button', 'checkbox', 'radio', 'image', 'reset', 'file'].includes(type)) continue;
    if (!isShown(input)) continue;
    if (input.autocomplete === 'one-time-code') found.add('otp');
    else if (input.autocomplete.startsWith('cc-')) found.add('card');
    const description = describeField(input, doc);
    let matched = false;
    for (const [kind, pattern] of FIELD_PATTERNS) {
      if (pattern.test(description)) {
        found.add(kind);
        matched = true;
        break;
      }
    }
    if (!matched && type === 'password') found.add('password');
  }
  return found;
}

/** The first brand named in `text` (by name or a keyword of 4+ letters, as whole words), or null. */
export function findNamedBrand(text: string, brands: readonly BrandSource[]): number | null {
  const folded = ` ${foldText(text).replace(/[^a-z0-9]+/g, ' ')} `;
  let best: { index: number; at: number } | null = null;
  brands.forEach((brand, index) => {
    const names = [foldText(brand.name).replace(/[^a-z0-9]+/g, ' ').trim(), ...brand.keywords.filter((k) => k.length >= 4)];
    for (const name of names) {
      if (!name) continue;
      const at = folded.indexOf(` ${name} `);
      if (at >= 0 && (!best || at < best.at)) best = { index, at };
    }
  });
  return best === null ? null : (best as { index: number }).index;
}

export interface FormCheckInput {
  fields: ReadonlySet<SecretField>;
  /** The page's title and the text around its forms (headings, labels, logo alt text). */
  brandText: string;
  host: string;
  /** The page's registrable domain (eTLD+1). */
  registrable: string | null;
  allowlisted: boolean;
  brands: readonly BrandSource[];
  /** The family of each brand's impersonation (engine.brandFamilies). */
  brandFamilies: readonly string[];
}

export interface FormFinding {
  indicator: Indicator;
  brand: string;
  fields: SecretField[];
  /** OTP/card/account on a non-brand domain is a scam on its own; a password alone is suspicious. */
  level: 'scam' | 'suspicious';
}

const FIELD_ORDER: SecretField[] = ['otp', 'card', 'account', 'password'];

export function checkSecretForm(input: FormCheckInput): FormFinding | null {
  if (input.fields.size === 0 || input.allowlisted) return null;
  const brandIndex = findNamedBrand(input.brandText, input.brands);
  if (brandIndex === null) return null;
  const brand = input.brands[brandIndex]!;
  const host = input.host.toLowerCase();
  const owned = brand.domains.some((d) => host === d || host.endsWith(`.${d}`) || input.registrable === d);
  if (owned) return null;
  const fields = FIELD_ORDER.filter((f) => input.fields.has(f));
  const level = fields.some((f) => f !== 'password') ? 'scam' : 'suspicious';
  const weight = level === 'scam' ? 80 : 60;
  return {
    brand: brand.name,
    fields,
    level,
    indicator: {
      patternId: `form:${brand.id}`,
      family: input.brandFamilies[brandIndex] ?? 'generic',
      signal: 'credential',
      weight,
      kind: 'lookalike',
      match: host,
      message: { vi: describeFields('vi', fields, brand.name), en: describeFields('en', fields, brand.name) },
    },
  };
}

const FIELD_KEYS: Record<SecretField, string> = {
  password: 'bannerFieldPassword',
  otp: 'bannerFieldOtp',
  card: 'bannerFieldCard',
  account: 'bannerFieldAccount',
};

function describeFields(language: Language, fields: readonly SecretField[], brand: string): string {
  const names = fields.map((f) => translate(language, FIELD_KEYS[f]));
  const list = names.length > 1 ? `${names.slice(0, -1).join(', ')}${translate(language, 'bannerAnd')}${names.at(-1)!}` : (names[0] ?? '');
  return translate(language, 'bannerFormField', [list, brand]);
}

/** The text that says which brand a page claims to be: title, headings, labels and logo alt text near forms. */
export function readBrandText(doc: Document): string {
  const parts = [doc.title];
  for (const el of Array.from(doc.querySelectorAll('h1, h2, h3, form, label, header, img[alt], [role=banner]')).slice(0, 60)) {
    parts.push(el.tagName === 'IMG' ? (el.getAttribute('alt') ?? '') : (el.textContent ?? '').slice(0, 500));
  }
  return parts.join('\n');
}
