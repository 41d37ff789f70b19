// Text handling shared by the triage classifier and the gazetteer: normalisation, clauses, and a
// keyword matcher compiled once per family. Everything here is total: any string in, no throw.
import { memoLast } from '../lib/memo-last.ts';

/** The analysed text is capped so a 1 MB paste costs the same as a 5,000-character one. */
export const MAX_ANALYSED_CHARS = 5000;
/** Raw input beyond this is dropped before tag stripping, which bounds the regex work too. */
const MAX_RAW_CHARS = 20000;

const ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,6}|#39);/gi, (m, body: string) => {
    const lower = body.toLowerCase();
    if (lower.startsWith('#x') || (lower.startsWith('#') && lower !== '#39')) {
      const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
      // Lone surrogates and out-of-range code points would make an invalid string: keep the entity.
      if (!Number.isFinite(code) || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return m;
      return String.fromCodePoint(code);
    }
    return ENTITIES[lower] ?? m;
  });
}

/**
 * Normalise citizen text for matching: drop script/style blocks and HTML tags (block tags become
 * line breaks so words on either side do not merge), decode entities, NFKC (full-width ASCII and
 * punctuation to half-width), drop zero-width characters, lowercase Latin, collapse blanks, cap.
 */
// The classifier hands the same text to the gazetteer and the business extractor: remembering the
// last result saves repeating the work. Text that is already the last output is taken as final
// (normalising twice could only strip tags that entity-decoding produced, which we want kept as text).
export const normaliseText: (raw: unknown) => string = memoLast(normaliseUncached, { idempotent: true });

function normaliseUncached(raw: unknown): string {
  let s = typeof raw === 'string' ? raw : raw == null ? '' : String(raw);
  if (s.length > MAX_RAW_CHARS) s = s.slice(0, MAX_RAW_CHARS);
  s = s
    .replace(/<(script|style)\b[^>]{0,500}>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<\/?(br|p|div|li|ul|ol|tr|td|h[1-6]|table|section|article)\b[^>]{0,500}>/gi, '\n')
    .replace(/<\/?[a-z][^<>]{0,500}>/gi, '')
    .replace(/<!--[\s\S]{0,2000}?-->/g, '');
  s = decodeEntities(s);
  s = s.normalize('NFKC');
  s = s.replace(/[\u200b-\u200f\u2060\ufeff\u00ad]/g, '');
  s = s.toLowerCase();
  s = s
    .replace(/[ \t\u3000]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (s.length > MAX_ANALYSED_CHARS) s = s.slice(0, MAX_ANALYSED_CHARS);
  return s;
}

/** Characters that end a clause (after NFKC: ，→, ？→? ！→! ；→; ：→:). */
const CLAUSE_BREAK = /[。!?;,\n、…~]/;

export interface Clause {
  start: number;
  end: number;
  text: string;
}

export function splitClauses(s: string): Clause[] {
  const out: Clause[] = [];
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const ch = s[i];
    if (i === s.length || (ch !== undefined && (CLAUSE_BREAK.test(ch) || softBreak(s, i)))) {
      // Keep the terminating punctuation with the clause: '?' marks a question clause.
      const end = i < s.length ? i + 1 : i;
      if (end > start) out.push({ start, end, text: s.slice(start, end) });
      start = end;
    }
  }
  return out;
}

const HAN_CHAR = /\p{Script=Han}/u;
const PICTOGRAPH = /\p{Extended_Pictographic}/u;

/**
 * WeChat messages often have no punctuation: a blank between Chinese words, or an emoji, ends a
 * clause there ("买的鸡柳是臭的 我吐了 咋弄" is three clauses, so the closing question does not swallow
 * the story). A blank inside English text does not.
 */
function softBreak(s: string, i: number): boolean {
  const ch = s[i]!;
  // An English sentence's full stop ("…throwing up non-stop. What should we do?"), not a decimal point or a dot
  // inside a word.
  if (ch === '.') return /[A-Za-z)]/.test(s[i - 1] ?? '') && /\s/.test(s[i + 1] ?? '');
  if (ch === ' ') {
    const prev = s[i - 1];
    const next = s[i + 1];
    return (prev !== undefined && HAN_CHAR.test(prev)) || (next !== undefined && HAN_CHAR.test(next));
  }
  const code = ch.charCodeAt(0);
  // Surrogate pairs (most emoji): test the whole code point at its first half.
  if (code >= 0xd800 && code <= 0xdbff) return PICTOGRAPH.test(s.slice(i, i + 2));
  return code >= 0x2600 && code <= 0x27bf && PICTOGRAPH.test(ch);
}

/** Index of the clause containing position `pos` (binary search over ordered clauses). */
export function clauseAt(clauses: readonly Clause[], pos: number): Clause | undefined {
  let lo = 0;
  let hi = clauses.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = clauses[mid];
    if (c === undefined) return undefined;
    if (pos < c.start) hi = mid - 1;
    else if (pos >= c.end) lo = mid + 1;
    else return c;
  }
  return undefined;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A literal keyword with guards on its immediate neighbours (to rule out words that only look alike). */
export interface Term {
  w: string;
  weight?: number;
  /** The match is void if the text right before it ends with one of these. */
  notAfter?: readonly string[];
  /** The match is void if the text right after it starts with one of these. */
  notBefore?: readonly string[];
}

export interface Hit<T extends Term> {
  term: T;
  index: number;
  text: string;
}

/**
 * Compiles a family of literal terms into one alternation (longest first, so the longest term at a
 * position wins) and returns every non-void match. One regex pass per family keeps the classifier
 * far above the 2,000 texts/s target.
 */
export class TermMatcher<T extends Term> {
  private readonly re: RegExp | null;
  private readonly byWord = new Map<string, T>();

  constructor(terms: readonly T[]) {
    for (const t of terms) {
      if (t.w.length > 0 && !this.byWord.has(t.w)) this.byWord.set(t.w, t);
    }
    const words = [...this.byWord.keys()].sort((a, b) => b.length - a.length);
    this.re = words.length > 0 ? new RegExp(words.map(escapeRegExp).join('|'), 'g') : null;
  }

  match(s: string): Hit<T>[] {
    const out: Hit<T>[] = [];
    if (this.re === null || s.length === 0) return out;
    this.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = this.re.exec(s)) !== null) {
      const word = m[0];
      const term = this.byWord.get(word);
      if (term !== undefined && !isVoid(s, m.index, word.length, term)) {
        out.push({ term, index: m.index, text: word });
      }
    }
    return out;
  }
}

function isVoid(s: string, index: number, len: number, t: Term): boolean {
  if (t.notAfter !== undefined) {
    const before = s.slice(Math.max(0, index - 6), index);
    for (const p of t.notAfter) if (before.endsWith(p)) return true;
  }
  if (t.notBefore !== undefined) {
    const after = s.slice(index + len, index + len + 6);
    for (const p of t.notBefore) if (after.startsWith(p)) return true;
  }
  return false;
}

function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Count of Han characters, Latin letters and digits (of normalised, lowercased text): its "content". */
export function contentLength(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0) ?? 0;
    if ((cp >= 0x61 && cp <= 0x7a) || (cp >= 0x30 && cp <= 0x39) || isHan(cp)) n++;
  }
  return n;
}

export function hanLength(s: string): number {
  let n = 0;
  for (const ch of s) if (isHan(ch.codePointAt(0) ?? 0)) n++;
  return n;
}
