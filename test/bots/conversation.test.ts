// The pure conversation (dates, intent, slot filling, corrections, commands, idle handling), the runner's
// per-contact limits with an in-memory store, and the wording of progress notices. No Redis, no server.
import { describe, expect, it } from 'vitest';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import {
  type ConvState,
  type Inbound,
  type Outcome,
  type Slot,
  EXPIRE_AFTER_MS,
  REMIND_AFTER_MS,
  detectIntent,
  handle,
  idleAction,
  dangerNow,
  illNow,
  newState,
  parseYesNo,
  replaceOverlapping,
  resolve,
  toSubmission,
} from '../../bots/wechat/conversation.ts';
import { chineseNumber, correctedDay, parseIncidentDate } from '../../bots/wechat/dates.ts';
import {
  boughtThing,
  canteenOf,
  describedOnly,
  ownAddressOf,
  placeThenName,
  placeThenShop,
  thatShop,
  hanBusiness,
  quotedBusiness,
  latinBusiness,
  othersPhone,
  parseAnonymous,
  readAnswer,
  requestOf,
} from '../../bots/wechat/slots.ts';
import { fromPinyin } from '../../bots/wechat/pinyin.ts';
import { fixTypos } from '../../src/understanding/normalise.ts';
import { understand } from '../../src/understanding/understand.ts';
import { detectActs, readCorrection } from '../../bots/wechat/acts.ts';
import { ShiantongClient } from '../../bots/wechat/api-client.ts';
import { ConversationRunner } from '../../bots/wechat/session.ts';
import { MemoryStateStore } from '../../bots/wechat/state-store.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { noticeText } from '../../src/notices/citizen-notice.ts';
import { PNG_1x1 } from '../helpers/files.ts';

// Saturday 2026-11-28 15:00 in China.
const NOW = new Date('2026-11-28T07:00:00Z');

describe('parseIncidentDate', () => {
  const cases: [string, string | null][] = [
    ['昨天中午', '2026-11-27'],
    ['前天晚上', '2026-11-26'],
    ['大前天', '2026-11-25'],
    ['今天早上', '2026-11-28'],
    ['3天前', '2026-11-25'],
    ['三天前', '2026-11-25'],
    ['上周五', '2026-11-20'],
    ['上星期五晚上', '2026-11-20'],
    ['上礼拜一', '2026-11-16'],
    ['这周三', '2026-11-25'],
    ['周四', '2026-11-26'],
    ['11月20号', '2026-11-20'],
    ['11月20日下午', '2026-11-20'],
    ['十一月二十号', '2026-11-20'],
    ['2026年11月20日', '2026-11-20'],
    ['2026-11-20', '2026-11-20'],
    ['11.20', '2026-11-20'],
    ['12月25号', '2025-12-25'],
    ['上个月20号', '2026-10-20'],
    ['20号', '2026-11-20'],
    ['明天', null],
    ['2027年1月1日', null],
    ['2月30号', null],
    ['不知道啥时候', null],
  ];
  it.each(cases)('%s → %s', (text, want) => expect(parseIncidentDate(text, NOW)).toBe(want));

  it('counts from the China date, not the UTC one', () => {
    // 2026-11-28 23:30 UTC is already Sunday the 29th in China.
    expect(parseIncidentDate('昨天', new Date('2026-11-28T23:30:00Z'))).toBe('2026-11-28');
  });

  it('reads Chinese numbers', () => {
    expect(chineseNumber('二十五')).toBe(25);
    expect(chineseNumber('十二')).toBe(12);
    expect(chineseNumber('十')).toBe(10);
    expect(chineseNumber('abc')).toBeNull();
  });
});

describe('understanding', () => {
  it.each([
    ['1', 'complaint'],
    ['投诉', 'complaint'],
    ['我要举报', 'report'],
    ['吃坏肚子了怎么办', 'complaint'],
    ['买到过期牛奶', 'complaint'],
    ['有个黑作坊用地沟油', 'report'],
    ['请问网购食品找谁', 'consultation'],
    ['查询进度', 'query'],
    ['你好', 'greeting'],
    ['今天天气', null],
  ])('%s → %s', (text, intent) => expect(detectIntent(text).intent).toBe(intent));

  it('notices illness', () => expect(detectIntent('吃坏肚子了怎么办').harm).toBe(true));

  it.each([
    ['要', true],
    ['同意', true],
    ['不同意', false],
    ['不要', false],
    ['不用了', false],
    ['嗯嗯', true],
    ['随便吧', true],
    ['好吧', true],
    ['不中', false],
    ['中', true],
    ['要。但是我不想让厂里知道是我', true],
    ['今天天气', null],
  ])('yes/no %s → %s', (text, want) => expect(parseYesNo(text)).toBe(want));
});

/** Drives the machine like the runner does, answering effects with the given results. */
function talk(
  lines: (string | Inbound)[],
  start: ConvState = newState('draft-1', NOW.getTime()),
): { state: ConvState; replies: string[]; last: Outcome } {
  let state = start;
  const replies: string[] = [];
  let last: Outcome = { state, replies: [] };
  let n = 0;
  for (const l of lines) {
    const input: Inbound = typeof l === 'string' ? { type: 'text', text: l } : l;
    last = handle(state, input, { now: NOW, newDraftId: `draft-${++n + 1}` });
    state = last.state;
    replies.push(...last.replies);
  }
  return { state, replies, last };
}

const COMPLAINT = [
  '投诉',
  '11月20号在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。',
  '新郑市好又多便利店',
  '新郑市新建路128号',
  '11月20号',
  '退款并按食品安全法赔偿',
  '张伟',
  '138 1234 5678',
  '新郑市人民路8号院',
];

describe('slot filling', () => {
  it('a complaint asks one thing at a time and builds a valid API payload', () => {
    const { state, replies } = talk(COMPLAINT);
    expect(state.step).toBe('summary');
    expect(replies.at(-1)).toMatch(/请核对/);
    const payload = toSubmission(state.draft);
    expect(payload).toEqual({
      kind: 'complaint',
      description: '11月20号在店里买的两盒牛奶，回家发现已经过期三天，喝了一口味道发酸。',
      business: { name: '新郑市好又多便利店', address: '新郑市新建路128号' },
      township: '新建路街道',
      incidentDate: '2026-11-20',
      request: '退款并按食品安全法赔偿',
      person: { name: '张伟', phone: '13812345678', address: '新郑市人民路8号院' },
      consentToPublish: false,
    });
    expect(SubmissionSchema.safeParse(payload).success).toBe(true);
    // Consent to publication is asked in the summary (default no), and given in the confirming reply.
    expect(replies.at(-1)).toMatch(/不同意（同意的话回复“确认，同意公开”）/);
    const confirm = handle(state, { type: 'text', text: '确认，同意公开' }, { now: NOW, newDraftId: 'next' });
    expect(confirm.effect).toMatchObject({ type: 'submit', idempotencyKey: 'draft-1', payload: { consentToPublish: true } });
    const plain = handle(state, { type: 'text', text: '确认' }, { now: NOW, newDraftId: 'next' });
    expect(plain.effect).toMatchObject({ type: 'submit', payload: { consentToPublish: false } });
  });

  it('re-asks on a bad phone number and keeps what was said', () => {
    const { state, replies } = talk([...COMPLAINT.slice(0, 7), '12345']);
    expect(state.step).toBe('phone');
    expect(replies.at(-1)).toMatch(/号码好像不对/);
    expect(state.draft.name).toBe('张伟');
  });

  it('an anonymous report asks for no identity, even with a reward', () => {
    const { state } = talk([
      '我要举报',
      '龙湖镇某村东头有个小作坊，晚上收泔水油回来熬，白天卖给早餐摊。',
      '不知道',
      '龙湖镇某村东头',
      '不记得',
      '匿名',
      '要',
    ]);
    expect(state.step).toBe('summary');
    const p = toSubmission(state.draft);
    expect(p).toMatchObject({ kind: 'report', anonymous: true, wantsReward: true, township: '龙湖镇', place: '龙湖镇某村东头' });
    expect(p.person).toBeUndefined();
    expect(SubmissionSchema.safeParse(p).success).toBe(true);
  });

  it('a real-name report with a reward asks for the ID number, and only then', () => {
    const base = [
      '举报',
      '这家饭店后厨老鼠乱跑，还用过期的肉做菜，没有营业执照。',
      '老街烩面馆',
      '新华路56号',
      '昨天',
      '实名',
      '李娜',
      '13698765432',
    ];
    expect(talk([...base, '不要']).state.step).toBe('summary');
    const { state } = talk([...base, '要']);
    expect(state.step).toBe('idNumber');
    const done = talk(['11010519491231002X'], state).state;
    expect(done.step).toBe('summary');
    expect(toSubmission(done.draft).person).toEqual({ name: '李娜', phone: '13698765432', idNumber: '11010519491231002X' });
  });

  it('a long first message is kept as the description', () => {
    const { state } = talk(['我昨天在超市买的面包发霉了，想投诉退款']);
    expect(state.draft.kind).toBe('complaint');
    expect(state.draft.description).toBe('我昨天在超市买的面包发霉了，想投诉退款');
    expect(state.step).toBe('business');
  });

  it('"修改 电话" changes one slot and returns to the summary', () => {
    const { state } = talk([...COMPLAINT, '修改 电话', '13900001111']);
    expect(state.step).toBe('summary');
    expect(state.draft.phone).toBe('13900001111');
    expect(state.draft.name).toBe('张伟');
  });

  it('a refusal from the API asks again for the field it names', () => {
    const { state } = talk(COMPLAINT);
    const out = resolve(
      state,
      { type: 'submit', ok: false, fields: [{ path: 'person.phone', message: '联系电话格式不正确' }], message: 'x' },
      { now: NOW, newDraftId: 'n' },
    );
    expect(out.state.step).toBe('phone');
    expect(out.replies.join()).toMatch(/联系电话格式不正确/);
  });
});

describe('commands and odd input', () => {
  it('取消 drops the draft, 重新开始 shows the menu, 帮助 keeps the place', () => {
    const mid = talk(COMPLAINT.slice(0, 4)).state;
    const help = talk(['帮助'], mid);
    expect(help.state.step).toBe(mid.step);
    expect(help.replies.join()).toMatch(/我可以帮您/);
    const cancelled = talk(['取消'], mid);
    expect(cancelled.state.step).toBe('menu');
    expect(cancelled.state.draft).toEqual({ files: [] });
    expect(cancelled.state.draftId).not.toBe(mid.draftId);
    expect(talk(['重新开始'], mid).replies.join()).toMatch(/1 投诉/);
  });

  it('人工 takes a message for staff and goes back to the question', () => {
    const mid = talk(COMPLAINT.slice(0, 3)).state;
    const h = talk(['人工', '我想直接打电话说'], mid);
    expect(h.last.effect).toEqual({ type: 'handoff', message: '我想直接打电话说' });
    const back = resolve(h.state, { type: 'handoff', ok: true }, { now: NOW, newDraftId: 'x' });
    expect(back.state.step).toBe(mid.step);
  });

  it('the facts in a message left for a person fill the draft, so they are not asked again', () => {
    const h = talk(['我要投诉', '人工', '昨天在龙湖镇老王家胡辣汤喝出来一只苍蝇']);
    expect(h.last.effect?.type).toBe('handoff');
    expect(h.state.draft.businessName).toBe('老王家胡辣汤');
    expect(h.state.draft.description).toMatch(/苍蝇/);
  });

  it('查询 with a number and code, and alone', () => {
    expect(talk(['查询 XZ-20261120-000001 ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23']).last.effect).toEqual({
      type: 'query',
      number: 'XZ-20261120-000001',
      code: 'ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-23',
    });
    expect(talk(['查询']).last.effect).toEqual({ type: 'list' });
  });

  it('emoji only, 5,000 characters and a script tag get calm answers', () => {
    expect(talk(['😀😀😀']).replies.join()).toMatch(/没看懂/);
    const long = talk(['投诉', '啊'.repeat(5000)]);
    expect(long.replies.at(-1)).toMatch(/有点长/);
    expect(long.state.step).toBe('description');
    expect(talk(['<script>alert(1)</script>']).replies.join()).toMatch(/没太明白|did not quite understand/);
  });

  it('a repeated message is acknowledged once, then ignored', () => {
    const first = talk(['投诉', '在超市买的饼干里有虫子，吃了一口']);
    const again = talk(['在超市买的饼干里有虫子，吃了一口', '在超市买的饼干里有虫子，吃了一口'], first.state);
    expect(again.replies).toHaveLength(1);
    expect(again.replies[0]).toMatch(/不用重复/);
    expect(again.state.step).toBe('business');
  });

  it('voice, stickers and links get a helpful answer; a location fills the place', () => {
    expect(talk([{ type: 'media', media: 'voice' }]).replies.join()).toMatch(/语音/);
    expect(talk([{ type: 'media', media: 'link' }]).replies.join()).toMatch(/链接/);
    const atWhere = talk(COMPLAINT.slice(0, 3)).state;
    expect(atWhere.step).toBe('where');
    const loc = talk([{ type: 'media', media: 'location', text: '河南省郑州市新郑市龙湖镇双湖大道' }], atWhere).state;
    expect(loc.draft.where).toMatch(/龙湖镇/);
    expect(loc.draft.township).toBe('龙湖镇');
  });
});

describe('silence', () => {
  it('reminds once after 30 minutes and expires after 24 hours', () => {
    const s = talk(COMPLAINT.slice(0, 3)).state;
    expect(idleAction(s, NOW.getTime() + REMIND_AFTER_MS - 1)).toBeNull();
    expect(idleAction(s, NOW.getTime() + REMIND_AFTER_MS)?.action).toBe('remind');
    expect(idleAction({ ...s, reminded: true }, NOW.getTime() + REMIND_AFTER_MS)).toBeNull();
    expect(idleAction({ ...s, reminded: true }, NOW.getTime() + EXPIRE_AFTER_MS)?.action).toBe('expire');
    expect(idleAction(newState('d', NOW.getTime()), NOW.getTime() + EXPIRE_AFTER_MS)).toBeNull();
  });
});

describe('runner', () => {
  it('limits each contact, not everyone: one calm warning, then silence until the next minute', async () => {
    let t = NOW.getTime();
    const runner = new ConversationRunner({
      store: new MemoryStateStore(),
      // Never called: greetings need no API.
      api: new ShiantongClient('http://127.0.0.1:9', undefined),
      logger: createLogger('silent'),
      now: () => new Date(t),
      limits: { messagesPerMinute: 3, maxFiles: 9, maxFileBytes: 1024 },
    });
    const got: string[] = [];
    for (let i = 0; i < 6; i++) await runner.onText('busy', `你好${'！'.repeat(i)}`, async (r) => void got.push(r));
    expect(got.filter((r) => /1 投诉/.test(r))).toHaveLength(3);
    expect(got.filter((r) => /太快/.test(r))).toHaveLength(1);
    expect(got).toHaveLength(4);
    const other: string[] = [];
    await runner.onText('calm', '你好', async (r) => void other.push(r));
    expect(other).toHaveLength(1);
    t += 60_000;
    got.length = 0;
    await runner.onText('busy', '你好', async (r) => void got.push(r));
    expect(got[0]).toMatch(/1 投诉/);
  });

  it('refuses files that are too big or not evidence, by content', async () => {
    const runner = new ConversationRunner({
      store: new MemoryStateStore(),
      api: new ShiantongClient('http://127.0.0.1:9', undefined),
      logger: createLogger('silent'),
      limits: { messagesPerMinute: 100, maxFiles: 1, maxFileBytes: 1024 },
    });
    const got: string[] = [];
    const reply = async (r: string) => void got.push(r);
    await runner.onFile('f', new Uint8Array(2048), reply);
    await runner.onFile('f', new TextEncoder().encode('MZ not an image'), reply);
    await runner.onFile('f', new Uint8Array(PNG_1x1), reply);
    await runner.onFile('f', new Uint8Array(PNG_1x1), reply);
    expect(got[0]).toMatch(/太大/);
    expect(got[1]).toMatch(/收不了/);
    expect(got[2]).toMatch(/收到第1个文件/);
    expect(got[3]).toMatch(/最多只能发1个/);
  });
});

describe('notice text', () => {
  it('says what happened in plain words, with the refusal ground but never staff free text', () => {
    const t = noticeText('refuse', 'complaint', 'XZ-20261128-000001', { ground: 'not_competent' });
    expect(t).toMatch(/不属于本部门职责范围/);
    expect(noticeText('accept', 'complaint', 'XZ-20261128-000001', null)).toMatch(/投诉已受理/);
    expect(noticeText('mediation_fail', 'complaint', 'N', { note: '张三不同意' })).not.toMatch(/张三/);
    expect(noticeText('assign', 'complaint', 'N', null)).toBeNull();
    expect(noticeText('triage', 'complaint', 'N', null)).toBeNull();
  });
});

describe('answers are checked for what they should be (issue #13, second pass)', () => {
  it('a question is answered and never stored as the request; a sentence is never a name', () => {
    const { state, replies } = talk(['我要投诉城关乡老街的王记面馆，昨天吃面吃出一根铁丝', '能赔多少', '退钱再赔点', '退钱再赔点']);
    expect(replies.join('\n')).toMatch(/十倍/);
    expect(state.draft.request).toBe('退钱再赔点');
    expect(state.draft.name).toBeUndefined();
    expect(state.step).toBe('name');
    const named = talk(['我姓张，叫张大力'], state);
    expect(named.state.draft.name).toBe('张大力');
  });

  it('a business name of everyday characters is read whole, and a place stays a short phrase', () => {
    const { state } = talk([
      '我叫刘桂芳，电话15638271940，住辛店镇辛店村三组。前天在辛店镇街上的好又多超市买了两袋牛奶，回家一看都过期五天了，喝了一口是酸的。要求超市退钱并按规定赔偿。',
    ]);
    expect(state.draft.businessName).toBe('好又多超市');
    expect(state.draft.where).toBe('辛店镇街上');
    expect(state.draft.township).toBe('辛店镇');
    expect(state.draft.name).toBe('刘桂芳');
  });

  it('a query code sent after its case number completes the status query, and is not kept', () => {
    const { state } = talk(['XZ-20261120-000045']);
    const out = handle(state, { type: 'text', text: '查询码是 AB12-CD34-EF56-GH78' }, { now: NOW, newDraftId: 'n' });
    expect(out.effect).toEqual({ type: 'query', number: 'XZ-20261120-000045', code: 'AB12-CD34-EF56-GH78' });
    expect(JSON.stringify(out.state)).not.toContain('AB12');
  });

  it('a written answer asked for after a question files that question as a consultation', () => {
    const { state, replies } = talk(['请问开小饭馆要办哪些证？', '能给个书面答复吗']);
    expect(replies[0]).toMatch(/许可证/);
    expect(state.draft.kind).toBe('consultation');
    expect(state.draft.description).toContain('办哪些证');
    expect(state.step).toBe('summary');
  });
});

describe('facts without a story (issue #13: they fill the draft, they are not what happened)', () => {
  it('"饭店叫蜀香苑，在龙湖镇，上周末去的" asked for the story keeps the facts and asks for the story again', () => {
    const { state, replies } = talk(['我想投诉一个饭店', '饭店叫蜀香苑，在龙湖镇，上周五去的']);
    expect(state.step).toBe('description');
    expect(state.draft.description).toBeUndefined();
    expect(state.draft.businessName).toBe('蜀香苑');
    expect(state.draft.township).toBe('龙湖镇');
    expect(state.draft.incidentDate).toBe('2026-11-20');
    expect(replies.at(-1)).toMatch(/记下了[\s\S]*发生了什么事/);
    const after = talk(['回去三个人都拉肚子，菜是馊的'], state);
    expect(after.state.draft.description).toMatch(/拉肚子/);
    expect(after.state.step).not.toBe('business'); // the name given before is not asked again
  });

  it('a story with a place and a time is the story', () => {
    const { state } = talk(['我要投诉', '上周五在龙湖镇蜀香苑吃饭，菜里有苍蝇']);
    expect(state.draft.description).toMatch(/苍蝇/);
  });
});

describe('requests, vague suspicions and "nothing more" (issue #13)', () => {
  it('"该赔多少按规定赔" inside a request is asked for, not asked about', () => {
    const { state } = talk(['投诉', '在好又多超市买的酸奶过期了，我要求超市把钱退给我，该赔多少按规定赔']);
    expect(state.draft.request).toMatch(/退/);
    const asked = talk(['投诉', '在好又多超市买的酸奶过期了，能赔多少？']);
    expect(asked.state.draft.request).toBeUndefined();
  });

  it('a suspicion in vague words asks what was seen; "就是这个事" then keeps the story as told', () => {
    const { state, replies } = talk(['俺举报八千乡街上哩红记卤味，卤肉里头加哩有东西']);
    expect(state.step).toBe('description');
    expect(replies.join('\n')).toMatch(/具体|发现的问题/);
    const more = talk(['见他往锅里倒一种红粉，袋子上啥字都没有'], state);
    expect(more.state.draft.description).toMatch(/有东西[\s\S]*红粉/);
    const none = talk(['就是这个事'], state);
    expect(none.state.step).not.toBe('description');
    expect(none.state.draft.description).not.toMatch(/就是这个事/);
  });
});

describe('the same message twice (issue #13)', () => {
  it('a message not taken the first time is read again, not waved off as a repeat', () => {
    const start = talk([
      '举报！辛店镇有个小作坊用病死猪做腊肉',
      '我实名举报，我叫韩磊，手机18603715522，要奖励',
      '不知道叫啥',
      '上个星期五',
    ]);
    expect(start.state.step).toBe('idNumber');
    const bad = talk(['410184199003150018'], start.state);
    expect(bad.replies.join('\n')).toMatch(/不对/);
    const again = talk(['410184199003150018'], bad.state);
    expect(again.replies.join('\n')).not.toMatch(/已经收到/);
    // Read again, and still wrong: the report goes on without the number rather than asking a third time; the
    // reward is still applied for (the ID card is checked at the claim), and the API takes it so.
    expect(again.replies.join('\n')).toMatch(/还是核对不上，先不记身份证号；奖励照样申请/);
    expect(again.state.draft.wantsReward).toBe(true);
    // The story was a few words: what was seen is asked once at the end ("没有" ends it).
    expect(again.state.step).toBe('description');
    const done = talk(['没有'], again.state);
    expect(done.state.step).toBe('summary');
    expect(done.replies.join('\n')).toMatch(/申请奖励：是（身份证领奖时核对）/);
    const payload = toSubmission(done.state.draft);
    expect(payload).toMatchObject({ wantsReward: true, person: { name: '韩磊' } });
    expect((payload.person as { idNumber?: string }).idNumber).toBeUndefined();
    expect(SubmissionSchema.safeParse(payload).success).toBe(true);
    const taken = talk(['我要投诉，城关乡德克士的汉堡里有根头发，昨天中午买的', '我要投诉，城关乡德克士的汉堡里有根头发，昨天中午买的']);
    expect(taken.replies.at(-1)).toMatch(/已经收到/);
  });
});

describe("a report with the writer's own remedy, indifference to a reward, 熟食 names (issue #13)", () => {
  it('"我要举报他们，也要他退钱赔偿" files both, with the business named in the story', () => {
    const { state } = talk(['昨天在梨河镇的老张熟食买的卤肉，吃完全家拉肚子，我要举报他们，也要他退钱赔偿']);
    expect(state.draft.kind).toBe('both');
    expect(state.draft.businessName).toBe('老张熟食');
    expect(state.draft.request).toMatch(/退钱/);
    expect(talk(['举报龙王乡的一个养殖场给羊喂瘦肉精']).state.draft.kind).toBe('report');
  });

  it('"给不给都行" to the reward question applies for none', () => {
    let { state } = talk(['匿名举报龙王乡的一个养殖场给羊喂瘦肉精，不知道叫啥，记不清啥时候']);
    for (let i = 0; i < 4 && state.step !== 'reward'; i++) state = talk(['不知道'], state).state;
    expect(state.step).toBe('reward');
    expect(talk(['给不给都行'], state).state.draft.wantsReward).toBe(false);
    expect(talk(['要'], state).state.draft.wantsReward).toBe(true);
  });
});

describe('trade words that end a business name (issue #13)', () => {
  it.each([
    ['联系人：李娜 13698765432。举报孟庄镇的鑫鑫食府用地沟油', '鑫鑫食府'],
    ['举报八千乡的福来饭庄用病死猪肉', '福来饭庄'],
  ])('%s → %s, not asked again', (text, name) => {
    const { state } = talk([text]);
    expect(state.draft.businessName).toBe(name);
    expect(state.step).not.toBe('business');
  });
});

describe('wishes said beside the pending question (issue #13: "要。但是我不想让厂里知道是我")', () => {
  const FIRST = '我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报，有奖励吗';

  it('a bare "要" right after rewards were explained asks for the reward; the wish to stay unknown is confirmed, no "没看懂"', () => {
    const first = talk([FIRST]);
    expect(first.replies[0]).toMatch(/奖励/);
    expect(first.state.step).toBe('when');
    const { state, replies } = talk(['要。但是我不想让厂里知道是我'], first.state);
    expect(state.draft.wantsReward).toBe(true);
    expect(state.draft.anonymous).toBe(true);
    const reply = replies.join('\n');
    expect(reply).not.toMatch(/没看懂|没太明白/);
    expect(reply).toMatch(/申请举报奖励/);
    expect(reply).toMatch(/保密/);
    expect(reply).toMatch(/什么时候/); // only the time is still missing
    expect(reply).not.toMatch(/需要申请吗|想匿名|叫什么名字|在哪儿/);
    const done = talk(['上周五'], state);
    expect(done.state.step).toBe('summary');
    expect(done.replies.join('\n')).toMatch(/申请奖励：是/);
    expect(done.replies.join('\n')).toMatch(/匿名：是/);
    const payload = toSubmission(done.state.draft);
    expect(payload).toMatchObject({ kind: 'report', anonymous: true, wantsReward: true });
    // Nothing given was asked for: the time (never answered) twice, reward and anonymity never.
    expect(done.state.asked).toEqual({ when: 2 });
  });

  it('what is left of the message still answers the question ("不要，上周五的事")', () => {
    const first = talk([FIRST]);
    const { state } = talk(['不要，上周五的事'], first.state);
    expect(state.draft.wantsReward).toBe(false);
    expect(state.draft.incidentDate).toBe('2026-11-20');
    expect(state.step).toBe('summary');
  });

  it('a bare "要" with no reward explained just before is not taken as a reward wish', () => {
    const first = talk(['城关乡西贾庄老四川菜馆用地沟油，我要匿名举报']);
    expect(first.state.step).toBe('when');
    const { state, replies } = talk(['要'], first.state);
    expect(state.draft.wantsReward).toBeUndefined();
    expect(replies.join('\n')).toMatch(/什么时候/);
  });

  it('"好" right after anonymity was explained is read against it', () => {
    const first = talk(['城关乡西贾庄老四川菜馆用地沟油，我要举报', '能匿名吗']);
    const { state, replies } = talk(['好'], first.state);
    expect(state.draft.anonymous).toBe(true);
    expect(replies.join('\n')).not.toMatch(/没看懂|没太明白/);
  });
});

describe('a named reporter asking to stay unknown to the business (issue #13)', () => {
  it('keeps the report named, says the name is kept from the business, and takes the phone in the same message', () => {
    const { state, replies } = talk([
      '我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要举报',
      '上周五',
      '实名',
      '张大力',
      '别让厂里知道是我，13912345678',
    ]);
    expect(state.draft.anonymous).toBe(false);
    expect(state.draft.phone).toBe('13912345678');
    expect(replies.at(-1)).toMatch(/实名举报的信息也保密[\s\S]*奖励/);
    expect(state.step).toBe('reward');
  });
});

describe('a fact already noted, said again while something else is asked (issue #13)', () => {
  it('"就是华鑫食品厂" when the time is asked: no "没看懂", the time asked again', () => {
    const first = talk(['我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报']);
    expect(first.state.step).toBe('when');
    const { state, replies } = talk(['就是华鑫食品厂'], first.state);
    expect(replies.join('\n')).not.toMatch(/没看懂|没太明白/);
    expect(replies.join('\n')).toMatch(/已经记下了[\s\S]*什么时候/);
    expect(state.draft.businessName).toBe('华鑫食品厂');
    expect(state.step).toBe('when');
  });

  it('a time the bot cannot read is still told so', () => {
    const first = talk(['我在薛店镇华鑫食品厂上班，厂里把过期的面粉重新装袋，生产日期改成新的，我要匿名举报']);
    expect(talk(['明年三月'], first.state).replies.join('\n')).toMatch(/没看懂/);
  });
});

describe('answers read for what they are, wherever they come (issue #13)', () => {
  it('a short message naming a crime starts a report with it as the story', () => {
    const { state } = talk(['有人卖病死猪肉']);
    expect(state.draft.kind).toBe('report');
    expect(state.draft.description).toContain('病死猪');
    expect(state.step).toBe('business');
  });

  it('a vendor described in a sentence is filed as the vendor, without the place or the rest of the sentence', () => {
    const { state } = talk(['有人卖病死猪肉', '就是孟庄镇集上那个卖肉的老刘，天天早上在那摆摊']);
    expect(state.draft.businessName).toBe('卖肉的老刘');
    expect(state.draft.township).toBe('孟庄镇');
  });

  it('"俺不知道他叫啥" is not knowing the name, and "天天都做" is no business name but an ongoing matter', () => {
    const a = talk(['我要举报', '龙湖镇小乔村东头那家豆芽店用无根剂', '俺不知道他叫啥']);
    expect(a.state.draft.businessName).toBeNull();
    expect(a.state.step).toBe('when');
    const b = talk(['天天都做'], a.state);
    expect(b.state.draft.incidentDate).toBeNull();
    expect(b.state.step).toBe('anonymous');
    const c = talk(['我要举报', '龙湖镇小乔村东头那家豆芽店用无根剂', '天天都做']);
    expect(c.state.draft.businessName).toBeUndefined();
    expect(c.replies.at(-1)).toMatch(/叫什么名字/);
  });

  it('how the citizen feels is no request; a request sent when the name is asked is taken as the request', () => {
    const first = talk(['昨天在华南城老张家胡辣汤店喝了碗汤，回来就拉肚子', '要退钱', '现在好点了']);
    expect(first.state.draft.kind).toBe('complaint');
    expect(first.state.draft.request).toBe('要退钱');
    const asked = talk(['昨天在华南城老张家胡辣汤店喝了碗汤，回来就拉肚子，我要投诉', '现在好点了']);
    expect(asked.state.draft.request).toBeUndefined();
    expect(asked.state.step).toBe('request');
    const named = talk(['昨天在华南城老张家胡辣汤店喝了碗汤，回来就拉肚子，我要投诉', '我叫王建国', '退钱，赔医药费']);
    expect(named.state.draft.request).toMatch(/退钱/);
  });

  it('a complaint whose request also asks for punishment becomes both; "不用匿名" draws no anonymity warning', () => {
    const { state, replies } = talk([
      '昨天在华南城老张家胡辣汤店喝了碗汤，回来就拉肚子，我要投诉',
      '退钱，还得查查他家卫生',
      '不用匿名，俺叫王建国',
    ]);
    expect(state.draft.kind).toBe('both');
    expect(state.draft.name).toBe('王建国');
    expect(replies.join('\n')).not.toMatch(/投诉需要实名（要调解）/);
  });
});

describe('more of what citizens type, read as a hotline operator would (issue #13, third round)', () => {
  it('homophone slips are mended before reading: "投述", "举包", "退宽"', () => {
    const { state } = talk(['我在饿了吗上点的炸鸡 吃出来是臭的 要退宽 还要举包他们']);
    expect(state.draft.kind).toBe('both');
  });

  it('a name typed with spaces, and "对，没错" to the summary', () => {
    const { state } = talk(['投诉', '昨天在好又多超市买的面包长毛了', '新村镇', '退钱', '韩 雪']);
    expect(state.draft.name).toBe('韩雪');
  });

  it('"我不怕他们知道是我" is a named report; "可不敢叫他知道是俺说哩" is anonymous', () => {
    const named = talk([
      '我要举报，我叫高玉珍，电话13213718890，我不怕他们知道是我。前天在新烟街道好邻居超市看见他们把过期牛奶的日期标签撕了重贴',
    ]);
    expect(named.state.draft.anonymous).toBe(false);
    const confirm = talk(['对，没错'], named.state.step === 'summary' ? named.state : { ...named.state, step: 'summary' });
    expect(confirm.last.effect?.type).toBe('submit');
    const anon = talk(['我要举报', '梨河镇黄桥村俺隔壁做腐竹哩往锅里撒白面面', '不知道叫啥', '记不清了', '可不敢叫他知道是俺说哩']);
    expect(anon.state.draft.anonymous).toBe(true);
  });

  it('the citizen’s home address never becomes the business’s township', () => {
    const { state } = talk([
      '投诉',
      '抖音直播买的牛肉干有虫子',
      '草原大胖牛肉干',
      '不知道 发货地写的内蒙古',
      '上周五',
      '退一赔十',
      '杜佳琪',
      '13598027716',
      '新华路街道 锦绣小区',
    ]);
    expect(state.draft.where).toBe('发货地写的内蒙古');
    expect(state.draft.township ?? null).toBeNull();
    expect(state.draft.address).toBe('新华路街道 锦绣小区');
  });

  it('a complaint’s unknown address is asked once more in other words, then filed as not known', () => {
    const first = talk(['投诉', '昨天在一家饭馆吃的凉皮里有头发', '老李凉皮', '不知道']);
    expect(first.replies.at(-1)).toMatch(/大概位置也行/);
    expect(first.state.step).toBe('where');
    const second = talk(['不知道'], first.state);
    expect(second.state.draft.where).toBe('地址不详');
    expect(second.state.step).not.toBe('where');
  });

  it('only questions are answered on the spot, not filed as a complaint', () => {
    const { state, replies } = talk(['想问一下，食品吃出问题说能十倍赔偿，是咋算的？我买了30块钱的东西能赔多少？']);
    expect(replies.join('\n')).toMatch(/十倍/);
    expect(state.draft.kind).toBeUndefined();
  });

  it('"要，匿名的话奖励咋领？" answers the reward question and gets the answer to its own', () => {
    const first = talk(['我要举报一家火锅店往锅底里放罂粟壳', '渝味老火锅', '黄帝故里旁边那条街上', '上周五晚上', '匿名']);
    expect(first.state.step).toBe('reward');
    const { state, replies } = talk(['要，匿名的话奖励咋领？'], first.state);
    expect(state.draft.wantsReward).toBe(true);
    expect(replies.join('\n')).toMatch(/领奖密码|申领/);
  });

  it('a remedy and "你们也管管吧" about the shop’s other goods make both; "恁快管管" alone asks what is wanted', () => {
    const both = talk(['新郑烟厂对面好又多超市买的饼干过期半年了 12月2号买的 要退一赔十！！货架上还有好多过期的 你们也管管吧']);
    expect(both.state.draft.kind).toBe('both');
    expect(both.state.draft.businessName).toBe('好又多超市');
    const ask = talk(['俺村夜儿个晌午办喜事 吃哩流水席 到黑价一二十口人上吐下泻 这会儿还有七八个在卫生院躺着哩 恁快管管']);
    expect(ask.state.draft.kind).toBeUndefined();
    expect(ask.last.effect?.type).toBe('handoff'); // people in hospital now: a person at once
  });
});

describe('questions, nicknames and shop kinds (issue #13, third round)', () => {
  it('"俺想问问 举报有奖励木有 咋领哩" is answered on the spot, not a report begun', () => {
    const { state, replies } = talk(['俺想问问 举报有奖励木有 咋领哩']);
    expect(replies.join('\n')).toMatch(/领奖密码|申领/);
    expect(state.draft.kind).toBeUndefined();
  });

  it('a story that ends in "咋投诉" is a complaint begun, not only a question', () => {
    const { state } = talk(['美团点的黄焖鸡米饭里吃出来头发 恶心死了 平台就给退了一半 咋投诉']);
    expect(state.draft.description).toMatch(/头发/);
  });

  it('"俺想反映个事儿 举报" is no story: the story is asked for', () => {
    const { state, replies } = talk(['俺想反映个事儿 举报']);
    expect(state.draft.kind).toBe('report');
    expect(state.draft.description).toBeUndefined();
    expect(replies.at(-1)).toMatch(/发现的问题/);
  });

  it('the name people call a seller by, a shop named after "他们叫", and a kind of shop for a report', () => {
    const nick = talk(['我要投诉', '前天在观音寺集上割了二斤肉 回家淌了半盘子血水 是注水肉', '卖肉哩 都叫他赵胖子 木有店名']);
    expect(nick.state.draft.businessName).toBe('赵胖子');
    const named = talk(['我要举报', '我们小区有人搞健康讲座卖灵芝孢子粉说能治癌症', '他们叫康寿健康讲堂']);
    expect(named.state.draft.businessName).toBe('康寿健康讲堂');
    const kindOnly = talk(['我要举报', '村里的代销点卖过期方便面 过期俩月了', '就村里那个代销点 木有名']);
    expect(kindOnly.state.draft.businessName).toBeNull();
  });

  it('"算了" answering the reward question is a no, not a cancel; thanks for an answer files nothing', () => {
    const first = talk(['我要举报一家火锅店往锅底里放罂粟壳', '渝味老火锅', '黄帝故里旁边那条街上', '上周五晚上', '匿名']);
    const { state } = talk(['算了'], first.state);
    expect(state.draft.wantsReward).toBe(false);
    // A one-line tip is asked once what was seen before the summary.
    expect(state.step).toBe('description');
    expect(talk(['没有'], state).state.step).toBe('summary');
    const asked = talk(['问一下，买的吃的要是出了问题，想投诉的话需要留哪些证据？', '咨询', '就是这个事']);
    expect(asked.state.draft.description).toMatch(/证据/);
    const done = talk(['好的，知道了，谢谢'], asked.state);
    expect(done.last.effect).toBeUndefined();
    expect(done.state.draft.kind).toBeUndefined();
  });

  it('a status query in English is answered in English', () => {
    const asked = talk(['Hi, could you check on my case? It is XZ-20261124-000089 and the query code is MNPQ-RSTU-VWXY-ZABC.']);
    expect(asked.last.effect).toMatchObject({ type: 'query', number: 'XZ-20261124-000089' });
    const out = resolve(
      asked.state,
      { type: 'query', ok: true, status: { number: 'XZ-20261124-000089', kindLabel: '投诉', status: '已受理', timeline: [] } },
      { now: NOW, newDraftId: 'x' },
    );
    expect(out.replies.join('\n')).toMatch(/Your case XZ-20261124-000089[\s\S]*Status/);
  });
});

