// Issue 9 through the back office: a penalty recorded on the case page drafts its publication record;
// the supervisor reviews it (personal data highlighted) and approves; it then appears, anonymised, on
// the public list, in the JSON, the CSV and the Atom feed.
import { cstDateOf } from '../../src/deadlines/cst.ts';
import { describe, expect, it } from 'vitest';
import { UNIT_A, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const bo = useBackoffice();

describe('publishing a penalty from the back office', () => {
  it('decide → draft → review → approve → public list, JSON, CSV and feed, anonymised', async () => {
    const handlerId = await makeUser(bo, 'pub.handler', 'handler', UNIT_A);
    await makeUser(bo, 'pub.super', 'supervisor', UNIT_A);
    const { id } = await makeCase(bo, 'anonymousReport', { unitId: UNIT_A, assigneeId: handlerId });
    const handler = await signedIn(bo, 'pub.handler');
    const supervisor = await signedIn(bo, 'pub.super');
    const act = async (who: typeof handler, event: string, form: Record<string, string> = {}) => {
      await who.get(`/staff/cases/${id}`);
      const version = /name="version" value="(\d+)"/.exec(who.lastHtml)?.[1] ?? '0';
      const res = await who.post(`/staff/cases/${id}/actions/${event}`, { version, ...form });
      expect(res.status, `${event}: ${who.lastHtml.slice(0, 0)}`).toBe(303);
    };
    await act(handler, 'start_verification');
    await act(supervisor, 'open_case');
    await act(supervisor, 'decide', {
      decision: '没收违法所得，并处罚款50000元。当事人经营者王建国（电话139 1234 5678）已签收决定书。',
      decisionType: 'penalty',
      partyTold: 'on',
      decisionNumber: '新市监罚〔2026〕12号',
      penalties: '罚款、没收违法所得',
      fine: '50000',
      confiscation: '1200.50',
    });
    const d = await bo.t.db.selectFrom('disposition').selectAll().where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(d.status).toBe('draft');

    // The review page highlights what will be masked; the handler may edit but not approve.
    await handler.get(`/staff/cases/${id}/disposition`);
    expect(handler.lastHtml).toContain('<mark');
    expect(handler.lastHtml).not.toContain('审核通过并公开</button>');
    await supervisor.get(`/staff/cases/${id}/disposition`);
    expect(supervisor.lastHtml).toContain('审核通过并公开');
    const version = /name="version" value="(\d+)"/.exec(supervisor.lastHtml)?.[1] ?? '0';
    expect((await supervisor.post(`/staff/cases/${id}/disposition/approve`, { version })).status).toBe(303);
    const after = await bo.t.db
      .selectFrom('disposition')
      .select(['status', 'public_ref'])
      .where('case_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe('published');
    const d11 = await bo.t.db
      .selectFrom('case_clock')
      .select(['status', 'stop_event'])
      .where('case_id', '=', id)
      .where('clock', '=', 'D11')
      .executeTakeFirstOrThrow();
    // D11 runs until the entry on the national 企业信用信息公示系统 is recorded (Order 45 Art. 9).
    expect(d11).toEqual({ status: 'running', stop_event: null });
    await supervisor.get(`/staff/cases/${id}/disposition`);
    expect(supervisor.lastHtml).toContain('登记国家企业信用信息公示系统录入');
    const entry = await supervisor.post(`/staff/cases/${id}/disposition/national`, {
      version: /name="version" value="(\d+)"/.exec(supervisor.lastHtml)?.[1] ?? '0',
      entryOn: cstDateOf(bo.t.deps.clock.now()),
      entryRef: 'GS410184-2026-0101',
    });
    expect(entry.status).toBe(303);
    const d11After = await bo.t.db
      .selectFrom('case_clock')
      .select(['status', 'stop_event'])
      .where('case_id', '=', id)
      .where('clock', '=', 'D11')
      .executeTakeFirstOrThrow();
    expect(d11After).toEqual({ status: 'stopped', stop_event: 'record_national_entry' });

    // Public, anonymised, everywhere.
    for (const path of ['/results', '/api/v1/results', '/api/v1/results.csv', '/results/feed.atom']) {
      const res = await bo.app.request(path);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      expect(text, path).toContain(after.public_ref);
      for (const secret of ['王建国', '139 1234 5678', '13912345678']) expect(text, path).not.toContain(secret);
    }
    const list = await (await bo.app.request('/results')).text();
    expect(list).toContain('50,000');
  });
});

describe('correcting and withdrawing a published record from the back office', () => {
  const publish = async (tag: string) => {
    const handlerId = await makeUser(bo, `cw.handler.${tag}`, 'handler', UNIT_A);
    await makeUser(bo, `cw.super.${tag}`, 'supervisor', UNIT_A);
    const { id } = await makeCase(bo, 'anonymousReport', { unitId: UNIT_A, assigneeId: handlerId });
    const handler = await signedIn(bo, `cw.handler.${tag}`);
    const supervisor = await signedIn(bo, `cw.super.${tag}`);
    const act = async (who: typeof handler, event: string, form: Record<string, string> = {}) => {
      await who.get(`/staff/cases/${id}`);
      const version = /name="version" value="(\d+)"/.exec(who.lastHtml)?.[1] ?? '0';
      expect((await who.post(`/staff/cases/${id}/actions/${event}`, { version, ...form })).status, event).toBe(303);
    };
    await act(handler, 'start_verification');
    await act(supervisor, 'open_case');
    await act(supervisor, 'decide', {
      decisionType: 'penalty',
      partyTold: 'on',
      decisionNumber: '新市监罚〔2026〕13号',
      decision: '责令改正，并处罚款8000元。',
      penalties: '罚款',
      fine: '8000',
    });
    await supervisor.get(`/staff/cases/${id}/disposition`);
    const version = /name="version" value="(\d+)"/.exec(supervisor.lastHtml)?.[1] ?? '0';
    expect((await supervisor.post(`/staff/cases/${id}/disposition/approve`, { version })).status).toBe(303);
    const ref = (await bo.t.db.selectFrom('disposition').select('public_ref').where('case_id', '=', id).executeTakeFirstOrThrow())
      .public_ref;
    return { id, ref, handler, supervisor };
  };
  const versionOf = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1] ?? '0';
  const audits = async (caseId: string) =>
    (await bo.t.db.selectFrom('audit_log').select(['action', 'detail']).where('case_id', '=', caseId).execute())
      .map((r) => `${r.action} ${r.detail ?? ''}`)
      .join('\n');

  it('a supervisor corrects a published record: the public page shows the new text and the correction note', async () => {
    const { id, ref, handler, supervisor } = await publish('c');
    // Only the supervisor sees (and may use) the forms.
    await handler.get(`/staff/cases/${id}/disposition`);
    expect(handler.lastHtml).not.toContain('/disposition/correct');
    const refused = await handler.post(`/staff/cases/${id}/disposition/correct`, {
      version: versionOf(handler.lastHtml),
      findingsText: '篡改',
      decisionText: '篡改',
      reason: '篡改理由',
    });
    expect(refused.status).toBe(403);
    await supervisor.get(`/staff/cases/${id}/disposition`);
    expect(supervisor.lastHtml).toContain('/disposition/correct');
    expect(supervisor.lastHtml).toContain('/disposition/withdraw');
    // A reason is required.
    const noReason = await supervisor.post(`/staff/cases/${id}/disposition/correct`, {
      version: versionOf(supervisor.lastHtml),
      findingsText: '经查，该店销售过期食品。',
      decisionText: '责令改正，并处罚款6000元。',
      reason: '',
    });
    expect(noReason.status).toBe(422);
    await supervisor.get(`/staff/cases/${id}/disposition`);
    const res = await supervisor.post(`/staff/cases/${id}/disposition/correct`, {
      version: versionOf(supervisor.lastHtml),
      findingsText: '经查，该店销售过期食品。',
      decisionText: '责令改正，并处罚款6000元。',
      reason: '罚款金额录入有误，予以更正',
    });
    expect(res.status).toBe(303);
    const page = await (await bo.app.request(`/results/${ref}`)).text();
    expect(page).toContain('罚款6000元');
    expect(page).toContain('罚款金额录入有误，予以更正');
    const rev = await bo.t.db.selectFrom('disposition_revision').selectAll().where('action', '=', 'correct').execute();
    expect(rev.some((r) => r.reason === '罚款金额录入有误，予以更正')).toBe(true);
    expect(await audits(id)).toContain('disposition_correct');
  });

  it('a supervisor withdraws a published record: 410 with the reason, gone from the list, JSON, CSV and feed', async () => {
    const { id, ref, supervisor } = await publish('w');
    for (const path of ['/results', '/api/v1/results', '/api/v1/results.csv', '/results/feed.atom'])
      expect(await (await bo.app.request(path)).text(), path).toContain(ref);
    await supervisor.get(`/staff/cases/${id}/disposition`);
    const res = await supervisor.post(`/staff/cases/${id}/disposition/withdraw`, {
      version: versionOf(supervisor.lastHtml),
      reason: '行政处罚决定已被依法撤销',
    });
    expect(res.status).toBe(303);
    const detail = await bo.app.request(`/results/${ref}`);
    expect(detail.status).toBe(410);
    expect(await detail.text()).toContain('行政处罚决定已被依法撤销');
    expect((await bo.app.request(`/api/v1/results/${ref}`)).status).toBe(410);
    for (const path of ['/results', '/api/v1/results', '/api/v1/results.csv', '/results/feed.atom']) {
      const r = await bo.app.request(path);
      expect(r.status, path).toBe(200);
      expect(await r.text(), path).not.toContain(ref);
    }
    expect(await audits(id)).toContain('disposition_withdraw');
    // Once withdrawn, nothing more to correct or withdraw.
    await supervisor.get(`/staff/cases/${id}/disposition`);
    expect(supervisor.lastHtml).not.toContain('/disposition/withdraw');
  });

  it('a supervisor ends the publication early (Order 45 Art. 14); a handler may not', async () => {
    const { id, ref, handler, supervisor } = await publish('e');
    await handler.get(`/staff/cases/${id}/disposition`);
    expect(
      (await handler.post(`/staff/cases/${id}/disposition/end`, { version: versionOf(handler.lastHtml), reason: '已完成信用修复' })).status,
    ).toBe(403);
    await supervisor.get(`/staff/cases/${id}/disposition`);
    expect(supervisor.lastHtml).toContain('提前结束公示');
    const res = await supervisor.post(`/staff/cases/${id}/disposition/end`, {
      version: versionOf(supervisor.lastHtml),
      reason: '当事人已完成信用修复',
    });
    expect(res.status).toBe(303);
    const detail = await bo.app.request(`/results/${ref}`);
    expect(detail.status).toBe(410);
    const text = await detail.text();
    expect(text).toContain('公示期已届满');
    expect(text).not.toContain('信用修复'); // the reason stays on record, not on the public page
    for (const path of ['/results', '/api/v1/results', '/api/v1/results.csv', '/results/feed.atom'])
      expect(await (await bo.app.request(path)).text(), path).not.toContain(ref);
    expect(await audits(id)).toContain('disposition_end');
  });
});
