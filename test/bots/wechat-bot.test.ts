// The WeChat bot on wechaty-puppet-mock against a real server (startRuntime) and real Redis: a bot case
// equals an API case; whole conversations, evidence, queries, corrections, restarts, hostile input,
// progress notices; and the bot API's authentication. The describe blocks run one after the other, each
// with its own database: on PostgreSQL, Kysely's migrator sees other live schemas' lock tables and fails
// when two test schemas are migrated while both exist (see the report), so this file never overlaps them.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShiantongClient } from '../../bots/wechat/api-client.ts';
import { deliverNotice } from '../../bots/wechat/notice-consumer.ts';
import { applyTransition, findCaseByNumber } from '../../src/cases/case.repository.ts';
import { askCitizen } from '../../src/cases/questions.service.ts';
import type { Db } from '../../src/db/database.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { createApp } from '../../src/http/app.ts';
import { type TestEnv, testDeps, testEnv } from '../helpers/env.ts';
import { PNG_1x1 } from '../helpers/files.ts';
import { BOT_TOKEN, type MockBot, botConfig, receiptOf, startMockBot } from './mock-wechat.ts';

/** The bot's and the queues' keys live under the test's own prefix: remove them. */
async function dropKeys(url: string, prefix: string): Promise<void> {
  const r = new Redis(url);
  const keys = await r.keys(`${prefix}:*`);
  if (keys.length) await r.del(...keys);
  r.disconnect();
}

const IGNORED = new Set([
  'id',
  'number',
  'submission_id',
  'channel',
  'received_at',
  'created_at',
  'updated_at',
  'query_code_hash',
  'at',
  'case_id',
  'clock_id',
]);

function strip(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(row).filter(([k]) => !IGNORED.has(k)));
}

async function snapshot(rt: Runtime, number: string) {
  const db: Db = rt.deps.db;
  const c = await db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
  const party = await db.selectFrom('party').selectAll().where('case_id', '=', c.id).execute();
  const evidence = await db.selectFrom('evidence').select(['sha256', 'mime', 'size']).where('case_id', '=', c.id).execute();
  const events = await db.selectFrom('case_event').selectAll().where('case_id', '=', c.id).execute();
  const clocks = await db.selectFrom('case_clock').selectAll().where('case_id', '=', c.id).execute();
  const outbox = await db.selectFrom('outbox').select(['queue', 'name']).where('case_id', '=', c.id).orderBy('name').execute();
  return {
    case: strip(c as unknown as Record<string, unknown>),
    parties: party.map((p) => ({
      role: p.role,
      identity: rt.deps.cipher.open(p.identity_enc, `party:${p.id}`),
      phone: p.phone_hmac,
      address: p.address_hmac,
      name: p.name_hmac,
    })),
    evidence,
    // The submit event records its channel in `data`; everything else must match.
    events: events.map((e) => ({
      ...strip(e as unknown as Record<string, unknown>),
      data: { ...(JSON.parse(e.data ?? '{}') as object), channel: undefined },
    })),
    clocks: clocks.map((k) => strip({ ...k, started_at: undefined, due_at: undefined } as unknown as Record<string, unknown>)),
    outbox,
  };
}

