// Issue 14 (item 3): a lead inside a complaint is investigated — staff split a report off the complaint,
// linked both ways, entering intake as a report of its own with its own D4 (Order 121 Art. 9, 27).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/backoffice/session.service.ts';
import { maySplitReport, splitReportFromComplaint } from '../../src/backoffice/split-report.service.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const clock = new ManualClock(new Date('2026-11-02T09:30:00+08:00'));
let t: TestDeps;

const staff = (role: StaffUser['role'], unit: string | null): StaffUser =>
  ({ id: randomUUID(), username: `${role}-x`, display_name: role, role, unit_id: unit }) as StaffUser;

beforeAll(async () => {
  t = await testDeps({ clock });
});
afterAll(async () => t.close());

async function complaint(): Promise<{ id: string; number: string }> {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'complaint',
      description: '在好运来超市买的卤肉吃了拉肚子，店里卤肉都是用过期冻肉做的，后厨老鼠乱跑',
      township: '新建路街道',
      business: { name: '好运来超市', address: '新郑市新建路12号' },
      request: '退款赔偿',
      person: { name: '周晓光', phone: '13911115555', address: '新郑市和平小区1号楼' },
    }),
    files: [],
    channel: 'web',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const number = r.cases[0]!.number;
  const { id } = await t.db.selectFrom('intake_case').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  await triageCase(t.deps, id);
  return { id, number };
}

describe('splitting a report off a complaint', () => {
  it('creates a linked real-name report with its own D4; only once; not for reports or other units', async () => {
    const c = await complaint();
    const unit = (await t.db.selectFrom('intake_case').select('unit_id').where('id', '=', c.id).executeTakeFirstOrThrow()).unit_id;
    const handler = staff('supervisor', unit);
    const outsider = staff('supervisor', 'no-such-unit');
    expect(await maySplitReport(t.deps, handler, c.id)).toBe(true);
    expect(await maySplitReport(t.deps, outsider, c.id)).toBe(false);
    await expect(splitReportFromComplaint(t.deps, outsider, c.id, '涉嫌使用过期原料')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(splitReportFromComplaint(t.deps, handler, c.id, ' ')).rejects.toMatchObject({ code: 'VALIDATION' });

    clock.set(new Date('2026-11-03T10:00:00+08:00'));
    const number = await splitReportFromComplaint(t.deps, handler, c.id, '涉嫌使用超过保质期的原料加工食品');
    const report = await t.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect(report.kind).toBe('report');
    expect(report.description).toContain(c.number);
    expect(report.business_name).toBe('好运来超市');
    // The complainant is the real-name reporter of the new case (identity sealed again, never in clear).
    const party = await t.db.selectFrom('party').select(['id', 'identity_enc']).where('case_id', '=', report.id).executeTakeFirstOrThrow();
    expect(t.deps.cipher.open<{ name: string }>(party.identity_enc, `party:${party.id}`).name).toBe('周晓光');
    expect(party.identity_enc).not.toContain('周晓光');
    // Its own D4, from the split.
    const d4 = await t.db
      .selectFrom('case_clock')
      .select(['status', 'started_at'])
      .where('case_id', '=', report.id)
      .where('clock', '=', 'D4')
      .execute();
    expect(d4).toEqual([{ status: 'running', started_at: new Date('2026-11-03T10:00:00+08:00').toISOString() }]);
    // Linked both ways; the complaint records why.
    const links = await t.db
      .selectFrom('case_link')
      .select(['case_id', 'other_case_id'])
      .where('type', '=', 'split')
      .where('case_id', 'in', [c.id, report.id])
      .execute();
    expect(links).toEqual(
      expect.arrayContaining([
        { case_id: c.id, other_case_id: report.id },
        { case_id: report.id, other_case_id: c.id },
      ]),
    );
    const note = await t.db.selectFrom('case_event').select('reason').where('case_id', '=', c.id).where('type', '=', 'comment').execute();
    expect(note.map((n) => n.reason)).toContainEqual(expect.stringContaining(number));
    // The complaint keeps its own track.
    expect((await t.db.selectFrom('intake_case').select('kind').where('id', '=', c.id).executeTakeFirstOrThrow()).kind).toBe('complaint');

    await expect(splitReportFromComplaint(t.deps, handler, c.id, '再拆一次')).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await maySplitReport(t.deps, handler, c.id)).toBe(false);
    // The new report waits for routing: the intake centre sees it, and cannot split a report.
    await expect(splitReportFromComplaint(t.deps, staff('intake_clerk', 'intake'), report.id, '举报不能再拆')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });
});
