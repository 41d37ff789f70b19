// Issue 14 (item 5), through the real database, the HTTP app and a manual clock: only decisions that are
// penalties are drafted and published (SAMR Order 45); a published record leaves every public surface
// when its period ends (Art. 13: 3 months for 通报批评 or a lower fine, 3 years otherwise) or when ended
// early (Art. 14); no public page, JSON, CSV or feed says 投诉 or 举报 about a published record.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { createApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import {
  approveDisposition,
  createDraftDisposition,
  editDraftDisposition,
  endPublicationEarly,
  recordOverturn,
  recordPartyTold,
  withdrawDisposition,
  correctDisposition,
} from '../../src/publication/disposition.service.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { HANDLER, SUPERVISOR, decidedPenalty, mediated } from '../publication/publication-fixtures.ts';

const PUBLISHED_AT = new Date('2026-11-16T02:00:00Z'); // 10:00 CST
const clock = new ManualClock(PUBLISHED_AT);
let t: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
  app = createApp(t.deps);
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

const get = async (path: string) => {
  const res = await app.request(path);
  return { status: res.status, text: await res.text() };
};
/** The page's own content, without the site's header and footer (which name the hotline). */
const mainOf = (html: string) => /<main[^>]*>([\s\S]*)<\/main>/.exec(html)?.[1] ?? '';

async function publish(caseId: string): Promise<string> {
  const r = await createDraftDisposition(t.deps, caseId);
  if (!('disposition' in r)) throw new Error(`no draft: ${JSON.stringify(r)}`);
  const d = await approveDisposition(t.deps, r.disposition.id, SUPERVISOR);
  return d.public_ref;
}

/** Where a record shows: the list page, its page, the JSON list and record, the CSV and the feed. */
async function surfaces(ref: string) {
  const [list, page, json, one, csv, feed] = await Promise.all([
    get('/results'),
    get(`/results/${ref}`),
    get('/api/v1/results'),
    get(`/api/v1/results/${ref}`),
    get('/api/v1/results.csv'),
    get('/results/feed.atom'),
  ]);
  return { list, page, json, one, csv, feed };
}
async function visibleEverywhere(ref: string): Promise<boolean[]> {
  const s = await surfaces(ref);
  return [
    s.list.text.includes(ref),
    s.page.status === 200,
    s.json.text.includes(ref),
    s.one.status === 200,
    s.csv.text.includes(ref),
    s.feed.text.includes(ref),
  ];
}

describe('only penalties are drafted and published (Order 45)', () => {
  const NO = '新市监罚〔2026〕41号';
  const cases: { name: string; data: Record<string, unknown>; drafted: boolean | 'warning_only' | 'not_publishable' }[] = [
    {
      name: 'a fine (penalty)',
      data: {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: NO,
        penalties: ['fine'],
        fine: '3000',
        decision: '罚款人民币3,000元。',
      },
      drafted: true,
    },
    {
      name: '不予行政处罚',
      data: { decisionType: 'no_penalty', decisionNumber: NO, decision: '当事人初次违法且危害后果轻微并及时改正，决定不予行政处罚。' },
      drafted: 'not_publishable',
    },
    { name: '撤销立案', data: { decisionType: 'case_revoked', decisionNumber: NO, decision: '撤销立案。' }, drafted: 'not_publishable' },
    {
      name: '责令改正 alone',
      data: { decisionType: 'correction_only', decisionNumber: NO, decision: '责令当事人立即改正。' },
      drafted: 'not_publishable',
    },
    {
      name: 'a warning alone',
      data: { decisionType: 'warning_only', decisionNumber: NO, penalties: ['warning'], decision: '给予警告。' },
      drafted: 'warning_only',
    },
    {
      name: 'recorded before the type was asked: 不予行政处罚 in the text',
      data: { decision: '决定不予行政处罚。' },
      drafted: 'not_publishable',
    },
    {
      name: 'recorded before the type was asked: 责令改正 alone in the text',
      data: { decision: '责令改正。' },
      drafted: 'not_publishable',
    },
  ];
  for (const c of cases)
    it(`${c.name}: ${c.drafted === true ? 'drafted' : `not drafted (${c.drafted})`}`, async () => {
      const id = await decidedPenalty(
        t.deps,
        { findings: '经查，当事人存在违法行为。', ...c.data },
        { business: `新郑市样例${c.name.length}号餐饮有限公司` },
      );
      const r = await createDraftDisposition(t.deps, id);
      if (c.drafted === true) {
        expect(r.created).toBe(true);
        if (!('disposition' in r)) throw new Error('no draft');
        expect(r.disposition).toMatchObject({ decision_type: 'penalty', decision_number: NO, penalty_kinds: '["fine"]' });
      } else {
        expect(r).toEqual({ created: false, skipped: c.drafted });
        expect(await t.db.selectFrom('disposition').select('id').where('case_id', '=', id).executeTakeFirst()).toBeUndefined();
      }
    });

  it('the 决定书文号 is on the record’s page, JSON and CSV', async () => {
    const id = await decidedPenalty(t.deps, {
      decisionType: 'penalty',
      partyTold: true,
      decisionNumber: '新市监罚〔2026〕42号',
      penalties: ['fine'],
      fine: '20000',
      decision: '罚款人民币20,000元。',
    });
    const ref = await publish(id);
    const s = await surfaces(ref);
    expect(mainOf(s.page.text)).toContain('新市监罚〔2026〕42号');
    expect(JSON.parse(s.one.text)).toMatchObject({ ref, decisionNumber: '新市监罚〔2026〕42号' });
    expect(s.csv.text).toContain('新市监罚〔2026〕42号');
  });
});