describe('answers given sloppily or out of order (issue #13, fourth round)', () => {
  it('phone numbers read aloud in groups, in Chinese or English words', () => {
    const zh = talk([
      '投诉',
      '昨天在好又多超市买的面包长毛了',
      '新村镇',
      '退钱',
      '张秀英',
      '我记不住，我念给你：一三八，零三七一，二二六五',
    ]);
    expect(zh.state.draft.phone).toBe('13803712265');
    const en = talk([
      'I want to complain. Yesterday I bought mouldy bread at a shop called Haoyouduo in Xinzheng',
      'refund',
      'Tom Becker',
      'one three nine, three seven one two, four four zero eight',
    ]);
    expect(en.state.draft.phone).toBe('13937124408');
  });

  it('name and phone in one answer; a thumbs-up answers yes', () => {
    const { state } = talk([
      '我要投诉 昨天买的面包发霉了',
      '店名叫老王面包房',
      '在龙湖镇',
      '退钱',
      '王建国 13812345678',
      '龙湖镇华南城5号楼',
      '没有',
    ]);
    expect(state.draft).toMatchObject({ name: '王建国', phone: '13812345678' });
    expect(state.step).toBe('summary');
    expect(talk(['👌'], state).last.effect?.type).toBe('submit');
  });

  it('a place sent for a report’s business name is the place, and the report goes on without a name', () => {
    const { state } = talk(['犁河镇有个小作坊做辣条 用的色素是工业的', '在犁河镇绰刘村北头 上周六过去看到的']);
    expect(state.draft.businessName).toBeNull();
    expect(state.draft.township).toBe('梨河镇');
  });

  it('"有奖励？那中，要" answers the reward question; "不稀罕" says no', () => {
    const first = talk(['我要举报一家火锅店往锅底里放罂粟壳', '渝味老火锅', '黄帝故里旁边那条街上', '上周五晚上', '匿名']);
    expect(talk(['有奖励？那中，要'], first.state).state.draft.wantsReward).toBe(true);
    expect(talk(['不稀罕'], first.state).state.draft.wantsReward).toBe(false);
  });

  it('a dish and a shop word is no business name', () => {
    const { state } = talk(['你好，我要举报一家饭店后厨太脏了', '黄焖鸡店后厨有老鼠在案板上跑，垃圾桶敞着']);
    expect(state.draft.businessName).toBeUndefined();
    expect(state.draft.description).toMatch(/老鼠/);
  });
});

describe('quoted names, canteens and recovery (issue #13, fourth round)', () => {
  it('a quoted name beside a shop word is the business; "现在木事了" is no urgent case', () => {
    const { state, last } = talk([
      "俺叫刘桂兰，电话13592617730，家住梨河镇前吕村。前儿个在梨河镇集上'老周卤肉'那个摊子买了二斤卤肉，回来一闻都馊了，俺孙子吃了一口就吐了，现在木事了。俺要他把钱退给俺。",
    ]);
    expect(state.draft.businessName).toBe('老周卤肉');
    expect(last.effect?.type).not.toBe('handoff');
  });

  it('a named school’s canteen is the business; a bare "学校食堂" or a day before it is none', () => {
    expect(talk(['举报学校食堂', '华信学院二食堂后厨用过期的冻肉 箱子上的日期是2025年的']).state.draft.businessName).toBe('华信学院二食堂');
    expect(talk(['举报学校食堂', '孩子回来说这周四中午学校食堂的肉是臭的']).state.draft.businessName).toBeUndefined();
  });
});

describe('a name typed as a headline (issue #13, fourth round)', () => {
  it('"投诉 茶百味 河南工程学院南门那家 …" names 茶百味; "我要投诉 电话 139…" names no business; a home is no business', () => {
    const { state } = talk([
      '投诉 茶百味 河南工程学院南门那家 昨天下午买的奶茶里喝出来一块塑料片 我叫郑可欣 17737108294 住工程学院学生公寓5号楼 要求退款+道歉',
    ]);
    expect(state.draft.businessName).toBe('茶百味');
    expect(talk(['我要投诉 电话 139 3712 6655 我叫黄静']).state.draft.businessName).toBeUndefined();
  });
});

describe('everything in the first message (issue #13, fourth round)', () => {
  it('"在俺村口…" places the business in the village of the citizen’s address; a fake product is a story', () => {
    const village = talk([
      '俺叫李保全，电话15036178823，住城关乡东郭寺村。今儿早上在俺村口老王家胡辣汤喝胡辣汤，碗底捞出来半拉蟑螂。俺要投诉，叫他退钱赔礼道歉。',
    ]);
    expect(village.state.draft.where).toBe('城关乡东郭寺村口');
    expect(village.state.draft.township).toBe('城关乡');
    expect(village.state.step).toBe('summary');
    const fake = talk([
      "在抖音直播间'豫香源土特产'买的土蜂蜜，店铺地址写的是新郑市薛店镇，收到一尝全是白糖水的味道，根本不是蜂蜜。12月1号下的单。我叫陈晓雨，手机15937106625，住新烟街道烟厂家属院，要求退货退款",
    ]);
    expect(fake.state.draft.businessName).toBe('豫香源土特产');
    expect(fake.state.step).toBe('summary');
  });
});

describe('a name with a phone said in words, and a quoted name kept out of the place (issue #13)', () => {
  it('"王建国 一三八三八二一五六七八" gives the name and the phone; the place stops before a quoted name', () => {
    const { state } = talk([
      "俺夜儿个在孟庄集上'老刘卤肉'那个摊子买哩卤肉，回来一闻都馊了，俺要投诉，叫他退钱",
      '王建国 一三八三八二一五六七八',
    ]);
    expect(state.draft).toMatchObject({ businessName: '老刘卤肉', where: '孟庄集上', name: '王建国', phone: '13838215678' });
  });
});

describe('after filing: the claim password and thanks (issue #13, fifth round)', () => {
  const REPORT = '我要匿名举报川味轩饭店用地沟油，在龙湖镇华信学院附近，周二晚上看见后厨从下水道捞油倒回油锅，有奖励的话也要';
  const filed = (state: ConvState): Outcome =>
    resolve(
      state,
      { type: 'submit', ok: true, cases: [{ number: 'XZ-20261128-000007', kind: 'report' }], queryCode: 'ABCD-EFGH-JKLM-NPQR' },
      { now: NOW, newDraftId: 'draft-next' },
    );

  it('an anonymous reward report is asked for its claim password, which goes to the server only and is kept nowhere', () => {
    const before = talk([REPORT, '确认']);
    expect(before.last.effect?.type).toBe('submit');
    const receipt = filed(before.state);
    expect(receipt.replies.join('\n')).toMatch(/领奖密码 XZ-20261128-000007/);
    const set = handle(receipt.state, { type: 'text', text: 'Mianfen2026!' }, { now: NOW, newDraftId: 'd' });
    expect(set.effect).toEqual({ type: 'claimPassword', number: 'XZ-20261128-000007', password: 'Mianfen2026!' });
    expect(JSON.stringify(set.state)).not.toContain('Mianfen2026');
    expect(set.state.claimFor).toBeUndefined();
    const done = resolve(set.state, { type: 'claimPassword', ok: true, number: 'XZ-20261128-000007' }, { now: NOW, newDraftId: 'd' });
    expect(done.replies.join('\n')).toMatch(/已为 XZ-20261128-000007 设置领奖密码/);
  });

  it('"以后再说" leaves the password for later; a new story after the receipt is read as a story, not a password', () => {
    const receipt = filed(talk([REPORT, '确认']).state);
    const later = handle(receipt.state, { type: 'text', text: '以后再说' }, { now: NOW, newDraftId: 'd' });
    expect(later.effect).toBeUndefined();
    expect(later.replies.join('\n')).toMatch(/以后要设置领奖密码，发送“领奖密码 XZ-20261128-000007 密码”/);
    const story = handle(receipt.state, { type: 'text', text: '还有个事 我要投诉好又多超市卖过期牛奶' }, { now: NOW, newDraftId: 'd' });
    expect(story.effect).toBeUndefined();
    expect(story.state.draft.kind).toBe('complaint');
    expect(story.state.claimFor).toBeUndefined();
  });

  it('a real-name report or one without a reward is not asked for a claim password', () => {
    const noReward = talk(['我要匿名举报川味轩饭店用地沟油，在龙湖镇华信学院附近，周二晚上看见的，不要奖励', '确认']);
    expect(noReward.last.effect?.type).toBe('submit');
    const receipt = filed(noReward.state);
    expect(receipt.replies.join('\n')).not.toMatch(/领奖密码/);
    expect(receipt.state.claimFor).toBeUndefined();
  });

  it('thanks after filing is answered kindly, not with "没太明白"', () => {
    for (const text of ['谢谢', '好的谢谢！', '辛苦了🙏', 'Thanks, bye']) {
      const { replies, state } = talk([text]);
      expect(replies.join('\n'), text).toMatch(/不客气|welcome/i);
      expect(state.draft.kind, text).toBeUndefined();
    }
  });
});

describe('the place ends where the time, the business or the deed begins (issue #13, fifth round)', () => {
  it.each([
    ['我想举报川味轩饭店，在龙湖镇华信学院附近，周二晚上看到后厨从下水道捞油过滤后倒回油锅', '龙湖镇华信学院附近'],
    ['我要举报龙湖镇周庄村的小作坊用病死猪肉做香肠', '龙湖镇周庄村'],
    ['在新建路128号的好又多超市买的牛奶过期了 12月1号买的', '新建路128号'],
  ])('%s → %s', (text, where) => {
    expect(talk([text]).state.draft.where).toBe(where);
  });
});

describe('English writers (issue #13, fifth round)', () => {
  const STORY =
    "I want to report something anonymously. At the Xuedian town farmers market (薛店镇), the meat stall called 王记鲜肉 (Wang's Fresh Meat) is injecting water into pork before selling it.";

  it('"the stall called 王记鲜肉" is the business, the pinyin town is the place, and a Chinese answer keeps English replies', () => {
    const first = talk([STORY]);
    expect(first.state.draft.businessName).toBe('王记鲜肉');
    expect(first.state.draft.township).toBe('薛店镇');
    expect(first.state.draft.where).toBe('薛店镇');
    const after = talk(['王记鲜肉'], first.state);
    expect(after.state.lang).toBe('en');
  });

  it('"Both I guess - I want my money back, and you should check them out" makes both, the request kept in English', () => {
    const first = talk(["Hey, I got sick after eating at a food stall, and I think they're using gutter oil too"]);
    const both = talk(['Both I guess - I want my money back, and you should check them out'], first.state);
    expect(both.state.draft.kind).toBe('both');
    expect(both.state.draft.request).toMatch(/^refund/);
  });

  it('"两样都要" answers the kind question with both', () => {
    expect(talk(['我吃了他家的烧烤拉肚子，我怀疑他们用地沟油', '两样都要']).state.draft.kind).toBe('both');
  });
});

describe('everything in one breath (issue #13, fifth round)', () => {
  it('voice-to-text without punctuation: the request stops at the name, the address at the request', () => {
    const { state } = talk([
      '喂你好我要投诉一下就是前天下午我在新村镇裴李岗村口那个好又多超市买了一箱纯牛奶回家一看生产日期都过期了过期五天了我叫王建军电话一八六三七一五二零八八我家就在裴李岗村三组我要求超市给我退货还要按规定赔偿',
    ]);
    expect(state.draft.request).toBe('我要求超市给我退货还要按规定赔偿');
    expect(state.draft.address).toBe('裴李岗村三组');
    expect(state.draft.where).toBe('新村镇裴李岗村口');
    expect(state.step).toBe('summary');
  });

  it('"我就问问你们管不管！！" before a whole story is a complaint, not "just asking"', () => {
    const { state } = talk([
      '13937126645 我叫孙丽 这个号码能打通 我就问问你们管不管！！上周五在和庄镇的聚福源饭店吃酒席 凉菜里有苍蝇 要求饭店赔偿还得给我道歉 我住和庄镇政府家属院',
    ]);
    expect(state.draft.kind).toBe('complaint');
    expect(state.draft.businessName).toBe('聚福源饭店');
    expect(state.draft.request).toBe('饭店赔偿还得给我道歉');
  });

  it('"我是郭店镇华阳寨的" is where the citizen lives; "我是升达经贸管理学院的学生" is not an address', () => {
    const d = talk(['我要投诉加举报我是郭店镇华阳寨的我叫吴桂香电话一三九三七一零六二五八昨天在华阳寨集上刘记卤肉买了一斤卤猪头肉']).state
      .draft;
    expect(d.address).toBe('郭店镇华阳寨');
    expect(d.businessName).toBe('刘记卤肉');
    const s = talk([
      '我是升达经贸管理学院的学生，叫林晓，电话13213370982，住学校6号宿舍楼。今天早上在我们学校二食堂的李姐包子铺买了三个包子，馅是酸的',
    ]).state.draft;
    expect(s.address).toBe('学校6号宿舍楼');
    expect(s.businessName).toBe('李姐包子铺');
    expect(s.incidentDate).toBe('2026-11-28'); // 今天 on the test clock, not the 6th ("6号宿舍楼")
  });

  it('"没错" confirms the summary; "匿命" is 匿名 typed with a slip; "实名举报" is not told it may stay anonymous', () => {
    const sum = talk([
      '实名举报，要奖励。我叫韩磊，电话17703711258，身份证410184199003152318。龙湖镇太山村村口的兴旺烧烤，羊肉串是拿鸭肉泡羊油冒充的，周三晚上我去后门看了',
    ]);
    expect(sum.state.step).toBe('summary');
    expect(sum.replies.join('\n')).toMatch(/实名举报/);
    expect(sum.replies.join('\n')).not.toMatch(/可以匿名/);
    expect(talk(['没错'], sum.state).last.effect?.type).toBe('submit');
    expect(talk(['匿命举报，有奖励的话我要。城关乡高皮匠村王记凉皮往面里加硼砂，上个星期五我亲眼看见的']).state.draft.anonymous).toBe(true);
  });
});

describe('what people say between the questions (issue #13, fifth round)', () => {
  it('"能不能找个人工跟我说" asks for a person', () => {
    const mid = talk(['你好 我前天在村口惠民超市买了一包挂面 煮的时候漂了一层小黑虫', '把钱退给我 四块五']);
    expect(mid.state.draft.businessName).toBe('惠民超市');
    expect(talk(['我眼神不好 能不能找个人工跟我说'], mid.state).state.step).toBe('handoff');
  });

  it('"no thanks" to the reward question is a no', () => {
    const mid = talk([
      'want to report a restaurant',
      'saw rats in their kitchen',
      "Wang's Dumplings",
      'China South City',
      'yesterday',
      'anonymous please',
    ]);
    expect(mid.state.step).toBe('reward');
    const after = talk(['no thanks'], mid.state);
    expect(after.state.draft.wantsReward).toBe(false);
    expect(after.state.step).toBe('summary');
  });

  it('cooking fumes into the flat are answered with 生态环境, not filed', () => {
    const { replies, state } = talk(['俺家楼下开了个炒菜馆，油烟直往俺家窗户里钻，黑价炒到十一二点。这事儿恁管不管？不管的话俺该找谁？']);
    expect(replies.join('\n')).toMatch(/生态环境/);
    expect(state.draft.kind).toBeUndefined();
  });

  it('"诊所的单子我还留着呢" is noted with the story, not "没太明白"', () => {
    const mid = talk(['饿了么点的黄焖鸡，吃完拉了一夜肚子', '张记黄焖鸡米饭']);
    const r = talk(['诊所的单子我还留着呢'], mid.state);
    expect(r.replies.join('\n')).toMatch(/保存好/);
    expect(r.state.draft.description).toMatch(/诊所的单子/);
    expect(r.state.step).toBe(mid.state.step);
  });

  it('spoiled food served to the writer with no wish said: refund or investigation is asked', () => {
    const { state, replies } = talk(['学校食堂的米饭是馊的！！！有没有人管']);
    expect(state.draft.kind).toBeUndefined();
    expect(replies.join('\n')).toMatch(/退赔|查处/);
  });
});

describe('corrections, sources and fears (issue #13, fifth round)', () => {
  it('"时间是前天不是昨天 我记错了" corrects the date', () => {
    const first = talk([
      '投诉 茶百味 河南工程学院南门那家 昨天下午买的奶茶里喝出来一块塑料片 我叫郑可欣 17737108294 住工程学院学生公寓5号楼 要求退款+道歉',
    ]);
    const fixed = talk(['时间是前天不是昨天 我记错了'], first.state);
    expect(fixed.replies.join('\n')).toMatch(/改过来/);
    expect(fixed.state.draft.incidentDate).toBe('2026-11-26'); // 前天 on the test clock
  });

  it('"用的是化工厂的桶" names where a thing came from, not the business; a forgotten day gives no date', () => {
    const mid = talk([
      '有人在人和寨那边偷偷做辣条 用的色素是工业的 我要举报 别暴露我',
      '村东头铁皮房里有人偷偷做辣条 没任何证照 往里加工业色素 用的是化工厂的桶',
    ]);
    expect(mid.state.draft.businessName).toBeUndefined();
    const when = talk(['上个月底看见的 具体哪天忘了'], { ...mid.state, step: 'when' });
    expect(when.state.draft.incidentDate).toBeNull();
  });

  it('a fear asked about ("他会不会知道是俺？俺怕他报复") is answered and the choice left to the citizen', () => {
    const r = talk(['举报，俺要举报他们', '恁查了他会不会知道是俺说哩？俺怕他报复']);
    expect(r.replies.join('\n')).toMatch(/保密/);
    expect(r.state.draft.anonymous).toBeUndefined();
  });

  it('the place ends where the business’s name begins', () => {
    const r = talk(['举报', '俺们唐户村东头老赵家鸡场，鸡一病死了他不埋，半夜装三轮车上拉出去，听说是卖给城里哩小饭店做黄焖鸡']);
    expect(r.state.draft.businessName).toBe('老赵家鸡场');
    expect(r.state.draft.where).toBe('唐户村东头');
  });
});

describe('illness told as history (issue #13, fifth round)', () => {
  it('"现在好多了" earlier in the story: "这两天吐得不行" later is history, not an emergency', () => {
    const r = talk([
      '我要投诉',
      '前天晌午在食堂吃了炖白菜粉条，回来就上吐下泻，去卫生院挂了两天吊水，现在好多了',
      '幸福院老年食堂',
      '城关乡大周庄村',
      '我这两天吐得不行，挂了两天吊水，花了三百多块钱，叫他们把药钱给我出了',
    ]);
    expect(r.last.effect?.type).not.toBe('handoff');
    expect(r.state.draft.request).toMatch(/药钱/);
  });

  it('people still in hospital are handed to a person at once', () => {
    expect(talk(['俺村夜儿个吃流水席，一二十口人上吐下泻，这会儿还有七八个在卫生院躺着哩']).last.effect?.type).toBe('handoff');
  });
});

describe('a long story is a story (issue #13, fifth round)', () => {
  it('a health-product story told at length is not asked again, and 康寿堂 is the business', () => {
    const { state } = talk([
      '闺女啊，我跟你说，我这心里憋屈。上个月中旬，我在阁老路那个康寿堂听讲座，人家天天发鸡蛋，说他们那个降糖宝是保健食品，吃了能治糖尿病，不用再打胰岛素。我一狠心花了两千九百八十块买了三盒。吃了一个月，血糖一点没降。我去找他们退，他们说拆了不退。现在他们还在那天天开讲座，专门哄我们这些老头老太太。',
      '钱我得要回来，他们也得管管，不能再骗人了',
    ]);
    expect(state.draft.kind).toBe('both');
    expect(state.draft.businessName).toBe('康寿堂');
    expect(state.step).not.toBe('description');
    expect(state.step).not.toBe('business');
  });
});

describe('tried by hand (issue #13, fifth round)', () => {
  it('"王丽 13803712345 住…" sent when the shop’s place is asked fills who and where they live, not the place', () => {
    const first = talk(['你好，我昨天晚上在美团上点了一份麻辣烫，店名叫杨国福麻辣烫，吃出来一根头发，还有点馊味。我要求退款。']);
    expect(first.state.step).toBe('where');
    const r = talk(['王丽 13803712345 住新建路街道金城小区'], first.state);
    expect(r.state.draft.name).toBe('王丽');
    expect(r.state.draft.phone).toBe('13803712345');
    expect(r.state.draft.address).toBe('新建路街道金城小区');
    expect(r.state.draft.where).toBeUndefined();
    expect(r.state.step).toBe('where');
  });

  it('"near Shengda university" is the place, not "Shengda"', () => {
    const r = talk(['I bought bread at a bakery near Shengda university yesterday, it had green mold inside']);
    expect(r.state.draft.where).toBe('near Shengda university');
    expect(r.state.draft.township).toBe('龙湖镇');
  });

  it('a seller nobody can name is described in plain words, with the surname said beside', () => {
    const r = talk(['恁好 俺在集上买哩粉条 煮了一锅都是烂糊哩 还有股子怪味', '俺要叫他退钱', '不知道叫啥 就是集上卖粉条哩 老头儿 姓王']);
    expect(r.state.draft.businessName).toBe('集上卖粉条的（摊主姓王）');
  });

  it('a branch written beside the name is where the shop is', () => {
    const r = talk(['你好，我昨天晚上在美团上点了一份麻辣烫，店名叫杨国福麻辣烫（新郑万达店），吃出来一根头发。我要求退款。']);
    expect(r.state.draft.businessName).toBe('杨国福麻辣烫');
    expect(r.state.draft.where).toBe('新郑万达');
  });

  it('a general question is answered without starting a complaint; "那我要投诉" then starts one', () => {
    const q = talk(['请问在超市买到过期食品可以要求十倍赔偿吗']);
    expect(q.replies.join('\n')).toMatch(/十倍/);
    expect(q.state.draft.kind).toBeUndefined();
    const c = talk(['那我要投诉'], q.state);
    expect(c.state.draft.kind).toBe('complaint');
    expect(c.state.step).toBe('description');
    const again = talk(['那我要投诉'], c.state);
    expect(again.replies.join('\n')).not.toMatch(/没太明白/);
  });
});

describe('sixth round (issue #13)', () => {
  it('English: "name 茶语时光", "please don\'t tell my name", a fear asked in English and "if possible yes"', () => {
    const first = talk([
      "hello. i want report. milk tea shop near Shengda east gate, name 茶语时光. they use expired milk, they put new date sticker on top. please don't tell my name",
    ]);
    expect(first.state.draft.businessName).toBe('茶语时光');
    expect(first.state.draft.anonymous).toBe(true);
    const fear = talk(['the owner will not know it is me right?'], first.state);
    expect(fear.replies.join('\n')).toMatch(/never learns who reported/);
    const mid = talk(['i saw it last on wednesday'], fear.state);
    expect(mid.state.step).toBe('reward');
    expect(talk(['reward? if possible yes'], mid.state).state.draft.wantsReward).toBe(true);
  });

  it('"值不值当去要？" is answered and the choice asked, not taken as a cancel', () => {
    const r = talk(['请问一下，买到过期食品，是不是能要十倍赔偿？我前天在辛店一家超市买了两袋过期的火腿肠，才9块钱，值不值当去要？']);
    expect(r.replies.join('\n')).toMatch(/十倍/);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.state.draft.description).toMatch(/火腿肠/);
  });

  it('a status query that also asks about the reward gets the reward answered', () => {
    const r = talk(['我是匿名举报的那个 编号XZ-20261102-000087 查询码HQRT-MWPZ-KDEA-VXNC 听说查实了能领奖励 我这个能领了吗']);
    expect(r.last.effect?.type).toBe('query');
    expect(r.replies.join('\n')).toMatch(/领奖密码/);
  });

  it('a long message about several matters, no money wanted and the writer hidden, is an anonymous report on the food one', () => {
    const r = talk([
      '你好，我是郭店镇的居民，有好几件事，今天一块说说。第一个是我们小区的物业，电梯坏了快一个月了，找物业他们就说等配件。第二个是楼下路边那个烧烤摊，每天晚上烤到夜里两点，烟呛得窗户都不敢开。第三个是郭店北街我们楼下那家刘记卤肉店。上周五凌晨四点多我从窗户看见一辆没牌子的面包车停在他店后门，往下卸肉，肉是用蛇皮袋装的，没有盖章，隔着老远都能闻到一股臭味，怕是病死猪肉。我孙子上个月在他家买过一回卤猪头肉，回来拉了两天肚子，现在好了，我也不图他赔钱，就是怕别人吃出事来。可别让他知道是我说的。',
    ]);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.state.draft.businessName).toBe('刘记卤肉店');
    expect(r.state.draft.incidentDate).toBe('2026-11-20'); // 上周五 on the test clock, not 今天 ("今天一块说说")
    expect(r.replies.join('\n')).toMatch(/物业/);
  });

  it('"你们到底管不管？" mid-filing is answered plainly; "赶紧派人去看看" is noted; "得判刑不得？" gets an answer', () => {
    const mid = talk(['我们家6口人昨天晚上在观音寺镇唐户村的福满楼吃喜宴，今天早上全都上吐下泻，医药费得他们出，这饭店必须查！']);
    expect(mid.state.draft.businessName).toBe('福满楼');
    expect(talk(['你们到底管不管？问了半天了'], mid.state).replies.join('\n')).toMatch(/管的/);
    const urged = talk(['能不能赶紧派人去他后厨看看，剩菜别让他倒了！'], mid.state);
    expect(urged.replies.join('\n')).toMatch(/尽快/);
    expect(urged.state.draft.description).toMatch(/剩菜别让他倒了/);
    expect(talk(['这要是查实了得判刑不得？'], mid.state).replies.join('\n')).toMatch(/移送公安/);
  });

  it('the money asked for is the request, not "给我个说法"; many ill from one banquet asks the kind', () => {
    const r = talk([
      '我要投诉新建路上的金鼎大酒店！11月29号在他家订了三桌，三桌里头有十二个人上吐下泻。你们今天必须给我个说法！我要他赔偿所有医药费，饭钱也得退。',
    ]);
    expect(r.state.draft.request).toBe('我要他赔偿所有医药费，饭钱也得退');
    const banquet = talk(['俺上礼拜给俺儿办喜事，请哩流水席，客吃完了拉肚子哩有二三十个']);
    expect(banquet.state.draft.kind).toBeUndefined();
  });

  it('"我姓吴，吴振华" is the name; 开心小卖部 is the shop and the place stops before it; "生产厂家" is no business', () => {
    const r = talk(['举报', '潩水寨小学门口的开心小卖部，卖的辣条、果冻好多没有生产厂家，没有日期，是三无的']);
    expect(r.state.draft.businessName).toBe('开心小卖部');
    expect(r.state.draft.where).toBe('潩水寨小学门口');
    expect(talk(['我实名，我姓吴，吴振华'], { ...r.state, step: 'anonymous' }).state.draft.name).toBe('吴振华');
  });
});

describe('seventh round (issue #13)', () => {
  it('slips of the keyboard: "上个里拜三", "投送", "同以", "现再好了"', () => {
    const r = talk([
      '我要投送，上个里拜三在辛店镇人和寨的“胖哥俩肉蟹煲”吃饭，蟹是死的都臭了，吃完拉肚子拉了两天，现再好了。要求赔偿医药费和饭钱。名字:李红伟 手机:18539061173 地址:辛店镇人和寨村委东边',
    ]);
    expect(r.state.draft.kind).toBe('complaint');
    expect(r.state.draft.incidentDate).toBe('2026-11-18'); // 上个礼拜三 on the test clock
    expect(r.last.effect?.type).not.toBe('handoff');
    expect(r.state.step).toBe('summary');
    expect(talk(['同以'], r.state).last.effect?.type).toBe('submit');
  });

  it('"I don\'t know the name, it has no sign" answers the business question of a report', () => {
    const first = talk([
      "I want to report this anonymously. There is a noodle workshop in an iron shed behind Guodian North Street. On Thursday I saw the workers mixing a yellow powder from a bag marked 'industrial' into the dough, and there were rat droppings all over the floor.",
    ]);
    expect(first.state.step).toBe('business');
    const r = talk(["I don't know the name, it has no sign"], first.state);
    expect(r.state.draft.businessName).toBeNull();
    expect(r.replies.join('\n')).not.toMatch(/did not quite understand/);
  });

  it('"店家在新村镇裴李岗村有个加工点" is the shop’s place, not a home', () => {
    const r = talk(['我在抖音直播间“豫味坊小吃”买的卤牛肉，12月1号收到的，长了白毛。店家在新村镇裴李岗村有个加工点。我要求退款。']);
    expect(r.state.draft.township).toBe('新村镇');
  });

  it('"奖励不奖励哩俺不要" declines the reward; "不是前天 是大前天" corrects the date, not the name', () => {
    expect(
      talk(['俺不留名儿啊，龙王乡集上东头那个卖豆腐哩往豆腐里头兑白面面儿，恁去查查吧。奖励不奖励哩俺不要。']).state.draft.wantsReward,
    ).toBe(false);
    const mid = talk(['在美团点的外卖吃出钢丝球了！！气死 前天中午点的']);
    const fixed = talk(['不是前天 是大前天 我刚看了下订单是周三'], mid.state);
    expect(fixed.state.draft.businessName).toBeUndefined();
    expect(fixed.state.draft.incidentDate).toBe('2026-11-25');
  });

  it('西街早点 is a name, 教育园区 is not, and a remedy part after a comma belongs to the request', () => {
    expect(talk(['举报新建路西街社区门口的西街早点，后厨有老鼠到处跑，今天早上我亲眼看见的']).state.draft.businessName).toBe('西街早点');
    expect(talk(['教育园区门口有个小卖部 专门卖三无辣条给小孩 啥标签都没有']).state.draft.businessName).toBeUndefined();
    expect(
      talk(['前儿个晌午俺在观音寺镇街上“老马家羊肉汤”喝了碗汤，那羊肉一股子臭味儿。俺想叫他把汤钱退给俺，再赔俺点儿。']).state.draft
        .request,
    ).toBe('俺想叫他把汤钱退给俺，再赔俺点儿');
  });

  it('"我要他们退一赔十，你们也得查查他们还卖给了多少人" is both, the request the remedy part', () => {
    const r = talk([
      '郭店北街宝贝母婴店卖过期奶粉，我上周五给孩子买了两罐，回家发现过期三个月了。我要他们退一赔十，你们也得查查他们还卖给了多少人。',
    ]);
    expect(r.state.draft.kind).toBe('both');
    expect(r.state.draft.request).toBe('我要他们退一赔十');
  });

  it('"孟庄镇街上老李烩面馆" — the place stops where the shop’s name begins', () => {
    expect(talk(['俺夜儿个在孟庄镇街上老李烩面馆吃哩烩面，面里头有根钢丝']).state.draft.where).toBe('孟庄镇街上');
  });

  it('"外卖吃出问题了" starts a case and asks what happened; "打哪个电话" is answered', () => {
    const r = talk(['在吗 外卖吃出问题了', '投诉']);
    expect(r.state.step).toBe('description');
    const q = talk(['请问一下，我家楼下饭馆油烟特别大，天天往我家窗户里冒，这个归你们管吗', '那我该打哪个电话']);
    expect(q.replies.join('\n')).toMatch(/12369/);
    expect(q.replies.at(-1)).toMatch(/12315/);
  });

  it('ill, and "恁得管管" with no wish said: the kind is asked', () => {
    expect(talk(['俺夜儿个晌午在八千乡街上老刘烩面吃了碗烩面，回来就拉肚子，他那碗都不刷，恁得管管']).state.draft.kind).toBeUndefined();
  });
});

describe('eighth round: names, phones and businesses said in passing (issue #13)', () => {
  it('dialect 嘞, "就卖卤肉那个老孙家" and a name before the phone', () => {
    const r = talk(['俺姓王 叫王大山，恁记一下俺电话15937106623。俺夜儿个在孟庄镇集上卖卤肉嘞老孙家买了二斤卤肉，回来一吃是酸嘞，馊了。']);
    expect(r.state.draft.name).toBe('王大山');
    expect(r.state.draft.phone).toBe('15937106623');
    expect(talk(['就卖卤肉那个老孙家'], { ...r.state, step: 'business' }).state.draft.businessName).toBe('老孙家');
  });

  it('a name and a landline before the story are kept; "“永和号”小卖部" and the answer "永和号" are the business', () => {
    const first = talk(['喂，是管食品安全的吧？我姓周，周家的周，叫周桂兰，家里电话0371-62698845，我没有手机。']);
    expect(first.state.draft.name).toBe('周桂兰');
    expect(first.state.draft.phone).toBe('037162698845');
    expect(first.replies.join('\n')).toMatch(/什么事/);
    const story = talk(['我要投诉', '在观音寺镇唐户村口那个“永和号”小卖部买的挂面，煮的时候漂了一层小虫子'], first.state);
    expect(story.state.draft.businessName).toBe('永和号');
    expect(
      talk(['永和号'], { ...story.state, step: 'business', draft: { ...story.state.draft, businessName: undefined } }).state.draft
        .businessName,
    ).toBe('永和号');
  });

  it('"你们到底管不管？？" in answer to the kind question is answered and the kind asked again', () => {
    const first = talk([
      '气死我了！！我是刘建军 138 3712 6690，就那个华联，龙湖大学城门口的，卖给我的速冻饺子化了又冻的，里面都发霉了！！',
    ]);
    expect(first.state.draft.kind).toBeUndefined();
    expect(first.state.draft.businessName).toBe('华联');
    const q = talk(['你们到底管不管？？'], first.state);
    expect(q.replies.join('\n')).toMatch(/管的/);
    expect(q.state.draft.kind).toBeUndefined();
    expect(talk(['投诉！'], q.state).state.draft.kind).toBe('complaint');
  });

  it('English: "my name is X" is no shop; "a shop called \'Golden Wok Kitchen\'" and "at \'Happy Bites Cafe\'" are', () => {
    expect(
      talk([
        "Hello, my name is Priya Nair, phone 15617738842. Last Friday I ordered noodles on Meituan from a shop called 'Golden Wok Kitchen' in China South City and got food poisoning.",
      ]).state.draft.businessName,
    ).toBe('Golden Wok Kitchen');
    expect(
      talk(["Yesterday I bought a sandwich at 'Happy Bites Cafe' by the campus gate and found a cockroach in it."]).state.draft
        .businessName,
    ).toBe('Happy Bites Cafe');
  });

  it('WeChat emoji codes carry no words; "拉了两天肚子" is a problem told; 检役 and 同议 are slips', () => {
    const r = talk([
      '[捂脸]上周五在美团买了一家叫「蜀香阁」的麻辣烫 吃完拉了两天肚子 现在好了 店在辛店镇 想让他赔医药费 我叫何佳 电话17739216604 住辛店镇人和寨村',
    ]);
    expect(r.state.draft.description?.startsWith('[')).toBe(false);
    expect(r.state.step).toBe('summary');
    expect(talk(['同议'], r.state).last.effect?.type).toBe('submit');
    expect(talk(['举报 新村镇水泉村的“福禄记饭店”把没检役的猪肉当好肉用']).state.draft.description).toMatch(/检疫/);
  });
});

describe('ninth round (issue #13)', () => {
  it('a foreign object eaten ("吃出来一个用过的创可贴") is a story told: nothing more is asked about what happened', () => {
    const r = talk([
      '投诉：12月3号晚上在美团点了郭店北街的香辣坊麻辣烫，吃出来一个用过的创可贴，要求退款并赔偿。联系人马丽，电话13783652206，住郭店镇郭店北街铂金小区。',
    ]);
    expect(r.state.step).toBe('summary');
  });
});

describe('tenth round (issue #13)', () => {
  it('"恁说那是啥意思？不写俺名字就中" to the publication question: explained, and taken as a yes', () => {
    const r = talk([...COMPLAINT, '公开那项改一下', '恁说那是啥意思？不写俺名字就中']);
    expect(r.replies.at(-1)).toMatch(/去掉您的姓名/);
    expect(r.state.step).toBe('summary');
    expect(r.state.draft.consentToPublish).toBe(true);
  });

  it('"恁要名字弄啥？" is answered (why a name is needed) and the name in the same message is taken', () => {
    const r = talk([...COMPLAINT.slice(0, 6), '恁要名字弄啥？……中吧 俺叫孙建设']);
    expect(r.replies.at(-1)).toMatch(/不会告诉被投诉、被举报的一方/);
    expect(r.state.draft.name).toBe('孙建设');
    expect(r.state.step).toBe('phone');
  });

  it('"俺也不知道 恁先说咋弄" to the kind question: a complaint is suggested for a purchase, and can be changed', () => {
    // (An illness from one's own purchase is read as a complaint at once; a suspected crime in it leaves the choice open.)
    const r = talk(['俺老头子夜儿个在薛店集上买哩猪肉，回来一看肉上都是血点子，是病死猪肉', '俺也不知道 恁先说咋弄']);
    expect(r.state.draft.kind).toBe('complaint');
    expect(r.replies.at(-1)).toMatch(/拿不准的话，我先按投诉/);
  });

  it('a named reporter who wants it kept from the business stays named, and is told it is confidential', () => {
    const r = talk([
      '我要反映个情况我是梨河镇前吕村的陈老汉陈德厚我电话13387156249村里红白事都叫那个马师傅做酒席他专门去饭店收泔水上漂的油回来熬熬再炒菜我上个月二十号亲眼见他在他家后院熬那油臭得很我不要钱就想叫恁管管我名字能说但是别叫他知道是我反映的',
    ]);
    const d = r.state.draft;
    expect(d.kind).toBe('report');
    expect(d.anonymous).toBe(false);
    expect(d.name).toBe('陈德厚');
    expect(d.businessName).toBe('马师傅');
    expect(d.incidentDate).toBe('2026-10-20'); // 上个月二十号, the clock being 2026-11-28
    expect(d.wantsReward).toBe(false);
    expect(r.replies.join('\n')).toMatch(/实名举报的信息也保密/);
  });

  it('"俺不敢实名" is an anonymous report', () => {
    const r = talk(['俺举报城关乡王刘庄那个老李烩面馆，老板往汤锅里搁罂粟壳，俺在他那刷碗刷了半年。俺不敢实名，恁说有奖励，那俺要。']);
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.replies.join('\n')).not.toMatch(/登记实名举报/);
  });

  it('"网上买的，发货地址写的是内蒙古" answers where the shop is', () => {
    const r = talk([
      '我在抖音直播间买的牛肉干，包装上写牛肉含量90%，吃着全是淀粉，要退款',
      '直播间叫老牛家草原风干牛肉，店铺名叫老牛家食品旗舰店',
      '网上买的，发货地址写的是内蒙古',
    ]);
    expect(r.state.draft.businessName).toBe('老牛家食品旗舰店');
    expect(r.state.draft.where).toMatch(/内蒙古/);
    expect(r.state.step).toBe('when');
  });

  it('a long voice-typed story quoting "算了…不值当" is no cancel; a refund and "恁得去查查他" make it both', () => {
    const story =
      '俺是郭店镇哩俺叫宋桂芝上个礼拜六去郭店北街那个万家福超市买奶粉回来一看过期俩月了去找他说啥也不给退有个老姐妹还劝俺说算了算了二百多块钱气坏身子不值当俺说这不是钱哩事俺就想叫他把奶粉钱退给俺再按那规定该赔多少赔多少第二个事俺还看见他家服务员在饼干盒子上重新打日期恁得去查查他这不光是坑俺一个人哩俺说问问又不要钱中不中俺家就在郭店镇锦华小区六号楼恁看着给俺办吧麻烦恁了同志';
    const r = talk([story]);
    expect(r.state.draft.kind).toBe('both');
    expect(r.state.draft.businessName).toBe('万家福超市');
  });

  it('a village school named by its place is the business ("于寨村小学…学校十堂那菜是馊哩")', () => {
    const r = talk(['俺孙子在于寨村小学上学回来说学校十堂那菜是馊哩还见过老鼠在厨房跑这恁管不管', '这得叫人去查查啊']);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.businessName).toBe('于寨村小学');
  });
});

