// The secret query code: 128 random bits, shown to the citizen once, stored only as a SHA-256 hash.
// Crockford base32 (no I, L, O, U) in groups of four, so it survives being read aloud or retyped.
import { createHash, timingSafeEqual } from 'node:crypto';
import { randomBytesPooled } from './random-pool.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function newQueryCode(): string {
  const bytes = randomBytesPooled(17); // 136 bits, of which we use 130 (26 symbols × 5 bits)
  let out = '';
  let acc = 0;
  let n = 0;
  for (const b of bytes) {
    acc = ((acc << 8) | b) & 0xfff; // keep at most 12 bits: n < 5 before each byte
    n += 8;
    while (n >= 5 && out.length < 26) {
      n -= 5;
      out += ALPHABET[(acc >> n) & 31];
    }
  }
  return out.match(/.{1,4}/g)!.join('-');
}

/** Accepts lower case, spaces and dashes, and the usual look-alikes (O→0, I/L→1). */
export function normaliseQueryCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s\-－—_]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export function hashQueryCode(code: string): string {
  return createHash('sha256').update(normaliseQueryCode(code)).digest('hex');
}

export function queryCodeMatches(code: string, storedHash: string): boolean {
  const a = Buffer.from(hashQueryCode(code), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}
