// Harm to people: whether someone is ill now or was ill, how many, and who (children, pupils, infants,
// the elderly, pregnant women). Built on the rules' illness signals (lexicon.ts) plus counts read from
// the words ("一家三口", "20多个学生", "俩孩子", "three of us"). Pure.
import { chineseNumber } from './dates.ts';
import type { Found } from './wishes.ts';

export type Ill = 'none' | 'past' | 'now';
export const VULNERABLE = ['children', 'pupils', 'infants', 'elderly', 'pregnant'] as const;
export type Vulnerable = (typeof VULNERABLE)[number];

export interface Harm {
  ill: Ill;
  count: number | null;
  vulnerable: Vulnerable[];
}

const VULN_RES: readonly [Vulnerable, RegExp][] = [
  ['infants', /婴儿|婴幼儿|宝宝|新生儿|吐奶|奶娃|月子里的孩子|刚满月|几个月大|infant|baby/],
  ['pupils', /学生|小学生|中学生|同学们|全班|班里|幼儿园的?(孩子|小朋友)|小朋友|pupils?|students?|kindergarten/],
  ['children', /孩子|小孩|儿子|闺女|女儿|娃|孙子|孙女|外孙|小朋友|妞|妮儿|child|kids?|son|daughter/],
  ['elderly', /老人|老年人|老太太|老头|老爷子|俺娘|俺爹|我妈|我爸|父母|奶奶|爷爷|姥姥|姥爷|老伴|大爷|大妈|elderly|grandm|grandf/],
  ['pregnant', /孕妇|怀孕|怀着孕|孕期|pregnan/],
];

const CN = '[一二两三四五六七八九十百几]{1,4}|\\d{1,4}';
const PEOPLE = '(个|名|位|口|多个|来个|余个|多名|余名)?(人|孩子|小孩|学生|工人|同学|老人|顾客|客人|员工|村民|小朋友|娃)';
const COUNT_RES: readonly RegExp[] = [
  new RegExp(`一家(${CN})口`),
  new RegExp(`(${CN})(多|来|余)?${PEOPLE}`),
  /(俩|仨)(人|孩子|娃)?/,
  /(two|three|four|five|six|seven|eight|nine|ten|\d+) (of us|people|students|children|kids|workers)/i,
];
const EN_NUM: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

export interface IllSignals {
  strong: readonly string[];
  mild: readonly string[];
  current: boolean;
  recovered: boolean;
}

/** Numbers in 几/好几/十几 are not counts; "一家三口" is 3. */
function countOf(norm: string): Found<number> | null {
  for (const re of COUNT_RES) {
    const m = re.exec(norm);
    if (m === null) continue;
    const raw = m[1] ?? '';
    let n: number | null = null;
    if (raw === '俩') n = 2;
    else if (raw === '仨') n = 3;
    else if (EN_NUM[raw.toLowerCase()] !== undefined) n = EN_NUM[raw.toLowerCase()]!;
    else if (!/[几百]/.test(raw)) n = chineseNumber(raw);
    if (n !== null && n > 0 && n < 10000) return { value: n, start: m.index, end: m.index + m[0].length };
  }
  return null;
}

export function readHarm(norm: string, ill: IllSignals): { harm: Harm; span: { start: number; end: number } | null } {
  const anyIll = ill.strong.length > 0 || ill.mild.length > 0;
  let state: Ill = 'none';
  if (anyIll)
    state =
      ill.recovered && !ill.strong.some((s) => /住院|医院|急诊|抢救|输液|吊/.test(s))
        ? 'past'
        : ill.current || ill.strong.length > 0
          ? 'now'
          : 'past';
  const vulnerable: Vulnerable[] = [];
  for (const [v, re] of VULN_RES) if (re.test(norm) && !vulnerable.includes(v)) vulnerable.push(v);
  // Pupils are children too, but say the more specific one once.
  if (vulnerable.includes('pupils') && vulnerable.includes('children') && !/孩子|小孩|儿子|闺女|女儿|娃/.test(norm))
    vulnerable.splice(vulnerable.indexOf('children'), 1);
  const count = anyIll ? countOf(norm) : null;
  const first = ill.strong[0] ?? ill.mild[0];
  const at = first !== undefined ? norm.indexOf(first) : -1;
  const span =
    count !== null ? { start: count.start, end: count.end } : at >= 0 && first !== undefined ? { start: at, end: at + first.length } : null;
  return { harm: { ill: state, count: count?.value ?? null, vulnerable }, span };
}