describe('tenth round, second part (issue #13)', () => {
  it('an order number is kept with the story and is no business name or phone; "我有截图" is evidence noted', () => {
    const r = talk(['在吗在吗 奶茶里喝出苍蝇了[裂开][裂开]', '投诉 退钱', '订单号 2401 8837 6620 1154 要不要', '我有截图']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.state.draft.phone).toBeUndefined();
    expect(r.state.draft.description).toContain('订单号：2401883766201154');
    expect(r.replies.join('\n')).toMatch(/订单号记下了/);
    expect(r.replies.at(-1)).toMatch(/截图可以直接发过来[\s\S]*叫什么名字/);
  });

  it('"退款 别的算了" is the request "退款"', () => {
    const r = talk([...COMPLAINT.slice(0, 5), '退款 别的算了']);
    expect(r.state.draft.request).toBe('退款');
  });

  it('a stall inside a canteen is named with the canteen; "那个螺蛳粉店" describes a shop, it does not name it', () => {
    const a = talk(['实名举报升达经贸管理学院一食堂一楼麻辣香锅窗口！！昨天中午打饭的阿姨口罩挂下巴上 对着菜打喷嚏']);
    expect(a.state.draft.businessName).toBe('升达经贸管理学院一食堂一楼麻辣香锅窗口');
    const b = talk(['有个事 华信后门那个螺蛳粉店在下水道边上洗菜 恶心死了 emmm 算举报吧 我也没买过他家']);
    expect(b.state.draft.kind).toBe('report');
    expect(b.state.draft.businessName).toBeUndefined();
    // Disgust is no illness: no medical advice.
    expect(b.replies.join('\n')).not.toMatch(/就医/);
  });

  it('"不知道归不归你们管哈" is answered: food safety is ours', () => {
    const r = talk(['不知道归不归你们管哈']);
    expect(r.replies.join('\n')).toMatch(/归我们市场监管部门管/);
  });

  it('a doubled 家 is a name ("华南城家家乐超市"); "好运来家常菜" and "洁康餐具消毒中心" are businesses', () => {
    expect(talk(['11月30号在华南城家家乐超市买了两箱纯牛奶，早过期12天了，我要投诉，要求退货']).state.draft.businessName).toBe(
      '家家乐超市',
    );
    expect(talk(['我实名举报黄帝故里东边的好运来家常菜，后厨老鼠乱窜']).state.draft.businessName).toBe('好运来家常菜');
    expect(talk(['举报八千乡的洁康餐具消毒中心，碗筷根本没有消毒，就是过一遍水直接塑封']).state.draft.businessName).toBe(
      '洁康餐具消毒中心',
    );
  });
});

describe('tenth round, third part (issue #13)', () => {
  it('"这个算违法吗" after a practice told starts a report and says it is likely against the law', () => {
    const r = talk(['我在一个豆芽作坊打工，他们往豆芽里加无根水，还用东西漂白，这个算违法吗']);
    expect(r.state.draft.kind).toBe('report');
    expect(r.replies.join('\n')).toMatch(/涉嫌违法/);
  });

  it('"我想跟真人说" hands over to a person; more of the story said to the person joins it', () => {
    const r = talk([
      '我在一个豆芽作坊打工，他们往豆芽里加无根水，还用东西漂白，这个算违法吗',
      '你是机器人吧？我想跟真人说，这事不小',
      '老板孙红旗每天泡豆子的时候往水里兑无根水',
    ]);
    expect(r.last.effect?.type).toBe('handoff');
    expect(r.state.draft.description).toContain('孙红旗');
  });

  it('"恁可别说是俺说哩啊" and "你们别说是送菜的说的啊" are wishes to stay unknown, not answers', () => {
    const r = talk(['俺村东头那个院儿天天黑价熬油，臭哩很，恁管不管？', '举报他', '恁可别说是俺说哩啊']);
    expect(r.state.draft.anonymous).toBe(true);
    // A smell names no practice: the story is asked for.
    expect(r.replies.at(-1)).toMatch(/请说说您发现的问题|能再具体说说吗/);
    expect(r.state.draft.description).not.toContain('别说');
  });

  it('"恁说投诉还是举报？俺也不懂 反正得叫他别卖了" is a report; "那就写吧 俺不怕" is a named one', () => {
    const r = talk([
      '俺们村小学门口那个小卖部卖那辣条啥字都没有 一毛两毛哩 小孩都买 这能不能管？',
      '恁说投诉还是举报？俺也不懂 反正得叫他别卖了',
    ]);
    expect(r.replies[0]).toMatch(/归我们市场监管部门管/);
    expect(r.state.draft.kind).toBe('report');
    expect(parseAnonymous('恁要俺名字弄啥？……那就写吧 俺不怕')).toBe(false);
    expect(parseAnonymous('别写我名，都是邻居')).toBe(true);
  });

  it('a question about rewards for "举报卖假货的" is answered, not filed; "我就是问问" ends it politely', () => {
    const r = talk(['你好 我孙子说举报卖假货的能给钱 是真的不是 能给多少', '那要是不留名字 钱咋领', '我就是问问']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/领奖密码/);
    expect(r.replies.at(-1)).toMatch(/需要时随时找我/);
  });

  it('names: "养鸡场不知道叫啥，拉鸡的车上写着老韩烧鸡", "摊子上挂个牌子叫老王鲜肉", "饿了么上辣小妞麻辣烫（华信学院店）", not "四人火锅套餐"', () => {
    expect(talk(['我家挨着一个养鸡场，他们把死鸡卖给做烧鸡的', '养鸡场不知道叫啥，拉鸡的车上写着老韩烧鸡']).state.draft.businessName).toBe(
      '老韩烧鸡',
    );
    expect(
      talk(['今天早上在郭店北街菜市场买了三斤五花肉，回家一称才两斤四两，我要投诉', '摊子上挂个牌子叫老王鲜肉']).state.draft.businessName,
    ).toBe('老王鲜肉');
    const t = talk([
      '我要投诉 饿了么上辣小妞麻辣烫（华信学院店）前天晚上点的 吃完拉肚子 要求退款，我叫赵一鸣 电话 13271906653 住华信学院男生公寓3号楼412',
    ]);
    expect(t.state.draft.businessName).toBe('辣小妞麻辣烫');
    expect(t.state.draft.where).toBe('华信学院');
    expect(t.state.draft.township).toBe('龙湖镇');
    expect(talk(['团购的套餐跟图上不一样 坑人', '美团买的四人火锅套餐 图上肥牛两盘 上来就一盘']).state.draft.businessName).toBeUndefined();
  });

  it('dates and typos: "最近两周天天这样 昨晚还改了" is yesterday; "按十倍陪" asks compensation', () => {
    const r = talk(['匿名举报 我在奶茶店兼职 店长让我们把过期的小料改标签继续用', '柠檬仓 升达店', '最近两周天天这样 昨晚还改了']);
    expect(r.state.draft.incidentDate).toBe('2026-11-27');
    const q = talk([...COMPLAINT.slice(0, 5), '按十倍陪 酸奶7块5一瓶']);
    expect(q.state.draft.request).toMatch(/赔/);
  });
});

describe('status queries typed on a Chinese keyboard (issue #13)', () => {
  it('a full-width case number and code are read as ASCII and never kept', () => {
    const r = talk(['我的案子怎么样了 ＸＺ－２０２６１２０１－０００１２３ 查询码 ＡＢＣＤ－ＥＦＧＨ－ＪＫＬＭ－ＮＰＱＲ']);
    expect(r.last.effect).toEqual({ type: 'query', number: 'XZ-20261201-000123', code: 'ABCD-EFGH-JKLM-NPQR' });
    expect(r.state.draft.description).toBeUndefined();
  });
});

describe('eleventh round (dev11, issue #13)', () => {
  it('"退钱 该赔多少赔多少" is the request; "退款，能按十倍赔吗？" answers and is taken', () => {
    expect(talk([...COMPLAINT.slice(0, 5), '退钱 该赔多少赔多少']).state.draft.request).toBe('退钱 该赔多少赔多少');
    const r = talk([...COMPLAINT.slice(0, 5), '退款，能按十倍赔吗？']);
    expect(r.state.draft.request).toBe('退款');
    expect(r.replies.at(-1)).toMatch(/十倍[\s\S]*真实姓名/);
  });

  it('"上周三下的单，这算哪天？" answers when; "商品详情页我也截图了 要发吗？" is told to send it', () => {
    const r = talk([
      '我要投诉，在新建路好又多便利店买的牛奶过期了，喝了一口发酸',
      '商品详情页我也截图了 要发吗？',
      '上周三下的单，这算哪天？',
    ]);
    expect(r.replies.join('\n')).toMatch(/直接在这里发给我/);
    expect(r.state.draft.incidentDate).toBe('2026-11-18');
  });

  it('"奖励还是不要了" and "不要了 退钱就行" call nothing off', () => {
    const r = talk([
      '你好，我想反映个事，我们孩子幼儿园的饭菜有问题',
      '举报吧',
      '孩子说午饭里的鸡腿有酸味，后厨门口堆的肉馅包装上日期都过期了',
      '我想了想奖励还是不要了，别弄复杂了，孩子吃得安全就行',
    ]);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.wantsReward).toBe(false);
    expect(r.state.draft.businessName ?? '').not.toMatch(/复杂/);
  });

  it('labels are answered from the law; "实名吧……等等，还是匿名吧" is anonymous; "先不投诉" ends it', () => {
    const r = talk([
      '请教：配料表里“小麦粉”印成了“小麦分”，这种错别字能主张十倍赔偿吗？如果包装上根本没标生产许可证编号，算不算瑕疵？',
      '就是咨询一下，先不投诉',
    ]);
    expect(r.replies.join('\n')).toMatch(/第97条|第67条/);
    expect(r.replies.at(-1)).toMatch(/需要时随时找我/);
    expect(parseAnonymous('实名吧……等等，还是匿名吧，都是一个市场做生意的')).toBe(true);
  });

  it('"行，那先说牛肉" after a side matter goes back to the question', () => {
    const r = talk([
      '我拍了个视频，市场里有人给牛肉打水',
      '不知道叫啥',
      '还有市场门口那些摆摊的把路都堵死了，城管管不管？',
      '行，那先说牛肉',
    ]);
    expect(r.replies.join('\n')).toMatch(/城市管理部门/);
    expect(r.state.draft.businessName ?? null).toBeNull();
    expect(r.replies.at(-1)).toMatch(/^好的，接着说。[\s\S]*在哪儿/);
  });
});

describe('eleventh round, second part (issue #13)', () => {
  it('a formal letter: 名叫 is the name, "核对无误，请提交。" confirms, numbered demands stay together', () => {
    const letter =
      '尊敬的领导：\n本人李建国，新郑市供电公司退休职工。现就购买过期食品一事正式投诉如下：\n2026年11月20日上午，我在新华路街道轩辕路与新华路交叉口的“惠万家生活超市”购买槐花蜂蜜两瓶，共计136元。回家后发现已过期近两个月。\n根据《中华人民共和国食品安全法》第一百四十八条，本人要求：一、退还货款136元；二、按价款十倍赔偿1360元。\n投诉人：李建国\n联系电话：137 8802 4361\n住址：新郑市金城路供电小区5号楼2单元302室\n此致\n敬礼！';
    const r = talk([letter, '可以公开，但请把我的个人信息去掉', '核对无误，请提交。']);
    expect(r.last.effect?.type).toBe('submit');
    expect(r.state.draft.request).toBe('本人要求：一、退还货款136元；二、按价款十倍赔偿1360元');
    expect(talk(['我是郭店镇一名退休小学教师，名叫王淑贞，举报郭店南街乐乐小卖部卖三无辣条']).state.draft.name).toBe('王淑贞');
  });

  it('"多会儿开始的记不清了" in the story is not asked again; an aside to the time question is no bad date', () => {
    const r = talk(['我实名举报村东头刘二超市卖假酒，拿回收的名牌酒瓶灌散装酒。多会儿开始的记不清了。']);
    expect(r.state.draft.incidentDate).toBeNull();
    const a = talk(['我实名举报村东头刘二超市卖假酒，拿回收的名牌酒瓶灌散装酒', '辛店镇人和寨', '我可不是因为跟他抢生意才举报的啊']);
    expect(a.replies.at(-1)).not.toMatch(/没看懂/);
    expect(a.replies.at(-1)).toMatch(/什么时候/);
  });

  it('"等真有奖励了再给你们吧" to the ID question: no ID for now, no loop', () => {
    const r = talk([
      '我叫周卫东，电话13849071538。我实名举报村东头刘二超市卖假酒，11月20号看见的，查实了奖励我要',
      '刘二超市',
      '辛店镇人和寨',
      '这个也要？等真有奖励了再给你们吧',
      '没有',
    ]);
    expect(r.state.step).toBe('summary');
  });
});

describe('eleventh round, third part (issue #13)', () => {
  it('"我也要举报他们，光给我退钱不中" and "那我投诉加举报吧" make it both, not a switch', () => {
    const a = talk([
      '我要投诉黄帝故里旁边那个母婴店，卖给我过期奶粉',
      '贝贝乐母婴店',
      '我今天又去看了，他们货架上还有好几罐过期的，我也要举报他们，光给我退钱不中',
    ]);
    expect(a.state.draft.kind).toBe('both');
    const b = talk(['举报一个外卖店，没有店面，在小区里头做饭', '我点过他家的菜还吃坏了肚子，现在好了。我那单钱能退不？那我投诉加举报吧']);
    expect(b.state.draft.kind).toBe('both');
  });

  it('many ill at a banquet with the writer’s own family among them: the kind is asked', () => {
    const r = talk(['俺侄子夜儿个在郭店镇一个酒店办喜事，十几桌，回去一大半人上吐下泻，现在还有五六个人在医院躺着，恁管不管']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.last.effect?.type).toBe('handoff');
  });

  it('"官网查的对不上" is no call to punish; "这饭店必须查！医药费得他们出！" is both', () => {
    const a = talk(['拼多多上宝贝优选母婴专营店买的奶粉，罐底批号和官网查的对不上，宝宝喝了两天有点便秘，我怀疑是假奶粉']);
    expect(a.state.draft.kind).toBeUndefined();
    const b = talk(['我们家6口人昨天晚上在观音寺镇唐户村的福满楼吃喜宴，今天早上全都上吐下泻！这饭店必须查！医药费得他们出！']);
    expect(b.state.draft.kind).toBe('both');
  });

  it('"能不能叫个人直接给俺打电话" asks for a person; "退这个月伙食费" is a refund', () => {
    expect(talk(['能不能叫个人直接给俺打电话']).state.step).toBe('handoff');
    expect(talk(['幼儿园早餐的面包长了霉，诉求：退这个月伙食费420元；请查一下幼儿园食堂']).state.draft.kind).toBe('both');
  });
});

describe('eleventh round, fourth part (issue #13)', () => {
  it('another authority’s matter mid-filing answers nothing asked; "那中吧 先说饭店这事" goes back; a corrected name is whole', () => {
    const r = talk([
      '俺在新郑城里阁老路那个饭店吃饭 吃出来个虫',
      '老马家烩面馆',
      '哦不对 不是老马家 是隔壁那个老韩家烩面 俺记岔了',
      '还有个事恁管不管，俺小区物业天天不收垃圾，楼道里臭死了',
      '那中吧 先说饭店这事',
    ]);
    expect(r.state.draft.businessName).toBe('老韩家烩面');
    expect(r.state.draft.incidentDate).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/物业问题/);
    expect(r.replies.at(-1)).toMatch(/^好的，接着说。[\s\S]*什么时候/);
  });

  it('English: Chinese words answering the name question are the name; "it was Thursday evening, not yesterday" corrects the date', () => {
    const r = talk([
      'Hi, I ordered takeaway on Meituan yesterday and found a dead fly in my noodles. I want to complain.',
      'The app shows 兰州牛肉拉面 (Huanan City branch)',
      'Sorry, it was Thursday evening, not yesterday. I just checked the order history.',
    ]);
    expect(r.state.draft.businessName).toBe('兰州牛肉拉面');
    expect(r.state.draft.incidentDate).toBe('2026-11-26');
    expect(r.replies.join('\n')).toMatch(/corrected/);
  });

  it('"投诉啊还能干啥，让他赔" names no business; "就一个事，别重复了" is no name', () => {
    expect(talk(['升达宿舍4个人吃了外卖全拉肚子 现在好了', '投诉啊还能干啥，让他赔']).state.draft.businessName).toBeUndefined();
  });
});

describe('eleventh round, fifth part (issue #13)', () => {
  it('order details pasted from an app: 店铺/店铺名称 is the business, its bracket the place, quoted claims and labels are not', () => {
    const a = talk([
      '【美团外卖】\n店铺：阿香黄焖鸡米饭（龙湖大学城店）\n订单号：8011 5227 3490 8716 2\n下单时间：2026-11-20 12:31\n米饭里有好几只小黑虫，商家不理我',
    ]);
    expect(a.state.draft.businessName).toBe('阿香黄焖鸡米饭');
    const b = talk([
      '投诉抖音直播间销售三无食品：\n店铺名称：豫味坊食品旗舰店（抖音小店，平台公示经营地址：河南省郑州市新郑市孟庄镇）\n下单时间：2026-11-20 21:14\n问题：包装上无生产日期；主播直播时称“正规厂家、有检测报告”。\n诉求：退货退款并支付价款十倍赔偿1580元。',
    ]);
    expect(b.state.draft.businessName).toBe('豫味坊食品旗舰店');
    expect(b.state.draft.township).toBe('孟庄镇');
    const c = talk([
      '我实名举报。\n举报人：韩卫东，电话 135 2552 7810\n被举报对象：郭店镇小司村西头一个炼油小作坊，没有招牌，老板叫侯老三\n违法事实：收泔水油熬炼，贴上“一级大豆油”的标签卖给小吃摊',
    ]);
    expect(c.state.draft.businessName ?? null).toBeNull();
  });

  it('corrections: "也不是…就是观音寺镇" and "黄桥村是梨河镇的，不是辛店镇"', () => {
    const r = talk(['喂 你好 俺买的挂面里有虫子 在梨河镇上的惠民超市买的', '哎呀也不是，俺记糊涂了，就是观音寺镇，唐户那个惠民超市']);
    expect(r.state.draft.township).toBe('观音寺镇');
    const q = talk(['举报辛店镇黄桥村一个作坊用地沟油', '更正：地方写错了，黄桥村是梨河镇的，不是辛店镇']);
    expect(q.state.draft.township).toBe('梨河镇');
  });
});

describe('eleventh round, sixth part (issue #13)', () => {
  it('"恁说投诉不中，那俺就举报他" switches to a report; "一个批发部" names no business', () => {
    const r = talk([
      '俺要投诉一个批发部，俺在市场卖卤菜哩，从他那进哩冻鸡爪，一股药水味',
      '薛店镇，往机场去那条路边上',
      '那中吧，恁说投诉不中，那俺就举报他，不匿名',
    ]);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.businessName ?? null).toBeNull();
  });

  it('"我打字慢，你们别嫌烦" gets patience; farm pesticide (3911 on leeks) is pointed to agriculture', () => {
    const r = talk(['俺村东地里有个种韭菜的，为了治韭蛆往地里灌那个3911，就是甲拌磷，拉到新郑市场上卖', '我打字慢，你们别嫌烦']);
    expect(r.replies.join('\n')).toMatch(/农业农村/);
    expect(r.replies.at(-1)).toMatch(/^不着急/);
  });

  it('English "Can someone call me?" asks for a person; a quoted boss nickname is no business', () => {
    expect(talk(['Can someone call me?']).state.step).toBe('handoff');
    expect(
      talk(['匿名举报：薛店镇北边一个没挂牌子的肉食加工作坊，老板外号“二军”，收病死猪做卤肉']).state.draft.businessName ?? null,
    ).toBeNull();
  });
});

describe('eleventh round, seventh part (issue #13)', () => {
  it('who the writer is, then the name: 村民赵德明, 退休职工李建国, a numbered 举报人 line, English "My details:"', () => {
    expect(
      talk(['尊敬的领导：我是观音寺镇唐户村村民赵德明，原村小学校长。本村酒席上二十六桌人吃了凉菜上吐下泻，我要举报']).state.draft.name,
    ).toBe('赵德明');
    const r = talk([
      '举报新村镇王垌村小学食堂承包商使用过期食材。\n1. 举报人：食堂帮工杨秀梅，电话 130 2371 5589\n2. 承包商：新郑市好味道餐饮管理有限公司（负责人姓丁）\n3. 事实：从11月20日起，食堂用过期3个月的冷冻鸡腿给学生做午饭',
    ]);
    expect(r.state.draft.name).toBe('杨秀梅');
    expect(r.state.draft.businessName).toBe('新郑市好味道餐饮管理有限公司');
    expect(r.state.draft.where ?? '').not.toMatch(/负责人/);
    const e = talk([
      "Hello, I'd like to file a complaint.\n- Shop: Xinwang Fresh Supermarket (鑫旺生鲜超市), Longhu town\n- What happened: the yogurt was past its expiry date.\n- What I want: a full refund.\n- My details: Anna Kowalski, phone 186 2370 4418",
    ]);
    expect(e.state.draft.name).toBe('Anna Kowalski');
  });
});

describe('eleventh round, eighth part (issue #13)', () => {
  it('names the village uses ("俺们都叫二妮小卖部", "人都叫他周老三") and the writer’s own canteen ("俺厂食堂，马老板承包哩")', () => {
    expect(talk(['举报 村小学门口小卖部卖三无辣条', '叫啥？没招牌 俺们都叫二妮小卖部']).state.draft.businessName).toBe('二妮小卖部');
    expect(talk(['有人卖病死猪肉', '不知道叫啥，就是个姓周的，人都叫他周老三']).state.draft.businessName).toBe('周老三');
    expect(talk(['俺厂里食堂哩饭天天馊哩，夜儿个晌午哩菜都拉丝了，俺想投诉', '俺厂食堂，马老板承包哩']).state.draft.businessName).toBe(
      '厂食堂（马老板承包）',
    );
  });

  it('"算了算了，还是匿名" after the reward was explained answers anonymity, not the reward', () => {
    const r = talk(['有人卖病死猪肉', '周老三', '恁这有奖励没有？能给多少？', '新村镇屯孙村东头', '算了算了，还是匿名，村里人都认识']);
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.state.draft.wantsReward).toBeUndefined();
  });
});

describe('status queries, mended (issue #13)', () => {
  it('a code mended right after a query is queried again; a case number said to the person goes to the person', () => {
    const r = talk(['XZ-20261118-000347', '查询码 KMRT-WXHA-BCPN-FQEG']);
    expect(r.last.effect).toEqual({ type: 'query', number: 'XZ-20261118-000347', code: 'KMRT-WXHA-BCPN-FQEG' });
    const again = talk(['打错了 最后一位是J不是G KMRT-WXHA-BCPN-FQEJ'], r.state);
    expect(again.last.effect).toEqual({ type: 'query', number: 'XZ-20261118-000347', code: 'KMRT-WXHA-BCPN-FQEJ' });
    const person = talk(['找人工', '我半个月前举报的那个事到底有人管没有？？XZ-20261118-000347']);
    expect(person.last.effect?.type).toBe('handoff');
  });
});

describe('twelfth round (dev12, issue #13)', () => {
  it('no shop, a person named ("没店名，就是俺邻居，叫王老三", "流动厨师老马那一伙") — but not a workshop boss', () => {
    const story = '举报 俺邻居王家种的韭菜往地里灌3911，瓶子上写着甲拌磷，打完药第二天就割了拉到梨河集上卖';
    expect(talk([story, '没店名，就是俺邻居，叫王老三']).state.draft.businessName).toBe('王老三');
    const banquet = '举报 12月3日本村酒席请的外村流动厨师掌勺，二十六桌人吃了凉拌菜和卤肉当天晚上上吐下泻';
    expect(talk([banquet, '流动厨师老马那一伙，没有店名']).state.draft.businessName).toBe('老马');
    const sprouts = '举报 城关乡东郭寺村一个豆芽作坊每天往泡豆子的水里兑无根水，再拿白粉漂白';
    expect(talk([sprouts, '没挂牌子，老板叫孙红旗']).state.draft.businessName ?? null).toBeNull();
  });

  it('"没店名…" after the reward was explained is no "no" to the reward; "摊上写着老赵鲜肉" names the stall', () => {
    const r = talk(['俺庄上有个人专门收病死猪，在自家院里杀了，肉卖给饭店。俺想举报他，能给多少钱？', '没店名，是俺庄上嘞马二孬']);
    expect(r.state.draft.wantsReward).toBeUndefined();
    expect(r.state.draft.businessName).toBe('马二孬');
    expect(talk(['我就问一句你们管不管缺斤短两的！！！', '市场东门卖猪肉的，摊上写着老赵鲜肉']).state.draft.businessName).toBe('老赵鲜肉');
  });

  it('a draft called off comes back with "还是投吧…刚才说到哪了"', () => {
    const r = talk([
      '在小乔村口那家熟食店买的卤猪头肉 回家一切 都酸了 我要投诉',
      '就村口那家 叫刘记卤味',
      '算了 不弄了 为了35块钱太麻烦了',
    ]);
    expect(r.state.draft.kind).toBeUndefined();
    const back = talk(['哎 还是投吧 越想越气 刚才说到哪了'], r.state);
    expect(back.state.draft.kind).toBe('complaint');
    expect(back.state.draft.businessName).toBe('刘记卤味');
    expect(back.replies.at(-1)).toMatch(/接着刚才的/);
  });

  it('"算了不要了" to the reward question is a no, not a cancel', () => {
    const acts = detectActs('那……算了不要了，俺就是想叫他换换油', { inDraft: true, kind: 'report', step: 'reward' });
    expect(acts.cancel).toBe(false);
  });

  it('"随你们" to the publication question is a yes', () => {
    expect(talk([...COMPLAINT, '修改 公开', '随你们']).state.draft.consentToPublish).toBe(true);
  });
});

describe('twelfth round, second part (issue #13)', () => {
  it('a case number typed in groups ("XZ 2026 1118 000342") or sent in two pieces is queried', () => {
    const a = talk(['你好，我上个月投诉过一家饭店，想问下现在办到哪一步了。案件号 XZ 2026 1118 000342 查询码 BDFH JKMN PQRS TVWX']);
    expect(a.last.effect).toEqual({ type: 'query', number: 'XZ-20261118-000342', code: 'BDFH-JKMN-PQRS-TVWX' });
    const b = talk(['帮我查下进度 XZ-20261202-', '000411 查询码GHJK-MNPQ-RSTV-WXYZ 刚手滑发出去了[捂脸]']);
    expect(b.replies[0]).toMatch(/没发完整/);
    expect(b.last.effect).toEqual({ type: 'query', number: 'XZ-20261202-000411', code: 'GHJK-MNPQ-RSTV-WXYZ' });
  });

  it('words that are no name: "没生产日期没厂名", "现在还在吐", "Who is responsible", "黑心饭店"; "聚福楼这个黑心饭店" names 聚福楼', () => {
    expect(talk(['抖音直播间买的牛肉干 一股哈喇味 包装上啥都没有 没生产日期没厂名 我要投诉']).state.draft.businessName).toBeUndefined();
    expect(talk(['薛店聚福楼这个黑心饭店你们到底管不管！！！红烧鱼是臭的，回来三个人拉肚子！！']).state.draft.businessName).toBe('聚福楼');
  });
});

describe('twelfth round, third part (issue #13)', () => {
  it('a quoted name beside a sign wins; "职工食堂" is no name; slips 小做坊/便例店 are mended; "会知道是谁说的吗" is answered', () => {
    const a = talk([
      '在菜市场买的猪肉回来一按往外冒水，这是注水肉，钱要退，也想让你们去查查他',
      "薛店集上卖肉的老刘，摊子上挂着'刘记鲜肉'的牌子",
    ]);
    expect(a.state.draft.businessName).toBe('刘记鲜肉');
    expect(talk(['我们厂的职工食堂承包给外面的公司了，厨房后面老鼠乱跑，菜就堆地上，我要举报']).state.draft.businessName).toBeUndefined();
    expect(talk(['我在和庄的万佳便例店买的面包长毛了，我要投诉']).state.draft.businessName).toBe('万佳便利店');
    expect(talk(['举报了厂里会知道是谁说的吗？']).replies.join('\n')).toMatch(/保密/);
  });
});

describe('twelfth round, fourth part (issue #13)', () => {
  it('a reporter who also bought it and wants the money back: both', () => {
    const r = talk([
      '我要举报郭店镇五里堡菜市场里一个卖牛肉的摊位，卖注水肉',
      '摊主姓高，摊位牌子叫高记清真牛肉',
      '对了，我自己也买了两斤，回家一化冻全是水，这个钱能不能让他退给我？',
    ]);
    expect(r.state.draft.kind).toBe('both');
  });
});

describe('thirteenth round (issue #13)', () => {
  it('questions first and the decision last ("……那就举报") start the report; a crime practice asked about is called one', () => {
    const first = talk(['你们这管不管往卤肉里放大烟壳的？']);
    expect(first.replies.join('\n')).toMatch(/涉嫌食品犯罪/);
    const r = talk(['你们这管不管往卤肉里放大烟壳的？', '你问这干啥？我说了你们能去查不？……那就举报']);
    expect(r.state.draft.kind).toBe('report');
    // The general answer about who handles what is not read out twice.
    expect(r.replies.join('\n').match(/归我们市场监管部门管/g)?.length).toBe(1);
  });

  it('wishes alone before any story say the kind: "都要吧 钱退我 再查查他家" is both', () => {
    expect(talk(['都要吧 钱退我 再查查他家']).state.draft.kind).toBe('both');
  });

  it('"我想先问问，…医保能报不？" is a question, not a cancel: the story is kept and the 医保 question answered', () => {
    const r = talk([
      '上周四在观音寺镇上王记熟食买的卤猪头肉，全家四口吃了都上吐下泻，去镇卫生院挂了两天水，花了六百多。我想先问问，这医药费医保能报不？',
    ]);
    expect(r.replies.join('\n')).toMatch(/医保/);
    expect(r.state.draft.businessName).toBe('王记熟食');
    expect(r.state.draft.description).toMatch(/卤猪头肉/);
    expect(talk(['我就先问问']).replies.join('\n')).toMatch(/需要时随时找我/);
  });

  it('a person asked for while balking at the ID number: the reward stays applied for, the ID is not asked again', () => {
    const r = talk([
      '我要举报郭店南街一家卤肉店用双氧水泡鸡爪',
      '老马卤味',
      '上周五早上',
      '不匿名，实名',
      '程建伟',
      '186 0371 1426',
      '要',
      '身份证号还要给你？先找个人跟我说',
    ]);
    expect(r.state.step).toBe('handoff');
    expect(r.state.draft.wantsReward).toBe(true);
    expect(r.state.draft.idNumber).toBeNull();
    expect(r.state.resumeStep).not.toBe('idNumber');
  });

  it('"不会跟他说是俺举报哩吧？" and "能不能别说是村里人举报的" are answered with confidentiality, never taken as the story', () => {
    expect(talk(['俺要举报注水肉', '恁不会跟他说是俺举报哩吧？']).replies.join('\n')).toMatch(/保密/);
    const r = talk(['举报', '你们查的时候能不能别说是村里人举报的，他家里人多']);
    expect(r.replies.join('\n')).toMatch(/保密/);
    expect(r.state.draft.description).toBeUndefined();
  });

  it('names: a shop right after its platform by keeper and dish, a nickname the village uses, an English stall name', () => {
    expect(
      talk(['您好，我要投诉饿了么上的张姐卤肉饭，店在西街社区。前天晚上点了两份卤肉饭，吃完俩人都拉肚子']).state.draft.businessName,
    ).toBe('张姐卤肉饭');
    const r = talk(['举报', '村里有户人家在地下室灌假酒，拿酒精兑水，贴假商标往外批', '不知道叫啥名，就是姓宋那家，村里叫他宋大嘴']);
    expect(r.state.draft.businessName).toBe('宋大嘴');
    const en = talk([
      "Hello. I'd like to report something anonymously, no reward needed. The barbecue stall Xiao Zhang Shaokao at the east gate of China South City (Longhu town) sells lamb skewers that are really duck meat brushed with lamb fat. A friend who works there told me, and on Wednesday night, December 2nd, I saw them unloading boxes.",
    ]);
    expect(en.state.draft.businessName).toBe('Xiao Zhang Shaokao');
    expect(en.state.step).not.toBe('description');
  });

  it('"发票他们没给，就给了个收据，中不中" is answered about evidence', () => {
    const r = talk(['我要投诉', '康寿养生馆说灵芝胶囊能治糖尿病，我买了六盒花了3980', '发票他们没给，就给了个收据，中不中']);
    expect(r.replies.join('\n')).toMatch(/收据/);
  });
});

describe('thirteenth round, second part (issue #13)', () => {
  it('an older citizen introducing themselves is welcomed, not filed; patience asked for is no answer', () => {
    const r = talk(['同志你好，我是个退休老师，七十多了，打字慢，你们别嫌烦。']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/不着急/);
    const s = talk(['我要举报', '我打字慢，你们别嫌烦']);
    expect(s.state.draft.description ?? null).toBeNull();
    expect(s.replies.at(-1)).toMatch(/不着急/);
  });

  it('business answers: a stall named first beats the nickname; quotes on a cart are the name, a sign saying what is sold is not; 俺们都叫老憨家', () => {
    expect(talk(['俺要举报注水肉', '老赵肉摊，摊上没挂牌，集上都喊他赵胖子']).state.draft.businessName).toBe('老赵肉摊');
    expect(talk(['我要举报卖凉皮的加硼砂', '没名字，就是个推车，车上写着“秘制凉皮”四个红字']).state.draft.businessName).toBe('秘制凉皮');
    expect(
      talk(['举报！！华阳寨有人半夜杀猪 往猪肉里打水', "不知道名字 院子门口挂个'鲜肉批发'的牌子"]).state.draft.businessName,
    ).toBeFalsy();
    expect(talk(['俺要举报，俺们村有个做腐竹哩小作坊，往里头加那个吊白块', '不知道叫啥，俺们都叫老憨家']).state.draft.businessName).toBe(
      '老憨家',
    );
  });
});

