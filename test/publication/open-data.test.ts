// Open data at volume and statistics suppression, on a real database: the CSV export pages through the
// table by keyset (every row once, in order) and streams; statistics never show a count from 1 to 4.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { createApp } from '../../src/http/app.ts';
import { csvCell } from '../../src/http/results/open-data.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { iterateResults } from '../../src/publication/results.queries.ts';
import { cell, publicStatistics } from '../../src/publication/statistics.queries.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { fileReport } from './publication-fixtures.ts';

const clock = new ManualClock(new Date('2026-11-16T02:00:00Z'));
let t: TestDeps;
let app: ReturnType<typeof createApp>;
const ROWS = 1234;

beforeAll(async () => {
  t = await testDeps({ clock });
  app = createApp(t.deps);
  const caseId = await fileReport(t.deps);
  // Published rows written directly, each on a copy of one filed case (volume only; the workflow itself
  // is covered in disposition.test.ts).
  const base = await t.db.selectFrom('intake_case').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const rows = [];
  for (let i = 0; i < ROWS; i++) {
    const id = randomUUID();
    rows.push({ c: { ...base, id, number: `X-${i}`, submission_id: randomUUID() }, d: i });
  }
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await t.db
      .insertInto('intake_case')
      .values(chunk.map((r) => r.c))
      .execute();
    await t.db
      .insertInto('disposition')
      .values(
        chunk.map((r) => ({
          id: randomUUID(),
          case_id: r.c.id,
          public_ref: `GK2026-T${String(r.d).padStart(7, '0')}`,
          case_kind: 'report',
          outcome: 'penalty',
          category: 'catering',
          township: '新华路街道',
          business_name: '=HYPERLINK("x")公司',
          business_key: 'k',
          findings_text: '含有"引号",逗号\n和换行',
          decision_text: '罚款1000元',
          complaint_text: null,
          fine_fen: 100_000,
          confiscation_fen: null,
          decided_at: '2026-11-10T02:00:00.000Z',
          // Several rows share a timestamp, so the keyset must break ties by id.
          published_at: new Date(Date.UTC(2026, 10, 11) + Math.floor(r.d / 3) * 1000).toISOString(),
          status: 'published',
          review: '{"eventId":"-","findings":[]}',
          correction_note: null,
          corrected_at: null,
          withdraw_reason: null,
          withdrawn_at: null,
          version: 1,
          created_at: '2026-11-10T02:00:00.000Z',
          updated_at: '2026-11-10T02:00:00.000Z',
        })),
      )
      .execute();
  }
});
afterAll(async () => t.close());

describe('CSV export', () => {
  it('streams every published row exactly once, newest first', async () => {
    const res = await app.request('/api/v1/results.csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.body).toBeInstanceOf(ReadableStream);
    let chunks = 0;
    let body = '';
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks++;
      body += dec.decode(value, { stream: true });
    }
    expect(chunks).toBeGreaterThan(5);
    const refs = [...body.matchAll(/^GK2026-T(\d{7}),/gm)].map((m) => Number(m[1]));
    expect(refs).toHaveLength(ROWS);
    expect(new Set(refs).size).toBe(ROWS);
    expect(refs[0]).toBeGreaterThan(refs[refs.length - 1]!);
    // Quoting and formula neutralising.
    expect(body).toContain(`"'=HYPERLINK(""x"")公司"`);
    expect(body).toContain('"含有""引号"",逗号\n和换行"');
  });

  it('the iterator pages by keyset in fixed batches', async () => {
    let n = 0;
    for await (const _ of iterateResults(t.db, { township: '新华路街道' }, 100)) n++;
    expect(n).toBe(ROWS);
    expect(csvCell('-1+1')).toBe("'-1+1");
    expect(csvCell(12.5)).toBe('12.5');
  });
});

describe('statistics', () => {
  it('suppresses counts from 1 to 4 and rates from fewer than 5 cases', async () => {
    expect([0, 1, 4, 5, 9].map(cell)).toEqual([0, null, null, 5, 9]);
    // 1 + ROWS stub cases in 新华路街道 this month; add 2 in 龙湖镇 (suppressed).
    for (let i = 0; i < 2; i++) {
      await t.deps.intake.submit({
        submission: SubmissionSchema.parse({
          kind: 'report',
          description: '龙湖镇有个小作坊用地沟油炸油条。',
          township: '龙湖镇',
          anonymous: true,
        }),
        files: [],
        channel: 'api',
        actor: { role: 'citizen', id: null },
        idempotencyKey: null,
      });
    }
    const s = await publicStatistics(t.db, clock.now());
    expect(s.months).toHaveLength(12);
    expect(s.months[11]).toMatchObject({ month: '2026-11', total: ROWS + 3, byKind: { report: ROWS + 3 } });
    expect(s.byTownship).toEqual(
      expect.arrayContaining([
        { township: '新华路街道', count: ROWS + 1 },
        { township: '龙湖镇', count: null },
      ]),
    );
    expect(s.mediation).toEqual({ succeeded: 0, failed: 0, rate: null });
    const page = await (await app.request('/statistics')).text();
    // A suppressed cell says so in words (「<5」 read as a percentage next to rates).
    expect(page).toContain('龙湖镇：不足5件，不公开');
    expect(page).not.toContain('&lt;5');
  });
});

describe('Atom feed', () => {
  it('stays well-formed XML when a published text carries characters XML forbids (\\u0008 from a submission)', async () => {
    const newest = `GK2026-T${String(ROWS - 1).padStart(7, '0')}`;
    await t.db
      .updateTable('disposition')
      .set({ business_name: '退\u0008款\u001f小店<&>', decision_text: '责令\uFFFE改正\u000b' })
      .where('public_ref', '=', newest)
      .execute();
    const res = await app.request('/results/feed.atom');
    expect(res.status).toBe(200);
    const xml = await res.text();
    // XML 1.0 Char: tab, LF, CR and U+0020 upwards, less the surrogates and U+FFFE/U+FFFF.
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/);
    expect(xml).toContain('退款小店&lt;&amp;&gt; · ');
    expect(xml).toContain('责令改正');
  });
});
