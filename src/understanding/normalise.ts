// Offset-preserving normalisation: every fact the engine reports carries the span of the citizen's
// own words, so the text the rules read must have one code unit per code unit of what was typed.
// Full-width ASCII → ASCII, Chinese punctuation → its ASCII twin (，→, ？→? ！→! ：→: ；→; （）→()),
// ideographic/no-break spaces, tabs and zero-width characters → a space, Latin → lower case, HTML tags →
// spaces. Anything NFKC would do beyond that (compatibility ideographs, ligatures) is rare in typed
// text and is left alone rather than shifting every later offset.
import { memoLast } from '../lib/memo-last.ts';

/** Texts beyond this are read up to it: a 1 MB paste costs what a 5,000-character one does. */
export const MAX_READ_CHARS = 5000;

const PUNCT: Readonly<Record<string, string>> = {
  '，': ',',
  '？': '?',
  '！': '!',
  '：': ':',
  '；': ';',
  '（': '(',
  '）': ')',
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '～': '~',
  '﹐': ',',
  '﹖': '?',
  '﹗': '!',
  '︰': ':',
  '﹔': ';',
  '､': '、',
  '｡': '。',
};
const DASHES = new Set([0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63]);

/**
 * Same length as the input (capped at MAX_READ_CHARS), so `out.slice(a, b)` and `text.slice(a, b)`
 * are the same words. Total: any value in, a string out.
 */
// The engine reads one text through several extractors (understand, the rules, the business and place
// finders), each normalising it: remembering the last result saves repeating the same work (pure: the
// same string always gives the same output).
export const normaliseKeepingOffsets: (raw: unknown) => string = memoLast(normaliseUncached);

function normaliseUncached(raw: unknown): string {
  let s = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  if (s.length > MAX_READ_CHARS) s = s.slice(0, MAX_READ_CHARS);
  // HTML pasted from somewhere: tags and script/style blocks become blanks of the same length.
  if (s.includes('<')) {
    s = s.replace(/<(script|style)\b[^>]{0,500}>[\s\S]*?<\/\1\s*>|<\/?[a-z][^<>]{0,500}>|<!--[\s\S]{0,2000}?-->/gi, (m) =>
      ' '.repeat(m.length),
    );
  }
  s = fixTypos(s);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ch = s.charAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      const a = String.fromCharCode(c - 0xfee0);
      out += PUNCT[ch] ?? a.toLowerCase();
    } else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else if (
      c === 0x3000 ||
      c === 0xa0 ||
      c === 0x09 ||
      c === 0x0d ||
      (c >= 0x200b && c <= 0x200f) ||
      c === 0x2060 ||
      c === 0xfeff ||
      c === 0xad
    )
      out += ' ';
    else if (DASHES.has(c)) out += '-';
    else if (c < 0x20 && c !== 0x0a) out += ' ';
    else out += PUNCT[ch] ?? ch;
  }
  return out;
}

/**
 * Homophone slips of phone input and voice-to-text that change what a message means ("投述" for 投诉,
 * "举包" for 举报, "瘦肉经" for 瘦肉精), each replaced by a word of the same length so offsets hold.
 */
