// Direct tests of three small pieces everything else leans on: the group committer (one fsync for many
// submissions, no caller answered before its commit, a bad item never fails its neighbours), the identity
// cipher (tampering, wrong row, wrong key all refused), and query codes (format, normalisation, look-alikes).
import { randomBytes } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import { type BatchResult, GroupCommitter } from '../../src/lib/group-commit.ts';
import { IdentityCipher } from '../../src/lib/identity-cipher.ts';
import { hashQueryCode, newQueryCode, normaliseQueryCode, queryCodeMatches } from '../../src/lib/query-code.ts';

/** A promise settled from outside: stands for a transaction whose commit the test decides. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}
/** Lets every queued callback (immediates, microtasks) run. */
const turn = () => new Promise<void>((r) => setImmediate(r));

/** Tracks whether a promise settled, without waiting for it. */
function track<T>(p: Promise<T>) {
  const s: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  p.then(
    (v) => Object.assign(s, { settled: true, value: v }),
    (e) => Object.assign(s, { settled: true, error: e }),
  );
  return s;
}

describe('group committer', () => {
  it('writes what arrives in one turn as one batch, and answers no caller before that batch commits', async () => {
    const commits: ReturnType<typeof deferred<void>>[] = [];
    const batches: number[][] = [];
    const gc = new GroupCommitter<number, string>(async (items) => {
      batches.push(items);
      const commit = deferred();
      commits.push(commit);
      await commit.promise; // the transaction commits when the test says so
      return items.map((i) => ({ ok: true, value: `row-${i}` }));
    });
    const callers = [1, 2, 3, 4, 5].map((i) => track(gc.submit(i)));
    await turn();
    await turn();
    expect(batches).toEqual([[1, 2, 3, 4, 5]]);
    expect(callers.filter((c) => c.settled)).toEqual([]); // nothing answered: the commit has not happened
    // More work arrives while the first commit is in flight: it waits for the next transaction.
    const late = track(gc.submit(6));
    await turn();
    expect(batches).toHaveLength(1);
    commits[0]!.resolve();
    await turn();
    expect(callers.map((c) => c.value)).toEqual(['row-1', 'row-2', 'row-3', 'row-4', 'row-5']);
    expect(late.settled).toBe(false);
    expect(batches).toEqual([[1, 2, 3, 4, 5], [6]]);
    commits[1]!.resolve();
    await turn();
    expect(late.value).toBe('row-6');
    expect(gc.stats).toEqual({ batches: 2, items: 6, largest: 5 });
  });

  /** A committer that records its batches and commits at once, waiting at most `maxWaitMs` for announced callers. */
  const recording = (maxWaitMs: number) => {
    const batches: number[][] = [];
    const gc = new GroupCommitter<number, number>(
      async (items) => {
        batches.push(items);
        return items.map((i) => ({ ok: true, value: i }));
      },
      256,
      0,
      maxWaitMs,
    );
    return { batches, gc };
  };

  it('waits for announced callers: requests a few turns apart share one commit, none is answered before it', async () => {
    const { batches, gc } = recording(1000);
    const arrivedB = gc.expect();
    const arrivedC = gc.expect();
    const a = track(gc.submit(1)); // not announced: it waits for the two that are
    await turn();
    await turn();
    expect(batches).toEqual([]);
    const b = track(gc.submit(2));
    arrivedB();
    await turn();
    expect(batches).toEqual([]);
    expect([a.settled, b.settled]).toEqual([false, false]);
    arrivedC(); // refused before it submitted (say, by the rate limiter): the batch goes without it
    arrivedC(); // a second call changes nothing
    await turn();
    await turn();
    expect(batches).toEqual([[1, 2]]);
    expect([a.value, b.value]).toEqual([1, 2]);
  });

  it('an announced caller that never comes delays a batch by maxWaitMs at most', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // the clock is an edge; setImmediate stays real
    try {
      const { batches, gc } = recording(30);
      gc.expect(); // never called back
      const seven = track(gc.submit(7));
      await vi.advanceTimersByTimeAsync(29);
      expect(batches).toEqual([]); // still waiting for the announced caller
      await vi.advanceTimersByTimeAsync(1);
      await turn();
      await turn();
      expect(batches).toEqual([[7]]);
      expect(seven.value).toBe(7);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a failing batch is retried item by item: the bad item fails alone, its neighbours succeed', async () => {
    const calls: number[][] = [];
    const gc = new GroupCommitter<number, number>(async (items) => {
      calls.push(items);
      if (items.includes(3)) throw new Error('constraint violated by item 3'); // the whole transaction rolls back
      return items.map((i) => ({ ok: true, value: i * 10 }));
    });
    const results = await Promise.allSettled([1, 2, 3, 4].map((i) => gc.submit(i)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      10,
      20,
      'constraint violated by item 3',
      40,
    ]);
    expect(calls).toEqual([[1, 2, 3, 4], [1], [2], [3], [4]]);
  });

  it('an item refused inside a committed batch rejects that caller only', async () => {
    const gc = new GroupCommitter<string, string>(async (items) =>
      items.map((i): BatchResult<string> => (i === 'dup' ? { ok: false, error: new Error('duplicate') } : { ok: true, value: i })),
    );
    const results = await Promise.allSettled(['a', 'dup', 'b'].map((i) => gc.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
  });

  it('a single-item batch that fails rejects with the real error; a short answer rejects the rest', async () => {
    const one = new GroupCommitter<number, number>(async () => {
      throw new Error('disk full');
    });
    await expect(one.submit(1)).rejects.toThrow('disk full');
    const short = new GroupCommitter<number, number>(async (items) => [{ ok: true, value: items[0]! }]);
    const results = await Promise.allSettled([7, 8].map((i) => short.submit(i)));
    expect(results[0]).toEqual({ status: 'fulfilled', value: 7 });
    expect(results[1]?.status).toBe('rejected');
  });

  it('splits at maxBatch and refuses work after close, having written what was queued', async () => {
    const batches: number[][] = [];
    const gc = new GroupCommitter<number, number>(async (items) => {
      batches.push(items);
      return items.map((i) => ({ ok: true, value: i }));
    }, 2);
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => gc.submit(i)));
    await gc.close();
    expect(await all).toEqual([1, 2, 3, 4, 5]);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    await expect(gc.submit(6)).rejects.toThrow('closed');
  });
});

