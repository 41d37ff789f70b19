// The web portal in a real browser with JavaScript DISABLED: Debian's Chromium (playwright-core) against
// the real app on 127.0.0.1, a real database underneath. Every flow a citizen has — a complaint with a
// photo, an anonymous report, a consultation, validation errors, looking a case up — must work without
// any script, and no request may leave the origin. Screenshots at 375 px and 1280 px go to
// test-output/portal/ (git-ignored) for review.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG_1x1 } from '../helpers/files.ts';
import {
  SCREENSHOT_DIR,
  type PortalServer,
  type Traffic,
  WIDTHS,
  launchChromium,
  screenshots,
  startPortal,
  watchTraffic,
} from '../http/public/portal-browser.ts';

let server: PortalServer;
let browser: Browser;
let context: BrowserContext;
let traffic: Traffic;
let page: Page;

beforeAll(async () => {
  server = await startPortal();
  browser = await launchChromium();
  context = await browser.newContext({
    javaScriptEnabled: false,
    locale: 'zh-CN',
    viewport: { width: WIDTHS.phone, height: 800 },
    acceptDownloads: true,
  });
  traffic = await watchTraffic(context, server.origin);
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const db = () => server.t.db;

async function submitAndReadReceipt(button: string): Promise<{ numbers: string[]; code: string }> {
  await page.getByRole('button', { name: button }).click();
  const code = (await page.locator('#query-code').textContent())?.trim() ?? '';
  const numbers = (await page.locator('[data-case-number]').allTextContents()).map((s) => s.trim());
  expect(await page.locator('h1').textContent()).toBe('提交成功');
  return { numbers, code };
}

async function apiStatus(number: string, code: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${server.origin}/api/v1/cases/${number}/status`, { headers: { 'x-query-code': code } });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('portal with JavaScript disabled', () => {
  it('complaint with a photo: validation errors in place, values kept, then a receipt whose code works on the status page', async () => {
    await page.goto(`${server.origin}/`);
    expect(await page.locator('h1').textContent()).toBe('食品安全投诉举报');
    await screenshots(page, '01-home');
    await page.locator('main').getByRole('link', { name: '我要投诉举报' }).click();
    await page.waitForURL(`${server.origin}/submit`);
    await screenshots(page, '02-choose-kind');
    await page.getByRole('link', { name: '我要投诉', exact: true }).click();
    await page.waitForURL(`${server.origin}/submit/complaint`);
    expect(await page.locator('h1').textContent()).toBe('我要投诉');
    await screenshots(page, '03-complaint-form');

    // First attempt: incomplete, with a wrong phone number and a photo attached.
    await page.getByLabel('事情经过').fill('牛奶过期了');
    await page.getByLabel('姓名').fill('张伟');
    await page.getByLabel('联系电话').fill('12345');
    await page.getByLabel('发生地所在乡镇').selectOption('新建路街道');
    await page.getByLabel('证据材料').setInputFiles({ name: '小票.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await page.getByRole('button', { name: '提交投诉' }).click();

    const summary = page.getByRole('alert');
    expect(await summary.textContent()).toContain('提交没有成功');
    const fieldWith = (id: string) => page.locator('.field, fieldset', { has: page.locator(`#${id}`) }).last();
    const expectations: [string, string, string][] = [
      ['f-description', 'e-description', '事情经过至少需要10个字'],
      ['f-person-phone', 'e-person-phone', '联系电话格式不正确'],
      ['f-person-address', 'e-person-address', '投诉需要填写您的联系地址'],
      ['f-request', 'e-request', '投诉需要写明您的诉求'],
    ];
    for (const [control, error, text] of expectations) {
      const err = fieldWith(control).locator(`#${error}`);
      expect(await err.isVisible(), error).toBe(true);
      expect(await err.textContent()).toContain(text);
      expect(await page.locator(`#${control}`).getAttribute('aria-describedby')).toContain(error);
      expect(await page.locator(`#${control}`).getAttribute('aria-invalid')).toBe('true');
      expect(await summary.getByRole('link', { name: text }).getAttribute('href')).toBe(`#${control}`);
    }
    expect(await page.locator('#f-business #e-business').textContent()).toContain('投诉需要填写被投诉经营者的名称和地址');
    expect(await page.getByLabel('事情经过').inputValue()).toBe('牛奶过期了');
    expect(await page.getByLabel('姓名').inputValue()).toBe('张伟');
    expect(await page.getByLabel('联系电话').inputValue()).toBe('12345');
    expect(await page.getByLabel('发生地所在乡镇').inputValue()).toBe('新建路街道');
    expect(await page.locator('#files-dropped').textContent()).toContain('1个文件没有保留');
    await screenshots(page, '04-complaint-errors');
    expect(await db().selectFrom('intake_case').select('id').execute()).toHaveLength(0);

    // Second attempt: completed.
    await page.getByLabel('事情经过').fill('11月20日在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。');
    await page.getByLabel('联系电话').fill('13812345678');
    await page.getByLabel('联系地址').fill('新郑市人民路8号院');
    await page.getByLabel('名称').fill('新郑市好又多便利店');
    await page.getByLabel('经营地址').fill('新郑市新建路128号');
    await page.getByLabel('您的诉求').fill('退款并按食品安全法赔偿');
    await page.getByLabel('发生日期').fill('2026-01-05');
    await page.getByLabel('我同意在去掉个人信息后公开本投诉的内容').check();
    await page.getByLabel('证据材料').setInputFiles({ name: '小票.png', mimeType: 'image/png', buffer: PNG_1x1 });
    const receipt = await submitAndReadReceipt('提交投诉');
    expect(receipt.numbers).toHaveLength(1);
    expect(receipt.code).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{1,4}){6}$/);
    expect(await page.locator('#code-warning').textContent()).toContain('查询码只显示这一次');
    await screenshots(page, '05-complaint-receipt');

    // "Save as image" works without JavaScript: a PNG drawn on the server opens beside the receipt (a phone
    // keeps it with a long press), named after the case; the picture is kept for review.
    const [shot] = await Promise.all([
      page.context().waitForEvent('response', (r) => r.url().endsWith('/receipt/image')),
      page.locator('#save-image').click(),
    ]);
    expect(shot.status()).toBe(200);
    expect(shot.headers()['content-type']).toBe('image/png');
    expect(shot.headers()['content-disposition']).toContain(encodeURIComponent(`食安通回执-${receipt.numbers[0]}.png`));
    const png = await shot.body();
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.readUInt32BE(16)).toBe(1520); // 760 px drawn at twice the size
    writeFileSync(path.join(SCREENSHOT_DIR, '05b-receipt-image.png'), png);
    for (const p of page.context().pages()) if (p !== page) await p.close();

    // The case is in the database like any other, from the web channel, with its photo …
    const row = await db().selectFrom('intake_case').selectAll().where('number', '=', receipt.numbers[0]!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'complaint',
      status: 'received',
      channel: 'web',
      business_name: '新郑市好又多便利店',
      township: '新建路街道',
      incident_at: '2026-01-05',
      consent_publish: 1,
    });
    expect(await db().selectFrom('evidence').select('mime').where('case_id', '=', row.id).execute()).toEqual([{ mime: 'image/png' }]);
    expect(await db().selectFrom('party').select('role').where('case_id', '=', row.id).execute()).toEqual([{ role: 'complainant' }]);
    expect((await db().selectFrom('outbox').select('name').where('case_id', '=', row.id).execute()).map((o) => o.name)).toContain(
      'case.received',
    );
    // … and in the API.
    const api = await apiStatus(receipt.numbers[0]!, receipt.code);
    expect(api.status).toBe(200);
    expect(api.body).toMatchObject({ number: receipt.numbers[0], kind: 'complaint' });

    // The citizen looks it up by typing number and code into the status page.
    await page.getByRole('navigation').getByRole('link', { name: '查询办理进度' }).click();
    await page.waitForURL(`${server.origin}/status`);
    await screenshots(page, '06-status-lookup');
    await page.getByLabel('案件编号').fill(receipt.numbers[0]!);
    await page.getByLabel('查询码').fill(receipt.code);
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.locator('#status-now').textContent()).toBe('已接收，正在分派办理');
    expect(await page.locator('#timeline').textContent()).toContain('收到您的投诉');
    expect(await page.locator('#deadlines').textContent()).toMatch(/作出是否受理的决定|具体截止日期待/);
    expect(page.url()).toBe(`${server.origin}/status`);
    await screenshots(page, '07-status-complaint');
  });

  it('anonymous report: no personal data stored; the receipt button opens its status', async () => {
    await page.goto(`${server.origin}/submit/report`);
    await screenshots(page, '08-report-form');
    await page.getByLabel('匿名举报（不填写个人信息）').check();
    await page.getByLabel('事情经过').fill('龙湖镇某村东头有个小作坊，晚上从饭店收泔水油回来熬，白天卖给附近的早餐摊。');
    await page.getByLabel('名称').fill('无招牌油坊');
    await page.getByLabel('发生地所在乡镇').selectOption('龙湖镇');
    await page.getByLabel('我申请举报奖励').check();
    await page.getByLabel('领奖密码（申请奖励时设置）').fill('Lhz-2026-oil');
    const receipt = await submitAndReadReceipt('提交举报');
    await screenshots(page, '09-report-receipt');
    const row = await db().selectFrom('intake_case').selectAll().where('number', '=', receipt.numbers[0]!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'report', channel: 'web', anonymous: 1, wants_reward: 1, township: '龙湖镇' });
    expect(await db().selectFrom('party').select('id').where('case_id', '=', row.id).execute()).toEqual([]);
    expect((await apiStatus(receipt.numbers[0]!, receipt.code)).status).toBe(200);

    await page.getByRole('button', { name: '现在查看办理进度' }).click();
    expect(await page.locator('#timeline').textContent()).toContain('收到您的举报');
    expect(await page.locator('#deadlines').textContent()).toMatch(/完成核查并决定是否立案|具体截止日期待/);
    await screenshots(page, '10-status-report');
  });

  it('consultation: just the question', async () => {
    await page.goto(`${server.origin}/submit`);
    await page.getByRole('link', { name: '我要咨询' }).click();
    await page.waitForURL(`${server.origin}/submit/consultation`);
    await screenshots(page, '11-consultation-form');
    expect(await page.locator('input[type="file"], input[name^="person."]').count()).toBe(0);
    await page.getByLabel('您的问题').fill('在网上买的零食有问题，应该向哪里投诉？');
    const receipt = await submitAndReadReceipt('提交咨询');
    const row = await db().selectFrom('intake_case').selectAll().where('number', '=', receipt.numbers[0]!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'consultation', channel: 'web', description: '在网上买的零食有问题，应该向哪里投诉？' });
    await screenshots(page, '12-consultation-receipt');
  });

  it('status lookup: a wrong code is refused with the number kept; a malformed number is pointed out in place', async () => {
    const [one] = await db().selectFrom('intake_case').select('number').limit(1).execute();
    await page.goto(`${server.origin}/status`);
    await page.getByLabel('案件编号').fill(one!.number);
    await page.getByLabel('查询码').fill('AAAA-BBBB-CCCC-DDDD');
    await page.getByRole('button', { name: '查询' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('未找到该编号的案件，或查询码不正确');
    expect(await page.getByLabel('案件编号').inputValue()).toBe(one!.number);
    await screenshots(page, '13-status-not-found');
    await page.getByLabel('案件编号').fill('20261120');
    await page.getByRole('button', { name: '查询' }).click();
    expect(
      await page
        .locator('.field', { has: page.locator('#f-number') })
        .locator('.error-message')
        .textContent(),
    ).toContain('案件编号格式应为');
  });

  it('no request left the origin', () => {
    expect(traffic.seen.length).toBeGreaterThan(20);
    expect(traffic.foreign).toEqual([]);
    for (const url of traffic.seen) expect(url.startsWith(`${server.origin}/`)).toBe(true);
  });
});
