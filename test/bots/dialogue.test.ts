// Issue #13: the conversations quoted under "Why", each through wechaty-puppet-mock against a real server
// and real Redis, as a good hotline operator would hold them: facts taken from any message, only what is
// missing asked, corrections and changes of mind in plain words, questions answered, nothing but values
// stored as values, English answered in English, the same report not filed twice; and (issue #17 item 4)
// no plaintext identity in the bot's Redis keys.
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/database.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';
import { BOT_TOKEN, type MockBot, botConfig, receiptOf, startMockBot } from './mock-wechat.ts';

// The bot's clock (relative dates resolve against it): Saturday 2026-12-05 10:00 in China.
const NOW = new Date('2026-12-05T02:00:00Z');

describe('the bot holds a real conversation (issue #13)', () => {
  let env: TestEnv;
  let rt: Runtime;
  let bot: MockBot;
  let db: Db;

  beforeAll(async () => {
    env = await testEnv({ BOT_TOKEN, RELAY_INTERVAL_MS: '100' });
    rt = await startRuntime(env.config, { logger: createLogger('silent') });
    db = rt.deps.db;
    bot = await startMockBot(botConfig(rt.url!, env.config.redis.url, env.config.queuePrefix), { now: () => NOW });
  });

  afterAll(async () => {
    await bot?.stop();
    await rt?.stop();
    const r = new Redis(env.config.redis.url);
    const keys = await r.keys(`${env.config.queuePrefix}:*`);
    if (keys.length) await r.del(...keys);
    r.disconnect();
    await env?.cleanup();
  });

  const caseRow = (number: string) => db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();

  it('takes every fact of the first message, answers the reward question, and asks only what is missing', async () => {
    const c = bot.citizen('dlg-xinhua');
    const first = await c.say('我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报，有奖励吗', /什么时候/);
    expect(first).toMatch(/奖励/); // the question is answered
    expect(first).toMatch(/匿名/); // and what anonymity keeps is said truthfully
    expect(first).not.toMatch(/叫什么名字|在哪儿|想匿名举报吗/); // business, place and anonymity were given
    await c.say('上周五', /申请举报奖励|需要申请吗/);
    const summary = await c.say('要。但是我不想让厂里知道是我', /请核对/);
    expect(summary).toMatch(/申请奖励：是/);
    expect(summary).toMatch(/匿名：是/);
    expect(summary).toMatch(/商家：华鑫食品厂/);
    const receipt = await c.say('对，提交吧', /提交成功/);
    expect(receipt).toMatch(/下一步：/);
    expect(receipt).toMatch(/只保存加密后的微信联系标识/);
    const row = await caseRow(receiptOf(receipt).number);
    expect(row).toMatchObject({
      kind: 'report',
      business_name: '华鑫食品厂',
      township: '薛店镇',
      anonymous: 1,
      wants_reward: 1,
    });
    expect(row.incident_at?.slice(0, 10)).toBe('2026-11-27');
    expect(row.description).toMatch(/面粉/);
    // An anonymous reporter who wants the reward is asked for the claim password while still here; it is
    // stored only as a hash on the case, and never in the bot's Redis keys.
    expect(receipt).toMatch(/领奖密码/);
    expect(row.reward_password_hash).toBeNull();
    const set = await c.say('mianfen2026', /设置领奖密码/);
    expect(set).toContain(receiptOf(receipt).number);
    const after = await caseRow(receiptOf(receipt).number);
    expect(after.reward_password_hash).toBeTruthy();
    expect(after.reward_password_hash).not.toContain('mianfen2026');
    const r = new Redis(env.config.redis.url);
    try {
      for (const key of await r.keys(`${env.config.queuePrefix}:*`)) {
        const type = await r.type(key);
        const dump = type === 'string' ? await r.get(key) : type === 'hash' ? JSON.stringify(await r.hgetall(key)) : '';
        expect(dump ?? '', key).not.toContain('mianfen2026');
      }
    } finally {
      r.disconnect();
    }
  });

  it('"要。但是我不想让厂里知道是我" while the time is asked: reward and secrecy taken and confirmed, only the time asked again', async () => {
    const c = bot.citizen('dlg-xinhua-aside');
    const first = await c.say('我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报，有奖励吗', /什么时候/);
    expect(first).toMatch(/奖励/);
    const aside = await c.say('要。但是我不想让厂里知道是我', /什么时候/);
    expect(aside).not.toMatch(/没看懂|没太明白/);
    expect(aside).toMatch(/申请举报奖励/);
    expect(aside).toMatch(/保密/);
    expect(aside).not.toMatch(/需要申请吗|想匿名|叫什么名字|在哪儿/); // nothing given is asked again
    const summary = await c.say('上周五', /请核对/);
    expect(summary).toMatch(/申请奖励：是/);
    expect(summary).toMatch(/匿名：是/);
    const row = await caseRow(receiptOf(await c.say('确认', /提交成功/)).number);
    expect(row).toMatchObject({ kind: 'report', business_name: '华鑫食品厂', township: '薛店镇', anonymous: 1, wants_reward: 1 });
  });

  it('a change of mind in the middle keeps the facts, and is never stored as an answer', async () => {
    const c = bot.citizen('dlg-mind');
    await c.say('我要投诉', /发生了什么事/);
    await c.say('城关乡西贾庄有家饭馆，他家炒菜的油不对劲，吃着发苦', /叫什么名字/);
    const switched = await c.say('算了 不投诉了 我要匿名举报他们用地沟油', /叫什么名字/);
    expect(switched).toMatch(/改成举报/);
    await c.say('老四川菜馆', /什么时候/);
    await c.say('上周日', /奖励/);
    const summary = await c.say('不要', /请核对/);
    expect(summary).toMatch(/类型：举报/);
    expect(summary).toMatch(/匿名：是/);
    expect(summary).not.toMatch(/(商家|地点|时间)：[^\n]*(算了|不投诉)/);
    const row = await caseRow(receiptOf(await c.say('确认', /提交成功/)).number);
    expect(row).toMatchObject({ kind: 'report', business_name: '老四川菜馆', township: '城关乡', anonymous: 1 });
    expect(row.description).toMatch(/地沟油/);
    expect(row.place ?? row.business_address ?? '').not.toMatch(/算了|不投诉/);
  });

  it('frustration gets an apology, a recap and a person on offer; "我刚不是说了吗，华鑫食品厂" fills the business', async () => {
    const c = bot.citizen('dlg-angry');
    await c.say('投诉', /发生了什么事/);
    await c.say('在超市买的饼干过期了半个月，吃了一块才发现', /叫什么名字/);
    const said = await c.say('我刚不是说了吗，华鑫食品厂', /在哪儿/);
    expect(said).toMatch(/抱歉/);
    const again = await c.say('怎么又问一遍？？我要投诉！', /在哪儿/);
    expect(again).toMatch(/抱歉/);
    expect(again).toMatch(/华鑫食品厂/); // the recap shows what is already noted
    expect(again).toMatch(/人工/);
    await c.say('新郑市新建路88号', /什么时候/);
    await c.say('昨天', /怎么处理/);
    await c.say('退钱', /真实姓名/);
    await c.say('王强', /电话/);
    await c.say('13812340000', /联系地址/);
    const summary = await c.say('新建路街道幸福小区2号楼', /请核对/);
    expect(summary).toMatch(/商家：华鑫食品厂/);
    expect(summary).toMatch(/地点：新郑市新建路88号/);
    expect(summary).not.toMatch(/又问|我刚/);
    await c.say('取消', /已取消/);
  });

  it('corrections in plain words change the right thing ("地址错了，是郭店镇不是新郑镇", "不是昨天是前天")', async () => {
    const c = bot.citizen('dlg-fix');
    await c.say('举报', /发现的问题/);
    await c.say('新郑镇集上有个卖卤肉的摊子，卤肉里加了亚硝酸盐，颜色红得吓人', /叫什么名字/);
    await c.say('不知道', /在哪儿|什么时候/);
    const fixed = await c.say('地址错了，是郭店镇不是新郑镇', /什么时候|在哪儿/);
    expect(fixed).toMatch(/改过来/);
    await c.say('昨天', /匿名/);
    await c.say('不是昨天是前天', /匿名/);
    await c.say('匿名', /奖励/);
    const summary = await c.say('不要', /请核对/);
    expect(summary).toMatch(/郭店镇/);
    expect(summary).toMatch(/时间：2026-12-03/);
    const row = await caseRow(receiptOf(await c.say('确认', /提交成功/)).number);
    expect(row.township).toBe('郭店镇');
    expect(row.incident_at?.slice(0, 10)).toBe('2026-12-03');
  });

  it('"我的案子怎么样了" with a number and code in the sentence is a status query, never case text', async () => {
    const c = bot.citizen('dlg-status');
    await c.say('投诉', /发生了什么事/);
    await c.say('在饭店吃的凉菜里有只苍蝇，老板不认账', /叫什么名字/);
    await c.say('老街烩面馆', /在哪儿/);
    await c.say('新华路56号', /什么时候/);
    await c.say('昨天', /怎么处理/);
    await c.say('退款', /真实姓名/);
    await c.say('李娜', /电话/);
    await c.say('13698765432', /联系地址/);
    await c.say('新华路街道金城小区', /请核对/);
    const { number, code } = receiptOf(await c.say('确认', /提交成功/));
    // A new draft is started, then the citizen asks about the case in a sentence.
    await c.say('我还要投诉另一家', /发生了什么事/);
    const status = await c.say(`我的案子怎么样了 ${number} 查询码 ${code}`, /当前状态/);
    expect(status).toMatch(new RegExp(number));
    expect(status).toMatch(/发生了什么事/); // and the draft goes on where it was
    const list = await c.say('我的案子怎么样了', /在这里提交的事项/);
    expect(list).toMatch(new RegExp(number));
    expect(await c.say(`${number} 办到哪一步了`, /查询码/)).toMatch(/查询码/);
    await c.say('取消', /已取消/);
    const texts = await db.selectFrom('intake_case').select(['description', 'citizen_request']).execute();
    for (const t of texts) expect(`${t.description} ${t.citizen_request ?? ''}`).not.toContain(code);
  });

  it('"在吗" is a greeting, not a consultation; the story that follows starts the right kind', async () => {
    const c = bot.citizen('dlg-hello');
    const hi = await c.say('在吗', /投诉/);
    expect(hi).toMatch(/1 投诉/);
    expect(hi).not.toMatch(/请核对|咨询的问题/);
    const story = await c.say('俺夜儿个在郭店北街老杨家烩面馆吃烩面，碗里吃出来个苍蝇，想叫他退钱', /./);
    expect(story).not.toMatch(/叫什么名字|什么时候/); // 夜儿个 and the business were understood
    expect(story).toMatch(/投诉/);
  });

  it('English gets English replies through the whole flow, receipt included', async () => {
    const c = bot.citizen('dlg-english');
    // Every fact in the first message: the summary comes at once, publication offered in it.
    const summary = await c.say(
      'Hi, my name is Daniel Brooks, phone 18838172209, I live in the staff apartments of Shengda college, Longhu Town. Last night I had dinner at 蜀香园火锅 in 华南城 and found a cockroach in the soup. I want a full refund.',
      /Please check/,
    );
    expect(summary).toMatch(/complaint/i);
    expect(summary).toMatch(/reply "yes, publish"/);
    expect(summary).toMatch(/Business：蜀香园火锅/);
    expect(summary).toMatch(/2026-12-04/);
    const receipt = await c.say('Yes, submit it. You may publish it.', /Submitted/);
    expect(receipt).toMatch(/Case number/);
    expect(receipt).not.toMatch(/[\u4e00-\u9fff]{4,}/u); // no Chinese sentences
    const row = await caseRow(/Case number：(XZ-\d{8}-\d{6})/.exec(receipt)![1]!);
    expect(row).toMatchObject({ kind: 'complaint', business_name: '蜀香园火锅', township: '龙湖镇', consent_publish: 1 });
  });

  it('complaint and report in one message become a "both" submission: two linked cases', async () => {
    const c = bot.citizen('dlg-both');
    const summary = await c.say(
      '我叫牛建国，电话13523071946，住城关乡敬楼村。昨天在城关乡敬楼村集上老回牛肉摊买的牛肉是注水的，要他退钱，也要你们查处他',
      /请核对/,
    );
    expect(summary).toMatch(/类型：投诉并举报/);
    const receipt = await c.say('中，就这', /提交成功/);
    expect(receipt).toMatch(/案件编号：XZ-\d{8}-\d{6}、XZ-\d{8}-\d{6}/);
  });

  it('a long message mixing several issues is kept whole, and the matter for another authority is answered', async () => {
    const c = bot.citizen('dlg-long');
    const filler = '我家住新建路街道阁老路边上的老小区，平时买菜买日用品都在楼下的家家乐超市，算是老顾客了。'.repeat(24);
    const long =
      `你好，我有好几件事想一起说。${filler}第一件事：上周五下午我在家家乐超市买的酸奶和面包都过期了，店长死活不给退，我要求退钱并赔礼道歉。` +
      '第二件事：我看见他们仓库里员工往火腿肠上贴新标签，把原来的生产日期盖住了，这个我要举报。' +
      '第三件事：隔壁老灶台家常菜的油烟太大了，天天熏得窗户都不敢开，最后这句是结尾。';
    expect(long.length).toBeGreaterThan(1000);
    const reply = await c.say(long, /./);
    expect(reply).toMatch(/生态环境/);
    expect(reply).toMatch(/件事/);
    const more = await c.say('吕淑芬', /./);
    void more;
    await c.say('取消', /已取消/);
  });

  it('the same report sent twice is recognised, not filed again', async () => {
    const c = bot.citizen('dlg-twice');
    const report = '匿名举报：孟庄镇的顺发豆芽坊用无根剂和漂白粉泡豆芽，我前天凌晨路过亲眼看见往池子里倒白粉。不要奖励。';
    const summary = await c.say(report, /请核对/);
    expect(summary).toMatch(/顺发豆芽坊/);
    const { number } = receiptOf(await c.say('确认', /提交成功/));
    const again = await c.say(report, /已经登记过了/);
    expect(again).toContain(number);
    const n = await db.selectFrom('intake_case').select('number').where('business_name', '=', '顺发豆芽坊').execute();
    expect(n).toHaveLength(1);
  });

  it('people ill now: advice to get care at once, and a person is alerted', async () => {
    const c = bot.citizen('dlg-urgent');
    const reply = await c.say('快点！我们一家四口今天早上在烟厂家属院门口的早点摊喝的胡辣汤，现在都在吐，那摊子还在卖！！', /120/);
    expect(reply).toMatch(/优先处理/);
    // The hand-off is made right after the reply.
    let rows: unknown[] = [];
    for (let i = 0; i < 50 && rows.length === 0; i++) {
      rows = await db.selectFrom('wechat_handoff').selectAll().execute();
      if (rows.length === 0) await new Promise((r) => setTimeout(r, 100));
    }
    expect(rows.length).toBeGreaterThanOrEqual(1);
    await c.say('取消', /已取消/);
  });

  it('a short story, a name repeated in frustration and an address sent early are each taken once, never as something else', async () => {
    const c = bot.citizen('dlg-short');
    await c.say('我要投诉', /发生了什么事/);
    await c.say('买的月饼发霉了', /叫什么名字/); // a short story with a problem is a story
    await c.say('就是那个福顺斋', /在哪儿/);
    const sorry = await c.say('我都说了是福顺斋，你记下了没', /在哪儿/);
    expect(sorry).toMatch(/抱歉/);
    expect(sorry).toMatch(/福顺斋/);
    await c.say('新华路街道', /什么时候/);
    await c.say('前天', /怎么处理/);
    await c.say('退钱', /真实姓名/);
    await c.say('我姓张，叫张大力', /电话/);
    await c.say('新华路街道幸福里3号', /电话/); // the address, sent before its question, is kept
    const summary = await c.say('138 3821 5678', /请核对/);
    expect(summary).not.toMatch(/再说一下您的联系地址/); // the address sent early is not asked again
    expect(summary).toMatch(/商家：福顺斋/);
    expect(summary).toMatch(/姓名：张大力/);
    expect(summary).toMatch(/联系地址：新华路街道幸福里3号/);
    expect(summary).toMatch(/时间：2026-12-03/);
    expect(summary).not.toMatch(/记下了没/);
    const row = await caseRow(receiptOf(await c.say('确认', /提交成功/)).number);
    expect(row).toMatchObject({ kind: 'complaint', business_name: '福顺斋', township: '新华路街道' });
  });

  it('a complaint whose business nobody can name is described or filed unnamed, never a loop', async () => {
    const c = bot.citizen('dlg-unnamed');
    await c.say('我叫刘桂芳，电话15638271940，住辛店镇辛店村三组。前天在辛店镇街上买的两袋牛奶过期五天了，要求退钱。', /叫什么名字/);
    const why = await c.say('不知道', /招牌/);
    expect(why).toMatch(/调解/);
    const summary = await c.say('不知道', /请核对/);
    expect(summary).toMatch(/商家：名称不详（辛店镇街上）/);
    const row = await caseRow(receiptOf(await c.say('确认', /提交成功/)).number);
    expect(row).toMatchObject({ kind: 'complaint', township: '辛店镇' });
  });

  it("keeps no plaintext identity in the bot's Redis keys (issue #17)", async () => {
    const c = bot.citizen('dlg-private-contact');
    await c.say('我叫赵秀兰，电话13912345678，住龙湖镇双湖小区9号楼。昨天在华南城的好味道饭店吃饭吃出了蟑螂，要求退款', /请核对/);
    const r = new Redis(env.config.redis.url);
    try {
      const keys = await r.keys(`${env.config.queuePrefix}:bot:*`);
      expect(keys.length).toBeGreaterThan(0);
      const needles = ['赵秀兰', '13912345678', '双湖小区', 'dlg-private-contact', '好味道饭店', '蟑螂'];
      for (const k of keys) {
        for (const n of needles) expect(k).not.toContain(n);
        const type = await r.type(k);
        const values: Buffer[] =
          type === 'string'
            ? [(await r.getBuffer(k))!]
            : type === 'zset'
              ? await r.zrangeBuffer(k, '0', '-1')
              : type === 'hash'
                ? Object.values(await r.hgetallBuffer(k))
                : [];
        for (const v of values) for (const n of needles) expect(v.includes(Buffer.from(n))).toBe(false);
        if (type === 'string' && k.includes(':bot:conv:')) expect(await r.ttl(k)).toBeGreaterThan(0); // drafts expire
      }
    } finally {
      r.disconnect();
    }
    // And the bot still reads its own sealed draft.
    const summary = await c.say('再念一遍', /请核对/);
    expect(summary).toMatch(/赵秀兰/);
    await c.say('取消', /已取消/);
  });
});