describe('a published record leaves the public lists after its period (Order 45 Art. 13–14)', () => {
  // Published on 2026-11-16 (CST): a lower fine alone → until 2027-02-16 00:00; a fine with confiscation → 2029-11-16 00:00.
  const table: { name: string; data: Record<string, unknown>; lastVisible: string; firstGone: string; until: string }[] = [
    {
      name: 'a lower fine alone: 3 months',
      data: {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕51号',
        penalties: ['fine'],
        fine: '3000',
        decision: '罚款人民币3,000元。',
      },
      lastVisible: '2027-02-15T23:59:59+08:00',
      firstGone: '2027-02-16T00:00:00+08:00',
      until: '2027-02-16T00:00:00+08:00',
    },
    {
      name: '通报批评 alone: 3 months',
      data: {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕52号',
        penalties: ['criticism'],
        decision: '给予通报批评。',
      },
      lastVisible: '2027-02-15T23:59:59+08:00',
      firstGone: '2027-02-16T00:00:00+08:00',
      until: '2027-02-16T00:00:00+08:00',
    },
    {
      name: 'a fine with confiscation: 3 years',
      data: {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕53号',
        penalties: ['fine', 'confiscation'],
        fine: '5000',
        confiscation: '1200',
        decision: '没收违法所得1200元，并处罚款5,000元。',
      },
      lastVisible: '2029-11-15T23:59:59+08:00',
      firstGone: '2029-11-16T00:00:00+08:00',
      until: '2029-11-16T00:00:00+08:00',
    },
    {
      name: 'a large fine: 3 years',
      data: {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕54号',
        penalties: ['fine'],
        fine: '50000',
        decision: '罚款人民币50,000元。',
      },
      lastVisible: '2029-11-15T23:59:59+08:00',
      firstGone: '2029-11-16T00:00:00+08:00',
      until: '2029-11-16T00:00:00+08:00',
    },
  ];
  for (const c of table)
    it(c.name, async () => {
      clock.set(PUBLISHED_AT);
      const id = await decidedPenalty(t.deps, c.data, { business: `新郑市${c.name.length}号分店食品有限公司` });
      const ref = await publish(id);
      const row = await t.db.selectFrom('disposition').select('public_until').where('public_ref', '=', ref).executeTakeFirstOrThrow();
      expect(row.public_until).toBe(new Date(c.until).toISOString());
      expect(await visibleEverywhere(ref)).toEqual([true, true, true, true, true, true]);
      clock.set(new Date(c.lastVisible));
      expect(await visibleEverywhere(ref)).toEqual([true, true, true, true, true, true]);
      clock.set(new Date(c.firstGone));
      expect(await visibleEverywhere(ref)).toEqual([false, false, false, false, false, false]);
      const page = await get(`/results/${ref}`);
      expect(page.status).toBe(410);
      expect(mainOf(page.text)).toContain('公示期已届满');
      expect(mainOf(page.text)).not.toContain('罚款');
      clock.set(PUBLISHED_AT);
    });

  it('ends early after credit repair (Art. 14), by a supervisor with a reason', async () => {
    clock.set(PUBLISHED_AT);
    const id = await decidedPenalty(
      t.deps,
      {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕55号',
        penalties: ['fine'],
        fine: '50000',
        decision: '罚款人民币50,000元。',
      },
      { business: '新郑市信用修复食品有限公司' },
    );
    const ref = await publish(id);
    const d = await t.db.selectFrom('disposition').select('id').where('public_ref', '=', ref).executeTakeFirstOrThrow();
    clock.set(new Date('2027-06-01T10:00:00+08:00'));
    await expect(endPublicationEarly(t.deps, d.id, '已完成信用修复', HANDLER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(endPublicationEarly(t.deps, d.id, ' ', SUPERVISOR)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await visibleEverywhere(ref)).toEqual([true, true, true, true, true, true]);
    await endPublicationEarly(t.deps, d.id, '当事人已完成信用修复（Art. 14）', SUPERVISOR);
    expect(await visibleEverywhere(ref)).toEqual([false, false, false, false, false, false]);
    const rev = await t.db
      .selectFrom('disposition_revision')
      .select(['action', 'reason'])
      .where('disposition_id', '=', d.id)
      .where('action', '=', 'end')
      .execute();
    expect(rev).toEqual([{ action: 'end', reason: '当事人已完成信用修复（Art. 14）' }]);
    await expect(endPublicationEarly(t.deps, d.id, '再次结束', SUPERVISOR)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    clock.set(PUBLISHED_AT);
  });
});

describe('nothing public says 投诉 or 举报 about a published record', () => {
  const SOURCE = /投诉|举报|检举/;
  let refs: string[] = [];
  const business = '新郑市来源保密餐饮有限公司';

  beforeAll(async () => {
    clock.set(PUBLISHED_AT);
    // A penalty whose findings, as staff wrote them, name the report and the reporter.
    const penalty = await decidedPenalty(
      t.deps,
      {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕61号',
        penalties: ['fine'],
        fine: '8000',
        findings: `接群众举报，执法人员检查发现当事人${business}使用过期原料，举报人反映属实。`,
        decision: '根据举报查实的违法事实，罚款人民币8,000元。',
      },
      { business },
    );
    // A complaint that ended in mediation, its text published with consent.
    const complaint = await mediated(t.deps, { business });
    refs = [await publish(penalty), await publish(complaint)];
  });

  it('neither the list, the record pages, the business history, JSON, CSV nor the feed', async () => {
    const key = (await t.db.selectFrom('disposition').select('business_key').where('public_ref', '=', refs[0]!).executeTakeFirstOrThrow())
      .business_key;
    const pages = [
      '/results',
      `/results?business=${encodeURIComponent('来源保密')}`,
      ...refs.map((r) => `/results/${r}`),
      `/results/business/${encodeURIComponent(key ?? '')}`,
    ];
    for (const p of pages) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      const main = mainOf(r.text);
      expect(main, p).toContain(business);
      expect(main, p).not.toMatch(SOURCE);
    }
    for (const p of ['/api/v1/results', ...refs.map((r) => `/api/v1/results/${r}`), '/api/v1/results.csv', '/results/feed.atom']) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      expect(r.text, p).toContain(business);
      expect(r.text, p).not.toMatch(SOURCE);
    }
  });

  it('approval is refused while a text still names the source; staff edits drop the usual phrases', async () => {
    const id = await decidedPenalty(
      t.deps,
      {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕62号',
        penalties: ['fine'],
        fine: '8000',
        decision: '罚款人民币8,000元。',
      },
      { business: '新郑市待审核餐饮有限公司' },
    );
    const r = await createDraftDisposition(t.deps, id);
    if (!('disposition' in r)) throw new Error('no draft');
    // A wording the drafting rules do not know: approval stops it.
    await t.db.updateTable('disposition').set({ findings_text: '本案系实名检举线索。' }).where('id', '=', r.disposition.id).execute();
    await expect(approveDisposition(t.deps, r.disposition.id, SUPERVISOR)).rejects.toMatchObject({ code: 'VALIDATION' });
    const edited = await editDraftDisposition(
      t.deps,
      r.disposition.id,
      { findingsText: '经消费者投诉，执法人员检查发现当事人违法。' },
      HANDLER,
    );
    expect(edited.findings_text).toBe('执法人员检查发现当事人违法。');
    const ok = await approveDisposition(t.deps, r.disposition.id, SUPERVISOR);
    expect(ok.status).toBe('published');
  });
});

describe('the party is told before publication (Order 45 Art. 8)', () => {
  it('approval waits until the notice to the party is on record', async () => {
    clock.set(PUBLISHED_AT);
    const id = await decidedPenalty(
      t.deps,
      {
        decisionType: 'penalty',
        decisionNumber: '新市监罚〔2026〕71号',
        penalties: ['fine'],
        fine: '20000',
        decision: '罚款人民币20,000元。',
      },
      { business: '新郑市尚未告知食品有限公司' },
    );
    const r = await createDraftDisposition(t.deps, id);
    if (!('disposition' in r)) throw new Error('no draft');
    expect(r.disposition.party_told_on).toBeNull();
    await expect(approveDisposition(t.deps, r.disposition.id, SUPERVISOR)).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(recordPartyTold(t.deps, r.disposition.id, { on: '2026-11-17', how: '送达公示告知书' }, HANDLER)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'partyTold.on', message: '告知日期：不能晚于今天' }],
    });
    await expect(recordPartyTold(t.deps, r.disposition.id, { on: '2026-10-01', how: '送达公示告知书' }, HANDLER)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'partyTold.on', message: '告知日期：不能早于决定日期' }],
    });
    await expect(recordPartyTold(t.deps, r.disposition.id, { on: '11月16日', how: '送达公示告知书' }, HANDLER)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'partyTold.on', message: '告知日期：请填写日期，如 2026-11-03' }],
    });
    await expect(recordPartyTold(t.deps, r.disposition.id, { on: '2026-11-16', how: '' }, HANDLER)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const told = await recordPartyTold(t.deps, r.disposition.id, { on: '2026-11-16', how: '送达公示告知书' }, HANDLER);
    expect(told).toMatchObject({ party_told_on: '2026-11-16', party_told_how: '送达公示告知书' });
    expect((await approveDisposition(t.deps, r.disposition.id, SUPERVISOR)).status).toBe('published');
  });

  it('a decision whose document told the party is recorded so at once', async () => {
    const id = await decidedPenalty(
      t.deps,
      {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕72号',
        penalties: ['fine'],
        fine: '20000',
        decision: '罚款人民币20,000元。',
      },
      { business: '新郑市已告知食品有限公司' },
    );
    const r = await createDraftDisposition(t.deps, id);
    if (!('disposition' in r)) throw new Error('no draft');
    expect(r.disposition).toMatchObject({ party_told_on: '2026-11-16', party_told_how: '行政处罚决定书中告知' });
  });
});

