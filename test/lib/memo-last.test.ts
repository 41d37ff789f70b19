import { describe, expect, it } from 'vitest';
import { memoLast } from '../../src/lib/memo-last.ts';

describe('memoLast', () => {
  it('runs the function once for the same string twice in a row, again for another, and never caches non-strings', () => {
    const seen: unknown[] = [];
    const f = memoLast((raw) => {
      seen.push(raw);
      return String(raw).toUpperCase();
    });
    expect(f('ab')).toBe('AB');
    expect(f('ab')).toBe('AB');
    expect(f('cd')).toBe('CD');
    expect(f(7)).toBe('7');
    expect(f(7)).toBe('7');
    expect(seen).toEqual(['ab', 'cd', 7, 7]);
  });

  it('with idempotent, the last output given back is final', () => {
    let calls = 0;
    const f = memoLast(
      (raw) => {
        calls++;
        return `${String(raw).trim()}`;
      },
      { idempotent: true },
    );
    expect(f('  x  ')).toBe('x');
    expect(f('x')).toBe('x');
    expect(calls).toBe(1);
  });
});