const TYPOS: readonly [RegExp, string][] = [
  [/投述|投素|头诉|投塑|投宿(?=[他她它们这那])/g, '投诉'],
  [/举包|举保|举抱|局报|据报|巨报/g, '举报'],
  [/退宽|退快|推款|退欵/g, '退款'],
  [/陪偿|赔常|培偿/g, '赔偿'],
  [/陪钱/g, '赔钱'],
  [/(?<=烩面|拉面|面|饭|菜|汤|饺子)管(?=吃|喝|买|里|的|，|,|。|$)/g, '馆'],
  [/道谦/g, '道歉'],
  [/(?<=[小黑])做坊|做坊(?=[做里哩的，,。])/g, '作坊'],
  [/便例店/g, '便利店'],
  [/小卖布|小买部|小迈部/g, '小卖部'],
  [/奶差(?=店|铺|摊)/g, '奶茶'],
  [/好有多(?=超市|便利)/g, '好又多'],
  [/生产日其/g, '生产日期'],
  [/承任/g, '承认'],
  [/(?<=[十三]倍|能|要|得|该)陪(?=[十三]倍|多少|钱|偿|我|俺)|(?<=[十三]倍)陪/g, '赔'],
  // Voice input: 食堂 heard as 十堂 ("学校十堂那菜").
  [/(?<=学校|学生|单位|公司|工地|厂里|员工|职工)十堂/g, '食堂'],
  [/饿了吗|饿了嘛/g, '饿了么'],
  [/瘦肉经|瘦肉晶|受肉精/g, '瘦肉精'],
  [/地勾油|地狗油|地沟有/g, '地沟油'],
  [/过其了|过气了/g, '过期了'],
  [/发梅|发没(?=了)/g, '发霉'],
  [/拉度子|拉肚紫/g, '拉肚子'],
  [/食物中读|食物中度/g, '食物中毒'],
  [/匿民|逆名|匿明|匿命|溺名|腻名/g, '匿名'],
  [/里拜|李拜|理拜/g, '礼拜'],
  [/同以|痛意|铜意|同议|同易/g, '同意'],
  [/检役|检意|捡疫/g, '检疫'],
  // Henan 嘞 is 哩 (the written 的): "卖卤肉嘞老孙家".
  [/嘞/g, '哩'],
  [/确人|却认|确任/g, '确认'],
  [/提较|题交/g, '提交'],
  [/课以|可已/g, '可以'],
  [/星其|星奇/g, '星期'],
  [/现再(?=好|没事|不)/g, '现在'],
  // "现在号点了": 好 typed as 号 (recovered, not ill now).
  [/(?<=现在|已经|都|也)号(?=[点多些]?了)/g, '好'],
  [/头运(?=[，,\s]|恶心|眼花|脑胀|了)/g, '头晕'],
  [/(?<=我要|我想|要|想|俺要|俺想)(投送|投速|投素|偷诉)/g, '投诉'],
  [/胀带/g, '胀袋'],
  [/实明|石名|实命/g, '实名'],
  [/奖利|将励|奖厉|奖里(?=吗|不|没|呢|么|啥|有)/g, '奖励'],
  [/营业执找|营业只照/g, '营业执照'],
  [/有的化/g, '有的话'],
  [/雪店(?=镇|集|街|村|乡|那|这|的|哩)/g, '薛店'],
  [/梦庄(?=镇|集|街|村|乡|那|这|的|哩)/g, '孟庄'],
  [/郭店真(?=的|哩|上|街|那|这|，|,|\s)/g, '郭店镇'],
  // "你门能不能去查查他门后厨": 们 typed as 门 (not 他门口, his door).
  [/(?<=[你他她我俺])门(?![口前外里上框帘])/g, '们'],
  [/仓蝇|苍应/g, '苍蝇'],
  [/窗可贴|疮可贴|创口贴/g, '创可贴'],
  [/恶星/g, '恶心'],
  [/不对经/g, '不对劲'],
];

/** `text` with the slips in TYPOS mended; the same length as `text`. */
export function fixTypos(text: string): string {
  let s = text;
  for (const [re, to] of TYPOS) s = s.replace(re, to);
  return s;
}

/** Characters that end a clause (after normalisation). */
const CLAUSE_BREAK = /[。!?;,\n、…~]/;

export interface Clause {
  start: number;
  end: number;
  text: string;
}

/** Clauses at punctuation, each keeping its closing mark ('?' marks a question). */
export function clauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (i === s.length || (ch !== undefined && CLAUSE_BREAK.test(ch))) {
      const end = i < s.length ? i + 1 : i;
      if (end > start) out.push({ start, end, text: s.slice(start, end) });
      start = end;
    }
  }
  return out;
}
