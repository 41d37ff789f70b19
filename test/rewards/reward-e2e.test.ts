// Issue 15, end to end: an anonymous report through the bot (wechaty-puppet-mock, real server, Redis and
// database) asking for a reward, its claim password set with `领奖密码 编号 密码` → penalty decision and
// closure → reward case opened → the bot tells the reporter → claim with number + query code + claim
// password on the portal → the reward officer decides every check, the level, approves → payment
// recorded. The handler, the supervisor and the police never see the reward's details; the audit log
// shows each step; the claimant's identity and account are sealed.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/backoffice/staff.service.ts';
import { applyTransition, findCaseByNumber } from '../../src/cases/case.repository.ts';
import { createApp } from '../../src/http/app.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { ELIGIBILITY_CHECKS } from '../../src/rewards/eligibility.ts';
import { claimAad } from '../../src/rewards/reward.service.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { type Bo, Client, PASSWORD, signedIn } from '../backoffice/helpers.ts';
import { BOT_TOKEN, type MockBot, botConfig, receiptOf, startMockBot } from '../bots/mock-wechat.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';

async function until<T>(probe: () => Promise<T | undefined | null | false>, what: string, ms = 30_000): Promise<T> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const v = await probe();
    if (v) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const UNIT = 'station-lhu'; // 龙湖镇
const ID_NUMBER = '11010519491231002X';
const ACCOUNT = '6222020200112233445';
const VOUCHER = 'PZ-2026-0042';

