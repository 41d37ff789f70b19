// The web portal over HTTP, in memory (app.request), on a real database: what a citizen depends on.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../src/http/app.ts';
import { PORTAL_CSP } from '../../../src/http/csp.ts';
import { RateLimits } from '../../../src/http/rate-limit.ts';
import { portalRoutes } from '../../../src/http/public/portal.routes.tsx';
import { STYLESHEET } from '../../../src/http/public/static.ts';
import { ManualClock } from '../../../src/lib/clock.ts';
import type { TestDeps } from '../../helpers/env.ts';
import { EXE_HEADER, PNG_1x1 } from '../../helpers/files.ts';
import { testDeps as portalTestDeps } from '../../helpers/env.ts';

type App = { request: Hono['request'] };

let t: TestDeps;
let app: App;
let clock: ManualClock;

beforeAll(async () => {
  clock = new ManualClock(new Date());
  t = await portalTestDeps({ clock });
  app = createApp(t.deps);
});
afterAll(async () => t.close());

const CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

interface Session {
  cookie: string;
  token: string;
}

const tokenIn = (html: string): string => {
  const m = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!m?.[1]) throw new Error('no CSRF token on the page');
  return m[1];
};

/** Opens a page the way a browser does: keeps the cookie it sets, reads the form token. */
async function open(a: App, p: string, cookie?: string): Promise<Session & { html: string; res: Response }> {
  const res = await a.request(p, { headers: cookie ? { cookie } : {} });
  const html = await res.text();
  const set = /st_csrf=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
  return { cookie: cookie ?? set ?? '', token: tokenIn(html), html, res };
}

async function post(
  a: App,
  p: string,
  fields: Record<string, string>,
  s: Partial<Session>,
  opts: { files?: { name: string; bytes: Buffer }[]; headers?: Record<string, string> } = {},
) {
  const fd = new FormData();
  if (s.token !== undefined) fd.set('_csrf', s.token);
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  for (const f of opts.files ?? []) fd.append('files', new File([new Uint8Array(f.bytes)], f.name));
  const res = await a.request(p, { method: 'POST', body: fd, headers: { ...(s.cookie ? { cookie: s.cookie } : {}), ...opts.headers } });
  return { res, html: await res.text() };
}

/** The text of the error element tied to a control (id e-…), or null. */
function errorAt(html: string, slot: string): string | null {
  const id = `e-${slot.replace('.', '-')}`;
  const m = new RegExp(`<div class="error-message" id="${id}">(.*?)</div>`).exec(html);
  return m?.[1] ? m[1].replace(/<[^>]+>/g, '') : null;
}

/** The attributes of the control with this name. */
function control(html: string, name: string): string {
  const m = new RegExp(`<(input|textarea|select)[^>]*name="${name.replace('.', '\\.')}"[^>]*>`).exec(html);
  if (!m) throw new Error(`no control ${name}`);
  return m[0];
}
// biome-ignore lint/suspicious/noShadowRestrictedNames: a local helper (the value of a form control), never Object.prototype.valueOf
const valueOf = (html: string, name: string) => /value="([^"]*)"/.exec(control(html, name))?.[1];
const textareaOf = (html: string, name: string) => new RegExp(`name="${name}"[^>]*>([^<]*)</textarea>`).exec(html)?.[1];

const receiptOf = (html: string) => ({
  numbers: [...html.matchAll(/data-case-number="([^"]+)"/g)].map((m) => m[1] ?? ''),
  code: /id="query-code"[^>]*>([^<]+)</.exec(html)?.[1] ?? '',
});

const evidenceFiles = (): number => {
  const dir = path.join(t.env.dataDir, 'evidence');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
};

async function counts() {
  const n = async (table: 'intake_case' | 'party' | 'evidence') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return { cases: await n('intake_case'), parties: await n('party'), evidence: await n('evidence') };
}

