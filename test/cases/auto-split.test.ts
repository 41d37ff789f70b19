// Order 121 Art. 9 at intake: a submission filed as one kind whose words ask for both a remedy and an
// investigation becomes two linked cases (the complaint's D1 and the report's D4 both run); staff see
// why on both case pages and can undo it, which folds the added case back into the filed one. Real
// SQLite (or PostgreSQL), the real understanding engine, the real back office over HTTP.
import { describe, expect, it } from 'vitest';
import { readSubmission } from '../../src/cases/auto-split.ts';
import { type SubmissionInput, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { classifyCase } from '../../src/triage/triage.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { UNIT_A, makeUser, signedIn, useBackoffice } from '../backoffice/helpers.ts';

const clock = new ManualClock(new Date('2026-12-01T02:00:00Z'));
const bo = useBackoffice({ clock });
const PERSON = { name: '綦文涛', phone: '15537160283', address: '新郑市人民路8号院' };

const BOTH_COMPLAINT: SubmissionInput = {
  kind: 'complaint',
  description: '昨天中午在老街烩面馆吃饭，烩面里吃出一只苍蝇，老板不认账还骂人。',
  request: '把饭钱退给我并赔偿，另外他们后厨太脏了，希望你们严查，罚他们',
  business: { name: '老街烩面馆', address: '新郑市新华路56号' },
  township: '新华路街道',
  person: PERSON,
  consentToPublish: false,
};
const PLAIN_COMPLAINT: SubmissionInput = {
  kind: 'complaint',
  description: '2026年11月20日在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。',
  request: '退款并按食品安全法赔偿',
  business: { name: '新郑市好又多便利店', address: '新郑市新建路128号' },
  person: PERSON,
  consentToPublish: false,
};
const BOTH_REPORT: SubmissionInput = {
  kind: 'report',
  description: '龙湖镇华南城一家母婴店在卖假奶粉，罐子上的防伪码扫出来是空的，我给孩子买了两罐，要求店家退款赔偿，你们也查查他们还在卖。',
  business: { name: '贝贝乐母婴店', address: '龙湖镇华南城' },
  person: PERSON,
};

const parse = (s: SubmissionInput) => SubmissionSchema.parse(s);

describe('reading a submission for both kinds (pure)', () => {
  it('splits a complaint whose words also ask for an investigation, naming the words', () => {
    const r = readSubmission(parse(BOTH_COMPLAINT));
    expect(r.split).toMatchObject({ filedAs: 'complaint', added: 'report' });
    expect(r.split?.reason).toContain('严查');
  });

  it('keeps a plain complaint whole, and tells the citizen what was understood', () => {
    const r = readSubmission(parse(PLAIN_COMPLAINT));
    expect(r.split).toBeNull();
    const understood = Object.fromEntries(r.understood);
    expect(understood.涉及商家).toBe('新郑市好又多便利店');
    expect(understood.您的诉求).toContain('退款');
  });

  it('adds a complaint to a real-name report that asks for its writer’s own refund, with that remedy as the request', () => {
    const r = readSubmission(parse(BOTH_REPORT));
    expect(r.split).toMatchObject({ filedAs: 'report', added: 'complaint' });
    expect(r.split?.request).toContain('退款');
  });

  it('never turns an anonymous report into a complaint (a complaint needs a name; mediation would reveal the reporter)', () => {
    const { person: _person, ...rest } = BOTH_REPORT;
    const r = readSubmission(parse({ ...rest, anonymous: true }));
    expect(r.split).toBeNull();
  });
});

async function submit(s: SubmissionInput) {
  return bo.t.deps.intake.submit({
    submission: parse(s),
    files: [],
    channel: 'web',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
}

const caseRow = (number: string) => bo.t.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

describe('intake splits and staff can undo', () => {
  it('files two linked cases with both clocks, tells the citizen, and flags the reason for staff', async () => {
    const receipt = await submit(BOTH_COMPLAINT);
    expect(receipt.cases.map((c) => c.kind)).toEqual(['complaint', 'report']);
    expect(receipt.splitNote).toContain('两件');
    const [complaint, report] = await Promise.all(receipt.cases.map((c) => caseRow(c.number)));
    expect(complaint!.citizen_request).toContain('退给我');
    expect(report!.citizen_request).toBeNull();
    expect(report!.anonymous).toBe(0);
    const links = await bo.t.db
      .selectFrom('case_link')
      .selectAll()
      .where('case_id', '=', complaint!.id)
      .where('type', '=', 'split')
      .execute();
    expect(links.map((l) => l.other_case_id)).toEqual([report!.id]);
    const clocks = await bo.t.db
      .selectFrom('case_clock')
      .select(['case_id', 'clock'])
      .where('case_id', 'in', [complaint!.id, report!.id])
      .execute();
    expect(clocks.some((c) => c.case_id === complaint!.id && c.clock === 'D1')).toBe(true);
    expect(clocks.some((c) => c.case_id === report!.id && c.clock === 'D4')).toBe(true);
    // Both halves have a reporter/complainant party, sealed.
    const parties = await bo.t.db
      .selectFrom('party')
      .select(['case_id', 'role'])
      .where('case_id', 'in', [complaint!.id, report!.id])
      .execute();
    expect(parties.map((p) => p.role).sort()).toEqual(['complainant', 'reporter']);

    // Triage (as the case.received pipeline runs it) flags the split for staff instead of suggesting one.
    await bo.t.db.transaction().execute(async (trx) => {
      await classifyCase(trx, complaint!, clock.now());
      await classifyCase(trx, report!, clock.now());
    });
    const flagged = await caseRow(receipt.cases[0]!.number);
    const flags = JSON.parse(flagged.flags ?? '[]') as { code: string }[];
    expect(flags.map((f) => f.code)).toContain('auto_split');
    expect(flags.map((f) => f.code)).not.toContain('split_suggested');
  });

  it('a plain complaint stays one case', async () => {
    const receipt = await submit(PLAIN_COMPLAINT);
    expect(receipt.cases.map((c) => c.kind)).toEqual(['complaint']);
    expect(receipt.splitNote).toBeUndefined();
  });

  it('an intake clerk undoes the split from the case page: the added report is merged into the complaint, with an audit row', async () => {
    await makeUser(bo, 'split.clerk', 'intake_clerk', 'intake');
    await makeUser(bo, 'split.handler', 'handler', UNIT_A);
    const receipt = await submit(BOTH_COMPLAINT);
    const complaint = await caseRow(receipt.cases[0]!.number);
    const report = await caseRow(receipt.cases[1]!.number);
    await bo.t.db.transaction().execute(async (trx) => {
      await classifyCase(trx, complaint, clock.now());
    });

    // A handler of a station cannot see unrouted intake cases, so has no undo.
    const handler = await signedIn(bo, 'split.handler');
    expect((await handler.get(`/staff/cases/${complaint.id}`)).status).not.toBe(200);

    const clerk = await signedIn(bo, 'split.clerk');
    const page = await clerk.get(`/staff/cases/${complaint.id}`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('撤销自动拆分');
    expect(html).toContain('严查');

    const version = String((await caseRow(complaint.number)).version);
    // A reason is required.
    const refused = await clerk.post(`/staff/cases/${complaint.id}/actions/undo_auto_split`, { version, reason: '' });
    expect(refused.status).toBe(422);
    expect((await caseRow(report.number)).status).not.toBe('merged');

    await clerk.get(`/staff/cases/${complaint.id}`);
    const done = await clerk.post(`/staff/cases/${complaint.id}/actions/undo_auto_split`, {
      version,
      reason: '市民只要求退款，后厨卫生是顺带一提',
    });
    expect(done.status).toBe(303);
    const after = await caseRow(report.number);
    expect(after.status).toBe('merged');
    const merged = await bo.t.db
      .selectFrom('case_link')
      .selectAll()
      .where('case_id', '=', report.id)
      .where('type', '=', 'merged_into')
      .executeTakeFirst();
    expect(merged?.other_case_id).toBe(complaint.id);
    const filed = await caseRow(complaint.number);
    expect((JSON.parse(filed.flags ?? '[]') as { code: string }[]).map((f) => f.code)).not.toContain('auto_split');
    const audit = await bo.t.db.selectFrom('audit_log').select(['action', 'detail']).where('case_id', '=', complaint.id).execute();
    expect(audit.some((a) => String(a.detail).includes('undo_auto_split'))).toBe(true);
    // Once undone there is nothing left to undo.
    expect(await (await clerk.get(`/staff/cases/${complaint.id}`)).text()).not.toContain('撤销自动拆分');
  });
});
