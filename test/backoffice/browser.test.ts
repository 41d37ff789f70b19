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
});
