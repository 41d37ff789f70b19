// Accessibility and weight of the portal in a real browser (Chromium, JavaScript on, as most citizens
// have it): keyboard-only use with a visible focus everywhere, a label on every control, errors tied
// to their controls and announced, AA contrast of every piece of text, no horizontal scrolling at 375 px,
// no CSP violation, pages under 100 KB, and no request leaving the origin.
// Browser-side checks are passed as strings: the project's TypeScript has no DOM library.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type PortalServer,
  type Traffic,
  WIDTHS,
  launchChromium,
  screenshots,
  startPortal,
  watchTraffic,
} from '../http/public/portal-browser.ts';
import { AUDIT } from '../helpers/a11y.ts';

let server: PortalServer;
let browser: Browser;
let context: BrowserContext;
let traffic: Traffic;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  server = await startPortal();
  browser = await launchChromium();
  context = await browser.newContext({ locale: 'zh-CN', viewport: { width: WIDTHS.phone, height: 800 } });
  traffic = await watchTraffic(context, server.origin);
  page = await context.newPage();
  // A CSP violation (an inline style or script, a foreign resource) is reported as a console error.
  page.on('console', (m) => {
    // Chromium also logs every 4xx document (a form re-rendered with errors is a 422): those are expected.
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

interface Focused {
  tag: string;
  id: string;
  name: string | null;
  type: string | null;
  text: string;
  visibleRing: boolean;
  onScreen: boolean;
}

const FOCUSED = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const cs = getComputedStyle(e);
  const r = e.getBoundingClientRect();
  return {
    tag: e.tagName.toLowerCase(), id: e.id, name: e.getAttribute('name'), type: e.getAttribute('type'),
    text: (e.textContent || '').trim().slice(0, 40),
    visibleRing: (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2) || cs.boxShadow !== 'none',
    onScreen: r.width > 0 && r.height > 0 && r.left >= 0 && r.right <= window.innerWidth + 1,
  };
})()`;

/** Bytes of everything but images since the last navigation started, counted by the server. */
let weightFrom = 0;
const weight = () => server.served.bytes - weightFrom;

async function audit(label: string): Promise<void> {
  const problems = (await page.evaluate(AUDIT)) as string[];
  expect(problems, label).toEqual([]);
  await page.setViewportSize({ width: WIDTHS.desktop, height: 800 });
  expect((await page.evaluate(AUDIT)) as string[], `${label} at ${WIDTHS.desktop}px`).toEqual([]);
  await page.setViewportSize({ width: WIDTHS.phone, height: 800 });
}

async function visit(url: string): Promise<void> {
  weightFrom = server.served.bytes;
  await page.goto(url, { waitUntil: 'networkidle' });
}

async function focused(): Promise<Focused | null> {
  return (await page.evaluate(FOCUSED)) as Focused | null;
}

/** Presses Tab until the predicate holds; every stop on the way must show a visible focus ring. */
async function tabTo(pred: (f: Focused) => boolean, max = 60): Promise<Focused[]> {
  const path: Focused[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const f = await focused();
    if (!f) continue;
    path.push(f);
    expect(f.visibleRing, `focus ring on ${f.tag}#${f.id} ${f.text}`).toBe(true);
    if (pred(f)) return path;
  }
  throw new Error(`not reached by Tab: ${JSON.stringify(path.map((f) => f.id || f.text))}`);
}