describe('thirteenth round, third part: the retrained model (issue #13)', () => {
  it('told about a neighbour’s workshop, nothing bought: a report; "给我们写个东西" wants a written answer; "not sure it’s worth a complaint" is no complaint', () => {
    expect(talk(['同志你好，我七十多了不会打字，叫孙子帮我打的。我要反映俺邻居家的豆腐坊']).state.draft.kind).toBe('report');
    expect(
      talk([
        '你好，我想问问个事，俺孙子在辛店镇中心小学上三年级，学校叫交钱订那个课间奶，俺也不知道这奶是不是正规的，你们能不能给我们写个东西，说说这个事',
      ]).state.draft.kind,
    ).toBe('consultation');
    expect(
      talk([
        "The small restaurant downstairs keeps live chickens in cages and kills them in the back alley. Is that legal? I'm not sure it's worth a complaint, I'd just like a written answer.",
      ]).state.draft.kind,
    ).toBe('consultation');
  });

  it('own purchase and a suspected crime with no wish said: the kind is asked; a wish or a question’s tail is no business name', () => {
    const r = talk(['前天在郭店农贸市场买了二斤猪肉，回家一洗，肉上都是紫红的血点子，一股怪味，这不是病死猪肉吗！！']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(talk(['我要投诉', '便利店买的酸奶过期了还在卖', '十倍是真的吗 还是只能退钱']).state.draft.businessName).toBeUndefined();
  });
});

describe('thirteenth round, fourth part (issue #13)', () => {
  it('"外卖吃坏肚子了 想投诉" asks what was eaten; "今天好点了" is no incident date', () => {
    const r = talk(['外卖吃坏肚子了 想投诉']);
    expect(r.state.step).toBe('description');
    const s = talk(['外卖吃坏肚子了 想投诉', '饿了么点的麻辣烫，吃完半夜就开始拉肚子，拉了一宿，今天好点了']);
    expect(s.state.draft.description).toMatch(/麻辣烫/);
    expect(s.state.draft.incidentDate).toBeUndefined();
  });

  it('names: 老街烩面馆 is read whole, a payment record is no "X记", an event in quotes is no shop', () => {
    expect(
      talk(['我要投诉城关乡高皮匠村的老街烩面馆。12月1号中午在他家吃羊肉烩面，吃到碗底有个烟头。照片拍了，付款记录也在。']).state.draft
        .businessName,
    ).toBe('老街烩面馆');
    expect(
      talk([
        '你好 匿名举报 有奖励的话要。我在新华路上一家叫福寿康健康体验中心的店上班 做销售。店里卖的纳豆红曲胶囊就是个普通食品 还组织老人去“专家义诊”',
      ]).state.draft.businessName,
    ).toBe('福寿康健康体验中心');
  });
});

describe('fourteenth round (issue #13)', () => {
  it('publication consent in its own words; "对，就是这样" at the end confirms; sampling asked about is answered', () => {
    const c = talk([...COMPLAINT, '公开吧，让大家都知道']);
    expect(c.state.draft.consentToPublish).toBe(true);
    const n = talk([...COMPLAINT, '确认，同意公开', '别公开']);
    expect(n.state.draft.consentToPublish).toBe(false);
    const confirm = talk(['你再念一遍我听听……对，就是这样'], c.state);
    expect(confirm.last.effect?.type).toBe('submit');
    const q = talk(['我要举报', '那个绿药水到底是啥我也不懂，你们能拿去化验不？']);
    expect(q.replies.join('\n')).toMatch(/抽样/);
    expect(q.state.draft.description).toBeUndefined();
  });

  it('a hypothetical legality question is no report; a request to the office is no business name; a sign names a stall in a story', () => {
    expect(talk(['那要是查不到许可证，算违法吗？']).state.draft.kind).toBeUndefined();
    const r = talk(['我就问一句你们管不管缺斤短两的！！！', '市场东门卖猪肉的，摊上写着老赵鲜肉']);
    expect(r.state.draft.businessName).toBe('老赵鲜肉');
    expect(talk(['举报 俺邻居王家种的韭菜往地里灌3911，瓶子上写着甲拌磷']).state.draft.businessName).not.toBe('甲拌磷');
  });
});

describe('fourteenth round, second part (issue #13)', () => {
  it('"投诉跟举报有啥区别？" is answered, not stored; "对了，还有…这个也记上" joins the story; "那不留了" is anonymous', () => {
    const a = talk(['我想反映个饭店，不知道该咋说', '投诉跟举报有啥区别？']);
    expect(a.replies.join('\n')).toMatch(/可以匿名/);
    expect(a.state.draft.description).not.toMatch(/区别/);
    const b = talk([
      '我要举报好运来饭庄碗筷从来不消毒，拿抹布擦擦就给客人用',
      '好运来饭庄',
      '对了，还有他家剩菜倒回锅里热热接着卖，这个也记上',
    ]);
    expect(b.state.draft.description).toMatch(/剩菜倒回锅里/);
    expect(b.replies.at(-1)).not.toMatch(/没太明白/);
    const c = talk([
      '我要举报好运来饭庄碗筷从来不消毒，拿抹布擦擦就给客人用',
      '好运来饭庄',
      '城关乡高皮匠村路边',
      '记不清了',
      '这还得留名？那不留了',
    ]);
    expect(c.state.draft.anonymous).toBe(true);
  });

  it('"问这么多，人跑了咋办" and "叫啥康寿堂" give no junk business name', () => {
    const r = talk(['孟庄镇集上那个卖羊肉的，羊全是喂瘦肉精的！你们赶紧去抓！', '举报！实名！', '你们到底管不管？问这么多，人跑了咋办']);
    expect(r.state.draft.businessName ?? null).toBeNull();
  });
});

describe('fourteenth round, third part (issue #13)', () => {
  it('"我这个算投诉还是举报啊" is explained and the choice asked; the answer to the kind question is read even before a story', () => {
    const r = talk(['想问下 快手直播间买的减肥咖啡 喝了心慌 这个找你们吗', '我这个算投诉还是举报啊']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/两样都想要/);
    expect(talk(['能退钱 也想让你们查查他家到底加了啥'], r.state).state.draft.kind).toBe('both');
  });

  it('a status asked without a number is a status query; "等我翻翻" is waited for; 刚才又吐了 is ill now', () => {
    const s = talk(['前天举报的那个怎么还没人联系我 我手机尾号6172']);
    expect(s.last.effect?.type).toBe('list');
    expect(talk(['短信里那串是吧 等我翻翻'], s.state).replies.join('\n')).toMatch(/不着急/);
    const ill = talk(['我和我老公昨天晚上吃了在小乔村买的卤菜，今天早上起来俩人都上吐下泻，我老公刚才又吐了一回，浑身没劲，这个找谁？']);
    expect(ill.last.effect?.type).toBe('handoff');
  });
});

describe('fourteenth round, fourth part (issue #13)', () => {
  it('a story told with a question and then the kind chosen keeps that story; a question while the story is asked is no story', () => {
    const r = talk([
      '想问下 快手直播间买的减肥咖啡 喝了心慌 这个找你们吗',
      '我这个算投诉还是举报啊',
      '能退钱 也想让你们查查他家到底加了啥',
    ]);
    expect(r.state.draft.description).toMatch(/减肥咖啡/);
    const q = talk(['举报', '会不会影响我孩子在园里？']);
    expect(q.state.draft.description).toBeUndefined();
    expect(q.replies.join('\n')).toMatch(/保密/);
  });

  it('"这个要不要花钱？" is answered (free); "你们先看看这张照片" waits for the photo', () => {
    expect(talk(['你们是政府的吧？这个要不要花钱？']).replies.join('\n')).toMatch(/不收任何费用/);
    expect(talk(['你们先看看这张照片']).replies.join('\n')).toMatch(/直接发过来/);
  });
});

describe('fourteenth round, fifth part (issue #13)', () => {
  it('"恁先甭问，俺还没说完嘞" lets them finish; "对了，他那摊子连个证都冇" joins the story; goods sent to a shop do not name it', () => {
    const r = talk(['我要投诉', '俺夜儿个晌午在郭店北街买嘞凉皮，里头有个苍蝇', '恁先甭问，俺还没说完嘞']);
    expect(r.replies.at(-1)).toBe('好的，您接着说，我听着。');
    const s = talk(['对了，他那摊子连个证都冇'], r.state);
    expect(s.state.draft.description).toMatch(/证都冇/);
    const t = talk(['我要实名举报一个黑作坊', '一个民房里做辣条，没营业执照也没生产许可，做好的辣条直接装袋往学校门口小卖部送']);
    expect(t.state.draft.businessName).toBeUndefined();
  });
});

describe('fourteenth round, sixth part (issue #13)', () => {
  it('"Oh, and half the kitchen staff have no health certificates either." joins the story, not the place', () => {
    const r = talk([
      'I want to report something anonymously. I work in a hotpot restaurant and they are selling duck meat as beef.',
      'The kitchen soaks duck meat in beef flavouring and sells it as beef rolls.',
      'Niu Da Ge Hotpot',
      'Oh, and half the kitchen staff have no health certificates either.',
    ]);
    expect(r.state.draft.description).toMatch(/health certificates/);
    expect(r.state.step).toBe('where');
  });
});

describe('fifteenth round (issue #13, eighth pass)', () => {
  it('more of the story while the name is asked joins the description; "店名叫 鱼你相遇酸菜鱼" is the name', () => {
    const r = talk([
      '想投诉个外卖',
      '点的酸菜鱼 吃着吃着嚼出来一根钢丝球的铁丝 差点扎嘴里',
      '平台客服一直踢皮球 让我自己找商家 商家压根不回消息',
    ]);
    expect(r.replies.join('\n')).not.toMatch(/没太明白/);
    expect(r.state.draft.description).toMatch(/踢皮球/);
    expect(r.state.step).toBe('business');
    const s = talk(['就美团上专门做酸菜鱼那家 老板是个东北口音的大姐 店名叫 鱼你相遇酸菜鱼'], r.state);
    expect(s.state.draft.businessName).toBe('鱼你相遇酸菜鱼');
  });

  it('a name spelled out by voice ("姓杨 杨帆 木易杨 一帆风顺的帆") is the name, and never the story', () => {
    const r = talk([...COMPLAINT.slice(0, 6)]);
    const at = r.state.step;
    if (at !== 'name') throw new Error(`expected the name to be asked, got ${at}`);
    const s = talk(['姓杨 杨帆 木易杨 一帆风顺的帆'], r.state);
    expect(s.state.draft.name).toBe('杨帆');
    expect(s.state.draft.description).not.toMatch(/木易杨/);
  });

  it('"啥意思 中吧" to the publication question is explained and taken as yes; "可一" is 可以', () => {
    expect(parseYesNo('可一')).toBe(true);
    const r = talk([...COMPLAINT, '修改 公开']);
    if (r.state.step !== 'consent') throw new Error(`expected consent, got ${r.state.step}`);
    const s = talk(['啥意思 中吧'], r.state);
    expect(s.replies.join('\n')).toMatch(/意思是/);
    expect(s.state.draft.consentToPublish).toBe(true);
  });

  it('a remedy given up ("本来想让他退钱 现在不要了 就让你们查他", "没啥要求") makes the complaint a report', () => {
    const r = talk(['昨天饿了么点的大口吃肉蟹煲（龙湖大学城店） 螃蟹是死的 一股臭味 我要投诉', '本来想让他退钱 现在不要了 就让你们查他']);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.businessName).toBe('大口吃肉蟹煲（龙湖大学城店）');
    // The branch says where the shop is: the place, without 店.
    expect(r.state.draft.where).toBe('龙湖大学城');
    const s = talk(['我要投诉', '昨天在薛店集上买的蘑菇，吃了头晕', '不知道 就一个妇女 摆个地摊']);
    expect(s.state.step).toBe('request');
    expect(talk(['没啥要求'], s.state).state.draft.kind).toBe('report');
  });

  it('a sign on a van, a branch after a platform, and 薛店 before a shop name', () => {
    expect(
      talk(['我要举报', '集上卖的香油是假的，瓶子上啥也没写', '就是集上那个开白面包车卖油哩，车上贴哩「老杜家小磨香油」']).state.draft
        .businessName,
    ).toBe('老杜家小磨香油');
    expect(talk(['昨晚点的饿了么 蜀香冒菜（新华路店） 吃完一直吐 我要投诉']).state.draft.businessName).toBe('蜀香冒菜（新华路店）');
    expect(talk(['我要投诉薛店贝贝母婴店卖过期奶粉！！']).state.draft.businessName).toBe('贝贝母婴店');
    expect(talk(['我实名举报龙王乡老祁烧鸡作坊收病死鸡做烧鸡']).state.draft.businessName).toBe('老祁烧鸡作坊');
  });

  it('a report with a name and a phone unasked is a named one; "门口没牌子" is not asked for a name', () => {
    const r = talk([
      "Hi, I'd like to report a food stall outside the north gate of Shengda in Longhu. On Thursday evening I watched them grill grey meat that smelled off. My name is Daniel Whitcombe, phone 18639027745. I don't need a reward.",
    ]);
    expect(r.state.draft.anonymous).toBe(false);
    const s = talk([
      '举报薛店镇一个做辣条的小作坊，没有任何证照，车间里苍蝇乱飞，做好了装袋子上面什么都没印。地址在薛店镇政府往南大概两里路，路西一个蓝色铁皮房，门口没牌子。我今天上午路过看见的，我不留名。',
    ]);
    expect(s.state.draft.businessName).toBeNull();
    expect(s.state.step).not.toBe('business');
  });

  it('the time: a slip corrected in the answer, and the day the citizen was there among several', () => {
    const r = talk(['我要举报', '村里来了一伙卖保健品的，说他们的胶囊吃了就能停降糖药', '康寿堂健康科技公司', '梨河镇黄桥村']);
    if (r.state.step !== 'when') throw new Error(`expected when, got ${r.state.step}`);
    expect(talk(['他们是上个月中旬来的，天天讲，我是上礼拜五下午去听的那一场'], r.state).state.draft.incidentDate).toBe(
      parseIncidentDate('上周五', NOW),
    );
    expect(talk(['上周三，不对，应该是上周四'], r.state).state.draft.incidentDate).toBe(parseIncidentDate('上周四', NOW));
    expect(talk(['算了 不匿名了 实名吧 反正月底我就不干了'], r.state).state.draft.incidentDate).toBeUndefined();
  });
});

describe('fifteenth round, second part (issue #13)', () => {
  it('a question with "我就先问问，暂时不投诉" is answered, a follow-up too, and nothing is filed', () => {
    const r = talk(['问一下，买到过期的东西能赔多少啊？我上礼拜天在超市买了盒纯牛奶，过期五天了。我就先问问，暂时不投诉。']);
    expect(r.replies.join('\n')).toMatch(/十倍/);
    expect(r.state.draft.kind).toBeUndefined();
    const s = talk(['那要是已经喝了一口呢，也一样吗'], r.state);
    expect(s.replies.join('\n')).toMatch(/十倍/);
    expect(s.replies.join('\n')).not.toMatch(/没太明白/);
    expect(talk(['先咨询下，不投诉']).replies.join('\n')).toMatch(/先不登记/);
  });

  it('"投诉啊还能干啥 让他赔钱" stores the request without the rhetoric', () => {
    const r = talk(['你们管不管？？？吃个烧烤吃出来虫子了！！！', '投诉啊还能干啥 让他赔钱']);
    expect(r.state.draft.kind).toBe('complaint');
    expect(r.state.draft.request).toBe('让他赔钱');
  });

  it('goods sent to a school canteen name no business; noise and dirty water are pointed to 生态环境', () => {
    const r = talk([
      '俺村西头有一家生豆芽哩，不知道叫啥名，俺亲眼看见他往豆芽缸里兑无根素，天不亮就拉到菜市场批发，听说还送学校食堂。他那机器成夜响，泡豆芽哩脏水直接往村边沟里排。俺不想叫人知道是俺说哩，奖励俺不要。',
    ]);
    expect(r.state.draft.businessName ?? null).toBeNull();
    expect(r.replies.join('\n')).toMatch(/生态环境/);
  });
});

describe('sixteenth round (issue #13)', () => {
  it('a place told when the name was asked is kept as the place; a complaint asks the name once more, a report goes on', () => {
    const r = talk(['我要投诉', '在村里小卖部买的方便面过期了', '老观李村口 路南 挨着卫生室']);
    expect(r.replies.join('\n')).toMatch(/位置记下了/);
    expect(r.state.draft.where).toBe('老观李村口 路南 挨着卫生室');
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.state.step).toBe('business');
    // Sent again, it is the citizen's answer (not a double send): the place stands for the name.
    const s = talk(['老观李村口 路南 挨着卫生室'], r.state);
    expect(s.state.draft.businessName).toMatch(/名称不详/);
    expect(s.state.step).not.toBe('business');
    const t = talk(['我要举报', '村里小卖部卖过期的方便面和火腿肠，好多孩子买', '老观李村口 路南 挨着卫生室']);
    expect(t.state.draft.businessName).toBeNull();
    expect(t.state.draft.where).toBe('老观李村口 路南 挨着卫生室');
  });

  it('"不用留名" is anonymous; a question with no ready answer is noted for the officer, not "not understood"', () => {
    expect(parseAnonymous('不用留名')).toBe(true);
    const r = talk([
      '你好，我叫陈永福，电话15038826173。我在郭店镇陵后村有个仓库租给别人了，今天上午过去发现他们在里面把工业盐分装成小袋，袋子上印的是食用盐。我要实名举报。',
    ]);
    const s = talk(['我作为房东会不会有责任？我是真不知道他干这个'], r.state);
    expect(s.replies.join('\n')).not.toMatch(/没太明白/);
    expect(s.state.draft.description).toMatch(/房东会不会有责任/);
  });

  it('a price, the evidence or a fear sent for the name is no name', () => {
    const r = talk(['我要举报', '唐户集上卖牛肉的往肉里注水，一称就知道']);
    expect(r.state.step).toBe('business');
    for (const said of ['四十八一斤哩 这不是坑人吗', '胶囊还剩半盒 你们能拿去化验吗', '他那人可横 要知道是俺 非找人打俺不可'])
      expect(talk([said], r.state).state.draft.businessName).toBeUndefined();
  });

  it('"有奖励吗 有的化要" is answered and taken as yes', () => {
    const r = talk(['我实名举报，黎河集上卖鱼的往鱼池里倒孔雀石绿，车上写着“老周活鱼”，今天早上七点多看见的。我叫贾文博，电话18538047196']);
    if (r.state.step !== 'reward') throw new Error(`expected reward, got ${r.state.step}`);
    expect(talk(['有奖励吗 有的化要'], r.state).state.draft.wantsReward).toBe(true);
  });
});

describe('sixteenth round, second part (issue #13)', () => {
  it('an older citizen introducing themselves is welcomed; evidence kept, told when the story is asked, is not the story', () => {
    const r = talk(['同志你好，我是孟庄镇的，今年七十三了，不大会使这个手机，叫孙子帮我弄的。有个事想跟政府反映一下。']);
    expect(r.replies.join('\n')).toMatch(/慢慢说/);
    const s = talk(['我要投诉', '还有一瓶没开，我还留着哩']);
    expect(s.state.draft.description).toBeUndefined();
    expect(s.state.step).toBe('description');
    expect(s.replies.join('\n')).toMatch(/留好/);
  });
});

describe('sixteenth round, third part (issue #13)', () => {
  it('"俺想反映个事儿，…小卖部卖哩辣条都过期了" is a report; "超市卖给我过期的汤圆" is not taken for one', () => {
    expect(talk(['俺想反映个事儿，俺村学校门口那个小卖部，卖哩辣条啥哩都过期了，俺孙子天天去买']).state.draft.kind).toBe('report');
    expect(talk(['我想反映个事，超市卖给我过期的汤圆']).state.draft.kind).not.toBe('report');
  });
});

describe('sixteenth round, fourth part (issue #13)', () => {
  it('"奖励不奖励无所谓" wants no reward; "闫老板的羊场 没名字" names whose place it is', () => {
    const r = talk(['我要举抱 龙王乡有个养羊的给羊喂瘦肉精']);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.step).toBe('business');
    expect(talk(['闫老板的羊场 没名字'], r.state).state.draft.businessName).toBe('闫老板的羊场');
    const s = talk(['俺要匿名举报新村镇那个老刘家羊肉汤 那肉是冻了好几年哩僵尸肉', '大前天 俺去他后院借梯子瞅见哩']);
    if (s.state.step !== 'reward') throw new Error(`expected reward, got ${s.state.step}`);
    expect(talk(['奖励不奖励无所谓'], s.state).state.draft.wantsReward).toBe(false);
  });

  it('a wish to stay unknown when the story is asked is answered, not stored; "会不会开除我" is answered again', () => {
    const r = talk([
      '我在一家酒店后厨做保洁，里面问题太多了，想反映一下，但是我怕丢工作',
      '你们去查的时候能不能就说是例行检查，别说是有人举报的',
    ]);
    expect(r.state.draft.description ?? '').not.toMatch(/例行检查/);
    expect(r.replies.join('\n')).toMatch(/保密/);
    const s = talk(
      ['后厨蟑螂到处爬，切配的好几个人都没有健康证，炸东西的油一个礼拜不换', '金鼎大酒店', '他们要是知道了会不会开除我'],
      r.state,
    );
    expect(s.replies.at(-1) ?? '').not.toMatch(/没太明白/);
    expect(s.replies.join('\n')).toMatch(/保密/);
  });
});

describe('seventeenth round (issue #13)', () => {
  it('a correction at the summary with "everything else is correct" is applied and filed; English names skip places and full stops', () => {
    expect(
      latinBusiness("Hi, I'm an international student at Huaxin College. On Thursday I bought milk tea at Tea Time in our campus canteen"),
    ).toBe('Tea Time');
    const r = talk([
      "Hi, I'm a student at Huaxin College. On Thursday I bought milk tea at Tea Time in our campus canteen and got stomach cramps. I want my money back.",
    ]);
    // Walk to the summary with plain answers to whatever is asked.
    let st = r.state;
    const answers: Record<string, string> = {
      when: 'Thursday',
      request: 'refund',
      name: 'Aisha Rahman',
      phone: '17839012647',
      address: 'Dorm 6, Huaxin College',
      consent: 'yes',
      where: 'Huaxin College canteen, Longhu',
      business: 'Tea Time',
      description: 'Milk tea gave me stomach cramps',
    };
    for (let i = 0; i < 12 && st.step !== 'summary'; i++) st = talk([answers[st.step] ?? 'yes'], st).state;
    expect(st.step).toBe('summary');
    const done = talk(["Almost - sorry, I misspelled my name, it's Ayesha Rahman, with a Y. Everything else is correct."], st);
    expect(done.last.effect?.type).toBe('submit');
    expect(done.state.draft.name).toBe('Ayesha Rahman');
  });

  it('a story about 无根剂 is the story, not evidence kept; a written answer first ("不行再举报") is a consultation', () => {
    const r = talk(['有奖举报是这儿不', '有个豆芽作坊 泡豆芽往水里加无根剂 还有别的药 一袋一袋的白粉']);
    expect(r.state.draft.description).toMatch(/无根剂/);
    const s = talk(['我问两个事：卖散装熟食的直接上手抓，这违法吗？能不能给我一个书面回复，我先拿着回复去跟他们说说，不行再举报']);
    expect(s.state.draft.kind).toBe('consultation');
  });
});

describe('seventeenth round, second part (issue #13)', () => {
  it('"上个月投诉过…到现在也没有人给我回个话" asks about a filed case, not a new complaint', () => {
    const r = talk(['你好 我是上个月投诉过 一个超市卖过期点心的 到现在也没有人给我回个话 你们这投诉多长时间能给个答复啊']);
    expect(r.state.draft.kind).toBeUndefined();
  });
});

describe('seventeenth round, third part (issue #13)', () => {
  it('a named reporter who turns anonymous ("那还是匿名吧 名字电话都别写了") loses the name kept so far', () => {
    const r = talk([
      '我实名举报！龙王乡的金穗面粉厂往面粉里加增白剂，过氧化苯甲酰，我在里面干过',
      '一直在加，我上周五走的，那天还在加',
      '韦国庆',
    ]);
    expect(r.state.draft.name).toBe('韦国庆');
    const s = talk(['那还是匿名吧 名字电话都别写了 奖励还是要的'], r.state);
    expect(s.state.draft.anonymous).toBe(true);
    expect(s.state.draft.name).toBeUndefined();
    expect(s.state.draft.wantsReward).toBe(true);
    expect(s.replies.join('\n')).toMatch(/改为匿名/);
  });

  it('"please don\'t use my name" is no answer to the reward question', () => {
    expect(
      parseYesNo("Actually, will the shop find out who reported them? If they might know, please don't use my name at all."),
    ).toBeNull();
  });
});

describe('seventeenth round, fourth part (issue #13)', () => {
  it('"恁念念 恁都记哩啥" at the summary reads it back', () => {
    let st = talk(['我要投诉', '在红旗超市买哩挂面，煮出来一股子霉味儿，昨天买的', '红旗超市', '新烟街道烟厂东边']).state;
    const answers: Record<string, string> = {
      request: '退钱',
      name: '王建功',
      phone: '13612348304',
      address: '新烟街道烟厂家属院',
      consent: '同意',
      when: '昨天',
    };
    for (let i = 0; i < 10 && st.step !== 'summary'; i++) st = talk([answers[st.step] ?? '中'], st).state;
    expect(st.step).toBe('summary');
    const r = talk(['恁念念 恁都记哩啥'], st);
    expect(r.replies.join('\n')).toMatch(/我念一遍[\s\S]*王建功/);
    expect(r.state.step).toBe('summary');
  });
});

describe('seventeenth round, fifth part (issue #13)', () => {
  it('an own remedy added to a report ("这个我想让他把饭钱退了 能一块弄吗") makes it both', () => {
    const r = talk(['我要举报郭店南街的福满楼饭店，后厨老鼠乱跑，我在他家吃饭上厕所路过后厨亲眼看见的', '周五晚上']);
    expect(r.state.draft.kind).toBe('report');
    const s = talk(['对了 我那天点的红烧茄子里还吃出来老鼠屎 当时拍照了 这个我想让他把饭钱退了 能一块弄吗'], r.state);
    expect(s.state.draft.kind).toBe('both');
    expect(s.state.draft.description).toMatch(/老鼠屎/);
  });

  it('a date corrected while the kind is asked chooses no kind', () => {
    const r = talk(['气死我了！和庄镇上惠万家超市卖给我的奶粉是假的！上周日买的，孩子喝了就吐！！你们管不管']);
    expect(r.state.draft.kind).toBeUndefined();
    const s = talk(['不是上周日 是上周六 我翻了小票 28号'], r.state);
    expect(s.state.draft.kind).toBeUndefined();
    expect(s.state.draft.incidentDate).toBeTruthy();
  });
});

describe('seventeenth round, sixth part (issue #13)', () => {
  it('a question to the bot names no business; the Chinese name in an English answer is the name', () => {
    const r = talk(['我要投诉', '上个礼拜天孟庄逢集，我在集上一个开面包车卖酒的那儿买了两瓶杜康，拿回家一看是假酒']);
    // The time said before the place is no part of it.
    expect(r.state.draft.where).toBe('孟庄逢集');
    if (r.state.step !== 'business') throw new Error(`expected business, got ${r.state.step}`);
    expect(talk(['同志，你刚才说嘞那个号我没记住，能不能再说一遍'], r.state).state.draft.businessName).toBeUndefined();
    const e = talk([
      'Hi. I have a stall in China South City. The seafood stall next to me soaks squid in formaldehyde. I saw it again yesterday morning. I want to report it anonymously.',
    ]);
    if (e.state.step !== 'business') throw new Error(`expected business, got ${e.state.step}`);
    expect(talk(['Sorry, can you write in English? My Chinese reading is not good.'], e.state).state.draft.businessName).toBeUndefined();
    expect(talk(['海之鲜水产, stall B2-117'], e.state).state.draft.businessName).toBe('海之鲜水产');
  });
});

describe('seventeenth round, seventh part (issue #13)', () => {
  it('"孩子喝了倒是没啥事，就是心里膈应" is no request; "菜市场收摊剩下的" names no stall', () => {
    const r = talk(['我要投诉', '在郭店镇万家福购物广场买的酸奶过期了，12月1号买的', '万家福购物广场']);
    let st = r.state;
    for (let i = 0; i < 4 && st.step !== 'request'; i++) st = talk([st.step === 'where' ? '郭店镇十字路口' : '12月1号'], st).state;
    expect(st.step).toBe('request');
    const s = talk(['孩子喝了倒是没啥事，就是心里膈应'], st);
    expect(s.state.draft.request).toBeUndefined();
    expect(s.state.draft.description).toMatch(/膈应/);
    const t = talk(['我要举报', '公司做饭用的菜都是菜市场收摊剩下的烂菜 发黄的发黑的照样切了下锅']);
    expect(t.state.draft.businessName).toBeUndefined();
  });
});

describe('seventeenth round, eighth part (issue #13)', () => {
  it('an address ends where the story begins ("住薛店镇街里 上礼拜天在…")', () => {
    const r = talk([
      '俺是薛店镇哩 叫张翠萍 电话15903845127 住薛店镇街里 上礼拜天在雪店集上老杨羊肉割了三斤羊肉 回来一炖一股鸭子味 俺要退钱',
    ]);
    expect(r.state.draft.address).toBe('薛店镇街里');
    expect(r.state.draft.businessName).toBe('老杨羊肉');
    expect(r.state.draft.name).toBe('张翠萍');
  });
});

describe('seventeenth round, ninth part (issue #13)', () => {
  it('"我要退钱 还有你门能不能去查查他门后厨" wants both', () => {
    expect(
      talk(['升达二食堂二楼麻辣烫窗口 昨天中午吃出来一个虫 我要退钱 还有你门能不能去查查他门后厨 我看着就不干净']).state.draft.kind,
    ).toBe('both');
  });
});

describe('seventeenth round, tenth part (issue #13)', () => {
  it('a brand in quotes after a measure word (买了一袋“福满仓”三鲜水饺) is the product, the supermarket is the business', () => {
    const r = talk(['您好，我要投诉。昨天中午在新华路上的百佳惠生活超市买了一袋“福满仓”三鲜速冻水饺，里面包着一个创可贴！我要求超市退货']);
    expect(r.state.draft.businessName).toBe('百佳惠生活超市');
  });
});

describe('tried by hand (issue #13, eighth pass)', () => {
  it('"他们要是知道了会不会找我麻烦" is answered as a fear of retaliation, not noted as a question', () => {
    const r = talk(['我要举报', '村里小卖部卖过期的方便面和火腿肠，好多孩子买', '老观李村口 路南 挨着卫生室', '昨天下午', '匿名']);
    const s = talk(['他们要是知道了会不会找我麻烦'], r.state);
    expect(s.replies.join('\n')).toMatch(/保密/);
    expect(s.state.draft.description).not.toMatch(/找我麻烦/);
  });
});

describe('nineteenth round (issue #13, ninth pass)', () => {
  it('a shop counted with 有家 and named only by its trade (有家早点铺) has no name yet: the name is asked', () => {
    const r = talk(['举报 有家早点铺用地沟油炸油条']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.state.step).toBe('business');
  });

  const REPORT = ['举报一个外卖店 美团上叫韩小鸡炸鸡 在居民楼里炸的没证 我要匿名', '黄帝故里', '上周日', '要', '没有'];

  it('at the summary, "reward算了 不要了 太麻烦 你们查就行" declines the reward; nothing is cancelled', () => {
    const r = talk(REPORT);
    expect(r.state.step).toBe('summary');
    expect(r.state.draft.wantsReward).toBe(true);
    const s = talk(['reward算了 不要了 太麻烦 你们查就行'], r.state);
    expect(s.state.step).toBe('summary');
    expect(s.state.draft.wantsReward).toBe(false);
    expect(s.state.draft.businessName).toBe('韩小鸡炸鸡');
    expect(s.replies.join('\n')).toMatch(/不申请奖励/);
  });

  it('at the summary, "还是实名吧" turns an anonymous report into a named one and asks the name', () => {
    const s = talk(['还是实名吧'], talk(REPORT).state);
    expect(s.state.draft.anonymous).toBe(false);
    expect(s.state.step).toBe('name');
  });

  it('more of a thin story is asked once; the place and the day sent instead are taken and the bot goes on', () => {
    const r = talk(['举报一个外卖店 美团上叫韩小鸡炸鸡 在居民楼里炸的 我要匿名']);
    expect(r.state.step).toBe('description');
    const s = talk(['黄帝故里'], r.state);
    expect(s.state.draft.where).toBe('黄帝故里');
    expect(s.state.step).toBe('when');
    expect(s.state.draft.description).toMatch(/居民楼/);
  });

  it('"俺在俺村口的…" with a home in 新村镇裴李岗村 is at 裴李岗村 (新村镇 is no village)', () => {
    const r = talk([
      '同志你好，俺叫李德全，电话是13598761234，家住新村镇裴李岗村三组。前天，俺在俺村口的福顺便利店给俺孙女买了一箱纯牛奶，结块发酸。俺就想让店里把钱退给俺',
    ]);
    expect(r.state.draft.where).toBe('新村镇裴李岗村口');
    expect(r.state.draft.township).toBe('新村镇');
  });

  it('"俺是前天下午买的 不是20号" corrects the day taken from the label', () => {
    const r = talk(['俺在超市给孙子买的牛奶 过期了 我要投诉 让他退钱', '郭店南街 丰达超市', '那奶上印的到期是11月20号']);
    expect(r.state.draft.incidentDate).toBe('2026-11-20');
    const s = talk(['俺是前天下午买的 不是20号 20号是奶上印的日子'], r.state);
    expect(s.state.draft.incidentDate).toBe('2026-11-26');
  });
});

describe('nineteenth round, second part (issue #13)', () => {
  it('"有个黑作坊 没证 举报" says no licence but not what is made there: the story is asked for', () => {
    const r = talk(['有个黑作坊 没证 举报']);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.step).toBe('description');
    const s = talk(['在唐户村西头的铁皮棚子里做豆腐皮 地上全是污水'], r.state);
    expect(s.state.draft.description).toMatch(/豆腐皮/);
    expect(s.state.step).not.toBe('description');
  });

  it('"你们能保密吗 他知道了要找我麻烦" is answered; anonymity stays the citizen’s choice and is asked', () => {
    const r = talk(['我要举报 郭店镇小杨庄有个贩牛的 把喂了瘦肉精的牛杀了卖肉', '振兴牛羊肉批发部']);
    expect(r.state.step).toBe('when');
    const s = talk(['你们能保密吗 他知道了要找我麻烦'], r.state);
    expect(s.state.draft.anonymous).toBeUndefined();
    expect(s.replies.join('\n')).toMatch(/保密/);
    expect(s.replies.join('\n')).not.toMatch(/管的/);
    const t = talk(['上周五'], s.state);
    expect(t.state.step).toBe('anonymous');
    // A plain wish to stay unknown still chooses anonymity.
    expect(talk(['千万别让他知道是我举报的'], r.state).state.draft.anonymous).toBe(true);
  });
});

describe('nineteenth round, third part (issue #13)', () => {
  it('"在超市买的东西过期了" names no food: the story is asked for; "就郭店南街那个" is at 郭店南街', () => {
    const r = talk(['在超市买的东西过期了 我要投诉']);
    expect(r.state.step).toBe('description');
    const s = talk(['俺是想投诉，在超市买的东西过期了，想叫他们给个说法', '家家福超市，就郭店南街那个，门口有个大红牌子']);
    expect(s.state.draft.where).toBe('郭店南街');
    expect(s.state.draft.township).toBe('郭店镇');
  });
});

describe('nineteenth round, fourth part (issue #13)', () => {
  it('"名不对 是王建功 功劳哩功 刚才打错了 别哩都中" at the summary corrects the name to 王建功 and files', () => {
    const r = talk([
      '恁好，俺在新郑烟厂东边那个红旗超市买哩挂面，煮出来一股子霉味儿，俺要退钱',
      '夜儿个',
      '王建工',
      '13603718304',
      '新烟街道烟厂家属院12号楼',
      '中',
    ]);
    expect(r.state.step).toBe('summary');
    const s = talk(['名不对 是王建功 功劳哩功 刚才打错了 别哩都中'], r.state);
    expect(s.state.draft.name).toBe('王建功');
    expect(s.replies.join('\n')).toMatch(/已改为：王建功。/);
    expect(s.last.effect?.type).toBe('submit');
  });
});

describe('nineteenth round, fifth part (issue #13)', () => {
  it('a word about the photo when the place was asked is no place: it joins the story and the place is asked again', () => {
    const r = talk(['我要投诉 昨天在学校门口茶语时光买的奶茶 喝完拉了一晚上']);
    expect(r.state.draft.businessName).toBe('茶语时光');
    expect(r.state.step).toBe('where');
    const s = talk(['照片是今天早上在后门拍的 箱子上日期能看清'], r.state);
    expect(s.state.draft.where).toBeUndefined();
    expect(s.state.step).toBe('where');
    expect(s.state.draft.description).toMatch(/后门拍的/);
    expect(s.replies.join('\n')).toMatch(/记下了/);
    expect(readAnswer('where', '照片是今天早上在后门拍的 箱子上日期能看清', understand(''), { files: [], kind: 'complaint' }, NOW)).toEqual(
      {
        ok: false,
        problem: 'evidence_note',
      },
    );
    expect(readAnswer('where', '视频是在郭店北街拍的', understand(''), { files: [], kind: 'complaint' }, NOW).ok).toBe(true);
  });
});

describe('nineteenth round, sixth part (issue #13)', () => {
  it("a workshop's dirty water is hygiene, not a pollution matter for another authority; 直接摊地上 is no stall", () => {
    const r = talk(['有个黑作坊 没证 举报', '唐户村西头有个小作坊做豆腐皮 没牌子没证 用的井水 地上全是污水 做好的豆腐皮直接摊地上晾']);
    expect(r.replies.join('\n')).not.toMatch(/生态环境/);
    expect(r.state.draft.businessName ?? null).toBeNull();
    expect(r.state.draft.description).toMatch(/豆腐皮/);
  });
});

describe('nineteenth round, seventh part (issue #13)', () => {
  it('"你们会去查吧？千万别说是村里人举报的" when the place was asked is a wish to stay unknown, never the place', () => {
    const r = talk(['有人卖病死猪肉 村西头有个姓孙的，专门从外面收病死猪，夜里宰了拉到集上卖', '不知道叫啥，没挂牌子']);
    expect(r.state.step).toBe('where');
    const s = talk(['你们会去查吧？千万别说是村里人举报的'], r.state);
    expect(s.state.draft.where).toBeUndefined();
    expect(s.state.draft.anonymous).toBe(true);
    expect(s.state.step).toBe('where');
  });
});

describe('tried by hand (issue #13, ninth pass)', () => {
  it('the time asked twice without a day that can be read is left open instead of asked a third time', () => {
    const r = talk(['俺在郭店南街口王姐煎饼摊买哩煎饼 里头吃出来一根头发 恶心死了 要退钱']);
    expect(r.state.step).toBe('when');
    const s = talk(['下礼拜'], r.state);
    expect(s.state.step).toBe('when');
    const t = talk(['明天'], s.state);
    expect(t.state.draft.incidentDate).toBeNull();
    expect(t.state.step).not.toBe('when');
    expect(t.replies.join('\n')).toMatch(/时间先空着/);
  });

  it('a rough time narrowed to a day that cannot be (in the future) keeps the rough time', () => {
    // Saturday 2026-11-28: "这礼拜三" is 11-25; "下礼拜三" has not come yet.
    const r = talk(['俺在郭店南街口王姐煎饼摊买哩煎饼 里头吃出来一根头发 要退钱', '这个月初，就下礼拜三']);
    expect(r.state.draft.incidentDate).toBe('2026-11-03');
  });
});

