// Issue 22, headline acceptance, in Debian's Chromium with JavaScript off: a citizen's report about swill
// oil goes from the handler's on-site inspection (with a seizure list and a test-report PDF upload) to a
// referral; the supervisor approves, the handler transfers; the police officer sees the findings, the
// exhibits and the report on the portal, records 立案 (refused without a case number), confirms the
// handover item by item, and downloads the package, which verifies with the portal's public key alone on
// a machine with an empty data folder. The letter is readable at 375 px. Screenshots: test-output/backoffice/.
import { cstDateOf } from '../../src/deadlines/cst.ts';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { createApp } from '../../src/http/app.ts';
import { readZip } from '../../src/referral/zip.ts';
import { PDF_MIN, PNG_1x1 } from '../helpers/files.ts';
import { type PortalServer, type Traffic, launchChromium, startPortal, watchTraffic } from '../http/public/portal-browser.ts';
import { type Bo, PASSWORD, UNIT_A, makeUser } from './helpers.ts';

const SHOTS = path.resolve(import.meta.dirname, '../../test-output/backoffice');
let server: PortalServer;
let browser: Browser;
let bo: Bo;
const contexts: BrowserContext[] = [];
const traffic: Traffic[] = [];

beforeAll(async () => {
  server = await startPortal();
  bo = { t: server.t, app: createApp(server.t.deps) };
  browser = await launchChromium();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await server?.close();
});

async function as(user: string, width = 1280): Promise<{ page: Page; ctx: BrowserContext }> {
  const ctx = await browser.newContext({ javaScriptEnabled: false, locale: 'zh-CN', viewport: { width, height: 900 } });
  contexts.push(ctx);
  traffic.push(await watchTraffic(ctx, server.origin));
  const page = await ctx.newPage();
  await page.goto(`${server.origin}/staff/login`);
  await page.getByLabel('用户名').fill(user);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  return { page, ctx };
}

const FINDINGS = '现场查获熬油铁锅2口、泔水桶12个、成品油35桶，经营者刘德海在场；院内停放豫A12345面包车一辆，车内有泔水桶。';