const COMPLAINT = {
  kind: 'complaint',
  description: '11月20日在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。',
  product: '纯牛奶 250毫升',
  township: '新建路街道',
  'business.name': '新郑市好又多便利店',
  'business.address': '新郑市新建路128号',
  request: '退款并按食品安全法赔偿',
  'person.name': '张伟',
  'person.phone': '138 1234 5678',
  'person.address': '新郑市人民路8号院',
  consentToPublish: '1',
};

describe('pages', () => {
  const pages = ['/', '/submit', '/submit/complaint', '/submit/report', '/submit/both', '/submit/consultation', '/status'];

  it.each(pages)(
    '%s is Chinese, strict CSP, no scripts or inline styles, nothing external, under 100 KB with its stylesheet',
    async (p) => {
      const res = await app.request(p);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      const html = await res.text();
      expect(html.startsWith('<!DOCTYPE html><html lang="zh-CN">')).toBe(true);
      expect(html).not.toMatch(/<script|<style|\sstyle=|\son[a-z]+=/i);
      for (const m of html.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) expect(m[1]).toMatch(/^(\/(?!\/)|#|data:)/);
      expect(html).toContain(`<link rel="stylesheet" href="${STYLESHEET.path}"/>`);
      expect(Buffer.byteLength(html) + Buffer.byteLength(STYLESHEET.body)).toBeLessThan(100 * 1024);
    },
  );

  it('serves its one stylesheet from a content-hashed URL, cacheable', async () => {
    const res = await app.request(STYLESHEET.path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(await res.text()).toBe(STYLESHEET.body);
    expect(STYLESHEET.body).not.toMatch(/@import|url\(/);
  });

  it('the home page states the legal time limits from the deadline rules', async () => {
    const html = await (await app.request('/')).text();
    for (const s of [
      '7个工作日内，决定是否受理',
      '60天内结束',
      '15个工作日内完成核查',
      '可延长15个工作日',
      '90天内作出处理决定',
      '匿名',
      '最高100万元',
    ])
      expect(html).toContain(s);
    for (const k of ['complaint', 'report', 'both', 'consultation']) expect(html).toContain(`href="/submit/${k}"`);
  });

  it('each form shows the fields its kind needs', async () => {
    const complaint = (await open(app, '/submit/complaint')).html;
    for (const f of [
      'person.name',
      'person.phone',
      'person.address',
      'business.name',
      'business.address',
      'request',
      'description',
      'township',
      'place',
      'incidentDate',
      'files',
      'consentToPublish',
    ])
      expect(complaint).toContain(`name="${f}"`);
    expect(complaint).not.toContain('name="anonymous"');
    expect(complaint).not.toContain('name="wantsReward"');
    const report = (await open(app, '/submit/report')).html;
    for (const f of ['anonymous', 'wantsReward', 'person.idNumber', 'files']) expect(report).toContain(`name="${f}"`);
    expect(report).not.toContain('name="request"');
    const consultation = (await open(app, '/submit/consultation')).html;
    expect(consultation).toContain('name="description"');
    expect(consultation).not.toMatch(/name="(person\.|business\.|files)/);
    // every control has a label, bound by id
    for (const html of [complaint, report, consultation]) {
      for (const m of html.matchAll(/<(?:input|select|textarea)\b[^>]*>/g)) {
        if (/type="hidden"/.test(m[0])) continue;
        const id = /\sid="([^"]+)"/.exec(m[0])?.[1];
        expect(id, m[0]).toBeTruthy();
        expect(html).toContain(`<label for="${id}">`);
      }
    }
  });

  it('an unknown kind is a Chinese 404 page, not JSON', async () => {
    const res = await app.request('/submit/praise');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('没有这个页面');
  });
});

describe('submitting through the form', () => {
  it('a complaint with a photo becomes a case like any other; the receipt is the POST answer, never cached, and its code works', async () => {
    const before = await counts();
    const s = await open(app, '/submit/complaint');
    const { res, html } = await post(app, '/submit', COMPLAINT, s, { files: [{ name: '小票.png', bytes: PNG_1x1 }] });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const r = receiptOf(html);
    expect(r.numbers).toHaveLength(1);
    expect(r.numbers[0]).toMatch(/^XZ-\d{8}-\d{6}$/);
    expect(r.code.replaceAll('-', '')).toMatch(/^[0-9A-Z]{26}$/);
    expect(html).toContain('查询码只显示这一次');
    expect(html).toContain('作出是否受理的决定');
    // the text download carries the number and the code; the picture's form posts both
    const text = decodeURIComponent(/href="data:text\/plain;charset=utf-8,([^"]+)"/.exec(html)?.[1] ?? '');
    expect(text).toContain(r.code);
    expect(text).toContain(r.numbers[0]);
    const imageForm = /<form method="post" action="\/receipt\/image"[^>]*>(.*?)<\/form>/.exec(html)?.[1] ?? '';
    expect(imageForm).toContain(`name="number" value="${r.numbers[0]}"`);
    expect(imageForm).toContain(`name="code" value="${r.code}"`);

    const row = await t.db.selectFrom('intake_case').selectAll().where('number', '=', r.numbers[0]!).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'complaint',
      status: 'received',
      channel: 'web',
      business_name: '新郑市好又多便利店',
      township: '新建路街道',
      citizen_request: '退款并按食品安全法赔偿',
      consent_publish: 1,
      anonymous: 0,
    });
    const events = await t.db.selectFrom('case_event').select(['type', 'actor_role']).where('case_id', '=', row.id).execute();
    expect(events).toEqual([{ type: 'submit', actor_role: 'citizen' }]);
    expect(await t.db.selectFrom('evidence').select('mime').where('case_id', '=', row.id).execute()).toEqual([{ mime: 'image/png' }]);
    const party = await t.db.selectFrom('party').selectAll().where('case_id', '=', row.id).executeTakeFirstOrThrow();
    expect(t.deps.cipher.open(party.identity_enc, `party:${party.id}`)).toMatchObject({
      name: '张伟',
      phone: '13812345678',
      address: '新郑市人民路8号院',
    });
    expect(await counts()).toEqual({ cases: before.cases + 1, parties: before.parties + 1, evidence: before.evidence + 1 });

    const api = await app.request(`/api/v1/cases/${r.numbers[0]}/status`, { headers: { 'x-query-code': r.code } });
    expect(api.status).toBe(200);
    expect(await api.json()).toMatchObject({ number: r.numbers[0], kind: 'complaint', status: '已接收，正在分派办理' });

    // the status page, with the code typed in lower case and without dashes
    const look = await open(app, '/status', s.cookie);
    const st = await post(app, '/status', { number: r.numbers[0]!.toLowerCase(), code: r.code.toLowerCase().replaceAll('-', '') }, look);
    expect(st.res.status).toBe(200);
    expect(st.res.headers.get('cache-control')).toBe('no-store');
    expect(st.html).toContain('已接收，正在分派办理');
    expect(st.html).toContain('收到您的投诉');
    expect(st.html).toMatch(/市场监管部门应于 \d{4}年\d{1,2}月\d{1,2}日 前作出是否受理的决定并告知您|具体截止日期待/);
  });

  it('a complaint and report in one: two numbers, one code; each number finds the other', async () => {
    const s = await open(app, '/submit/both');
    const { res, html } = await post(
      app,
      '/submit',
      { ...COMPLAINT, kind: 'both', 'person.idNumber': '11010519491231002X', wantsReward: '1' },
      s,
    );
    expect(res.status).toBe(201);
    const r = receiptOf(html);
    expect(r.numbers).toHaveLength(2);
    const kinds = await t.db
      .selectFrom('intake_case')
      .select(['number', 'kind', 'wants_reward'])
      .where('number', 'in', r.numbers)
      .orderBy('number')
      .execute();
    expect(kinds).toEqual([
      { number: r.numbers[0], kind: 'complaint', wants_reward: 0 },
      { number: r.numbers[1], kind: 'report', wants_reward: 1 },
    ]);
    const look = await open(app, '/status', s.cookie);
    const st = await post(app, '/status', { number: r.numbers[1]!, code: r.code }, look);
    expect(st.html).toContain('收到您的举报');
    expect(st.html).toContain(`<input type="hidden" name="number" value="${r.numbers[0]}"/>`);
  });

  it('an anonymous report stores no person', async () => {
    const s = await open(app, '/submit/report');
    const { res, html } = await post(
      app,
      '/submit',
      {
        kind: 'report',
        anonymous: 'yes',
        description: '龙湖镇某村东头有个小作坊，晚上收泔水油回来熬，白天卖给早餐摊。',
        'business.name': '无招牌油坊',
        township: '龙湖镇',
        wantsReward: '1',
        rewardPassword: 'Lhz-2026-oil',
      },
      s,
    );
    expect(res.status).toBe(201);
    const number = receiptOf(html).numbers[0]!;
    const row = await t.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'report', anonymous: 1, wants_reward: 1, channel: 'web', consent_publish: 0 });
    expect(await t.db.selectFrom('party').selectAll().where('case_id', '=', row.id).execute()).toEqual([]);
  });

  it('a consultation needs only the question', async () => {
    const s = await open(app, '/submit/consultation');
    const { res, html } = await post(app, '/submit', { kind: 'consultation', description: '在网上买的零食有问题，应该向哪里投诉？' }, s);
    expect(res.status).toBe(201);
    const row = await t.db
      .selectFrom('intake_case')
      .selectAll()
      .where('number', '=', receiptOf(html).numbers[0]!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'consultation', channel: 'web' });
  });

  it('re-posting the same form (reload, double click) replays the receipt instead of filing twice', async () => {
    const before = await counts();
    const s = await open(app, '/submit/consultation');
    const body = { kind: 'consultation', description: '外卖吃出头发，应该找平台还是找店家？' };
    const a = await post(app, '/submit', body, s);
    const b = await post(app, '/submit', body, s);
    expect(a.res.status).toBe(201);
    expect(b.res.status).toBe(200);
    expect(receiptOf(b.html)).toEqual(receiptOf(a.html));
    expect(b.html).toContain('没有重复登记');
    expect((await counts()).cases).toBe(before.cases + 1);
    // the same form sent again with other content is not filed either: the form comes back to confirm
    const c = await post(app, '/submit', { ...body, description: '外卖吃出头发，应该找平台还是找店家？谢谢' }, s);
    expect(c.res.status).toBe(409);
    expect(c.html).toContain('这份表单已经提交过一次');
    expect(textareaOf(c.html, 'description')).toBe('外卖吃出头发，应该找平台还是找店家？谢谢');
    expect((await counts()).cases).toBe(before.cases + 1);
  });
});