// A case made through the bot is the same in the database as one made through the API with the same
// facts: every column and every related row, except ids, numbers, timestamps and the channel.
// A server with ROLE=web (no workers), so triage does not change either case while they are compared.
describe('bot case = API case', () => {
  let env: TestEnv;
  let rt: Runtime;
  let bot: MockBot;
  beforeAll(async () => {
    env = await testEnv({ BOT_TOKEN, ROLE: 'web' });
    rt = await startRuntime(env.config, { logger: createLogger('silent') });
    bot = await startMockBot(botConfig(rt.url!, env.config.redis.url, env.config.queuePrefix));
  });
  afterAll(async () => {
    await bot?.stop();
    await rt?.stop();
    await dropKeys(env.config.redis.url, env.config.queuePrefix);
    await env?.cleanup();
  });

  it('a complaint with a photo, filed in the chat and through the API, is stored the same way', async () => {
    const c = bot.citizen('same-facts');
    await c.say('投诉', /发生了什么事/);
    await c.sendFile(PNG_1x1, 'receipt.png', /收到第1个文件/);
    await c.say('11月20号在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。', /叫什么名字/);
    await c.say('新郑市好又多便利店', /在哪儿/);
    // The date was in the story (11月20号): it is not asked again.
    await c.say('新郑市新建路128号', /怎么处理/);
    await c.say('退款并按食品安全法赔偿', /真实姓名/);
    await c.say('张伟', /电话/);
    await c.say('13812345678', /联系地址/);
    await c.say('新郑市人民路8号院', /请核对/);
    const viaBot = receiptOf(await c.say('确认，同意公开', /提交成功/));

    const form = new FormData();
    form.set(
      'submission',
      JSON.stringify({
        kind: 'complaint',
        description: '11月20号在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。',
        business: { name: '新郑市好又多便利店', address: '新郑市新建路128号' },
        township: '新建路街道',
        incidentDate: '2026-11-20',
        request: '退款并按食品安全法赔偿',
        person: { name: '张伟', phone: '13812345678', address: '新郑市人民路8号院' },
        consentToPublish: true,
      }),
    );
    form.append('files', new Blob([PNG_1x1], { type: 'image/png' }), 'receipt.png');
    const res = await fetch(`${rt.url}/api/v1/submissions`, { method: 'POST', body: form });
    expect(res.status).toBe(201);
    const viaApi = (await res.json()) as { cases: { number: string }[] };

    const a = await snapshot(rt, viaBot.number);
    const b = await snapshot(rt, viaApi.cases[0]!.number);
    expect(a).toEqual(b);
    // And the differences are only the ones expected.
    const rows = await rt.deps.db
      .selectFrom('intake_case')
      .select(['number', 'channel'])
      .where('number', 'in', [viaBot.number, viaApi.cases[0]!.number])
      .orderBy('number')
      .execute();
    expect(rows.map((r) => r.channel)).toEqual(['wechat', 'api']);
    expect(a.evidence).toHaveLength(1);
    expect(a.parties).toHaveLength(1);
  });
});