describe('status questions (issue #13, ninth pass)', () => {
  it('"到现在没消息，一般得多长时间啊？" looks the cases up and tells the time limits', () => {
    const r = talk(['你好，我上个月举报了一家饭店用地沟油，到现在没消息，一般得多长时间啊？是不是没人管了']);
    expect(r.last.effect?.type).toBe('list');
    expect(r.replies.join('\n')).toMatch(/15个工作日/);
  });

  it('"我那个案子到哪一步了" right after a case was looked up tells that case again, never its code', () => {
    const q = talk(['编号是 XZ-20261116-000417 查询码 KTQM-HBWX-PRDF-NZAC']);
    expect(q.last.effect).toMatchObject({ type: 'query', number: 'XZ-20261116-000417' });
    const shown = resolve(
      q.state,
      { type: 'query', ok: true, status: { number: 'XZ-20261116-000417', kindLabel: '举报', status: '已受理', timeline: [] } },
      { now: NOW, newDraftId: 'd-9' },
    );
    expect(shown.state.lastStatus).toMatch(/XZ-20261116-000417/);
    expect(JSON.stringify(shown.state)).not.toMatch(/KTQM/);
    const again = talk(['我就想问问我那个案子到哪一步了'], shown.state);
    expect(again.last.effect?.type).toBe('list');
    const told = resolve(again.state, { type: 'list', ok: true, cases: [] }, { now: NOW, newDraftId: 'd-10' });
    expect(told.replies.join('\n')).toMatch(/刚才查到的是[\s\S]*XZ-20261116-000417[\s\S]*已受理/);
  });
});

describe('twentieth round (issue #13, ninth pass)', () => {
  const SUMMARY = ['俺要举报个香油坊，往香油里掺东西 是实名', '香油坊', '梨河镇前吕村', '前天', '李秀兰', '13937125566', '不要', '没有'];
  it('"地方弄错了，前吕村是俺姥家。香油坊在观音寺镇岳口村，恁改改再交" corrects the place to the township clause and files', () => {
    const r = talk(SUMMARY);
    expect(r.state.step).toBe('summary');
    const s = talk(['地方弄错了，前吕村是俺姥家。香油坊在观音寺镇岳口村，恁改改再交'], r.state);
    expect(s.state.draft.where).toBe('观音寺镇岳口村');
    expect(s.state.draft.township).toBe('观音寺镇');
    expect(s.last.effect?.type).toBe('submit');
  });

  it('"店名不对，是鑫源快餐，三个金那个鑫，我刚才打错字了，改一下再提交" keeps only the name, and files', () => {
    const r = talk(SUMMARY);
    const s = talk(['店名不对，是鑫源快餐，三个金那个鑫，我刚才打错字了，改一下再提交'], r.state);
    expect(s.state.draft.businessName).toBe('鑫源快餐');
    expect(s.last.effect?.type).toBe('submit');
  });

  it('"为啥要实名？……行吧，刘振宇" is answered and the name taken; "会不会真去店里查" is answered', () => {
    const r = talk([
      '外卖里吃出虫子了！！恶心死了 要退款',
      '蜀香麻辣烫',
      '河南工程学院南门外面',
      '你们会不会真去店里查？还是打个电话走个过场？',
    ]);
    expect(r.replies.at(-1)).toMatch(/现场检查/);
    const s = talk(['昨天晚上七点多', '为啥要实名？我投诉个外卖还要查户口？……行吧，刘振宇'], r.state);
    expect(s.state.draft.name).toBe('刘振宇');
    expect(s.replies.join('\n')).toMatch(/依法要实名/);
    expect(s.state.step).toBe('phone');
  });
});

describe('twentieth round, second part (issue #13)', () => {
  it('names that are no names: "而且这家店好像没证", "小乔村的", "华阳寨那有个厂", an address after 地址', () => {
    const a = talk(['美团 卤肉饭吃出烟头', '投诉', '而且这家店好像没证']);
    expect(a.state.draft.businessName).toBeUndefined();
    expect(a.state.draft.description).toMatch(/没证/);
    expect(a.state.step).toBe('business');
    const b = talk(['有人卖病死猪肉', '小乔村的']);
    expect(b.state.draft.businessName ?? null).toBeNull();
    expect(b.state.draft.township).toBe('龙湖镇');
    const c = talk(['举报地沟油', '华阳寨那有个厂']);
    expect(c.state.draft.businessName ?? null).toBeNull();
    const d = talk(['美团点的蜜语奶茶 升达东门那家 今天喝出来一个蟑螂 要退款 我叫周雨桐 电话13937180425 地址升达经贸管理学院北区3号楼']);
    expect(d.state.draft.businessName).toBe('蜜语奶茶');
    // A name after it is still read: "就小区门口那个超市，叫啥来着，好又多".
    expect(talk(['我要投诉 上周六在超市买的速冻饺子过期了', '就小区门口那个超市，叫啥来着，好又多']).state.draft.businessName).toBe(
      '好又多',
    );
  });
});

describe('twentieth round, third part (issue #13)', () => {
  it('a first message naming only the shop ("阁老路夜市红姐烧烤") asks the kind; the story given then is the story', () => {
    const r = talk(['阁老路夜市红姐烧烤']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.state.step).toBe('menu');
    expect(r.state.draft.businessName).toBe('红姐烧烤');
    const s = talk(['羊肉串根本不是羊肉'], r.state);
    expect(s.state.draft.description).toMatch(/羊肉串根本不是羊肉/);
    expect(s.state.step).not.toBe('description');
  });

  it('"用的地沟油" while the kind is asked is noted with the story and the kind asked again', () => {
    const r = talk(['升达南门那个鸡蛋灌饼', '用的地沟油']);
    expect(r.state.draft.description).toMatch(/地沟油/);
    expect(r.state.step).toBe('menu');
    expect(r.replies.at(-1)).toMatch(/^好的，记下了。/);
  });

  it('other facts sent when the time is asked are no failed try at the time', () => {
    const r = talk(['阁老路夜市红姐烧烤', '羊肉串根本不是羊肉']);
    expect(r.state.step).toBe('when');
    const s = talk(['退钱', '明天'], r.state);
    expect(s.state.draft.request).toBe('退钱');
    expect(s.state.draft.incidentDate).toBeUndefined();
    expect(s.state.step).toBe('when');
  });
});

describe('twentieth round, fourth part (issue #13)', () => {
  it('"这还用问？就那个蜀香麻辣烫啊，工程学院南门那家" names 蜀香麻辣烫 (the campus gate is where); a licence remark is no name', () => {
    const r = talk(['外卖里吃出虫子了！！恶心死了 要退款', '这还用问？就那个蜀香麻辣烫啊，工程学院南门那家']);
    expect(r.state.draft.businessName).toBe('蜀香麻辣烫');
    const s = talk(['美团 卤肉饭吃出烟头', '投诉', '平台上看不到营业执照']);
    expect(s.state.draft.businessName).toBeUndefined();
    expect(s.state.step).toBe('business');
    // "就是那个健康讲座 … 叫康寿堂健康科技公司": the name said after 叫 wins over what is pointed at.
    expect(
      talk([
        '俺们村来了一伙卖保健品的 天天开讲座 说糖必康能把降糖药停了 我要举报',
        '就是那个健康讲座，他们自己说是郑州来的，叫康寿堂健康科技公司',
      ]).state.draft.businessName,
    ).toBe('康寿堂健康科技公司');
  });
});

describe('a bare charge (issue #13, ninth pass)', () => {
  it('"举报地沟油": the business is asked first, and what was seen once before the summary; "没有" keeps the story', () => {
    const r = talk(['举报地沟油']);
    expect(r.state.step).toBe('business');
    const s = talk(['华阳寨那有个厂', '天天夜里熬', '匿名', '不要'], r.state);
    expect(s.state.step).toBe('description');
    expect(s.replies.at(-1)).toMatch(/最后再说说具体情况/);
    const more = talk(['华阳寨村北有个小厂 收泔水熬地沟油 夜里熬 臭得很'], s.state);
    expect(more.state.step).toBe('summary');
    expect(more.state.draft.description).toMatch(/^举报地沟油\n华阳寨村北有个小厂/);
    const none = talk(['没有'], s.state);
    expect(none.state.step).toBe('summary');
    expect(none.state.draft.description).toBe('举报地沟油');
  });

  it('a story told in full is not asked again; nor is an English report', () => {
    // (A story of a few words is asked about once, at the end: "没有" ends it.)
    const r = talk(['举报 郭店镇华阳寨村北有个小厂 收泔水熬地沟油 夜里熬 臭得很', '不知道叫啥', '上周日', '匿名', '不要']);
    expect(r.state.step).toBe('description');
    expect(talk(['没有'], r.state).state.step).toBe('summary');
    const full = talk([
      '举报 郭店镇华阳寨村北有个小厂 收泔水熬地沟油 夜里熬 臭得很，我上礼拜天晚上路过亲眼看见他们从饭店拉来几大桶泔水倒进锅里熬，熬出来的油装进白塑料桶往外拉',
      '不知道叫啥',
      '匿名',
      '不要',
    ]);
    expect(full.state.step).toBe('summary');
  });
});

describe('dictated and rambling messages (issue #13, tenth pass)', () => {
  const RAMBLE =
    '喂 那个你好啊 就是我昨天晚上下班在华南城那个蜀香麻辣烫吃的麻辣烫 然后吃完回家吧就开始拉肚子 反正就是它家那个毛肚 吃着都有味了 我想让他们把钱退了 ' +
    '我叫刘晓燕 电话是幺三八 七六零二 四幺五九 我住在郭店镇五里堡 就这些 你们给处理一下吧 我这还得去上班';

  it('a dictated complaint: the shop between 在 and 吃的, a refund with "你们给处理一下" stays a complaint, the address ends at the space', () => {
    const r = talk([RAMBLE]);
    const d = r.state.draft;
    expect(d.kind).toBe('complaint');
    expect(d.businessName).toBe('蜀香麻辣烫');
    expect(d.township).toBe('龙湖镇');
    expect(d.address).toBe('郭店镇五里堡');
    expect(d.phone).toBe('13876024159');
    // "你们也处理一下" beside a refund still asks for both.
    expect(talk(['在老王烩面馆吃的烩面有头发，要求退钱，你们也处理一下这家店']).state.draft.kind).toBe('both');
  });

  it('"可以 同意 名字电话别公开就行" consents (keeping one’s own data out is what publication does); "别公开" alone refuses', () => {
    const r = talk([RAMBLE]);
    expect(r.state.step).toBe('summary');
    expect(talk(['可以 同意 名字电话别公开就行'], r.state).state.draft.consentToPublish).toBe(true);
    expect(talk(['别公开'], r.state).state.draft.consentToPublish).toBe(false);
    expect(talk(['不同意 名字电话都别公开'], r.state).state.draft.consentToPublish).toBe(false);
    expect(talk(['啥是公开 我不懂 你看着弄吧'], r.state).state.draft.consentToPublish).toBe(true);
  });

  it('a slip mended in the same breath: the time, the shop and the place said after it count', () => {
    const r = talk([
      '我要投诉 就是龙湖镇泰山村那个饭店 叫聚贤楼 不对 聚贤阁 我昨天 哦不 是大前天晚上在那吃饭 看见他们拿涮拖把的桶洗菜 我要退钱',
    ]);
    expect(r.state.draft.businessName).toBe('聚贤阁');
    expect(r.state.draft.incidentDate).toBe('2026-11-25');
    const s = talk(['俺前儿个晌午 在龙王乡 不是 龙王是俺姥娘家 俺是在辛店街上那个老马家羊肉汤 喝了两碗羊肉汤 回来就拉 叫他赔钱']);
    expect(s.state.draft.township).toBe('辛店镇');
    const en = talk([
      'I bought some bread yesterday, no wait it was Thursday, at a bakery called Sweet Home Bakery, moldy inside, I want my money back',
    ]);
    expect(en.state.draft.incidentDate).toBe('2026-11-26');
  });

  it('"店说错了 … “烤匠麻辣烤鱼（薛店店）”，地址也是薛店镇": the quoted name, its branch’s place, and no address from "地址也是"', () => {
    const r = talk(['我们四个同事前天晚上吃了美团的烤鱼全进医院了！！这店必须查！！钱也得赔！！', '烤匠麻辣烤鱼（龙王乡店）', '侯志强']);
    expect(r.state.draft.township).toBe('龙王乡');
    const s = talk(['等下！店说错了，不是龙王乡那家，是薛店镇那家，app上写的“烤匠麻辣烤鱼（薛店店）”，地址也是薛店镇'], r.state);
    expect(s.state.draft.businessName).toBe('烤匠麻辣烤鱼（薛店店）');
    expect(s.state.draft.township).toBe('薛店镇');
    expect(s.state.draft.address).toBeUndefined();
  });

  it('"你说的字太多了 我眼花 能不能说简单点": the question again in a few words, nothing stored', () => {
    const r = talk(['团购的鸡蛋是臭的 要投诉 叫他给换', '就是俺村小李便民超市']);
    expect(r.state.step).toBe('where');
    const s = talk(['你说的字太多了 我眼花 能不能说简单点'], r.state);
    expect(s.state.step).toBe('where');
    expect(s.replies.join('')).toMatch(/^好，简单说：店在哪儿/);
    expect(s.state.draft.where).toBeUndefined();
  });

  it('"大概半个月前吧，记不太清了" leaves the day open; "昨天吧，记不太清几点了" is yesterday', () => {
    const r = talk(['在邻里优鲜买的鸡蛋，一打开都是臭的，要退钱']);
    expect(r.state.draft.businessName).toBe('邻里优鲜');
    expect(r.state.step).toBe('where');
    const w = talk(['黄帝故里旁边'], r.state);
    expect(w.state.step).toBe('when');
    expect(talk(['大概半个月前吧，记不太清了'], w.state).state.draft.incidentDate).toBeNull();
    expect(talk(['昨天吧，记不太清几点了'], w.state).state.draft.incidentDate).toBe('2026-11-27');
  });

  it('"我不想留名字 但是想要举报奖金 可以吗": anonymous and a reward, neither asked; "会不会查到我头上" is answered', () => {
    const r = talk([
      '你好我要举报 郭店华阳寨村里有个做辣条得黑作坊 没有证 地上都是老鼠屎 大前天晚上还在做 我不想留名字 但是想要举报奖金 可以吗',
    ]);
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.state.draft.wantsReward).toBe(true);
    const s = talk(['我在幼儿园厨房帮工，园里给孩子吃过期的肉，我想反映一下，会不会查到我头上']);
    expect(s.replies.join('')).toMatch(/保密/);
  });

  it('English: "the kitchen of Red Pepper Hotpot" names the business; "Is there a reward? If so I\'d like it" wants one', () => {
    const r = talk([
      "Hi, I work in the kitchen of Red Pepper Hotpot in Xuedian town. The owner makes us reuse the leftover oil. Last Friday I saw it again. I want to report this anonymously. Is there a reward? If so I'd like it.",
    ]);
    expect(r.state.draft.businessName).toBe('Red Pepper Hotpot');
    expect(r.state.draft.wantsReward).toBe(true);
    expect(r.state.draft.anonymous).toBe(true);
  });
});

describe('the choice of kind, and what frustration is not (issue #13, tenth pass)', () => {
  it('an own purchase told with no wish ("饺子里吃出来塑料片了") asks what the citizen wants; a wish said is taken', () => {
    const r = talk(['俺夜儿个晌午在郭店北街买嘞凉皮，里头有个苍蝇']);
    expect(r.state.step).toBe('menu');
    expect(r.state.draft.description).toMatch(/苍蝇/);
    const both = talk(['俺想叫他赔，也想叫恁管管他'], r.state);
    expect(both.state.draft.kind).toBe('both');
    expect(talk(['凉皮里有个苍蝇，要求退钱']).state.draft.kind).toBe('complaint');
    // "能退就退 … 也得管管他们": a remedy and an investigation.
    expect(talk(['能退就退，那帮人专门骗老年人，也得管管他们'], r.state).state.draft.kind).toBe('both');
  });

  it('"看病的钱也得管" asks for money, not for an investigation; "叫他们给个说法" leaves the request to be asked', () => {
    const r = talk(['我孙子在辛店镇中心小学食堂吃了午饭，晚上就开始肚子疼、吐，我要投诉学校食堂，学校得给个说法']);
    expect(r.state.draft.kind).toBe('complaint');
    expect(r.state.draft.request).toBeUndefined();
    const s = talk(['学校得给个说法，看病的钱也得管'], { ...r.state, step: 'request' });
    expect(s.state.draft.kind).toBe('complaint');
    expect(s.state.draft.request).toMatch(/看病的钱/);
  });

  it('"我刚才不是说了吗 怎么又问一遍？？" stores no date and no business; a question is no request', () => {
    const r = talk(['外卖里吃出来钢丝球了！！', '投诉 让商家退钱']);
    expect(r.state.step).toBe('business');
    const s = talk(['我刚才不是说了吗 怎么又问一遍？？'], r.state);
    expect(s.state.draft.incidentDate).toBeUndefined();
    expect(s.state.draft.businessName).toBeUndefined();
    const q = talk(['饭里有苍蝇 投诉', '老王饭店', '老街', '昨天']);
    expect(q.state.step).toBe('request');
    const asked = talk(['要不要先去医院啊，她又吐了'], q.state);
    expect(asked.state.draft.request).toBeUndefined();
    expect(asked.state.step).toBe('request');
  });
});

describe('conversations that go sideways, and formal writers (issue #13, tenth pass)', () => {
  it('"订单上有啊 蜀香麻辣烫" names the shop; "你先别问名字了 孩子还在吐！！张慧" gives the name', () => {
    const r = talk(['投诉外卖 麻辣烫里有头发 要退钱']);
    expect(r.state.step).toBe('business');
    expect(talk(['订单上有啊 蜀香麻辣烫'], r.state).state.draft.businessName).toBe('蜀香麻辣烫');
    const n = talk(['红红小卖部的辣条吃完一直吐 投诉 让他赔医药费', '裴李岗小学门口', '今天早上七点多']);
    expect(n.state.step).toBe('name');
    expect(talk(['你先别问名字了 孩子还在吐！！张慧'], n.state).state.draft.name).toBe('张慧');
  });

  it('"小学门口红红小卖部" is no lipstick question; a pasted order gives the shop in 【】 and the buyer', () => {
    const r = talk(['我家孩子早上在裴李岗小学门口红红小卖部买了包辣条，吃完到现在一直吐！！']);
    expect(r.replies.join('')).not.toMatch(/药品监管部门/);
    const o = talk([
      '我在微信上买的辣酱有问题 订单文字复制给你们：\n【小梅私房辣酱】微信小店\n商品：秘制牛肉辣酱 x3\n收货人：周婷 13526470918\n12月1号收到的，吃了嘴麻舌头麻，我怀疑加了苏丹红。要求全额退款，也请你们查查这个小作坊。',
    ]);
    expect(o.state.draft.businessName).toBe('小梅私房辣酱');
    expect(o.state.draft.name).toBe('周婷');
    expect(o.state.draft.phone).toBe('13526470918');
  });

  it('a letter: the writer named after 本人系…, the signature, the shop (not the writer’s school); an agent files in the client’s name', () => {
    const r = talk([
      '尊敬的领导：您好！本人王淑兰，系新郑市第三中学退休教师。12月1日上午，本人在新华路街道的好又多超市购买黑芝麻糊两袋，已过期近两个月。特此投诉，恳请责令该超市退还货款。联系电话：13703716628。此致 敬礼！王淑兰',
    ]);
    expect(r.state.draft.businessName).toBe('好又多超市');
    expect(r.state.draft.name).toBe('王淑兰');
    const a = talk(['我是律师，受当事人委托投诉贝贝母婴店卖没有中文标签的进口奶粉，要求退货', '新建路街道', '11月25日']);
    expect(a.state.step).toBe('name');
    expect(talk(['委托人赵丽娜，代理人孙明远律师'], a.state).state.draft.name).toBe('赵丽娜');
    expect(talk(['代理人提交是否需要授权委托书？']).replies.join('')).toMatch(/授权委托书原件/);
  });

  it('a legal question opening with 请教 is answered (seller or producer pays first), not filed', () => {
    const r = talk([
      '请教一个法律问题：《食品安全法》第一百四十八条第二款规定的“价款十倍或者损失三倍”的赔偿金，如果我买的东西只值12元，是否也能主张最低一千元？另外，这个赔偿是向销售者要还是向生产者要？',
    ]);
    expect(r.replies.join('')).toMatch(/最少1000元[\s\S]*生产厂家/);
    expect(r.state.draft.kind).toBeUndefined();
  });

  it('a stall number and a market are no names: "华南城冻品市场C区8号鑫旺冻品"', () => {
    const r = talk([
      '匿名举报，不要奖励。华南城冻品市场C区8号鑫旺冻品，本周三晚上卸了二十多箱没有中文标签的冻牛肉，老板让我们直接搬进冷库。',
    ]);
    expect(r.state.draft.businessName).toBe('鑫旺冻品');
  });
});

describe('the words around an answer (issue #13, tenth pass)', () => {
  const read = (slot: Parameters<typeof readAnswer>[0], text: string, kind: 'complaint' | 'report' = 'complaint') =>
    readAnswer(slot, text, understand(text, { now: NOW }), { kind, files: [] }, NOW);
  it.each([
    ['business', '我想想… 蜀香园火锅', '蜀香园火锅'],
    ['business', '老薛家羊肉汤👌', '老薛家羊肉汤'],
    ['business', '好像是川妹子麻辣烫吧', '川妹子麻辣烫'],
    ['where', '嗯，郭店北街，就街中间那家', '郭店北街，就街中间那家'],
    ['where', '河南工程学院北门那一排，你记一下', '河南工程学院北门那一排'],
    ['address', '就是郭店镇陵后村', '郭店镇陵后村'],
    ['name', '张金锁👌', '张金锁'],
    ['name', '跟你说，王浩然', '王浩然'],
    ['request', '这个啊 全额退款 再赔点，就这些', '全额退款 再赔点'],
    ['when', '刚才忘说了 夜儿个晌午', '2026-11-27'],
    ['when', '这个月3号', '2026-11-03'],
    ['name', '王大海（大小的大，海洋的海）', '王大海'],
    ['name', '俺叫刘老四 大名刘福', '刘福'],
    ['name', '叫我 孙 丽', '孙丽'],
    ['name', 'real name? ok, Zhang Wei', 'Zhang Wei'],
    ['name', 'My name is Li Na, L-I N-A', 'Li Na'],
    ['name', '你问这个干啥？李建国', '李建国'],
    ['business', '叫啥来着…想起来了，蜀香园火锅', '蜀香园火锅'],
    ['business', '店名挺长的，叫老街坊黄焖鸡米饭', '老街坊黄焖鸡米饭'],
    ['where', '在哪儿？就华南城啊', '华南城'],
  ] as const)('%s: %s → %s', (slot, text, want) => expect(read(slot, text)).toEqual({ ok: true, value: want }));

  it('"Sorry, can you write in English?" is no business; yes-or-no answers keep their words', () => {
    expect(read('business', 'Sorry, can you write in English?').ok).toBe(false);
    expect(read('consent', '好的')).toEqual({ ok: true, value: true });
  });
});

describe('tipsters and awkward typing (issue #13, eleventh pass)', () => {
  it('pinyin typed without characters is read as the characters, and the reply stays Chinese', () => {
    expect(fromPinyin('wo yao tou su，梦庄镇上的老王烧饼铺，zuo tian mai de 烧饼里面吃出来一个钉子')).toBe(
      '我要投诉，梦庄镇上的老王烧饼铺，昨天买的烧饼里面吃出来一个钉子',
    );
    expect(fromPinyin('zuo tian 昨天上午')).toBe('昨天上午');
    expect(fromPinyin('ke yi')).toBe('可以');
    expect(fromPinyin('dui 对')).toBe('对');
    expect(fromPinyin('I bought bread at Shangwu Mall')).toBe('I bought bread at Shangwu Mall');
    const r = talk(['wo yao tou su，梦庄镇上的老王烧饼铺，zuo tian mai de 烧饼里面吃出来一个钉子']);
    expect(r.state.lang).toBe('zh');
    expect(r.state.draft.kind).toBe('complaint');
    expect(r.state.draft.businessName).toBe('老王烧饼铺');
    expect(r.state.draft.incidentDate).toBe('2026-11-27');
  });

  it.each([
    ['我不怕，我写名字', false],
    ['留我真名吧', false],
    ['不敢写名字', true],
    ['名字就别写了', true],
    ['俺不想露名', true],
  ])('anonymity: %s → %s', (text, want) => expect(parseAnonymous(text)).toBe(want));

  it('"要身份证不要？" is answered: a report needs no ID card', () => {
    const r = talk(['俺问一下，举报卖假酒哩，要身份证不要？俺不想露名']);
    expect(r.replies.join('\n')).toContain('不用身份证');
    expect(r.state.draft.anonymous).toBe(true);
  });

  it('asking how much and whether an anonymous reporter can claim, when asked about the reward, applies for it', () => {
    const r = talk(['匿名举报，和庄镇街上鑫源酒行拿回收的杜康瓶子灌散酒当真酒卖，前天晚上我亲眼看见的', '能给多少？匿名还能领不能？']);
    expect(r.state.draft.wantsReward).toBe(true);
    expect(r.replies.join('\n')).toContain('不要奖励');
  });

  it('"这个礼拜天天都有，本周三我去听了一回": the day the citizen was there', () => {
    expect(readAnswer('when', '这个礼拜天天都有，本周三我去听了一回', understand(''), { kind: 'report', files: [] }, NOW)).toEqual({
      ok: true,
      value: '2026-11-25',
    });
  });

  it('a child ill from what the family bought, with only an investigation asked for: the choice is asked', () => {
    const r = talk(['孩子吃了校门口买的辣条 现在上吐下泻 在医院挂水呢 这个小卖部必须查']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/退赔/);
  });
});

describe('corrections, second thoughts and questions (issue #13, eleventh pass)', () => {
  it('two fields corrected in one message are both changed', () => {
    const r = talk([
      '你好，我要投诉华南城的鑫旺生鲜超市，昨天买的纯牛奶，打开全是结块的，一看已经过期三天了',
      '等一下，店名不对，是鑫盛生鲜超市；日子也不对，是前天，我刚才记岔了',
    ]);
    expect(r.state.draft.businessName).toBe('鑫盛生鲜超市');
    expect(r.state.draft.incidentDate).toBe('2026-11-26');
  });

  it('"退钱是一方面 我还想让你们罚他们…两个都要" turns a complaint into both', () => {
    const r = talk(['在吗 投诉个外卖', '昨晚美团点的冒菜 吃出来一根钢丝球的丝 差点扎嗓子眼里', '退钱是一方面 我还想让你们罚他们 两个都要']);
    expect(r.state.draft.kind).toBe('both');
  });

  it('a shop named by its number keeps the number, and "8号" in it is no date', () => {
    const r = talk(['我要举包 雪店镇上那个8号烘焙坊 后厨一直用过期的奶游做蛋糕']);
    expect(r.state.draft.businessName).toBe('8号烘焙坊');
    expect(r.state.draft.incidentDate).toBeUndefined();
    expect(r.state.draft.township).toBe('薛店镇');
  });

  it('near-expiry food and health foods that "cure" are answered, not filed', () => {
    const a = talk(['请问一下，超市把临期食品放在一起打折卖合法吗？临期和过期有什么区别？']);
    expect(a.replies.join('\n')).toContain('临期食品还在保质期内');
    expect(a.state.draft.kind).toBeUndefined();
    const b = talk(['请问一下，我在讲座上买的保健品，他们说能治高血压，我能不能把降压药停了']);
    expect(b.replies.join('\n')).toContain('请不要自己停');
  });

  it('a vague story ("那个馍白得很 不正常") is asked about once more, then taken', () => {
    const r = talk(['我要举报个事', '那个馍白得很 不正常', '他蒸馍用硫磺熏 馍白得吓人']);
    expect(r.replies.join('\n')).toContain('能再具体说说吗');
    expect(r.state.draft.description).toContain('硫磺');
    expect(r.state.step).toBe('business');
  });
});

describe('numbers that are not the citizen’s (issue #13, eleventh pass)', () => {
  it('the phone on a stall sign is no contact number; it finds the business; a refund the stall gave is no request', () => {
    expect(othersPhone('不知道店名，摊位牌子上就一个电话号码 13803716275')).toBe(true);
    expect(othersPhone('他们卫生太差 我叫邵静 电话13673920058')).toBe(false);
    const r = talk([
      '我在三十里铺那个肉市买牛肉，回家一称少了快一斤，我怀疑他的秤有问题，想投诉也想举报',
      '上周五上午买了三斤牛肉，一斤四十二，付了一百二十六，回家称只有两斤一两。我回去找他，他只退了十块钱就不管了。',
      '不知道店名，摊位牌子上就一个电话号码 13803716275',
    ]);
    expect(r.state.draft.phone).toBeUndefined();
    expect(r.state.draft.request).toBeUndefined();
    expect(r.state.draft.businessName).toBe('名称不详（招牌上的电话13803716275）');
  });
});

describe('what is no business name (issue #13, eleventh pass)', () => {
  it('"我刚不是说了吗！发霉！" said when the shop was asked is no name; goods sent to 饭店 name no shop', () => {
    const r = talk(['你们管不管？？超市卖发霉的饺子！！', '投诉！', '我刚不是说了吗！发霉！']);
    expect(r.state.draft.businessName).toBeUndefined();
    const t = talk([
      '我叫牛振东，电话13781926053，实名举报。这周四夜里帮和庄镇一个养猪场往外拉了二十来头死猪，拉到老公路边一个没挂牌的屠宰点，在那褪毛分割，说第二天一早送饭店。',
    ]);
    expect(t.state.draft.businessName).not.toBe('早送饭店');
  });
});

describe('messy phone typing (issue #13, eleventh pass, second half)', () => {
  it('"？" sent back to the kind question gets it said more simply; "商家不理我" is a complaint', () => {
    const r = talk(['点的外卖里吃出来个窗可贴 恶心死了', '？']);
    expect(r.replies.at(-1)).toMatch(/^我是问：/);
    const t = talk(['点的外卖里吃出来个窗可贴 恶心死了', '平台那边说让找商家 商家不理我']);
    expect(t.state.draft.kind).toBe('complaint');
    expect(t.state.draft.description).toContain('创可贴');
  });

  it('"…那就说说我买挂面的事，投诉超市" after another authority\'s matter starts a complaint', () => {
    const r = talk(['你好啊，我想问问，小区物业的事你们管不管？物业不给修水管', '物业要是不归你们管，那就说说我买挂面的事，投诉超市']);
    expect(r.state.draft.kind).toBe('complaint');
  });

  it('dates: "12.2号早上" is a day, a time in what the business said is not, nor 刚才 about a voice message, nor 3.5元', () => {
    expect(parseIncidentDate('花了3.5元', NOW)).toBeNull();
    expect(parseIncidentDate('12.2号早上买的', NOW)).toBe('2025-12-02');
    const u = understand('12.2号早上在职工食堂买的包子 咬开一股馊味 跟窗口说 他说今天早上现包的 不给换', { now: NOW });
    expect(u.incident_time.value?.phrase).toBe('12.2号早上');
    expect(understand('刚才语音转的字 是无根剂 不是五根剂', { now: NOW }).incident_time.value).toBeNull();
  });

  it('"哦 行 可以", "恩" are yes; "胀带", "投速" are mended; spoiled cake told without a wish is asked', () => {
    expect(parseYesNo('哦 行 可以')).toBe(true);
    expect(parseYesNo('恩')).toBe(true);
    expect(talk(['我要投速 郭店北街那个老街烧烤 羊肉串是臭的']).state.draft.kind).toBe('complaint');
    const r = talk(['蛋糕店的蛋糕奶油是酸的[流泪][流泪]']);
    expect(r.state.draft.kind).toBeUndefined();
  });
});

describe('withdrawals and numbers said out of turn (issue #13, eleventh pass, second half)', () => {
  it('a complaint withdrawn after the shop paid is answered (Art. 23), not filed; after its status, it goes to a person', () => {
    const r = talk(['同志你好，我前几天在这里投诉了一个烤鸭店，现在人家老板把钱退给我了，也赔了不是，我想把投诉撤了']);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.replies.join('\n')).toContain('第二十三条');
    const s: ConvState = { ...r.state, lastStatus: '投诉 XZ-20261130-000087\n当前状态：已受理' };
    const out = handle(s, { type: 'text', text: '撤销投诉' }, { now: NOW, newDraftId: 'd9' });
    expect(out.effect).toEqual({ type: 'handoff', message: '申请撤回投诉 XZ-20261130-000087：撤销投诉' });
  });

  it('a phone number said when the shop was asked, and "不要钱" after the kind, are no business names', () => {
    expect(readAnswer('business', '电话是幺三九零三七幺二二八六 听清没', understand(''), { kind: 'report', files: [] }, NOW).ok).toBe(
      false,
    );
    const r = talk(['东郭寺村口那个卖肉的老是卖注水肉 肉上都往下滴水 你们管管', '举报 不要钱 就叫你们查他']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.state.draft.wantsReward).toBe(false);
  });
});

describe('thin stories and bakeries (issue #13, eleventh pass, second half)', () => {
  it('"手机坏了" is no problem with food: the story is asked; 蛋糕房 is a trade word', () => {
    const r = talk(['你好 我想头诉一个蛋糕店 先说一下我手机坏了 联系电话只能留我老公的']);
    expect(r.state.draft.detailsWanted).toBe(true);
    const t = talk([...['你好 我想头诉一个蛋糕店 先说一下我手机坏了'], '上周六在鑫源蛋糕房订的生日蛋糕，拿回家切开奶油是酸的']);
    expect(t.state.draft.businessName).toBe('鑫源蛋糕房');
  });

  it('a report whose story only says who saw it is asked once what was seen', () => {
    const r = talk(['举报，让你们去查查', '我们这几家邻居都让我一块反映，老张家、老李家都看见了']);
    expect(r.state.step).toBe('description');
    expect(r.replies.at(-1)).toContain('能再具体说说吗');
  });

  it('an ID number refused drops the named reward application and says how to apply later', () => {
    const r = talk([
      '实名举报，春来早餐店从一个没标签的白桶里往锅里倒油，像是地沟油，上周六早上看见的，在新郑烟厂家属院门口',
      '陈思雨',
      '17703716628',
      '要',
      '不想给',
    ]);
    const all = r.replies.join('\n');
    expect(all).toContain('不留身份证号');
    expect(all).not.toContain('标签：国内的预包装食品');
  });
});

describe("the name to ask for on a relative's phone (issue #13, eleventh pass, second half)", () => {
  it('"你们打过去说找李桂芝他就知道了" gives the citizen\'s name', () => {
    const r = talk([
      '反映情况，就是举报吧',
      '唐户村集上有个卖猪肉的摊子，肉往下滴水，按一下直冒水，我看是注水肉',
      '电话是我儿子的，你们打过去说找李桂芝他就知道了',
    ]);
    expect(r.state.draft.name).toBe('李桂芝');
  });
});

describe('prepaid cards and amounts (issue #13, eleventh pass, second half)', () => {
  it('a prepaid card of a closed shop is answered; the complaint after it keeps the shop; an amount is no name', () => {
    const r = talk(['你好同志，我想问问，我在阁老路那个麦香源蛋糕店办了个卡，现在店关门了，钱还能要回来吗', '我要投诉，把钱退给我']);
    expect(r.replies.join('\n')).toContain('预付卡');
    expect(r.state.draft.kind).toBe('complaint');
    expect(r.state.draft.businessName).toBe('麦香源蛋糕店');
    expect(readAnswer('business', '卡里还剩多少我记不太清了，大概八百来块', understand(''), { kind: 'complaint', files: [] }, NOW).ok).toBe(
      false,
    );
  });

  it('"it was Saturday night, not Friday. November 28th." keeps the date said in full', () => {
    expect(readCorrection('Sorry, correction: it was Saturday night, not Friday. November 28th.')?.value).toBe('November 28th');
  });
});

describe('insiders, online shops and older citizens (issue #13, eleventh pass, third part)', () => {
  it.each([
    ['我不怕，用我的名字', false],
    ["I can give my name. Please don't tell the hotel though.", false],
    ["don't use my name", true],
    ['不想用我的名字', true],
  ])('anonymity: %s → %s', (text, want) => expect(parseAnonymous(text)).toBe(want));

  it('"给钱那更中" is yes, "不太好" is not', () => {
    expect(parseYesNo('给钱那更中')).toBe(true);
    expect(parseYesNo('不太好')).not.toBe(true);
  });

  it('names read off a card, with an app branch, after 不好意思; no name from 打错了 是瘦肉精', () => {
    const read = (text: string) => readAnswer('business', text, understand(text, { now: NOW }), { kind: 'report', files: [] }, NOW);
    expect(read('他给了个卡片 上面写 老蜂农蜂业')).toEqual({ ok: true, value: '老蜂农蜂业' });
    expect(read('老郑家胡辣汤，后边括号写着郭店店')).toEqual({ ok: true, value: '老郑家胡辣汤（郭店店）' });
    expect(read('不好意思 打错字了 是红星小卖部')).toEqual({ ok: true, value: '红星小卖部' });
    expect(read('打错了 是瘦肉精').ok).toBe(false);
  });

  it('"诉求是啥意思？俺不懂" while the story is asked explains 诉求 and takes nothing as the story', () => {
    const r = talk(['投诉，俺要叫他退钱', '恁说嘞诉求是啥意思？俺不懂，恁再说一遍']);
    expect(r.replies.join('\n')).toContain('就是您想让商家怎么解决');
    expect(r.state.draft.description).toBeUndefined();
  });

  it('"商家只肯退饮料钱" is what the shop offered, not the request', () => {
    expect(requestOf(understand('商家只肯退饮料钱', { now: NOW }), '商家只肯退饮料钱')).toBeNull();
    expect(requestOf(understand('我要让他退钱', { now: NOW }), '我要让他退钱')).toBe('我要让他退钱');
    const t = '喝到最后吸管吸上来半只蟑螂 商家只肯退饮料钱 我要求赔偿 我叫程璐 电话188 3716 0452';
    expect(requestOf(understand(t, { now: NOW }), t)).toBe('我要求赔偿');
  });
});

