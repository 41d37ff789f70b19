// Pooled random bytes (query codes, identity IVs): the right length, owned by the caller, never repeated
// across pool refills.
import { describe, expect, it } from 'vitest';
import { randomBytesPooled } from '../../src/lib/random-pool.ts';

describe('randomBytesPooled', () => {
  it('hands out distinct bytes of the asked length, across many refills', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) {
      const b = randomBytesPooled(i % 2 ? 12 : 17);
      expect(b.length).toBe(i % 2 ? 12 : 17);
      seen.add(b.toString('hex'));
    }
    expect(seen.size).toBe(5000);
  });

  it('returns a copy: later draws do not change what a caller holds', () => {
    const a = randomBytesPooled(16);
    const copy = Buffer.from(a);
    for (let i = 0; i < 600; i++) randomBytesPooled(16);
    expect(a.equals(copy)).toBe(true);
    expect(() => randomBytesPooled(5000)).toThrow(RangeError);
  });
});
