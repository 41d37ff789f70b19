// What the writer asks for (remedy, investigation, an answer, a reward) and whether they want to stay
// anonymous: word families with their spans. Negations are read in the same clause ("不要奖励",
// "不用匿名", "实名举报"). Pure.
import { type Clause, clauses as splitClauses } from './normalise.ts';

export const REQUESTS = ['refund', 'exchange', 'compensation', 'apology', 'mediation', 'investigate', 'stop', 'answer', 'reward'] as const;
export type Request = (typeof REQUESTS)[number];

export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

const REQUEST_RES: readonly [Request, RegExp][] = [
  [
    'refund',
    // (辞退, 减退, 撤退, 退休: no refund.)
    /(?<![辞减撤倒衰消击隐斥引烧])退(?!休|伍|学|出|烧|化|步|缩|让|潮)([^，。；;！!？?\n不]{0,8}?(费|钱|款)(?![^，。；;！!？?\n]{0,3}(吗|不))|款|钱|货|费|了|给我|回|还|一)|钱退|返还|把钱要回|全额退|refund|money back/g,
  ],
  ['exchange', /换货|换一(个|份|瓶|箱|袋)|调换|重新给我|补发|replace(ment)?|exchange/g],
  [
    'compensation',
    /赔偿|赔钱|索赔|赔付|十倍|10倍|三倍|3倍|赔十|赔三|医药费|误工费|损失费|精神损失|赔我|得赔|要赔|赔点|赔个|compensat|pay for (my|the) (medical|hospital)|ten times/g,
  ],
  ['apology', /道歉|赔礼|赔不是|认错|说法|apolog/g],
  ['mediation', /调解|协调|维权|帮我(处理|解决|要)|帮帮我|做主|主持公道|mediat/g],
  [
    'investigate',
    /查处|查办|查一查|查一下|查查|调查|严查|彻查|处罚|严惩|惩处|罚款|罚他|罚了|罚他们|重罚|管管|管一管|管不管|管一下|管下|取缔|关停|关掉|(?<![拆密开])封了|查封|吊销|依法处理|严肃处理|处理一下这|整顿|整治|曝光|监管一下|来查|来人查|去查|查他|查他们|抓起来|立案|investigat|inspect|punish|shut (it|them) down|fine them|look into/g,
  ],
  [
    'stop',
    /(叫|让|得叫|得让)(他|她|他们|他家)(别|不要|不能)(再)?卖|不(能|叫|让)(他|他们)(再)?卖|别再卖|不要再卖|不能再卖|停止(销售|生产|营业)|制止|下架|停业|别让他(们)?再|stop (selling|them)/g,
  ],
  ['reward', /奖励|奖金|有奖|给奖|奖多少|reward/g],
];

/** Words that cancel a wish in the clause before it ("不要奖励", "不用赔", "不图奖励"). */
const NEGATION_BEFORE = /(不要|不用|不图|不为|不求|无需|不需要|不是为了|不稀罕|用不着|没想|不想要|不要求|不指望|没要)[^,。;!?\n]{0,4}$/;

function inQuestion(c: Clause | undefined): boolean {
  return c !== undefined && (/[?？]$|吗[!.。,~]*$/.test(c.text.trim()) || /(能不能|可不可以|是否|有没有|多少|怎么|咋)/.test(c.text));
}

export interface Wishes {
  requests: Found<Request>[];
  /** Reward asked for or about (a question about a reward counts: the bot answers it). */
  reward: Found<boolean> | null;
  anonymous: Found<boolean> | null;
  /** Whether the remedy words are a demand, not a question about rights. */
  remedyDemanded: boolean;
}

/** "俺不敢实名", "不想实名": a real name refused — anonymous, though it says 实名. */
export const REFUSES_REAL_NAME = /(不敢|不想|不愿意?|不能|不用|不要|不方便)实名/;

const ANON_YES =
  /(可|千万|你们|恁)?别说(出)?是(我|俺)|别(跟|给|对)(他|他们|人|老板)说是(我|俺)|(不敢|不想|不愿意?|不能|不方便)实名|匿名|不留名|不想留名|(不用|不要|不必|甭|别)留(我的)?(名|名字|姓名)|别留(我的)?名|不署名|(?<!不用|不必|不需要|用不着|不用给俺|不用给我|不用替我|不用帮我|不用替俺|不用帮俺)保密|不要透露|别透露|不想透露|不愿透露|不想暴露|别暴露|不要暴露|(不想|不愿意?|不敢|别|不能)露(名|脸|面)|(别|不要|不想|不能|不愿意?|不敢|千万别|可别)(让|叫|给)[^,。;!?\n]{0,12}(知道|晓得)[^,。;!?\n]{0,6}(我|俺|是谁)|(?<!不)怕(被)?(他们|他|老板|厂里|店里|报复)[^,。;!?\n]{0,8}(知道|报复|找)|怕报复|不想让人知道|anonymous(ly)?|don'?t (want|tell) (them|him|her|anyone|the owner|the boss) (to )?know|don'?t (tell|give|show|use) (them |him |her |the owner |the boss )?my name|keep my (name|identity)|without my name/g;
