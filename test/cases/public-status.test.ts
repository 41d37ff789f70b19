// Issue #16 item 8 on a real database: what a citizen's status lookup shows beyond the public events.
// - A real-name reporter of a case received under Order 20 sees 立案 on the timeline (Order 20 Art. 31: told
//   whether a case was opened); an anonymous reporter, or one under Order 121, sees it folded into
//   「正在核查处理」 as before.
// - A case whose result was published links to its public record (API field and status page), and not
//   before publication.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { getPublicStatus } from '../../src/cases/public-status.query.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { createApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { approveDisposition, createDraftDisposition } from '../../src/publication/disposition.service.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const clock = new ManualClock(new Date('2026-03-10T02:00:00Z'));
let t: TestDeps;
let app: Hono;
const SUPERVISOR = { role: 'supervisor' as const, id: 'sup-1' };

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
  app = createApp(t.deps) as unknown as Hono;
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

async function fileReport(anonymous: boolean): Promise<{ id: string; number: string; code: string }> {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'report',
      description: '新郑市好味道餐饮有限公司后厨用过期的肉做卤菜，员工说老板让这么干的。',
      business: { name: '新郑市好味道餐饮有限公司', address: '新郑市新华路56号' },
      township: '新华路街道',
      ...(anonymous ? { anonymous: true } : { person: { name: '王建国', phone: '13712345678' } }),
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const number = r.cases[0]!.number;
  const row = await t.db.selectFrom('intake_case').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  await t.db
    .updateTable('intake_case')
    .set({ status: 'verifying', category: 'catering', unit_id: 'station-xhl' })
    .where('id', '=', row.id)
    .execute();
  return { id: row.id, number, code: r.queryCode };
}

const open = (id: string) => applyTransition(t.db, id, { type: 'open_case' }, SUPERVISOR, clock.now());

describe('a real-name reporter is told of 立案 where the law says so', () => {
  it('Order 20, real name: 立案 on the timeline; anonymous: not', async () => {
    const named = await fileReport(false);
    const anon = await fileReport(true);
    clock.advance(3_600_000);
    await open(named.id);
    await open(anon.id);
    const a = await getPublicStatus(t.db, named.number, named.code);
    expect(a?.status).toBe('正在核查处理');
    expect(a?.timeline.map((e) => e.text)).toEqual(['收到您的举报', '经核查，决定立案调查']);
    const b = await getPublicStatus(t.db, anon.number, anon.code);
    expect(b?.timeline.map((e) => e.text)).toEqual(['收到您的举报']);
  });

  it('Order 121 (received from 2026-04-15), real name: not on the timeline', async () => {
    clock.set(new Date('2026-05-11T02:00:00Z'));
    const named = await fileReport(false);
    await open(named.id);
    const s = await getPublicStatus(t.db, named.number, named.code);
    expect(s?.timeline.map((e) => e.text)).toEqual(['收到您的举报']);
  });
});

describe('a published case links to its public record', () => {
  it('no link before publication; the reference in the API and a link on the status page after', async () => {
    clock.set(new Date('2026-11-16T02:00:00Z'));
    const k = await fileReport(false);
    await open(k.id);
    await applyTransition(
      t.db,
      k.id,
      {
        type: 'decide',
        data: { decision: '没收违法所得1200元，并处罚款人民币5,000元。', findings: '经查，当事人使用超过保质期的食品原料加工卤菜。' },
      },
      SUPERVISOR,
      clock.now(),
    );
    const api = async () => {
      const res = await app.request(`/api/v1/cases/${k.number}/status`, { headers: { 'X-Query-Code': k.code } });
      expect(res.status).toBe(200);
      return (await res.json()) as { publishedRef: string | null };
    };
    expect((await api()).publishedRef).toBeNull();

    const r = await createDraftDisposition(t.deps, k.id);
    if (!('disposition' in r)) throw new Error('no draft');
    expect((await api()).publishedRef).toBeNull(); // a draft is not public
    await approveDisposition(t.deps, r.disposition.id, SUPERVISOR, { expectedVersion: r.disposition.version });
    const ref = r.disposition.public_ref;
    expect((await api()).publishedRef).toBe(ref);
    expect((await app.request(`/results/${ref}`)).status).toBe(200);

    // The status page (a form POST with the page's CSRF token and cookie) links to the record.
    const look = await app.request('/status');
    const cookie = /st_csrf=[^;]+/.exec(look.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const token = /name="_csrf" value="([^"]+)"/.exec(await look.text())?.[1] ?? '';
    const fd = new FormData();
    fd.set('_csrf', token);
    fd.set('number', k.number);
    fd.set('code', k.code);
    const page = await (await app.request('/status', { method: 'POST', body: fd, headers: { cookie } })).text();
    expect(page).toContain(`<a href="/results/${ref}">查看公开的处理结果（${ref}）</a>`);
  });
});
