// The understanding engine in worker threads (src/understanding/understanding-pool.ts): the same readings
// and triage results as inline, for corpus texts filed every way; a thread killed with submissions in
// flight fails none of them (they are finished inline, the thread is replaced); close() lets the process exit.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSubmission } from '../../src/cases/auto-split.ts';
import { type SubmissionInput, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { triage } from '../../src/triage/triage.ts';
import { understandingPool } from '../../src/understanding/understanding-pool.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const corpus = readFileSync(new URL('../fixtures/understanding/dev.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { text: string; township?: string | null; business?: string | null; product?: string | null })
  .slice(0, 80);
const PERSON = { name: '綦文涛', phone: '15537160283', address: '新郑市人民路8号院' };

/** Each text filed as a complaint (with and without a request), a real-name report and an anonymous one. */
function submissions() {
  const out = [];
  for (const [i, row] of corpus.entries()) {
    const business = { name: row.business ?? '某饭店', address: '新郑市' };
    const forms: SubmissionInput[] = [
      { kind: 'complaint', description: row.text, request: i % 2 ? '退款' : '退款赔偿，并请严查', business, person: PERSON },
      { kind: 'report', description: row.text, business, person: PERSON },
      { kind: 'report', description: row.text, anonymous: true },
      { kind: 'consultation', description: row.text },
    ];
    for (const f of forms) {
      const p = SubmissionSchema.safeParse(f);
      if (p.success) out.push(p.data);
    }
  }
  return out;
}

async function untilReady(pool: { readyThreads: number }, ms = 20_000): Promise<void> {
  const t0 = Date.now();
  while (pool.readyThreads === 0) {
    if (Date.now() - t0 > ms) throw new Error('no pool thread became ready');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the understanding pool gives the inline results', () => {
  const u = understandingPool(1);
  afterAll(() => u.close());

  it('readSubmission: the same split and understood lines for corpus texts filed every way', async () => {
    const subs = submissions();
    expect(subs.length).toBeGreaterThan(200);
    await u.readSubmission(subs[0]!); // starts the thread
    await untilReady(u.pool);
    const before = u.stats.pooled;
    const pooled = await Promise.all(subs.map((s) => u.readSubmission(s)));
    // Most went through the thread (a burst past its queue's bound runs inline, as it should).
    expect(u.stats.pooled - before).toBeGreaterThan(40);
    expect(pooled).toStrictEqual(subs.map((s) => readSubmission(s)));
    expect(pooled.some((r) => r.split !== null)).toBe(true);
    expect(pooled.some((r) => r.understood.length > 2)).toBe(true);
  });

  it('triage: the same result for corpus texts', async () => {
    await untilReady(u.pool);
    const inputs = corpus.map((row) => ({ text: row.text, township: row.township ?? null, product: row.product ?? null }));
    const before = u.stats.pooled;
    const pooled = [];
    for (const input of inputs) pooled.push(await u.triage(input)); // one at a time: every one in the thread
    expect(u.stats.pooled - before).toBe(inputs.length);
    expect(pooled).toStrictEqual(inputs.map((input) => triage(input)));
  });

  it('a task that throws in the thread throws the same for its caller', async () => {
    await untilReady(u.pool);
    let inline: unknown;
    try {
      readSubmission(null as never);
    } catch (e) {
      inline = e;
    }
    expect(inline).toBeInstanceOf(Error);
    await expect(u.readSubmission(null as never)).rejects.toThrow((inline as Error).message);
  });
});

describe('a pool thread killed with submissions in flight', () => {
  let t: TestDeps;
  beforeAll(async () => {
    t = await testDeps({ overrides: { UNDERSTANDING_THREADS: '1' } });
  });
  afterAll(() => t.close());

  const submit = (s: ReturnType<typeof submissions>[number]) =>
    t.deps.intake.submit({ submission: s, files: [], channel: 'web', actor: { role: 'citizen', id: null }, idempotencyKey: null });

  it('fails no submission: they are read inline, filed with the same reading, and the thread is replaced', async () => {
    const subs = submissions()
      .filter((s) => s.kind !== 'consultation')
      .slice(0, 40);
    const u = t.deps.understanding as ReturnType<typeof understandingPool>;
    await submit(subs[0]!);
    await untilReady(u.pool);
    const [thread] = u.pool.threads;
    const lostBefore = u.stats.threadsLost;
    const receipts = Promise.all(subs.map((s) => submit(s)));
    await thread!.terminate(); // killed while it holds their readings
    const done = await receipts;
    expect(done).toHaveLength(subs.length);
    expect(u.stats.threadsLost).toBe(lostBefore + 1);
    expect(u.stats.recovered).toBeGreaterThan(0);
    // Filed as the inline reading says: one case, or two when split, and the receipt's understood lines.
    for (const [i, s] of subs.entries()) {
      const reading = readSubmission(s);
      expect(done[i]!.cases).toHaveLength(reading.split ? 2 : 1);
      expect(done[i]!.understood ?? []).toStrictEqual(reading.understood);
    }
    const numbers = done.flatMap((r) => r.cases.map((c) => c.number));
    const rows = await t.db.selectFrom('intake_case').select('number').where('number', 'in', numbers).execute();
    expect(rows).toHaveLength(numbers.length);
    // A new thread takes over.
    await untilReady(u.pool);
    expect(u.pool.threads[0]).not.toBe(thread);
    const pooled = u.stats.pooled;
    await submit(subs[1]!);
    expect(u.stats.pooled).toBe(pooled + 1);
  });
});