describe('validation errors', () => {
  it('appear next to each field, in Chinese, tied to the control, with everything typed kept and nothing stored', async () => {
    const before = await counts();
    const filesBefore = evidenceFiles();
    const s = await open(app, '/submit/complaint');
    const typed = {
      kind: 'complaint',
      description: '太短了',
      'person.name': '张伟<b>',
      'person.phone': '12345',
      place: '新华路 "老街" 口',
      township: '龙湖镇',
      consentToPublish: '1',
    };
    const { res, html } = await post(app, '/submit', typed, s, { files: [{ name: 'a.png', bytes: PNG_1x1 }] });
    expect(res.status).toBe(422);
    expect(html).toContain('role="alert"');
    expect(errorAt(html, 'description')).toContain('事情经过至少需要5个字');
    expect(errorAt(html, 'person.phone')).toContain('联系电话格式不正确');
    expect(errorAt(html, 'person.address')).toContain('投诉需要填写您的联系地址');
    expect(errorAt(html, 'business')).toContain('投诉需要填写被投诉经营者的名称和地址');
    expect(errorAt(html, 'request')).toContain('投诉需要写明您的诉求');
    expect(errorAt(html, 'person.name')).toBeNull();
    expect(control(html, 'person.phone')).toContain('aria-describedby="h-person-phone e-person-phone"');
    expect(control(html, 'person.phone')).toContain('aria-invalid="true"');
    expect(html).toContain('href="#f-person-phone"');
    // typed values come back, escaped
    expect(textareaOf(html, 'description')).toBe('太短了');
    expect(valueOf(html, 'person.name')).toBe('张伟&lt;b&gt;');
    expect(valueOf(html, 'person.phone')).toBe('12345');
    expect(valueOf(html, 'place')).toBe('新华路 &quot;老街&quot; 口');
    expect(html).toMatch(/<option value="龙湖镇" selected="">/);
    expect(control(html, 'consentToPublish')).toContain('checked');
    // the file must be chosen again, and the page says so
    expect(html).toContain('您刚才选择的1个文件没有保留');
    expect(await counts()).toEqual(before);
    expect(evidenceFiles()).toBe(filesBefore);
  });

  it('a file of the wrong type is refused next to the file control, nothing stored', async () => {
    const before = await counts();
    const filesBefore = evidenceFiles();
    const s = await open(app, '/submit/report');
    const { res, html } = await post(
      app,
      '/submit',
      { kind: 'report', anonymous: 'yes', description: '学校门口小卖部在卖过期的辣条和饮料。' },
      s,
      { files: [{ name: 'photo.jpg', bytes: EXE_HEADER }] },
    );
    expect(res.status).toBe(422);
    expect(errorAt(html, 'files')).toContain('“photo.jpg”的类型不支持');
    expect(html).toContain('<input type="radio" id="f-anonymous-yes" name="anonymous" value="yes" checked=""/>');
    expect(await counts()).toEqual(before);
    expect(evidenceFiles()).toBe(filesBefore);
  });

  it('an anonymous report with a name is refused at the person group', async () => {
    const s = await open(app, '/submit/report');
    const { res, html } = await post(
      app,
      '/submit',
      { kind: 'report', anonymous: 'yes', description: '学校门口小卖部在卖过期的辣条和饮料。', 'person.name': '李娜' },
      s,
    );
    expect(res.status).toBe(422);
    expect(errorAt(html, 'person')).toContain('已选择匿名举报，请不要填写个人信息');
  });
});