describe('WeChat bot (mock puppet, real server and Redis)', () => {
  let env: TestEnv;
  let rt: Runtime;
  let bot: MockBot;
  let clockMs = Date.now();
  const now = () => new Date(clockMs);

  beforeAll(async () => {
    env = await testEnv({ BOT_TOKEN, RELAY_INTERVAL_MS: '100' });
    rt = await startRuntime(env.config, { logger: createLogger('silent') });
    bot = await startMockBot(botConfig(rt.url!, env.config.redis.url, env.config.queuePrefix), { now });
  });

  afterAll(async () => {
    await bot?.stop();
    await rt?.stop();
    await dropKeys(env.config.redis.url, env.config.queuePrefix);
    await env?.cleanup();
  });

  async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, ms = 20_000): Promise<T> {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      const v = await probe();
      if (v) return v;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** A complaint from start to receipt; returns the receipt. */
  async function fileComplaint(id: string) {
    const c = bot.citizen(id);
    await c.say('你好', /1 投诉/);
    await c.say('我要投诉', /发生了什么事/);
    await c.say('11月20号在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。', /叫什么名字/);
    await c.say('新郑市好又多便利店', /在哪儿/);
    await c.say('新郑市新建路128号', /怎么处理/);
    await c.say('退款并按食品安全法赔偿', /真实姓名/);
    await c.say('张伟', /电话/);
    await c.say('13812345678', /联系地址/);
    const summary = await c.say('新郑市人民路8号院', /请核对/);
    expect(summary).toMatch(/新郑市好又多便利店/);
    expect(summary).toMatch(/138\*\*\*\*5678/);
    const done = await c.say('确认', /提交成功/);
    return { citizen: c, ...receiptOf(done) };
  }

  it('takes a full complaint and stores it as a wechat case bound to the contact', async () => {
    const { number } = await fileComplaint('alice');
    const row = await findCaseByNumber(rt.deps.db, number);
    expect(row).toMatchObject({
      kind: 'complaint',
      channel: 'wechat',
      business_name: '新郑市好又多便利店',
      township: '新建路街道',
      incident_at: '2026-11-20',
      citizen_request: '退款并按食品安全法赔偿',
    });
    const contact = await rt.deps.db.selectFrom('wechat_contact').selectAll().where('case_id', '=', row!.id).executeTakeFirstOrThrow();
    // Stored sealed, never in clear.
    expect(contact.contact_enc).not.toContain('alice');
    expect(rt.deps.cipher.open<string>(contact.contact_enc, `wechat_contact:${contact.id}`)).toBe('alice');
  });

  it('takes an anonymous report with a photo as evidence', async () => {
    const c = bot.citizen('reporter-anon');
    await c.say('我要举报', /发现的问题/);
    await c.sendFile(PNG_1x1, 'evidence.png', /收到第1个文件/);
    await c.say('龙湖镇某村东头有个小作坊，晚上从饭店收泔水油回来熬，白天卖给附近的早餐摊。', /叫什么名字/);
    // The place was in the story (龙湖镇某村东头): it is not asked again.
    await c.say('不知道', /什么时候/);
    await c.say('上周五', /匿名/);
    await c.say('匿名', /奖励/);
    const summary = await c.say('要', /请核对/);
    expect(summary).toMatch(/照片\/文件：1/);
    const { number } = receiptOf(await c.say('确认', /提交成功/));
    const row = await findCaseByNumber(rt.deps.db, number);
    expect(row).toMatchObject({ kind: 'report', anonymous: 1, wants_reward: 1, township: '龙湖镇', channel: 'wechat' });
    expect(await rt.deps.db.selectFrom('party').select('id').where('case_id', '=', row!.id).execute()).toHaveLength(0);
    const ev = await rt.deps.db.selectFrom('evidence').selectAll().where('case_id', '=', row!.id).execute();
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({ mime: 'image/png', size: PNG_1x1.length });
  });

  it('takes a consultation', async () => {
    const c = bot.citizen('asker');
    await c.say('咨询', /想咨询的问题/);
    await c.say('在网上买的零食有问题，应该向哪里投诉？', /请核对/);
    const { number } = receiptOf(await c.say('确认', /提交成功/));
    expect(await findCaseByNumber(rt.deps.db, number)).toMatchObject({
      kind: 'consultation',
      description: '在网上买的零食有问题，应该向哪里投诉？',
    });
  });

  it('answers a status query with number and code, and 查询 alone lists only this contact’s cases', async () => {
    const { citizen, number, code } = await fileComplaint('querier');
    const status = await citizen.say(`查询 ${number} ${code}`, /当前状态/);
    expect(status).toContain(number);
    const wrong = await citizen.say(`查询 ${number} 0000-0000-0000-0000-0000-0000-00`, /没查到/);
    expect(wrong).not.toContain('当前状态');
    const list = await citizen.say('查询', /在这里提交的事项/);
    expect(list).toContain(number);
    const other = await bot.citizen('stranger').say('查询', /没有查到您提交过的事项/);
    expect(other).not.toContain(number);
  });

  it('lets the citizen correct a field before confirming', async () => {
    const c = bot.citizen('corrector');
    await c.say('投诉', /发生了什么事/);
    await c.say('在超市买的面包发霉长毛了，孩子吃了一口就吐了。', /叫什么名字/);
    await c.say('万家福超市', /在哪儿/);
    await c.say('新华路街道万家福超市', /什么时候/);
    await c.say('昨天', /怎么处理/);
    await c.say('退款', /真实姓名/);
    await c.say('王芳', /电话/);
    await c.say('13700001111', /联系地址/);
    await c.say('新郑市金城路9号', /请核对/);
    await c.say('修改 电话', /电话/);
    const summary = await c.say('13900002222', /请核对/);
    expect(summary).toMatch(/139\*\*\*\*2222/);
    const { number } = receiptOf(await c.say('确认', /提交成功/));
    const row = await findCaseByNumber(rt.deps.db, number);
    const party = await rt.deps.db.selectFrom('party').selectAll().where('case_id', '=', row!.id).executeTakeFirstOrThrow();
    expect(rt.deps.cipher.open<{ phone: string }>(party.identity_enc, `party:${party.id}`).phone).toBe('13900002222');
  });

  it('cancels, restarts and keeps nothing of the cancelled draft', async () => {
    const c = bot.citizen('canceller');
    await c.say('举报', /发现的问题/);
    await c.say('学校门口的小卖部卖三无辣条，好多学生买。', /叫什么名字/);
    expect(await c.say('取消', /已取消/)).toMatch(/删除/);
    await c.say('重新开始', /1 投诉/);
    await c.say('3', /想咨询的问题/);
    const summary = await c.say('保健食品的广告能信吗？', /请核对/);
    expect(summary).not.toMatch(/辣条/);
  });

  it('continues a conversation after the bot restarts', async () => {
    const first = bot.citizen('restarter');
    await first.say('投诉', /发生了什么事/);
    await first.say('在饭店吃的凉菜里有只苍蝇，老板不认账。', /叫什么名字/);
    await bot.stop();
    bot = await startMockBot(botConfig(rt.url!, env.config.redis.url, env.config.queuePrefix), { now });
    const again = bot.citizen('restarter');
    const next = await again.say('老街烩面馆', /在哪儿/);
    expect(next).not.toMatch(/1 投诉/);
    await again.say('取消', /已取消/);
  });

  it('answers hostile input calmly and keeps the draft', async () => {
    const c = bot.citizen('hostile');
    await c.say('投诉', /发生了什么事/);
    expect(await c.say('😀😀😀', /没看懂/)).toMatch(/发生了什么事/);
    expect(await c.say('啊'.repeat(5000), /有点长/)).toMatch(/发生了什么事/);
    const script = '<script>alert(1)</script> 在小吃店买的烤肠是臭的，吃完拉肚子。';
    await c.say(script, /叫什么名字/);
    const state = await new ShiantongClient(rt.url!, BOT_TOKEN).casesOf('hostile');
    expect(state).toMatchObject({ ok: true, cases: [] });
    await c.say('取消', /已取消/);
  });

  it('ignores group chats unless mentioned', async () => {
    const c = bot.citizen('grouper');
    const room = bot.mocker.createRoom({ memberIdList: [bot.self.id, c.id], topic: '小区群' });
    const said: string[] = [];
    (room as unknown as import('node:events').EventEmitter).on('message', (m: { talker(): { id: string }; text(): string | undefined }) => {
      if (m.talker().id === bot.self.id) said.push(m.text() ?? '');
    });
    c.contact.say('我要投诉').to(room);
    c.contact.say('@食安通 你好', [bot.self]).to(room);
    await until(async () => said.length > 0, 'a reply in the room');
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/私聊/);
  });

  it('reminds once after 30 minutes of silence and expires the draft after 24 hours', async () => {
    const c = bot.citizen('sleeper');
    await c.say('投诉', /发生了什么事/);
    clockMs += 31 * 60_000;
    // Other contacts of this file may have drafts open too: count what this one receives.
    expect((await bot.running.sweep()).reminded).toBeGreaterThanOrEqual(1);
    await c.waitFor(/还没提交/);
    expect(await bot.running.sweep()).toMatchObject({ reminded: 0, expired: 0 });
    clockMs += 24 * 3600_000;
    expect((await bot.running.sweep()).expired).toBeGreaterThanOrEqual(1);
    await c.waitFor(/自动删除/);
    expect(c.inbox.filter((t) => /还没提交/.test(t))).toHaveLength(1);
    await c.say('你好', /1 投诉/);
    clockMs = Date.now();
  });

  it('delivers a progress notice to the contact who submitted, and only to them', async () => {
    const { citizen, number } = await fileComplaint('notice-me');
    const bystander = bot.citizen('bystander');
    const row = await until(async () => {
      const r = await findCaseByNumber(rt.deps.db, number);
      return r && r.status !== 'received' ? r : undefined;
    }, 'triage');
    const from = citizen.inbox.length;
    const clerk = { role: 'intake_clerk' as const, id: randomUUID() };
    const handler = { role: 'handler' as const, id: randomUUID() };
    if (row.status !== 'assigned')
      await applyTransition(rt.deps.db, row.id, { type: 'assign', data: { assigneeId: handler.id } }, clerk, new Date());
    await applyTransition(rt.deps.db, row.id, { type: 'accept' }, handler, new Date());
    const notice = await citizen.waitFor(/投诉已受理/, from);
    expect(notice).toContain(number);
    expect(notice).not.toMatch(/张伟|13812345678/);
    const stored = await until(async () => {
      const n = await rt.deps.db
        .selectFrom('citizen_notice')
        .selectAll()
        .where('case_id', '=', row.id)
        .where('event_type', '=', 'accept')
        .executeTakeFirst();
      return n?.status === 'delivered' ? n : undefined;
    }, 'delivered notice');
    expect(stored.attempts).toBe(1);
    // The notice delivered the duty to inform (issue #14.1): the duty is done on WeChat and D1 stops then.
    expect(stored.duty_id).not.toBeNull();
    const duty = await rt.deps.db.selectFrom('notice_duty').selectAll().where('id', '=', stored.duty_id!).executeTakeFirstOrThrow();
    expect(duty).toMatchObject({ event_type: 'accept', clock: 'D1', status: 'delivered', channel: 'wechat' });
    const d1 = await rt.deps.db
      .selectFrom('case_clock')
      .select(['status', 'stop_event'])
      .where('case_id', '=', row.id)
      .where('clock', '=', 'D1')
      .executeTakeFirstOrThrow();
    expect(d1).toEqual({ status: 'stopped', stop_event: 'notice_given' });
    expect(bystander.inbox.join()).not.toContain(number);
    // The server never consumes the bot's queue: its workers are for QUEUES only.
    expect(rt.workers.map((w) => w.name)).not.toContain('citizen-notices');
  });

  it('sends a staff question to an anonymous reporter, who answers in the chat with 回复 编号 内容', async () => {
    const c = bot.citizen('anon-answerer');
    await c.say('我要举报', /发现的问题/);
    await c.say('龙湖镇某村东头有个小作坊，晚上从饭店收泔水油回来熬，白天卖给附近的早餐摊。', /叫什么名字/);
    // The place was in the story (龙湖镇某村东头): it is not asked again.
    await c.say('不知道', /什么时候/);
    await c.say('上周五', /匿名/);
    await c.say('匿名', /奖励/);
    await c.say('不要', /请核对/);
    const { number } = receiptOf(await c.say('确认', /提交成功/));
    const row = await until(async () => {
      const r = await findCaseByNumber(rt.deps.db, number);
      return r && r.status !== 'received' ? r : undefined;
    }, 'triage');
    const from = c.inbox.length;
    const none = await c.say(`回复 ${number} 还没有问题呢`, /没有需要您回复的问题/);
    expect(none).toContain(number);
    await askCitizen(rt.deps, row.id, '请问作坊大概几点开始熬油？', { role: 'handler', id: randomUUID() });
    const notice = await c.waitFor(/办案人员向您提出了问题/, from);
    expect(notice).toContain('请问作坊大概几点开始熬油？');
    expect(notice).toContain(`回复 ${number}`);
    const stranger = await bot.citizen('not-the-reporter').say(`回复 ${number} 我来捣乱`, /没找到这个编号/);
    expect(stranger).not.toContain('已收到');
    await c.say(`回复 ${number} 大概晚上十点以后`, /已收到您对/);
    const q = await rt.deps.db.selectFrom('case_question').selectAll().where('case_id', '=', row.id).executeTakeFirstOrThrow();
    expect(q).toMatchObject({ answer_channel: 'wechat' });
    expect(q.answer_enc).not.toContain('十点');
    expect(rt.deps.cipher.open<string>(q.answer_enc!, `answer:${q.id}`)).toBe('大概晚上十点以后');
    const ev = await rt.deps.db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', row.id)
      .where('type', '=', 'answer_citizen')
      .executeTakeFirstOrThrow();
    expect(ev).toMatchObject({ public: 1, actor_role: 'citizen', actor_id: null });
    expect(ev.data ?? '').not.toContain('十点');
    expect(await rt.deps.db.selectFrom('party').select('id').where('case_id', '=', row.id).execute()).toHaveLength(0);
  });

  it('retries an undeliverable notice, then records it as failed', async () => {
    // A case submitted from a contact the WeChat account cannot reach.
    const api = await fetch(`${rt.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${BOT_TOKEN}`, 'x-wechat-contact': 'gone-contact' },
      body: JSON.stringify({ kind: 'consultation', description: '请问过期食品怎么处理？' }),
    });
    expect(api.status).toBe(201);
    const { cases } = (await api.json()) as { cases: { number: string }[] };
    const row = await until(async () => {
      const r = await findCaseByNumber(rt.deps.db, cases[0]!.number);
      return r && r.status !== 'received' ? r : undefined;
    }, 'triage');
    const clerk = { role: 'intake_clerk' as const, id: randomUUID() };
    await applyTransition(rt.deps.db, row.id, { type: 'answer', data: { answer: '请保留凭证，向销售者要求退换。' } }, clerk, new Date());
    const notice = await until(
      () => rt.deps.db.selectFrom('citizen_notice').selectAll().where('case_id', '=', row.id).executeTakeFirst(),
      'notice row',
    );
    expect(notice.text).toContain('请保留凭证');

    // The same consumer code on a queue of its own with two quick attempts, sending into the void.
    const name = `notice-fail-${randomUUID().slice(0, 8)}`;
    const connection = new Redis(env.config.redis.url, { maxRetriesPerRequest: null });
    const queue = new Queue(name, { connection, prefix: env.config.queuePrefix });
    const sends: string[] = [];
    const worker = new Worker(
      name,
      (job) =>
        deliverNotice(job, {
          api: new ShiantongClient(rt.url!, BOT_TOKEN),
          logger: createLogger('silent'),
          send: async (contactId) => {
            sends.push(contactId);
            throw new Error('contact unreachable');
          },
        }),
      { connection, prefix: env.config.queuePrefix },
    );
    try {
      await queue.add('notice.deliver', { noticeId: notice.id }, { attempts: 2, backoff: { type: 'fixed', delay: 10 } });
      const failed = await until(async () => {
        const n = await rt.deps.db.selectFrom('citizen_notice').selectAll().where('id', '=', notice.id).executeTakeFirst();
        return n?.status === 'failed' ? n : undefined;
      }, 'failed notice');
      expect(sends).toEqual(['gone-contact', 'gone-contact']);
      expect(failed.last_error).toMatch(/send failed/);
      expect(failed.failed_at).not.toBeNull();
    } finally {
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });

  it('npm run chat: a report end to end from stdin lines, with a photo', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'chat-'));
    const photo = path.join(dir, 'photo.png');
    writeFileSync(photo, PNG_1x1);
    const lines = [
      '我要举报',
      `/file ${photo}`,
      '龙湖镇有个小作坊晚上收泔水油回来熬，白天卖给早餐摊。',
      '不知道',
      '龙湖镇某村东头',
      '上周五',
      '匿名',
      '不要',
      '确认',
      '',
    ];
    const child = spawn(process.execPath, ['--import', 'tsx', 'bots/wechat/chat.cli.ts', '--server', rt.url!], {
      env: { ...process.env, BOT_TOKEN: '', LOG_LEVEL: 'silent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(lines.join('\n'));
    const code = await new Promise<number | null>((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(out).toMatch(/收到第1个文件/);
    const { number } = receiptOf(out);
    const row = await findCaseByNumber(rt.deps.db, number);
    expect(row).toMatchObject({ kind: 'report', anonymous: 1, channel: 'api' });
    expect(await rt.deps.db.selectFrom('evidence').select('mime').where('case_id', '=', row!.id).execute()).toEqual([
      { mime: 'image/png' },
    ]);
  });

  it('protects the bot API: 401 without a token, 403 with a wrong one, contact header only for the bot', async () => {
    const id = randomUUID();
    expect((await fetch(`${rt.url}/api/v1/bot/notices/${id}`)).status).toBe(401);
    expect(
      (await fetch(`${rt.url}/api/v1/bot/notices/${id}`, { headers: { authorization: 'Bearer wrong-token-wrong-token' } })).status,
    ).toBe(403);
    expect(
      (
        await fetch(`${rt.url}/api/v1/bot/contact/cases`, {
          headers: { authorization: 'Bearer wrong-token-wrong-token', 'x-wechat-contact': 'alice' },
        })
      ).status,
    ).toBe(403);
    expect((await fetch(`${rt.url}/api/v1/bot/notices/${id}`, { headers: { authorization: `Bearer ${BOT_TOKEN}` } })).status).toBe(404);
    const spoof = await fetch(`${rt.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wechat-contact': 'alice' },
      body: JSON.stringify({ kind: 'consultation', description: '请问过期食品怎么处理？' }),
    });
    expect(spoof.status).toBe(403);
  });
});

// In memory (app.request), after the servers above are gone: one live test schema at a time.
describe('bot API on the HTTP surface', () => {
  it('marks bot submissions as wechat, exempts the bot from per-address limits, and keeps them for others', async () => {
    const t = await testDeps({ overrides: { BOT_TOKEN, RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '1' } });
    try {
      const app = createApp(t.deps);
      const body = JSON.stringify({ kind: 'consultation', description: '请问过期食品怎么处理？' });
      const post = (headers: Record<string, string>) =>
        app.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const bot = { authorization: `Bearer ${BOT_TOKEN}`, 'x-wechat-contact': 'wxid_someone' };
      expect((await post(bot)).status).toBe(201);
      expect((await post(bot)).status).toBe(201);
      expect((await post({})).status).toBe(201);
      expect((await post({})).status).toBe(429);
      const rows = await t.db.selectFrom('intake_case').select('channel').execute();
      expect(rows.map((r) => r.channel).sort()).toEqual(['api', 'wechat', 'wechat']);
      const list = await app.request('/api/v1/bot/contact/cases', { headers: bot });
      expect(((await list.json()) as { cases: unknown[] }).cases).toHaveLength(2);
    } finally {
      await t.close();
    }
  });

  it('has the bot API off when no BOT_TOKEN is configured', async () => {
    const t = await testDeps();
    try {
      const app = createApp(t.deps);
      const res = await app.request('/api/v1/bot/contact/cases', {
        headers: { authorization: `Bearer ${BOT_TOKEN}`, 'x-wechat-contact': 'x' },
      });
      expect(res.status).toBe(403);
    } finally {
      await t.close();
    }
  });
});