describe('portal accessibility (JavaScript on)', () => {
  it('the audit itself finds what it looks for (so a pass means something)', async () => {
    const probe = await context.newPage();
    await probe.setViewportSize({ width: WIDTHS.phone, height: 800 });
    await probe.setContent(
      '<html lang="en"><body><p style="color:#999">灰色文字</p><input name="x" aria-describedby="nope"><div style="width:900px">宽</div></body></html>',
    );
    const problems = ((await probe.evaluate(AUDIT)) as string[]).join('\n');
    await probe.close();
    for (const p of [
      'contrast 2.85 for "灰色文字"',
      'no label: x',
      'aria-describedby points at nothing: nope',
      'horizontal scroll',
      'lang',
      'h1 count',
    ])
      expect(problems).toContain(p);
  });

  it.each(['/', '/submit', '/submit/complaint', '/submit/report', '/submit/both', '/submit/consultation', '/status'])(
    '%s: labels, contrast, reflow at 375 px and 1280 px, under 100 KB',
    async (p) => {
      await visit(`${server.origin}${p}`);
      await audit(p);
      expect(weight()).toBeGreaterThan(1000);
      expect(weight()).toBeLessThan(100 * 1024);
    },
  );

  it('error pages announce the errors, focus the summary, and tie each error to its control', async () => {
    await visit(`${server.origin}/submit/both`);
    await page.getByLabel('联系电话').fill('123');
    await page.getByRole('button', { name: '提交投诉并举报' }).click();
    await page.locator('.error-summary').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.error-summary').getAttribute('role')).toBe('alert');
    expect(await page.evaluate(`document.activeElement.classList.contains('error-summary')`)).toBe(true);
    const invalid = await page.locator('[aria-invalid="true"]').count();
    expect(invalid).toBeGreaterThanOrEqual(4);
    await audit('/submit with errors');
    expect(weight()).toBeLessThan(100 * 1024);
    await screenshots(page, 'a11y-both-errors');
    // Following a summary link takes the keyboard user to the control.
    await page
      .getByRole('alert')
      .getByRole('link', { name: /联系电话格式不正确/ })
      .press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Shift+Tab');
    expect((await focused())?.id).toBe('f-person-phone');
  });

  it('every control of the report form is reached by Tab, with a visible focus; the honeypot never is', async () => {
    await visit(`${server.origin}/submit/report`);
    const path = await tabTo((f) => f.tag === 'button' && f.text === '提交举报');
    const names = new Set(path.map((f) => f.name).filter(Boolean));
    for (const n of [
      'anonymous',
      'description',
      'product',
      'incidentDate',
      'township',
      'place',
      'business.name',
      'business.address',
      'business.platform',
      'person.name',
      'person.phone',
      'person.address',
      'person.idNumber',
      'files',
      'wantsReward',
      'rewardPassword',
    ]) {
      expect(names.has(n), n).toBe(true);
    }
    expect(names.has('website')).toBe(false);
    for (const f of path) expect(f.onScreen, `${f.tag}#${f.id} on screen when focused`).toBe(true);
  });

  it('a citizen can file an anonymous report and look it up with the keyboard alone', async () => {
    await visit(`${server.origin}/`);
    const skip = await tabTo(() => true);
    expect(skip[0]?.text).toBe('跳到主要内容');
    await tabTo((f) => f.tag === 'a' && f.text === '我要投诉举报');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}/submit`);
    await tabTo((f) => f.text === '我要举报');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.origin}/submit/report`);
    await tabTo((f) => f.name === 'anonymous');
    await page.keyboard.press('ArrowDown'); // moves to, and selects, 匿名举报
    expect(await page.locator('#f-anonymous-yes').isChecked()).toBe(true);
    await tabTo((f) => f.name === 'description');
    await page.keyboard.type('学校门口的小卖部在卖过期的辣条，很多小学生买。');
    await tabTo((f) => f.name === 'wantsReward');
    await page.keyboard.press('Space');
    expect(await page.locator('#f-wantsReward').isChecked()).toBe(true);
    // An anonymous reporter claims with the query code and a claim password set here.
    await tabTo((f) => f.name === 'rewardPassword');
    await page.keyboard.type('Xz-2026-tip');
    await tabTo((f) => f.tag === 'button');
    await page.keyboard.press('Enter');
    await page.locator('#query-code').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('h1').textContent()).toBe('提交成功');
    const number = (await page.locator('[data-case-number]').textContent())?.trim() ?? '';
    const code = (await page.locator('#query-code').textContent())?.trim() ?? '';
    const row = await server.t.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'report', channel: 'web', anonymous: 1, wants_reward: 1 });
    await audit('receipt');
    expect(weight()).toBeLessThan(100 * 1024);

    // Status lookup by keyboard.
    await visit(`${server.origin}/status`);
    await tabTo((f) => f.name === 'number');
    await page.keyboard.type(number);
    await page.keyboard.press('Tab');
    await page.keyboard.type(code);
    await page.keyboard.press('Enter'); // submits the form from a text field
    await page.locator('#status-now').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#status-now').textContent()).toBe('已接收，正在分派办理');
    await audit('status page');
  });

  it('nothing violated the CSP, and no request left the origin', () => {
    expect(consoleErrors).toEqual([]);
    expect(traffic.seen.length).toBeGreaterThan(10);
    expect(traffic.foreign).toEqual([]);
  });
});