describe('CSRF and anti-spam', () => {
  const body = { kind: 'consultation', description: '请问散装白酒需要什么许可证才能卖？' };

  it('refuses a POST without the cookie, with another cookie, or marked cross-site; keeps what was typed', async () => {
    const before = await counts();
    const s = await open(app, '/submit/consultation');
    const other = await open(app, '/submit/consultation');
    for (const attempt of [
      await post(app, '/submit', body, { token: s.token }),
      await post(app, '/submit', body, { token: s.token, cookie: other.cookie }),
      await post(app, '/submit', body, s, { headers: { 'sec-fetch-site': 'cross-site' } }),
      await post(app, '/submit', body, { cookie: s.cookie }),
    ]) {
      expect(attempt.res.status).toBe(403);
      expect(attempt.html).toContain('role="alert"');
      expect(textareaOf(attempt.html, 'description')).toBe(body.description);
    }
    expect(await counts()).toEqual(before);
  });

  it('an expired form comes back with a fresh token, and then goes through', async () => {
    const s = await open(app, '/submit/consultation');
    clock.advance(13 * 3600 * 1000);
    const stale = await post(app, '/submit', body, s);
    expect(stale.res.status).toBe(403);
    expect(stale.html).toContain('已过期');
    const fresh = await post(app, '/submit', body, { cookie: s.cookie, token: tokenIn(stale.html) });
    expect(fresh.res.status).toBe(201);
  });

  it('the status lookup needs a token too', async () => {
    const res = await post(app, '/status', { number: 'XZ-20260101-000001', code: 'X' }, {});
    expect(res.res.status).toBe(403);
  });

  it('a filled honeypot files nothing and shows the field with an explanation', async () => {
    const before = await counts();
    const blank = (await open(app, '/submit/consultation')).html;
    expect(blank).toMatch(
      /<div class="hp" aria-hidden="true"><label for="f-website">[^<]*<\/label><input type="text" id="f-website" name="website" value="" autocomplete="off" tabindex="-1"\/><\/div>/,
    );
    const s = await open(app, '/submit/consultation');
    const { res, html } = await post(app, '/submit', { ...body, website: 'http://spam.example' }, s);
    expect(res.status).toBe(422);
    expect(html).toContain('提交未通过自动检查');
    expect(html).not.toContain('<div class="hp"');
    expect(await counts()).toEqual(before);
  });
});