describe('from the on-site inspection to what the police see', () => {
  it('records, referral, police portal, package verified with the public key alone', async () => {
    const handlerId = await makeUser(bo, 'rb.handler', 'handler', UNIT_A);
    await makeUser(bo, 'rb.super', 'supervisor', UNIT_A);
    await makeUser(bo, 'rb.director', 'director', null);
    await makeUser(bo, 'rb.police', 'police', 'police-xz');
    // The citizen's report: real name, a photo, the plate of the van that brings the swill.
    const photo = await bo.t.deps.evidence.put(PNG_1x1, 'image/png');
    const r = await bo.t.deps.intake.submit({
      submission: SubmissionSchema.parse({
        kind: 'report',
        description: '龙湖镇老街一家小作坊晚上熬地沟油，车牌豫A12345的面包车每晚来拉泔水，卖给早餐摊',
        township: '龙湖镇',
        business: { name: '老街油坊', address: '龙湖镇老街18号' },
        person: { name: '孙丽华', phone: '13777771234' },
      }),
      files: [photo],
      channel: 'api',
      actor: { role: 'citizen', id: null },
      idempotencyKey: null,
    });
    const number = r.cases[0]!.number;
    const { id } = await bo.t.db.selectFrom('intake_case').select('id').where('number', '=', number).executeTakeFirstOrThrow();
    const now = bo.t.deps.clock.now();
    const system = { role: 'system' as const, id: null };
    await applyTransition(bo.t.db, id, { type: 'triage' }, system, now, {
      patch: {
        category: 'food_production',
        urgency: 'high',
        urgency_rank: 1,
        unit_id: UNIT_A,
        suspected_crime: 1,
        crime_basis: '["地沟油","刑法第144条"]',
      },
    });
    await applyTransition(bo.t.db, id, { type: 'assign', data: { assigneeId: handlerId } }, system, now, {
      patch: { unit_id: UNIT_A, assignee_id: handlerId },
    });

    // The handler: starts verification, records the inspection, the seizures and the test report.
    const { page: h } = await as('rb.handler');
    await h.goto(`${server.origin}/staff/cases/${id}`);
    const start = h.locator('details.action', { hasText: '开始核查' }).first();
    await start.locator('summary').click();
    await start.getByRole('button', { name: '开始核查' }).click();
    expect(await h.locator('.status-now').textContent()).toContain('核查中');

    const inspectedAt = new Date(now.getTime() + 8 * 3600_000 - 3 * 3600_000).toISOString().slice(0, 16);
    const insp = h.locator('details.action', { hasText: '登记现场检查笔录' });
    await insp.locator('summary').click();
    await insp.getByLabel('检查时间').fill(inspectedAt);
    await insp.getByLabel('检查地点').fill('龙湖镇老街18号院内');
    await insp.getByLabel('执法人员一').fill('王建国');
    await insp.getByLabel('执法人员二').fill('张卫东');
    await insp.getByLabel('检查情况（现场发现的事实）').fill(FINDINGS);
    await insp.getByLabel('当事人名称').fill('新郑市龙湖镇老街油坊');
    await insp.getByLabel('统一社会信用代码').fill('92410184MA9XYW1234');
    await insp.getByLabel('经营者（负责人）姓名').fill('刘德海');
    await insp.getByLabel('涉案金额（元，估算）').fill('52500');
    await insp.getByRole('button', { name: '保存检查笔录' }).click();
    expect(await h.locator('.flash').textContent()).toContain('操作已完成');

    for (const [kind, item, quantity, keptAt] of [
      ['seized', '疑似地沟油成品', '35桶（约1750公斤）', '龙湖镇市场监管所仓库'],
      ['sampled', '成品油样品', '3瓶×500毫升', '郑州市食品药品检验所'],
    ] as const) {
      const ex = h.locator('details.action', { hasText: '登记扣押、查封、抽样物品' });
      await ex.locator('summary').click();
      await ex.getByLabel('措施').selectOption(kind);
      await ex.getByLabel('物品名称').fill(item);
      await ex.getByLabel('数量（含单位）').fill(quantity);
      await ex.getByLabel('存放地点').fill(keptAt);
      await ex.getByRole('button', { name: '保存物品' }).click();
      expect(await h.locator('.flash').textContent()).toContain('操作已完成');
    }

    // A test report that is not a PDF is refused with the field named; the PDF is taken.
    const up = () => h.locator('details.action', { hasText: '上传检验检测、鉴定报告' });
    await up().locator('summary').click();
    await up().getByLabel('报告编号').fill('ZJ-2026/0457');
    await up().getByLabel('出具机构').fill('郑州市食品药品检验所');
    await up().getByLabel('报告文件（PDF）').setInputFiles({ name: '报告.png', mimeType: 'image/png', buffer: PNG_1x1 });
    await up().getByRole('button', { name: '上传报告' }).click();
    expect(await h.locator('.error-summary').textContent()).toContain('报告文件：只能上传PDF文件');
    await up().locator('summary').click();
    await up().getByLabel('报告编号').fill('ZJ-2026/0457');
    await up().getByLabel('出具机构').fill('郑州市食品药品检验所');
    await up().getByLabel('检验结论（可选）').fill('酸价、极性组分超标，检出餐厨废弃油脂特征物');
    await up()
      .getByLabel('报告文件（PDF）')
      .setInputFiles({ name: '检验报告ZJ-2026-0457.pdf', mimeType: 'application/pdf', buffer: PDF_MIN });
    await up().getByRole('button', { name: '上传报告' }).click();
    expect(await h.locator('.flash').textContent()).toContain('操作已完成');
    expect(await h.locator('#records-h + *, section[aria-labelledby="records-h"]').first().textContent()).toContain('ZJ-2026/0457');

    // Proposal, approval, transfer.
    const prop = h.locator('details', { hasText: '提出移送（涉嫌犯罪）' }).last();
    await prop.locator('summary').click();
    await prop.getByLabel('涉嫌罪名').fill('刑法第一百四十四条 生产、销售有毒、有害食品罪');
    await prop.getByLabel('移送理由与主要事实').fill('现场查获地沟油成品35桶，检验确认为餐厨废弃油脂，涉嫌犯罪');
    await prop.getByLabel('提出移送的执法人员一').fill('王建国');
    await prop.getByLabel('提出移送的执法人员二').fill('张卫东');
    await prop.getByRole('button', { name: '提交移送报告，报负责人审批' }).click();
    expect(await h.locator('.flash').textContent()).toContain('操作已完成');

    const { page: s } = await as('rb.director');
    await s.goto(`${server.origin}/staff/cases/${id}`);
    await s.getByRole('button', { name: '批准移送（3日内）' }).click();
    expect(await s.locator('.flash').textContent()).toContain('操作已完成');

    await h.goto(`${server.origin}/staff/cases/${id}`);
    const transfer = h.locator('form[action$="/transfer"]');
    await transfer.getByLabel('联系人（写入移送书）').fill('王建国');
    await transfer.getByLabel('联系电话').fill('0371-62688888');
    await transfer.getByLabel('抄送日期（如 2026-11-03）').fill(cstDateOf(bo.t.deps.clock.now()));
    await transfer.getByLabel('抄送方式').selectOption('delivered');
    await transfer.getByLabel('抄送文书文号').fill('新市监移抄〔2026〕5号');
    await transfer.getByRole('button', { name: '移送公安机关（24小时内）' }).click();
    expect(await h.locator('.flash').textContent()).toContain('操作已完成');
    expect(await h.content()).toMatch(/新市监移〔\d{4}〕1号/);
    const { id: rid } = await bo.t.db.selectFrom('referral').select('id').where('case_id', '=', id).executeTakeFirstOrThrow();

    // The police officer: inbox → referral page with the findings, the business, exhibits and the report.
    const { page: p, ctx: pctx } = await as('rb.police');
    expect(new URL(p.url()).pathname).toBe('/staff/police');
    await p.getByRole('link', { name: number }).click();
    const text = (await p.locator('main').textContent()) ?? '';
    for (const s of [
      FINDINGS,
      '新郑市龙湖镇老街油坊',
      '92410184MA9XYW1234',
      '刘德海',
      '豫A12345',
      '疑似地沟油成品',
      '35桶（约1750公斤）',
      '龙湖镇市场监管所仓库',
      'ZJ-2026/0457',
      '酸价、极性组分超标',
      '0371-62688888',
      '依法保密，不随案移送',
    ])
      expect(text, s).toContain(s);
    expect(text).not.toContain('孙丽华');
    expect(text).not.toContain('13777771234');
    expect(text).not.toContain('[车牌号]');
    await p.screenshot({ path: path.join(SHOTS, 'police-referral.png'), fullPage: true });

    // 立案 without a case number is refused; with it, on record.
    const accept = p.locator('form[action$="/accept"]');
    await accept.getByLabel('承办民警').fill('赵警官');
    await accept.getByRole('button', { name: '立案' }).click();
    expect(await p.locator('.error-summary').textContent()).toContain('立案编号');
    const today = new Date(bo.t.deps.clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    await accept.getByLabel('立案编号').fill('新公食立字〔2026〕31号');
    await accept.getByLabel('立案日期').fill(today);
    await accept.getByLabel('承办民警').fill('赵警官');
    await accept.getByRole('button', { name: '立案' }).click();
    expect(await p.locator('.flash').textContent()).toContain('已记录');
    expect(await p.locator('main').textContent()).toContain('新公食立字〔2026〕31号');

    // The handler hands the exhibits over as a list; D10 runs until the police confirm it.
    await h.goto(`${server.origin}/staff/cases/${id}`);
    await h.getByRole('button', { name: '移交涉案物品（3日内，待公安机关确认）' }).click();
    expect(await h.locator('.handover').textContent()).toContain('待公安机关确认');
    const d10 = async () =>
      (
        await bo.t.db
          .selectFrom('case_clock')
          .select('status')
          .where('case_id', '=', id)
          .where('clock', '=', 'D10')
          .executeTakeFirstOrThrow()
      ).status;
    expect(await d10()).toBe('running');
    await p.goto(`${server.origin}/staff/police/referrals/${rid}`);
    for (const radio of await p.getByRole('radio', { name: '确认接收' }).all()) await radio.check();
    await p.getByRole('button', { name: '提交接收确认' }).click();
    expect(await p.locator('.handover').textContent()).toContain('公安机关已确认接收');
    expect(await d10()).toBe('stopped');

    // The package, through the officer's session, and the public key the portal shows.
    const zipRes = await pctx.request.get(`${server.origin}/staff/police/referrals/${rid}/package.zip`);
    expect(zipRes.headers()['content-type']).toBe('application/zip');
    const zip = Buffer.from(await zipRes.body());
    await p.goto(`${server.origin}/staff/police/public-key`);
    const fingerprint = (await p.locator('.fingerprint').textContent())?.trim() ?? '';
    expect(fingerprint).toMatch(/^([0-9a-f]{4}:){15}[0-9a-f]{4}$/);
    const pem = await (await pctx.request.get(`${server.origin}/staff/police/public-key.pem`)).text();
    const entries = readZip(zip);
    const names = entries.map((e) => e.name);
    expect(names).toEqual(
      expect.arrayContaining(['referral.html', '其他材料/举报材料.txt', '检验报告/01-ZJ-2026_0457.pdf', 'README-核验说明.txt']),
    );
    const letter = Buffer.from(entries.find((e) => e.name === 'referral.html')!.data).toString('utf8');
    expect(letter).toContain(FINDINGS);
    expect(letter).toContain('疑似地沟油成品');
    expect(Buffer.from(entries.find((e) => e.name === 'README-核验说明.txt')!.data).toString('utf8')).toContain(fingerprint);
    for (const e of entries) expect(Buffer.from(e.data).toString('utf8')).not.toContain('孙丽华');

    // A fresh machine: an empty data folder, the key file and the ZIP; nothing else.
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'police-pc-'));
    const data = path.join(fresh, 'data');
    mkdirSync(data);
    writeFileSync(path.join(fresh, 'referral-public-key.pem'), pem);
    writeFileSync(path.join(fresh, 'package.zip'), zip);
    const run = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        path.resolve('src/referral/verify.cli.ts'),
        '--public-key',
        path.join(fresh, 'referral-public-key.pem'),
        path.join(fresh, 'package.zip'),
      ],
      { env: { PATH: process.env.PATH ?? '', HOME: fresh, DATA_DIR: data }, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(data)).toEqual([]);

    // The letter is readable at 375 px (no sideways scrolling) and prints on A4.
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 800 } });
    contexts.push(phone);
    await phone.addCookies(await pctx.cookies());
    const lp = await phone.newPage();
    await lp.goto(`${server.origin}/staff/police/referrals/${rid}/letter`);
    expect(await lp.locator('h1').textContent()).toBe('涉嫌犯罪案件移送书');
    expect(await lp.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);
    await lp.screenshot({ path: path.join(SHOTS, 'referral-letter-375.png'), fullPage: true });
    const pdf = await lp.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(path.join(SHOTS, 'referral-letter-a4.pdf'), pdf);
    // The standalone letter in the ZIP too (a blank page: opened from the unpacked folder, styles inline).
    const standalone = await phone.newPage();
    await standalone.setContent(letter);
    expect(await standalone.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(375);

    expect(traffic.flatMap((t) => t.foreign)).toEqual([]);
  }, 240_000);
});
