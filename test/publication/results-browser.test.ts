// The public results and statistics pages in a real browser (Debian's Chromium via playwright-core, as the
// portal's tests): no request leaves the origin, no CSP violation, and the same accessibility audit as the
// portal (labels, contrast, reflow at 375 px and 1280 px, one h1, lang) plus keyboard focus visibility.
// The audit script is the portal's (test/helpers/a11y.ts), shared with test/e2e/portal-a11y.test.ts.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDisposition, createDraftDisposition } from '../../src/publication/disposition.service.ts';
import {
  type PortalServer,
  type Traffic,
  WIDTHS,
  launchChromium,
  screenshots,
  startPortal,
  watchTraffic,
} from '../http/public/portal-browser.ts';
import { ENTITY, PII, SUPERVISOR, decidedPenalty, mediated } from './publication-fixtures.ts';
import { AUDIT } from '../helpers/a11y.ts';

let server: PortalServer;
let browser: Browser;
let context: BrowserContext;
let traffic: Traffic;
let page: Page;
const consoleErrors: string[] = [];
let ref = '';
let mediatedRef = '';
let businessKey = '';

beforeAll(async () => {
  server = await startPortal();
  const deps = server.t.deps;
  for (const caseId of [await decidedPenalty(deps), await mediated(deps, { consent: true })]) {
    const r = await createDraftDisposition(deps, caseId);
    if (!('disposition' in r)) throw new Error('no draft');
    const d = await approveDisposition(deps, r.disposition.id, SUPERVISOR);
    if (d.outcome === 'penalty') {
      ref = d.public_ref;
      businessKey = d.business_key ?? '';
    } else mediatedRef = d.public_ref;
  }
  // Five more mediated complaints (not published): the statistics then show figures, not only
  // "不足5件，不公开".
  for (let i = 0; i < 5; i++) await mediated(deps, { business: '新郑市老街坊食品店' });
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: WIDTHS.phone, height: 800 } });
  traffic = await watchTraffic(context, server.origin);
  page = await context.newPage();
  page.on('console', (m) => {
    if (
      (m.type() === 'error' || m.type() === 'warning') &&
      !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text())
    )
      consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const esc = (s: string) => new RegExp(s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
const PENALTY = () => [
  esc(ref),
  /行政处罚/,
  esc(ENTITY),
  /没收违法所得1200元，并处罚款人民币5,000元。/,
  /罚款\s*5,000 元/,
  /没收违法所得\s*1,200 元/,
];
const MEDIATION = () => [esc(mediatedRef), /调解成功/, /商家退还货款并赔偿\[姓名\]女士1000元。/];
/** What each page must show (its records, their references and figures). */
const MUST_SHOW: Record<string, () => RegExp[]> = {
  list: () => [...PENALTY(), ...MEDIATION(), /餐饮服务 · 新华路街道/, /\d{4}年\d{1,2}月\d{1,2}日 · \d{4}年\d{1,2}月\d{1,2}日/],
  'filtered list': () => [...PENALTY(), ...MEDIATION()],
  detail: () => [
    ...PENALTY(),
    // The record never says whether the case came from a complaint or a report (Order 45).
    /公开编号 \S+/,
    /查明的事实/,
    /经查，当事人新郑市好味道餐饮有限公司使用超过保质期的食品原料加工卤菜，员工\[姓名\]（电话\[手机号\]）对此知情/,
  ],
  business: () => [esc(ENTITY), /已公开的处理结果 2 条，其中行政处罚 1 条、调解 1 条。/, ...PENALTY(), ...MEDIATION()],
  statistics: () => [/投诉举报统计/, /每月受理量/, /餐饮服务/, /新华路街道/, /新华路市场监管所/, /调解成功 6 件/, /不足5件，不公开/],
};
/** What a page must not show: the other records (a filter or a detail page that shows everything fails). */
const MUST_NOT_SHOW: Record<string, () => string[]> = {
  detail: () => [mediatedRef, '新郑市老街坊食品店', '举报', '投诉'],
  business: () => ['新郑市老街坊食品店'],
  list: () => ['新郑市老街坊食品店'],
};

const FOCUS_RING = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const cs = getComputedStyle(e);
  return (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none';
})()`;

async function audit(label: string): Promise<void> {
  expect((await page.evaluate(AUDIT)) as string[], label).toEqual([]);
  await page.setViewportSize({ width: WIDTHS.desktop, height: 800 });
  expect((await page.evaluate(AUDIT)) as string[], `${label} at ${WIDTHS.desktop}px`).toEqual([]);
  await page.setViewportSize({ width: WIDTHS.phone, height: 800 });
}

describe('public results pages in Chromium', () => {
  it('the audit finds what it looks for (so a pass means something)', async () => {
    const probe = await context.newPage();
    await probe.setContent(
      '<html lang="en"><body><p style="color:#999">灰色文字</p><input name="x"><div style="width:900px">宽</div></body></html>',
    );
    const problems = ((await probe.evaluate(AUDIT)) as string[]).join('\n');
    await probe.close();
    for (const p of ['contrast', 'no label: x', 'horizontal scroll', 'lang', 'h1 count']) expect(problems).toContain(p);
  });

  it.each([
    ['list', () => '/results'],
    ['filtered list', () => `/results?category=catering&township=${encodeURIComponent('新华路街道')}&from=2026-01-01`],
    ['detail', () => `/results/${ref}`],
    ['business', () => `/results/business/${encodeURIComponent(businessKey)}`],
    ['statistics', () => '/statistics'],
  ])('%s: labels, contrast, reflow, no personal data', async (name, path) => {
    const res = await page.goto(`${server.origin}${path()}`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    await audit(name);
    const text = (await page.content()) ?? '';
    for (const v of Object.values(PII)) expect(text.includes(v), v).toBe(false);
    // Content, not only absence: the records, references and figures the page exists to show.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text, with its line breaks and separators, is what a reader sees
    const main = await page.locator('main').innerText();
    for (const want of MUST_SHOW[name]?.() ?? []) expect(main, `${name} shows ${String(want)}`).toMatch(want);
    for (const not of MUST_NOT_SHOW[name]?.() ?? []) expect(main, `${name} does not show ${not}`).not.toContain(not);
    await screenshots(page, `results-${name.replace(/\s/g, '-')}`);
  });

  it('the filter form works by keyboard with a visible focus on every stop', async () => {
    await page.goto(`${server.origin}/results`, { waitUntil: 'networkidle' });
    let reached = false;
    for (let i = 0; i < 40 && !reached; i++) {
      await page.keyboard.press('Tab');
      const ring = (await page.evaluate(FOCUS_RING)) as boolean | null;
      if (ring === null) continue;
      expect(ring).toBe(true);
      reached = (await page.evaluate('document.activeElement && document.activeElement.id')) === 'f-business';
    }
    expect(reached).toBe(true);
    await page.keyboard.type('好味道');
    await page.keyboard.press('Enter');
    await page.waitForURL(/business=/);
    expect(await page.locator('main').textContent()).toContain(ref);
  });

  it('made no request outside the origin and no CSP violation', () => {
    expect(traffic.foreign).toEqual([]);
    expect(traffic.seen.length).toBeGreaterThan(5);
    expect(consoleErrors).toEqual([]);
  });
});