describe('the receipt as a picture (POST /receipt/image)', () => {
  it('a PNG drawn on the server for the right number and code; the lookup’s not-found otherwise; a token needed', async () => {
    const s = await open(app, '/submit/both');
    const both = await post(app, '/submit', { ...COMPLAINT, kind: 'both' }, s);
    expect(both.res.status).toBe(201);
    const made = receiptOf(both.html);
    expect(made.numbers).toHaveLength(2);
    expect(both.html).toContain('action="/receipt/image"');
    const look = await open(app, '/status', s.cookie);
    const ok = await app.request('/receipt/image', {
      method: 'POST',
      body: (() => {
        const fd = new FormData();
        fd.set('_csrf', look.token);
        fd.set('number', made.numbers[0]!);
        fd.set('code', made.code.toLowerCase());
        return fd;
      })(),
      headers: { cookie: look.cookie },
    });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('cache-control')).toBe('no-store');
    const png = Buffer.from(await ok.arrayBuffer());
    expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    // Both cases of the submission are on it: eight lines of 44 px plus margins, drawn at twice the size.
    expect(png.readUInt32BE(20)).toBe(2 * (48 + 8 * 44));

    const wrong = await post(app, '/receipt/image', { number: made.numbers[0]!, code: 'AAAA-BBBB-CCCC' }, look);
    expect(wrong.res.status).toBe(404);
    expect(wrong.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(wrong.html).toContain('未找到');
    expect((await post(app, '/receipt/image', { number: made.numbers[0]!, code: made.code }, {})).res.status).toBe(403);
  });
});

