// Person names in Chinese case texts, with or without a cue word: 经营者：甄士隐, 宋雨桐跟我说…, 老板叫彭二毛,
// 牛得草、鲍春来两人… Pure and fast; offsets index the string given (callers pass a same-length
// normalised text). Used by the anonymiser (src/publication/anonymiser.ts) next to its own detectors.
//
// A candidate is a surname (≈ 480 single, 60 compound) + one or two given characters that are not
// function words or common nouns. It is a name when
//   - a strong cue precedes it (经营者：, 户名, 收件人, 我叫, 名叫 …), or
//   - a cue or a clause boundary precedes it (同事, 老公, 司机, 跟, 和, 、, start, punctuation) AND what
//     follows is what follows a name (在, 说, 跟, 家, 的, 、, punctuation, a phone …).
// Bare nicknames (黑蛋) are names only right after a cue. Words that merely look like names
// (郑州, 黄色, 周末 …) are listed in NOT_NAMES.
import {
  ADDRESS_TITLES,
  AFTER_NAME,
  COMPOUND_SURNAMES,
  CUE_ONLY_SURNAMES,
  NAME_CUES,
  NICK_FIRST,
  NICK_LAST,
  NOT_GIVEN,
  NOT_GIVEN_WORDS,
  NOT_NAMES,
  SINGLE_SURNAMES,
  SOFT_GIVEN,
  STRONG_AFTER_NAME,
  STRONG_NAME_CUES,
  TYPICAL_GIVEN,
} from './pii.lexicon.ts';

export interface NameSpan {
  start: number;
  end: number;
}

const isHan = (ch: string): boolean => /^[\u3400-\u9fff]$/.test(ch);
const BOUNDARY = /[\s,.;:!?，。；：！？、（）()“”"'《》【】[\]|/~-]/;
const TITLES_BY_LENGTH = [...ADDRESS_TITLES].sort((a, b) => b.length - a.length);
const CUES_BY_LENGTH = [...NAME_CUES].sort((a, b) => b.length - a.length);
const CONNECTORS: ReadonlySet<string> = new Set(['和', '跟', '与', '同', '及', '、', '还有', '以及', '给', '让', '替', '帮']);
const FILLER_RE = /[\s:：]*(?:是|为|叫他|叫她|叫|叫做|名叫)?[\s:：]*$/;
/** Shop and place words after a surname-like start: 滕家牛肉面馆, 郭店镇. */
const PLACE_AFTER_RE =
  /^(?:家?(?:家常|牛肉|羊肉|烧烤|面馆|饭店|超市|小厨|菜馆|卤肉|熟食|食品|水煎包|胡辣汤|烩面|快餐|餐饮|掌柜|记|氏)|[店馆铺厂坊镇乡村庄寨屯市县区路街巷])/;

interface Cue {
  strong: boolean;
  connector: boolean;
  /** The cue introduces a shop's name (店叫…): no person here. */
  shop?: boolean;
}

function cueBefore(s: string, i: number): Cue | null {
  const before = s.slice(Math.max(0, i - 12), i);
  const filler = FILLER_RE.exec(before)?.[0] ?? '';
  const head = before.slice(0, before.length - filler.length);
  if (/叫/.test(filler)) {
    // 店叫…, 一家叫…的: the name of a shop, not of a person.
    if (/(?:店|馆|商家|公司|超市|市场|地方|厂|作坊|品牌|牌子|平台|配餐|一家|一个)$/.test(head))
      return { strong: false, connector: false, shop: true };
    return { strong: true, connector: false };
  }
  for (const c of CUES_BY_LENGTH) {
    if (!head.endsWith(c)) continue;
    const colon = /[:：]/.test(filler);
    const naming = /叫/.test(filler) || c.endsWith('叫');
    return { strong: STRONG_NAME_CUES.has(c) || colon || naming, connector: CONNECTORS.has(c) };
  }
  // Whoever sells / makes / keeps something: 卖羊肉的訾大海, 炸麻糖嘞耿三, 养羊的秦铁锤.
  if (filler === '' && /(?:卖|做|开|养|杀|炸|送|收|拉|种|烤|煮)[^用，。,.;；!！?？\s]{0,5}(?:的|嘞|哩)$/.test(head) && !/用的$/.test(head))
    return { strong: true, connector: false };
  // Any …人 role (承包人, 经手人), …员 / …长 role (检验员, 店长, 厨师长) directly before.
  if (
    filler === '' &&
    /人$/.test(head) &&
    s.charAt(i) !== '员' &&
    !/(?:别人|他人|有人|没人|个人|好人|坏人|多人|等人|众人|外人|老人|病人|家人|大人|这人|那人|此人|的人|人人)$/.test(head)
  )
    return { strong: false, connector: false };
  if (filler === '' && /[员长]$/.test(head) && !/(?:成员|人员|会员|官员|动员|增长|成长|家长会)$/.test(head))
    return { strong: false, connector: false };
  // A form field: 审核：…, 经办人（签字）：…
  if (/[\u3400-\u9fff)）][:：]\s*$/.test(before)) return { strong: true, connector: false };
  return null;
}

