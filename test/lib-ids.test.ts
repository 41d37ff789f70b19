import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from '../src/lib/ids.ts';

describe('uuidv7', () => {
  it('is a valid UUID, version 7, increasing in creation order, and unique', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    expect(ids.every((id) => z.uuid().safeParse(id).success && id[14] === '7')).toBe(true);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries its creation time in the first 48 bits', () => {
    const ms = Date.now() + 365 * 86_400_000; // ahead of every id made so far: ids never go back in time
    expect(Number.parseInt(uuidv7(ms).replace(/-/g, '').slice(0, 12), 16)).toBe(ms);
  });
});