describe('status lookup', () => {
  it('an unknown number and a wrong code get the same answer; the number is kept', async () => {
    const s = await open(app, '/submit/consultation');
    const made = receiptOf((await post(app, '/submit', { kind: 'consultation', description: '请问过期食品可以要求十倍赔偿吗？' }, s)).html);
    const look = await open(app, '/status', s.cookie);
    const wrongCode = await post(app, '/status', { number: made.numbers[0]!, code: 'AAAA-BBBB-CCCC' }, look);
    const unknown = await post(app, '/status', { number: 'XZ-20000101-999999', code: made.code }, look);
    expect(wrongCode.res.status).toBe(404);
    expect(unknown.res.status).toBe(404);
    const alert = (h: string) => /role="alert"[\s\S]*?<\/ul>/.exec(h)?.[0].replace(/<[^>]+>/g, '');
    expect(alert(wrongCode.html)).toBe(alert(unknown.html));
    expect(alert(wrongCode.html)).toContain('未找到该编号的案件，或查询码不正确');
    expect(valueOf(wrongCode.html, 'number')).toBe(made.numbers[0]);
  });

  it('a malformed number is pointed out next to the number field', async () => {
    const look = await open(app, '/status');
    const { res, html } = await post(app, '/status', { number: '12345', code: '' }, look);
    expect(res.status).toBe(422);
    expect(errorAt(html, 'number')).toContain('案件编号格式应为');
    expect(errorAt(html, 'code')).toContain('请填写查询码');
  });

  it('shows questions staff asked when a source provides them (extension point), and no such section otherwise', async () => {
    const s = await open(app, '/submit/consultation');
    const made = receiptOf((await post(app, '/submit', { kind: 'consultation', description: '请问小作坊需要办什么证？' }, s)).html);
    const asked: string[] = [];
    const portal = portalRoutes(t.deps, {
      staffQuestions: async (n) => {
        asked.push(n);
        return [{ askedAt: '2026-11-21T09:30:00+08:00', text: '请补充购物小票的照片' }];
      },
    });
    const look = await open(portal, '/status', s.cookie);
    const st = await post(portal, '/status', { number: made.numbers[0]!, code: made.code }, look);
    expect(st.html).toContain('工作人员的问题');
    expect(st.html).toContain('2026年11月21日 09:30');
    expect(st.html).toContain('请补充购物小票的照片');
    expect(asked).toEqual([made.numbers[0]]);
    const plain = await post(app, '/status', { number: made.numbers[0]!, code: made.code }, await open(app, '/status', s.cookie));
    expect(plain.html).not.toContain('工作人员的问题');
    expect(plain.html).toContain('目前没有正在计算的法定时限');
  });

  it('the CSP in the code is the one the pages send', () => {
    expect(Object.keys(PORTAL_CSP)).toEqual(['defaultSrc', 'styleSrc', 'imgSrc', 'formAction', 'baseUri', 'frameAncestors']);
  });
});