describe('tip reward end to end (bot → decision → reward case → notice → portal claim → approval → payment)', { timeout: 120_000 }, () => {
  let env: TestEnv;
  let rt: Runtime;
  let bot: MockBot;
  let bo: Bo;
  const ids = {} as Record<'handler' | 'supervisor' | 'officer' | 'police', string>;

  beforeAll(async () => {
    env = await testEnv({ BOT_TOKEN, RELAY_INTERVAL_MS: '100' });
    rt = await startRuntime(env.config, { logger: createLogger('silent') });
    bot = await startMockBot(botConfig(rt.url!, env.config.redis.url, env.config.queuePrefix));
    bo = { t: { deps: rt.deps, db: rt.deps.db }, app: createApp(rt.deps) } as unknown as Bo;
    const now = rt.deps.clock.now();
    const mk = async (username: string, role: 'handler' | 'supervisor' | 'reward_officer' | 'police', unitId: string | null) =>
      (await createUser(rt.deps.db, { username, displayName: username, role, unitId }, now, { password: PASSWORD })).id;
    ids.handler = await mk('rw.handler', 'handler', UNIT);
    ids.supervisor = await mk('rw.super', 'supervisor', UNIT);
    ids.officer = await mk('rw.officer', 'reward_officer', null);
    ids.police = await mk('rw.police', 'police', 'police-xz');
  });

  afterAll(async () => {
    await bot?.stop();
    await rt?.stop();
    if (env) {
      const r = new Redis(env.config.redis.url);
      const keys = await r.keys(`${env.config.queuePrefix}:*`);
      if (keys.length) await r.del(...keys);
      r.disconnect();
      await env.cleanup();
    }
  });

  it('runs the whole path and keeps the reward confidential', async () => {
    // 1. Anonymous report through the bot, asking for a reward.
    const citizen = bot.citizen('reward-reporter');
    await citizen.say('我要举报', /发现的问题/);
    await citizen.say('龙湖镇某村东头有个小作坊，晚上从饭店收泔水油回来熬，白天卖给附近的早餐摊。', /叫什么名字/);
    await citizen.say('不知道', /什么时候/);
    await citizen.say('上周五', /匿名/);
    await citizen.say('匿名', /奖励/);
    await citizen.say('要', /请核对/);
    const { number, code } = receiptOf(await citizen.say('确认', /提交成功/));
    // The claim password, set in the chat; a stranger cannot set it, nor can it be changed.
    expect(await bot.citizen('stranger').say(`领奖密码 ${number} Stranger99`, /没找到|设置/)).toMatch(/没找到/);
    expect(await citizen.say('领奖密码', /领奖密码/)).toMatch(/设置领奖密码请发送/);
    expect(await citizen.say(`领奖密码 ${number} 123`, /领奖密码/)).toMatch(/至少6位/);
    expect(await citizen.say(`领奖密码 ${number} Oil-Tip-2026`, /领奖密码/)).toMatch(/已为 .* 设置领奖密码/);
    expect(await citizen.say(`领奖密码 ${number} Other-2026`, /领奖密码/)).toMatch(/不能修改/);
    const stored = await until(async () => {
      const r = await findCaseByNumber(rt.deps.db, number);
      return r && r.status === 'assigned' ? r : undefined;
    }, 'assignment');
    expect(stored).toMatchObject({ anonymous: 1, wants_reward: 1, unit_id: UNIT });
    expect(stored.reward_password_hash).toMatch(/^\$argon2id\$/);

    // 2. Handling to a penalty decision, then closure.
    const handler = { role: 'handler', id: ids.handler } as const;
    const supervisor = { role: 'supervisor', id: ids.supervisor } as const;
    const now = () => rt.deps.clock.now();
    await applyTransition(rt.deps.db, stored.id, { type: 'start_verification' }, handler, now());
    await applyTransition(rt.deps.db, stored.id, { type: 'open_case' }, supervisor, now());
    await applyTransition(
      rt.deps.db,
      stored.id,
      {
        type: 'decide',
        data: {
          decision: '没收违法所得，并处罚款',
          fine: 180_000,
          confiscation: 20_000,
          // A suspected crime (地沟油): a penalty records why it is not referred (国务院令310 Art. 11).
          decisionType: 'penalty',
          nonReferralReason: '经检验未检出有毒有害物质，涉案数量未达立案追诉标准',
        },
      },
      supervisor,
      now(),
    );
    expect(await rt.deps.db.selectFrom('reward_case').select('id').where('case_id', '=', stored.id).execute()).toHaveLength(0);
    const before = citizen.inbox.length;
    await applyTransition(rt.deps.db, stored.id, { type: 'close' }, handler, now());

    // 3. The reward case, with its D15 claim window; the bot tells the reporter.
    const reward = await rt.deps.db.selectFrom('reward_case').selectAll().where('case_id', '=', stored.id).executeTakeFirstOrThrow();
    expect(reward).toMatchObject({ status: 'notified', base_yuan: 200_000 });
    expect(reward.claim_due_at).not.toBeNull();
    const told = await citizen.waitFor(/符合举报奖励的申领条件/, before);
    expect(told).toContain(number);
    expect(told).not.toMatch(/元/); // no amount before a decision

    // The status page (number + query code) tells the reporter too, with the way to claim.
    const web = new Client(bo);
    await web.get('/status');
    await web.post('/status', { number, code });
    expect(web.lastHtml).toContain('举报奖励');
    expect(web.lastHtml).toContain('已告知，待申领');
    expect(web.lastHtml).toContain('href="/reward"');

    // 4. The claim on the portal: a wrong password first (counted, same answer as an unknown number).
    await web.get('/reward');
    const wrong = await web.post('/reward', { number, code, password: 'Wrong-pass-1' });
    expect(wrong.status).toBe(404);
    const view = await web.post('/reward', { number, code, password: 'Oil-Tip-2026' });
    expect(view.status).toBe(200);
    expect(web.lastHtml).toContain('已告知，待申领');
    const claimed = await web.post('/reward/claim', {
      number,
      code,
      password: 'Oil-Tip-2026',
      name: '王小明',
      idNumber: ID_NUMBER,
      phone: '13900001111',
      method: 'bank_transfer',
      bankName: '中国工商银行新郑支行',
      accountNo: ACCOUNT,
    });
    expect(claimed.status).toBe(200);
    expect(web.lastHtml).toContain('申领已提交');
    const sealed = await rt.deps.db.selectFrom('reward_case').selectAll().where('id', '=', reward.id).executeTakeFirstOrThrow();
    expect(sealed).toMatchObject({ status: 'claimed', claim_failures: 1, claim_channel: 'web' });
    expect(sealed.claim_enc).not.toContain(ACCOUNT);
    expect(rt.deps.cipher.open<{ accountNo: string }>(sealed.claim_enc!, claimAad(reward.id)).accountNo).toBe(ACCOUNT);

    // 5. The reward officer: every check decided with evidence, the level, approval, payment.
    const officer = await signedIn(bo, 'rw.officer');
    await officer.get('/staff/rewards');
    expect(officer.lastHtml).toContain(number);
    const page = `/staff/rewards/${reward.id}`;
    await officer.get(page);
    expect(officer.lastHtml).toContain('需人工核实');
    // Approval before the checks are decided is refused, naming what is missing.
    await officer.post(`${page}/decide`, { decision: 'approve' });
    expect(officer.lastHtml).toContain('尚有核查项未认定');
    for (const check of ELIGIBILITY_CHECKS) {
      const res = await officer.post(`${page}/check`, { check, decision: 'pass', evidence: '已当面核实身份证件和举报材料' });
      expect(res.status).toBe(200);
    }
    await officer.post(`${page}/assess`, { level: '1' });
    expect(officer.lastHtml).toContain('一级，10000 元');
    const beforeApproval = citizen.inbox.length;
    await officer.post(`${page}/decide`, { decision: 'approve' });
    expect(officer.lastHtml).toContain('决定已记录');
    expect(await citizen.waitFor(/奖励已批准/, beforeApproval)).toContain('10000 元');
    await officer.post(`${page}/pay`, { paidOn: '2026-12-20', amountYuan: '10000', voucherNo: VOUCHER, method: 'bank_transfer' });
    expect(officer.lastHtml).toContain('发放已记录');
    await officer.post(`${page}/claimant`, { reason: '核对收款账户' });
    expect(officer.lastHtml).toContain(ACCOUNT);
    await officer.get('/staff/rewards/statistics?from=2000-01-01&to=2100-01-01');
    expect(officer.lastHtml).toMatch(/已发放<\/dt><dd>1 件，10000 元/);
    const paid = await rt.deps.db.selectFrom('reward_case').selectAll().where('id', '=', reward.id).executeTakeFirstOrThrow();
    expect(paid).toMatchObject({ status: 'paid', amount_yuan: 10_000, paid_yuan: 10_000, voucher_no: VOUCHER, level: 1, needs_finance: 0 });

    // The reporter sees the outcome on the portal.
    await web.get('/reward');
    await web.post('/reward', { number, code, password: 'Oil-Tip-2026' });
    expect(web.lastHtml).toContain('已发放');
    expect(web.lastHtml).toContain('10000 元');

    // 6. Confidentiality: the handler learns only that a reward case exists; nobody else gets in.
    const h = await signedIn(bo, 'rw.handler');
    const casePage = await h.get(`/staff/cases/${stored.id}`);
    expect(casePage.status).toBe(200);
    expect(h.lastHtml).toContain('已立奖励案件');
    for (const secret of [VOUCHER, ACCOUNT, ID_NUMBER, '10000 元', '王小明']) expect(h.lastHtml).not.toContain(secret);
    for (const who of ['rw.handler', 'rw.super', 'rw.police']) {
      const c = who === 'rw.handler' ? h : await signedIn(bo, who);
      expect((await c.get(page)).status).toBe(403);
      expect((await c.get('/staff/rewards')).status).toBe(403);
    }
    // Nothing about the reward in the public results or the open data.
    const results = await bo.app.request('/api/v1/results');
    expect(await results.text()).not.toContain(VOUCHER);

    // 7. The audit log shows each step, with no personal data in it.
    const audit = await rt.deps.db
      .selectFrom('audit_log')
      .select(['action', 'actor_role', 'detail'])
      .where('case_id', '=', stored.id)
      .orderBy('seq')
      .execute()
      .then((rows) => rows.filter((a) => a.action.startsWith('reward_')));
    const actions = audit.map((a) => a.action);
    expect(actions.slice(0, 4)).toEqual(['reward_password_set', 'reward_opened', 'reward_claim_failed', 'reward_claimed']);
    expect(actions.filter((a) => a === 'reward_check')).toHaveLength(ELIGIBILITY_CHECKS.length);
    expect(actions.slice(-4)).toEqual(['reward_assessed', 'reward_approved', 'reward_paid', 'reward_claim_viewed']);
    expect(audit.find((a) => a.action === 'reward_approved')?.actor_role).toBe('reward_officer');
    const text = JSON.stringify(audit);
    for (const secret of [ACCOUNT, ID_NUMBER, '王小明', 'Oil-Tip-2026']) expect(text).not.toContain(secret);
  });
});
