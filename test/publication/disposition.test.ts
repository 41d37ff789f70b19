// The publication workflow end to end on a real database (SQLite, or PostgreSQL with TEST_DATABASE_URL):
// a decision becomes an anonymised draft, approval publishes it (the case's `publish` transition stops
// D11), and it then appears on the public list, its page, the business history, JSON, CSV and the feed;
// corrections keep their reason, withdrawals take it off the lists. No planted personal data may appear
// on any public page or export.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import {
  approveDisposition,
  correctDisposition,
  createDraftDisposition,
  dispositionForReview,
  draftOnDecision,
  editDraftDisposition,
  recordNationalEntry,
  withdrawDisposition,
} from '../../src/publication/disposition.service.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { COMPLAINT_TEXT, ENTITY, HANDLER, PII, SUPERVISOR, decidedPenalty, fileReport, mediated } from './publication-fixtures.ts';

const clock = new ManualClock(new Date('2026-11-16T02:00:00Z'));
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
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    csp: res.headers.get('content-security-policy'),
    text: await res.text(),
  };
};

function draftOf(r: Awaited<ReturnType<typeof createDraftDisposition>>) {
  if (!('disposition' in r)) throw new Error(`no draft: ${JSON.stringify(r)}`);
  return r.disposition;
}

describe('penalty: draft → approval → public', () => {
  let caseId: string;
  let ref: string;

  it('builds an anonymised draft that is not public yet', async () => {
    caseId = await decidedPenalty(t.deps);
    const r = await createDraftDisposition(t.deps, caseId);
    expect(r.created).toBe(true);
    const d = draftOf(r);
    ref = d.public_ref;
    const c = await t.db.selectFrom('intake_case').select(['number', 'status']).where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(d).toMatchObject({
      status: 'draft',
      outcome: 'penalty',
      category: 'catering',
      township: '新华路街道',
      business_name: ENTITY,
      fine_fen: 500_000,
      confiscation_fen: 120_000,
      complaint_text: null,
    });
    expect(ref).toMatch(/^GK2026-[0-9A-Z]{8}$/);
    expect(ref).not.toContain(c.number);
    expect(d.findings_text).toBe(
      `经查，当事人${ENTITY}使用超过保质期的食品原料加工卤菜，员工[姓名]（电话[手机号]）对此知情，[姓名]反映属实。` /* the source (举报人) is never published */,
    );
    // Idempotent.
    expect(draftOf(await createDraftDisposition(t.deps, caseId)).id).toBe(d.id);
    // The reviewer sees where the anonymiser masked, in the original text.
    const review = await dispositionForReview(t.deps, d.id);
    const findings = review.sources.find((s) => s.field === 'findings')!;
    expect(findings.findings.map((f) => [f.type, findings.text.slice(f.start, f.end)])).toEqual([
      ['name', PII.staffName],
      ['mobile', PII.staffPhone],
      ['name', PII.reporterName],
    ]);
    expect((await get('/results')).text).not.toContain(ref);
    expect((await get(`/results/${ref}`)).status).toBe(404);
    expect(c.status).toBe('decided');
  });

  it('approval by a supervisor publishes it; D11 stops only when the national-system entry is recorded', async () => {
    const d = draftOf(await createDraftDisposition(t.deps, caseId));
    await expect(approveDisposition(t.deps, d.id, HANDLER)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const d11Before = await t.db
      .selectFrom('case_clock')
      .selectAll()
      .where('case_id', '=', caseId)
      .where('clock', '=', 'D11')
      .executeTakeFirstOrThrow();
    expect(d11Before.status).toBe('running');
    clock.set(new Date('2026-11-18T02:00:00Z'));
    const p = await approveDisposition(t.deps, d.id, SUPERVISOR, { expectedVersion: d.version });
    expect(p).toMatchObject({ status: 'published', published_at: '2026-11-18T02:00:00.000Z' });
    const c = await t.db.selectFrom('intake_case').select('status').where('id', '=', caseId).executeTakeFirstOrThrow();
    expect(c.status).toBe('published');
    const d11 = await t.db.selectFrom('case_clock').selectAll().where('id', '=', d11Before.id).executeTakeFirstOrThrow();
    // Our own portal is not the national 企业信用信息公示系统 (Order 45 Art. 9): D11 still runs.
    expect(d11).toMatchObject({ status: 'running', stop_event: null });
    await expect(recordNationalEntry(t.deps, d.id, { on: '2026-11-19', reference: 'GS-1' }, SUPERVISOR)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(recordNationalEntry(t.deps, d.id, { on: '2026-11-18', reference: '' }, SUPERVISOR)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    clock.set(new Date('2026-11-18T03:00:00Z'));
    const entered = await recordNationalEntry(t.deps, d.id, { on: '2026-11-18', reference: 'GS410184-2026-0088' }, HANDLER);
    expect(entered).toMatchObject({ national_entry_on: '2026-11-18', national_entry_ref: 'GS410184-2026-0088' });
    const d11After = await t.db.selectFrom('case_clock').selectAll().where('id', '=', d11Before.id).executeTakeFirstOrThrow();
    expect(d11After).toMatchObject({ status: 'stopped', stop_event: 'record_national_entry', stopped_at: '2026-11-18T03:00:00.000Z' });
    await expect(recordNationalEntry(t.deps, d.id, { on: '2026-11-18', reference: 'GS-2' }, HANDLER)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    clock.set(new Date('2026-11-18T02:00:00Z'));
    await expect(approveDisposition(t.deps, d.id, SUPERVISOR)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('appears on the list, its page, the business history, JSON, CSV and the feed', async () => {
    const list = await get('/results');
    expect(list.status).toBe(200);
    expect(list.csp).toContain("default-src 'none'");
    expect(list.text).toContain(ref);
    expect(list.text).toContain(ENTITY);
    expect(list.text).toContain('5,000 元');

    const detail = await get(`/results/${ref}`);
    expect(detail.status).toBe(200);
    expect(detail.text).toContain('员工[姓名]（电话[手机号]）');

    const filtered = await get(`/results?township=${encodeURIComponent('龙湖镇')}`);
    expect(filtered.text).not.toContain(ref);
    expect((await get(`/results?business=${encodeURIComponent('好味道')}&from=2026-11-01&to=2026-11-30`)).text).toContain(ref);
    expect((await get('/results?from=2026-12-01')).text).not.toContain(ref);

    const json = JSON.parse((await get('/api/v1/results?category=catering')).text) as {
      items: { ref: string; fineYuan: number; business: string; businessKey: string; decidedOn: string }[];
    };
    const item = json.items.find((i) => i.ref === ref)!;
    expect(item).toMatchObject({ fineYuan: 5000, business: ENTITY, decidedOn: '2026-11-16' });
    expect((await get(`/api/v1/results?category=food_retail`)).text).not.toContain(ref);
    expect(JSON.parse((await get(`/api/v1/results/${ref}`)).text)).toMatchObject({ ref, outcome: 'penalty', confiscationYuan: 1200 });

    const business = await get(`/results/business/${encodeURIComponent(item.businessKey)}`);
    expect(business.status).toBe(200);
    expect(business.text).toContain(ref);

    const csv = await get('/api/v1/results.csv');
    expect(csv.type).toContain('text/csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('公开编号');
    expect(lines.find((l) => l.startsWith(ref))).toContain(',5000,1200,2026-11-16,2026-11-18,');

    const feed = await get('/results/feed.atom');
    expect(feed.type).toContain('application/atom+xml');
    expect(feed.text).toContain(`/results/${ref}</id>`);
  });

  it('a correction keeps its reason (revision with the old values) and shows on the page', async () => {
    const d = await t.db.selectFrom('disposition').selectAll().where('public_ref', '=', ref).executeTakeFirstOrThrow();
    await expect(correctDisposition(t.deps, d.id, { fineFen: 400_000 }, '', SUPERVISOR)).rejects.toMatchObject({ code: 'VALIDATION' });
    clock.set(new Date('2026-11-19T02:00:00Z'));
    const c = await correctDisposition(
      t.deps,
      d.id,
      { fineFen: 400_000, decisionText: '没收违法所得1200元，并处罚款人民币4,000元。' },
      '罚款金额录入错误，以处罚决定书为准',
      SUPERVISOR,
    );
    expect(c).toMatchObject({ fine_fen: 400_000, status: 'published', corrected_at: '2026-11-19T02:00:00.000Z' });
    const rev = await t.db
      .selectFrom('disposition_revision')
      .selectAll()
      .where('disposition_id', '=', d.id)
      .where('action', '=', 'correct')
      .executeTakeFirstOrThrow();
    expect(rev.reason).toBe('罚款金额录入错误，以处罚决定书为准');
    expect(JSON.parse(rev.before ?? '{}')).toMatchObject({ fine_fen: 500_000 });
    const page = await get(`/results/${ref}`);
    expect(page.text).toContain('罚款金额录入错误，以处罚决定书为准');
    expect(page.text).toContain('4,000 元');
  });
});

describe('draft in the decision transaction', () => {
  it('draftOnDecision writes the draft with the decide event, and rolls back with it', async () => {
    const id = await fileReport(t.deps);
    await t.db.updateTable('intake_case').set({ status: 'case_opened' }).where('id', '=', id).execute();
    // A refused decision (no text) leaves neither status nor draft behind.
    await expect(
      applyTransition(t.db, id, { type: 'decide', data: {} }, SUPERVISOR, clock.now(), {
        alsoWrite: draftOnDecision(clock.now(), t.deps.cipher),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await t.db.selectFrom('disposition').select('id').where('case_id', '=', id).execute()).toEqual([]);
    await applyTransition(t.db, id, { type: 'decide', data: { decision: '罚款人民币2000元。', fine: 2000 } }, SUPERVISOR, clock.now(), {
      alsoWrite: draftOnDecision(clock.now(), t.deps.cipher),
    });
    const d = await t.db.selectFrom('disposition').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(d).toMatchObject({ status: 'draft', outcome: 'penalty', fine_fen: 200_000 });
    // A comment (not a decision) writes nothing more.
    await applyTransition(t.db, id, { type: 'comment', reason: '已送达决定书' }, SUPERVISOR, clock.now(), {
      alsoWrite: draftOnDecision(clock.now(), t.deps.cipher),
    });
    expect(await t.db.selectFrom('disposition').select('id').where('case_id', '=', id).execute()).toHaveLength(1);
  });
});

describe('what is and is not published', () => {
  it('a warning alone creates no draft', async () => {
    const id = await decidedPenalty(t.deps, { decision: '给予警告。', penalties: ['warning'] });
    expect(await createDraftDisposition(t.deps, id)).toEqual({ created: false, skipped: 'warning_only' });
    const id2 = await decidedPenalty(t.deps, { decision: '责令改正，给予警告。' });
    expect(await createDraftDisposition(t.deps, id2)).toEqual({ created: false, skipped: 'warning_only' });
  });

  it("a complaint's text appears only with consent, anonymised; a natural person's business is not named", async () => {
    const withConsent = draftOf(await createDraftDisposition(t.deps, await mediated(t.deps, { consent: true })));
    expect(withConsent.complaint_text).toBe('我叫[姓名]，住[住址]，手机[手机号]，身份证[身份证号]。在店里买的卤肉发臭，吃了拉肚子。');
    expect(withConsent.decision_text).toBe('商家退还货款并赔偿[姓名]女士1000元。');
    const without = draftOf(await createDraftDisposition(t.deps, await mediated(t.deps, { consent: false })));
    expect(without.complaint_text).toBeNull();
    await expect(editDraftDisposition(t.deps, without.id, { complaintText: COMPLAINT_TEXT }, HANDLER)).rejects.toMatchObject({
      code: 'VALIDATION',
    });

    const person = draftOf(await createDraftDisposition(t.deps, await decidedPenalty(t.deps, {}, { business: PII.personBusiness })));
    expect(person.business_name).toBe('个体经营者');
    expect(person.business_key).toBeNull();
    // Staff edits are anonymised again on save.
    const edited = await editDraftDisposition(
      t.deps,
      person.id,
      { findingsText: `当事人${PII.personBusiness}（手机${PII.staffPhone}）销售过期食品。` },
      HANDLER,
    );
    expect(edited.findings_text).toBe('当事人[姓名]（手机[手机号]）销售过期食品。');
    for (const d of [withConsent, without, edited]) await approveDisposition(t.deps, d.id, SUPERVISOR);
    expect(
      (await t.db.selectFrom('intake_case').select('status').where('id', '=', withConsent.case_id).executeTakeFirstOrThrow()).status,
    ).toBe('published');
  });

  it('a withdrawn record leaves the lists and its page says so', async () => {
    const d = draftOf(await createDraftDisposition(t.deps, await decidedPenalty(t.deps)));
    await approveDisposition(t.deps, d.id, SUPERVISOR);
    expect((await get('/results')).text).toContain(d.public_ref);
    await withdrawDisposition(t.deps, d.id, '处罚决定已被行政复议撤销', SUPERVISOR);
    expect((await get('/results')).text).not.toContain(d.public_ref);
    expect((await get('/api/v1/results.csv')).text).not.toContain(d.public_ref);
    const page = await get(`/results/${d.public_ref}`);
    expect(page.status).toBe(410);
    expect(page.text).toContain('处罚决定已被行政复议撤销');
    expect((await get(`/api/v1/results/${d.public_ref}`)).status).toBe(410);
  });

  it('no planted personal data appears on any public page or export', async () => {
    const json = JSON.parse((await get('/api/v1/results')).text) as { items: { ref: string; businessKey: string | null }[] };
    const paths = [
      '/results',
      '/results?page=1',
      '/results/feed.atom',
      '/api/v1/results',
      '/api/v1/results.csv',
      '/statistics',
      '/api/v1/statistics',
    ];
    for (const i of json.items) {
      paths.push(`/results/${i.ref}`, `/api/v1/results/${i.ref}`);
      if (i.businessKey) paths.push(`/results/business/${encodeURIComponent(i.businessKey)}`);
    }
    expect(json.items.length).toBeGreaterThanOrEqual(4);
    const pii = Object.values(PII);
    for (const p of paths) {
      const r = await get(p);
      expect(r.status, p).toBe(200);
      for (const v of pii) expect(r.text.includes(v), `${v} on ${p}`).toBe(false);
      // Digits of the planted phones and ID in any spacing.
      const digits = r.text.replace(/\D/g, '');
      for (const v of [PII.reporterPhone, PII.complainantPhone, PII.staffPhone, PII.complainantId])
        expect(digits.includes(v), `${v} digits on ${p}`).toBe(false);
    }
  });
});