describe('oversized uploads', () => {
  it('are refused with a Chinese page before anything is stored', async () => {
    const before = await counts();
    // The same database, an app that takes 1 file of 1 KB (body limit: 1 KB + 1 MB of form fields).
    const small = createApp({ ...t.deps, config: { ...t.deps.config, uploads: { maxFiles: 1, maxFileBytes: 1024 } } });
    const s = await open(small, '/submit/report');
    const big = Buffer.alloc(2 * 1024 * 1024, 0xff);
    const { res, html } = await post(
      small,
      '/submit',
      { kind: 'report', anonymous: 'yes', description: '学校门口小卖部在卖过期的辣条和饮料。' },
      s,
      { files: [{ name: 'video.mp4', bytes: big }] },
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('提交的内容过大');
    expect(await counts()).toEqual(before);
  });
});

describe('rate limits per client', () => {
  let lapp: App;
  let lowLimits: RateLimits;
  beforeAll(() => {
    // The same database, an app configured with low limits (RATE_LIMIT_*_PER_MINUTE=2).
    // Its own counters (another Redis prefix): the main app's requests of this minute do not count here.
    lowLimits = new RateLimits({ redisUrl: t.deps.config.redis.url, prefix: `${t.deps.config.queuePrefix}-low`, keyOf: (s) => s });
    const rateLimits = { ...t.deps.config.rateLimits, submissionsPerMinute: 2, lookupsPerMinute: 2 };
    lapp = createApp({ ...t.deps, limits: lowLimits, config: { ...t.deps.config, rateLimits } });
  });
  afterAll(async () => {
    await lowLimits.close();
  });

  it('answer too many submissions and lookups with a Chinese page and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++)
      statuses.push(
        (
          await post(
            lapp,
            '/submit',
            { kind: 'consultation', description: `第${i}个问题：过期食品怎么投诉？` },
            await open(lapp, '/submit/consultation'),
          )
        ).res.status,
      );
    expect(statuses).toEqual([201, 201]);
    const s = await open(lapp, '/submit/consultation');
    const third = await post(lapp, '/submit', { kind: 'consultation', description: '再问一次：过期食品怎么投诉？' }, s);
    expect(third.res.status).toBe(429);
    expect(third.res.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(third.res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(third.html).toContain('操作过于频繁');
    expect(third.res.headers.get('content-security-policy')).toBe(CSP);
    const look = await open(lapp, '/status', s.cookie);
    const lookups: number[] = [];
    for (let i = 0; i < 3; i++) lookups.push((await post(lapp, '/status', { number: 'XZ-20260101-000001', code: 'X' }, look)).res.status);
    expect(lookups).toEqual([404, 404, 429]);
  });
});
