/**
 * Base64 for typed arrays, without Buffer/btoa (the engine runs in Node, workers and content scripts alike).
 * Integers are little-endian, as every platform we run on stores them.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

interface TextDecoderLike {
  decode(bytes: Uint8Array): string;
}
const asciiDecoder: TextDecoderLike | undefined = (() => {
  const ctor = (globalThis as { TextDecoder?: new (label: string) => TextDecoderLike }).TextDecoder;
  return ctor === undefined ? undefined : new ctor('utf-8');
})();

/** A string from ASCII codes (TextDecoder for long runs where available, else String.fromCharCode in chunks). */
export function decodeAscii(codes: Uint8Array): string {
  if (codes.length <= 1024) return String.fromCharCode.apply(null, codes as unknown as number[]);
  if (asciiDecoder !== undefined) return asciiDecoder.decode(codes);
  let text = '';
  for (let k = 0; k < codes.length; k += 1024) {
    text += String.fromCharCode.apply(null, codes.subarray(k, Math.min(codes.length, k + 1024)) as unknown as number[]);
  }
  return text;
}

const ENCODE = new Uint8Array(64);
for (let i = 0; i < 64; i++) ENCODE[i] = ALPHABET.charCodeAt(i);

export function encodeBase64(bytes: Uint8Array): string {
  const n = bytes.length;
  const out = new Uint8Array(Math.ceil(n / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 3 <= n; i += 3) {
    const v = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out[o++] = ENCODE[v >> 18] ?? 61;
    out[o++] = ENCODE[(v >> 12) & 63] ?? 61;
    out[o++] = ENCODE[(v >> 6) & 63] ?? 61;
    out[o++] = ENCODE[v & 63] ?? 61;
  }
  if (i < n) {
    const b0 = bytes[i] ?? 0;
    const b1 = i + 1 < n ? (bytes[i + 1] ?? 0) : 0;
    out[o++] = ENCODE[b0 >> 2] ?? 61;
    out[o++] = ENCODE[((b0 & 3) << 4) | (b1 >> 4)] ?? 61;
    out[o++] = i + 1 < n ? (ENCODE[(b1 & 15) << 2] ?? 61) : 61;
    out[o++] = 61;
  }
  return decodeAscii(out);
}

export function decodeBase64(text: string): Uint8Array {
  let length = text.length;
  while (length > 0 && text.charCodeAt(length - 1) === 61) length--;
  const out = new Uint8Array(Math.floor((length * 3) / 4));
  let o = 0;
  let i = 0;
  const table = DECODE;
  let check = 0;
  for (; i + 4 <= length; i += 4) {
    const a = table[text.charCodeAt(i)] ?? -1;
    const b = table[text.charCodeAt(i + 1)] ?? -1;
    const c = table[text.charCodeAt(i + 2)] ?? -1;
    const d = table[text.charCodeAt(i + 3)] ?? -1;
    check |= a | b | c | d;
    const n = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (check < 0) throw new Error('invalid base64');
  let n = 0;
  let bits = 0;
  for (; i < length; i++) {
    const v = table[text.charCodeAt(i)] ?? -1;
    if (v < 0) throw new Error('invalid base64');
    n = (n << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (n >> bits) & 255;
    }
  }
  return out;
}

export function encodeInt32s(values: Int32Array): string {
  return encodeBase64(new Uint8Array(values.buffer, values.byteOffset, values.byteLength));
}

export function decodeInt32s(text: string): Int32Array {
  const bytes = decodeBase64(text);
  if (bytes.length % 4 !== 0) throw new Error('invalid Int32 payload');
  return new Int32Array(bytes.buffer, 0, bytes.length / 4);
}
