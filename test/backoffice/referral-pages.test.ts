// Issue 8 end to end through the pages: from a report flagged as a suspected crime, a handler proposes a
// referral, the supervisor approves, the handler transfers it; a police officer signs in, sees it in the
// inbox with its deadline, downloads the package (signature verifies), accepts and reports the outcome,
// which the regulator then sees on the case timeline.
import { cstDateOf } from '../../src/deadlines/cst.ts';
import { describe, expect, it } from 'vitest';
import { signingKey, verifyPackage } from '../../src/referral/package.ts';
import { Client, UNIT_A, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const bo = useBackoffice();

describe('referral through the back office and the police portal', () => {
  it('propose → approve → transfer → police accept → feedback on the timeline', async () => {
    const handlerId = await makeUser(bo, 'ref.handler', 'handler', UNIT_A);
    await makeUser(bo, 'ref.super', 'supervisor', UNIT_A);
    await makeUser(bo, 'ref.director', 'director', null);
    await makeUser(bo, 'ref.police', 'police', 'police-xz');
    const { id } = await makeCase(bo, 'anonymousReport', { unitId: UNIT_A, assigneeId: handlerId });
    await bo.t.db
      .updateTable('intake_case')
      .set({ suspected_crime: 1, crime_basis: '["地沟油","刑法第144条"]' })
      .where('id', '=', id)
      .execute();
    const handler = await signedIn(bo, 'ref.handler');
    const supervisor = await signedIn(bo, 'ref.super');
    const director = await signedIn(bo, 'ref.director');

    // The handler starts verification (a form of the case page), then proposes the referral.
    await handler.get(`/staff/cases/${id}`);
    const version = () => /name="version" value="(\d+)"/.exec(handler.lastHtml)?.[1] ?? '0';
    expect((await handler.post(`/staff/cases/${id}/actions/start_verification`, { version: version() })).status).toBe(303);
    await handler.get(`/staff/cases/${id}`);
    expect(handler.lastHtml).toContain('提出移送（涉嫌犯罪）');
    const missing = await handler.post(`/staff/cases/${id}/referral`, {
      offence: '刑法第144条',
      reasons: '小作坊熬制地沟油出售',
      officer1: '王建国',
      officer2: '',
    });
    expect(missing.status).toBe(422);
    expect(handler.lastHtml).toContain('移送须由至少两名执法人员提出');
    expect(
      (
        await handler.post(`/staff/cases/${id}/referral`, {
          offence: '刑法第144条 生产、销售有毒、有害食品罪',
          reasons: '现场查获泔水油熬制设备和成品油约500公斤',
          officer1: '王建国',
          officer2: '张卫东',
        })
      ).status,
    ).toBe(303);
    const rid = (await bo.t.db.selectFrom('referral').select('id').where('case_id', '=', id).executeTakeFirstOrThrow()).id;

    // Only the bureau's head (局负责人) may approve; the handler and the station head are refused.
    expect((await handler.post(`/staff/cases/${id}/referral/${rid}/approve`, {})).status).toBe(403);
    await supervisor.get(`/staff/cases/${id}`);
    expect(supervisor.lastHtml).not.toContain('批准移送');
    expect((await supervisor.post(`/staff/cases/${id}/referral/${rid}/approve`, {})).status).not.toBe(303);
    await director.get(`/staff/cases/${id}`);
    expect(director.lastHtml).toContain('批准移送');
    expect((await director.post(`/staff/cases/${id}/referral/${rid}/approve`, {})).status).toBe(303);
    await handler.get(`/staff/cases/${id}`);
    expect(
      (
        await handler.post(`/staff/cases/${id}/referral/${rid}/transfer`, {
          policeUnitId: 'police-xz',
          contactName: '王建国',
          contactPhone: '0371-62688888',
          copyOn: cstDateOf(bo.t.deps.clock.now()),
          copyMeans: 'delivered',
          copyDoc: '新市监移抄〔2026〕3号',
        })
      ).status,
    ).toBe(303);

    // The police officer lands on the inbox and sees the transfer with its deadline.
    const police = new Client(bo);
    const signIn = await police.signIn('ref.police');
    expect(signIn.headers.get('location')).toBe('/staff/police');
    await police.get('/staff/police');
    expect(police.lastHtml).toContain('生产、销售有毒、有害食品罪');
    expect(police.lastHtml).toContain('公安机关审查是否立案');
    await police.get(`/staff/police/referrals/${rid}`);
    const zip = await police.get(`/staff/police/referrals/${rid}/package.zip`);
    expect(zip.headers.get('content-type')).toBe('application/zip');
    const { publicKey } = await signingKey(bo.t.env.config.dataDir);
    expect(verifyPackage(Buffer.from(await zip.arrayBuffer()), publicKey).ok).toBe(true);
    // …but nothing else of ours.
    expect((await police.get(`/staff/cases/${id}`)).status).toBe(403);

    await police.get(`/staff/police/referrals/${rid}`);
    // 立案 without the police case number is refused, with the field named.
    expect((await police.post(`/staff/police/referrals/${rid}/accept`, { policeCaseNumber: '', acceptedOn: '', officer: '' })).status).toBe(
      422,
    );
    expect(police.lastHtml).toContain('立案编号：请填写');
    await police.get(`/staff/police/referrals/${rid}`);
    const today = new Date(bo.t.deps.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(
      (
        await police.post(`/staff/police/referrals/${rid}/accept`, {
          policeCaseNumber: '新公食立字〔2026〕31号',
          acceptedOn: today,
          officer: '赵警官',
        })
      ).status,
    ).toBe(303);
    await police.get(`/staff/police/referrals/${rid}`);
    expect((await police.post(`/staff/police/referrals/${rid}/feedback`, { outcomeKind: 'prosecuted', note: '' })).status).toBe(303);

    // The regulator sees the outcome on the case.
    await handler.get(`/staff/cases/${id}`);
    expect(handler.lastHtml).toContain('公安机关已立案');
    expect(handler.lastHtml).toContain('新公食立字〔2026〕31号');
    expect(handler.lastHtml).toContain('已移送审查起诉');
    // The other direction: the police hand back an administrative matter, which becomes a report.
    await police.get('/staff/police/report');
    expect((await police.post('/staff/police/report', { policeRef: '', description: '某超市销售过期食品' })).status).toBe(422);
    expect(
      (
        await police.post('/staff/police/report', {
          policeRef: '新公（食）移字〔2026〕12号',
          description: '经审查不构成犯罪：新建路一家超市销售过期食品，数量较小',
          businessName: '好邻居超市',
          township: '新建路街道',
        })
      ).status,
    ).toBe(201);
    const back = await bo.t.db
      .selectFrom('intake_case')
      .select(['kind', 'channel', 'status', 'anonymous'])
      .where('channel', '=', 'police')
      .executeTakeFirstOrThrow();
    expect(back).toEqual({ kind: 'report', channel: 'police', status: 'received', anonymous: 1 });
    const audit = await bo.t.db.selectFrom('audit_log').select(['action', 'actor_role']).where('case_id', '=', id).execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { action: 'export', actor_role: 'police' },
        { action: 'case_action', actor_role: 'police' },
      ]),
    );
  });
});