function rightOk(s: string, e: number): boolean {
  if (e >= s.length) return true;
  const rest = s.slice(e, e + 4);
  if (PLACE_AFTER_RE.test(rest)) return false;
  if (/^[0-9+\s]/.test(rest)) return true;
  return AFTER_NAME.some((w) => rest.startsWith(w));
}

function givenOk(given: string, soft = false): boolean {
  if (NOT_GIVEN_WORDS.has(given)) return false;
  if (given.length === 2 && NICK_FIRST.has(given.charAt(0)) && NICK_LAST.has(given.charAt(1))) return true;
  return Array.from(given).every((c) => isHan(c) && (!NOT_GIVEN.has(c) || (soft && SOFT_GIVEN.has(c))));
}

/** Not a person although it looks like one (for the anonymiser's cue rules too): 班子, 师长, 连健康. */
export function looksLikeNonName(s: string): boolean {
  return NOT_NAMES.has(s) || NOT_NAMES.has(s.slice(0, 2)) || (s.length === 3 && NOT_GIVEN_WORDS.has(s.slice(1)));
}

const strongAfter = (s: string, e: number): boolean => STRONG_AFTER_NAME.some((w) => s.startsWith(w, e));

function surnamesAt(s: string, i: number): string[] {
  const out: string[] = [];
  const two = s.slice(i, i + 2);
  if (COMPOUND_SURNAMES.includes(two)) out.push(two);
  if (SINGLE_SURNAMES.has(s.charAt(i))) out.push(s.charAt(i));
  return out;
}