describe('every fact at once files in three messages (issue #13, twelfth pass)', () => {
  it('a complaint with all its facts but the address: the address, then the summary (publication offered there)', () => {
    const r = talk([
      '你好 昨天下午在饿了么点了柠檬物语（郭店北街店）的杨枝甘露 喝到最后吸管吸上来半只蟑螂 我要求赔偿 我叫程璐 电话188 3716 0452',
      '郭店镇郭店北街华府小区',
    ]);
    expect(r.state.step).toBe('summary');
    expect(r.replies.at(-1)).toMatch(/办完后隐去个人信息公开结果：不同意/);
    expect(talk(['对 没错'], r.state).last.effect).toMatchObject({ type: 'submit', payload: { consentToPublish: false } });
    // Said in the summary's own words, or on its own (then the summary again, to confirm).
    expect(talk(['确认，同意公开'], r.state).last.effect).toMatchObject({ type: 'submit', payload: { consentToPublish: true } });
    const only = talk(['可以公开'], r.state);
    expect(only.last.effect).toBeUndefined();
    expect(only.state.draft.consentToPublish).toBe(true);
    expect(only.replies.at(-1)).toMatch(/公开结果：同意/);
    // "公开那项改一下" asks the publication question itself.
    expect(talk(['公开那项改一下'], r.state).state.step).toBe('consent');
  });

  it('"最后四位是4480 不是4408" at the summary changes only those digits', () => {
    const r = talk([...COMPLAINT, '电话号码打错了 最后四位是4480 不是4408']);
    // Digits that are not in the number kept: the phone is asked again rather than guessed.
    expect(r.state.step).toBe('phone');
    const s = talk([...COMPLAINT.slice(0, 7), '139 3712 4408', ...COMPLAINT.slice(8), '电话号码打错了 最后四位是4480 不是4408']);
    expect(s.state.draft.phone).toBe('13937124480');
    expect(s.state.step).toBe('summary');
    const t = talk([...COMPLAINT.slice(0, 7), '139 3712 4408', ...COMPLAINT.slice(8), '电话尾号错了，是4480']);
    expect(t.state.draft.phone).toBe('13937124480');
  });

  it('something that goes on is dated by its latest time ("从上个月开始…最近一次是前天晚上")', () => {
    const r = talk([
      '我在薛店镇鑫源冷链仓库上班，老板让我们把过期的冻鸡翅撕掉旧标签，重新贴上新的生产日期再发货。从上个月开始就这么干，最近一次是前天晚上。我要匿名举报，千万别让老板知道。',
    ]);
    expect(r.state.draft.incidentDate).toBe('2026-11-26'); // 前天 on the test clock (2026-11-28)
    expect(r.state.step).toBe('reward');
  });

  it('a story naming an additive ("怕是加了啥色素") is not asked for more details', () => {
    const r = talk([
      '俺叫杜金花，电话13663829014。俺前儿个搁八千乡集上老刘豆腐坊买哩豆腐皮，黄哩吓人，一泡水水都是黄哩，怕是加了啥色素，俺要他退钱，恁也得去查查他，别再坑人了',
    ]);
    expect(r.state.draft.kind).toBe('both');
    expect(r.state.step).toBe('address');
  });

  it('a long message with matters for others: where each goes is said, wages and property too', () => {
    const r = talk([
      '你好，我有几个事。第一个是吃的：前天在观音寺镇集上老刘卤肉摊买的卤牛肉是馊的，我要他退钱。第二个是俺小区物业不管楼上漏水。第三个是俺老公在工地上干活，包工头欠了他三个月工资没给。第四个，吃了他的肉能赔十倍吗？匿名行不行？多久能办完？',
    ]);
    const all = r.replies.join('\n');
    expect(all).toMatch(/12333/);
    expect(all).toMatch(/住房和城乡建设|住建/);
  });
});

describe('twenty-sixth round (dev25, issue #13, twelfth pass)', () => {
  it('"我要退钱 他们卖过期的也要管管" in answer to the kind question is both', () => {
    const r = talk(['你好 请问是食品安全吗 我在龙王乡万佳福超市买了过期酱油', '我要退钱 他们卖过期的也要管管']);
    expect(r.state.draft.kind).toBe('both');
  });

  it('a remedy given up while the request is asked ("那十几块钱俺不要了，恁直接去查他…俺不留名") makes an anonymous report', () => {
    const r = talk([
      '俺要投诉郭店镇华阳寨路口马家拉面，夜儿个晌午俺在他那吃面，碗里捞出来个罂粟壳！',
      '算了算了，那十几块钱俺不要了，恁直接去查他锅里放没放那东西，俺不留名，中不中',
    ]);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.state.draft.request).toBeUndefined();
    expect(r.replies.at(-1)).toMatch(/按“举报”登记/);
  });

  it('an English question is no business name, and "what they do is illegal" is asked about', () => {
    const r = talk([
      'Hi, I work part-time in the kitchen of a hotpot restaurant and I think what they do is illegal. Can I report it without giving my name?',
    ]);
    expect(r.state.step).toBe('description');
    expect(r.replies.at(-1)).toMatch(/say more|what exactly did you see/i);
    const q = talk(['Also, is it really confidential? The boss knows all of us part-timers.'], r.state);
    expect(q.state.step).toBe('description');
    expect(q.state.draft.description).not.toMatch(/confidential/);
    expect(
      readAnswer(
        'business',
        'Also, is it really confidential? The boss knows all of us.',
        understand('x', { now: NOW }),
        { kind: 'report', files: [] },
        NOW,
      ).ok,
    ).toBe(false);
  });

  it('fumes from a barbecue shop are answered, not filed; a stall moved outside is for city management', () => {
    const r = talk(['俺楼下那家烧烤店天天黑价油烟往俺家窗户里灌，熏得窗户都不敢开，恁市场监管管这不管']);
    expect(r.replies.join('\n')).toMatch(/生态环境/);
    expect(r.state.draft.kind).toBeUndefined();
    const s = talk(['那他要是把炉子搬到门口外头摆摊烤哩，又归谁'], r.state);
    expect(s.replies.join('\n')).toMatch(/城市管理/);
    expect(s.state.draft.kind).toBeUndefined();
  });

  it('shop names: 老马烟酒, 茶里茶气奶茶店; "一个调料厂" is no name', () => {
    expect(hanBusiness('我要投诉！！西街社区门口老马烟酒卖假茅台，我上周五买了两瓶请客')).toBe('老马烟酒');
    expect(hanBusiness('投诉一下升达门口那个茶里茶气奶茶店')).toBe('茶里茶气奶茶店');
    expect(hanBusiness('俺在孟庄一个调料厂上班，厂里做辣椒酱往里头加苏丹红')).toBeNull();
    expect(understand('投诉一下升达门口那个茶里茶气奶茶店', { now: NOW }).business.value).toBe('茶里茶气奶茶店');
  });

  it('food spat out is no illness; "要啥奖励" and "奖励不奖励的无所谓" decline the reward', () => {
    const spat = '昨天在美团点的黄焖鸡，送到一股馊味，我吃了一口就吐出来了。平台客服也一直踢皮球。我要求退款';
    expect(understand(spat, { now: NOW }).harm.value.ill).toBe('none');
    expect(talk([spat]).last.effect?.type).not.toBe('handoff');
    const read = (t: string) => readAnswer('reward', t, understand(t, { now: NOW }), { kind: 'report', files: [] }, NOW);
    expect(read('要啥奖励 我就要孩子吃得安全')).toEqual({ ok: true, value: false });
    expect(read('奖励不奖励的无所为，就是想让孩子吃的放心')).toEqual({ ok: true, value: false });
    expect(understand('奖励不奖励的无所谓 我不要 我就是看不惯这个', { now: NOW }).wants_reward.value).toBe(false);
    expect(understand('有奖励吗？不要让他知道是我', { now: NOW }).wants_reward.value).toBe(true);
  });

  it('"恁去查哩时候可别说是邻居举报哩啊" while the name is asked is answered: the identity stays secret', () => {
    const r = talk([
      '俺要举报，俺隔壁弄了个黑作坊做腐竹',
      '俺隔壁那家在后院支了几口大锅做腐竹，俺见他往锅里撒白面面儿，一问说是吊白块，拉到集上卖',
    ]);
    const s = talk(['恁去查哩时候可别说是邻居举报哩啊，他家那人可孬'], r.state);
    expect(s.replies.join('\n')).toMatch(/保密/);
  });
});

describe('never the same question a third time (issue #13, twelfth pass)', () => {
  it('two answers refused for the same item in a row: the item is left open (or the safer choice taken), and on', () => {
    const r = talk(['我要举报，龙湖镇有个小作坊用地沟油炸油条，我昨天亲眼看见的', '不知道', '你猜']);
    expect(r.state.step).toBe('anonymous');
    const s = talk(['这个嘛'], r.state);
    expect(s.state.draft.anonymous).toBe(true);
    expect(s.replies.join('\n')).toMatch(/先按匿名举报登记/);
    expect(s.state.step).toBe('reward');
    // And "实名" at the summary changes it back (the few words of the story asked about first: "没有").
    const t = talk(['不要', '没有'], s.state);
    expect(t.state.step).toBe('summary');
    expect(talk(['实名'], t.state).state.step).toBe('name');
  });

  it('hesitating, then going on, is no answer gone wrong: nothing is left open for it', () => {
    const r = talk(['俺村有人收病死猪 黑价杀了往集上卖', '不知道叫啥 就是老孙 孙二旦']);
    expect(r.state.step).toBe('where');
    const wait = talk(['算了算了 先不说了 俺再想想 怕惹事'], r.state);
    expect(wait.replies.join('\n')).toMatch(/不着急/);
    const on = talk(['俺想了想还是得说 这吃了要出人命哩 刚才说那还算不算 接着弄吧'], wait.state);
    expect(on.replies.join('\n')).toMatch(/算数的/);
    expect(on.state.step).toBe('where');
    expect(on.state.draft.where).toBeUndefined();
  });
});

describe('answers owed in passing (issue #13, twelfth pass)', () => {
  it('"那我举报他，就是怕他报复我": the report starts and the fear is answered (保密)', () => {
    const r = talk([
      '我今儿早上在裴李岗集上看见卖豆芽的往盆里倒一种白水水，听说是叫啥无根剂，那东西能吃不能？这事归不归你们管',
      '那我举报他，就是怕他报复我',
    ]);
    expect(r.state.draft.kind).toBe('report');
    expect(r.replies.at(-1)).toMatch(/保密/);
  });

  it('"都一个多星期了 也没人连系我 到底查没查啊" is answered with the time limits', () => {
    const r = talk(['都一个多星期了 也没人连系我 到底查没查啊']);
    expect(r.replies.join('\n')).toMatch(/15个工作日/);
  });
});

describe('more answers kept as data (issue #13, twelfth pass)', () => {
  it('a village banquet, whether to go on eating, and 三无 are answered', () => {
    expect(talk(['听说现在农村办酒席得给谁报备，是真的不']).replies.join('\n')).toMatch(/报备/);
    expect(
      talk(['俺问一下，俺村前儿个有家办喜事，请嘞流动厨师，吃完第二天好几个人拉肚子，这事儿该找谁？找主家还是找厨师？']).replies.join('\n'),
    ).toMatch(/主家和厨师/);
    expect(talk(['这算不算三无产品？']).replies.join('\n')).toMatch(/生产许可证编号/);
    expect(talk(['那剩下嘞半罐还叫孩子喝不喝？']).replies.join('\n')).toMatch(/停止食用/);
  });

  it('an earlier case with no news since, told in a sentence, looks this contact’s cases up', () => {
    const r = talk(['我半个月前在你们这举报龙湖镇一家烧烤店用地沟油，到现在一点信儿都没有！你们到底管不管？？']);
    expect(r.last.effect?.type).toBe('list');
    expect(r.state.draft.kind).toBeUndefined();
  });
});

describe('after a status query (issue #13, twelfth pass)', () => {
  it('an English question next is answered, never read as a mended query code', () => {
    const r = talk([
      "Hello, I'd like to check the status of a complaint. Case number is xz-20261120-000318 and the query code 4FJ7 QW2N 8HTR MK3P. Has the restaurant responded yet?",
    ]);
    expect(r.last.effect).toMatchObject({ type: 'query', code: '4FJ7-QW2N-8HTR-MK3P' });
    const q = talk(['Thanks. Roughly how long does the mediation usually take?'], r.state);
    expect(q.last.effect).toBeUndefined();
    expect(q.replies.join('\n')).toMatch(/60 days/);
  });
});

describe('SC codes and illness advice (issue #13, twelfth pass)', () => {
  it('"袋子上有个SC开头哩一串号，那是啥意思？" is answered (the production licence number); the ill are told to go to hospital', () => {
    expect(talk(['恁那能查查俺买哩挂面是不是正规厂家哩不？袋子上有个SC开头哩一串号，那是啥意思？']).replies.join('\n')).toMatch(
      /食品生产许可证编号/,
    );
    expect(talk(['我们一家三口昨天晚上在华南城一家烤鱼店吃的饭，今天早上开始上吐下泻，孩子现在还在发烧']).replies.join('\n')).toMatch(
      /医院/,
    );
  });
});

describe('names, places and evidence told apart (issue #13, thirteenth pass)', () => {
  it('"柠檬小镇" asked for the shop is its name (a brand, no town); the same answer given twice is taken as said', () => {
    const r = talk(['我在一家奶茶店喝了杯奶茶，拉了一晚上肚子，想投诉', '柠檬小镇']);
    expect(r.state.draft.businessName).toBe('柠檬小镇');
    expect(r.state.step).toBe('where');
  });

  it('"柠檬小镇奶茶店" inside a first message is read whole', () => {
    const r = talk(['我在龙湖镇华南城的柠檬小镇奶茶店喝了杯奶茶，昨天晚上拉了一晚上肚子，想投诉，要他退钱赔医药费']);
    expect(r.state.draft.businessName).toBe('柠檬小镇奶茶店');
    expect(r.state.draft.township).toBe('龙湖镇');
  });

  it('"医院的单子我都留着" while the place is asked is the evidence kept, never the place', () => {
    const r = talk(['我在一家奶茶店喝了杯奶茶，拉了一晚上肚子，想投诉', '柠檬小镇', '医院的单子我都留着']);
    expect(r.state.draft.where).toBeUndefined();
    expect(r.state.step).toBe('where');
    expect(r.state.draft.description).toMatch(/单子/);
  });

  it('"没名字，夜市上叫老味道卤肉" and "没有名字，就是敬楼村刘家豆芽" give the name people use', () => {
    expect(talk(['有人在家里煮卤肉往锅里放罂粟壳', '没名字，夜市上叫老味道卤肉']).state.draft.businessName).toBe('老味道卤肉');
    expect(
      talk([
        '隔壁在院里发豆芽，往缸里倒白药面子，发出来的豆芽又白又胖没有根，我要举报',
        '没有了',
        '没有名字，就是敬楼村刘家豆芽，在他自家院里',
      ]).state.draft.businessName,
    ).toBe('刘家豆芽');
  });

  it('"这个得多长时间才能有个信儿啊" while the name is asked is answered, and the name asked again', () => {
    const r = talk(['我想投诉', '在裴李岗集上买了二斤芝麻糖，一股哈喇味，是放坏了的陈货', '这个得多长时间才能有个信儿啊']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.replies.at(-1)).toMatch(/叫什么名字/);
    expect(r.replies.join('\n')).toMatch(/7个工作日/);
  });

  it('"那个糕点房不在观音寺 是在辛店街上，我说错了" corrects the place', () => {
    const r = talk(['我买的面包里有根头发，要投诉', '福满园糕点房', '哎呀我说错了 那个糕点房不在观音寺 是在辛店街上']);
    expect(r.state.draft.where).toBe('辛店街上');
    expect(r.state.draft.township).toBe('辛店镇');
  });
});

describe('what the citizen has not decided yet (issue #13, thirteenth pass)', () => {
  it('"俺还没想好要不要举报" files nothing; "想好了再找恁" is answered kindly', () => {
    const a = talk(['举报有奖励不？', '那俺再想想，想好了再找恁']);
    expect(a.replies.at(-1)).toMatch(/不着急/);
    const b = talk(['举报有奖励不？', '先问问，俺还没想好要不要举报']);
    expect(b.state.draft.kind).toBeUndefined();
    expect(b.replies.at(-1)).toMatch(/先问问也行/);
  });

  it('"I want to report it, not complain" is a report, not both', () => {
    const r = talk(['I want to report it, not complain. I did not buy anything.']);
    expect(r.state.draft.kind).toBe('report');
  });

  it('"Jinding Cold Chain, it\'s one of the cold stores…" is a name, not a correction', () => {
    const r = talk([
      'I want to report a cold store. They peel old labels off expired frozen chicken wings and stick on new production dates.',
      "Jinding Cold Chain, it's one of the cold stores inside Huanan City",
    ]);
    expect(r.state.draft.businessName).toBe('Jinding Cold Chain');
  });

  it('"想咨询个政策问题，能给书面回复的那种" asks for the question before anything is filed', () => {
    const r = talk(['想咨询个政策问题，能给书面回复的那种']);
    expect(r.state.draft.kind).toBe('consultation');
    expect(r.state.draft.description).toBeUndefined();
    expect(r.replies.at(-1)).toMatch(/想咨询的问题/);
    const q = talk(['家里自己做的辣椒酱能在朋友圈卖吗，要办啥证'], r.state);
    expect(q.state.draft.description).toBe('家里自己做的辣椒酱能在朋友圈卖吗，要办啥证');
  });
});

describe('rewards and insiders (issue #13, thirteenth pass)', () => {
  it('"俺也跟着干过…会不会把俺也抓了" is answered (lighter penalty for who tells, Art. 32)', () => {
    const text = talk(['俺要是举报俺干活那个厂，俺也跟着干过那些事，会不会把俺也抓了？']).replies.join('\n');
    expect(text).toMatch(/从轻或者减轻/);
    expect(text).toMatch(/第32条/);
  });

  it('bargaining over the amount wants the reward, and is told the amount cannot be promised', () => {
    const r = talk([
      '我要匿名举报，龙王乡有个作坊用双氧水泡鸡爪',
      '鑫味源食品',
      '龙王乡彩钢大棚',
      '昨天',
      '匿名',
      '少于一万俺可不干，恁能保证给一万不？',
    ]);
    expect(r.state.draft.wantsReward).toBe(true);
    expect(r.replies.join('\n')).toMatch(/没法保证/);
  });

  it('"弄恁麻烦，那奖励不要了" when the ID number is asked drops the reward application', () => {
    const r = talk([
      '阁老路那个卤菜店天天早上收病死鸡，我要实名举报',
      '香满园卤菜',
      '今天早上',
      '牛保国',
      '13782046519',
      '要奖励',
      '还要身份证号？弄恁麻烦，那奖励不要了',
    ]);
    expect(r.state.draft.wantsReward).toBe(false);
    expect(r.replies.at(-1)).toMatch(/奖励不申请了/);
  });

  it('"I want to claim my reward" beside a case number and code is told how a reward is claimed', () => {
    const r = talk(['I want to claim my reward. Case XZ-20261012-000231, query code RTYU-KLMN-BVCX-ZQWE']);
    expect(r.last.effect).toMatchObject({ type: 'query', number: 'XZ-20261012-000231' });
    expect(r.replies.join('\n')).toMatch(/reward page/);
  });
});

describe('a person asked for, then the case number sent (issue #13, thirteenth pass)', () => {
  it('goes to the person with the number, the query code blanked out', () => {
    const r = talk(['找人工', '都三个礼拜了没人理！XZ-20261110-000031 查询码FZ3E-HW7K-MQ2V-8PBA 到底有没有人管？？']);
    expect(r.last.effect?.type).toBe('handoff');
    const message = (r.last.effect as { message: string }).message;
    expect(message).toMatch(/XZ-20261110-000031/);
    expect(message).not.toMatch(/FZ3E|HW7K|8PBA/);
  });

  it('"查我的案子" looks up this contact’s cases', () => {
    expect(talk(['查我的案子']).last.effect?.type).toBe('list');
  });
});

describe('people ill now, persons asked for, requests (issue #13, thirteenth pass, round 28)', () => {
  it('"这会儿肚子疼得直不起腰，要不要上医院" is answered and handed to a person at once; "家里就俺自己" gets 120 advice', () => {
    const r = talk(['同志，我七十多了，今儿早上在集上买了碗凉皮吃，这会儿肚子疼得直不起腰，要不要上医院']);
    expect(r.last.effect?.type).toBe('handoff');
    expect((r.last.effect as { message: string }).message).toMatch(/^【紧急】/);
    expect(r.replies.join('\n')).toMatch(/医院/);
    const alone = talk(['俺儿在郑州上班，家里就俺自己'], r.state);
    expect(alone.replies.join('\n')).toMatch(/120/);
  });

  it('"…你们这机器人能处理不 不能就找人工" with the whole story is taken, not handed off', () => {
    const r = talk([
      '气死我了 上礼拜六晌午在龙王乡渔家乐饭店吃饭 点的红烧鱼是死鱼做的 臭的 我叫马腾飞 电话13598802376 住轩辕路天利小区 要求退饭钱还要赔偿 你们这机器人能处理不 不能就找人工',
    ]);
    expect(r.last.effect).toBeUndefined();
    expect(r.state.step).toBe('summary');
    expect(r.state.draft.businessName).toBe('渔家乐饭店');
  });

  it('the clause that asks (我要求…) is the request, not what the platform already refunded', () => {
    const r = talk([
      '实名投诉。我叫陈志强，电话13783590412，住郭店镇五里堡村。12月3号晚上在美团点了“阿牛烧烤（郭店南街店）”的羊肉串，肉串发酸有臭味。美团那边只给退了一半饭钱。我要求商家退剩下的钱、赔医药费。',
    ]);
    expect(r.state.draft.request).toBe('商家退剩下的钱、赔医药费');
  });
});

describe('company names (issue #13, thirteenth pass)', () => {
  it('a trade word inside a company name is not its end; a company one hands the work to is no name', () => {
    expect(hanBusiness('学校统一配餐（鑫源餐饮配送公司送的）')).toBe('鑫源餐饮配送公司');
    expect(hanBusiness('金源餐饮管理有限公司')).toBe('金源餐饮管理有限公司');
    expect(hanBusiness('我们厂的职工食堂承包给外面的公司了')).toBeNull();
  });
});

describe('the name people use, told while the story is asked (issue #13, thirteenth pass)', () => {
  it('"没有名字，就是敬楼村刘家豆芽" answering "能再具体说说吗" fills the business, which is not asked next', () => {
    const r = talk([
      '隔壁在院里发豆芽，往缸里倒白药面子，发出来的豆芽又白又胖没有根，我要举报',
      '没有名字，就是敬楼村刘家豆芽，在他自家院里',
    ]);
    expect(r.state.draft.businessName).toBe('刘家豆芽');
    expect(r.replies.at(-1)).not.toMatch(/叫什么名字/);
  });
});

describe('a person asked for beside the whole story (issue #13, thirteenth pass)', () => {
  it('the story is passed on at once, its facts kept; afterwards it can be filed without asking them again', () => {
    const h = talk([
      '上礼拜六晌午在龙王乡渔家乐饭店吃饭 点的红烧鱼是死鱼做的 臭的 吃完胃难受了两天 我叫马腾飞 电话13598802376 要求退饭钱 找人工',
    ]);
    expect(h.last.effect).toMatchObject({ type: 'handoff', message: expect.stringContaining('死鱼') });
    const back = resolve(h.state, { type: 'handoff', ok: true }, { now: NOW, newDraftId: 'x' });
    expect(back.replies.join('\n')).toMatch(/已转告工作人员[\s\S]*投诉/);
    const r = talk(['投诉'], back.state);
    expect(r.state.draft.businessName).toBe('渔家乐饭店');
    expect(r.state.draft.name).toBe('马腾飞');
    expect(r.state.draft.request).toMatch(/退饭钱/);
    expect(r.replies.at(-1)).toMatch(/联系地址/);
  });
});

describe('a story of a few words is asked about once, at the end (issue #13, fourteenth pass)', () => {
  const ASKED = /最后再说说具体情况吧/;

  it('a short complaint: everything else first, then what was seen, once; the answer joins the story', () => {
    const r = talk([
      '我想投诉一家烩面馆 买的东西吃了拉肚子',
      '叫老李烩面馆',
      '新建路西街社区门口',
      '大前天下午',
      '退钱',
      '周鹏',
      '15037128846',
      '新建路街道西街社区3号楼',
    ]);
    expect(r.state.step).toBe('description');
    expect(r.replies.at(-1)).toMatch(ASKED);
    const s = talk(['买的肉松面包吃了拉肚子 拉了一晚上 现在号点了'], r.state);
    expect(s.state.step).toBe('summary');
    expect(s.state.draft.description).toMatch(/烩面馆[\s\S]*肉松面包/);
    // "号点了" is 好点了 typed by sound: recovered, not ill now, so no urgent hand-off.
    expect(s.last.effect?.type).not.toBe('handoff');
    // "没有" ends it with the story as told.
    const t = talk(['没有'], r.state);
    expect(t.state.step).toBe('summary');
    expect(t.state.draft.description).toBe('我想投诉一家烩面馆 买的东西吃了拉肚子');
  });

  it('an answer that repeats the story, or a few words, is taken; the question is not asked again', () => {
    const r = talk([
      '俺叫李满仓，电话13838065512，俺要举报俺村东头那个“聚香楼”饭店，后厨用泔水油炸油条。',
      '郭店镇华阳寨，俺村东头',
      '天天都这样，俺夜儿个还瞅见了',
      '不要奖励，就想叫恁管管',
    ]);
    expect(r.replies.at(-1)).toMatch(ASKED);
    const s = talk(['后厨用泔水油炸油条'], r.state);
    expect(s.state.step).toBe('summary');
    expect(s.state.draft.description?.match(/泔水油/g)).toHaveLength(1);
  });

  it('the answer with an order number in it is still the story; with a question in it, the question is answered too', () => {
    const base = [
      '烧烤鸡翅里面是生的 还带血丝',
      '投诉',
      '撸串青年烧烤 小乔村店',
      '前天晚上',
      '退款',
      '马一帆',
      '17538106642',
      '龙湖镇小乔村金色家园3号楼1103',
    ];
    const r = talk(base);
    expect(r.replies.at(-1)).toMatch(ASKED);
    const s = talk(['饿了么点的烤鸡翅中 咬开里面全是生的 粉红色还渗血水 订单号5102 3346 7781 0092'], r.state);
    expect(s.state.step).toBe('summary');
    expect(s.state.draft.description).toMatch(/粉红色还渗血水/);
    expect(s.state.draft.description).toMatch(/5102334677810092/);
    const q = talk(['直播间买了5包辣条，打开有一股哈喇味，包装上生产日期也看不清，这算不算三无？'], r.state);
    expect(q.replies.join('\n')).toMatch(/三无/);
    expect(q.state.step).toBe('summary');
    expect(q.state.draft.description).toMatch(/哈喇味/);
  });

  it('"reward算了 不要了" when the details are asked gives the reward up and adds nothing to the story', () => {
    const r = talk(['举报一个外卖店 美团上叫韩小鸡炸鸡 在居民楼里炸的没证 我要匿名', '黄帝故里', '上周日', '要']);
    expect(r.replies.at(-1)).toMatch(ASKED);
    const s = talk(['reward算了 不要了 太麻烦 你们查就行'], r.state);
    expect(s.state.draft.wantsReward).toBe(false);
    expect(s.state.draft.description).not.toMatch(/reward/);
    expect(s.state.step).toBe('summary');
  });

  it('a long story, or a Chinese one with a brand in Latin letters, is not asked about again', () => {
    const r = talk(['匿名举报一下哈 升达门口那家DoDo茶 后厨的奶浆过期了还在用 珍珠也是隔夜的 我昨天去兼职看到的 不用回访 谢谢']);
    expect(r.state.step).toBe('reward');
    expect(talk(['不用'], r.state).state.step).toBe('summary');
  });

  it('"保质期120天" is a shelf life, not a call to 120', () => {
    const u = understand('袋子上生产日期2026年6月 保质期120天 早过期了', { now: NOW });
    expect(u.harm.value.ill).toBe('none');
    expect(u.urgency.value).not.toBe('urgent');
    expect(understand('孩子吐得厉害，刚打了120', { now: NOW }).urgency.value).toBe('urgent');
  });
});

describe('a complaint named with punishment wished besides is both (issue #13, fourteenth pass)', () => {
  const kindAfter = (answer: string) => {
    const r = talk(['我在超市买的饼干有问题']);
    expect(r.state.step).toBe('menu');
    return talk([answer], r.state).state.draft.kind;
  };
  it('"投诉，还得罚他", "投诉！还要你们查他", "退钱，也告他们", "伙食费得退…恁得去查查" file both', () => {
    expect(kindAfter('投诉，还得罚他，卖假羊肉坑人')).toBe('both');
    expect(kindAfter('投诉！还要你们查他，让他关门')).toBe('both');
    expect(kindAfter('退钱，也告他们')).toBe('both');
    expect(kindAfter('要酒店赔，也要你们查酒店')).toBe('both');
    expect(kindAfter('伙食费得退 学校也得整改 恁得去查查')).toBe('both');
  });
  it('a complaint with no punishment wished stays a complaint ("他家还在卖" tells, it does not ask)', () => {
    expect(kindAfter('投诉吧，让超市给个说法')).toBe('complaint');
    expect(kindAfter('投诉，他家还在卖')).toBe('complaint');
    expect(kindAfter('俺要投诉他们 叫他们退钱')).toBe('complaint');
  });
});

describe('the thing bought is not who sold it (issue #13, fourteenth pass)', () => {
  it('"买的珍珠奶茶", "买的“纯手工风干牛肉干”", "点了一份…的三鲜饺子" are things; shops ordered from, or named with a shop word, are not', () => {
    expect(boughtThing('珍珠奶茶', '昨天买的珍珠奶茶喝到一半吸上来一只苍蝇')).toBe(true);
    expect(boughtThing('纯手工风干牛肉干', '在抖音直播间买的“纯手工风干牛肉干”，两斤198块')).toBe(true);
    expect(boughtThing('三鲜饺子', '在饿了么上点了一份“好味道水饺”的三鲜饺子')).toBe(true);
    expect(boughtThing('杨国福麻辣烫', '饿了么上点的杨国福麻辣烫，郭店北街那家')).toBe(false);
    expect(boughtThing('王家胡辣汤', '我早上7点在辛店镇欧阳寺村口的王家胡辣汤喝了一碗胡辣汤')).toBe(false);
    expect(boughtThing('张记黄焖鸡', '买的张记黄焖鸡')).toBe(false);
  });
  it('the story names the thing: the business is asked for (or read from the quotes before 的), not filled with the thing', () => {
    const r = talk(['你好我想投诉一下奶茶店', '昨天买的珍珠奶茶喝到一半吸上来一只苍蝇，恶心死了当场就吐了']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.replies.at(-1)).toMatch(/叫什么名字|在哪儿/);
    const q = talk(['这周二中午在饿了么上点了一份“好味道水饺”的三鲜饺子，店在城关乡东郭寺那边，吃到一半咬出一条虫子，我要投诉']);
    expect(q.state.draft.businessName).toBe('好味道水饺');
  });
});

describe("the writer's child's school is no name (issue #13, fourteenth pass)", () => {
  it('"反映一下孩子幼儿园的食堂", "一下孩子学校食堂", "孙女幼儿园": no business read; a name after them still is', () => {
    for (const t of ['我要反映一下孩子幼儿园的食堂问题', '我想反映一下孩子学校食堂的问题', '孙女幼儿园的饭不干净']) {
      expect(hanBusiness(t)).toBeNull();
      expect(understand(t, { now: NOW }).business.value).toBeNull();
      expect(canteenOf(t)).toBeNull();
    }
    expect(canteenOf('华信学院二食堂的饭里有虫')).toBe('华信学院二食堂');
    expect(hanBusiness('孩子在小太阳幼儿园吃坏了肚子')).toBe('小太阳幼儿园');
  });
});

describe('English names and addresses (issue #13, fourteenth pass)', () => {
  const LETTER =
    "Hi, I'm OK now. My name is Ahmed Raza, phone 17538290471, address: China South City Phase 2 apartments, Building 6, Room 1203, Longhu Town. I ordered chicken biryani on Meituan from 印度香 Indian Kitchen on Thursday night and got food poisoning, I want a refund.";
  it('"I\'m OK now" names nobody; "My name is Ahmed Raza" does; an English address keeps its words', () => {
    expect(understand("I'm OK now.", { now: NOW }).identity.value.name).toBeNull();
    expect(understand("I'm Priya Nair, phone 18637124590", { now: NOW }).identity.value.name).toBe('Priya Nair');
    const d = talk([LETTER]).state.draft;
    expect(d.name).toBe('Ahmed Raza');
    expect(d.address).toBe('China South City Phase 2 apartments, Building 6, Room 1203, Longhu Town');
    expect(ownAddressOf('住郭店镇华阳寨 三组 12号 我要投诉')).toBe('郭店镇华阳寨 三组 12号');
  });
});

describe('round 29 (issue #13, fourteenth pass)', () => {
  it('a child who vomited once is not ill now because the shop "一直在用" its old cream', () => {
    const t = '前天给孩子过生日订了个8寸蛋糕 168 一切开奶油是酸的馊的 孩子吃一口就吐了 后来听他家店员说冷库里一堆过期奶油 一直在用';
    expect(illNow(t, understand(t, { now: NOW }))).toBe(false);
    const now = '今天中午在学校门口小卖部买的辣条，吃了以后孩子一直吐，现在在镇卫生院输液';
    expect(illNow(now, understand(now, { now: NOW }))).toBe(true);
  });

  it('"找人工" when the story was asked, then the story: it is passed on, kept as the story, and not asked for again', () => {
    const r = talk(['你们这电话打不通 微信也是机器人 我要投诉', '找人工！我不跟机器说']);
    expect(r.state.step).toBe('handoff');
    const story =
      '前儿个中午在龙王乡老兵羊肉汤喝了两碗羊肉汤加肉，一碗25，加肉15，一共80。肉一点膻味没有，嚼着跟鸭肉一样，老板还死不承认。我在他后厨门口看见一箱冻鸭脯肉';
    const s = talk([story], r.state);
    expect(s.last.effect?.type).toBe('handoff');
    const back = resolve(s.state, { type: 'handoff', ok: true }, { now: NOW, newDraftId: 'x' });
    expect(back.state.draft.description).toBe(story);
    expect(back.state.step).not.toBe('description');
    expect(back.replies.join('\n')).not.toMatch(/说说发生了什么事/);
  });

  it('"本来想让她退我18块钱的，算了不要了，就匿名举报吧" is an anonymous report, not both', () => {
    const r = talk(['奶茶店用过期的奶！！']);
    const s = talk(['本来想让她退我18块钱的，算了不要了，就匿名举报吧，店里会知道是谁举报的吗？'], r.state);
    expect(s.state.draft.kind).toBe('report');
    expect(s.replies.join('\n')).not.toMatch(/投诉需要实名/);
  });

  it('"豫乡好物那个店" names the shop; a place or a deed before 那个店 does not', () => {
    expect(thatShop('在斗音直播间买的红薯粉条 豫乡好物那个店 5斤装的69块')).toBe('豫乡好物');
    expect(thatShop('学校门口那个店卖过期辣条')).toBeNull();
    expect(thatShop('卖烤肠那个摊')).toBeNull();
    const r = talk([
      '在吗 我想投诉一个直播间买的东西',
      '在斗音直播间买的红薯粉条 豫乡好物那个店 5斤装的69块 12月1号到的货 当天晚上煮出来一股塑料味',
    ]);
    expect(r.state.draft.businessName).toBe('豫乡好物');
  });
});

describe('a word for a practice in quotes is no shop (issue #13, fourteenth pass)', () => {
  it('"厨师都管这叫“老油”" names a practice; the shop "华南城附近聚福楼火锅店" is read without 附近', () => {
    const t =
      '领导您好：我是龙湖镇华南城附近聚福楼火锅店后厨的帮厨。老板让我们每天晚上把客人吃剩的锅底收回来过滤后兑进新锅底，厨师都管这叫“老油”。我要匿名举报。';
    expect(understand(t, { now: NOW }).business.value).toBe('聚福楼火锅店');
    expect(talk([t]).state.draft.businessName).toBe('聚福楼火锅店');
  });
});

describe('round 29, second part (issue #13, fourteenth pass)', () => {
  it('"不用给俺保密" is a real name, not a wish to stay unknown', () => {
    const r = talk([
      '观音寺集上那个卖鱼的小四川往鱿鱼里泡甲醛水 俺亲眼见的 俺叫任长河 电话13837109862 不用给俺保密 也不要啥奖励 前天赶集看见的',
    ]);
    expect(r.state.draft.anonymous).toBe(false);
    expect(understand('请给我保密', { now: NOW }).anonymous.value).toBe(true);
  });
  it('"I don\'t need a refund or a reward" wants no reward; "so I want the reward" does', () => {
    expect(understand("I don't need a refund or a reward, and I'm happy to give my name", { now: NOW }).wants_reward.value).toBe(false);
    expect(understand('I did not get a refund, so I want the reward', { now: NOW }).wants_reward.value).toBe(true);
  });
  it('"老板已经三个月没给我们发工资了" is a wages matter for 12333', () => {
    const u = understand('第二个事是工资，老板已经三个月没给我们发工资了，从九月开始拖', { now: NOW });
    expect(u.other_matters.map((m) => m.value.matter)).toContain('劳动工资');
  });
});

describe('the details question in English (issue #13, fourteenth pass)', () => {
  it('a short English complaint is asked what to add, not "What happened?" again; "nothing to add" ends it', () => {
    const r = talk([
      'I want to complain, the yogurt I bought was expired',
      'Jiajiale Supermarket',
      'Longhu town, near Huaxin College east gate',
      'yesterday',
      'refund',
      'Priya Nair',
      '18637124590',
      'Huaxin College staff housing, Longhu',
    ]);
    expect(r.replies.at(-1)).toMatch(/^Anything to add about what happened/);
    const s = talk(['nothing to add'], r.state);
    expect(s.state.step).toBe('summary');
    expect(s.state.draft.description).toBe('I want to complain, the yogurt I bought was expired');
  });
});

