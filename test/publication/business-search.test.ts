// The business-name search of the public results (LIKE '%…%'): `%`, `_` and `\` in what citizens type
// must match only themselves. SQLite (and D1) have no default LIKE escape character, so without an
// ESCAPE clause a name holding one of them was never found. Runs on PostgreSQL too (TEST_DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { listResults } from '../../src/publication/results.queries.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { fileReport } from './publication-fixtures.ts';

const NAMES = ['50%果业有限公司', '500果业有限公司', 'A_B食品有限公司', 'AxB食品有限公司', 'C\\D餐饮有限公司', 'CD餐饮有限公司'];
let t: TestDeps;

beforeAll(async () => {
  t = await testDeps({ clock: new ManualClock(new Date('2026-11-16T02:00:00Z')) });
  const base = await t.db
    .selectFrom('intake_case')
    .selectAll()
    .where('id', '=', await fileReport(t.deps))
    .executeTakeFirstOrThrow();
  for (const [i, name] of NAMES.entries()) {
    const caseId = randomUUID();
    await t.db
      .insertInto('intake_case')
      .values({ ...base, id: caseId, number: `LIKE-${i}`, submission_id: randomUUID() })
      .execute();
    await t.db
      .insertInto('disposition')
      .values({
        id: randomUUID(),
        case_id: caseId,
        public_ref: `GK2026-L${i}`,
        case_kind: 'report',
        outcome: 'penalty',
        category: 'catering',
        township: '新华路街道',
        business_name: name,
        business_key: `like-${i}`,
        findings_text: '经查属实',
        decision_text: '罚款1000元',
        complaint_text: null,
        fine_fen: 100_000,
        confiscation_fen: null,
        decided_at: '2026-11-10T02:00:00.000Z',
        published_at: `2026-11-11T02:00:0${i}.000Z`,
        status: 'published',
        review: '{"eventId":"-","findings":[]}',
        correction_note: null,
        corrected_at: null,
        withdraw_reason: null,
        withdrawn_at: null,
        version: 2,
        created_at: '2026-11-10T02:00:00.000Z',
        updated_at: '2026-11-10T02:00:00.000Z',
      })
      .execute();
  }
});
afterAll(async () => t.close());

const found = async (business: string) => (await listResults(t.db, { business }, 1)).items.map((i) => i.business).sort();

describe('business search', () => {
  it('finds a name holding %, _ or \\, and those characters match only themselves', async () => {
    expect(await found('50%')).toEqual(['50%果业有限公司']);
    expect(await found('A_B')).toEqual(['A_B食品有限公司']);
    expect(await found('C\\D')).toEqual(['C\\D餐饮有限公司']);
    expect(await found('果业')).toEqual(['500果业有限公司', '50%果业有限公司'].sort());
  });

  it('through the public JSON too', async () => {
    const res = await createApp(t.deps).request(`/api/v1/results?business=${encodeURIComponent('A_B')}`);
    expect(((await res.json()) as { items: { ref: string }[] }).items.map((i) => i.ref)).toEqual(['GK2026-L2']);
  });
});