describe('an overturned decision is withdrawn or corrected within 3 working days (D14, Order 45 Art. 11)', () => {
  const table: { name: string; act: 'withdraw' | 'correct'; stop: string }[] = [
    { name: 'withdrawn', act: 'withdraw', stop: 'withdraw_publication' },
    { name: 'corrected', act: 'correct', stop: 'correct_publication' },
  ];
  for (const c of table)
    it(`D14 starts when the overturn is recorded and stops when the record is ${c.name}`, async () => {
      clock.set(PUBLISHED_AT);
      const id = await decidedPenalty(
        t.deps,
        {
          decisionType: 'penalty',
          partyTold: true,
          decisionNumber: `新市监罚〔2026〕8${c.act.length}号`,
          penalties: ['fine'],
          fine: '20000',
          decision: '罚款人民币20,000元。',
        },
        { business: `新郑市${c.name}复议食品有限公司` },
      );
      const ref = await publish(id);
      const d = await t.db.selectFrom('disposition').select('id').where('public_ref', '=', ref).executeTakeFirstOrThrow();
      await expect(recordOverturn(t.deps, d.id, '复议决定撤销', HANDLER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      const known = new Date('2026-11-18T10:00:00+08:00');
      clock.set(known);
      await recordOverturn(t.deps, d.id, '市局行政复议决定撤销原处罚决定（新市监复决〔2026〕3号）', SUPERVISOR);
      const d14 = () =>
        t.db
          .selectFrom('case_clock')
          .select(['status', 'due_at', 'stop_event'])
          .where('case_id', '=', id)
          .where('clock', '=', 'D14')
          .execute();
      // 3 working days from Wednesday 11-18: 11-19, 11-20 and Monday 11-23.
      expect(await d14()).toEqual([
        { status: 'running', due_at: new Date('2026-11-23T23:59:59.999+08:00').toISOString(), stop_event: null },
      ]);
      clock.set(new Date('2026-11-20T10:00:00+08:00'));
      if (c.act === 'withdraw') await withdrawDisposition(t.deps, d.id, '原处罚决定已被复议机关撤销', SUPERVISOR);
      else
        await correctDisposition(
          t.deps,
          d.id,
          { decisionText: '罚款人民币10,000元。', fineFen: 1_000_000 },
          '复议机关变更罚款数额',
          SUPERVISOR,
        );
      expect(await d14()).toMatchObject([{ status: 'stopped', stop_event: c.stop }]);
      clock.set(PUBLISHED_AT);
    });

  it('on a closed case too: the duty survives closing, D14 runs and withdrawing stops it as met (#14.2)', async () => {
    clock.set(PUBLISHED_AT);
    const id = await decidedPenalty(
      t.deps,
      {
        decisionType: 'penalty',
        partyTold: true,
        decisionNumber: '新市监罚〔2026〕95号',
        penalties: ['fine'],
        fine: '20000',
        decision: '罚款人民币20,000元。',
      },
      { business: '新郑市已办结复议食品有限公司' },
    );
    const ref = await publish(id);
    const d = await t.db.selectFrom('disposition').select('id').where('public_ref', '=', ref).executeTakeFirstOrThrow();
    clock.set(new Date('2026-11-17T10:00:00+08:00'));
    await applyTransition(t.db, id, { type: 'close' }, HANDLER, clock.now());
    const status = async () =>
      (await t.db.selectFrom('intake_case').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
    expect(await status()).toBe('closed');
    const d14 = () =>
      t.db
        .selectFrom('case_clock')
        .select(['status', 'due_at', 'stop_event'])
        .where('case_id', '=', id)
        .where('clock', '=', 'D14')
        .execute();
    expect(await d14()).toEqual([]);

    const known = new Date('2026-11-18T10:00:00+08:00');
    clock.set(known);
    await recordOverturn(t.deps, d.id, '法院判决撤销原处罚决定（(2026)豫0184行初12号）', SUPERVISOR);
    expect(await status()).toBe('closed');
    expect(await d14()).toEqual([{ status: 'running', due_at: new Date('2026-11-23T23:59:59.999+08:00').toISOString(), stop_event: null }]);
    // The closed case shows the running duty.
    expect((await t.db.selectFrom('intake_case').select('next_due_at').where('id', '=', id).executeTakeFirstOrThrow()).next_due_at).toBe(
      new Date('2026-11-23T23:59:59.999+08:00').toISOString(),
    );

    clock.set(new Date('2026-11-20T10:00:00+08:00'));
    await withdrawDisposition(t.deps, d.id, '原处罚决定已被人民法院判决撤销', SUPERVISOR);
    expect(await d14()).toMatchObject([{ status: 'stopped', stop_event: 'withdraw_publication' }]);
    expect(await status()).toBe('closed');
    expect((await get(`/api/v1/results/${ref}`)).status).toBe(410);
    clock.set(PUBLISHED_AT);
  });
});