describe('round 30 (issue #13, fourteenth pass)', () => {
  it('"上个月底被辞退了" asks no refund: a former worker\'s tip is a report, not a complaint', () => {
    expect(understand('我之前在和庄一个丸子厂干活，上个月底被辞退了。你们可能觉得我是报复', { now: NOW }).request.value).not.toContain(
      'refund',
    );
    expect(understand('他给我退了一半', { now: NOW }).request.value).toContain('refund');
    const r = talk([
      '我之前在和庄一个丸子厂干活，上个月底被辞退了。你们可能觉得我是报复，但我说的是真事：他们用过期的冻鸡肉做丸子，贴牛肉丸的标签卖',
    ]);
    expect(r.state.draft.kind).toBe('report');
  });
  it('"那还是用我真名吧，我叫周丽娟" turns an anonymous report into a named one; "匿名还是实名好？" does not', () => {
    const base = ['我老公在一个屠宰点干活，他们收病死猪宰了卖，我想举报，但是不想让人知道是我们', '白家屠宰点'];
    const r = talk(base);
    expect(r.state.draft.anonymous).toBe(true);
    expect(talk(['匿名的话奖励会不会领不到？那还是用我真名吧，我叫周丽娟，电话15093712864'], r.state).state.draft.anonymous).toBe(false);
    expect(talk(['匿名还是实名好？'], r.state).state.draft.anonymous).toBe(true);
  });
});

describe('a kind of business is no name; a sign is (issue #13, fourteenth pass)', () => {
  it('"有个小酒厂", "一个丸子厂", "一个给学校送营养餐的配餐公司" are descriptions: the name is asked', () => {
    expect(describedOnly('小酒厂', '八千乡有个小酒厂，把自己酿的散酒灌进瓶子')).toBe(true);
    expect(describedOnly('丸子厂', '我之前在和庄一个丸子厂干活')).toBe(true);
    expect(describedOnly('配餐公司', '举报一个给学校送营养餐的配餐公司 饭菜做的很早')).toBe(true);
    expect(describedOnly('福满楼', '我在一家叫福满楼的饭店吃饭')).toBe(false);
    const r = talk(['我要举报，八千乡有个小酒厂，把自己酿的散酒灌进瓶子，贴上假冒的杜康商标往外卖']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.replies.at(-1)).toMatch(/叫什么名字/);
  });
  it('"门口写着恒冷冷链 … 看着像走私冻品": the sign names it; the full name in the story wins over the sign\'s short one', () => {
    expect(talk(['举报：薛店镇有个冷库，门口写着恒冷冷链，里面堆着一大批冻牛肉，看着像走私冻品']).state.draft.businessName).toBe(
      '恒冷冷链',
    );
    expect(
      talk(['俺是在和庄镇金穗速冻食品厂上班哩，厂里用过期面粉，厂门口有个大牌子写着金穗食品，俺要匿名举报']).state.draft.businessName,
    ).toBe('金穗速冻食品厂');
  });
});

describe('a place said more exactly (issue #13, fourteenth pass)', () => {
  it('"郭店北街" when only 郭店镇 was known refines the place, and the time is asked without "not understood"', () => {
    const r = talk(['我在郭店镇买的面包吃了拉肚子 我要投诉', '老王面包房']);
    expect(r.state.draft.where).toBe('郭店镇');
    const s = talk(['郭店北街'], r.state);
    expect(s.state.draft.where).toBe('郭店北街');
    expect(s.state.draft.township).toBe('郭店镇');
    expect(s.replies.join('\n')).toMatch(/地点记下了：郭店北街/);
    expect(s.replies.join('\n')).not.toMatch(/没看懂/);
  });
});

describe('the shop between the place and the buying (issue #13, fourteenth pass)', () => {
  it('"在阁老路江湖渔歌吃的", "在辛店街上的茶小满买了" name the shop; a market, a food, a deed or a home do not', () => {
    expect(placeThenName('我怀孕七个月，昨天晚上在阁老路江湖渔歌吃的酸菜鱼，半夜开始吐')).toBe('江湖渔歌');
    expect(placeThenName('前天下午四点在辛店镇辛店街上的茶小满买了杯芋泥波波')).toBe('茶小满');
    expect(placeThenName('在万达广场的海底捞吃的火锅')).toBe('海底捞');
    expect(placeThenName('在郭店北街菜市场买的肉')).toBeNull();
    expect(placeThenName('今天早上在烟厂家属院门口的早点摊喝的胡辣汤')).toBeNull();
    expect(placeThenName('在学校门口那个小卖部买那个辣片吃了')).toBeNull();
    expect(placeThenName('在家吃的饭')).toBeNull();
    expect(talk(['前天下午四点在辛店镇辛店街上的茶小满买了杯芋泥波波，喝到杯底有一块硬塑料片，我要投诉']).state.draft.businessName).toBe(
      '茶小满',
    );
    expect(placeThenName('我在和庄的万家福超世买的饺子')).toBe('万家福超市');
  });
});

describe('the same answer sent again, and answers in other words (issue #13, fifteenth pass)', () => {
  const REPORT = [
    '举报，俺要举报俺村一家熬泔水油哩',
    '没名儿，就是他家后院，啥牌子也没挂',
    '城关乡西贾庄，村西头',
    '天天黑价都熬，夜儿个黑价还熬哩',
  ];

  it('the name withheld, or the fear of being known, answers "anonymous?"; "我留名" offers it', () => {
    expect(parseAnonymous('那可不敢留名，一个村哩，叫他知道了还不跟俺拼命')).toBe(true);
    expect(parseAnonymous('名字电话都不给！你们就说管不管')).toBe(true);
    expect(parseAnonymous('我不敢留名')).toBe(true);
    expect(parseAnonymous('我留名，有奖励的话')).toBe(false);
    expect(parseAnonymous('留名吧 俺不怕')).toBe(false);
    // (What was read before still holds.)
    expect(parseAnonymous('匿名吧')).toBe(true);
    expect(parseAnonymous('实名')).toBe(false);
  });

  it('an answer the bot did not take, sent again to the same question, is not "already received": the item is settled and the talk goes on', () => {
    const r = talk(REPORT);
    expect(r.state.step).toBe('anonymous');
    // Something the bot cannot read as an answer, twice.
    const s = talk(['这个事俺考虑考虑再说吧', '这个事俺考虑考虑再说吧'], r.state);
    expect(s.replies.join('\n')).not.toMatch(/刚才已经收到了/);
    expect(s.state.step).not.toBe('anonymous');
    expect(s.state.draft.anonymous).toBe(true);
    expect(s.state.asked.anonymous).toBe(1);
  });

  it('frustration sent twice is not taken as an answer: the question stays', () => {
    const r = talk(['投诉！超市卖发霉的饺子，我买了两袋']);
    const at = r.state.step;
    const s = talk(['我刚不是说了吗！发霉！', '我刚不是说了吗！发霉！'], r.state);
    expect(s.state.step).toBe(at);
  });

  it('the same words, now answering a new question, are that answer, not a message sent twice', () => {
    const r = talk(['俺叫赵铁柱，电话13938572460。前儿个在俺村王二妮小卖部买了一箱方便面，过期俩多月了，俺要她退钱', '郭店镇陵后村']);
    expect(r.state.draft.where).toMatch(/陵后村/);
    expect(r.state.step).toBe('address');
    const s = talk(['郭店镇陵后村'], r.state);
    expect(s.replies.join('\n')).not.toMatch(/刚才已经收到了/);
    expect(s.state.draft.address).toBe('郭店镇陵后村');
    // A story sent twice is still "already received".
    const t = talk(['举报城关乡有人用泔水油炸油条', '举报城关乡有人用泔水油炸油条']);
    expect(t.replies.join('\n')).toMatch(/刚才已经收到了/);
  });

  it('"家在郭店镇陵后村" after the phone is where the citizen lives', () => {
    expect(ownAddressOf('俺叫赵铁柱，电话139 3857 2460，家在郭店镇陵后村。前儿个在俺村买了一箱方便面')).toBe('郭店镇陵后村');
    // (A shop "家在" is not the citizen's home.)
    expect(ownAddressOf('那个店家在阁老路')).toBeNull();
  });
});

describe('greetings and waiting, the seller to answer for it, names in other places (issue #13, fifteenth pass)', () => {
  it('"在吗？我打字慢 你等等我" is waited for; "恁好 在不在 俺问个事儿" is asked to go on — neither "not understood"', () => {
    const a = talk(['在吗？我打字慢 你等等我']);
    expect(a.replies.join('\n')).toMatch(/慢慢说/);
    expect(a.replies.join('\n')).not.toMatch(/没法准确回答|没太明白/);
    const b = talk(['恁好 在不在 俺问个事儿']);
    expect(b.replies.join('\n')).toMatch(/您说/);
    expect(b.replies.join('\n')).not.toMatch(/没太明白/);
    expect(b.state.draft.kind).toBeUndefined();
  });

  it('"我要找那个卖豆腐的", "叫他给个说法" answering which kind: a complaint', () => {
    const r = talk(['俺孙女吃了豆腐一直吐，咋办啊']);
    expect(r.state.step).toBe('menu');
    expect(talk(['我要找那个卖豆腐的'], r.state).state.draft.kind).toBe('complaint');
    expect(talk(['叫他给个说法'], r.state).state.draft.kind).toBe('complaint');
  });

  it('the shop named right after the place in "投诉<place>…" is the business', () => {
    expect(placeThenShop('我想投诉三十里铺那个渔乐酸菜鱼，鱼是死鱼', '三十里铺')).toBe('渔乐酸菜鱼');
    expect(placeThenShop('投诉阁老路聚福楼！！昨晚全家聚餐点的清蒸鲈鱼是臭的', '阁老路')).toBe('聚福楼');
    expect(placeThenShop('我想投诉一下 郭店北街老街水饺 饺子是生的', '郭店北街')).toBe('老街水饺');
    // A kind of shop, a food, or a shop introduced with 一家 is no name.
    expect(placeThenShop('举报俺村一家卤肉店', '俺村')).toBeNull();
    expect(placeThenShop('投诉阁老路烧烤摊', '阁老路')).toBeNull();
    expect(placeThenShop('投诉新建路饺子', '新建路')).toBeNull();
    const r = talk(['投诉阁老路聚福楼！！昨晚全家聚餐点的清蒸鲈鱼是臭的 一桌人都闻到了 不给退']);
    expect(r.state.draft.businessName).toBe('聚福楼');
  });

  it('an order number, "本人…", "外面", "没啥店" are no business; an English answer keeps both names', () => {
    const d = { files: [], kind: 'complaint' } as const;
    const read = (slot: 'business' | 'where', t: string) => readAnswer(slot, t, understand(t, { now: NOW }), { ...d, files: [] }, NOW);
    expect(read('business', '订单号是2201 3345 8890 1276，一共27块5').ok).toBe(false);
    // "没啥店": no name — asked once more for a complaint (a description will do), none for a report.
    expect(read('business', '没啥店').ok).toBe(false);
    expect(read('business', '羊贩子牛国强，没有店')).toEqual({ ok: true, value: '羊贩子牛国强' });
    expect(readAnswer('business', '就是俺庄上老孙家 没啥店', understand('', { now: NOW }), { files: [], kind: 'report' }, NOW)).toEqual({
      ok: true,
      value: null,
    });
    expect(read('business', "It's called Crispy Kingdom, 脆皮王国 in Chinese I think")).toEqual({
      ok: true,
      value: '脆皮王国（Crispy Kingdom）',
    });
    expect(read('where', 'Do I need the clinic receipt? I have it.').ok).toBe(false);
    expect(read('where', 'Is it near the south gate? yes, Huaxin College south gate').ok).toBe(true);
    const r = talk(['投诉：本人刘洋，电话18539607718，昨天在新华路惠民生活超市买的三全速冻水饺咬到塑料片，要求退款']);
    expect(r.state.draft.businessName).toBe('惠民生活超市');
  });
});

describe('danger now, a person asked to call, dates off a receipt, evidence remarks (issue #13, fifteenth pass)', () => {
  const u = (t: string) => understand(t, { now: NOW });

  it('food suspected of a crime sold at this moment is urgent: handed to a person at once, without illness advice', () => {
    const t = '龙王乡今儿个集上那个卖韭菜哩老头，他那韭菜上礼拜刚打过3911，那药是禁用哩，恁赶紧去集上看看，这会儿还在卖。';
    expect(dangerNow(t, u(t))).toBe(true);
    const r = talk([t]);
    expect(r.last.effect?.type).toBe('handoff');
    expect(r.replies.join('\n')).not.toMatch(/先照顾好身体/);
    // Not: a crime told without its being sold now, or "不正常 然后卖" (正常 is no 正在).
    const old = '薛店镇有个卤肉作坊往肉里加亚硝酸盐 那颜色红的都不正常 然后卖到熟食摊上';
    expect(dangerNow(old, u(old))).toBe(false);
    const plain = '超市现在还在卖过期面包';
    expect(dangerNow(plain, u(plain))).toBe(false);
  });

  it('"120 yuan total" is a price, not a call to 120', () => {
    const t = 'Last Sunday I bought 2 jars of "wild honey" at a stall in the Guodian market, 120 yuan total. It is basically sugar syrup.';
    expect(u(t).harm.value.ill).toBe('none');
    expect(illNow(t, u(t))).toBe(false);
    expect(u('孩子吐得厉害，刚打了120').harm.value.ill).toBe('now');
  });

  it('"能不能让你们工作人员给我打个电话细说" asks for a person', () => {
    const r = talk(['您好，我是退休教师，姓吴。想反映一个卖保健品的，专门骗老年人。', '康寿堂']);
    const s = talk(['我眼神不好，打字太费劲了，能不能让你们工作人员给我打个电话细说'], r.state);
    expect(s.state.step).toBe('handoff');
    expect(s.replies.join('\n')).toMatch(/转人工/);
  });

  it('the day read off a receipt wins over "记不清"; an expiry date is no such day', () => {
    const read = (t: string) => readAnswer('when', t, u(t), { files: [], kind: 'both' }, NOW);
    expect(read('我妈说前几天，她记不清了，小票上是11月25号')).toEqual({ ok: true, value: '2026-11-25' });
    expect(read('订单显示是上周五，具体几点不记得')).toEqual({ ok: true, value: parseIncidentDate('上周五', NOW) });
    expect(read('记不清了，保质期到11月20号')).toEqual({ ok: true, value: null });
  });

  it('"这是小票和包装袋，我让我妈拍的" when the name is asked is about the photo, not a name', () => {
    const read = (t: string) => readAnswer('business', t, u(t), { files: [], kind: 'both' }, NOW);
    expect(read('这是小票和包装袋，我让我妈拍的').ok).toBe(false);
    expect(read('这是家家利超市的小票')).toEqual({ ok: true, value: '家家利超市' });
  });

  it('"我帮我妈反映个事，她在超市买的熟食过期了，吃了不舒服": bought by the family, no wish said — which kind is asked', () => {
    const r = talk(['你好，我帮我妈反映个事，她在超市买的熟食过期了，吃了不舒服']);
    expect(r.state.step).toBe('menu');
    expect(r.state.draft.kind).toBeUndefined();
  });
});

describe('a day corrected (issue #13, fifteenth pass)', () => {
  it("a bare weekday corrects within the week it replaces; of several days, the meal's", () => {
    const was = parseIncidentDate('上周四', NOW); // 2026-11-19 (NOW is Saturday 2026-11-28)
    expect(correctedDay('周五', was, NOW)).toBe('2026-11-20');
    expect(correctedDay('出殡是周五 周四是守灵 吃席是周五中午', was, NOW)).toBe('2026-11-20');
    // A week said outright is taken as said; a day to come never is.
    expect(correctedDay('这周五', was, NOW)).toBe(parseIncidentDate('这周五', NOW));
    expect(correctedDay('前天，我刚才记岔了', was, NOW)).toBe(parseIncidentDate('前天', NOW));
  });

  it('"上个礼拜天……不对，礼拜天是回门，席是礼拜六" answering when is the Saturday before', () => {
    const r = talk(['俺闺女出门子，席上哩扣碗肉是臭哩，俺要投诉，叫他退钱', '就是西街的福满楼', '新建路街道西街']);
    expect(r.state.step).toBe('when');
    const s = talk(['上个礼拜天……不对，礼拜天是回门，席是礼拜六'], r.state);
    expect(s.state.draft.incidentDate).toBe(parseIncidentDate('上周六', NOW));
  });

  it('a correction of the day told as an event ("不对 说错了 出殡是周五…") keeps the week first said', () => {
    const r = talk(['我舅出殡 上周四中午吃的席 一大家子拉肚子 办白事的一条龙得给个说法']);
    expect(r.state.draft.incidentDate).toBe(parseIncidentDate('上周四', NOW));
    const s = talk(['不对 说错了 出殡是周五 周四是守灵 吃席是周五中午'], r.state);
    expect(s.state.draft.incidentDate).toBe(parseIncidentDate('上周五', NOW));
  });
});

describe('English stories, jurisdiction asked plainly, refunds wished in other words (issue #13, fifteenth pass)', () => {
  it('an English report with a question at the end is a report (its sentences are not all questions), the quoted name its business', () => {
    const t =
      'Hi, I want to report a restaurant. "Xinjiang Halal Noodles" near Huaxin College (Longhu) has a big halal sign, but last Friday I saw the staff carry pork from the market into the kitchen and cook it on the same stove. I want to stay anonymous. Is there any reward for this?';
    const r = talk([t]);
    expect(r.state.draft.kind).toBe('report');
    expect(r.state.draft.businessName).toBe('Xinjiang Halal Noodles');
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.replies.join('\n')).toMatch(/reward/i);
    // Only questions stay answered, not filed.
    expect(talk(['Can I report a shop anonymously? Is there a reward?']).state.draft.kind).toBeUndefined();
  });

  it('a quoted English name counts only in capitals and beside a word for a business', () => {
    expect(quotedBusiness('I bought 2 jars of "wild honey" at a stall in the Guodian market')).toBeNull();
    expect(quotedBusiness('the shop "Happy Bakery" on Zhongzheng Road')).toBe('Happy Bakery');
  });

  it('"喂 是管卖东西的不" is asked and answered, not taken for the story', () => {
    const r = talk(['喂 是管卖东西的不']);
    expect(r.replies.join('\n')).toMatch(/归我们市场监管部门管/);
    expect(r.state.draft.description).toBeUndefined();
  });

  it('"我买的酒不对 我要找他退" answering the kind is a complaint (the 不对 is the goods, not a correction); a refund told as past is no wish', () => {
    const r = talk(['我在超市买的饼干有问题']);
    expect(r.state.step).toBe('menu');
    expect(talk(['我买的饼干不对 我要找他退'], r.state).state.draft.kind).toBe('complaint');
    // "本来想让他退钱 现在不要了 就让你们查他": the remedy given up — a report, not both.
    const c = talk(['昨天饿了么点的大口吃肉蟹煲（龙湖大学城店） 螃蟹是死的 一股臭味 我要投诉']);
    expect(c.state.step).toBe('request');
    expect(talk(['本来想让他退钱 现在不要了 就让你们查他'], c.state).state.draft.kind).toBe('report');
  });

  it('of several days in a correction, a day someone did not go is not it', () => {
    const was = parseIncidentDate('周四', NOW);
    expect(correctedDay('时间不对 是周三中午 周四我满课根本没去食堂', was, NOW)).toBe(parseIncidentDate('周三', NOW));
  });
});

describe('no-shop words, night in dialect, a name offered, a call asked for after an urgent hand-off (issue #13, fifteenth pass)', () => {
  it('"投诉那个摊" names no shop "投诉"; "黑价食堂" is last night\'s canteen; "他没店" is no name', () => {
    expect(thatShop('投诉那个摊 吃他的出的事')).toBeNull();
    expect(thatShop('豫乡好物那个店')).toBe('豫乡好物');
    const read = (t: string) => readAnswer('business', t, understand(t, { now: NOW }), { files: [], kind: 'report' }, NOW);
    expect(read('他没店 就是个杀猪哩 大名俺也不知道')).toEqual({ ok: true, value: null });
    const r = talk(['俺们是孟庄那个工地哩 夜儿个黑价食堂哩烩菜 今儿早上十几个人都拉肚子 叫恁来查查这个食堂']);
    expect(r.state.draft.businessName).not.toBe('黑价食堂');
  });

  it('"俺不怕他 恁记俺名儿也中 别跟他说是俺说哩就中" gives the name (kept from the business)', () => {
    expect(parseAnonymous('俺不怕他 恁记俺名儿也中 别跟他说是俺说哩就中')).toBe(false);
    expect(parseAnonymous('俺不怕他们，但是别写俺名字')).toBe(true);
  });

  it('"有没有人能直接打电话给我" after the urgent hand-off: already with a person, and the question goes on', () => {
    const r = talk(['我们宿舍4个人昨晚在三食堂吃了凉拌黄瓜 半夜开始拉肚子发烧 现在都在校医院挂水 我要实名举报三食堂']);
    expect(r.last.effect?.type).toBe('handoff');
    expect(r.state.draft.businessName).toBe('三食堂');
    const s = talk(['有没有人能直接打电话给我 我们这边挺急的'], r.state);
    expect(s.replies.join('\n')).toMatch(/已经按紧急情况转给人工/);
    expect(s.state.step).not.toBe('handoff');
    // Asking for a person outright still leaves a message for one.
    expect(talk(['找人工！这事急'], r.state).state.step).toBe('handoff');
  });
});

describe('an earlier case asked after in a sentence, a person asked for plainly, names in other places (issue #13, fifteenth pass)', () => {
  it('"我上周三举报的…的事 到底有人管没有？？十来天了一个电话都没有" looks the cases up, files nothing', () => {
    const r = talk(['我上周三举报的孟庄那个养鸡场给鸡乱打抗生素的事 到底有人管没有？？十来天了一个电话都没有']);
    expect(r.last.effect?.type).toBe('list');
    expect(r.state.draft.kind).toBeUndefined();
    // The code lost: said plainly.
    expect(talk(['查询码没记 当时好像发了个短信 找不着了']).replies.join('\n')).toMatch(/查询码只在提交时显示一次/);
  });

  it('"给我找个人 找个能管事的" asks for a person; "找个人问问" in a story does not end it', () => {
    const r = talk(['举报孟庄一个养鸡场乱打抗生素']);
    expect(talk(['你这机器人说半天没用 给我找个人 找个能管事的'], r.state).state.step).toBe('handoff');
  });

  it("a Latin name in a Chinese message, the writer's own institution, a shop in quotes ordered from a platform", () => {
    expect(talk(['hi 在吗 想complain一下', '昨晚在美团点的Wonderful Pizza 打开一看pizza上粘着一根长头发']).state.draft.businessName).toBe(
      'Wonderful Pizza',
    );
    expect(talk(['喂，俺是城关乡敬楼村敬老院哩，俺们这伙食老是馊哩，恁派人来查查，别写俺名']).state.draft.businessName).toMatch(
      /敬楼村敬老院$/,
    );
    expect(quotedBusiness('昨晚7点在美团点的龙湖大学城“东北人家水饺”，三鲜饺子里吃出一截钢丝球')).toBe('东北人家水饺');
  });
});

// The sixteenth pass's helpers: its fixtures' clock (Saturday 2026-12-05 10:00 CST), what the engine reads, and an
// answer read for a slot of a fresh draft.
const NOW16 = new Date('2026-12-05T02:00:00Z');
const biz16 = (t: string) => understand(t, { now: NOW16 }).business.value;
const when16 = (t: string) => understand(t, { now: NOW16 }).incident_time.value?.date ?? null;
const read16 = (slot: Slot, t: string, kind: 'report' | 'complaint' = 'report') =>
  readAnswer(slot, t, understand(t, { now: NOW16 }), { files: [], kind }, NOW16);

describe('goods told bad, greetings with courtesies, 告他, emoji and yes-or-no questions (issue #13, sixteenth pass)', () => {
  it('"饭店卖的肉坏了", "鸡蛋是坏的", "你们看看这个面包": no one\'s conduct and no wish — the kind is asked, not guessed as a report', () => {
    for (const opening of ['我年纪大了 打字慢 饭店卖的肉坏了', '同志你好 我想反映个事 鸡蛋是坏的', '你们看看这个面包']) {
      const r = talk([opening]);
      expect(r.state.draft.kind).toBeUndefined();
      expect(r.replies.join('\n')).toMatch(/退赔（投诉）.*查处他（举报/);
    }
    // Someone's conduct told is still a tip.
    expect(talk(['村东头有人卖病死猪肉']).state.draft.kind).toBe('report');
  });

  it('"早上好☀️ 你们周六也上班啊，辛苦了" is a greeting: welcomed, nothing stored, no date read from 周六', () => {
    const r = talk(['早上好☀️ 你们周六也上班啊，辛苦了']);
    expect(r.replies.join('\n')).toMatch(/慢慢说/);
    expect(r.state.draft.description).toBeUndefined();
    expect(r.state.draft.incidentDate).toBeUndefined();
    // The story after it, of the writer's own purchase with no wish, is asked the kind.
    const s = talk(['是这样，我前天在孟庄集上买的猪肉，回家一放，盘子底下全是血水，这不是注水肉嘛'], r.state);
    expect(s.state.draft.kind).toBeUndefined();
    expect(s.state.draft.incidentDate).toBe('2026-11-26');
    expect(talk(['投诉吧，我想让他把钱退了'], s.state).state.draft.kind).toBe('complaint');
  });

  it('"告他" chooses a complaint; "告发" a report', () => {
    const r = talk(['饭店卖的肉坏了', '告他']);
    expect(r.state.draft.kind).toBe('complaint');
    expect(talk(['我要告发他们，用死猪肉包饺子']).state.draft.kind).toBe('report');
  });

  it('emoji beside words carry none: "有奖励不🤑" is a question about rewards, not the business\'s name', () => {
    const r = talk(['举报🙋‍♀️ 有人朋友圈卖自制辣椒酱 三无 还说能降血压 🤡', '有奖励不🤑']);
    expect(r.state.draft.description).toBe('举报 有人朋友圈卖自制辣椒酱 三无 还说能降血压');
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.state.draft.wantsReward).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/举报奖励/);
    expect(r.state.step).toBe('business');
  });

  it('the name refused and the reward wanted "if there is one" in one breath', () => {
    const r = talk(['喂你好我要举报一下薛店镇有个叫金鑫肉联的屠宰场他们杀牛之前给牛灌水还喂瘦肉精我不要留名字奖励要是有的话我要']);
    expect(r.state.draft.businessName).toBe('金鑫肉联');
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.state.draft.wantsReward).toBe(true);
  });
});

describe('businesses, dates and crimes in progress (issue #13, sixteenth pass)', () => {
  it('names read where they were missed or mangled', () => {
    expect(biz16('薛店镇有个叫金鑫肉联的屠宰场，他们杀牛之前给牛灌水')).toBe('金鑫肉联');
    expect(biz16('前儿个晌午在郭店北街老马牛肉汤喝汤，碗里喝出来个苍蝇')).toBe('老马牛肉汤');
    // A campus with a shop by its gate: the campus is where, not who.
    expect(biz16('工程学院门口那家奶茶店喝了肚子疼一晚上')).toBeNull();
    expect(placeThenName('在微信群里跟张姐订的土鸡蛋，三十个')).toBe('张姐');
    expect(placeThenName('12月1号在邻里鲜团购（团长在西街社区，阁老路菜鸟驿站旁边）买的冻虾仁')).toBe('邻里鲜团购');
    expect(latinBusiness('A piece of glass in the kung pao chicken from a Meituan order.')).toBeNull();
  });

  it('answers to "what is it called" that name nothing', () => {
    expect(read16('business', '那个摊子叫“老孙鲜肉”，挂着个红牌子')).toEqual({ ok: true, value: '老孙鲜肉' });
    expect(read16('business', '是个人，姓孙，在东郭寺集上摆摊卖菜')).toEqual({ ok: true, value: null });
    expect(read16('business', '有奖励不').ok).toBe(false);
    expect(read16('business', '我在厂里干活，厂里就十来个人').ok).toBe(false);
    const r = talk(['投诉社区团购 昨天买的冻虾仁，化开一称水占了一半多']);
    expect(r.state.draft.businessName).toBeUndefined();
  });

  it('"这个月一号" is the 1st of this month; "就现在！" answers "when" with today', () => {
    expect(understand('就是这个月一号的事', { now: NOW16 }).incident_time.value?.date).toBe('2026-12-01');
    expect(understand('本月3号', { now: NOW16 }).incident_time.value?.date).toBe('2026-12-03');
    // (A day still to come this month is none.)
    expect(understand('这个月20号', { now: NOW16 }).incident_time.value?.date ?? null).toBeNull();
    expect(read16('when', '就现在！我刚路过看见的')).toEqual({ ok: true, value: '2026-12-05' });
    expect(read16('when', '现在记不清了').ok && read16('when', '现在记不清了')).not.toEqual({ ok: true, value: '2026-12-05' });
  });

  it('a crime being done at this moment, or its people still at the scene, is urgent; urging alone is noted', () => {
    const opening = talk(['小司村村口那个院子 现在有个三轮车在往里卸死猪']);
    expect(opening.last.effect?.type).toBe('handoff');
    const van = talk(['今儿清早路过潩水寨村西那个废砖窑，看见有人在那扒死羊皮，好几只', '不知道是谁', '面包车可能还在那呢，你们快点来人']);
    expect(van.last.effect?.type).toBe('handoff');
    // Urging alone, about a practice going on every night, is written down — no hand-off.
    const urged = talk(['城关乡高皮匠村西头有人熬地沟油，天天半夜熬', '不知道', '昨天半夜', '匿名', '我不要钱 我要你们赶紧来人']);
    expect(urged.last.effect).toBeUndefined();
    expect(urged.state.draft.description).toMatch(/赶紧来人/);
  });

  it('"不要 赶紧来人" to the reward question: the urging noted, and "不要" taken', () => {
    const r = talk(['城关乡高皮匠村西头有人熬地沟油，天天半夜熬', '不知道', '昨天半夜', '匿名', '不要 赶紧来人']);
    expect(r.state.draft.wantsReward).toBe(false);
    expect(r.replies.join('\n')).toMatch(/尽快去现场/);
    // (A tip about others is not told to keep receipts and medical records.)
    expect(r.replies.join('\n')).not.toMatch(/病历/);
  });

  it('"会不会说是有人举报的？我在厂里干活" while the name is asked: answered (kept confidential), the name asked again, the story keeps 举报', () => {
    const r = talk(['梨河镇黄桥村有个腐竹厂，往腐竹里加吊白块', '你们去查的时候会不会说是有人举报的？我在厂里干活，厂里就十来个人']);
    expect(r.replies.join('\n')).toMatch(/保密/);
    expect(r.state.step).toBe('business');
    expect(r.state.draft.businessName).toBeUndefined();
  });
});

describe('stories sent again, names in more places, illness and insurance (issue #13, sixteenth pass)', () => {
  it('a story of leftovers served again is concrete; the story sent again when more was asked settles it', () => {
    const r = talk(['举报', '他们把客人吃剩的菜回收回锅，再端给下一桌，我在后厨帮过工看见的']);
    expect(r.state.step).toBe('business');
    const thin = talk(['举报', '那个馍白得很 不正常']);
    expect(thin.state.draft.detailsWanted).toBe(true);
    const again = talk(['那个馍白得很 不正常'], thin.state);
    expect(again.replies.join('\n')).not.toMatch(/刚才已经收到了/);
    expect(again.state.draft.detailsWanted).toBeUndefined();
    expect(again.state.step).not.toBe('description');
  });

  it('"钱要退。他们骗老年人，也该管管" wants both', () => {
    const r = talk(['在新村镇上听课买了三盒灵芝孢子粉，说能治癌症', '钱要退。他们骗老年人，也该管管。']);
    expect(r.state.draft.kind).toBe('both');
  });

  it('names on an invoice, banquet cooks, 之家, 家宴, English shop names set off by commas', () => {
    expect(read16('business', '叫个啥福康，发票上写嘞福康健康科技')).toEqual({ ok: true, value: '福康健康科技' });
    // A name said first beats the company on the receipt.
    expect(read16('business', '康膳餐厅 门口牌子写的康膳餐厅，小票上印的是郑州康膳餐饮管理有限公司')).toEqual({
      ok: true,
      value: '康膳餐厅',
    });
    expect(
      talk(['我叫郭建军，电话13837125904。举报我们唐户村的乡厨张老三，前天他给村里李家办白事的席面，用的是病死猪肉']).state.draft
        .businessName,
    ).toBe('张老三');
    expect(talk(['急！！人和寨昨天中午办喜宴，请的流动厨师班子做的席，晚上吃过席的人一个接一个拉肚子']).state.draft.businessName).not.toBe(
      '班子',
    );
    expect(biz16('西街社区那个长寿之家天天给老年人讲课，发鸡蛋发挂面')).toBe('长寿之家');
    expect(biz16('我家是五口之家')).toBeNull();
    expect(biz16('前儿个俺娘出殡，请的唐户老马家宴流动厨师办了二十桌')).toBe('老马家宴');
    expect(latinBusiness('She keeps the stock in her shop, Happy Baby Store, in Xuedian town')).toBe('Happy Baby Store');
  });

  it('no name where there is none: 走私冻品, a shop known by the school gate, goods with no brand', () => {
    expect(biz16('我要实名举报走私冻品')).toBeNull();
    expect(biz16('孩子中午在郭店镇实验小学门口小卖部买了包辣条吃')).toBeNull();
    const r = talk([
      '急！孩子中午跟同学在郭店镇实验小学门口小卖部买了包辣条吃，肚子疼',
      '那个小卖部卖的辣条好多都是没牌子的，你们得去查查',
    ]);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.state.draft.where).toBe('郭店镇实验小学门口');
  });

  it('answers with a question or a slip before them', () => {
    expect(read16('address', 'Why do you need my home address? ok - Huaxin College dorm 5, room 312', 'complaint')).toEqual({
      ok: true,
      value: 'Huaxin College dorm 5, room 312',
    });
    expect(parseAnonymous("You can have my name, that's fine")).toBe(false);
    // The opening typed again with its slip ("投述") is the story sent twice, not the shop's name.
    const r = talk(['投述 超市卖的水饺发霉', '投述 超市卖的水饺发霉']);
    expect(r.state.draft.businessName).toBeUndefined();
    expect(r.replies.join('\n')).toMatch(/刚才已经收到了/);
  });

  it('"又拉了一三轮出去卖" is a load hauled, not diarrhoea; an English roommate throwing up now is urgent; "I\'ll come back" files nothing', () => {
    expect(understand('豆芽坊还在往泡豆芽的池子里倒无根剂，又拉了一三轮出去卖').harm.value.ill).toBe('none');
    expect(understand('吃完拉了一夜').harm.value.ill).not.toBe('none');
    const r = talk([
      "Hi, urgent - my roommate ate at a hotpot place last night and since this morning he's been throwing up non-stop and shaking. What should we do?",
    ]);
    expect(r.last.effect?.type).toBe('handoff');
    expect(r.replies.join('\n')).toMatch(/120/);
    const later = talk(["OK we're calling an ambulance now. I'll come back to report the restaurant when he's better."], r.state);
    expect(later.state.draft.kind).toBeUndefined();
    expect(later.replies.join('\n')).toMatch(/Come back any time/);
  });

  it('commercial insurance asked about is answered (12378), also as "就是问问保险这事"', () => {
    const r = talk(['请问一下 孩子上个月在学校吃坏肚子了 学平险那边说食物中毒不在保障范围 不给报 你们能帮忙协调保险公司吗']);
    expect(r.replies.join('\n')).toMatch(/12378/);
    expect(talk(['就是问问保险这事']).replies.join('\n')).toMatch(/保险/);
  });
});

describe('wishes declined, local landlines, rarer surnames, English questions about the reward (issue #13, sixteenth pass)', () => {
  it('"俺不是要退钱，就是想叫恁去逮住他" is a report', () => {
    const r = talk(['八千乡集上有个卖牛肉哩，肉里头注水，俺割了二斤拿回家一放，一盘子血水', '俺不是要退钱，就是想叫恁去逮住他']);
    expect(r.state.draft.kind).toBe('report');
  });

  it('an eight-digit number is a local landline (0371); "楼振华" is a name', () => {
    expect(read16('phone', '62695517 家里座机')).toEqual({ ok: true, value: '0371-62695517' });
    expect(read16('phone', '12345678901').ok).toBe(false);
    expect(read16('name', '楼振华')).toEqual({ ok: true, value: '楼振华' });
    expect(read16('name', '栗红梅')).toEqual({ ok: true, value: '栗红梅' });
  });

  it('a name the bot cannot place, sent twice, is taken as said', () => {
    const r = talk(['举报城关乡有人用泔水油炸油条，天天都炸', '不知道', '昨天', '实名']);
    expect(r.state.step).toBe('name');
    const s = talk(['仉国平', '仉国平'], r.state);
    expect(s.state.draft.name).toBe('仉国平');
    expect(s.state.step).not.toBe('name');
  });

  it('names read: a shop counted ("有家秦味凉皮"), a dish crowned ("王二炸鸡王"); none in "门头是红的"', () => {
    expect(understand('举报一下，华南城美食街有家秦味凉皮，没营业执照也没健康证').business.value).toBe('秦味凉皮');
    expect(understand('王二炸鸡王，平台上有店 实际是在地下室做的').business.value).toBe('王二炸鸡王');
    expect(read16('business', '不知道叫啥 门头是红的 就写了俩字 早点')).toEqual({ ok: true, value: null });
  });

  it('the oil never changed is a problem told; a canteen stays in the place', () => {
    const r = talk(['举报', '有个卖油条烧饼的 炸油条的油黑的跟酱油一样 稠的很 好些天都不换']);
    expect(r.state.draft.detailsWanted).toBeUndefined();
    expect(talk(['升达二食堂的米饭里有石子 我牙都硌崩了一块']).state.draft.where).toBe('升达二食堂');
  });

  it('"Is there a reward? How would I get it if I\'m anonymous?" when asked to apply: answered, and put down as applying', () => {
    const r = talk([
      'Hello, I want to report an unlicensed food stall',
      'No name, just a white van with a hand-written sign',
      'Near Xinzheng Airport, by the taxi waiting area outside T2',
      'Last Sunday around noon',
      'Yes, anonymous.',
    ]);
    expect(r.state.step).toBe('reward');
    const s = talk(["Is there a reward? How would I get it if I'm anonymous?"], r.state);
    expect(s.state.draft.wantsReward).toBe(true);
    expect(s.replies.join('\n')).toMatch(/no reward/);
  });
});