describe('identity cipher', () => {
  const key = randomBytes(32);
  const cipher = new IdentityCipher(key);
  const identity = { name: '张伟', phone: '13812345678' };

  it('opens what it sealed for the same row, and seals the same value differently each time', () => {
    const a = cipher.seal(identity, 'party:1');
    const b = cipher.seal(identity, 'party:1');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toContain('张伟');
    expect(Buffer.from(a.slice(3), 'base64').toString('utf8')).not.toContain('1381234');
    expect(cipher.open(a, 'party:1')).toEqual(identity);
    expect(cipher.open(b, 'party:1')).toEqual(identity);
  });

  it('refuses a tampered ciphertext, tag or nonce', () => {
    const sealed = cipher.seal(identity, 'party:1');
    const raw = Buffer.from(sealed.slice(3), 'base64');
    for (const at of [0, 11, 12, 27, 28, raw.length - 1]) {
      const bad = Buffer.from(raw);
      bad[at] = (bad[at] ?? 0) ^ 0x01;
      expect(() => cipher.open(`v1.${bad.toString('base64')}`, 'party:1'), `byte ${at}`).toThrow();
    }
    expect(() => cipher.open(`v1.${raw.subarray(0, raw.length - 1).toString('base64')}`, 'party:1')).toThrow();
  });

  it('refuses the wrong row (context), the wrong key and an unknown envelope', () => {
    const sealed = cipher.seal(identity, 'party:1');
    expect(() => cipher.open(sealed, 'party:2')).toThrow();
    expect(() => cipher.open(sealed, '')).toThrow();
    expect(() => new IdentityCipher(randomBytes(32)).open(sealed, 'party:1')).toThrow();
    expect(() => cipher.open(sealed.replace(/^v1\./, 'v2.'), 'party:1')).toThrow('unknown identity envelope');
    expect(() => cipher.open('v1', 'party:1')).toThrow('unknown identity envelope');
    expect(() => new IdentityCipher(randomBytes(16))).toThrow('32 bytes');
  });

  it('keyed hashes match equal values under one key only', () => {
    expect(cipher.mac('13812345678')).toBe(cipher.mac('13812345678'));
    expect(cipher.mac('13812345678')).not.toBe(cipher.mac('13812345679'));
    expect(new IdentityCipher(randomBytes(32)).mac('13812345678')).not.toBe(cipher.mac('13812345678'));
    expect(cipher.mac('13812345678')).not.toContain('1381234');
  });
});

describe('query codes', () => {
  it('are 26 Crockford base32 symbols in groups of four, without I, L, O or U, and do not repeat', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const c = newQueryCode();
      expect(c).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){6}[0-9A-HJKMNP-TV-Z]{2}$/);
      seen.add(c);
    }
    expect(seen.size).toBe(2000);
  });

  it('normalise case, spaces, dashes (full-width too) and look-alikes', () => {
    expect(normaliseQueryCode('ab12-cd34')).toBe('AB12CD34');
    expect(normaliseQueryCode(' AB12 CD34 ')).toBe('AB12CD34');
    expect(normaliseQueryCode('AB12－CD34—EF_56')).toBe('AB12CD34EF56');
    expect(normaliseQueryCode('o0Oi1IlL')).toBe('00011111');
  });

  it('a code read aloud and retyped with look-alikes still matches; another code does not', () => {
    const code = newQueryCode();
    const stored = hashQueryCode(code);
    const retyped = code.toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l').replace(/-/g, ' ');
    expect(queryCodeMatches(retyped, stored)).toBe(true);
    expect(queryCodeMatches(code, stored)).toBe(true);
    let other = newQueryCode();
    while (other === code) other = newQueryCode();
    expect(queryCodeMatches(other, stored)).toBe(false);
    expect(queryCodeMatches(code.slice(0, -1), stored)).toBe(false);
    expect(queryCodeMatches(code, 'abcd')).toBe(false); // a malformed stored hash never matches
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
  });
});
