// Issue #16 in Debian's Chromium with JavaScript off, against the real app over a real database: the
// back office tells each person what to do next.
// - a cluster alert (three illness reports about one restaurant) reaches the supervisor's inbox, with the
//   unread count in the header, and links to its cases; marking read clears the count;
// - a referral proposal waits in the supervisor's 待我处理 and leaves it once approved in the browser;
// - a citizen's reply marks the handler's row (待我处理 and 我的案件);
// - the case page says what comes next, who must do it and by when.
// Screenshots at 375 px and 1280 px go to test-output/backoffice/ (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { askCitizen, answerQuestion } from '../../src/cases/questions.service.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { proposeReferral } from '../../src/referral/referral.service.ts';
import { scanHotspots } from '../../src/publication/hotspots.service.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { type PortalServer, type Traffic, launchChromium, startPortal, watchTraffic } from '../http/public/portal-browser.ts';
import { PASSWORD, makeUser } from './helpers.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-output/backoffice');
const UNIT = 'station-xhl';
let server: PortalServer;
let browser: Browser;
const contexts: BrowserContext[] = [];
const traffic: Traffic[] = [];

beforeAll(async () => {
  server = await startPortal();
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function signIn(username: string): Promise<Page> {
  const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  contexts.push(ctx);
  traffic.push(await watchTraffic(ctx, server.origin));
  const p = await ctx.newPage();
  await p.goto(`${server.origin}/staff/login`);
  await p.getByLabel('用户名').fill(username);
  await p.getByLabel('密码').fill(PASSWORD);
  await p.getByRole('button', { name: '登录' }).click();
  return p;
}

async function shots(p: Page, name: string): Promise<void> {
  for (const width of [375, 1280]) {
    await p.setViewportSize({ width, height: 900 });
    await p.screenshot({ path: path.join(SHOTS, `${name}-${width}.png`), fullPage: true });
  }
  // At phone width nothing may stick out sideways.
  await p.setViewportSize({ width: 375, height: 900 });
  const overflow = await p.evaluate<number>('document.documentElement.scrollWidth');
  expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(375);
  await p.setViewportSize({ width: 1280, height: 900 });
}

let n = 0;
async function file(kind: 'complaint' | 'report', business: string, description: string) {
  n++;
  const r = await server.t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind,
      description,
      business: { name: business, address: '新郑市新华路56号' },
      township: '新华路街道',
      ...(kind === 'complaint'
        ? {
            request: '赔偿医药费',
            person: { name: `张${'一二三四五六'[n % 6]}`, phone: `1390000${String(2000 + n)}`, address: '新郑市金城路1号' },
          }
        : { anonymous: true }),
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const row = await server.t.db
    .selectFrom('intake_case')
    .select(['id', 'number'])
    .where('number', '=', r.cases[0]!.number)
    .executeTakeFirstOrThrow();
  await triageCase(server.t.deps, row.id);
  return { ...row, code: r.queryCode };
}

/** Puts the case in the handler's hands the way the workflow or a supervisor would. */
async function ensureAssigned(caseId: string, handler: string): Promise<void> {
  const now = server.t.deps.clock.now();
  const row = await server.t.db
    .selectFrom('intake_case')
    .select(['status', 'assignee_id'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  if (row.assignee_id === handler) return;
  const admin = { role: 'admin', id: null } as const;
  const patch = { patch: { unit_id: UNIT, assignee_id: handler } };
  if (row.status === 'triaged' || row.status === 'awaiting_routing')
    await applyTransition(server.t.db, caseId, { type: 'assign', data: { assigneeId: handler } }, admin, now, patch);
  else
    await applyTransition(server.t.db, caseId, { type: 'reassign', reason: '测试分派', data: { assigneeId: handler } }, admin, now, patch);
}

describe('the back office tells each person what to do next', () => {
  it('a cluster alert reaches the supervisor’s inbox, links to its cases, and is marked read', async () => {
    await makeUser({ t: server.t, app: null as never }, 'inbox.super', 'supervisor', UNIT);
    const texts = [
      '中午在这家店吃了烩面，晚上上吐下泻去医院输液。',
      '在他家吃饭后全家肚子疼拉肚子，孩子发烧住院。',
      '吃完早餐没多久就恶心呕吐，去医院看了急诊。',
    ];
    const cases = [];
    for (const t of texts) cases.push(await file('complaint', '老街烩面馆', t));
    expect((await scanHotspots(server.t.deps)).alerts).toBe(1);

    const sup = await signIn('inbox.super');
    expect(new URL(sup.url()).pathname).toBe('/staff/todo');
    const count = await sup.locator('.inbox-link .count').textContent();
    expect(Number(count)).toBeGreaterThanOrEqual(1);
    await sup.getByRole('link', { name: /^通知/ }).click();
    expect(new URL(sup.url()).pathname).toBe('/staff/inbox');
    const notice = sup.locator('ul.notices li.urgent', { hasText: '疑似聚集性食源性疾病' });
    await expect.poll(() => notice.count()).toBe(1);
    expect(await notice.textContent()).toContain('老街烩面馆');
    // The alert box lists every case of the cluster, each a link the supervisor may open.
    const box = sup.locator('.alert-box');
    for (const c of cases) expect(await box.getByRole('link', { name: c.number }).count()).toBe(1);
    await shots(sup, 'inbox');
    await box.getByRole('link', { name: cases[1]!.number }).click();
    expect(await sup.locator('h1').textContent()).toContain(cases[1]!.number);

    // Filtered to cluster alerts, marked read: the header's count drops to none.
    await sup.goto(`${server.origin}/staff/inbox?group=hotspot`);
    await sup.getByRole('button', { name: '全部标为已读' }).click();
    expect(await sup.locator('.flash').textContent()).toContain('已标记');
    expect(await sup.locator('.inbox-link .count').count()).toBe(0);
  });

  it('a referral proposal waits in the supervisor’s 待我处理 and leaves it when approved', async () => {
    const handler = await makeUser({ t: server.t, app: null as never }, 'inbox.handler', 'handler', UNIT);
    const k = await file('report', '城南卤肉店', '后厨用过期的肉做卤菜，员工说老板让这么干的，已经好几个月了。');
    await ensureAssigned(k.id, handler);
    await applyTransition(server.t.db, k.id, { type: 'start_verification' }, { role: 'handler', id: handler }, server.t.deps.clock.now());

    // The case page tells the handler that the supervisor decides 立案, and by when.
    const h = await signIn('inbox.handler');
    await h.goto(`${server.origin}/staff/cases/${k.id}`);
    const step = await h.locator('.next-step').textContent();
    expect(step).toContain('等待所长核查后决定是否立案');
    expect(step).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}前/);
    expect(step).toContain('须由所长');

    await proposeReferral(
      server.t.deps,
      k.id,
      {
        reasons: '涉案金额较大，涉嫌生产销售不符合安全标准的食品罪',
        offence: '生产、销售不符合安全标准的食品罪',
        officers: ['执法人员甲', '执法人员乙'],
      },
      { role: 'handler', id: handler },
    );
    // The bureau's head (局负责人) decides on referrals (国务院令310 Art. 5), not the station head.
    await makeUser({ t: server.t, app: null as never }, 'inbox.director', 'director', null);
    const dir = await signIn('inbox.director');
    const approvals = dir.locator('section', { has: dir.locator('h2#s-approvals') });
    const rowOf = approvals.locator('tr', { hasText: k.number });
    expect(await rowOf.count()).toBe(1);
    expect(await rowOf.textContent()).toContain('审批移送公安机关');
    expect(await rowOf.textContent()).toContain('城南卤肉店');
    await shots(dir, 'todo-director');
    const sup = await signIn('inbox.super');
    const supApprovals = sup.locator('section', { has: sup.locator('h2#s-approvals') });
    expect(await supApprovals.locator('tr', { hasText: k.number }).count()).toBe(0);

    await rowOf.getByRole('link', { name: k.number }).click();
    await dir.getByRole('button', { name: '批准移送（3日内）' }).click();
    await dir.goto(`${server.origin}/staff/todo`);
    expect(await approvals.locator('tr', { hasText: k.number }).count()).toBe(0);

    // Statistics: one stacked chart for the months, unit names in full, nothing clipped on a phone.
    await sup.goto(`${server.origin}/staff/statistics`);
    expect(await sup.locator('.chart svg').first().getAttribute('aria-label')).toMatch(/每月收到的投诉、举报、咨询（件）/);
    expect(await sup.locator('.chart').count()).toBe(4);
    // On a desktop the charts' words keep the page's size (an SVG scaled to the column made them 50 px).
    const labelHeight = await sup
      .locator('.chart svg text')
      .first()
      .evaluate((e) => e.getBoundingClientRect().height);
    expect(labelHeight).toBeGreaterThan(10);
    expect(labelHeight).toBeLessThan(24);
    await shots(sup, 'statistics');

    // The handler now sees the transfer as their own next step.
    await h.goto(`${server.origin}/staff/todo`);
    const mine = h.locator('section', { has: h.locator('h2#s-mine') });
    expect(await mine.locator('tr', { hasText: k.number }).textContent()).toContain('移送公安机关');
  });

  it('a citizen’s reply marks the handler’s row until the handler acts', async () => {
    const handler = (
      await server.t.db.selectFrom('staff_user').select('id').where('username', '=', 'inbox.handler').executeTakeFirstOrThrow()
    ).id;
    const k = await file('complaint', '北街奶茶店', '买的奶茶里有异物，喝了一口发现是一截塑料片，店家不承认。');
    await ensureAssigned(k.id, handler);
    const qid = await askCitizen(server.t.deps, k.id, '请问购买时有没有小票？', { role: 'handler', id: handler });
    await answerQuestion(server.t.deps, k.number, k.code, qid, '有小票，已经拍照保存。', 'web');

    const h = await signIn('inbox.handler');
    const replied = h.locator('section', { has: h.locator('h2#s-replied') });
    expect(await replied.locator('tr', { hasText: k.number }).count()).toBe(1);
    await shots(h, 'todo-handler');
    await h.goto(`${server.origin}/staff/cases/mine`);
    const queueRow = h.locator('tr', { hasText: k.number });
    expect(await queueRow.textContent()).toContain('群众已回复');
    expect(await queueRow.textContent()).toContain('北街奶茶店');
    await shots(h, 'queue-mine');

    // The handler records the next step (accepts the complaint): the mark goes.
    await h.goto(`${server.origin}/staff/cases/${k.id}`);
    const step = await h.locator('.next-step').textContent();
    expect(step).toContain('决定是否受理并告知投诉人');
    const accept = h.locator('details.action', { hasText: '受理投诉' });
    await accept.locator('summary').click();
    await accept.getByRole('button', { name: '受理投诉' }).click();
    await h.goto(`${server.origin}/staff/cases/mine`);
    expect(await h.locator('tr', { hasText: k.number }).textContent()).not.toContain('群众已回复');
    for (const t of traffic) expect(t.foreign).toEqual([]);
  });
});