const ANON_NO =
  /实名|(用|留|写|报)(我|俺)?的?真(名|名字)|真名(就行|也行|没事|可以)|不匿名|不用匿名|不要匿名|不需要匿名|(不用|不必|不需要|用不着)(给|替|帮)?(我|俺)?保密|可以留(我的)?名|留我(的)?(电话|名字|姓名)|不怕[^,。;!?\n]{0,8}(知道|报复)|知道是(我|俺)(也)?(没事|无所谓|不怕)|(我|俺)的?名字?(能|可以|可|也能|也可以)(说|留|写|登记|告诉恁?|告诉你们?)|real name|not anonymous/g;

export function readWishes(norm: string): Wishes {
  const cl = splitClauses(norm);
  const clauseAt = (pos: number): Clause | undefined => cl.find((c) => pos >= c.start && pos < c.end);
  const requests: Found<Request>[] = [];
  let remedyDemanded = false;
  for (const [req, re] of REQUEST_RES) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(norm)) !== null) {
      const before = norm.slice(Math.max(0, m.index - 8), m.index);
      if (NEGATION_BEFORE.test(before) && req !== 'reward') continue;
      let c = clauseAt(m.index);
      // A voice-typed story runs on without punctuation: only the words around the wish say whether it is asked.
      if (c !== undefined && c.text.length > 40) {
        const from = Math.max(c.start, m.index - 12);
        c = { ...c, start: from, text: norm.slice(from, Math.min(c.end, m.index + m[0].length + 8)) };
      }
      // "该赔多少赔多少": whatever is due — a demand, not a question.
      const q = inQuestion(c) && !/该(赔|退)多少(就)?(赔|退)多少/.test(c?.text ?? '');
      // "能赔多少？" asks about rights: an answer is wanted, not (yet) a remedy.
      if (q && req !== 'investigate' && req !== 'reward' && !/(要求|我要|必须|给我|让他|让商家)/.test(c?.text ?? '')) continue;
      if (['refund', 'exchange', 'compensation', 'apology'].includes(req)) remedyDemanded = true;
      if (!requests.some((r) => r.value === req)) requests.push({ value: req, start: m.index, end: m.index + m[0].length });
      break;
    }
  }
  // A question anywhere: the writer wants an answer.
  const q = cl.find((c) => inQuestion(c) && c.text.replace(/[?？\s]/g, '').length >= 2);
  if (q !== undefined && !requests.some((r) => r.value === 'answer')) requests.push({ value: 'answer', start: q.start, end: q.end });

  let reward: Found<boolean> | null = null;
  const rw = /奖励|奖金|有奖|悬赏|给奖|奖多少|reward/g;
  let m: RegExpExecArray | null;
  while ((m = rw.exec(norm)) !== null) {
    const before = norm.slice(Math.max(0, m.index - 8), m.index);
    const refused =
      NEGATION_BEFORE.test(before) ||
      // "要啥奖励", "图什么奖励": asked back, meaning none.
      /(要|图|稀罕)(啥|什么)$/.test(before) ||
      // "奖励不奖励哩俺不要", "奖励俺就不要了", "奖励不奖励的无所谓"
      /^[^,。;!?\n]{0,8}(不要|就不要|不用|算了|不需要|不稀罕|无所谓|无所为|不重要|不在乎)/.test(norm.slice(m.index + m[0].length)) ||
      // "I don't want any reward", "no reward needed", "I don't need a refund or a reward"
      /\b(don'?t|do not|doesn'?t|not|no|without)\b[^.,;!?]{0,28}$/i.test(norm.slice(Math.max(0, m.index - 40), m.index));
    reward = { value: !refused, start: m.index, end: m.index + m[0].length };
    if (!refused) break;
  }

  let anonymous: Found<boolean> | null = null;
  ANON_NO.lastIndex = 0;
  let no = ANON_NO.exec(norm);
  // "俺不敢实名": 实名 inside a refusal of it is no real name.
  while (no !== null && /(不敢|不想|不愿意?|不能|不方便)$/.test(norm.slice(Math.max(0, no.index - 3), no.index)) && no[0] === '实名')
    no = ANON_NO.exec(norm);
  ANON_YES.lastIndex = 0;
  let yes: RegExpExecArray | null = null;
  while ((yes = ANON_YES.exec(norm)) !== null) {
    // "不匿名" contains 匿名: the negative reading wins where they overlap.
    if (no !== null && yes.index >= no.index && yes.index < no.index + no[0].length) continue;
    break;
  }
  // "我名字能说，但是别叫他知道是我反映的": a named reporter kept confidential, not an anonymous one.
  if (yes !== null && no !== null && !/匿名|留名|署名|anonym/i.test(yes[0])) yes = null;
  if (yes !== null) anonymous = { value: true, start: yes.index, end: yes.index + yes[0].length };
  else if (no !== null) anonymous = { value: false, start: no.index, end: no.index + no[0].length };
  return { requests: requests.sort((a, b) => a.start - b.start), reward, anonymous, remedyDemanded };
}
