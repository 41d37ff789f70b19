// The back office in Debian's Chromium (playwright-core) with JavaScript disabled, against the real app on
// 127.0.0.1 over a real database: a handler signs in, opens their complaint, reveals the complainant's
// identity with a reason, and accepts the complaint. No request may leave the origin. Screenshots go to
// test-output/backoffice/ (git-ignored).
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/http/app.ts';
import { type PortalServer, type Traffic, launchChromium, startPortal, watchTraffic } from '../http/public/portal-browser.ts';
import { type Bo, PASSWORD, UNIT_A, makeCase, makeUser } from './helpers.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-output/backoffice');
let server: PortalServer;
let browser: Browser;
let context: BrowserContext;
let traffic: Traffic;
let page: Page;
let bo: Bo;

beforeAll(async () => {
  server = await startPortal();
  bo = { t: server.t, app: createApp(server.t.deps) };
  browser = await launchChromium();
  context = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  traffic = await watchTraffic(context, server.origin);
  page = await context.newPage();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('back office in a browser', () => {
  it('a handler signs in, reveals the identity with a reason, accepts a complaint and records the mediation result', async () => {
    const handler = await makeUser(bo, 'browser.handler', 'handler', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });

    await page.goto(`${server.origin}/staff/cases/mine`);
    expect(new URL(page.url()).pathname).toBe('/staff/login');
    await page.getByLabel('用户名').fill('browser.handler');
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    expect(new URL(page.url()).pathname).toBe('/staff/cases/mine');
    await page.screenshot({ path: path.join(SHOTS, 'queue-mine.png'), fullPage: true });

    await page.getByRole('link', { name: k.number }).click();
    expect(await page.locator('h1').textContent()).toContain(k.number);
    expect(await page.content()).not.toContain('13812345678');

    await page.getByLabel('查看理由').fill('电话联系投诉人核实');
    await page.getByRole('button', { name: '查看身份信息' }).click();
    expect(await page.locator('.identity').textContent()).toContain('张伟');

    const accept = page.locator('details.action', { hasText: '受理投诉' });
    await accept.locator('summary').click();
    await accept.getByRole('button', { name: '受理投诉' }).click();
    expect(await page.locator('.flash').textContent()).toContain('操作已完成');
    expect(await page.locator('.status-now').textContent()).toContain('已受理');
    await page.screenshot({ path: path.join(SHOTS, 'case-accepted.png'), fullPage: true });

    // Mediation with both parties' consent, then its result.
    const start = page.locator('details.action', { hasText: '开始调解' });
    await start.locator('summary').click();
    await start.getByRole('checkbox', { name: '投诉人同意调解（必填）', exact: true }).check();
    await start.getByRole('button', { name: '开始调解' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('调解须经投诉人和被投诉人双方同意');
    // The form is open again with what was ticked kept.
    expect(await start.getByRole('checkbox', { name: '投诉人同意调解（必填）', exact: true }).isChecked()).toBe(true);
    await start.getByRole('checkbox', { name: '被投诉人同意调解（必填）' }).check();
    await start.getByRole('button', { name: '开始调解' }).click();
    expect(await page.locator('.status-now').textContent()).toContain('调解中');
    const success = page.locator('details.action', { hasText: '调解成功' });
    await success.locator('summary').click();
    await success.getByRole('button', { name: '调解成功' }).click();
    expect(await page.locator('.error-summary').textContent()).toContain('请填写调解协议内容');
    await success.getByLabel('调解协议内容').fill('商家退款并赔偿一千元');
    await success.getByRole('button', { name: '调解成功' }).click();
    expect(await page.locator('.status-now').textContent()).toContain('调解成功');

    const row = await bo.t.db.selectFrom('intake_case').select('status').where('id', '=', k.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('mediation_succeeded');
    const audit = await bo.t.db.selectFrom('audit_log').select(['action', 'actor_id']).where('case_id', '=', k.id).orderBy('seq').execute();
    expect(audit).toEqual([
      { action: 'identity_viewed', actor_id: handler },
      { action: 'case_action', actor_id: handler },
      { action: 'case_action', actor_id: handler },
      { action: 'case_action', actor_id: handler },
    ]);
    expect(traffic.foreign).toEqual([]);
  });

  it('a report from assigned to decision, with a supervisor approving an extension; another unit is kept out', async () => {
    const handler = await makeUser(bo, 'browser.handler2', 'handler', UNIT_A);
    await makeUser(bo, 'browser.super', 'supervisor', UNIT_A);
    await makeUser(bo, 'browser.other', 'handler', 'station-gd');
    const k = await makeCase(bo, 'anonymousReport', { unitId: UNIT_A, assigneeId: handler });
    const signIn = async (p: Page, user: string) => {
      await p.goto(`${server.origin}/staff/login`);
      await p.getByLabel('用户名').fill(user);
      await p.getByLabel('密码').fill(PASSWORD);
      await p.getByRole('button', { name: '登录' }).click();
    };
    const act = async (p: Page, label: string, fill?: (d: ReturnType<Page['locator']>) => Promise<void>) => {
      const d = p.locator('details.action', { hasText: label }).first();
      await d.locator('summary').click();
      if (fill) await fill(d);
      await d.getByRole('button', { name: label }).click();
      const outcome = await p.locator('.flash, .error-summary').first().textContent({ timeout: 5000 });
      expect(outcome, `${label}: ${await p.title()}`).toContain('操作已完成');
    };

    // The handler (a browser of their own) starts verifying the report.
    const hCtx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const hTraffic = await watchTraffic(hCtx, server.origin);
    const h = await hCtx.newPage();
    await signIn(h, 'browser.handler2');
    await h.goto(`${server.origin}/staff/cases/${k.id}`);
    await act(h, '开始核查');
    expect(await h.locator('.status-now').textContent()).toContain('核查中');

    // The supervisor, in a browser of their own, approves a 15-working-day extension of D4, opens the case and decides.
    const supCtx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
    const supTraffic = await watchTraffic(supCtx, server.origin);
    const sup = await supCtx.newPage();
    await signIn(sup, 'browser.super');
    await sup.goto(`${server.origin}/staff/cases/${k.id}`);
    await act(sup, '批准延长期限', async (d) => {
      await d.locator('select[name="clock"]').selectOption('D4');
      await d.getByLabel('理由').fill('案情复杂，需补充检验，经负责人批准延长');
    });
    const d4 = await bo.t.db
      .selectFrom('case_clock')
      .select(['extensions'])
      .where('case_id', '=', k.id)
      .where('clock', '=', 'D4')
      .executeTakeFirstOrThrow();
    expect(d4.extensions).toBe(1);
    await act(sup, '立案');
    await act(sup, '作出处理决定', async (d) => {
      await d.getByLabel('决定类型').selectOption('penalty');
      await d.getByLabel('决定书文号').fill('新市监罚〔2026〕21号');
      await d.locator('textarea[name="decision"]').fill('责令改正，没收违法所得并处罚款三万元');
      await d.getByLabel('罚款金额（元，可选）').fill('30000');
    });
    expect(await sup.locator('.status-now').textContent()).toContain('已作出处理决定');
    await sup.screenshot({ path: path.join(SHOTS, 'report-decided.png'), fullPage: true });

    // A handler of another unit cannot open it.
    const otherCtx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN' });
    const other = await otherCtx.newPage();
    await signIn(other, 'browser.other');
    const res = await other.goto(`${server.origin}/staff/cases/${k.id}`);
    expect(res?.status()).toBe(403);
    expect(await other.content()).not.toContain('处罚款三万元');
    await hCtx.close();
    await supCtx.close();
    await otherCtx.close();
    expect([...hTraffic.foreign, ...supTraffic.foreign]).toEqual([]);
  });
});