const EN_NAME_RE =
  /(?:my name is|name\s*[:：]|contact\s*[:：]|this is|i am|i'm|called|regards,|faithfully,|sincerely,|thanks,|--|—)\s*([A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2})/g;
/** "I'm Fine", "I am Sorry", "I'm Writing…": words after "I'm" that are no name. */
const NOT_A_NAME_AFTER_IM =
  /^(?:Ok|Okay|Fine|Sorry|Not|So|Very|Just|Really|Here|Back|Better|Still|Afraid|Sure|Happy|Glad|Angry|Upset|Worried|Pregnant|Allergic|From|In|At|A|An|The|Writing|Calling|Trying|Going|Living|Staying|Studying|Working|Currently|Now|Also|Done|Ill|Sick|Alright|Well|Good|Scared|Confused|Disappointed|Furious|Shocked)$/;
const EN_PAREN_RE = /\(([A-Z][a-z]+(?: [A-Z][a-z]+)?)\)/g;

/** Latin-script names after an English cue (My name is Olivia Brandt; — Sarah Mitchell; (Aisha)). */
function englishNames(s: string): NameSpan[] {
  const out: NameSpan[] = [];
  for (const re of [EN_NAME_RE, EN_PAREN_RE]) {
    for (const m of s.matchAll(new RegExp(re.source, re === EN_NAME_RE ? 'gi' : 'g'))) {
      // The cue is read in any case, the name only capitalised ("I'm OK now", "i am fine" name nobody).
      const name = /^[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2}/.exec(m[1] ?? '')?.[0] ?? '';
      if (
        !name ||
        (re === EN_NAME_RE && /^(?:i am|i'm)/i.test(m[0]) && NOT_A_NAME_AFTER_IM.test(name.split(/[ -]/)[0] ?? '')) ||
        /^(?:I|The|This|We|My|Our|Your|Shop|Store|Restaurant|Hotel|Market|Mr|Mrs|Ms)$/.test(name.split(' ')[0] ?? '')
      )
        continue;
      const start = (m.index ?? 0) + m[0].length - name.length;
      // "a restaurant called Silk Road Kebab": a place, not a person.
      const around = s.slice(start, start + name.length + 30);
      if (
        /\b(?:Road|Street|Kebab|House|Restaurant|Shop|Store|Wine|Market|Hotel|Bar|Cafe|Café|Kitchen|Mart|Supermarket|Bakery|Hotpot|Noodles?|Foods?|Company|Co\.|Ltd)\b/.test(
          around,
        )
      )
        continue;
      out.push({ start, end: start + name.length });
    }
  }
  return out;
}

/** Names found in `s` (non-overlapping, sorted). `blocked` marks spans already taken (phones, addresses, kept words). */
/** Surnames too rare to outweigh the words they start (家, 年, 怀). */
const RARE_WORD_SURNAMES: ReadonlySet<string> = new Set(['家', '年', '怀', '能', '有', '都', '从', '经']);

export function findPersonNames(s: string, blocked: (start: number, end: number) => boolean = () => false): NameSpan[] {
  const found: NameSpan[] = [];
  const free = (a: number, b: number): boolean => !blocked(a, b) && !found.some((f) => f.start < b && a < f.end);
  for (let i = 0; i < s.length; i++) {
    if (!isHan(s.charAt(i))) continue;
    const prev = s.charAt(i - 1);
    if (isHan(prev) && '老小阿'.includes(prev) && !cueBefore(s, i - 1)) continue; // 老王, 小李: nicknames of shops/people without a given name
    const cue = cueBefore(s, i);
    // A quoted word is a brand or a shop (“茅台”, “麦香园”), not a person, unless a cue names it.
    if ('“「『"\''.includes(prev) && prev !== '' && !cue?.strong) continue;
    if (cue?.shop) continue;
    const boundary = i === 0 || BOUNDARY.test(prev) || cue !== null;
    // A bare given name after a naming cue: 叫芊芊, 叫她小翠, 叫喜旺。
    if (cue?.strong && /叫/.test(s.slice(Math.max(0, i - 3), i))) {
      const a = s.charAt(i);
      const b = s.charAt(i + 1);
      if (
        isHan(a) &&
        isHan(b) &&
        (a === b || a === '小') &&
        !NOT_GIVEN.has(b) &&
        (i + 2 >= s.length || BOUNDARY.test(s.charAt(i + 2)) || s.charAt(i + 2) === '姐') &&
        free(i, i + 2)
      ) {
        found.push({ start: i, end: i + 2 });
        continue;
      }
    }
    const soft = cue !== null && !cue.connector;
    let taken = false;
    for (const sur of surnamesAt(s, i)) {
      if (RARE_WORD_SURNAMES.has(sur)) continue;
      if (CUE_ONLY_SURNAMES.has(sur) && !(cue && !cue.connector)) continue;
      const j = i + sur.length;
      if (!boundary) {
        // No cue and no boundary on the left: only a sure right side makes it a name (查一下卜凡这个人),
        // or after 的/是 a full name of typical characters that ends a clause (单位的贝志刚，).
        const typical = (l: number): boolean =>
          l === 2 &&
          '的是'.includes(prev) &&
          Array.from(s.slice(j, j + 2)).every((c) => TYPICAL_GIVEN.has(c)) &&
          (j + 2 >= s.length || BOUNDARY.test(s.charAt(j + 2)) || rightOk(s, j + 2));
        const len = [2, 1].find(
          (l) => s.slice(j, j + l).length === l && givenOk(s.slice(j, j + l)) && (strongAfter(s, j + l) || typical(l)),
        );
        if (len !== undefined && !NOT_NAMES.has(s.slice(i, i + 2)) && free(i, j + len)) {
          found.push({ start: i, end: j + len });
          taken = true;
          break;
        }
        continue;
      }
      // Surname + form of address: 訾师傅, 甄女士 (after a cue or a boundary; not 王老板烧烤).
      const title = TITLES_BY_LENGTH.find((t) => s.startsWith(t, j));
      if (title && (title.length > 1 || cue) && !PLACE_AFTER_RE.test(s.slice(j + title.length, j + title.length + 4))) {
        if (!NOT_NAMES.has(s.slice(i, i + 2)) && !NOT_NAMES.has(s.slice(i, j + title.length)) && free(i, j + title.length)) {
          found.push({ start: i, end: j + title.length });
          taken = true;
          break;
        }
      }
      for (const len of [2, 1]) {
        const given = s.slice(j, j + len);
        if (given.length !== len || !givenOk(given, soft)) continue;
        const name = sur + given;
        const e = j + len;
        const placeSurname = sur.length === 2 && cue?.strong === true;
        if (NOT_NAMES.has(name) || (!placeSurname && (NOT_NAMES.has(s.slice(i, i + 2)) || NOT_NAMES.has(s.slice(i, i + 3))))) break;
        if (len === 1 && '子儿'.includes(given) && !cue?.strong) continue;
        if (PLACE_AFTER_RE.test(s.slice(e - 1, e + 4)) && !cue?.strong) continue; // 张飞牛|肉: the name would cut a food word
        const ok = rightOk(s, e);
        if (!ok && !(cue?.strong && len === 2 && !PLACE_AFTER_RE.test(s.slice(e, e + 4)))) continue;
        if (!ok && cue?.strong && len === 2 && rightOk(s, e - 1)) continue; // prefer the shorter name that ends cleanly
        // Under a strong cue a fourth character that ends the name is part of it: 佟佳慧敏，, 贺兰子墨 电话.
        let end = e;
        const next = s.charAt(e);
        if (
          cue?.strong &&
          len === 2 &&
          sur.length === 1 &&
          isHan(next) &&
          !NOT_GIVEN.has(next) &&
          !TITLES_BY_LENGTH.some((t) => s.startsWith(t, e))
        )
          if (e + 1 >= s.length || BOUNDARY.test(s.charAt(e + 1))) end = e + 1;
        if (free(i, end)) {
          found.push({ start: i, end });
          taken = true;
        }
        break;
      }
      if (taken) break;
    }
    // A bare nickname right after a cue: 还有黑蛋, 司机叫二愣.
    if (!taken && cue && !cue.connector) {
      const nick = s.slice(i, i + 2);
      if (
        nick.length === 2 &&
        NICK_LAST.has(nick.charAt(1)) &&
        (NICK_FIRST.has(nick.charAt(0)) || isHan(nick.charAt(0))) &&
        rightOk(s, i + 2)
      ) {
        if (!NOT_NAMES.has(nick) && !NOT_GIVEN.has(nick.charAt(0)) && free(i, i + 2)) found.push({ start: i, end: i + 2 });
      }
    }
  }
  for (const n of englishNames(s)) if (free(n.start, n.end)) found.push(n);
  // The same name elsewhere in the text.
  for (const f of [...found]) {
    const name = s.slice(f.start, f.end);
    for (let k = s.indexOf(name); k >= 0; k = s.indexOf(name, k + 1)) {
      if (!PLACE_AFTER_RE.test(s.slice(k + name.length, k + name.length + 4)) && free(k, k + name.length))
        found.push({ start: k, end: k + name.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}
