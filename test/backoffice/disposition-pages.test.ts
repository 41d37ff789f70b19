// Issue 9 through the back office: a penalty recorded on the case page drafts its publication record;
// the supervisor reviews it (personal data highlighted) and approves; it then appears, anonymised, on
// the public list, in the JSON, the CSV and the Atom feed.
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
      penalty: '罚款、没收违法所得',
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
    const after = await bo.t.db.selectFrom('disposition').select(['status', 'public_ref']).where('case_id', '=', id).executeTakeFirstOrThrow();
    expect(after.status).toBe('published');
    const d11 = await bo.t.db.selectFrom('case_clock').select(['status', 'stop_event']).where('case_id', '=', id).where('clock', '=', 'D11').executeTakeFirstOrThrow();
    expect(d11).toEqual({ status: 'stopped', stop_event: 'publish' });

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