describe('names said in passing, a tip asked for in other words, the last time seen (issue #13, sixteenth pass)', () => {
  it('"俺是新华路上住哩，叫孙凤英" gives the name; the place is not "…哩老百姓"', () => {
    const r = talk(['恁好，俺是新华路上住哩，叫孙凤英。前儿个俺在新华路那个麦香园蛋糕店订了个蛋糕，奶油都酸了。俺就要他把钱退了。']);
    expect(r.state.draft.name).toBe('孙凤英');
    const s = talk(['俺是八千乡哩老百姓，不留名了。俺村西头老周家在自家后院弄了个小作坊，专门收病死猪，做成卤肉往外卖。']);
    expect(s.state.draft.where).not.toMatch(/老百姓/);
    expect(s.state.draft.businessName).toBe('老周家');
  });

  it('"反映问题，让你们管管，我不要赔偿" answers the choice: a report', () => {
    const r = talk(['我想反映一下，我闺女开学那天在学校门口烤肠摊买了根烤肠，回来就拉肚子', '反映问题，让你们管管，我不要赔偿']);
    expect(r.state.draft.kind).toBe('report');
  });

  it("workshops: a brand before 加工点 names it; what it makes does not; 乡村 inside a restaurant's name is no village", () => {
    expect(talk(['举报个事。郭店镇华阳寨村东头有个金旺肉联加工点，前天半夜拉回来一三轮车死猪']).state.draft.businessName).toBe(
      '金旺肉联加工点',
    );
    expect(read16('business', '做腐竹哩小作坊')).not.toEqual({ ok: true, value: '做腐竹哩小作坊' });
    expect(read16('business', '老乡村土菜馆')).toEqual({ ok: true, value: '老乡村土菜馆' });
    expect(understand('唐户村惠民超市').business.value).toBe('惠民超市');
  });

  it('"十一月初去的就一直这样，最近一次看见送油是上周五": the last time seen', () => {
    expect(read16('when', '我外甥说他十一月初去的就一直这样，最近一次看见送油是上周五')).toEqual({ ok: true, value: '2026-11-27' });
  });
});

describe('rewards taxed, testifying, a person asked for, a family ill at a banquet (issue #13, sixteenth pass)', () => {
  it('questions about tax on the reward, how an anonymous reporter is paid and testifying are answered, nothing filed', () => {
    const tax = talk(['请教一下：举报拿到的奖金要不要交个人所得税？会不会从里面直接扣掉？']);
    expect(tax.replies.join('\n')).toMatch(/免征个人所得税/);
    const paid = talk(['那如果是匿名举报的，钱怎么发给我，要去现场领吗？']);
    expect(paid.replies.join('\n')).toMatch(/领奖密码/);
    expect(paid.state.draft.kind).toBeUndefined();
    const court = talk(['问恁个事儿，俺要是举报了，回头还得上法院给恁作证不？俺可不想跟人家撕破脸']);
    expect(court.replies.join('\n')).toMatch(/一般不需要举报人出面/);
    expect(court.replies.join('\n')).toMatch(/保密/);
  });

  it('"叫你们人工来，我要找管事的" asks for a person', () => {
    const r = talk(['别跟我说这些套话，叫你们人工来，我要找管事的']);
    expect(r.state.step).toBe('handoff');
  });

  it('the writer\'s whole family ill after a banquet: the choice is asked; "俺也不懂啥投诉举报，俺就是要叫他赔钱" is a complaint', () => {
    const r = talk(['喂 有人没有 俺侄子夜儿个结婚，在辛店那个福满楼大酒店摆了二十二桌，黑价俺一家子都拉肚子，吐得不轻']);
    expect(r.state.draft.kind).toBeUndefined();
    const s = talk(['俺也不懂啥投诉举报，俺就是要叫他赔钱，恁给俺做个主'], r.state);
    expect(s.state.draft.kind).toBe('complaint');
  });

  it('"I want my money back, and … they should be reported too" is both', () => {
    const r = talk([
      'Last Sunday I bought two tubs of yogurt at Huilian Supermarket near the campus, and at home I saw they had expired ten days earlier. I want my money back, and honestly I think they should be reported too. Do I get a reward for reporting them?',
    ]);
    expect(r.state.draft.kind).toBe('both');
  });
});

describe('dates that are no incident, festivals moved by a day (issue #13, sixteenth pass)', () => {
  it('an address number and a best-before date are not when it happened; the day before a festival is', () => {
    expect(when16('住郭店镇五里堡村新区8排3号。昨天晚上加班，在美团上点了饺子')).toBe('2026-12-04');
    expect(when16('我去看了后厨倒出来的包装袋，保质期到11月25号')).toBeNull();
    expect(when16('中秋节前一天我在火车站对面买了两盒月饼')).toBe('2026-09-24');
    expect(when16('国庆节后一天')).toBe('2026-10-02');
    expect(when16('中秋节')).toBe('2026-09-25');
  });
});

describe("answers that name nothing, an office's yard (issue #13, sixteenth pass)", () => {
  it('"能快点不 我还要上课" and "院里堆哩都是羊皮" are no names; "村委会大院" is no shop', () => {
    expect(read16('business', '能快点不 我还要上课', 'complaint').ok).toBe(false);
    expect(read16('business', '不知道叫啥，门口拴条狗，院里堆哩都是羊皮')).toEqual({ ok: true, value: null });
    expect(understand('我妈上个月在城关乡大周庄村委会大院里听健康讲座，被康元堂的人忽悠买了降糖茶').business.value).not.toBe('委会大院');
  });
});

describe('coming back with a question, 老乡 in a name, a campus canteen in English (issue #13, sixteenth pass)', () => {
  it('"恁这能保密不？…那还是举报吧 俺不留名" after calling it off: answered, the draft back, the name kept out', () => {
    const r = talk([
      '辛店集上有个卖牛肉哩 肉里打水 一斤肉能控出来二两水',
      '不知道叫啥 就是东头第二家牛肉摊',
      '算了算了 不弄了 集上都是熟人 叫他知道了不好',
    ]);
    expect(r.state.draft.description).toBeUndefined();
    const s = talk(['恁这能保密不？要是能保密 那还是举报吧 俺不留名'], r.state);
    expect(s.replies.join('\n')).toMatch(/保密/);
    expect(s.state.draft.description).toMatch(/打水/);
    expect(s.state.draft.anonymous).toBe(true);
  });

  it('"老乡炸鸡王" is a name; "At the Huaxin College No. 2 canteen" names the canteen', () => {
    expect(understand('孟庄镇政府后面那个小区地下室，老乡炸鸡王，平台上有店').business.value).toBe('老乡炸鸡王');
    expect(latinBusiness('I want to report a hygiene problem. At the Huaxin College No. 2 canteen, this morning')).toBe(
      '第二食堂（Huaxin College No. 2 canteen）',
    );
  });

  it('"我干了十几年厨子能吃不出来？" is not a question about banquets', () => {
    const r = talk([
      '梨河黄桥村口那家羊肉汤 挂羊头卖狗肉',
      '说是羊肉汤 一碗38 端上来那肉一嚼就不对 是鸭肉 我干了十几年厨子能吃不出来？问他他还不承认',
    ]);
    expect(r.replies.join('\n')).not.toMatch(/农村办酒席/);
  });
});

describe('festivals and canteens in English (issue #13, sixteenth pass)', () => {
  it('"the day before the National Day holiday" is 30 September', () => {
    expect(
      understand('On the day before the National Day holiday I saw kitchen staff scraping mould off pork', { now: NOW16 }).incident_time
        .value?.date,
    ).toBe('2026-09-30');
  });
  it('a numbered canteen in English is written for the office in Chinese too; a Chinese name beside it wins', () => {
    expect(latinBusiness('in the kitchen of the No. 3 canteen, and the staff')).toBe('第三食堂（No. 3 canteen）');
    expect(latinBusiness('at the Second Canteen (二食堂), window 5')).toBe('二食堂');
    expect(latinBusiness('I live in building 3 dining hall')).toBeNull();
  });
});

describe('something new told beside a status query (issue #13, sixteenth pass)', () => {
  const QUERY =
    '俺11月20号举报过薛店镇老刘豆芽坊用无根剂泡豆芽，编号XZ-20261120-000045，查询码BCDF-GHJK-LMNP-QRST。夜儿个俺又看见他们往池子里倒那药水，还拉了一三轮出去卖';
  const status = (st: ConvState) =>
    resolve(
      st,
      { type: 'query', ok: true, status: { number: 'XZ-20261120-000045', kindLabel: '举报', status: '已受理', timeline: [] } },
      { now: NOW, newDraftId: 'x' },
    );

  it('the status is read back, and the new things are offered as a new case; "补充举报" files them with the business named before', () => {
    const asked = talk([QUERY]);
    expect(asked.last.effect).toMatchObject({ type: 'query', number: 'XZ-20261120-000045' });
    // Never kept: the query code.
    expect(JSON.stringify(asked.state)).not.toMatch(/BCDF|GHJK/);
    const out = status(asked.state);
    expect(out.replies.join('\n')).toMatch(/另外登记成一件/);
    const filed = talk(['补充举报'], out.state);
    expect(filed.state.draft.kind).toBe('report');
    expect(filed.state.draft.description).toMatch(/^夜儿个俺又看见/);
    expect(filed.state.draft.description).not.toMatch(/XZ-|BCDF/);
    expect(filed.state.draft.businessName).toBe('老刘豆芽坊');
    expect(filed.state.draft.incidentDate).toBe('2026-11-27');
  });

  it('a query with nothing new offers nothing; anything but a yes drops the offer', () => {
    const plain = status(talk(['俺举报过一回，号是XZ-20261120-000045，查询码BCDF-GHJK-LMNP-QRST，恁给俺瞅瞅到哪一步了']).state);
    expect(plain.replies.join('\n')).not.toMatch(/另外登记/);
    const out = status(talk([QUERY]).state);
    const other = talk(['谢谢'], out.state);
    expect(other.state.aside).toBeUndefined();
    expect(other.state.draft.kind).toBeUndefined();
  });
});

describe('a sale going on for months, coming back after calling it off (issue #13, sixteenth pass)', () => {
  it('"卖了小半年了，现在还在卖" answers "when" with no one day, and is no emergency', () => {
    expect(
      readAnswer(
        'when',
        '卖了小半年了，现在还在卖',
        understand('卖了小半年了，现在还在卖', { now: NOW16 }),
        { files: [], kind: 'report' },
        NOW16,
      ),
    ).toEqual({
      ok: true,
      value: null,
    });
    const r = talk([
      '举报有人在朋友圈卖自己熬的猪油，说是土猪油，其实是用病死猪的肥肉熬的',
      '不知道',
      '新村镇裴李岗',
      '卖了小半年了，现在还在卖',
    ]);
    expect(r.last.effect).toBeUndefined();
  });

  it('the story told before calling it off is not asked for again after coming back', () => {
    const r = talk([
      '我要投诉',
      '在小乔村口那家熟食店买的卤猪头肉 回家一切 都酸了 还黏糊糊的',
      '就村口那家 叫刘记卤味',
      '算了 不弄了 为了35块钱太麻烦了',
      '哎 还是投吧 越想越气 刚才说到哪了',
      '前天下午',
      '退钱 35块',
      '孙雅婷',
      '18637152260',
      '龙湖镇小乔村3组',
    ]);
    expect(r.state.step).toBe('summary');
  });
});

describe('a greeting said twice (issue #13, sixteenth pass)', () => {
  it('"在吗在吗😭" and "喂喂" are greetings, not questions', () => {
    for (const hi of ['在吗在吗😭', '喂喂']) {
      const r = talk([hi]);
      expect(r.replies.join('\n')).toMatch(/食安通/);
      expect(r.replies.join('\n')).not.toMatch(/没法准确回答/);
    }
  });
});

describe('what the seller does, a pause, goods sold in quotes (issue #13, sixteenth pass)', () => {
  it('"他光逢集来", "哎等下…", "钱无所谓 就想让他别卖了" name no business; a quoted product after 卖 is no shop', () => {
    expect(read16('business', '他光逢集来', 'complaint').ok).toBe(false);
    expect(read16('business', '哎等下，刚百度了说举报查实有奖励，那我要').ok).toBe(false);
    expect(read16('business', '等一下 叫老王烧烤')).toEqual({ ok: true, value: '老王烧烤' });
    expect(read16('business', '举报 钱无所谓 就想让他别卖了').ok).toBe(false);
    expect(biz16('快手上有个主播天天直播卖“自家熬的土猪油” 说是新郑薛店的')).toBeNull();
    expect(read16('business', '厂子食堂')).not.toEqual({ ok: true, value: '厂子食堂' });
  });
});

// The seventeenth pass (rounds 37 and 38): the same clock and readers as the sixteenth's.
describe('wishes beside answers, refusals and fears (issue #13, seventeenth pass)', () => {
  it('"恁别跟他说是俺告哩" when a complaint\'s place is asked: the truth about what the business learns, an anonymous report offered; no place stored', () => {
    const r = talk([
      '俺买哩酱油里头有个虫',
      '投诉他 叫他给俺换',
      '不知道叫啥 就是老刘家开哩小卖部 没挂牌',
      '恁别跟他说是俺告哩啊 都是一个村哩',
    ]);
    expect(r.state.draft.where).toBeUndefined();
    expect(r.last.replies.join('\n')).toMatch(/电话、住址不会告诉商家.*改成匿名举报/s);
    expect(r.state.step).toBe('where');
    expect(talk(['改成举报'], r.state).state.draft.kind).toBe('report');
  });

  it('"俺叫王秀兰" when asked whether to stay anonymous is reporting by name', () => {
    expect(read16('anonymous', '俺叫王秀兰')).toEqual({ ok: true, value: false });
    expect(read16('anonymous', '俺不知道').ok).toBe(false);
  });

  it('a named reporter who refuses the phone is filed anonymously, and told so; a complainant is told why it is needed', () => {
    const r = talk([
      '举报城关乡高皮匠村做粉条的往里加硼砂',
      '不知道',
      '高皮匠村小学对过',
      '夜儿个',
      '实名',
      '王秀兰',
      '电话不给 俺儿不叫俺随便给人电话',
    ]);
    expect(r.state.draft.anonymous).toBe(true);
    expect(r.state.draft.name).toBeUndefined();
    expect(r.last.replies.join('\n')).toMatch(/不留电话的话就按匿名举报登记/);
    expect(r.state.step).toBe('reward');
    expect(read16('phone', '不想留电话', 'complaint')).toEqual({ ok: false, problem: 'phone_refused' });
    expect(read16('phone', '138 3716 2209', 'complaint')).toEqual({ ok: true, value: '13837162209' });
  });

  it('a tip called off for fear of being known gets the truth about anonymity with the goodbye', () => {
    const r = talk([
      '俺想举报俺村有人卖假酒',
      '人和寨村口那个小卖部，叫建军超市',
      '算了，不弄了，都是一个村哩，叫人家知道了不好，俺不举报了',
    ]);
    expect(r.state.draft.kind).toBeUndefined();
    expect(r.last.replies.join('\n')).toMatch(/已取消.*举报可以匿名.*保密/s);
  });

  it('"要是实名是不是领奖励方便些？那俺还是实名吧，俺叫韩明亮": asked, then decided — a named report', () => {
    const r = talk(['举报老周酒坊往散酒里兑工业酒精', '辛店镇欧阳寺村', '要是实名是不是领奖励方便些？那俺还是实名吧，俺叫韩明亮']);
    expect(r.state.draft.anonymous).toBe(false);
    expect(r.state.draft.name).toBe('韩明亮');
    expect(talk(['举报老周酒坊往散酒里兑工业酒精', '辛店镇欧阳寺村', '那我还是实名吧']).last.replies.join('\n')).toMatch(/按实名举报/);
  });

  it('"谁稀罕那钱" declines the reward', () => {
    expect(read16('reward', '谁稀罕那钱')).toEqual({ ok: true, value: false });
  });

  it('"怎么这么多问题？？" is impatience: how many are left and a person offered, not a question for the officer', () => {
    const r = talk(['超市卖过期面包！！！', '家乐惠超市', '怎么这么多问题？？']);
    const out = r.last.replies.join('\n');
    expect(out).toMatch(/问得多了点.*还差\d项/s);
    expect(out).not.toMatch(/没法准确回答/);
    expect(r.state.draft.description).not.toMatch(/这么多问题/);
    // With the answer beside it, the answer is taken.
    const s = talk(['超市卖过期面包！！！', '家乐惠超市', '问这么多……新华路 黄帝故里对面']);
    expect(s.state.draft.township).toBe('新华路街道');
  });

  it('who sent the citizen here is no story: "她说让俺找恁 说恁这能管" is noted aside and the story asked again', () => {
    expect(read16('description', '俺孙女在郑州上班 一个月才回来一趟 她说让俺找恁 说恁这能管', 'complaint')).toEqual({
      ok: false,
      problem: 'aside',
    });
    expect(read16('description', '她说让俺找恁 说这红枣都长毛了 恁能管', 'complaint').ok).toBe(true);
  });
});

describe('names, places and urgency read in more wordings (issue #13, seventeenth pass)', () => {
  it("a phone number ending in 120 is no ambulance: a cockroach in the fish with the writer's number is not urgent", () => {
    const t =
      '我叫孙海涛 电话139 3855 7120 住龙王乡街上供销社后头。前天晚上在龙王乡政府对面的聚福楼吃饭，酸菜鱼里吃出来一只蟑螂！！要求退全部饭钱';
    expect(understand(t, { now: NOW16 }).harm.value.ill).toBe('none');
    expect(illNow(t, understand(t, { now: NOW16 }))).toBe(false);
    expect(understand('孩子吐得厉害，已经打了120', { now: NOW16 }).harm.value.ill).toBe('now');
    expect(talk([t]).last.effect?.type).not.toBe('handoff');
  });

  it('shops read where the order or a brand-like 家 stands beside them', () => {
    expect(biz16('昨晚上点的外卖 蜀香麻辣烫 吃出来一根长头发 还有个小虫子')).toBe('蜀香麻辣烫');
    expect(biz16('在蜀香麻辣烫点的外卖')).toBe('蜀香麻辣烫');
    expect(biz16('在蜀香烧烤订的')).toBe('蜀香烧烤');
    expect(biz16('在家乐惠超市买的面包过期了')).toBe('家乐惠超市');
    expect(read16('business', '家乐惠超市')).toEqual({ ok: true, value: '家乐惠超市' });
    // "点心" is no order.
    expect(biz16('吃了点麻辣烫点心')).toBeNull();
  });

  it('a Latin name where the drink was bought, a banquet crew by its head, a hawker by his tricycle', () => {
    expect(talk(['hi 想complain一下 昨天在新华路的MOMO Tea买的milk tea 喝出来一块塑料 太离谱了']).state.draft.businessName).toBe(
      'MOMO Tea',
    );
    expect(
      talk(['快点来人看看吧！俺村人和寨夜儿个办喜事，请的老马厨师班做的流水席，黑价就开始有人上吐下泻']).state.draft.businessName,
    ).toBe('老马厨师班');
    expect(read16('business', '没名 一个骑三轮的 外地口音 天天赶集', 'complaint')).toEqual({ ok: true, value: '骑三轮的' });
  });

  it('"小卖布" is 小卖部; a message that parts its words with spaces keeps them when pinyin is turned into characters', () => {
    expect(fixTypos('门口那个小卖布')).toBe('门口那个小卖部');
    expect(fromPinyin('吃完肚子疼 要peiqian 王鹏 18639205571')).toBe('吃完肚子疼 要赔钱 王鹏 18639205571');
    expect(fromPinyin('zuo tian mai de 烧饼')).toBe('昨天买的烧饼');
    const r = talk(['姜记烧烤 郭店南街那个 前天晚上 鸡翅没烤熟 里面还带血 吃完la肚子一晚上 要peiqian 王鹏 18639205571 住郭店镇华阳寨']);
    expect(r.state.draft.name).toBe('王鹏');
    expect(r.state.draft.request).not.toMatch(/王鹏/);
  });

  it('a suspected crime told at length is story enough: nothing more is asked before the reward', () => {
    const r = talk([
      '城关乡东郭寺村那个老胡卤味作坊你们到底管不管？？亚硝酸盐一袋一袋往锅里倒，肉红得吓人，昨天我又闻见那味了，整条街都是！！我打了两回电话都没人来！！我不留名，你们去查就行',
    ]);
    expect(r.state.draft.detailsWanted).toBeUndefined();
    expect(r.state.step).toBe('reward');
  });

  it('"俺要反映个事 是俺儿媳妇跟俺说哩" announces a matter: the story is asked for', () => {
    const r = talk(['同志你好', '俺要反映个事 是俺儿媳妇跟俺说哩']);
    expect(r.last.replies.join('\n')).toMatch(/慢慢说/);
    expect(r.last.replies.join('\n')).not.toMatch(/没太明白/);
  });
});

describe('market days, festivals and more shops, people and wishes (issue #13, seventeenth pass)', () => {
  it('"周六集" is the Saturday market, not a day; "双十一" is 11-11 (not the National Day holiday); 平安夜 is 12-24', () => {
    expect(when16('八千乡周六集 老刘菜摊 上周六买的韭菜')).toBe('2026-11-28');
    expect(when16('周六集上买的')).toBeNull();
    expect(when16('双十一那天，说是搞活动打折')).toBe('2026-11-11');
    expect(parseIncidentDate('十一那天', NOW16)).toBe('2026-10-01');
    expect(parseIncidentDate('平安夜那天', NOW16)).toBe('2025-12-24');
    // "刚才在开会" is the writer's pause, not when it happened.
    expect(when16('不好意思刚才在开会 你接着问')).toBeNull();
    expect(when16('刚才在店里吃出了虫子')).toBe('2026-12-05');
  });

  it('"上个集" when the time is asked: no day, kept with the story; "下个集还在那儿" is no time of the incident', () => {
    const r = talk([
      '有人在新村集上卖打了禁用农药的韭菜',
      '不知道叫啥，是个五十来岁的男的，骑个三轮',
      '新村集上，进集口第三个摊',
      '上个集',
    ]);
    expect(r.state.draft.incidentDate).toBeNull();
    expect(r.state.draft.description).toMatch(/时间：上个集/);
    expect(read16('when', '他每回逢集都来，下个集还在那儿').ok).toBe(false);
  });

  it('shops: a crowned dish standing alone, 老黑 as a nickname, no 村口 in the name, no crime as a headline', () => {
    expect(biz16('和庄集上卤味王 拿双氧水泡鸡爪 周三看见的 我要匿名')).toBe('卤味王');
    expect(biz16('我实名举报！郭店五里堡那个老黑牛肉天天给牛灌水，注水牛肉拿到集上卖')).toBe('老黑牛肉');
    expect(hanBusiness('匿名举报 城关乡东郭寺村口早点铺 炸油条的油黑得跟酱油一样')).toBeNull();
    expect(hanBusiness('村头老王饭店')).toBe('老王饭店');
    expect(talk(['举报私宰，辛店镇人和寨村西头有一家天天半夜杀猪，没有检疫章']).state.draft.businessName).not.toBe('私宰');
    expect(read16('business', '好多小学生买 吃了肚子疼的都有').ok).toBe(false);
  });

  it('English: a name signed before the phone is the complainant; the home after it is not the shop\'s place; "Restaurant is on X Road"', () => {
    const r = talk([
      'Ordered kung pao chicken from Sichuan Kitchen on Meituan last night, there was a piece of glass in it. Restaurant is on Renmin Road. I want a refund + compensation. Tom Weller, 152 3718 6640, Huangdi Guli apartments, Xinhua Road.',
    ]);
    expect(r.state.draft.name).toBe('Tom Weller');
    expect(r.state.draft.where).toBe('Renmin Road');
    expect(r.state.draft.township ?? null).toBeNull();
    // A place after the phone with the shop between stays the shop's.
    const s = talk(['气死我了！！我是刘建军 138 3712 6690，就那个华联，龙湖大学城门口的，卖给我的速冻饺子化了又冻的，里面都发霉了！！']);
    expect(s.state.draft.township).toBe('龙湖镇');
  });

  it('"啥投诉举报的俺分不清 就是叫你们来管管他" is a tip; "拆封了不退" asks nobody to close the shop', () => {
    const r = talk(['你好 我是人和寨的老李 俺村有人杀死猪卖 你们管不管', '啥投诉举报的俺分不清 就是叫你们来管管他']);
    expect(r.state.draft.kind).toBe('report');
    // The citizen's nickname after the village is no part of the place.
    expect(r.state.draft.where).toBe('人和寨');
    const s = talk([
      '我叫周敏，电话13937154408，住新郑市新烟街道烟厂家属院2号楼。昨天下午在新郑烟厂对面的鲜多多生鲜超市买了一盒鸡胸肉，回家打开就是臭的，标签上生产日期写的是昨天，可肉明显放了好几天了。我已经拿回店里了，店长说拆封了不退。我要求退款并赔偿。',
    ]);
    expect(s.state.draft.kind).toBe('complaint');
  });

  it('"听说举报有奖励 能给不" when asked about the reward: answered and put down as wanted, not asked again', () => {
    const r = talk([
      '举报福寿康开讲座卖灵芝孢子粉 说能治癌症',
      '和庄镇老电影院',
      '这个礼拜一',
      '实名',
      '李秀芝',
      '13783564129',
      '听说举报有奖励 能给不',
    ]);
    expect(r.state.draft.wantsReward).toBe(true);
    expect(r.state.step).not.toBe('reward');
  });

  it('"又要退钱又要举报他" leaves "退钱" as the request; "你问俺啥时候？" is no question about time limits', () => {
    expect(requestOf(understand('又要退钱又要举报他，他肯定不止卖给我一家'), '又要退钱又要举报他，他肯定不止卖给我一家')).toBe('退钱');
    expect(requestOf(understand('退钱 也要查他'), '退钱 也要查他')).toBe('退钱');
    const r = talk(['举报有人杀死猪卖', '不知道', '你问俺啥时候？俺今年七十三了……哦问杀猪啊 这一个来月都弄 记不清哪天了']);
    expect(r.last.replies.join('\n')).not.toMatch(/7个工作日/);
  });

  it('a health product said to cure diabetes, asked "是不是骗人的", gets the knowledge base\'s answer', () => {
    const r = talk([
      '你好。我是个退休老师，想反映个事。我在黄帝故里旁边听了他们的免费健康讲座，买了一种保健品，说能治糖尿病，吃了不管用，这是不是骗人的？',
    ]);
    expect(r.replies.join('\n')).toMatch(/不能治疗疾病/);
  });

  it('a correction that repeats the words around the slip replaces them, not doubles them', () => {
    expect(replaceOverlapping('美团上写的华南城二期美食街', '二期', '华南城一期美食街')).toBe('美团上写的华南城一期美食街');
    expect(replaceOverlapping('郭店镇', '郭店', '新村')).toBe('新村镇');
  });

  it('the words left for the staff, sent again when the question comes back, answer it', () => {
    const words = '学校食堂用回收来的地沟油炸东西给学生吃，油是晚上从外面用塑料桶拉进来的';
    const h = talk([
      '人民路上育才中学食堂用的是地沟油！！我在里面打过工我知道！',
      '开学第一天我就看到了，一直到上个月我走都这样',
      '匿名',
      '不要钱',
      '你是机器人吧？我要跟真人说，找人工',
      words,
    ]);
    expect(h.last.effect?.type).toBe('handoff');
    const back = resolve(h.state, { type: 'handoff', ok: true }, { now: NOW, newDraftId: 'x' });
    expect(back.state.step).toBe('description');
    const r = talk([words], back.state);
    expect(r.last.replies.join('\n')).not.toMatch(/不用重复发/);
    expect(r.state.draft.description).toMatch(/塑料桶/);
  });
});

describe('a tip that becomes a complaint too, and statements that ask nothing (issue #13, seventeenth pass)', () => {
  it('"我也想让他把钱退给我" in a tip: both, the refund as the request', () => {
    const r = talk([
      '那我举报他们，骗了好多老年人',
      '唐户村有人租了个院子天天讲课，先送鸡蛋，后来卖一种叫降糖宝的保健品，说吃了能停胰岛素，一盒六百八，我买了五盒',
      '我那三千四百块钱能要回来不？我也想让他把钱退给我',
    ]);
    expect(r.state.draft.kind).toBe('both');
    expect(r.state.draft.request).toMatch(/退/);
    // Where the lectures are held names nobody.
    expect(r.state.draft.businessName).toBeUndefined();
    expect(biz16('租了个院子天天讲课')).toBeNull();
    expect(biz16('在孟庄镇福寿康的健康讲座买了')).toBe('福寿康');
  });

  it('"也不要啥奖励" asks nothing: no answer about rewards is read out', () => {
    const r = talk(['俺是孟庄镇哩，俺村东头老李家专门黑价杀病死羊，今儿一早拉到集上当鲜羊肉卖。俺不留名，也不要啥奖励，恁抓紧查']);
    expect(r.replies.join('\n')).not.toMatch(/举报奖励：/);
    expect(r.state.draft.wantsReward).toBe(false);
  });
});

describe('round 39: orders, villages, withdrawals and kinds added (issue #13, seventeenth pass)', () => {
  it('English with nothing wrong told yet asks the kind; "the Cigarette Factory branch" is a landmark, not tobacco', () => {
    expect(talk(['Hello, I need help with a takeaway order please.']).state.draft.kind).toBeUndefined();
    const r = talk([
      'I want to make a complaint against the bakery',
      'I ordered a blueberry cheesecake on Ele.me and when I cut it there was green mould on the bottom.',
      'Sweet Moment Bakery, the Cigarette Factory branch',
    ]);
    expect(r.state.draft.businessName).toMatch(/^Sweet Moment Bakery/);
    expect(r.replies.join('\n')).not.toMatch(/12313/);
    expect(latinBusiness('a snack stall right across from the primary school in Xiaoqiao village (小乔村), Longhu town')).not.toBe(
      'Xiaoqiao',
    );
  });

  it('"不投了" cancels; "我想顺便举报他们" adds a report to a complaint (both); "不投诉了…要举报" replaces it', () => {
    const c = talk(['你好 我点的麻辣烫里面有根创口贴 怎么投述', '川味张麻辣烫', '算了 店家刚打电话给我道歉了 全退了 不投了']);
    expect(c.state.draft.kind).toBeUndefined();
    expect(c.last.replies.join('\n')).toMatch(/已取消/);
    const b = talk([
      '我要投诉，大前天晚上点的酸菜鱼吃完拉肚子',
      '渝味坊酸菜鱼（龙王乡店）',
      '还有，我想顺便举报他们，外卖小哥说亲眼看见他们后厨用的是死鱼',
    ]);
    expect(b.state.draft.kind).toBe('both');
    const r = talk(['俺要投诉新村镇那个老刘家羊肉汤 那肉是冻了好几年哩僵尸肉', '大前天', '算了不投诉了 俺也没在他那吃 俺要匿名举报']);
    expect(r.state.draft.kind).toBe('report');
  });

  it('shops: an order on 饿了么 is no shop ("点哩炸鸡"); a village position is no name; a banquet business 张记宴席; a lunch-care 午托; "那家兰州正宗牛肉拉面"', () => {
    expect(biz16('前儿个晌午给俺孙子在饿了么上点哩炸鸡，鸡块里头还是红哩带血丝')).toBeNull();
    expect(biz16('快点来人！八千乡俺庄南头养猪场那个老韩，这会儿正在后院杀死猪哩')).toBeNull();
    expect(biz16('村东头王记烩面馆吃的')).toBe('王记烩面馆');
    expect(biz16('新郑烟厂后头那个村 有个办流水席哩叫张记宴席 炸丸子哩油黑哩跟酱油一样')).toBe('张记宴席');
    expect(hanBusiness('小太阳午托给小孩吃的是村里办事剩下的菜')).toBe('小太阳午托');
    const r = talk([
      '我要投诉！！！新郑火车站出站口对面那家兰州正宗牛肉拉面，今天早上一碗面里有只苍蝇！！我叫赵磊，电话18637192045，住新华路街道华夏小区3号楼',
    ]);
    expect(r.state.draft.businessName).toBe('兰州正宗牛肉拉面');
    // A landmark on several streets is not placed by the street the writer lives on.
    expect(r.state.draft.township ?? null).toBeNull();
  });

  it('times: a deed being done now is today; "一个多礼拜都是这样" is going on; "头晕眼花" is no wish for plainer words', () => {
    const r = talk(['快点来人！八千乡俺庄南头养猪场那个老韩，这会儿正在后院杀死猪哩，夜儿个猪场死了好几头，一会儿就拉到集上卖了']);
    expect(r.state.draft.incidentDate).toBe(parseIncidentDate('今天', NOW));
    expect(talk(['饿了么点的黄焖鸡 吃完拉了一晚上到现在还在拉']).state.draft.incidentDate ?? null).not.toBe(parseIncidentDate('今天', NOW));
    expect(read16('when', '这一个多礼拜都是这样')).toEqual({ ok: true, value: null });
    const e = talk(['我爸在会上买的散装白酒喝了头晕眼花，我怀疑是拿工业酒精勾兑的！！这种人就该抓起来']);
    expect(e.replies.join('\n')).not.toMatch(/简单说/);
    expect(e.state.draft.description).toMatch(/白酒/);
    expect(fixTypos('是梦庄镇的老刘豆腐坊')).toBe('是孟庄镇的老刘豆腐坊');
  });

  it('coming back after cancelling: "还是得投诉…刚才说的还算数不" restores the draft', () => {
    const r = talk([
      '投诉辛店镇人和寨惠民超市卖过期牛奶！！',
      '11月20号下午买的',
      '算了算了不弄了，问这么多麻烦死了',
      '等会儿，我想了想还是得投诉，咽不下这口气，刚才说的还算数不',
    ]);
    expect(r.state.draft.businessName).toBe('惠民超市');
    expect(r.state.draft.incidentDate).toBe('2026-11-20');
  });

  it('a withdrawal asked beside a status query is explained, and "撤回" after the status goes to a person', () => {
    const q = talk(['XZ-20261125-000932 查询码HJKL-ZXCV-BNMW-QRTY 我投诉的那个活锅店已近给我退钱了 我想撤回投诉 咋撤']);
    expect(q.last.effect?.type).toBe('query');
    expect(q.replies.join('\n')).toMatch(/撤回/);
    const s = resolve(
      q.state,
      { type: 'query', ok: true, status: { number: 'XZ-20261125-000932', kindLabel: '投诉', status: '已受理', timeline: [] } },
      { now: NOW, newDraftId: 'x' },
    );
    const w = talk(['撤回'], s.state);
    expect(w.last.effect?.type).toBe('handoff');
  });

  it('"这算新情况吧，你们再给我记上" after the offer files the news; "鑫诚物业" is taken as the business\'s name', () => {
    const q = talk([
      '我11月20号举报过薛店镇一个豆芽作坊用无根剂泡豆芽，编号XZ-20261120-000188，查询码MNBV-CXZL-KJHG-FDSA，到现在也没见人去查，今天早上我又看见他们往池子里倒药水',
    ]);
    const s = resolve(
      q.state,
      { type: 'query', ok: true, status: { number: 'XZ-20261120-000188', kindLabel: '举报', status: '已受理', timeline: [] } },
      { now: NOW, newDraftId: 'x' },
    );
    const r = talk(['这算新情况吧，你们再给我记上'], s.state);
    expect(r.state.draft.description).toMatch(/药水/);
    const p = talk(['举报一下 我们小区物业在门口搞团购 卖的冻肉啥检疫章都没有 包装上全是外文', '鑫诚物业']);
    expect(p.state.draft.businessName).toBe('鑫诚物业');
  });
});

describe('several slips mended in one breath (issue #13, seventeenth pass)', () => {
  it('"打错了 是甜蜜时光 不是天蜜 是阁老路不是各老路": both mended, each in its own field', () => {
    const r = talk(['在不在 俺在各老路天蜜时光买的蛋糕长毛了', '刚才打错了 是甜蜜时光 不是天蜜 是阁老路不是各老路 这手机打字老是错']);
    expect(r.state.draft.businessName).toBe('甜蜜时光');
    expect(r.state.draft.where).toMatch(/^阁老路/);
    // A canteen stall told after the time and 在: the time is no part of it.
    expect(hanBusiness('昨晚在二食堂二楼的麻辣烫窗口打了一份 生菜里面有一条青虫')).toBe('二食堂二楼的麻辣烫窗口');
  });
});

describe('found by hand through a real server (issue #13, seventeenth pass)', () => {
  it('"叫啥脆皮哥炸鸡，后头括号写哩郭店店": the branch in dialect goes with the name and says the place', () => {
    const r = talk([
      '俺要投诉个外卖',
      '前儿个晌午给俺孙子在饿了么上点哩炸鸡，鸡块里头还是红哩带血丝，孩儿吃罢拉肚子，这会儿好些了',
      '叫啥脆皮哥炸鸡，后头括号写哩郭店店',
    ]);
    expect(r.state.draft.businessName).toBe('脆皮哥炸鸡（郭店店）');
    expect(r.state.draft.where).toBe('郭店');
    expect(r.state.draft.township).toBe('郭店镇');
  });

  it('how to withdraw, asked beside the number and code, is told the short way: reply "撤回" after the status', () => {
    const q = talk(['XZ-20261125-000932 查询码HJKL-ZXCV-BNMW-QRTY 店家已经退钱了 我想撤回投诉 咋撤']);
    expect(q.replies.join('\n')).toMatch(/回复“撤回”/);
    expect(q.replies.join('\n')).not.toMatch(/请把案件编号和查询码发给我/);
  });
});

describe('typed slips in shop names (issue #13, seventeenth pass)', () => {
  it('"那家一点甜奶差店" is 一点甜奶茶店; "好有多超市" is 好又多超市', () => {
    expect(talk(['昨天下午在黄帝故里门口那家一点甜奶差店买了杯蜜桃乌龙 喝到一半吸上来一块塑料']).state.draft.businessName).toBe(
      '一点甜奶茶店',
    );
    expect(fixTypos('好有多超市')).toBe('好又多超市');
  });
});

describe('no junk kept from remarks (issue #13, seventeenth pass)', () => {
  it('"村里也没人管" and "冬至前两天他们还要杀一大批" name no business; "投诉 让他赔" asks "让他赔"', () => {
    expect(read16('business', '村里也没人管').ok).toBe(false);
    expect(read16('business', '冬至前两天他们还要杀一大批 赶紧去啊').ok).toBe(false);
    expect(read16('business', '老王烧烤')).toEqual({ ok: true, value: '老王烧烤' });
    expect(requestOf(understand('投诉 让他赔'), '投诉 让他赔')).toBe('让他赔');
  });
});
