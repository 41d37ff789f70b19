// Pinyin typed without choosing characters ("wo yao tou su", "zuo tian mai de", "ke yi"): the words a hotline
// conversation needs, turned into characters before the message is read, as an operator would read them. Only
// whole phrases of toneless pinyin from this list are turned; a single syllable only when it is the whole
// message ("dui", "hao"). English is left alone: none of these phrases is an English word. Pure.

const PHRASES: ReadonlyArray<readonly [string, string]> = [
  ['wo yao tou su', '我要投诉'],
  ['wo yao ju bao', '我要举报'],
  ['wo xiang tou su', '我想投诉'],
  ['wo xiang ju bao', '我想举报'],
  ['bu yao jiang li', '不要奖励'],
  ['yao jiang li', '要奖励'],
  ['bu ni ming', '不匿名'],
  ['bu tong yi', '不同意'],
  ['bu zhi dao', '不知道'],
  ['bu ji de', '不记得'],
  ['da qian tian', '大前天'],
  ['la du zi', '拉肚子'],
  ['tou su', '投诉'],
  ['ju bao', '举报'],
  ['zi xun', '咨询'],
  ['ni ming', '匿名'],
  ['shi ming', '实名'],
  ['zuo tian', '昨天'],
  ['qian tian', '前天'],
  ['jin tian', '今天'],
  ['shang wu', '上午'],
  ['xia wu', '下午'],
  ['zhong wu', '中午'],
  ['wan shang', '晚上'],
  ['zao shang', '早上'],
  ['shang zhou', '上周'],
  ['tui qian', '退钱'],
  ['tui kuan', '退款'],
  ['pei chang', '赔偿'],
  ['pei qian', '赔钱'],
  ['dao qian', '道歉'],
  ['ke yi', '可以'],
  ['tong yi', '同意'],
  ['que ren', '确认'],
  ['ti jiao', '提交'],
  ['mei you', '没有'],
  ['mei wen ti', '没问题'],
  ['bu yao', '不要'],
  ['bu yong', '不用'],
  ['hao de', '好的'],
  ['dui de', '对的'],
  ['shi de', '是的'],
  ['xie xie', '谢谢'],
  ['ren gong', '人工'],
  ['qu xiao', '取消'],
  ['suan le', '算了'],
  ['jiang li', '奖励'],
  ['guo qi', '过期'],
  ['fa mei', '发霉'],
  ['mai de', '买的'],
  ['chi de', '吃的'],
  ['ni hao', '你好'],
  ['zai ma', '在吗'],
];

const WHOLE: Readonly<Record<string, string>> = { dui: '对', hao: '好', yao: '要', bu: '不', xing: '行', zhong: '中', en: '嗯' };

const PATTERNS = PHRASES.map(([py, han]) => ({
  re: new RegExp(`(?<![a-z])${py.split(' ').join('\\s*')}(?![a-z])`, 'gi'),
  han,
}));

/** English words that say a message is English, where a pinyin-looking word is a name ("Shangwu Mall"). */
const ENGLISH = /\b(the|and|is|are|was|at|to|my|it|in|of|for|from|this|that|bought|ate|shop|store|mall|market|street|road)\b/gi;

/** `text` with the toneless pinyin phrases above written in characters; anything else unchanged. */
export function fromPinyin(text: string): string {
  if (!/[a-z]/i.test(text)) return text;
  const whole =
    WHOLE[
      text
        .trim()
        .toLowerCase()
        .replace(/[。.!！~]+$/, '')
    ];
  if (whole) return whole;
  if ((text.match(ENGLISH) ?? []).length >= 1) return text;
  // "dui 对", "bu 不匿名": a syllable said again in characters right after.
  const lead = /^([a-z]+)\s+(?=\p{Script=Han})/iu.exec(text);
  const leadHan = lead ? WHOLE[(lead[1] ?? '').toLowerCase()] : undefined;
  if (lead && leadHan && text.slice(lead[0].length).startsWith(leadHan)) return fromPinyin(text.slice(lead[0].length));
  let out = text;
  for (const { re, han } of PATTERNS) out = out.replace(re, `\u0001${han}\u0001`);
  if (out === text) return text;
  // "姜记烧烤 郭店南街那个 … 要peiqian 王鹏 186…": a message that parts its words with spaces keeps them.
  const spaced = /\p{Script=Han}\s+\p{Script=Han}/u.test(text);
  return (
    out
      // "zuo tian 昨天上午": the characters typed beside the pinyin say it once.
      .replace(/\u0001(\p{Script=Han}+)\u0001\s*(?=\1)/gu, '')
      // "zuo tian mai de 烧饼": the words turned join what stands around them.
      .replace(/\s*\u0001\s*/g, (m, i: number, s: string) => {
        const before = s[i - 1] ?? '';
        const after = s[i + m.length] ?? '';
        return /[a-z0-9]/i.test(before) || /[a-z0-9]/i.test(after) || (spaced && /\s/.test(m)) ? ' ' : '';
      })
      .trim()
  );
}
