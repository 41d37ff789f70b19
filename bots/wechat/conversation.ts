// The conversation: a pure machine over a draft, in Chinese (English when the citizen writes English).
// No I/O here: `handle` takes the state and one inbound message and returns the next state, the replies
// and at most one effect (submit, query, list, hand-off, answer) for the runner to carry out; `resolve`
// takes the effect's result back in. The payload it builds is exactly the API's SubmissionSchema input.
//
// Every text message is read whole before any of it is taken as an answer: first what the citizen is
// doing (acts.ts: cancel, status, correction, change of kind, frustration, a person), then the questions
// it asks (answered from src/knowledge), then the facts the understanding engine finds anywhere in it
// (slots.ts), and only then the answer to the question the bot asked, checked for being what it should
// be. The bot asks only for what the kind still needs, one thing at a time.
import { crimeWordsIn } from '../../src/understanding/crime.ts';
import { createHash } from 'node:crypto';
import { TOWNSHIPS } from '../../src/cases/divisions.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { answerOf, type Topic, topicsOf, WHATEVER_IS_DUE } from '../../src/knowledge/faq.ts';
import { fixTypos } from '../../src/understanding/normalise.ts';
import { fromPinyin } from './pinyin.ts';
import { type Understanding, understand } from '../../src/understanding/understand.ts';
import { REFUSES_REAL_NAME } from '../../src/understanding/wishes.ts';
import { type LlmFacts, withLlmFacts } from '../../src/understanding/llm.ts';
import {
  type Acts,
  CASE_NO,
  type Correction,
  PARTIAL_CASE_NO,
  detectActs,
  kindWanted,
  normaliseNumber,
  slotNamed,
  NOT_DECIDED_YET,
  KINDS_NOT_UNDERSTOOD,
} from './acts.ts';
import { correctedDay, parseIncidentDate } from './dates.ts';
import {
  A_NOT_A,
  EVIDENCE_KEPT,
  ACT_MARKERS,
  MARKET_DAY,
  PROBLEM_WORDS,
  type Draft,
  type FileRef,
  type Kind,
  type Slot,
  clearSlot,
  fillFromFacts,
  fillIdentity,
  filled,
  slotsFor,
  findIdNumber,
  missing,
  parseAnonymous,
  parseYesNo,
  readAnswer,
  requestOf,
  setSlot,
  editableSlots,
  toSubmission,
  townshipOf,
  unnamedBusiness,
  onlinePlatform,
} from './slots.ts';
import { HELP, KIND_LABEL, type Lang, MENU, question, shortQuestion, W } from './wording.ts';

export type { Draft, FileRef, Kind, Slot } from './slots.ts';
export { parseYesNo, toSubmission } from './slots.ts';
export { MENU, HELP } from './wording.ts';

export type Step = 'menu' | Slot | 'summary' | 'handoff';

export interface ConvState {
  v: 2;
  step: Step;
  draft: Draft;
  /** Idempotency key of the submission: a retry after a crash returns the same case. */
  draftId: string;
  /** The question the citizen's last message came in answer to (a message sent again to a new question may answer it). */
  lastStep?: Step;
  /** Epoch ms of the citizen's last message. */
  lastAt: number;
  reminded: boolean;
  /** A digest of the last message (to notice the same message sent twice); never the text, which may hold a query code. */
  lastText: string | null;
  /** The last question answered on the spot, in case the citizen then wants a written answer (expires with the chat). */
  lastQuestion?: string;
  /** A case number asked about without its code: the code may come in the next message (never stored itself). */
  pendingQuery?: string;
  /** The status last read back in this chat (number and state, never the query code): told again when asked. */
  lastStatus?: string;
  /** The slot the citizen's last answer filled ("地址错了" right after the home address is about that one). */
  lastSlot?: Slot;
  /** What the bot's last reply raised besides its question (a reward explained): a bare "要" next is read against it. */
  lastTopic?: 'reward' | 'anonymous';
  /** The knowledge-base topic last answered outside a draft: "那要是已经喝了一口呢" follows it up. */
  lastFaq?: Topic;
  repeats: number;
  /** Where to go back after 人工 or a query made in the middle of a draft. */
  resumeStep: Step | null;
  lang: Lang;
  /** How often each thing was asked in this draft (a second time is a failure of the bot). */
  asked: Partial<Record<Slot | 'menu', number>>;
  /** Messages in a row the bot could not use. */
  misses: number;
  /** The item the last unusable message was read as and refused for (a second such refusal leaves it open). */
  failed?: Slot | undefined;
  /** Things said once per draft (illness advice, urgent hand-off, what anonymity keeps). */
  said: string[];
  /** Cases filed in this chat: number and a fingerprint of the facts, to catch the same report twice. */
  filed: { number: string; fp: string }[];
  /** An anonymous report asking for a reward was just filed: the next message may be its claim password (never stored). */
  claimFor?: string;
  /** A case number cut off at the end of the last message ("XZ-20261202-"): its date part (not secret). */
  partialNumber?: string;
  /** The last reply asked which kind (投诉、举报，还是两样都要): the next message may answer it without a story yet. */
  askedKind?: boolean;
  /** The draft just called off ("算了 不弄了"), kept until a new one starts, in case the citizen comes back ("还是投吧"). */
  undo?: { draft: Draft; step: Step; asked?: ConvState['asked'] };
  /** Something new told beside a status query (its number and code taken out): offered to be filed as a new case. */
  aside?: string;
}

export type Inbound =
  | { type: 'text'; text: string }
  | { type: 'file'; ref: FileRef }
  | { type: 'file_rejected'; reason: 'too_big' | 'bad_type' | 'too_many'; maxFiles: number; maxMb: number }
  | { type: 'media'; media: 'voice' | 'video' | 'location' | 'sticker' | 'link' | 'other'; text?: string };

export type Effect =
  | { type: 'submit'; payload: ReturnType<typeof toSubmission>; files: FileRef[]; idempotencyKey: string }
  | { type: 'query'; number: string; code: string }
  | { type: 'list' }
  | { type: 'handoff'; message: string }
  | { type: 'answer'; number: string; answer: string }
  | { type: 'claimPassword'; number: string; password: string };

export interface PublicDeadline {
  text: string;
  due: string | null;
}

export type EffectResult =
  | {
      type: 'submit';
      ok: true;
      cases: { number: string; kind: string }[];
      queryCode: string;
      /** The running deadlines, read back from the status page right after filing. */
      deadlines?: PublicDeadline[];
      /** Set when the server filed a second, linked case beside the one asked for (auto-split): what it tells the citizen. */
      splitNote?: string;
    }
  | { type: 'submit'; ok: false; fields: { path: string; message: string }[]; message: string }
  | {
      type: 'query';
      ok: true;
      status: {
        number: string;
        kindLabel: string;
        status: string;
        timeline: { at: string; text: string }[];
        deadlines?: PublicDeadline[];
      };
    }
  | { type: 'list'; ok: true; cases: { number: string; kindLabel: string; status: string; receivedAt: string }[] }
  | { type: 'handoff'; ok: true }
  | { type: 'answer'; ok: true; number: string }
  | { type: 'answer'; ok: false; number: string; notFound?: boolean; noQuestion?: boolean; unavailable?: boolean; message?: string }
  | { type: 'claimPassword'; ok: boolean; number: string; notFound?: boolean; unavailable?: boolean; message?: string }
  | { type: 'query' | 'list' | 'handoff'; ok: false; notFound?: boolean; unavailable?: boolean }
  | { type: 'submit'; ok: false; unavailable: true };

export interface Outcome {
  state: ConvState;
  replies: string[];
  effect?: Effect;
}

/** Longest message the bot reads; longer ones get a calm answer instead. */
export const MAX_MESSAGE_CHARS = 2000;

export function newState(draftId: string, now: number): ConvState {
  return {
    v: 2,
    step: 'menu',
    draft: { files: [] },
    draftId,
    lastAt: now,
    reminded: false,
    lastText: null,
    repeats: 0,
    resumeStep: null,
    lang: 'zh',
    asked: {},
    misses: 0,
    said: [],
    filed: [],
  };
}

// ---------------------------------------------------------------------------------------------------
// Wording helpers

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p);
const maskId = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

function prompt(step: Step, d: Draft, lang: Lang): string {
  if (step === 'menu') return question('kind', d, lang);
  if (step === 'summary') return summary(d, lang);
  if (step === 'handoff')
    return lang === 'en'
      ? 'Please type your message for staff; they will handle it on working days. Reply "cancel" to skip.'
      : '好的，转人工：请把想对工作人员说的话发给我，我会转给人工处理，工作日会有人跟进。不留言了请回复“取消”。';
  return question(step, d, lang);
}

export function summary(d: Draft, lang: Lang = 'zh'): string {
  const kind = d.kind ?? 'consultation';
  const label = KIND_LABEL[lang][kind];
  const en = lang === 'en';
  const complaint = kind === 'complaint' || kind === 'both';
  const L = (zh: string, e: string) => (en ? e : zh);
  const lines = [
    W[lang].summaryHead(label),
    `${L('类型', 'Type')}：${label}`,
    `${kind === 'consultation' ? L('问题', 'Question') : L('经过', 'What happened')}：${clip(d.description ?? '', 300)}`,
  ];
  if (kind !== 'consultation') {
    lines.push(`${L('商家', 'Business')}：${d.businessName ?? L('不清楚', 'unknown')}`);
    lines.push(`${L('地点', 'Place')}：${d.where ?? ''}${d.township && d.where !== d.township ? `（${d.township}）` : ''}`);
    lines.push(`${L('时间', 'Date')}：${d.incidentDate ?? L('记不清', 'not remembered')}`);
  }
  if (complaint) lines.push(`${L('诉求', 'Request')}：${d.request ?? ''}`);
  if (kind === 'report') lines.push(`${L('匿名', 'Anonymous')}：${d.anonymous ? L('是', 'yes') : L('否，实名举报', 'no, real name')}`);
  if (kind !== 'consultation' && !(kind === 'report' && d.anonymous)) {
    lines.push(`${L('姓名', 'Name')}：${d.name ?? ''}`, `${L('电话', 'Phone')}：${maskPhone(d.phone ?? '')}`);
    if (complaint) lines.push(`${L('联系地址', 'Address')}：${d.address ?? ''}`);
  }
  if (kind === 'report' || (kind === 'both' && d.wantsReward))
    lines.push(
      `${L('申请奖励', 'Reward')}：${d.wantsReward ? L('是', 'yes') : L('否', 'no')}${d.idNumber ? `（${maskId(d.idNumber)}）` : d.wantsReward && d.idNumber === null ? L('（身份证领奖时核对）', ' (ID card checked at the claim)') : ''}`,
    );
  // Consent to publication is asked here, not as a question of its own: no unless the citizen says so.
  if (complaint)
    lines.push(
      d.consentToPublish
        ? L('办完后隐去个人信息公开结果：同意', 'Publish the outcome without personal data: yes')
        : L(
            '办完后隐去个人信息公开结果：不同意（同意的话回复“确认，同意公开”）',
            'Publish the outcome without personal data: no (to allow it, reply "yes, publish")',
          ),
    );
  if (d.files.length) lines.push(`${L('照片/文件', 'Photos/files')}：${d.files.length}${L('个', '')}`);
  lines.push(W[lang].confirmLine);
  return lines.join('\n');
}

/** What the bot has so far, in one line (for "我刚说了" and reminders). */
function recapOf(d: Draft, lang: Lang): string {
  const en = lang === 'en';
  const parts: string[] = [];
  if (d.kind) parts.push(KIND_LABEL[lang][d.kind]);
  if (d.businessName) parts.push(`${en ? 'business ' : '商家'}${d.businessName}`);
  if (d.where) parts.push(`${en ? 'place ' : '地点'}${d.where}`);
  if (d.incidentDate) parts.push(`${en ? 'date ' : '时间'}${d.incidentDate}`);
  if (d.request) parts.push(`${en ? 'request ' : '诉求'}${clip(d.request, 20)}`);
  if (d.anonymous !== undefined && d.kind === 'report') parts.push(d.anonymous ? (en ? 'anonymous' : '匿名') : en ? 'real name' : '实名');
  if (d.name) parts.push(`${en ? 'name ' : '姓名'}${d.name}`);
  if (d.phone) parts.push(`${en ? 'phone ' : '电话'}${maskPhone(d.phone)}`);
  return parts.join(en ? ', ' : '，');
}

// ---------------------------------------------------------------------------------------------------
// Intent (kept for callers and tests): menu words and free text → what the citizen wants.

export type Intent = Kind | 'query' | 'help' | 'greeting' | null;

export function detectIntent(text: string): { intent: Intent; harm: boolean } {
  const t = text.replace(/[\s，。！？!?,.~～、…]+/g, '');
  const harm = /吃坏|拉肚子|闹肚子|肚子疼|上吐下泻|呕吐|腹泻|中毒|过敏|住院/.test(t);
  if (/^(1|一|投诉)$/.test(t)) return { intent: 'complaint', harm };
  if (/^(2|二|举报)$/.test(t)) return { intent: 'report', harm };
  if (/^(3|三|咨询)$/.test(t)) return { intent: 'consultation', harm };
  if (/^(4|四|查询|查询进度|查进度|进度)$/.test(t)) return { intent: 'query', harm };
  if (/^(5|五|帮助|help|菜单|\?|？)$/i.test(t)) return { intent: 'help', harm };
  const k = kindWanted(t);
  if (k) return { intent: k, harm };
  if (/黑作坊|地沟油|泔水油|病死|死猪|瘦肉精|无证|没有?执照|没有?许可证|非法添加|假冒/.test(t)) return { intent: 'report', harm };
  if (/退款|退钱|退货|赔偿|索赔|维权/.test(t)) return { intent: 'complaint', harm };
  if (harm || /过期|变质|发霉|异物|吃出|喝出|虫子|头发|不新鲜|臭了|坏了/.test(t)) return { intent: 'complaint', harm };
  if (/咨询|请问|问一下|问问|怎么办|能不能|可不可以|是否|吗$|呢$|哪里|怎么|找谁/.test(t)) return { intent: 'consultation', harm };
  if (/^(你好|您好|在吗|在不在|hi|hello|哈喽|嗨|喂|有人吗)/i.test(t)) return { intent: 'greeting', harm };
  return { intent: null, harm };
}

/** Text with no letters, digits or CJK: emoji, stickers sent as text, punctuation only. */
/** A claim password: 6 to 32 printable ASCII characters, one word, and not a word a citizen says instead. */
export function looksLikePassword(text: string): boolean {
  return /^[\x21-\x7e]{6,32}$/.test(text) && !/^(cancel|thanks?|thankyou|hello|status|ok(ay)?|yes|later|skip)[.!]*$/i.test(text);
}

export function isContentless(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

/** English when Latin words clearly outweigh Chinese characters. */
export function languageOf(text: string, current: Lang): Lang {
  // Words with small letters: case numbers and query codes ("XZ-…", "ABCD-EFGH") are no language.
  const latin = (text.match(/[A-Za-z]*[a-z][A-Za-z]*/g) ?? []).filter((w) => w.length > 1).length;
  const cjk = (text.match(/\p{Script=Han}/gu) ?? []).length;
  if (latin >= 2 && latin * 2 > cjk) return 'en';
  if (cjk === 0 && /^\s*(hi|hello|hey|good (morning|afternoon|evening))\b/i.test(text)) return 'en';
  // An English writer answering with a Chinese name ("王记鲜肉", "薛店镇") is still writing English.
  if (current === 'en' && latin === 0 && cjk <= 8 && !/[，。！？；]/.test(text)) return current;
  if (cjk >= 2 && latin < 2) return 'zh';
  return current;
}

// ---------------------------------------------------------------------------------------------------
// The machine

const say = (state: ConvState, ...replies: string[]): Outcome => {
  const text = replies.filter((r) => r !== '').join('\n');
  return { state, replies: text ? [text] : [] };
};

function reset(state: ConvState, draftId: string): ConvState {
  return {
    ...newState(draftId, state.lastAt),
    lang: state.lang,
    lastText: state.lastText,
    filed: state.filed,
  };
}

function hasDraft(state: ConvState): boolean {
  return state.draft.kind !== undefined || state.draft.files.length > 0 || state.draft.description !== undefined || state.step !== 'menu';
}

/** Re-ask the current question after an interruption (a query, help, a file). */
/** The item a step asks for (none for the menu, the summary or a hand-off). */
function slotAsked(step: Step): Slot | null {
  return step === 'menu' || step === 'summary' || step === 'handoff' ? null : step;
}

/**
 * "郭店镇陵后村" for the shop's place, then the same words when the home address is asked: an answer to the new
 * question, not the message sent twice (only a short message that reads as that answer).
 */
function answersNewQuestion(state: ConvState, raw: string, ctx: Context): boolean {
  const slot = slotAsked(state.step);
  return (
    slot !== null &&
    // (The story asked for, the same words again are no more of it; nor is the story sent again an answer.)
    slot !== 'description' &&
    // (The story as stored has its slips mended: "投述" is kept as "投诉".)
    !(state.draft.description ?? '').includes(raw) &&
    !(state.draft.description ?? '').includes(fixTypos(raw)) &&
    state.lastStep !== undefined &&
    state.lastStep !== slot &&
    raw.length <= 30 &&
    readAnswer(slot, raw, understand(raw, { now: ctx.now }), state.draft, ctx.now).ok
  );
}

/** A query code as typed in a message, its groups joined by a dash, a space or nothing. */
function codePattern(code: string): RegExp {
  return new RegExp(
    code
      .split(/[-\s]/)
      .map((p) => p.replace(/[^0-9A-Z]/gi, ''))
      .join('[-\\s]?'),
    'gi',
  );
}

/**
 * What a message tells after its case number and query code that is new ("…编号XZ-…，查询码…。夜儿个俺又看见他们往池子里
 * 倒那药水"): a story, not "到哪一步了" — or null. What comes before the number is the old case, told to point at it.
 */
function newsBesideQuery(raw: string, number: string, code: string, ctx: Context): string | null {
  const codeRe = codePattern(code);
  const numberRe = new RegExp(number.replace(/-/g, '-?'), 'gi');
  let end = -1;
  for (const re of [codeRe, numberRe]) for (const m of raw.matchAll(re)) end = Math.max(end, (m.index ?? 0) + m[0].length);
  if (end < 0) return null;
  const news = raw
    .slice(end)
    .replace(/^[\s，,。.！!；;、]+/, '')
    .trim();
  if (news.length < 12 || !(PROBLEM.test(news) || crimeWordsIn(news).length > 0 || /又|还在|还是|这回|这次|again|still/.test(news)))
    return null;
  const u = understand(news, { now: ctx.now });
  if (!substantive(news, u) || onlyQuestions(news)) return null;
  // The earlier case told before the number names the business and the place: kept after the news, as context.
  const before = raw
    .slice(0, raw.search(numberRe) >= 0 ? raw.search(numberRe) : 0)
    .replace(codeRe, '')
    .replace(/[\s，,。.；;、]*(编号|案件编号|案号|查询码)?[是为:：]?\s*$/, '')
    .trim();
  // (Only when it names the business or the place; its "举报过" says what was done then, not what is wanted now.)
  const ub = understand(before, { now: ctx.now });
  const context = before.length >= 6 && (ub.business.value || ub.place.value) ? before.replace(/(举报|投诉)(过|了)/g, '反映$2') : '';
  return clip(context ? `${news}\n（此前反映：${context}）` : news, 2000);
}

function resumeLine(state: ConvState): string[] {
  return hasDraft(state) && state.step !== 'menu' && state.step !== 'handoff'
    ? [W[state.lang].resume(prompt(state.step, state.draft, state.lang))]
    : [];
}

export interface Context {
  now: Date;
  /** A fresh id for the next draft (the runner supplies randomness). */
  newDraftId: string;
  /** Facts an optional model read in this message (src/understanding/llm.ts); they fill only what the rules miss. */
  llmFacts?: LlmFacts | null;
}

/** An emoji with its modifiers and joined parts (🙋‍♀️, 👍🏻, ☀️). */
const EMOJI =
  /\p{Extended_Pictographic}(?:\uFE0F|[\u{1F3FB}-\u{1F3FF}])?(?:\u200d(?:\p{Extended_Pictographic}|[\u2640\u2642])\uFE0F?)*\uFE0F?/gu;
const EMOJI_RUN = new RegExp(`[ \\t]*(?:${EMOJI.source})+[ \\t]*`, 'gu');

export function handle(prev: ConvState, input: Inbound, ctx: Context): Outcome {
  const state: ConvState = { ...migrate(prev), lastAt: ctx.now.getTime(), reminded: false };
  const w = W[state.lang];

  if (input.type === 'file') {
    const files = [...state.draft.files, input.ref];
    const s = { ...state, draft: { ...state.draft, files } };
    if (!s.draft.kind) return say(s, w.files(files.length, null));
    return say(s, w.files(files.length, KIND_LABEL[s.lang][s.draft.kind]), ...resumeLine(s));
  }
  if (input.type === 'file_rejected') {
    const why =
      input.reason === 'too_big'
        ? `这个文件太大了，每个不能超过${input.maxMb}MB，可以压缩一下或挑重点发。`
        : input.reason === 'too_many'
          ? `最多只能发${input.maxFiles}个文件，这个就不收了。`
          : '这种文件我收不了。照片（JPG、PNG、GIF、WEBP、HEIC）、PDF 或短视频（MP4、MOV）都可以。';
    return say(state, why, ...resumeLine(state));
  }
  if (input.type === 'media') {
    switch (input.media) {
      case 'voice':
        return say(state, '抱歉，我暂时听不了语音，麻烦打字告诉我。', ...resumeLine(state));
      case 'video':
        return say(state, '这个视频我没能收下（可能太大了，每个不能超过限制）。可以截几张图发给我。', ...resumeLine(state));
      case 'sticker':
        return say(state, '收到您的表情啦。麻烦用文字告诉我。', ...resumeLine(state));
      case 'link':
        return say(state, '链接我打不开。如果是网上买的，请告诉我平台和店铺名，截图发给我也行。', ...resumeLine(state));
      case 'location':
        if (input.text && (state.step === 'where' || (state.draft.kind && !filled('where', state.draft)))) {
          const d = { ...state.draft };
          setSlot(d, 'where', input.text.slice(0, 200));
          return next({ ...state, draft: d }, [w.ok], ctx);
        }
        return say(state, '收到位置了。等我问到地点时再发，或者直接打字告诉我地址。', ...resumeLine(state));
      default:
        return say(state, '这种消息我看不了，麻烦打字告诉我。', ...resumeLine(state));
    }
  }

  // Text.
  let raw = input.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, '').trim();
  if (raw.length > MAX_MESSAGE_CHARS) return say(state, w.tooLong(MAX_MESSAGE_CHARS), ...resumeLine(state));
  if (state.claimFor) {
    // Right after an anonymous reward report: a password-like reply sets its claim password. The password goes
    // to the server only; it is not kept in the state, not digested, not read as text.
    const number = state.claimFor;
    const { claimFor: _drop, ...rest } = state;
    if (looksLikePassword(raw)) return { state: rest, replies: [], effect: { type: 'claimPassword', number, password: raw } };
    if (/^(不用了?|不设了?|不要了?|以后再说|回头再说|先不(设|用)?了?|跳过|算了|没必要|skip|later|not now|no)[。.!！]?$/i.test(raw))
      return say(rest, W[state.lang].claimLater(number));
    return handle(rest, input, ctx);
  }
  const digest = createHash('sha256').update(raw).digest('hex').slice(0, 16);
  // The same message again: "got it already" — unless it was not taken the first time (a wrong ID number
  // sent again, an answer not understood), when it is read again and the second miss offers a person.
  // A place sent again when the name was asked once more is the citizen's answer, not a double send.
  const insisting = state.step === 'business' && state.draft.businessUnknownOnce === true && state.draft.businessName === undefined;
  // The words left for the staff, sent again when the interrupted question comes back, answer that question.
  const afterHandoff = state.lastStep === 'handoff' && slotAsked(state.step) !== null;
  if (
    raw.length > 5 &&
    digest === state.lastText &&
    state.misses === 0 &&
    !insisting &&
    !afterHandoff &&
    !answersNewQuestion(state, raw, ctx)
  ) {
    // The same answer again to a question asked again (the first was not taken): the citizen means it as the
    // answer. It is not asked a third time: the item is left open (or taken as said) and the conversation goes on.
    const slot = slotAsked(state.step);
    if (slot !== null && state.lastStep === slot && !ACT_MARKERS.test(raw) && !isQuestion(raw)) {
      const d: Draft = { ...state.draft, files: [...state.draft.files] };
      const gaveUp = giveUpOn(slot, raw, d);
      if (gaveUp !== null) return next({ ...state, draft: d, misses: 0, failed: undefined }, [gaveUp[state.lang]], ctx);
    }
    const repeats = state.repeats + 1;
    const s = { ...state, repeats };
    return repeats === 1 ? say(s, w.repeat, ...resumeLine(s)) : say(s);
  }
  // "wo yao tou su", "ke yi": pinyin typed without picking characters is read as the characters.
  raw = fromPinyin(raw);
  const lang = languageOf(raw, state.lang);
  // A thumbs-up or an OK sign answers yes; a crossed hand no (only when that is all the message says).
  if (/^(👌|👍|✅|🆗|✔️?|🙆(?:\u200d?[♂♀]️?)?)+$/u.test(raw))
    return onText({ ...state, lastText: digest, repeats: 0, lang }, lang === 'en' ? 'yes' : '好', ctx);
  if (/^(🙅(?:\u200d?[♂♀]️?)?|❌|👎|✖️?)+$/u.test(raw))
    return onText({ ...state, lastText: digest, repeats: 0, lang }, lang === 'en' ? 'no' : '不', ctx);
  const s0: ConvState = { ...state, lastText: digest, lastStep: state.step, repeats: 0, lang };
  // "？" sent back to a question: the question said again more simply.
  if (/^[?？]+$/.test(raw)) {
    const pending = isSlot(s0.step) ? s0.step : s0.step === 'menu' && hasDraft(s0) && !s0.draft.kind ? 'kind' : null;
    if (pending) return say(s0, `${lang === 'en' ? 'I mean: ' : '我是问：'}${shortQuestion(pending, lang)}`);
  }
  if (raw === '' || isContentless(raw)) return say(s0, W[lang].contentless, ...(hasDraft(s0) ? resumeLine(s0) : [MENU[lang]]));
  // Homophone slips ("投述", "举包", "退宽") are mended before reading, as an operator writing the record would.
  // WeChat's emoji codes ("[捂脸]", "[微笑]") and emoji beside words ("有奖励不🤑", "举报🙋‍♀️ 有人…") carry no words.
  const words = raw
    .replace(/\[[\p{Script=Han}A-Za-z]{1,4}\]/gu, ' ')
    .replace(EMOJI_RUN, ' ')
    .trim();
  return onText(s0, fixTypos(words === '' ? raw : words), ctx);
}

function onText(first: ConvState, raw: string, ctx: Context): Outcome {
  // Full-width letters and digits (a Chinese keyboard) read as ASCII, for case numbers and query codes only.
  const narrow = raw.normalize('NFKC');
  // "XZ-20261202-" then "000411 查询码GHJK-…": the number sent in two pieces is read whole.
  if (first.partialNumber) {
    const { partialNumber, ...without } = first;
    return onText(without, /^\s*\d{6,}/.test(narrow) ? `XZ-${partialNumber}-${narrow.trim()}` : raw, ctx);
  }
  const cut = PARTIAL_CASE_NO.exec(narrow.trim());
  if (cut && !CASE_NO.test(narrow)) {
    const lang0 = first.lang;
    return say(
      { ...first, partialNumber: cut[1]!.replace(/\D/g, '') },
      lang0 === 'en'
        ? 'The case number looks cut off; please send the rest of it (and the query code).'
        : '案件编号好像没发完整，请把后面的部分和查询码发过来。',
    );
  }
  // The topic raised by the last reply counts for this message only.
  const { lastTopic, ...firstRest } = first;
  let s0: ConvState = firstRest;
  const lang = s0.lang;
  const w = W[lang];
  const inDraft = hasDraft(s0);
  const acts = detectActs(raw, { inDraft, kind: s0.draft.kind, step: s0.step });
  // "撤销投诉" right after its status was read: the request goes to a person with the case number.
  const queried = s0.lastStatus ? CASE_NO.exec(s0.lastStatus)?.[0] : undefined;
  // ("撤回", "对 撤了吧": the bare word after the status, or after the answer on how to withdraw.)
  if (
    queried &&
    !inDraft &&
    (topicsOf(raw).includes('withdraw') ||
      /^(对|嗯|好|是)?[，,\s]*(我要|要)?(撤回|撤销|撤了|撤吧|withdraw)(投诉|举报|it)?(吧|了)?[。！!.]?$/i.test(raw.trim()))
  )
    return {
      state: { ...s0, step: 'handoff', resumeStep: s0.step === 'handoff' ? null : s0.step },
      replies: [
        lang === 'en'
          ? `Your request to withdraw ${queried} goes to staff; they will confirm it with you and close the mediation (Order 121, Art. 23).`
          : `好的，撤回 ${queried} 的申请转给工作人员，核实后为您办理，调解随之终止（第二十三条）。`,
      ],
      effect: { type: 'handoff', message: `申请撤回投诉 ${queried}：${clip(raw, 1800)}` },
    };

  // "登记", "补充举报", "要" after the offer: the new things told beside the query start a case; anything else drops them.
  if (s0.aside !== undefined) {
    const { aside, ...rest } = s0;
    s0 = rest;
    if (
      !inDraft &&
      !acts.status &&
      // ("这算新情况吧，你们再给我记上": asked to be written down, in other words.)
      (/^(登记|要(?![是不])|好|嗯|行|中|可以|是的|对|补充|举报|投诉|register|yes|ok)/i.test(raw.trim()) ||
        /(再)?(给我|帮我|给俺|帮俺)?(记上|记下|登记上?|补上|记一下)(吧|啊|呗)?[。！!]*$|算(是)?新情况/.test(raw.trim())) &&
      !acts.cancel
    ) {
      // ("补充举报" says the kind: read with the news, then left out of the story.)
      const said = /举报|投诉|report|complain/i.test(raw) ? raw.trim() : '';
      const out = onText(rest, `${said} ${aside}`.trim(), ctx);
      const story = out.state.draft.description;
      if (said && story?.startsWith(said)) out.state.draft.description = story.slice(said.length).trim();
      return out;
    }
  }
  if (acts.answer) return { state: s0, replies: [], effect: { type: 'answer', number: acts.answer.number, answer: acts.answer.text } };
  // A case number sent while a person is being asked for goes to that person (its code blanked out below).
  if (acts.status && s0.step !== 'handoff') {
    // Never stored: the number and code go to the status query only.
    // "…能领奖励了吗": a question asked beside the number is answered too, before the status.
    const asked = topicsOf(raw).filter((t) => t === 'reward' || t === 'deadline' || t === 'next' || t === 'withdraw');
    // "I want to claim my reward. Case XZ-…": how a reward is claimed, beside the status.
    if (!asked.includes('reward') && /领奖|申领|领(取)?(奖励|奖金)|claim/i.test(raw)) asked.unshift('reward');
    // "…编号XZ-…，查询码…。夜儿个俺又看见他们往池子里倒那药水": something new told beside the query is kept (without the
    // number and code) and offered as a new case after the status.
    const aside = acts.status.code && !inDraft ? newsBesideQuery(raw, acts.status.number, acts.status.code, ctx) : null;
    // The number is kept for one more message: "打错了 最后一位是J KMRT-…" queries it again with the code mended.
    if (acts.status.code)
      return {
        state: { ...s0, pendingQuery: acts.status.number, ...(asked[0] ? { lastFaq: asked[0] } : {}), ...(aside ? { aside } : {}) },
        // (How to withdraw, asked beside the number and code: the short way, since both are given already.)
        replies: asked.length
          ? [
              asked
                .map((t) =>
                  t === 'withdraw'
                    ? lang === 'en'
                      ? 'A complaint can be withdrawn (Order 121, Art. 23): after the status below, reply "withdraw" and staff will confirm it with you.'
                      : '投诉可以撤回（第二十三条）：看完下面的进度，回复“撤回”，我把申请转给工作人员核实办理。'
                    : answerOf(t, lang),
                )
                .join('\n'),
            ]
          : [],
        effect: { type: 'query', number: acts.status.number, code: acts.status.code },
      };
    return say({ ...s0, pendingQuery: acts.status.number }, w.needCode(acts.status.number), ...resumeLine(s0));
  }
  // "查询码是 AB12-CD34-…" right after the number: the query, with the code never kept.
  const codeMatch = s0.pendingQuery ? /(?:^|[^0-9A-Z])([0-9A-Z]{4}(?:[-\s][0-9A-Z]{2,4}){2,8})(?![0-9A-Z])/i.exec(narrow) : null;
  // "Roughly how long does the mediation take?": lower-case words between spaces are English, not a code.
  const code = codeMatch && !(/[a-z]/.test(codeMatch[1]!) && !/-/.test(codeMatch[1]!)) ? codeMatch : null;
  if (s0.pendingQuery && code) {
    const number = s0.pendingQuery;
    return { state: s0, replies: [], effect: { type: 'query', number, code: code[1]!.replace(/\s+/g, '-').toUpperCase() } };
  }
  if (s0.pendingQuery) {
    const { pendingQuery: _drop, ...rest } = s0;
    s0 = rest;
  }
  if (s0.step === 'handoff') {
    if (acts.cancel)
      return say({ ...s0, step: s0.resumeStep ?? 'menu', resumeStep: null }, w.ok, ...resumeLine({ ...s0, step: s0.resumeStep ?? 'menu' }));
    if (raw.length < 2) return say(s0, w.needMore);
    // The message goes to a person whole; the facts in it (the restaurant, the time) also fill the draft,
    // so the questions after the hand-off do not ask for them again.
    const d = { ...s0.draft, files: [...s0.draft.files] };
    const u = understand(raw, { now: ctx.now });
    fillFromFacts(d, u, raw, ctx.now);
    if (d.description === undefined && !thin(raw, u)) d.description = raw;
    // A story told to the person is the story, even one the rules read as thin (it is not asked for again).
    else if (d.description === undefined && d.kind !== undefined && d.kind !== 'consultation' && substantive(raw, u) && raw.length >= 20) {
      d.description = raw;
      d.detailsAsked = true;
    }
    // More of the story told to the person ("每天泡豆子的时候往水里兑无根水…"): it joins the story.
    else if (d.description !== undefined && substantive(raw, u) && !d.description.includes(raw))
      d.description = clip(`${d.description}\n${raw}`, 5000);
    // "XZ-… 查询码 FZ3E-… 到底有没有人管": the person gets the number; a query code never leaves the query.
    const code = acts.status?.code;
    const message = code ? raw.replace(codePattern(code), '（查询码已隐去）') : raw;
    return { state: { ...s0, draft: d }, replies: [], effect: { type: 'handoff', message } };
  }
  // "哎 还是投吧 越想越气…刚才说到哪了": the draft called off a moment ago comes back as it was.
  if (s0.undo && !inDraft && RESUME_DRAFT.test(raw)) {
    const { undo, ...rest } = s0;
    const draft = { ...undo.draft, files: [...undo.draft.files] };
    // "恁这能保密不？要是能保密 那还是举报吧 俺不留名": what was asked is answered, and a wish to stay unnamed kept.
    const answers = topicsOf(raw).map((t) => answerOf(t, lang));
    if (draft.kind === 'report' && draft.anonymous === undefined && /不留名|匿名|别写我|不写我/.test(raw)) draft.anonymous = true;
    const back = lang === 'en' ? 'OK, back to it; everything you said is kept.' : '好的，接着刚才的，您说过的都还在。';
    // (What was asked before calling it off counts as asked: the story is not asked for again.)
    const asked = { ...(undo.asked ?? {}), ...rest.asked };
    if (undo.step === 'anonymous' && draft.anonymous !== undefined)
      return next({ ...rest, asked, draft, step: undo.step }, [...answers, back], ctx);
    return say({ ...rest, asked, draft, step: undo.step }, ...answers, back, prompt(undo.step, draft, lang));
  }
  if (acts.cancel && !acts.kindChange) {
    // "能赔多少啊？…我就先问问，暂时不投诉": the question is answered, nothing is filed.
    const asked = inDraft
      ? []
      : topicsOf(raw)
          .filter((t) => t !== 'jurisdiction')
          .slice(0, 3);
    const justAsking = !inDraft && /咨询|问问|问一下|问下|just asking|a question/i.test(raw);
    return say(
      {
        ...reset(s0, ctx.newDraftId),
        ...(inDraft ? { undo: { draft: s0.draft, step: s0.step, asked: s0.asked } } : {}),
        ...(asked[0] ? { lastFaq: asked[0] } : {}),
      },
      ...asked.map((t) => answerOf(t, lang)),
      inDraft
        ? // "算了…都是一个村哩，叫人家知道了不好，俺不举报了": called off for fear of being known — the truth about
          // that goes with the goodbye, so the citizen can still decide.
          (s0.draft.kind === 'report' || s0.draft.kind === 'both') && CALLED_OFF_FOR_FEAR.test(raw)
          ? lang === 'en'
            ? `${w.cancelled} If it was for fear of being known: a report can be anonymous, and a reporter is never named to the business. You can come back any time.`
            : `${w.cancelled}要是怕人知道：举报可以匿名，举报人的信息严格保密，不会告诉被举报的一方。想好了随时来找我。`
          : w.cancelled
        : asked.length || justAsking
          ? lang === 'en'
            ? 'OK, nothing is filed. Ask me anything; to complain later, just tell me what happened.'
            : '好的，先不登记。有什么想问的直接问我，需要时随时找我。'
          : w.cancelledEmpty,
    );
  }
  if (s0.undo && inDraft) {
    const { undo: _gone, ...rest } = s0;
    s0 = rest;
  }
  if (acts.restart) return say(reset(s0, ctx.newDraftId), w.restart, MENU[lang]);
  if (acts.help) return say(s0, HELP[lang], ...resumeLine(s0));
  if (acts.human) {
    // "身份证号还要给你？先找个人跟我说": the ID is not pressed for again; the reward can be applied for later.
    if (s0.step === 'idNumber' && /身份证|ID|号码/.test(raw) && !findIdNumber(raw)) {
      const draft: Draft = { ...s0.draft, idNumber: null };
      return say(
        { ...s0, draft, step: 'handoff', resumeStep: missing(draft) ?? 'summary' },
        lang === 'en' ? `No need to give your ID number now: ${ID_AT_CLAIM.en}` : `身份证号不给也没关系：${ID_AT_CLAIM.zh}`,
        prompt('handoff', s0.draft, lang),
      );
    }
    // "…红烧鱼是死鱼做的…我叫马腾飞…找人工": the story told with the request is the message for the person, passed
    // on at once (not asked for again); its facts fill the draft, so nothing is asked twice afterwards.
    if (!inDraft && raw.length >= 30) {
      const u = understand(raw, { now: ctx.now });
      if (substantive(raw, u)) {
        const d: Draft = { ...s0.draft, files: [...s0.draft.files] };
        fillFromFacts(d, u, raw, ctx.now);
        fillIdentity(d, u, raw);
        if (d.description === undefined) d.description = clip(raw, 5000);
        return { state: { ...s0, draft: d, step: 'handoff', resumeStep: s0.step }, replies: [], effect: { type: 'handoff', message: raw } };
      }
    }
    // "有没有人能直接打电话给我 我们这边挺急的" after the urgent case was handed over: it is with a person already —
    // said so, and the conversation goes on (the phone, if not known yet, is asked in its turn).
    if (inDraft && s0.said.includes('urgent') && s0.step !== 'handoff' && !/人工|真人|客服|human|person/i.test(raw))
      return say(
        s0,
        lang === 'en'
          ? 'Your case is already with a member of staff as urgent; they will contact you as soon as possible.'
          : '您这件事已经按紧急情况转给人工了，工作人员会尽快联系您。',
        prompt(s0.step, s0.draft, lang),
      );
    return say({ ...s0, step: 'handoff', resumeStep: s0.step }, prompt('handoff', s0.draft, lang));
  }
  // "到现在没消息，一般得多长时间啊？": the time limits are told beside the cases looked up.
  if (acts.statusList)
    return {
      state: s0,
      replies: topicsOf(raw).includes('deadline') ? [answerOf('deadline', lang)] : [],
      effect: { type: 'list' },
    };
  if (acts.thanksOnly && (!inDraft || s0.step === 'menu')) return say(s0, w.welcome);
  if (acts.greetingOnly) {
    if (inDraft && s0.step !== 'menu') return say(s0, w.greetingInDraft, prompt(s0.step, s0.draft, lang));
    return say({ ...s0, step: 'menu' }, MENU[lang]);
  }
  // The menu's numbers.
  const word = raw.replace(/[\s，。！？!?,.]+/g, '');
  if (s0.step === 'menu' && !s0.draft.kind && /^([123一二三]|(我要|我想)?咨询(一下)?)$/.test(word)) {
    const k: Kind = /^[1一]$/.test(word) ? 'complaint' : /^[2二]$/.test(word) ? 'report' : 'consultation';
    return next({ ...s0, draft: { ...s0.draft, kind: k } }, [startLine(k, lang)], ctx);
  }

  const before: string[] = [];
  const d: Draft = { ...s0.draft, files: [...s0.draft.files] };
  let st: ConvState = { ...s0, draft: d, said: [...s0.said] };
  const once = (key: string, text: string) => {
    if (st.said.includes(key)) return;
    st.said.push(key);
    before.push(text);
  };

  // "订单号 2401 8837 6620 1154 要不要": an order number goes with the story; its digits are no phone, name or date.
  let text = acts.rest || raw;
  // (Before the kind is chosen too: "奶茶里喝出苍蝇了" then the order number.)
  const order = d.kind !== 'consultation' ? ORDER_NO.exec(text) : null;
  if (order) {
    const no = order[2]!.replace(/[\s-]+/g, '');
    if (d.description !== undefined && !d.description.includes(no)) d.description = clip(`${d.description}\n订单号：${no}`, 5000);
    text = text.replace(order[0], d.description === undefined ? `订单号${no}` : ' ').trim() || '。';
    before.push(lang === 'en' ? 'Noted the order number.' : '订单号记下了，会写进去。');
  }
  const u = withLlmFacts(understand(text, { now: ctx.now }), ctx.llmFacts ?? null, text);

  // "你说的字太多了 我眼花 能不能说简单点": the question asked again in a few words, nothing else taken.
  const askingNow = typeof s0.step === 'string' && (isSlot(s0.step) || s0.step === 'menu') ? s0.step : null;
  if (
    askingNow &&
    PLAINER.test(raw) &&
    raw.length <= 40 &&
    !u.business.value &&
    !u.place.value &&
    !u.incident_time.value &&
    // "…包装上生产日期也看不清": a story, not a wish for plainer words.
    !PROBLEM.test(raw)
  ) {
    const short = shortQuestion(askingNow === 'menu' ? 'kind' : askingNow, lang);
    return { state: st, replies: [lang === 'en' ? `Sure, in short: ${short}` : `好，简单说：${short}`] };
  }

  // "怎么这么多问题？？": impatience at the questions — said how many are left (each is needed to file), with a
  // person offered; the question is asked again below. (Not read as a question for the officer.)
  // ("问这么多……187 3712 6690": the answer beside it is taken as usual.)
  const impatientOnly =
    TOO_MANY_QUESTIONS.test(raw) &&
    raw.replace(new RegExp(TOO_MANY_QUESTIONS.source, 'gi'), '').replace(/[\s，,。.！!？?…~啊呀吧了的哦嘛呢啥]+/g, '') === '';
  if (!acts.frustration && d.kind && d.kind !== 'consultation' && impatientOnly) {
    const left = slotsFor(d).filter((x) => !filled(x, d)).length;
    return say(
      { ...st, draft: d, misses: 0 },
      lang === 'en'
        ? `Sorry for all the questions: each one is needed to file it${left > 0 ? `, and ${left === 1 ? 'one is' : `${left} are`} left` : ''}. Reply "person" if you would rather talk to a member of staff.`
        : `不好意思，问得多了点：这些都是登记必须的${left > 0 ? `，还差${left}项就好` : ''}。想直接找工作人员，回复“人工”。`,
      prompt(st.step, d, lang),
    );
  }
  // Frustration: apologise, show what is already noted, offer a person; then go on with the rest.
  if (acts.frustration) {
    const recap = recapOf(d, lang);
    before.push(w.sorry + (recap ? w.recap(recap) : ''), w.offerHuman);
  }

  // Questions inside the message get answers from the knowledge base.
  const topics = topicsOf(raw).filter((t) => !(t === 'jurisdiction' && inDraft));
  const answered = new Set<Topic>();
  // At most three answers, but where each other matter goes is always said (one line each): a message
  // with "不归你们管的告诉我该找谁" is owed every one of them.
  for (const t of topics.filter((x, i) => i < 3 || OTHER_AUTHORITY_TOPICS.has(x))) {
    answered.add(t);
    // "你们能去查不？" asked again: the general answer is not read out twice.
    if (t === 'jurisdiction') {
      once('faq-jurisdiction', answerOf(t, lang));
      continue;
    }
    before.push(answerOf(t, lang));
  }
  // "你们到底管不管？" in the middle of filing: yes — said plainly, then on with the question.
  if (inDraft && d.kind !== 'consultation' && topicsOf(raw).includes('jurisdiction'))
    before.push(
      lang === 'en'
        ? 'Yes, we handle it: once filed, the local market regulation office takes it up within the legal time limits.'
        : '管的。这件事登记提交后，由所在地市场监管所按规定时限办理。',
    );
  // "能不能赶紧派人去他后厨看看，剩菜别让他倒了！": urged to act — noted with the story, and said so.
  let urged = false;
  if (inDraft && d.kind && d.kind !== 'consultation' && URGE.test(text)) {
    if (d.description && !d.description.includes(text)) {
      d.description = clip(`${d.description}\n${text}`, 5000);
      urged = true;
    }
    before.push(
      lang === 'en'
        ? 'Noted: I have added this for the officers, and the case will be marked for quick handling.'
        : // (Leftovers and records are the evidence of what someone bought or ate, not of a tip about others.)
          `记下了，已经写进去，提醒办案人员尽快去现场。${d.kind === 'report' && u.harm.value.ill === 'none' && !OWN_BOUGHT.test(d.description ?? '') ? '' : '剩下的食物、病历和小票请您也保存好。'}`,
    );
  }
  // "对了，还有他家剩菜倒回锅里热热接着卖，这个也记上": more to the story while something else was asked.
  let addendum = false;
  if (
    inDraft &&
    d.kind &&
    d.kind !== 'consultation' &&
    d.description !== undefined &&
    s0.step !== 'description' &&
    s0.step !== 'summary' &&
    ADDENDUM.test(text.trim())
  ) {
    const more = text
      .trim()
      .replace(ADDENDUM, '')
      .replace(/[，,\s]*(这个|这些|这)?(也)?(给我|帮我)?(记上|写上|记下|写进去)(吧|啊)?[。！!]*$/, '')
      .trim();
    if (
      more.length >= 6 &&
      !d.description.includes(more) &&
      (PROBLEM.test(more) ||
        substantive(more, u) ||
        /证|执照|许可|卫生|老鼠|苍蝇|蟑螂|过期|脏|臭|坏|假|检疫|标签|日期|certificate|licen[cs]e|rats?\b|mice|cockroach|expired|dirty|fake/i.test(
          more,
        ))
    ) {
      d.description = clip(`${d.description}\n${more}`, 5000);
      before.push(lang === 'en' ? 'Added to what happened.' : '好的，这个也记上了。');
      // "…这个我想让他把饭钱退了 能一块弄吗" in a report: the writer's own remedy too — both.
      if (d.kind === 'report' && OWN_REMEDY_WISH.test(more) && kindFromWishes(more, understand(more, { now: ctx.now })) !== 'report') {
        d.kind = 'both';
        delete d.anonymous;
        before.push(startLine('both', lang));
      }
      addendum = true;
    }
  }
  if (answered.has('reward')) st.lastTopic = 'reward';
  else if (answered.has('anonymous')) st.lastTopic = 'anonymous';
  for (const m of u.other_matters) {
    const covered = [...answered].some((t) => answerOf(t, 'zh').includes(m.value.authority.slice(0, 2)));
    if (!covered && lang === 'zh' && !before.includes(m.value.hint)) before.push(m.value.hint);
  }

  // Illness: advice first; people ill now are handed to a person at once.
  // "现在好多了" said earlier in the story: later words about the illness are its history.
  const illToday = illNow(text, u) && !RECOVERED.test(s0.draft.description ?? '');
  const urgent = illToday || dangerNow(text, u, s0.draft.description ?? '');
  const ill = illToday ? 'now' : u.harm.value.ill;
  if (ill !== 'none' || answered.has('medical')) once('ill', w.illFirst);
  // "俺儿在郑州上班，家里就俺自己" from someone ill: nobody to take them — 120 or a neighbour.
  if ((st.said.includes('urgent') || ill === 'now') && ALONE.test(text))
    before.push(
      lang === 'en'
        ? 'If you are alone and feel worse, call 120 now or ask a neighbour to take you to hospital; do not wait.'
        : '一个人在家的话千万别硬撑：难受得厉害就马上打120，或者叫邻居送您去医院。工作人员会尽快联系您。',
    );

  // Summary: confirm, or change something.
  if (s0.step === 'summary') return onSummary(st, raw, acts, u, before, ctx);

  // Kind: a change of mind keeps the facts; a first kind comes from the words or the engine.
  let kindJustSet = false;
  if (acts.kindChange && d.kind) {
    // "还有，我想顺便举报他们…" in a complaint: a report added to it, not put in its place — both.
    const added =
      ((d.kind === 'complaint' && acts.kindChange === 'report') || (d.kind === 'report' && acts.kindChange === 'complaint')) &&
      ALSO_THE_OTHER.test(text);
    d.kind = added ? 'both' : acts.kindChange;
    if (d.kind !== 'report') delete d.anonymous;
    before.push(added ? startLine('both', lang) : w.switched(KIND_LABEL[lang][d.kind]));
    kindJustSet = true;
  } else if (!d.kind && DEFERRED.test(text) && kindWanted(text.replace(DEFERRED, '')) === null) {
    // "I'll come back to report the restaurant when he's better", "等她好了再来举报": later — nothing is filed now.
    return say(
      { ...st, draft: d, step: 'menu' },
      ...before,
      lang === 'en'
        ? 'Of course, look after him or her first. Come back any time; just tell me what happened and I will register it.'
        : '好的，先照顾好病人。什么时候方便了再来找我，直接把事情说给我就行，我帮您登记。',
    );
  } else if (!d.kind) {
    const k = decideKind(
      text,
      u,
      acts,
      topics,
      s0.step === 'menu' && (s0.draft.description !== undefined || s0.askedKind === true),
      s0.draft.description === undefined,
    );
    if (k === 'answer-only') {
      st.step = 'menu';
      // "在吗？我打字慢 你等等我": time asked for to type, not a question to answer.
      if (topics.length === 0 && d.description === undefined && waitAsked(text))
        return say(
          { ...st, draft: d, step: 'menu' },
          lang === 'en' ? 'I am here. No hurry, take your time.' : '在的，不着急，您慢慢说，我等着。',
        );
      // "我姓周…叫周桂兰，家里电话0371-…" before the story: kept, so it is not asked again.
      if (fillIdentity(d, u, text).length > 0 && !topics.some((t) => t !== 'jurisdiction'))
        return say(
          { ...st, draft: d, step: 'menu' },
          lang === 'en' ? 'Noted your name and number. What happened?' : '好的，您的称呼和电话记下了。请说说是什么事？',
        );
      // "你们管不管往卤肉里放大烟壳的？": yes, and such a practice is a crime to report.
      if (crimeWordsIn(text).length > 0)
        before.push(
          lang === 'en'
            ? 'What you describe is a suspected food crime. If you know who does it, you can report it here, anonymously if you like.'
            : '您说的这种做法涉嫌食品犯罪，是我们要严查的。如果您知道是哪家在这么干，可以直接跟我举报，可以匿名。',
        );
      // "那要是已经喝了一口呢，也一样吗": a follow-up of the question just answered gets that answer again.
      const followUp =
        before.length === 0 &&
        topics.length === 0 &&
        s0.lastFaq &&
        /^(那|那要是|要是|如果|假如|万一|那如果|what if|and if)/i.test(text.trim()) &&
        isQuestion(text);
      // "How much will it be roughly?" right after the reward was talked about: the reward's rates again.
      if (before.length === 0 && topics.length === 0 && s0.lastFaq === 'reward' && /多少钱|给多少|能有多少|大概多少|how much/i.test(text))
        before.push(answerOf('reward', lang));
      else if (followUp && s0.lastFaq)
        before.push((lang === 'en' ? 'The rule for that is the same one: ' : '这种情况规定是这样的：') + answerOf(s0.lastFaq, lang));
      // "俺就是想问问这找谁" after the wages were answered: who handles it is that answer again.
      else if (
        before.length === 0 &&
        s0.lastFaq &&
        topics.length > 0 &&
        topics.every((t) => t === 'jurisdiction') &&
        /找谁|找哪|归谁|哪个部门|谁管|who (handles|deals)/i.test(text)
      )
        before.push(answerOf(s0.lastFaq, lang));
      // "先问问，俺还没想好要不要举报": fine — questions first.
      if (before.length === 0 && topics.length === 0 && NOT_DECIDED_YET.test(text))
        before.push(
          lang === 'en'
            ? 'That is fine: ask whatever you like first; you can decide afterwards.'
            : '没问题，先问问也行，想问什么直接问；想好了再决定要不要登记。',
        );
      // A question with no ready answer is said to be one, not "not understood".
      if (before.length === 0)
        before.push(
          isQuestion(text) ? (lang === 'en' ? 'I cannot answer that one exactly here.' : '这个问题我这里没法准确回答。') : w.notUnderstood,
        );
      const faq = topics.find((t) => t !== 'jurisdiction');
      // "这会儿肚子疼得直不起腰，要不要上医院": a question from someone ill right now — answered, and a person
      // takes over at once.
      if (urgent && !st.said.includes('urgent')) {
        const out = say(
          { ...st, draft: d, step: 'menu', said: [...st.said, 'urgent'], lastQuestion: clip(text, 1000) },
          [...before, w.urgentHandoff].join('\n'),
        );
        return { ...out, effect: { type: 'handoff', message: `【紧急】${clip(raw, 1900)}` } };
      }
      // A substantive question with no ready answer is noted, in case the citizen wants it in writing.
      return say(
        { ...st, draft: d, step: 'menu', lastQuestion: clip(text, 1000), ...(faq ? { lastFaq: faq } : {}) },
        ...before,
        w.anythingElse + (topics.length ? '' : (lang === 'en' ? ' ' : '') + w.wantWritten),
      );
    }
    // "同志你好，我是个退休老师…打字慢，你们别嫌烦", "你好 我想反映个事": a patient welcome, then the story.
    if (
      k === null &&
      s0.step === 'menu' &&
      d.description === undefined &&
      (INTRO.test(text.trim()) || ANNOUNCE.test(text.trim()) || waitAsked(text) || onlyAsksToAsk(text) || pleasantriesOnly(text)) &&
      !substantive(text, u)
    )
      return say(
        { ...st, draft: d, step: 'menu' },
        ...before,
        onlyAsksToAsk(text) && !ANNOUNCE.test(text.trim())
          ? lang === 'en'
            ? 'Yes, I am here. Go ahead and ask; to complain or report, just tell me what happened.'
            : '在的，您说。想问什么直接问；要投诉、举报，直接把事情告诉我就行。'
          : lang === 'en'
            ? 'Hello! No hurry, take your time. What happened?'
            : '您好！不着急，您慢慢说，我在听。是遇到什么事了？买到、吃到有问题的东西，还是发现哪家有违法的事？',
      );
    // "升达南门那个鸡蛋灌饼" then "用的地沟油" while the kind is asked: more of the story — noted, and the kind
    // asked again (not "没太明白").
    if (
      k === null &&
      s0.step === 'menu' &&
      d.description !== undefined &&
      !isQuestion(text) &&
      !UNDECIDED.test(text) &&
      (PROBLEM.test(text) || PROBLEM_WORDS.test(text) || crimeWordsIn(text).length > 0) &&
      !d.description.includes(text.trim())
    ) {
      d.description = clip(`${d.description}\n${text.trim()}`, 5000);
      return say(
        { ...st, draft: d, step: 'menu', askedKind: true },
        ...before,
        lang === 'en' ? 'Noted.' : '好的，记下了。',
        prompt('menu', d, lang),
      );
    }
    if (k === null && s0.step === 'menu' && d.description !== undefined && UNDECIDED.test(text)) {
      // "俺也不知道 恁先说咋弄": the operator suggests — a remedy for someone who bought or ate it, otherwise
      // an investigation — and says it can still be changed.
      const story = understand(d.description, { now: ctx.now });
      const own = /买|吃|喝|点的|外卖|\b(ate|bought|ordered|drank)\b/i.test(d.description);
      const suggested: Kind = own || story.kind.value === 'complaint' ? 'complaint' : 'report';
      d.kind = suggested;
      kindJustSet = true;
      before.push(
        lang === 'en'
          ? suggested === 'complaint'
            ? 'Then I will file it as a complaint: the office asks the business to refund or compensate you. If you also want it investigated, say "both".'
            : 'Then I will file it as a report: the office checks and punishes violations. You can stay anonymous.'
          : suggested === 'complaint'
            ? '拿不准的话，我先按投诉给您登记：让商家赔偿，市场监管所来调解。想让我们同时查处他，说“两样都要”就行。'
            : '拿不准的话，我先按举报给您登记：市场监管所去核查、查处，可以匿名。',
        startLine(suggested, lang, text),
      );
    } else if (k) {
      d.kind = k;
      // "能给个书面答复吗" after a question: the question asked before is what is to be answered.
      if (k === 'consultation' && d.description === undefined && st.lastQuestion && acts.wantsWritten)
        d.description = text.length > 12 ? `${st.lastQuestion}\n${text}` : st.lastQuestion;
      // "快手直播间买的减肥咖啡 喝了心慌 这个找你们吗" answered, then the kind chosen: that story is the case's.
      if (
        k !== 'consultation' &&
        d.description === undefined &&
        st.lastQuestion &&
        // (A wish only, "Both: a refund for me, and please investigate the shop", tells no story of its own.)
        (!substantive(text, u) || (kindFromWishes(text, u) !== null && text.length <= 80 && u.product.value === null)) &&
        // The writer's own matter ("买的…喝了心慌"), not a general question ("超市买到过期食品可以要求十倍赔偿吗").
        (/买的|买了|喝了|吃了|点的|点了|订的|订了|办了|办的|充了|充的|(我|俺)(家|们)?的?(买|吃|喝|点|孩子|老伴|闺女|儿子)/.test(
          st.lastQuestion,
        ) ||
          /\b(i|we|my \w+) (bought|ordered|ate|drank|had)\b/i.test(st.lastQuestion))
      ) {
        const story = understand(st.lastQuestion, { now: ctx.now });
        if (substantive(st.lastQuestion, story)) {
          d.description = st.lastQuestion;
          if (thin(st.lastQuestion, story)) d.detailsWanted = true;
          fillFromFacts(d, story, st.lastQuestion, ctx.now);
        }
      }
      // "阁老路夜市红姐烧烤" then, asked which kind, "羊肉串根本不是羊肉": the answer is the story itself.
      if (
        k !== 'consultation' &&
        s0.step === 'menu' &&
        d.description !== undefined &&
        kindWanted(text) === null &&
        substantive(text, u) &&
        !d.description.includes(text.trim())
      ) {
        d.description = clip(`${d.description}\n${text.trim()}`, 5000);
        if (d.detailsWanted && !thin(d.description, understand(d.description, { now: ctx.now }))) delete d.detailsWanted;
      }
      kindJustSet = true;
      if (k === 'report' && LEGALITY.test(text))
        before.push(
          lang === 'en'
            ? 'What you describe is likely against the law; I will register it as a report for the office to check and act on.'
            : '您说的这种做法涉嫌违法，我帮您登记成举报，核实后依法查处。',
        );
      before.push(startLine(k, lang, text));
    }
  }
  if (
    (d.kind === 'complaint' || d.kind === 'both') &&
    /匿名/.test(raw) &&
    !/实名|(不用|不要|不必|无需|用不着|不需要|没必要|不)匿名/.test(raw)
  ) {
    once(
      'complaint-anon',
      lang === 'en'
        ? 'A complaint needs your real name; to stay anonymous, make a report instead.'
        : '投诉需要实名（要调解）；只想反映问题、不留名的话可以说“改成举报”。',
    );
  }

  // The answer to the question asked, checked; a correction; facts found anywhere.
  // (An order number with more words around it: the words are still read.)
  let used = order !== null && text.replace(/[\s，,。.！!]|订单号?|单号/g, '').length < 4;
  const wasAnonymous = d.anonymous;
  // A slip mended inside the first message ("叫聚贤楼 不对 聚贤阁") is read with the facts: nothing is on file
  // yet to correct.
  const onFile = [d.description, d.businessName, d.where, d.incidentDate, d.name, d.phone, d.address, d.request].some(
    (v) => v !== undefined,
  );
  if (acts.correction && onFile) {
    if (applyCorrections(d, acts.correction, s0.lastSlot, ctx.now)) {
      before.push(w.corrected);
      used = true;
    }
  }
  const asking = typeof s0.step === 'string' && isSlot(s0.step) ? s0.step : null;
  // "恁说那是啥意思？": the question just asked, explained in other words (then taken or asked again).
  const explain = asking ? EXPLAIN[asking] : undefined;
  if (explain && WHAT_MEANS.test(raw)) before.push(explain[lang]);
  // "诉求是啥意思？俺不懂，恁再说一遍" while the story is asked: the word asked about is explained, and nothing
  // in the message is taken as an answer.
  const wordAsked = WHAT_MEANS.test(raw) && !PROBLEM.test(raw) && raw.length <= 40 ? WORD_SLOT.exec(raw) : null;
  const explainedWord = wordAsked ? (WORD_SLOTS[wordAsked[0]] ?? null) : null;
  if (explainedWord && explainedWord !== asking && EXPLAIN[explainedWord]) {
    before.push(EXPLAIN[explainedWord]![lang]);
    used = true;
  }
  let problem: string | null = null;
  /** A place was told when the name was asked: kept as the place, the name asked again. */
  let placeForName = false;
  // A question ("能赔多少", "要多久") is answered above; it is never the answer to what the bot asked.
  // "要，匿名的话奖励咋领？" answers first, then asks: the answer is still taken.
  const leadAnswer = /^\s*[^，,。.!！？?\s]{1,3}[，,。.!！\s]/.test(raw) && parseYesNo(raw.split(/[，,。.!！\s]/)[0] ?? '') !== null;
  // The clauses that ask nothing ("有奖励？那中，要" → "那中，要"): what answers the bot's question, if anything.
  // (English sentences are not split at their spaces: "Is there a reward? How would I get it…?" asks twice.)
  const told = text
    .split(/\p{Script=Han}/u.test(text) ? /(?<=[，,。.!！？?；;])|\s+/ : /(?<=[，,。.!！？?；;])/)
    .filter(
      // ("听说举报有奖励 能给不": what was heard, and a question in the A-not-A form, tell nothing.)
      (c) =>
        c.replace(/[，,。.!！；;\s]/g, '') !== '' &&
        !/[?？]|吗|咋|怎么|多少|能不能|可不可以|是不是|有没有|行不行|中不中|^(听说|听人说|人家说|都说)/.test(c) &&
        !A_NOT_A.test(c),
    )
    .map((c) => c.replace(/[，,。.!！；;\s]+$/, ''))
    .join('，');
  const yesNoSlot = asking === 'reward' || asking === 'anonymous' || asking === 'consent';
  // "退款，能按十倍赔吗？", "上周三下的单，这算哪天？": the clause that asks nothing answers the question asked.
  const otherAuthorityAsked = [...answered].some((t) => OTHER_AUTHORITY_TOPICS.has(t));
  const toldAnswers =
    told.length >= 2 &&
    /\p{Script=Han}/u.test(raw) &&
    told.replace(/[，,\s]/g, '') !== text.replace(/[，,。.!！?？\s]/g, '') &&
    !/别给我|别拖|拖个|赶紧|快点|抓紧|磨蹭/.test(told) &&
    asking !== null &&
    asking !== 'description' &&
    !!d.kind &&
    isQuestion(raw) &&
    // "还有市场门口那些摆摊的把路都堵死了，城管管不管？": another matter, not the answer.
    !otherAuthorityAsked &&
    readAnswer(asking, told, understand(told, { now: ctx.now }), d, ctx.now).ok;
  // "还有个事…俺小区物业天天不收垃圾": another authority's matter, answered above; it answers nothing asked here.
  // ("鑫诚物业" when the business is asked: a name that carries another authority's word is still the name.)
  const bareName =
    asking === 'business' && /^\p{Script=Han}{2,12}$/u.test(text.trim()) && !isQuestion(text) && !/谁|哪|啥|什么|呢|的事|找|管/.test(text);
  const otherMatter = asking !== 'description' && !bareName && (otherAuthorityAsked || u.other_matters.length > 0);
  const questionOnly =
    (answered.size > 0 &&
      isQuestion(raw) &&
      // Short: under 40 characters, or (English) 20 words.
      (text.length < 40 || (!/\p{Script=Han}/u.test(text) && (text.match(/[A-Za-z']+/g) ?? []).length <= 20)) &&
      !leadAnswer &&
      !(yesNoSlot && told !== '') &&
      // "…打开有一股哈喇味，这算不算三无？" when more of the story was asked: the story, with a question.
      !(asking === 'description' && d.detailsWanted && PROBLEM.test(text) && u.product.value !== null) &&
      !toldAnswers) ||
    // "会不会影响我孩子在园里？" when the story was asked: a question, not the story.
    (asking === 'description' && /[?？吗]\s*$/.test(text.trim()) && onlyQuestions(text) && text.length < 40 && !PROBLEM.test(text));
  // Wishes about other things (a reward, keeping the name secret, a bare "要" to the reward just explained)
  // are taken and acknowledged first; only what is left is read as the answer to the question.
  const rewardBefore = d.wantsReward;
  const side = !kindJustSet && !acts.correction ? sideWishes(text, d, asking, lastTopic, st.said.includes('anon'), lang) : null;
  if (side) {
    before.push(...side.acks);
    used = true;
  }
  // "啥意思 中吧": the question explained above, and the answer after it taken.
  const afterWhatMeans =
    explain && yesNoSlot && WHAT_MEANS.test(raw)
      ? raw
          .replace(new RegExp(WHAT_MEANS.source, 'gi'), '')
          .replace(/^[\s，,。.？?！!啊呀]+/, '')
          .trim()
      : '';
  // "不要 赶紧来人" when the reward is asked: the urging noted above, and the answer beside it taken.
  const urgeRest = urged
    ? text
        .replace(new RegExp(URGE.source, 'gi'), ' ')
        .replace(/^[\s，,。.！!]+|[\s，,。.！!]+$/g, '')
        .trim()
    : '';
  const urgeAnswers = urgeRest !== '' && asking !== null && asking !== 'description' && readAnswer(asking, urgeRest, u, d, ctx.now).ok;
  const answerText = urgeAnswers
    ? urgeRest
    : side
      ? side.rest
      : (yesNoSlot && answered.size > 0 && told !== '') || toldAnswers
        ? told
        : afterWhatMeans !== '' && parseYesNo(afterWhatMeans) !== null
          ? afterWhatMeans
          : text;
  // "能给多少？匿名还能领不能？" when asked whether to apply: answered above; asking how much and how to claim is
  // wanting it, so it is put down, and the citizen is told how to say no.
  if (
    asking === 'reward' &&
    questionOnly &&
    answered.has('reward') &&
    d.wantsReward === undefined &&
    !/不要|不用|不图|不稀罕|不想要|算了|no\b|not\b/i.test(text)
  ) {
    d.wantsReward = true;
    before.push(
      lang === 'en'
        ? 'I have put you down as applying for the reward; reply "no reward" if you do not want it.'
        : '我先按“申请奖励”给您登记；不需要的话回复“不要奖励”。',
    );
    used = true;
  }
  // Facts without a story, sent when the story was asked: the facts are kept below, the story asked again.
  const onlyFacts = factsOnly(text, u);
  if (onlyFacts && asking === 'description' && d.kind && !kindJustSet && d.description === undefined)
    before.push(lang === 'en' ? 'Noted.' : '好的，这些记下了。');
  else if (side && answerText === '') {
    // Nothing left for the question: it is asked again below, without "not understood".
  } else if (
    asking === 'description' &&
    d.kind === 'consultation' &&
    st.lastQuestion &&
    /^(就是?这(个|些)(事|问题)?|就这|刚才(问|说)的|上面(问|说)的|that'?s it|the same)/i.test(answerText.trim())
  ) {
    // "就是这个事" after a question was answered: the question asked before is the one to answer in writing.
    d.description = st.lastQuestion;
    used = true;
  } else if (
    asking === 'description' &&
    d.description === undefined &&
    d.kind &&
    !kindJustSet &&
    !PROBLEM.test(text) &&
    !substantive(text, u) &&
    text.trim().length <= 24 &&
    (EVIDENCE_KEPT.test(text) ||
      /(还有|剩|留着|留的)[^，。]{0,6}(一瓶|一袋|一盒|半瓶|半袋|半盒|一包|没开|没吃完|没喝完)|(没开|没吃完|没喝完)[^，。]{0,6}(留着|还在)/.test(
        text,
      ))
  ) {
    // "还有一瓶没开，我还留着哩" when the story was asked: the evidence is noted, the story asked again.
    before.push(lang === 'en' ? 'Good, keep it: it may be needed.' : '好的，东西先留好，办案时可能用得上。');
    used = true;
  } else if (
    asking === 'request' &&
    d.kind === 'complaint' &&
    !kindJustSet &&
    REMEDY_DROPPED.test(text) &&
    kindFromWishes(text, u) === 'report'
  ) {
    // "算了算了，那十几块钱俺不要了，恁直接去查他…，俺不留名": the remedy given up and the business to be
    // checked — a report, anonymous if the citizen said so.
    d.kind = 'report';
    delete d.request;
    if (CONFIDENTIAL.test(text) || /匿名|anonym/i.test(text)) d.anonymous = true;
    before.push(REPORT_INSTEAD[lang]);
    used = true;
  } else if (d.kind === 'report' && !kindJustSet && asking !== 'description' && asking !== 'reward' && OWN_REFUND_TOO.test(text)) {
    // "我那三千四百块钱能要回来不？我也想让他把钱退给我" in a tip: the writer's own money wanted back too — both,
    // the request taken from these words; the question asked is asked again.
    d.kind = 'both';
    delete d.anonymous;
    delete d.wantsReward;
    const r = requestOf(u, text.replace(/[^，。！？?!]*[？?]/g, ''));
    if (r) d.request = r;
    before.push(startLine('both', lang));
    used = true;
  } else if (
    asking &&
    d.kind &&
    !kindJustSet &&
    !questionOnly &&
    (!used || side) &&
    !otherMatter &&
    !patienceOnly(text) &&
    !addendum &&
    (!urged || urgeAnswers) &&
    // "你们去查的时候能不能就说是例行检查，别说是有人举报的" when the story was asked: a wish to stay unknown
    // (answered above), not the story.
    !(asking === 'description' && CONFIDENTIAL.test(text) && !PROBLEM.test(text))
  ) {
    const r = readAnswer(asking, answerText, u, d, ctx.now);
    if (r.ok) {
      st.lastSlot = asking;
      // "退钱，还得查查他家卫生": a complaint whose request also wants the business punished is both.
      const wished = asking === 'request' && d.kind === 'complaint' ? kindFromWishes(answerText, u) : null;
      if (wished === 'both') {
        d.kind = 'both';
        before.push(startLine('both', lang));
      } else if (
        (wished === 'report' && /不要了|不用了|算了|不图|不稀罕|不是为了/.test(answerText)) ||
        (asking === 'request' && d.kind === 'complaint' && wished === null && NO_REMEDY.test(answerText.trim()))
      ) {
        // "本来想让他退钱 现在不要了 就让你们查他", "没啥要求": no remedy wanted from the business, so nothing to
        // mediate; the matter is a report for the regulator to check.
        d.kind = 'report';
        delete d.request;
        before.push(REPORT_INSTEAD[lang]);
      }
      // "不想给" when the ID number was asked: no named reward application now — said so, with the other ways.
      // "弄恁麻烦，那奖励不要了": the reward itself given up — no application.
      if (asking === 'idNumber' && r.value === null && REWARD_DROPPED.test(answerText)) {
        d.wantsReward = false;
        before.push(lang === 'en' ? 'All right, no reward application; the report goes ahead.' : '好的，奖励不申请了，举报照常登记办理。');
      } else if (asking === 'idNumber' && r.value === null)
        before.push(lang === 'en' ? `All right, no ID number: ${ID_AT_CLAIM.en}` : `好的，不留身份证号也行：${ID_AT_CLAIM.zh}`);
      const moreWanted = d.detailsWanted;
      // "reward算了 不要了 太麻烦 你们查就行" when more of the story was asked: the reward is given up; the words
      // about it are no part of the story.
      const dropped = asking === 'description' && d.detailsWanted && d.wantsReward === true && REWARD_DROPPED.test(text);
      if (dropped) {
        d.wantsReward = false;
        before.push(rewardAck(false, lang));
      }
      if (asking === 'description' && d.description && d.detailsWanted) {
        if (r.value !== d.description && !(dropped && !PROBLEM.test(text))) d.description = `${d.description}\n${text}`;
      } else setSlot(d, asking, r.value);
      // "上个集": the market day goes with the story, for the officer to work out.
      if (
        asking === 'when' &&
        r.value === null &&
        MARKET_DAY.test(answerText) &&
        d.description &&
        !d.description.includes(answerText.trim())
      )
        d.description = clip(`${d.description}\n（时间：${answerText.trim()}）`, 5000);
      delete d.detailsWanted;
      // "那个馍白得很 不正常" as the whole story of a report: something is wrong, not what — asked once more.
      if (
        asking === 'description' &&
        !moreWanted &&
        d.kind === 'report' &&
        !d.detailsAsked &&
        // "那个馍白得很 不正常", "老张家、老李家都看见了": something is wrong, or only who saw it — not what. A
        // short story without the problem words is asked about once more ("没有" ends it).
        !PROBLEM.test(text.replace(new RegExp(VAGUE.source, 'gi'), '')) &&
        crimeWordsIn(text).length === 0 &&
        !u.suspected_crime.value &&
        (text.match(/\p{Script=Han}/gu) ?? []).length < 40
      ) {
        d.detailsWanted = true;
        d.detailsAsked = true;
      }
      used = true;
    } else if (
      (asking === 'name' || asking === 'phone' || asking === 'request' || asking === 'consent') &&
      (d.kind === 'complaint' || d.kind === 'both') &&
      d.address === undefined &&
      looksLikeAddress(text)
    ) {
      // An address sent before its question ("新华路街道幸福里3号" when the name was asked): kept, then the name asked again.
      d.address = text.slice(0, 200);
      used = true;
    } else if (!side && asking === 'when' && (d.whenTries ?? 0) >= 2 && !acts.frustration) {
      // Asked twice and still no day that can be read: the time is left open rather than asked a third time.
      setSlot(d, 'when', null);
      before.push(
        lang === 'en' ? 'I will leave the date open; the officer can check it with you later.' : '时间先空着，办理时工作人员会再和您核实。',
      );
      used = true;
    } else if (!side && asking === 'idNumber' && r.problem === 'bad_id' && d.idBadOnce && /\d{15,17}[\dXx]/.test(answerText)) {
      // The same number again and it still does not check out: go on without it rather than loop.
      setSlot(d, 'idNumber', null);
      before.push(
        lang === 'en'
          ? `That number still does not check out, so I leave it out; ${ID_AT_CLAIM.en}`
          : `这个号码还是核对不上，先不记身份证号；${ID_AT_CLAIM.zh}`,
      );
      used = true;
    } else if (!side) {
      if (asking === 'idNumber' && r.problem === 'bad_id' && /\d{15,17}[\dXx]/.test(answerText)) d.idBadOnce = true;
      if (asking === 'when' && !acts.frustration) d.whenTries = (d.whenTries ?? 0) + 1;
      problem = problemText(r.problem, lang);
      // "我可不是因为跟他抢生意才举报的啊" when the time was asked: an aside, not a date gone wrong.
      if (
        asking === 'when' &&
        r.problem === 'bad_date' &&
        !/\d|[一二三四五六七八九十两]|天|号|月|周|礼拜|星期|前|昨|今|上|下|晚|早|午|点|day|week|month|ago/i.test(answerText)
      )
        problem = lang === 'en' ? 'I see.' : '明白。';
      if (r.problem === 'need_business') d.businessUnknownOnce = true;
      // What the photo shows goes with the story.
      if (r.problem === 'evidence_note' && d.description !== undefined && !d.description.includes(answerText.trim()))
        d.description = clip(`${d.description}\n${answerText.trim()}`, 5000);
      if (r.problem === 'need_where') d.whereUnknownOnce = true;
      // A named report needs a way to reach the reporter (Order 121): without a number it is filed as an
      // anonymous report, said so, and the name is not kept. A complaint is told why the number is needed.
      if (r.problem === 'phone_refused' && d.kind === 'report') {
        d.anonymous = true;
        delete d.name;
        delete d.phone;
        delete d.address;
        delete d.idNumber;
        problem = null;
        before.push(
          lang === 'en'
            ? 'All right: without a phone number the report is filed anonymously (your name is not kept either) and checked all the same. Reply "real name" if you would rather give a number.'
            : '好的，不留电话的话就按匿名举报登记，名字也不记，照样会去查。想实名的话回复“实名”再留电话。',
        );
      }
      if (r.problem === 'business_is_place') {
        // The place told for the name is kept as the place; the name is asked once more, plainly.
        placeForName = true;
        d.businessUnknownOnce = true;
        if (d.where === undefined || d.where === null) {
          d.where = answerText.trim().slice(0, 200);
          d.township = d.township ?? townshipOf(answerText) ?? null;
        }
      }
    }
  }
  const got = fillFromFacts(d, u, text, ctx.now, { residence: asking === 'address' });
  if (got.length) used = true;
  // Other facts sent when the time was asked are no failed try at the time.
  if (asking === 'when' && got.length > 0 && d.whenTries) d.whenTries -= 1;
  // More of a story was asked for once and other facts came instead (the place, the day): the story goes as
  // it was told; the details question is not asked a second time.
  if (asking === 'description' && d.detailsWanted && d.description && !acts.frustration && got.length > 0) {
    delete d.detailsWanted;
    problem = null;
  }
  // Other facts sent instead of the answer ("在龙湖镇 昨天下午去的" when the name was asked): say they are noted.
  // (A wish about anonymity or the reward acknowledged above is not noted twice.)
  const gotOther = side ? got.filter((g) => g !== 'anonymous' && g !== 'reward') : got;
  if (asking && gotOther.length > 0 && !got.includes(asking) && !filled(asking, d) && !kindJustSet && asking !== 'description')
    before.push(lang === 'en' ? 'Noted.' : '好的，这些记下了。');
  // A reward wish said while something else was asked is confirmed, so the citizen knows it was heard.
  if (rewardBefore === undefined && d.wantsReward !== undefined && asking !== 'reward' && !side && d.kind === 'report')
    before.push(rewardAck(d.wantsReward, lang));
  // "那我举报他，就是怕他报复我": a fear said with the choice to report is answered there and then.
  if (kindJustSet && (d.kind === 'report' || d.kind === 'both') && (FEAR_ONLY.test(text) || CONFIDENTIAL.test(text)))
    before.push(
      lang === 'en'
        ? 'Your identity stays confidential: the business is never told who reported it.'
        : '放心，举报人的信息严格保密，不会告诉被举报的一方是谁举报的。',
    );
  if (d.kind === 'complaint' || d.kind === 'both') delete d.anonymous;
  const sub = substantive(text, u) && !onlyFacts;
  if (d.kind !== undefined && d.kind !== 'consultation' && d.description === undefined && asking !== 'description' && sub) {
    d.description = text;
    if (thin(text, u)) d.detailsWanted = true;
    else if (bareCharge(text, d) || shortStory(text)) d.detailsLater = true;
    used = true;
  } else if (!d.kind && sub && d.description === undefined) {
    d.description = text;
    if (thin(text, u)) d.detailsWanted = true;
    else if (shortStory(text)) d.detailsLater = true;
    used = true;
  } else if ((acts.kindChange || kindWanted(text) !== null) && sub && d.description && !d.description.includes(text)) {
    // "算了 不投诉了 我要匿名举报他们用地沟油": the allegation joins the story, the change of mind does not.
    const said = text
      .replace(/算了|不投诉了|不举报了|不弄了|我也不要退钱了?|不要退钱了?|改成(举报|投诉)/g, '')
      // (Only the kind said as a wish: "会不会说是有人举报的" keeps its 举报.)
      .replace(/(^|[，,。！!\s])(我|俺)?(要|想)?(匿名|实名)?(举报|投诉)|(我|俺)?(要|想)(匿名|实名)?(举报|投诉)/g, '$1')
      .replace(/^[\s，,。]+/, '')
      .trim();
    if (said.length >= 2) d.description = `${d.description}\n${said}`;
  } else if (
    !used &&
    d.kind &&
    d.kind !== 'consultation' &&
    PURE_INTENT.test(text.replace(/\s/g, '')) === false &&
    d.description === undefined &&
    /反映|举报|投诉/.test(text) &&
    /店|馆|厂|坊|超市|摊|作坊|食堂|饭店|小卖部/.test(text) &&
    !/另一家|别的|另外一家/.test(text)
  ) {
    // "我要反映俺邻居家的豆腐坊": the start of a story; ask for the details.
    d.description = text;
    d.detailsWanted = true;
    used = true;
  }
  if (d.kind === 'consultation' && d.description === undefined && text.length >= 5 && !acts.greetingOnly && !onlyAsksToAsk(text)) {
    d.description = text;
    used = true;
  }
  // "那还是匿名吧 名字电话都别写了": a named reporter changes their mind — what identifies them is dropped.
  if (
    d.kind === 'report' &&
    d.anonymous === false &&
    asking !== 'anonymous' &&
    /匿名|anonymous/i.test(text) &&
    parseAnonymous(text) === true &&
    !/不(用|要|必)?匿名|not anonymous/i.test(text)
  ) {
    d.anonymous = true;
    delete d.name;
    delete d.phone;
    delete d.address;
    delete d.idNumber;
    before.push(lang === 'en' ? 'OK, anonymous then: your name and phone are not kept.' : '好的，改为匿名，您的姓名、电话都不记了。');
  }
  if (d.anonymous === true && wasAnonymous !== true && d.kind === 'report') once('anon', w.anonKept);
  // "我名字能说，但是别叫他知道是我反映的": a named reporter who fears the business is told it stays secret.
  if (d.anonymous === false && d.kind === 'report' && CONFIDENTIAL.test(text) && !side)
    once(
      'confidential',
      lang === 'en'
        ? 'Your name stays confidential: the business is never told who reported it.'
        : '放心，实名举报的信息也保密，不会告诉被举报的一方是谁举报的。',
    );
  // The same story as a case filed in this chat: say so and link, do not file it again.
  const dup = d.description && !s0.draft.description ? st.filed.find((f) => f.fp === fingerprint(d)) : undefined;
  if (dup) return say(reset(st, ctx.newDraftId), w.duplicate(dup.number));
  if (raw.length > 300 && /第[一二三]件|第[一二三]个(事|是)|第[一二三]是|一是|二是|另外还有|还有一件|还有个事/.test(raw)) {
    const n = Math.max(2, (raw.match(/第[一二三四五]件|第[一二三四五]个(事|是)|第[一二三四五]是/g) ?? []).length);
    once('split', w.splitAsk(n));
  }

  // Something already noted said again ("就是华鑫食品厂" when the time was asked): no "not understood".
  if (!used && problem && asking && !kindJustSet && !placeForName && restatesKnown(u, d, asking)) {
    problem = null;
    // "郭店北街" when only 郭店镇 was known: the place, said more exactly, is kept.
    const said = text.trim().replace(/[。.!！]+$/, '');
    const finer =
      d.township && d.where === d.township && u.place.value && said.length > d.township.length && said.length <= 30 && !/[?？]/.test(said)
        ? said
        : null;
    if (finer) {
      d.where = finer;
      if (asking === 'when' && d.whenTries) d.whenTries -= 1;
      before.push(lang === 'en' ? `Noted the place: ${finer}.` : `好的，地点记下了：${finer}。`);
    } else before.push(lang === 'en' ? 'Noted, I have that already.' : '好的，这个已经记下了。');
  }
  // "诊所的单子我还留着呢", "小票还在", "I kept the receipt": evidence kept is noted with the story.
  if (!used && !kindJustSet && before.length === 0 && d.description !== undefined && EVIDENCE_KEPT.test(text)) {
    d.description = clip(`${d.description}\n${text}`, 5000);
    return say(
      { ...st, draft: d, misses: 0 },
      lang === 'en'
        ? 'Good, keep it safe: it may be needed.'
        : '好的，记下了。这些凭证请保存好，办理时可能用得上；照片、截图可以直接发过来。',
      prompt(st.step, d, lang),
    );
  }
  // "俺想了想还是得说…刚才说那还算不算 接着弄吧": going on — yes, and the question again; "先不说了 俺再想想
  // 怕惹事": time to think — no hurry, nothing is lost. Neither is an answer gone wrong.
  if (!used && !kindJustSet && before.length === 0 && asking && d.kind) {
    if (/接着(弄|来|说|办|登记)|继续(弄|说|登记|吧)|还算不算|算不算数|\b(let'?s )?(go on|continue|carry on)\b/i.test(text))
      return say(
        { ...st, draft: d, misses: 0, failed: undefined },
        lang === 'en' ? 'Yes, all of it still counts. Let us go on.' : '算数的，说过的都记着。咱们接着来：',
        prompt(asking, d, lang),
      );
  }
  if (
    !used &&
    !kindJustSet &&
    before.length === 0 &&
    ((asking && d.kind) || st.step === 'menu') &&
    THINK_IT_OVER.test(text) &&
    !acts.cancel
  )
    return say(
      { ...st, draft: d, misses: 0, failed: undefined },
      lang === 'en'
        ? 'No hurry. What you told me is kept; go on whenever you are ready (reports can be anonymous).'
        : d.kind
          ? '不着急，您想好了接着说就行，刚才说的都给您记着；举报可以匿名，我们会保密。'
          : '不着急，想好了随时来找我；举报可以匿名，我们会保密。',
    );
  // "那我要投诉" while the complaint is already being taken: go on with it.
  if (!used && !kindJustSet && before.length === 0 && d.kind && kindWanted(text) === d.kind && text.length <= 16) {
    return say({ ...st, draft: d, misses: 0 }, lang === 'en' ? 'Yes, let us go on.' : '好的，正在给您登记。', prompt(st.step, d, lang));
  }
  // Remarks beside the question (patience asked for, legality asked again, back to the matter): answered, then
  // the question asked again.
  const aside = !used && !kindJustSet && before.length === 0 ? ASIDES.find((a) => a.applies(text.trim(), d)) : undefined;
  if (aside) return say({ ...st, draft: d, misses: 0 }, aside[lang], ...(aside.noPrompt ? [] : [prompt(st.step, d, lang)]));
  // More of the story while something else is asked ("平台客服一直踢皮球 商家压根不回消息"): it joins the
  // description and the question is asked again, instead of "not understood".
  if (
    !used &&
    !kindJustSet &&
    !acts.kindChange &&
    before.length === 0 &&
    d.description !== undefined &&
    d.kind !== undefined &&
    !placeForName &&
    moreStory(text, u, asking)
  ) {
    if (!d.description.includes(text.trim())) d.description = clip(`${d.description}\n${text.trim()}`, 5000);
    return say(
      { ...st, draft: d, misses: 0 },
      lang === 'en' ? 'Noted; I have added that to what happened.' : '好的，这个情况也记下了。',
      prompt(st.step, d, lang),
    );
  }
  // "我作为房东会不会有责任？": a question the knowledge base has no answer for is noted with the case for the
  // officer, who answers it, instead of "not understood".
  if (
    !used &&
    !kindJustSet &&
    !acts.kindChange &&
    before.length === 0 &&
    !placeForName &&
    d.description !== undefined &&
    d.kind !== undefined &&
    d.kind !== 'consultation' &&
    (problem === null || problem === w.notUnderstood || problem === w.needMore) &&
    isQuestion(text) &&
    text.trim().length >= 6
  ) {
    // "他们要是知道了会不会开除我": the fear is answered again, not noted.
    if (CONFIDENTIAL.test(text))
      return say(
        { ...st, draft: d, misses: 0 },
        lang === 'en'
          ? 'Your identity stays confidential: the business is never told who reported it.'
          : '放心，举报人的信息严格保密，不会告诉被举报的一方是谁举报的，核查时也不会透露线索来源。',
        prompt(st.step, d, lang),
      );
    if (!d.description.includes(text.trim())) d.description = clip(`${d.description}\n（问：${text.trim()}）`, 5000);
    return say(
      { ...st, draft: d, misses: 0 },
      lang === 'en'
        ? 'I cannot answer that exactly here; it is noted with your case and the officer will explain.'
        : '这个问题我这里没法准确回答，已经记在案子里，办理的工作人员会给您说明。',
      prompt(st.step, d, lang),
    );
  }
  if (!used && !kindJustSet && !acts.kindChange && before.length === 0) {
    st.misses = s0.misses + 1;
    // The same thing not taken twice in a row: never asked a third time — the item is left for the officer
    // (or, where the citizen's own words are the value, taken as said) and the conversation goes on.
    // (Only answers read as this item and refused count: hesitation or chatter in between does not.)
    const gaveUp = st.misses >= 2 && asking && problem !== null && s0.failed === asking ? giveUpOn(asking, answerText, d) : null;
    if (gaveUp !== null) return next({ ...st, draft: d, misses: 0, failed: undefined }, [gaveUp[lang]], ctx);
    const tail = st.misses >= 2 ? [w.offerHuman] : [];
    return say(
      { ...st, draft: d, failed: problem !== null && asking ? asking : undefined },
      problem ?? w.notUnderstood,
      prompt(st.step, d, lang),
      ...tail,
    );
  }
  if (!used && problem && asking && !kindJustSet && !acts.kindChange) {
    // A question or a complaint about the bot, but no answer yet: answer it, then ask again.
    return say({ ...st, draft: d, misses: 0 }, ...before, prompt(asking, d, lang));
  }
  st = { ...st, draft: d, misses: 0 };
  const out = next(st, before, ctx);
  if (urgent && !st.said.includes('urgent')) {
    out.state.said = [...out.state.said, 'urgent'];
    out.state.resumeStep = out.state.step;
    out.replies = [[...(out.replies[0] ? [out.replies[0]] : []), w.urgentHandoff].join('\n')];
    return { ...out, effect: { type: 'handoff', message: `【紧急】${clip(raw, 1900)}` } };
  }
  return out;
}

/** Remarks that need a word back but answer nothing asked. */
/** "我打字慢，你们别嫌烦" alone: patience asked for, no answer to the question. */
/** "在吗？我打字慢 你等等我": a greeting at most, and time asked for to type or look something up. */
function waitAsked(text: string): boolean {
  const t = text
    .trim()
    .replace(/^(你好|您好|在吗|在不在|在么|有人吗|有人没|同志|恁好)[啊呀呢吗]?[？?，,。.!！\s]*/, '')
    .trim();
  return t.length > 0 && (ASIDES[0]!.applies(t, { files: [] }) || ASIDES[3]!.applies(t, { files: [] }));
}

function patienceOnly(text: string): boolean {
  return ASIDES[0]!.applies(text.trim(), { files: [] });
}

const ASIDES: { applies: (text: string, d: Draft) => boolean; zh: string; en: string; noPrompt?: boolean }[] = [
  {
    // "我打字慢，你们别嫌烦": no hurry.
    applies: (t) => t.length <= 24 && /打字慢|别嫌(我|俺)?烦|不会打字|说得不好|慢慢(说|打)|type slowly/i.test(t),
    zh: '不着急，您慢慢说。',
    en: 'No hurry, take your time.',
  },
  {
    // "恁先甭问，俺还没说完嘞": let them finish; the question waits.
    applies: (t) =>
      t.length <= 24 && /(先)?(甭|别|不要|莫)(急着)?问|(我|俺)还没(说|讲)完|听(我|俺)(说|讲)完|让(我|俺)(说|讲)完|let me finish/i.test(t),
    zh: '好的，您接着说，我听着。',
    en: 'Sure, go on, I am listening.',
    noPrompt: true,
  },
  {
    // "你们先看看这张照片": the photo is coming.
    applies: (t) =>
      t.length <= 20 &&
      /(看看|看下|看一下|瞅瞅)(这|这张|这个|这些)?(照片|图片|视频|截图|图)|(我|俺)(先)?发(个|张|几张)?(照片|图片|视频|截图|图)/.test(t),
    zh: '好的，照片、视频直接发过来就行，我收着。',
    en: 'Sure, send the photos or videos here.',
  },
  {
    // "短信里那串是吧 等我翻翻": looking something up — no hurry.
    applies: (t) =>
      t.length <= 24 &&
      /等(我|俺)(翻|找|看|查|去)|(我|俺)(翻|找)(翻|找|一下)|稍等|等一下|等会儿?|等等我|hold on|one moment|let me (check|find|look)/i.test(
        t,
      ),
    zh: '好的，不着急，找到了发给我就行。',
    en: 'Sure, take your time and send it when you find it.',
  },
  {
    // "这个合法不合法你还没回答我": asked again, the answer is said plainly.
    applies: (t, d) => d.kind === 'report' && LEGALITY.test(t),
    zh: '按您说的情况，这种做法涉嫌违法，市场监管所核实后会依法查处。',
    en: 'From what you describe it is likely against the law; the office will check and act on it.',
  },
  {
    // "行，那先说牛肉", "那中吧 先说饭店这事": back to the matter at hand.
    applies: (t, d) =>
      !!d.kind &&
      t.length <= 24 &&
      /(^|[，,\s])(那)?(行|好|好的|中|嗯)?(吧|呗)?[，,\s]*(那)?(先说|先弄|接着说|继续说?|说回|回到|还是说)/.test(t),
    zh: '好的，接着说。',
    en: 'OK, let us go on.',
  },
];

/** Topics that send the citizen elsewhere: a message raising one is about another matter. */
const OTHER_AUTHORITY_TOPICS: ReadonlySet<Topic> = new Set<Topic>(['fumes', 'wages', 'property', 'farm', 'stall']);

/** "这个算违法吗", "犯法不犯法": whether a practice told is against the law. */
const LEGALITY = /(算|是)(不算|不是)?(违法|犯法)|违法吗|犯法吗|违不违法|犯不犯法|合法吗|合不合法|is (this|that|it) (legal|illegal)/i;

/** "还是投吧", "刚才说到哪了", "接着弄吧": back to the draft just called off. */
const RESUME_DRAFT =
  /还是(得|要)?(投|举报|投诉|弄|办|登记|报)|刚才(说|讲)的(还)?算数|刚才说到哪|说到哪了|接着(弄|办|说|登记)|继续(弄|办|登记)|不取消了|我又想(投诉|举报)|go on with it|continue|let'?s (do|finish) it/i;

/** An order number on a platform ("订单号 2401 8837 6620 1154"). */
const ORDER_NO = /(订单号|订单编号|单号|order (?:no\.?|number|#))[:：\s]*([0-9][0-9\s-]{7,30}[0-9])/i;

/** "不知道", "恁先说咋弄", "你们看着办": no kind chosen, the operator's suggestion wanted. */
const UNDECIDED =
  /^(俺|我)?(也)?(不知道|不清楚|不懂|搞不懂|弄不懂|说不好|拿不准)|(恁|你|你们)(先)?(说|看)(咋|怎么|该咋|该怎么)(弄|办)|看着办|你们定|恁定|你说呢|恁说呢|^(都行|随便|无所谓)$|i don'?t know|not sure|whatever you (think|suggest)/i;

/** "啥意思", "what do you mean": the citizen did not understand the question. */
/** "字太多了", "说简单点", "眼花看不清": the citizen asks for the question in fewer words. */
const PLAINER =
  /字太多|太长了|说简单(一)?点|简单(一)?点说|说短(一)?点|说慢(一)?点|慢(一)?点说|看不懂|看不明白|没看明白|没看懂|看不过来|(?<!头晕|头昏|晕)眼花|看不清|太复杂|too long|simpler|shorter|slow(er)? down/i;

const WHAT_MEANS = /啥意思|什么意思|啥叫|什么叫|是啥$|咋讲|没听懂|不懂|what do you mean|what does (that|it|this) mean|meaning\?/i;

/** The questions whose words a citizen may not understand, said again plainly. */
const EXPLAIN: Partial<Record<Slot, Record<Lang, string>>> = {
  consent: {
    zh: '意思是：事情办完以后，处理结果可能在网上公布，公布时会去掉您的姓名、电话、地址这些个人信息。同意或者不同意，都不影响办理。',
    en: 'It means: once the case is closed, its outcome may be published online with your name, phone and address removed. Either answer is fine; it does not change how the case is handled.',
  },
  anonymous: {
    zh: '匿名就是不留姓名和电话，我们不记录您是谁；实名的话信息加密保存，不会告诉被举报的人，查实后方便联系您、发奖励。',
    en: 'Anonymous means you leave no name or phone and we do not record who you are; with your name it is kept confidential and never told to the business, and we can reach you about the result and a reward.',
  },
  reward: {
    zh: '意思是：举报的事查实了，按规定可以给举报人发奖金。想申请的话我帮您一起登记。',
    en: 'It means: if what you report is proven, the reporter can be paid a reward. If you want it, I will note it with the report.',
  },
  request: {
    zh: '就是您想让商家怎么解决：比如退钱、赔偿、赔礼道歉。',
    en: 'What you want from the business: for example a refund, compensation or an apology.',
  },
};

/** Words of the bot's questions that citizens ask about ("诉求是啥意思"), and the question each belongs to. */
const WORD_SLOTS: Record<string, Slot> = { 诉求: 'request', 匿名: 'anonymous', 实名: 'anonymous', 公开: 'consent', 奖励: 'reward' };
const WORD_SLOT = /诉求|匿名|实名|公开|奖励/;

/** Urging the regulator to act now ("赶紧派人去看看", "剩菜别让他倒了"). */
const URGE =
  /(赶紧|赶快|快点|尽快|马上|立刻|快)[^，。！!]{0,6}(派人|来人|去查|查查|查一下|去看|过去|处理|封了|管管)|别让他(倒|扔|销毁|藏)|(可得|得|要|恁)快点|抓紧(点|时间|办|查)?[，。！!]?$|(send|come) (someone|somebody)[^.]{0,20}(now|quickly|asap)/i;

const CONFIDENTIAL =
  /(will|would|could) (the (shop|owner|boss|business|restaurant)|they|he|she) (find out|know) who|(可|千万|你们|恁)?别说(出)?是(我|俺|[^，。,]{1,6}(说|讲|举报|反映)(的|哩|嘞|滴))|别(跟|给|对)(他|他们|人|老板)说是(我|俺)|(别|不要|不能|千万别|可别)告诉(他|他们|人|老板|店里|厂里|别人)?[^，。,]{0,3}是(我|俺)|(别|不想|不要|不能|不愿意?|莫|不敢|千万别|可别)(让|叫|给)[^，。]{0,10}知道|(?<!不用|不必|不需要|用不着|不用给俺|不用给我|不用替我|不用帮我|不用替俺|不用帮俺)(给我|替我|帮我|给俺)?保密|别说是有人(举报|反映)|就说是例行检查|会不会(开除|辞退|报复|找(我|俺)(的)?(麻烦|事))|找(我|俺)(的)?麻烦|报复(我|俺)|丢(工作|饭碗)|别写我|不写我|不要写我|别留我|不留我|不留名|don'?t (let|tell)[^,.]{0,20}know|keep (me|my name|it) (secret|confidential)/i;

/** A fear of what the business would do (找我麻烦, 报复, 丢工作), said without asking to stay unknown. */
/** Impatience at the number of questions ("怎么这么多问题", "问个没完", "咋恁多事"). */
const TOO_MANY_QUESTIONS =
  /(怎么|咋|咋恁|咋这|为啥)(这么|恁|那么|这)?多(问题|事儿?|要填的)|(问|问题)(这么|恁|怎么这么|咋恁)多|问(个|起来)?没完|还有完没完|还要问(多少|几个)|how many (more )?questions|so many questions/i;

/** A draft called off for fear of being known ("叫人家知道了不好", "怕他报复", "都是一个村哩"). */
const CALLED_OFF_FOR_FEAR =
  /(叫|让|被)(人家|他|他们|村里|邻居|老板|厂里)?[^，。]{0,3}知道(了)?(不好|麻烦|咋办|就完了)|怕(他|他们|人家|被)?[^，。]{0,4}(报复|知道|找麻烦|记恨)|都是(一个|同一个|一)(村|庄|院|厂|单位)|(抬头不见低头见|乡里乡亲)|afraid|find out it was me/i;
const FEAR_ONLY = /会不会(开除|辞退|报复|找(我|俺)(的)?(麻烦|事))|找(我|俺)(的)?麻烦|报复(我|俺)|丢(工作|饭碗)/;
/** Asking to stay unknown to the business: a choice of anonymity. */
const WISH_UNKNOWN =
  /别说|别(跟|给|对)|(别|不要|不能|千万别|可别)告诉|(不想|不要|不能|不愿意?|莫|不敢|千万别|可别)(让|叫|给)|例行检查|别写我|不写我|不要写我|别留我|不留我|不留名|匿名|(?<!能|会|可以)保密(?![吗不么])/;

function rewardAck(yes: boolean, lang: Lang): string {
  if (lang === 'en') return yes ? 'Noted: you want to apply for the reward.' : 'Noted: no reward.';
  return yes ? '好的，记下了：申请举报奖励。' : '好的，不申请奖励。';
}

/**
 * Wishes in a message that are about something other than the question asked: a reward wanted or not
 * (a bare "要"/"好"/"不用" right after the bot explained rewards is read against that), and the wish to
 * stay unknown to the business. They are stored and acknowledged; `rest` is what is left for the question
 * ("" when the message was only about those things).
 */
function sideWishes(
  text: string,
  d: Draft,
  asking: Slot | null,
  lastTopic: ConvState['lastTopic'],
  anonSaid: boolean,
  lang: Lang,
): { acks: string[]; rest: string } | null {
  const en = lang === 'en';
  const clauses = text
    .split(/(?<=[？?])|[，,。.!！；;\n]+/)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  // "恁别跟他说是俺告哩啊 都是一个村哩": a complainant who would rather stay unknown is told the truth — the
  // business learns of the purchase it must refund, never the contact details — and offered an anonymous report.
  if (d.kind === 'complaint' && asking !== 'anonymous' && CONFIDENTIAL.test(text) && !/[?？]/.test(text))
    return {
      acks: [
        en
          ? 'Your phone number and address are never given to the business. To refund or replace, though, it will know which purchase was complained about; if you would rather it never knew, you can make an anonymous report instead (reply "report").'
          : '放心，您的电话、住址不会告诉商家；不过投诉要让商家给您退换，商家会知道是哪笔买卖被投诉了。要是不想让他知道是您，也可以改成匿名举报（回复“改成举报”）。',
      ],
      rest: clauses.filter((c) => !CONFIDENTIAL.test(c) && !/(都是|一个|同一个|一)(村|庄|院|条街)(的|哩|嘞)?$/.test(c)).join('，'),
    };
  if (d.kind !== 'report' && d.kind !== 'both') return null;
  const acks: string[] = [];
  const rest: string[] = [];
  clauses.forEach((c, i) => {
    const bare = c.replace(/^(那|那就|嗯|好的?|行)?[，,\s]*/, '').replace(/[的啊呀吧了哈嗯\s]+$/, '');
    // "没店名" is no "no": a word about a name, a shop or a sign is not a yes or a no.
    const yn =
      (bare.length <= 4 && !/名|店|招牌|牌子|字号/.test(bare)) || /^(yes|no|ok|okay|sure|yeah|nope)$/i.test(bare) ? parseYesNo(c) : null;
    // A bare yes/no first thing, right after rewards (or anonymity) were explained: the answer to that.
    if (i === 0 && yn !== null && asking !== 'reward' && asking !== 'anonymous' && asking !== 'consent') {
      // "算了算了，还是匿名": a yes or no about anonymity, not the reward just explained.
      if (
        lastTopic === 'reward' &&
        d.kind === 'report' &&
        (d.wantsReward === undefined || d.wantsReward === yn) &&
        !/匿名|实名|anonym|real name/i.test(text)
      ) {
        d.wantsReward = yn;
        acks.push(rewardAck(yn, lang));
        return;
      }
      if (lastTopic === 'anonymous' && d.kind === 'report' && (d.anonymous === undefined || d.anonymous === yn)) {
        d.anonymous = yn;
        acks.push(yn ? (en ? 'Noted: anonymous.' : '好的，按匿名举报。') : en ? 'Noted: with your name.' : '好的，按实名举报。');
        return;
      }
    }
    // "我不想让厂里知道是我": the reporter's identity is kept from the business.
    // "你们查的时候能不能别说是村里人举报的": a request put as a question is still a request.
    const asked = /[?？]|吗$|能不能|可不可以|会不会/.test(c) && !/(能不能|可不可以|能|可以)(千万)?(别|不要)/.test(c);
    if (asking !== 'anonymous' && CONFIDENTIAL.test(c) && !asked && d.kind === 'report') {
      if (d.anonymous === false) {
        // A named reporter keeps the name: it is still never given to the business.
        acks.push(
          en
            ? 'Your name stays confidential: the business is never told who reported it.'
            : '放心，实名举报的信息也保密，不会告诉被举报的一方是谁举报的。',
        );
        return;
      }
      // "他知道了要找我麻烦": a fear, not yet a choice — answered; anonymity is still the citizen's to choose.
      if (d.anonymous === undefined && FEAR_ONLY.test(c) && !WISH_UNKNOWN.test(c)) {
        // "你们能保密吗 他知道了要找我麻烦": the question's answer (the knowledge base) says it already.
        if (!/保密(吗|不)|能不能保密|会不会(说|透露|泄露|告诉)/.test(text))
          acks.push(
            en
              ? 'Your identity stays confidential: the business is never told who reported it. You can also report anonymously.'
              : '放心，举报人的信息严格保密，不会告诉被举报的一方是谁举报的；您也可以选择匿名举报。',
          );
        return;
      }
      const newly = d.anonymous === undefined;
      d.anonymous = true;
      acks.push(
        en
          ? 'Your identity stays confidential: the business is never told who reported it.'
          : `放心，您的身份会保密${newly || !anonSaid ? '，按匿名举报' : ''}，不会告诉被举报的一方是谁举报的。`,
      );
      return;
    }
    // "那俺还是实名吧，俺叫韩明亮": reporting by name, chosen while something else was asked.
    if (
      asking !== 'anonymous' &&
      d.kind === 'report' &&
      d.anonymous !== false &&
      /^(那|那就|好|行)?(俺|我)?(还是|就|就用|干脆)?实名(吧|举报吧?|好了|算了)?$/.test(bare)
    ) {
      d.anonymous = false;
      acks.push(en ? 'Noted: with your name.' : '好的，按实名举报。');
      return;
    }
    rest.push(c);
  });
  if (acks.length === 0) return null;
  const left = rest
    .join('，')
    .replace(/^(但是|但|不过|可是|还有|另外|而且|就是)/, '')
    .trim();
  return { acks, rest: left };
}

/** The message names the business or township the draft already holds, and the question was about something else. */
function restatesKnown(u: Understanding, d: Draft, asking: Slot): boolean {
  const b = u.business.value;
  const same = (x: string, y: string) => x.includes(y) || y.includes(x);
  if (asking !== 'business' && b && d.businessName && same(b, d.businessName)) return true;
  return asking !== 'where' && u.township.value !== null && d.township === u.township.value;
}

/** A home address said on its own: a place with a number, a building or an estate. */
function looksLikeAddress(text: string): boolean {
  const t = text.trim();
  return (
    t.length >= 5 &&
    t.length <= 80 &&
    /\d+号|号楼|单元|小区|家属院|村\d|组$|村$/.test(t) &&
    /路|街|村|小区|院|楼|组|巷/.test(t) &&
    !/\d{1,2}月\d{1,2}[号日]|[?？]|[，,].*[，,]/.test(t)
  );
}

/** A message that asks something rather than tells it. */
function isQuestion(input: string): boolean {
  const text = input.replace(WHATEVER_IS_DUE, '');
  return (
    // (English question words only where a sentence starts: "…and when I cut it there was mould" asks nothing.)
    /[?？]|吗|呢$|多少|怎么|咋|能不能|可不可以|有没有|什么时候|啥时候|多久|为什么|是不是|会不会|能否|是否|(?:^|[.!?,;:]\s*)(?:how|what|when|can i|will)\b/i.test(
      text,
    ) || A_NOT_A.test(text)
  );
}

/** "地址错了" right after the home address was given is about the home address, not the business's. */
function aboutLast(slot: Slot | null, last: Slot | undefined): Slot | null {
  if (slot === 'where' && last === 'address') return 'address';
  return slot;
}

function isSlot(step: string): step is Slot {
  return !['menu', 'summary', 'handoff'].includes(step);
}

function problemText(p: string, lang: Lang): string {
  const w = W[lang];
  switch (p) {
    case 'bad_phone':
      return w.badPhone;
    case 'aside':
      return lang === 'en' ? 'I see.' : '嗯，明白。';
    case 'phone_refused':
      return lang === 'en'
        ? 'A complaint needs a phone number so the officer can reach you while mediating; only the officers see it, never the business.'
        : '投诉要调解，得留个电话方便办案人员联系您；号码只有办案人员能看到，不会给商家。';
    case 'bad_name':
      return w.badName;
    case 'name_is_business':
      return w.nameIsBusiness;
    case 'bad_date':
      return w.badDate;
    case 'bad_id':
      return w.badId;
    case 'need_business':
      return w.needBusiness;
    case 'need_where':
      return w.needWhere;
    case 'business_is_place':
      return lang === 'en' ? 'Got it, that is where it is.' : '好的，位置记下了。';
    case 'evidence_note':
      return lang === 'en' ? 'Noted about the photo; I have added it for the officers.' : '好的，照片的情况记下了，会一起交给办案人员。';
    case 'short':
      return w.needMore;
    default:
      return w.notUnderstood;
  }
}

function startLine(k: Kind, lang: Lang, text = ''): string {
  const w = W[lang];
  // "实名举报" is not told it may stay anonymous.
  if (k === 'report' && /实名|real name/i.test(text) && !/匿名|anonym/i.test(text) && !REFUSES_REAL_NAME.test(text))
    return lang === 'en' ? 'OK, I will register your report under your real name.' : '好的，我来帮您登记实名举报。';
  return k === 'complaint' ? w.complaintStart : k === 'report' ? w.reportStart : k === 'both' ? w.bothStart : w.consultStart;
}

const PURE_INTENT = {
  /** Only a greeting and what the citizen wants to do ("俺想反映个事儿 举报", "你好，我要匿名举报一个饭店"): no story yet. */
  test(text: string): boolean {
    if (!/投诉|举报|反映|咨询|问问|问一下|说个事|说件事/.test(text)) return false;
    const rest = text
      .replace(/喂|你好|您好|同志|恁好|在吗|麻烦|请问/g, '')
      .replace(
        /(我|俺|咱)?(就|也|是)?(要|想|来|得|需要)?(给(你们|恁)|跟(你们|恁))?(匿名|实名)?(投诉|举报|反映|咨询|问问|问一下|说说|说个|说件)/g,
        '',
      )
      .replace(/(一下|一个|一件|个|件|点)?(事儿?|事情|情况|问题|饭店|超市|商家|店|饭馆|厂|作坊)/g, '')
      .replace(/[我俺哩啊呀吧嘞了的哈嗯，,。.！!\s]/g, '');
    return rest.length <= 1;
  },
};

const PROBLEM =
  /无根水|无根剂|无根素|漂白|增白|灌[^，。]{0,3}酒|当(成)?真[^，。]{0,2}卖|以假充真|回收(的)?[^，。]{0,4}瓶|(少|差)了?[一二三四五六七八九十两半\d]+(两|斤|克)|一称(才|只有)|(啥|什么)字(都|也)?没(有)?|没(有)?厂名|没(有)?厂家|下水道|阴沟|臭水沟|污水|脏水|死老鼠|根本不是|不是真的?|不是正宗|饿着肚子|拉了?[^，。]{0,4}肚子|闹肚子|创可贴|指甲|抹布|钉子|石子|沙子|橡皮筋|塑料袋|吃出来?(了)?(一个|一根|一块|一只|一片|个|根|块|只|片)|吃出(了)?(问题|毛病|事)|出(了)?问题|吃不饱|分量不够|量太少|克扣|掺|兑了|糖水|味道不对|味道怪|缺斤|短斤|少秤|鬼秤|以次充好|冒牌|山寨|不合格|超标|没(有)?标签|无标签|没(有)?生产日期|三无|没换过|反复用|重复(使)?用|吃剩|剩菜|剩饭|(都|从来|也)不换|不换油|油(都|是)?黑(的|了|得)|回锅(?!肉)|端给(下一桌|别人|别的客人|下一个)|异味|怪味|[股有][^，。]{0,4}味|过期|变质|发霉|霉|异物|虫|头发|苍蝇|蟑螂|老鼠|臭|馊|坏了|假|冒充|无证|没有?证|没有?执照|地沟油|泔水|病死|死猪|死鸡|死(蟹|螃蟹|鱼|虾|龙虾|鸭|牛|羊|甲鱼|黄鳝|泥鳅)|是死的|死了的|注水|农药|瘦肉精|添加|没(炸|煮|烤|蒸|烧)?熟|不熟|夹生|带血丝|色素|染色|掉色|上色|苏丹红|硼砂|甲醛|吊白块|防腐剂|西药|脏|生的|塑料|钢丝|烟头|拉肚子|吐|疼|发烧|住院|结块|胀袋|哈喇|酸了|(?<!辛|痛|刻|艰|吃)苦|涩|骨头|玻璃|铁丝|标签|日期|改日期|重新装|冷库|走私|检疫|cockroach|hair|fly|insect|expired|rotten|sick|fake|mou?ldy?|spoil|stale|plastic|glass|worm|\bbug|dirty|undercooked|raw inside|poison|vomit|diarrh|smell|dyed|past its|used oil|gutter oil|waste oil|drain|recycl|reus(e|ing)|swill|dead (pig|chicken|cattle|animal)|unlicen[cs]ed|no (licen[cs]e|permit|label)|without (a )?(licen[cs]e|permit|label)|overcharg|short[- ]weight|counterfeit|additive|illegal|banned|pesticide|clenbuterol|hospital|stomach|food poisoning|maggot|\brats?\b|\bmice\b|\bmouse\b|metal|\bwire|mixed with|watered|swapped|relabel|re-?pack|smuggl|quarantine|\bill\b/i;

/** A story with no concrete problem in it ("他家的油不对劲", "我要反映邻居家的豆腐坊"). */
/** "想咨询个政策问题，能给书面回复的那种": a wish to ask, with no question in it yet (the question is asked for). */
function onlyAsksToAsk(text: string): boolean {
  const rest = text
    .replace(
      /(你好|您好|恁好|在吗|在不在|在么|有人吗|同志|老师|请问)|(我|俺)?(想|要)?(咨询|问|请教)(一)?(个|下|一下|几个)?(政策|法律|法规|规定|食品)?(上的|方面的)?(问题|事儿?)?|(能|能不能|可以|可不可以)?(给|出)?(个|一个|份)?(正式的?)?书面(的)?(答复|回复|说法)(吗)?(的那种)?|written (answer|reply)|(i )?(want|would like|have) (to ask )?(a )?(policy |legal )?question|\b(please|can i|could i|get|a)\b/gi,
      '',
    )
    .replace(/[\s，,。.!！？?~～…的那种吧呢啊]/g, '');
  return rest.length < 3;
}

function thin(text: string, u: Understanding): boolean {
  // "后厨太脏了" says something is wrong, not what was seen: it is asked for.
  const concrete = text
    .replace(/太?脏了?|很脏|不干净|卫生(很|太|特别)?(差|不好|不行)|不卫生|乱七八糟/g, '')
    // "先说一下我手机坏了": the citizen's phone broken is no problem with food.
    .replace(/(手机|电话|电脑|车子?|腿|眼睛|耳朵)(也)?(坏了|不好使|摔了)/g, '')
    // "天天黑价熬油，臭哩很": a smell around a workshop says something is wrong, not what: asked for.
    .replace(/臭(哩|的|得)(很|不行|要命)|很臭|臭烘烘|熏人|(味|味儿|味道)(很|太|特别)?(大|冲|难闻)|难闻/g, '')
    // "外卖吃出问题了" says something is wrong, not what: asked for.
    .replace(VAGUE_PROBLEM, '')
    // "I think what they do is illegal": a judgement, not what was seen.
    .replace(
      /\b(what|the things?|the stuff) (they|he|she|the (boss|owner|kitchen))( do| does| did| are doing| is doing)? (is|are|was|were|seems?|looks?) (illegal|wrong|not right)\b/gi,
      '',
    );
  // "外卖吃坏肚子了 想投诉": ill, but not what was eaten: asked, so the story says which food and how.
  const han = (text.match(/\p{Script=Han}/gu) ?? []).length;
  const food = u.product.value !== null && !/^(外卖|饭|东西|菜|吃的|饭菜|食物)$/.test(u.product.value);
  if (u.harm.value.ill !== 'none' && han < 16 && !food && !u.business.value && !/[a-z]{3}/i.test(text)) return true;
  // "有个黑作坊 没证": no licence, but not what it makes or what was seen there: asked for.
  if (
    LICENCE_ONLY.test(text) &&
    !food &&
    han < 24 &&
    u.harm.value.ill === 'none' &&
    !PROBLEM.test(concrete.replace(new RegExp(LICENCE_ONLY.source, 'g'), ''))
  )
    return true;
  // "在超市买的东西过期了": what was wrong, but not which food — asked, as the food decides the remedy.
  if (!food && han < 40 && /(买|卖)(的|了)?(点|些|个)?(东西|吃的|食品)/.test(text) && !u.business.value) return true;
  if (u.harm.value.ill !== 'none' || PROBLEM.test(concrete)) return false;
  // "亚硝酸盐一袋一袋往锅里倒，肉红得吓人…": a suspected crime named in a story of some length says what was seen.
  if (han >= 30 && crimeWordsIn(text).length > 0) return false;
  // A long story, or claims that a food cures disease (保健品 sold at 讲座), says what happened.
  if ((text.match(/\p{Script=Han}/gu) ?? []).length >= 80) return false;
  // The same in English: thirty words tell a story.
  // ("…and I think what they do is illegal": a judgement with nothing seen is asked about, however long.)
  if (
    (text.match(/[A-Za-z]+/g) ?? []).length >= 30 &&
    !/\b(illegal|wrong|not right|shady|dodgy|suspicious|something (off|fishy|strange|weird))\b/i.test(text)
  )
    return false;
  if (/能治|治病|治好|包治|疗效|降血糖|降血压|代替药|虚假宣传|讲座|骗(了|人|钱|老)/.test(text)) return false;
  // A suspicion in vague words ("卤肉里头加哩有东西", "油不对劲") names no problem yet: ask what was seen.
  return !u.suspected_crime.value || VAGUE.test(text);
}

/** A correction and any more fields corrected with it; true when one of them changed the draft. */
function applyCorrections(d: Draft, c: Correction, lastSlot: Slot | undefined, now: Date): boolean {
  let changed = applyCorrection(d, aboutLast(c.slot, lastSlot), c.old, c.value, now);
  for (const m of c.more ?? []) changed = applyCorrection(d, m.slot, m.old, m.value, now) || changed;
  return changed;
}

/** Food gone off in the hand of whoever tells it ("奶油是酸的", "肉是臭的"). */
const SPOILED = /馊|臭了|臭的|是臭|发臭|变质|发霉|长毛|生虫|有虫|虫子|头发|异物|苍蝇|蟑螂|坏了|酸了|是酸的|发酸|酸味/;

/** A report's whole story is a charge in a few words ("举报地沟油", "有人卖病死猪肉"): details are asked at the end. */
function bareCharge(text: string, d: Draft): boolean {
  if (d.kind !== 'report' && d.kind !== 'both') return false;
  // English stories are measured in words, and a sentence of them is no bare charge.
  if (/[a-z]{3}/i.test(text)) return false;
  // Questions ("要身份证不要？") and wishes about the name ("俺不想露名") tell nothing that was seen.
  const told = text
    .split(/(?<=[，,。！!？?\n])/)
    .filter((c) => c.length > 20 || !/[？?]|吗|要不要|能不能|咋|怎么|多少/.test(c))
    .join('')
    .replace(/(不想|不愿意?|不敢|别)?(露名|留名|留名字|实名)|(不想|别|不能)(让|叫)[^，,。]{0,6}知道|问一下|问问/g, '');
  const core = told.replace(/举报|投诉|反映|我要|我想|俺要|俺想|匿名|实名|有人|一下|个|[\s，,。！!？?]/g, '');
  return (core.match(/\p{Script=Han}/gu) ?? []).length < 14 && crimeWordsIn(text).length + (PROBLEM_WORDS.test(text) ? 1 : 0) > 0;
}

/** A story told in a few words: what was seen is asked once more at the end, as an operator would. */
function shortStory(text: string): boolean {
  const T = 30;
  // English is measured in words (a brand in Latin letters, "DoDo茶", does not make a Chinese story English).
  const words = (text.match(/[A-Za-z]+/g) ?? []).length;
  if (words > (text.match(/\p{Script=Han}/gu) ?? []).length) return words < T * 0.6;
  const core = text.replace(/举报|投诉|反映|我要|我想|俺要|俺想|匿名|实名|一下|[\s，,。！!？?]/g, '');
  return (core.match(/\p{Script=Han}/gu) ?? []).length < T;
}

/** Only that a place works without a licence (黑作坊, 没证, 无证). */
const LICENCE_ONLY = /黑作坊|黑窝点|无证(经营|生产|加工)?|没(有)?(办)?(证|执照|许可证?|营业执照)/;

/** "吃出问题", "出问题了": that something is wrong, not what. */
const VAGUE_PROBLEM = /吃出(了)?(问题|毛病|事)|出(了)?问题/g;

const VAGUE =
  /有东西|吃出(了)?(问题|毛病|事)|出(了)?问题|不对劲|不正常|有问题|不干净|有猫腻|乱加|瞎加|加了?啥|不知道加的?啥|something (wrong|off)|not right/i;

/** People ill right now: the engine's harm, or plain words ("现在都在吐"). */
const RECOVERED =
  /好了|好多了|好些了|好点了|缓过来|没事了?|没事儿|木事|没啥事|已经好|恢复了|出院了|不吐了|不拉了|\b(i'?m|he'?s|she'?s|(is|are) now) (fine|ok|okay|better)\b/i;

/**
 * "那药是禁用哩…这会儿还在卖": food suspected of a crime being sold (or served, delivered) at this moment — an
 * ongoing danger to many, urgent like someone ill now.
 */
export function dangerNow(text: string, u: Understanding, story = ''): boolean {
  // "面包车可能还在那呢，你们快点来人" after a story of dead animals skinned: the crime is in the story told before.
  if (u.suspected_crime.value === true) return IN_PROGRESS.test(text) || COME_NOW.test(text);
  // The crime only in the story: "卖了小半年了，现在还在卖" is a long-running sale, not something happening this minute.
  if (story === '' || crimeWordsIn(story).length === 0) return false;
  return COME_NOW.test(text) || (IN_PROGRESS.test(text) && /正在|这会儿|此刻|眼下|现在有/.test(text));
}

/** Being done at this moment: "这会儿还在卖", "现在有个三轮车在往里卸死猪". */
const IN_PROGRESS =
  /(这会儿|此刻|眼下|现在|正在)(还|都|也)?(有[^，。！？!?\s]{0,6})?(在|正在)?[^，。！？!?\s]{0,4}(卖|摆摊|送货|装车|发货|上桌|端上|卸|宰|杀|剥|扒|熬|炼|灌|加工|拉走)|(still|right now)[^.!?]{0,20}(selling|serving|delivering|unloading|slaughtering)/i;
/** The people or the van still at the scene: "面包车可能还在那呢" ("赶紧来人" alone is urging, noted with the story). */
const COME_NOW =
  /(车|人|他们)(可能|应该|估计|现在)?(还|正)在(那|那儿|那里|这|院里|现场)|(they|the (van|truck|car|men)) (are|is|might be) still (there|here)/i;

export function illNow(text: string, u: Understanding): boolean {
  const recovered = RECOVERED.test(text);
  // (Near the illness in a long message: "孩子吃一口就吐了 … 冷库里一堆过期奶油 一直在用" is no one ill now.)
  const present =
    text.length <= 40
      ? /现在|正在|还在|一直|到现在|送医院|急诊|救护车|120|抢救/.test(text)
      : /(现在|正在|还在|一直|到现在)[^。！？!?]{0,12}(吐|拉|疼|痛|烧|晕|难受|不舒服|医院|卫生院|诊所|输液|吊|抢救)|(吐|拉|疼|痛|烧|晕|难受|不舒服|医院|卫生院|诊所)[^。！？!?]{0,10}(现在|正在|还在|一直|到现在)|送医院|急诊|救护车|120|抢救/.test(
          text,
        );
  return (
    (u.harm.value.ill === 'now' && u.urgency.value === 'urgent' && present && !recovered) ||
    /(现在|正在|还在|都在|一直在?|这会儿?|此刻)[^，。！？]{0,4}(吐|拉|疼|发烧|昏|抽搐|喘不上|过敏)/.test(text) ||
    (!recovered && /(这会儿|现在|还有|还在|都在)[^，。！？]{0,8}(医院|卫生院|诊所|急诊|输液|打吊瓶|吊水|住院)/.test(text)) ||
    (!recovered && /(这两天|这几天|今天|今儿)[^，。！？]{0,3}(吐|拉|疼|发烧)[^，。！？]{0,2}(得不行|得厉害|不止|个不停)/.test(text)) ||
    // "我老公刚才又吐了一回，浑身没劲": ill this very hour.
    (!recovered && /(刚才|刚刚|这会儿)[^，。！？]{0,3}(又)?(吐|拉|晕|昏|抽)/.test(text)) ||
    // "since this morning he's been throwing up non-stop and shaking": English, ill as they write.
    (!recovered &&
      u.harm.value.ill === 'now' &&
      /\b(non-?stop|right now|(has|have|'s|'ve) been (throwing up|vomiting|shaking)|keeps? (throwing up|vomiting)|can'?t stop (throwing up|vomiting)|(in|at|to) (the )?hospital|ambulance|emergency)\b/i.test(
        text,
      ))
  );
}

/**
 * A message that gives only facts (a business, a place, a time) and no story ("饭店叫蜀香苑，在龙湖镇，
 * 上周末去的", "在观音寺镇，俺一个礼拜前见哩"): the facts fill the draft, but it is not what happened.
 */
export function factsOnly(text: string, u: Understanding): boolean {
  if (!thin(text, u) || u.product.value !== null) return false;
  const spans = [u.business.value, u.place.value, u.township.value, u.incident_time.value?.phrase].filter(
    (x): x is string => typeof x === 'string' && x.length > 0,
  );
  if (spans.length === 0) return false;
  let rest = text;
  for (const sp of spans.sort((a, b) => b.length - a.length)) rest = rest.split(sp).join('');
  rest = rest
    .replace(/(饭店|饭馆|店|馆|超市|商家|摊|厂)?(的)?(名字|店名)?(叫|是|就是|就叫)/g, '')
    .replace(/那边|这边|附近|旁边|那儿|那里|这里|地址|时间|时候|大概|好像|应该/g, '')
    .replace(/我|俺|他家|他们|去的|吃的|买的|见的|看见的|见哩|看见哩|去哩|吃哩|买哩|发现的|在|是|的|了|哩|那|个|家|就|也|还|呀|啊|吧/g, '')
    .replace(/\b(it|is|was|the|at|in|on|near|called|named|we|i|went|there|a)\b/gi, '')
    .replace(/[\s，,。.！!、：:;；]/g, '');
  return rest.length <= 2;
}

/** A message that tells something (food, a problem, a place), not only a wish or a greeting. */
/** "对了，还有…", "另外…", "补充一下…": more to the story. */
const ADDENDUM =
  /^(哦|噢|啊)?(对了|还有|另外|还有就是|补充(一下|一点)?|再补充(一下|一点)?|忘了说)[，,：:\s]*(还有)?[，,\s]*|^(oh,?\s+)?(and also|also|one more thing|by the way|btw|oh and|and)[,:]?\s+/i;

/** "同志你好，我是个退休老师，七十多了，打字慢，你们别嫌烦": who is writing, not yet what happened. */
const INTRO =
  /^(同志|您好|你好|领导|师傅|在吗|喂)?[，,！!。\s]*(你好|您好)?[，,！!。\s]*(我|俺)((是|叫)[^，。,]{0,14}(老师|党员|老人|退休|村民|居民|家长|学生|工人|司机|老头|老太太|大爷|大妈|大娘)|今年|岁数|年纪)|打字慢|别嫌(我)?烦|不会打字|眼神不好|闺女教我|儿子教我|孙子教我|第一次用|不(大|太)?会(使|用|弄|玩)(这个)?手机|(叫|让)(俺|我)?(孙子|孙女|儿子|闺女|外孙)帮(俺|我)?(弄|打|发)|今年[一二三四五六七八九十]{2,3}(岁)?了/;

/** "早上好☀️ 你们周六也上班啊，辛苦了": greetings and courtesies only, no matter yet. */
function pleasantriesOnly(text: string): boolean {
  const rest = text
    .replace(
      /早上好|上午好|中午好|下午好|晚上好|你好|您好|恁好|同志|在吗|喂|打扰(了|一下|您了|你们了)?|麻烦(你们|您|恁)?了|不好意思|辛苦(你们|您|恁)?(了|啦)?|(你们|恁|您)?(周六|周末|星期六|礼拜六|周日|星期天|星期日|礼拜天|大周末的?|今天|这么早|大清早的?)(也|还)(上班|在班|有人|值班|在)(啊|呢|哈|呀|吗|哩|嘞)?/g,
      '',
    )
    .replace(/[\s\p{P}\p{S}\p{M}\p{Extended_Pictographic}]/gu, '');
  return rest === '' && text.trim().length > 0;
}

/**
 * "你好 我想反映个事", "有个情况想跟你们说一下", "俺要反映个事 是俺儿媳妇跟俺说哩": a matter announced, not yet
 * told.
 */
const ANNOUNCE =
  /^(同志|您好|你好|领导|师傅|在吗|喂|hello|hi)?[，,！!。\s]*(你好|您好)?[，,！!。\s]*(我|俺)?(想|要|来)?(跟|给|向)?(你们|恁|您)?(反映|说|讲|报告|反应)(一)?(个|一个|一下|下|点)?(事|事儿|事情|情况|问题)?([，,\s]+(是|这是)?(俺|我)(家)?[^\s，,。]{1,4}(跟|给|对)(俺|我)说(的|哩|嘞|了)?)?[。！!～~\s]*$|^(有|有个|有一个|有件)(事|事儿|事情|情况)(想|要)?(跟|给|向)?(你们|恁|您)?(反映|说|讲|问)?(一下|下)?[。！!～~\s]*$/i;

/** The writer wants something back for themselves: "我想让他把饭钱退了", "得给我赔". */
/** The other kind added, not chosen instead ("我想顺便举报他们", "也要投诉", "另外还想举报"). */
const ALSO_THE_OTHER =
  /^(?!.*(不|别)(投诉|举报|投|举)了)(?=.*((顺便|顺带|也|还|另外|同时|再)(想|要|得)?(一起)?(举报|投诉)|\b(also|as well)\b))/i;

/** The writer's own money wanted back, said as a wish ("我也想让他把钱退给我", "我的钱也得退"). */
const OWN_REFUND_TOO =
  /(我|俺)(也|还)(想|要|得)(让|叫)?(他|她|他们|商家|老板|店家)?(把)?[^，。！？?]{0,6}(钱|款)[^，。！？?]{0,3}(退|赔|还)(给)?(我|俺)?|(我|俺)的钱(也|还)?(得|要)(退|要回来)/;

const OWN_REMEDY_WISH =
  /(我|俺)(想|要|得)?(让|叫)?(他|他们|他家|商家|店家|老板)?(把)?[^，。！？?]{0,6}(退(给)?(我|俺)?|赔(给)?(我|俺)?|道歉)|(退|赔)(我|俺)(钱)?|I want (my money back|a refund|compensation)/i;

/** A remedy given up in passing: "那十几块钱俺不要了", "钱我也不要了", "不要他退了". */
const REMEDY_DROPPED =
  /(钱|款|退|赔)[^，。！,]{0,6}(俺|我)?(也)?(不要了|不要啦|不用了|不用退了|算了)|(不要|不用)(他|她|他们)?(退|赔)(钱|了)/;

/** No remedy wanted from the business: "没啥要求", "算了不要了", "本来想退钱，算了不要了". */
const NO_REMEDY =
  /^(也|俺|我)?(没啥|没有|没什么|啥也不|什么也不|啥都不|什么都不)(要求|要|想要|诉求|图)?(了|的|啊|哩)?[。！!]?$|^(算了|现在)?[，,\s]*(也)?(不要了|不用了)[。！!]?$|^(本来|原来|原先)(想|要)[^，。]{0,6}(退|赔)[^，。]{0,4}[，,\s]*(算了|现在)?[，,\s]*(也)?(不要了|不用了)[。！!]?$|^(nothing|no,? nothing|i don'?t want anything)/i;

/** A sentence that adds to the story: a problem named, or a plain statement of some length (no question). */
function moreStory(text: string, u: Understanding, asking: Slot | null): boolean {
  const t = text.trim();
  if (/[?？吗呢]$|[?？]|会不会|能不能|要不要|是不是|可不可以|能否|是否/.test(t) || ACT_MARKERS.test(t)) return false;
  if (substantive(t, u)) return true;
  // A name, a phone or an ID the reader could not take is no story: asked again instead.
  if (asking === 'name' || asking === 'phone' || asking === 'idNumber' || asking === 'address') return false;
  const han = t.match(/\p{Script=Han}/gu)?.length ?? 0;
  // English: a statement of six words or more ("That's the receipt and the label, you can see it's a photocopy.").
  const words = han === 0 ? (t.match(/[A-Za-z']+/g)?.length ?? 0) : 0;
  return (han >= 12 || words >= 6) && !/[0-9０-９]{5,}/.test(t);
}

function substantive(text: string, u: Understanding): boolean {
  const t = text.trim();
  if (PURE_INTENT.test(t.replace(/\s/g, ''))) return false;
  if (INTRO.test(t) && !PROBLEM.test(t) && !u.product.value && u.harm.value.ill === 'none' && !u.suspected_crime.value && t.length < 60)
    return false;
  // Short, but a problem is named ("有人卖病死猪肉", "面包发霉了"): a story, if a thin one.
  if (t.length < 8 && !(t.length >= 5 && (PROBLEM.test(t) || u.suspected_crime.value))) return false;
  // "你们管不管缺斤短两的！！！": short and a question, but a problem is named.
  if (ACT_MARKERS.test(t) && t.length < 20 && !PROBLEM.test(t)) return false;
  return (
    u.product.value !== null ||
    u.harm.value.ill !== 'none' ||
    u.suspected_crime.value ||
    u.category.value !== 'other_non_food' ||
    PROBLEM.test(t) ||
    // An English story of a sentence or more about food and what is wrong with it.
    ((t.match(/[A-Za-z']+/g) ?? []).length >= 12 &&
      /\b(restaurant|shop|stall|store|supermarket|kitchen|canteen|factory|workshop|food|meat|pork|beef|chicken|oil|milk|bread|noodles?|rice|drink|tea|cake|takeaway)\b/i.test(
        t,
      ) &&
      /\b(expired|mou?ld|rotten|spoiled|sick|vomit|diarrh|dirty|fake|insects?|hair|cockroach|flies|fly|worms?|smell|stale|raw|illegal|licen[cs]e|pork|dead|gutter|cheat|short|plastic|glass|metal|stones?)\b/i.test(
        t,
      ))
  );
}

/** The kind for a first message, or 'answer-only' for a question answered on the spot. */
/** The message ends on a decision: "……那就举报", "那还是投诉吧", "行，举报". */
const DECIDED_LAST = /(那|就|那就|那还是|还是|行|中|好)[，,\s]*(我|俺)?(就)?(要)?(投诉|举报|两样都要)(他|他们|吧|了|一下)*[。！!～~]*$/;

/** Bought, ate or was sold something: the writer's own purchase (or meal). */
const OWN_BOUGHT =
  /买|吃|喝|点的|外卖|卖给(我|俺)|割(了|哩|的)|称(了|哩|的)|上了?[^，。！]{0,6}的?当|被骗|骗了?(我|俺)|\b(ate|eating|bought|ordered|drank)\b/i;
/** The goods' state told ("鸡蛋是坏的", "肉坏了", "面包长毛了"), not someone's doing. */
const GOODS_BAD = /(坏|臭|馊|霉|长毛|变质|过期|不新鲜)(的|了|哩|嘞|啦)/;
/** Someone's conduct or others affected: a tip more likely than the writer's own purchase. */
const OTHERS_CONDUCT =
  /有人|有家|有个|他们|他家|人家|厂里|后厨|老板(让|叫)|天天|专门|一直|老是|总是|经常|卖给(学生|小孩|孩子|老人|别人)|学校|幼儿园|小学|食堂|(用|拿)[^，。]{0,3}(过期|发霉|坏|臭)|卖[^，。的]{0,2}(过期|发霉|臭|坏|变质)/;

function decideKind(
  text: string,
  u: Understanding,
  acts: Acts,
  topics: Topic[],
  answeringKind: boolean,
  firstStory = true,
): Kind | 'answer-only' | null {
  // "老板把钱退给我了…我想把投诉撤了": an earlier complaint withdrawn — answered, nothing new filed.
  if (topics.includes('withdraw') && !/(再|另外|还要|又)(投诉|举报)/.test(text)) return 'answer-only';
  // "恁说投诉还是举报？": the choice asked back names no kind.
  const k = kindWanted(text.replace(/(算)?(投诉|举报)还是(算)?(投诉|举报)/g, ''));
  // "先问问，俺还没想好要不要举报": nothing chosen yet — answered, not filed.
  if (!k && NOT_DECIDED_YET.test(text) && (answeringKind || !substantive(text, u))) return 'answer-only';
  if (answeringKind) {
    // "不是上周日 是上周六" while the kind is asked: a fact corrected, no kind chosen.
    // ("我买的酒不对 我要找他退": something wrong with the goods and a wish — the wish says the kind.)
    if (acts.correction && !k && kindFromWishes(text, u) === null) return null;
    if (acts.wantsWritten && !k) return 'consultation';
    // The answer to "投诉、举报，还是两样都要？": "两样都要", "都要", "both".
    if (/^(两样|两个|俩|都)?都要|^两样|^\s*both\b/i.test(text.trim())) return 'both';
    // "你们到底管不管？？" in answer to the kind question: answered, and the kind asked again.
    if (!k && /[?？]|吗|管不管/.test(text) && kindFromWishes(text, u) === null) return null;
    // "我要投诉他们，把钱要回来。他们还在骗别的老人，你们得管管": the kind named, and a wish for both.
    if (k && k !== 'consultation' && kindFromWishes(text, u) === 'both') return 'both';
    // "投诉，还得罚他", "投诉！还要你们查他": a complaint named and punishment wished besides.
    if (k === 'complaint' && kindFromWishes(text, u) === 'report' && ALSO_PUNISH.test(text)) return 'both';
    // "平台那边说让找商家 商家不理我": the business would not put it right — a complaint to mediate.
    const refused =
      /(商家|老板|店家|店里|卖家|他们?|她)(也|就|根本|压根)?(不理|不管|不认|不给(我|俺)?(退|赔|换|处理)|不退|不赔|耍赖|推来推去|踢皮球)/.test(
        text,
      );
    // "早上好 你们周六也上班啊" answered with the choice, then "我前天在孟庄集上买的猪肉…这不是注水肉嘛": the story of
    // the writer's own purchase, told in place of the choice and with no wish — the choice is asked (once) after it.
    if (
      !k &&
      firstStory &&
      !refused &&
      kindFromWishes(text, u) === null &&
      (u.kind.value === 'report' || u.kind.value === 'both') &&
      OWN_BOUGHT.test(text) &&
      !(/实名(反映|举报)?|匿名|奖励/.test(text) || CONFIDENTIAL.test(text)) &&
      substantive(text, u)
    )
      return null;
    return k ?? kindFromWishes(text, u) ?? (refused ? 'complaint' : null) ?? (u.kind.value !== 'consultation' ? u.kind.value : null);
  }
  if (acts.wantsWritten && (u.kind.value === 'consultation' || !k)) return 'consultation';
  // "能不能给我一个书面回复…不行再举报": a written answer first; the report is only a maybe.
  if (
    acts.wantsWritten &&
    /不行(的话)?再(举报|投诉)|(要是|如果|万一)[^，。]{0,6}(举报|投诉)/.test(text) &&
    !/(我|俺)(要|想)(实名|匿名)?(举报|投诉)/.test(text)
  )
    return 'consultation';
  // "Can I report … anonymously?" asks about reporting; it is not a report.
  // "…那就说说我买挂面的事，投诉超市": the kind said as an order, not asked about.
  const wants =
    /我要|我想(?!问|咨询|了解|知道)|俺要|俺想(?!问|咨询|了解|知道)|I want to|(?<![能可以要不还该])(投诉|举报)(?=[^，。？?]{0,6}$)(?![^，。]{0,6}(吗|么|不|\?|？|还是|有用|管用))/i;
  // "我这个算投诉还是举报啊": the difference is explained (FAQ) and the choice asked, not made for them.
  if (!k && /(算|是|该|要)(投诉|举报)还是(投诉|举报)|\b(complaint|report) or (a )?(complaint|report)\b/i.test(text)) return null;
  // "我说了你们能去查不？……那就举报": questions first, then the decision in the last clause.
  if (k && k !== 'consultation' && DECIDED_LAST.test(text.trim())) return k;
  if (topics.length > 0 && !substantive(text, u) && !wants.test(text)) return 'answer-only';
  // A general question about a kind of case ("请问在超市买到过期食品可以要求十倍赔偿吗"): no shop, no day,
  // no "我买的" — answered; a complaint starts when the citizen tells their own.
  if (
    topics.length > 0 &&
    onlyQuestions(text) &&
    /^(请问|想问|问一下|问下|咨询一下|我想问|想咨询)/.test(text.trim()) &&
    !/我|俺/.test(text.replace(/^(请问|想问|问一下|问下|咨询一下|我想问|想咨询)/, '')) &&
    !u.business.value &&
    !u.incident_time.value &&
    u.harm.value.ill === 'none'
  )
    return 'answer-only';
  // Only questions ("想问一下，十倍赔偿咋算？", "俺想问问 举报有奖励木有 咋领哩"): answered, not filed.
  if (
    topics.length > 0 &&
    onlyQuestions(text) &&
    // "举报卖假货的能给钱 是真的不是": a kind of case asked about, not one told.
    !PROBLEM.test(text.replace(VAGUE_PROBLEM, '').replace(/举报[^，。？?\s]{0,10}?的(人|商家|店)?(?=能|可以|有|给|是不是)/g, '')) &&
    u.harm.value.ill === 'none' &&
    !/(我|俺)(要|想)(投诉|举报|反映)|帮(我|俺)(投诉|举报)|\bi(?:'d like| want| would like|'m here) to (report|complain|file)/i.test(text)
  )
    return 'answer-only';
  // Undecided ("十倍也就90块，值不值当去要？", "要不要投诉"): answered, and the choice is asked, not made.
  if (!k && topics.length > 0 && /值不值|值得吗|要不要(去)?(投诉|举报|要|告)|该不该(投诉|举报|去要)|有没有必要|划不划算|划算吗/.test(text))
    return null;
  // "我要求退钱，也要举报他们" names one kind and wants both.
  if (k && k !== 'consultation' && kindFromWishes(text, u) === 'both') return 'both';
  if (k === 'complaint' && kindFromWishes(text, u) === 'report' && ALSO_PUNISH.test(text)) return 'both';
  if (k) return k;
  // "他们往豆芽里加无根水…这个算违法吗": a practice told and its legality asked is a tip to take.
  // "那要是查不到许可证，算违法吗？" is a rule asked about, not a practice told.
  if (LEGALITY.test(text) && substantive(text, u) && !/(我|俺)(想|要|打算|准备)(开|做|卖)|要是|如果|假如|万一|\bif\b/i.test(text))
    return 'report';
  // "俺想反映个事儿，学校门口那个小卖部，卖哩辣条都过期了": a shop's conduct told, nothing for the writer asked — a tip.
  if (
    /反映/.test(text) &&
    /卖[^，。]{0,10}(过期|三无|假|变质|发霉|没标签|没日期)/.test(text) &&
    !/卖给(我|俺)|(我|俺)(买|吃|喝)/.test(text) &&
    kindFromWishes(text, u) === null &&
    u.harm.value.ill === 'none'
  )
    return 'report';
  // A question with no problem told ("请问开小饭馆要办哪些证？") is answered, not filed.
  if (
    isQuestion(text) &&
    !PROBLEM.test(text.replace(VAGUE_PROBLEM, '')) &&
    !/我要|俺要|我想(投诉|举报|反映)|想让|I want/i.test(text) &&
    kindFromWishes(text, u) === null
  )
    return 'answer-only';
  const sub = substantive(text, u);
  // "阁老路夜市红姐烧烤", "升达北门那个烤肠摊": only where or who — no problem and no wish yet: the kind is asked
  // (with the story), not guessed from a name.
  if (
    k === null &&
    (u.business.value || u.place.value) &&
    (text.match(/\p{Script=Han}/gu) ?? []).length <= 16 &&
    !PROBLEM.test(text) &&
    !PROBLEM_WORDS.test(text) &&
    u.harm.value.ill === 'none' &&
    // The engine may read a crime into a bare name: only words of one count here.
    crimeWordsIn(text).length === 0 &&
    kindFromWishes(text, u) === null &&
    topics.length === 0
  )
    return null;
  // A story with a clear wish ("I want my money back", "让他赔", "查处他") says the kind itself.
  // "都要吧 钱退我 再查查他家" before any story: the wishes alone say the kind (the story is asked next).
  // "孩子吃了校门口买的辣条 现在上吐下泻…这个小卖部必须查": ill from what the family bought, and only an
  // investigation asked for — the costs of being ill are theirs to claim too, so the choice is asked.
  if (
    (u.kind.value === 'report' || u.kind.value === 'both') &&
    u.harm.value.ill !== 'none' &&
    OWN_PURCHASE.test(text) &&
    kindFromWishes(text, u) === 'report' &&
    !(/实名(反映|举报)?|匿名|奖励/.test(text) || CONFIDENTIAL.test(text)) &&
    !/不(要|图|用|稀罕)[^，。]{0,3}(赔|钱)/.test(text)
  )
    return null;
  // "楼下烧烤店天天黑价油烟往俺家灌，恁管这不管": another authority's matter, no food problem in it and no kind
  // asked for — answered (where it goes), not filed.
  if (u.other_matters.length > 0 && !k && u.harm.value.ill === 'none' && !PROBLEM.test(text) && !crimeWordsIn(text).length)
    return 'answer-only';
  const wish = sub || (!isQuestion(text) && text.trim().length <= 30) ? kindFromWishes(text, u) : null;
  if (wish) return wish;
  // "Hello, I need help with a takeaway order please.": nothing wrong told yet and nothing wished — the engine's
  // guess at a kind (from few English examples) is no choice of the citizen's: asked, with the story.
  if (
    k === null &&
    !PROBLEM.test(text) &&
    !PROBLEM_WORDS.test(text) &&
    u.harm.value.ill === 'none' &&
    crimeWordsIn(text).length === 0 &&
    topics.length === 0 &&
    // (English only: in Chinese "我要反映我们幼儿园食堂的事 我在里面做饭" is an insider's tip, as read.)
    !/\p{Script=Han}/u.test(text) &&
    (text.match(/[A-Za-z']+/g) ?? []).length <= 14
  )
    return null;
  const kindFromEngine = u.kind.value;
  if (kindFromEngine === 'consultation' || !sub) {
    // "学生餐到底有没有人管？？孩子天天饿着肚子回家！": "who handles it" beside a problem told is a case to
    // take, not a question to answer: the kind is asked (the answer about who handles it is given too).
    if (sub && PROBLEM.test(text) && topics.length > 0 && topics.every((t) => t === 'jurisdiction')) return null;
    if (topics.length > 0) return 'answer-only';
    if (u.other_matters.length > 0) return 'answer-only';
    // "我要反映俺邻居家的豆腐坊": told about another's business, nothing bought — a tip, not a complaint.
    if (/反映|投诉|举报|complain|report/.test(text) && sub) {
      // "我帮我妈反映个事，她在超市买的熟食过期了，吃了不舒服": bought by the family and only told (反映), no wish
      // said — a remedy, an investigation or both is theirs to choose: asked.
      if (
        kindFromEngine === 'consultation' &&
        OWN_PURCHASE.test(text) &&
        !/投诉|举报|complain|report/i.test(text) &&
        kindFromWishes(text, u) === null
      )
        return null;
      return kindFromEngine === 'consultation'
        ? OWN_PURCHASE.test(text) || /投诉|complain/.test(text)
          ? 'complaint'
          : 'report'
        : kindFromEngine;
    }
    return null;
  }
  // Anonymity, a name given "实名" or a reward exist only for reports: said unasked, they make it one.
  const reportOnly =
    (/实名(反映|举报)?|匿名|奖励|不图(他的?)?(赔)?钱|不要(他的?)?(赔)?钱|不图他赔/.test(text) || CONFIDENTIAL.test(text)) &&
    !isQuestionOnly(text);
  // Bought or ate it themselves and wants something done, but did not say which: ask (refund, investigation, both).
  if (
    (kindFromEngine === 'report' || kindFromEngine === 'both') &&
    OWN_BOUGHT.test(text) &&
    kindFromWishes(text, u) === null &&
    !reportOnly
  )
    return null;
  // "饭店卖的肉坏了", "我想反映个事 鸡蛋是坏的", "你们看看这个面包": goods told bad (or only shown), no one's conduct
  // told and no wish — most often the writer's own purchase; a remedy, an investigation or both is asked, not presumed.
  if (
    (kindFromEngine === 'report' || kindFromEngine === 'both') &&
    kindFromWishes(text, u) === null &&
    !reportOnly &&
    crimeWordsIn(text).length === 0 &&
    (text.match(/\p{Script=Han}/gu) ?? []).length <= 30 &&
    !OTHERS_CONDUCT.test(text) &&
    (GOODS_BAD.test(text) || /看看(这个|这|我这|俺这)/.test(text))
  )
    return null;
  // "我也不图他赔钱 … 可别让他知道是我说的": no remedy wanted and the writer hidden — a tip, whatever the
  // engine read from an illness told along the way.
  if (
    (kindFromEngine === 'complaint' || kindFromEngine === 'both') &&
    reportOnly &&
    kindFromWishes(text, u) !== 'complaint' &&
    kindFromWishes(text, u) !== 'both'
  )
    return 'report';
  // "回来就拉肚子，他那碗都不刷，恁得管管": ill, and asking the regulator to act — a remedy, an
  // investigation or both is the citizen's choice: asked.
  if (
    kindFromEngine === 'complaint' &&
    (/(恁|你们|政府)[^，。！]{0,3}(得|要|快|给|也得)?(管管|管一管|查查|查一查)/.test(text) ||
      // "这缺斤短两恁管不管？": who handles it asked about the writer's own purchase — a remedy, an
      // investigation or both: asked.
      (topics.includes('jurisdiction') && /管不管|有没有人管|能不能管|管得了/.test(text))) &&
    kindFromWishes(text, u) === null
  )
    return null;
  // Many people ill from one meal (a banquet, a canteen): a remedy for the writer and an investigation are
  // both likely wanted — asked, not presumed.
  if (
    (kindFromEngine === 'complaint' ||
      // The writer's own family among the ill ("光俺家就仨"): a remedy is theirs to want, as is an investigation.
      (kindFromEngine === 'report' && /俺家|我家|俺闺女|俺儿|俺侄|俺孩|我孩|我闺女|我儿子|俺自己|我自己|光俺|我们家/.test(text))) &&
    (/(一二十|二三十|十几|几十|二十多|三十多|好几桌|好几十|\d{2,})\s*(个|口|口人|人|位|桌)?[^，。！]{0,8}(拉肚子|上吐下泻|吐|中毒|住院|不舒服)|(拉肚子|上吐下泻|中毒|住院)[^，。！]{0,6}(一二十|二三十|十几|几十|二十多|三十多|\d{2,})\s*(个|口|人|位)/.test(
      text,
    ) ||
      // "回去一大半人上吐下泻，现在还有五六个人在医院": the engine counted the ill.
      (u.harm.value.ill !== 'none' && (u.harm.value.count ?? 0) >= 3 && /席|喜事|宴|酒店|饭店|食堂|聚餐|桌/.test(text)) ||
      // "摆了二十二桌，黑价俺一家子都拉肚子": the writer's whole family ill after a banquet.
      (/(一家子|全家|一家人|一大家子|一家[三四五六七八]口)[^，。！]{0,4}(都)?(拉肚子|上吐下泻|又吐又拉|吐|中毒|住院|不舒服|难受)/.test(
        text,
      ) &&
        /席|喜事|宴|酒店|饭店|聚餐|桌/.test(text))) &&
    kindFromWishes(text, u) === null
  )
    return null;
  // "学校食堂的米饭是馊的！！！有没有人管": spoiled food served to the writer, no conduct alleged, no wish
  // said — a refund or an investigation is the citizen's choice, so it is asked.
  if (
    kindFromEngine === 'report' &&
    !u.suspected_crime.value &&
    SPOILED.test(text) &&
    !/卖|销售|生产|加工|用[^户]|往|掺|添加|没证|无证|执照|后厨|作坊|窝点/.test(text) &&
    kindFromWishes(text, u) === null &&
    !reportOnly
  )
    return null;
  // "你们管不管？？超市卖发霉的饺子！！": who handles it asked beside a problem, no wish said, nothing to show
  // the writer only saw it — bought it or saw it, a remedy or an investigation is the citizen's choice: asked.
  if (
    (kindFromEngine === 'report' || kindFromEngine === 'both') &&
    topics.includes('jurisdiction') &&
    !u.suspected_crime.value &&
    kindFromWishes(text, u) === null &&
    !reportOnly &&
    !/看见|看到|发现|听说|邻居|后厨|作坊|窝点|厂里|员工|上班|打工|干活|亲眼/.test(text)
  )
    return null;
  // "我要反映俺邻居家的豆腐坊": another's business told about, nothing bought or eaten by the writer — a tip.
  if (
    kindFromEngine === 'complaint' &&
    !OWN_PURCHASE.test(text) &&
    // "蛋糕店的蛋糕奶油是酸的": spoiled food is told by whoever had it — asked, not taken for a tip.
    !(SPOILED.test(text) && !/卖|销售|生产|加工|后厨|作坊|窝点|邻居/.test(text)) &&
    /邻居|村里|庄上|有个|有家|那家|他家|他们家|厂里|后厨|作坊|窝点|饭店|店|馆|摊|超市|食堂/.test(text) &&
    kindFromWishes(text, u) === null &&
    u.harm.value.ill === 'none'
  )
    return 'report';
  // "买了二斤猪肉…这不是病死猪肉吗！！": the writer's own purchase and a suspected crime, no wish said — a
  // remedy, an investigation or both is the citizen's choice: asked.
  if (kindFromEngine === 'complaint' && u.suspected_crime.value && OWN_PURCHASE.test(text) && kindFromWishes(text, u) === null) return null;
  // "饺子里吃出来塑料片了", "俺夜儿个在郭店北街买嘞凉皮，里头有个苍蝇": the writer's own purchase told, nothing
  // said of what they want — a remedy, an investigation or both is theirs to choose: asked.
  if (
    kindFromEngine === 'complaint' &&
    kindFromWishes(text, u) === null &&
    !/投诉|举报|complain|report|refund|money back/i.test(text) &&
    u.request.value.length === 0
  )
    return null;
  // "他那后厨也脏哩很 这事恁管不管": nothing bought or eaten and no remedy asked — a tip, not a complaint too.
  if (
    kindFromEngine === 'both' &&
    !OWN_PURCHASE.test(text) &&
    kindFromWishes(text, u) !== 'both' &&
    kindFromWishes(text, u) !== 'complaint'
  )
    return 'report';
  return kindFromEngine;
}

/** The writer bought, ate or ordered it (or their family did). */
const OWN_PURCHASE =
  /买|吃|喝|点的|点了|外卖|卖给(我|俺)|割(了|哩|的)|称(了|哩|的)|订(了|的)|团购|下单|\b(ate|eating|bought|ordered|drank)\b/i;

/** Every sentence asks something, or leads in to the question ("想问一下，…是咋算的？"). */
function onlyQuestions(text: string): boolean {
  const sentences = text
    // (An English sentence ends with a full stop too.)
    .split(/(?<=[。！!？?\n]|[a-z)"'”]\.\s)/i)
    .map((x) => x.trim())
    .filter((x) => x.replace(/[\s。！!？?，,]/g, '').length > 0);
  return (
    sentences.length > 0 &&
    sentences.every(
      (x) =>
        /[?？]\s*$|吗[。.!！]?$|(咋|怎么|多少|能不能|可不可以|是不是|哪|谁|什么|多久)[^，,。]{0,8}[。.]?$/.test(x) ||
        /^(想|我想|俺想)?(问一下|问问|请问|咨询一下)[，,]?$/.test(x),
    )
  );
}

/** Every clause mentioning anonymity or rewards asks about them ("能匿名吗", "有奖励吗"). */
function isQuestionOnly(text: string): boolean {
  const clauses = text.split(/[，,。.!！；;\n]/).filter((c) => /匿名|奖励|实名/.test(c));
  return (
    clauses.length > 0 && clauses.every((c) => (/[?？]|吗|能不能|可不可以|有没有/.test(c) || A_NOT_A.test(c)) && !/我要|想要|申请/.test(c))
  );
}

/** Refund words → complaint; punish words → report; both → both. */
function kindFromWishes(text: string, u: Understanding): Kind | null {
  const r = u.request.value;
  // Wishes said, not asked about: "能赔多少？" wants an answer, "我要求退钱" a remedy.
  const said = text
    // (English sentences end at a full stop: "…I want my money back. … Do I get a reward?")
    .split(/(?<=[，,。！!？?；;\n])|(?<=[A-Za-z)]\.)\s+/)
    // ("你们能不能去查查他们后厨" asks for an investigation: a wish, though worded as a question.)
    .filter(
      (c) =>
        !/[?？]|吗|多少(钱|倍)?[。！!，,]?$|能赔多少|能不能|可不可以|怎么|咋/.test(c) ||
        /(能不能|可不可以)(去|来|给|帮)?(我|俺)?(查|管|处理|罚)/.test(c),
    )
    .join('')
    .replace(KINDS_NOT_UNDERSTOOD, '')
    // "本来想让他退钱 现在不要了": a remedy wanted once and given up (read first: the words below are inside it).
    .replace(new RegExp(REMEDY_GIVEN_UP.source, 'g'), '')
    // "我也不图他赔钱", "不要他退钱": a remedy declined is no remedy.
    .replace(/(不图|不要|不用|不求|不稀罕|不是为了|不为了?|不想要|不是要|不是想要?|不想)[^，。！,]{0,4}(赔|退|钱)[^，。！,]{0,3}/g, '')
    // "那十几块钱俺不要了", "钱我也不要了": the money given up.
    .replace(/(钱|款)[^，。！,]{0,6}(俺|我)?(也)?(不要了|不要啦|不用了|算了)/g, '');
  // In a long story the engine's own reading (negation read next to each wish) is trusted: "问问又不要钱"
  // far from "把奶粉钱退给俺" declines nothing.
  const declined =
    (/(不图|不要|不用|不求|不稀罕|不是为了|不为了?|不想要|不是要|不是想要?|不想)[^，。！,]{0,4}(赔|退|钱)|(钱|款)[^，。！,]{0,6}(俺|我)?(也)?(不要了|不要啦|不用了|算了)/.test(
      text,
    ) ||
      REMEDY_GIVEN_UP.test(text)) &&
    text.length <= 200;
  const remedy =
    (!declined && r.some((x) => x === 'refund' || x === 'compensation' || x === 'exchange' || x === 'apology')) ||
    // "叫他给个说法", "我要找那个卖豆腐的": the seller to answer for it — a remedy from the business.
    /(给|要|讨)(个|一个)?说法|(要|想|得|就|必须|你们|恁|^)(去)?(找|让|叫)(他|她|他们|商家|老板|店家|店里)[^，。！,]{0,2}退(?!休|货架)|^(我|俺)(要|得|想)找(那个|这个|他|她)[^，。！,]{0,8}[。！!]?$|找(他|她)算账|退钱|退款|能退就退|退回来|赔|(钱|款)[^，。！]{0,3}要回来|(钱|款|费)[^，。！]{0,2}(得|要|要给我)?退|要回(我的)?钱|还(我|俺)钱|refund|money back|compensat/i.test(
      said,
    );
  // "管管", "处理一下" ask for help in general; punishment is asked in words like these.
  // "退饭钱15块，以后别再卖馊饭": a wish for the future beside a remedy, not a call to punish.
  const futureOnly = /以后(可)?(别|不要|不能|甭)再/.test(said);
  const punish =
    (r.includes('stop') && !futureOnly) ||
    // A long voice-typed story has no clauses to read: the engine's reading of "恁得去查查他" counts.
    (text.length > 200 && r.includes('investigate')) ||
    /(也|都)?得有人管|该有人管|(?<!钱|费)(也|都)得管|必须查|一定(要|得)?查|给(我|俺)查|赶紧查|快查|查[！!]|查$|查处|查查|查一查|查一下|查下|去查|来查|严查|彻查|调查|查办|查封|好好查|查他|查清|派人查|得查|要查|该查|查个|罚|举报|严惩|惩处|取缔|关停|关掉|关了|(?<![拆密开])封了|吊销|曝光|抓起来|逮住|逮起来|逮他|立案|整顿|整治|别叫他再卖|别让他再卖|(别|不能|不要)(叫|让)(他|他们|她|这些人|这帮人)再(骗|坑|卖|害|哄|忽悠)|investigat|punish|shut (it|them) down|fine them|should be (reported|fined|checked|inspected)|(want|like) (them|it) (reported|fined|checked)|不能再(骗|坑|卖|害|哄|忽悠)|别再(骗|坑|害|哄|忽悠)|还在[^，。！]{0,8}(骗|坑|卖|害|哄|忽悠)|(他们|他家|这些人)[^，。！]{0,2}(也)?得管管|(得|该|要|也得)抓|抓(他|了|人)|(你们|恁)[^，。！]{0,5}(也)?查查|(要|叫|让|请)(你们|恁)[^，。！]{0,2}(去)?查|(也|还|再)(要|得|想)?告(他|她|它|这|那)|check (them|it|this shop|the shop|this place) (out)?|should (check|inspect|investigate)|look into (them|it)|inspect (them|it)/i.test(
      said,
    );
  // "要退一赔十！货架上还有好多过期的，你们也管管吧": help asked beside a remedy is the regulator's part.
  // ("你们给处理一下吧" after the refund asks to handle the complaint; "你们也处理一下" asks for more.)
  if (
    remedy &&
    (punish ||
      // "我要退钱 他们卖过期的也要管管": the selling itself to be dealt with, beside the refund.
      // ("钱要退。他们骗老年人，也该管管": the business to be dealt with, beside the refund.)
      /(也|还|都)(该|得|要|应该)(好好)?(管管|管一管|管一下|治治|治一治)|(你们|恁|政府|监管)[^，。！]{0,3}(也|都)?[^，。！]{0,2}(管管|管一管|管一下)|(你们|恁|政府|监管)[^，。！]{0,2}(也|都)[^，。！]{0,2}处理一下|卖[^，。！]{0,8}(也|还|都)(要|得|该)(管管|管一管|管一下)/.test(
        said,
      ))
  )
    return 'both';
  if (remedy) return 'complaint';
  if (punish) return 'report';
  // "反映问题，让你们管管，我不要赔偿": no remedy, and the regulator asked to act — a tip.
  if (declined && /(让|叫|请|要|希望)(你们|恁|政府|监管)[^，。！]{0,3}(管管|管一管|管一下|处理|处理一下|去看看)/.test(said))
    return 'report';
  return null;
}

/** "本来想让她退我18块钱的，算了不要了": a remedy wanted once and given up. */
const REMEDY_GIVEN_UP = /(本来|原来|原先|一开始)(想|要|打算)[^，。！,]{0,6}(退|赔)[^，。！,]{0,8}[\s，,]*(现在|后来)?(也)?(不要|不用|算)了/;

/** "还得罚他", "也要你们查酒店", "also investigate": punishment wished besides what was named. */
const ALSO_PUNISH =
  /(还|也|再|同时)(要|得|想|该|请)?[^，。！,!]{0,5}(罚|查|告|举报|关门|关了|封了|整顿|整改|管管)|\balso\b[^.!?]{0,20}(investigat|punish|inspect|check)/i;

/** Asks the next missing thing, or shows the summary. */
function next(state: ConvState, before: string[], _ctx: Context): Outcome {
  const d = state.draft;
  let step: Step;
  if (!d.kind) step = 'menu';
  else step = missing(d) ?? 'summary';
  // "举报地沟油", or any story of a few words, with everything else answered: what was seen is asked once,
  // before the summary (not again if more of the story was asked for already).
  if (
    step === 'summary' &&
    d.kind !== 'consultation' &&
    d.description !== undefined &&
    !d.detailsAsked &&
    // (Asked for the story once already: what the citizen said then is the story.)
    (d.detailsLater || ((state.asked.description ?? 0) === 0 && shortStory(d.description)))
  ) {
    delete d.detailsLater;
    d.detailsWanted = true;
    step = 'description';
  }
  if (step === 'description' && d.detailsWanted && d.description !== undefined) d.detailsAsked = true;
  const asked = { ...state.asked };
  if (step !== 'summary') asked[step] = (asked[step] ?? 0) + 1;
  const s: ConvState = { ...state, step, asked };
  const q = step === 'menu' && !d.description && before.length === 0 ? MENU[s.lang] : prompt(step, d, s.lang);
  if (step === 'menu' && q !== MENU[s.lang]) s.askedKind = true;
  else delete s.askedKind;
  return say(s, ...before, q);
}

/**
 * `old` in `value` replaced by `fix`, where the fix may repeat the words around `old`: "华南城二期美食街" with
 * "不是二期，是华南城一期美食街" becomes "华南城一期美食街", not "华南城华南城一期美食街美食街".
 */
export function replaceOverlapping(value: string, old: string, fix: string): string {
  const at = value.indexOf(old);
  if (at < 0) return value;
  const before = value.slice(0, at);
  const after = value.slice(at + old.length);
  let left = 0;
  for (let n = Math.min(before.length, fix.length); n > 0; n--)
    if (fix.startsWith(before.slice(before.length - n))) {
      left = n;
      break;
    }
  let right = 0;
  for (let n = Math.min(after.length, fix.length - left); n > 0; n--)
    if (fix.endsWith(after.slice(0, n))) {
      right = n;
      break;
    }
  return `${before.slice(0, before.length - left)}${fix}${after.slice(right)}`;
}

function applyCorrection(d: Draft, named: Slot | null, old: string | null, value: string, now: Date): boolean {
  const date = parseIncidentDate(value, now);
  let slot: Slot | null = named;
  if (!slot && old) {
    const holders: [Slot, string | null | undefined][] = [
      ['business', d.businessName],
      ['where', d.where],
      ['name', d.name],
      ['address', d.address],
      ['request', d.request],
    ];
    slot = holders.find(([, v]) => typeof v === 'string' && v.includes(old))?.[0] ?? null;
    if (!slot && (parseIncidentDate(old, now) || date)) slot = 'when';
    if (!slot && (townshipOf(old) || townshipOf(value))) slot = 'where';
  }
  if (!slot && date) slot = 'when';
  if (!slot && townshipOf(value)) slot = 'where';
  if (!slot && /^1[3-9]\d/.test(value.replace(/\s/g, ''))) slot = 'phone';
  if (!slot) return false;
  const v = value.replace(/^(是|叫|在)/, '').trim();
  switch (slot) {
    case 'when': {
      if (!date) return false;
      d.incidentDate = correctedDay(value, d.incidentDate ?? (old ? parseIncidentDate(old, now) : null), now) ?? date;
      return true;
    }
    case 'where': {
      // "前吕村是俺姥家。香油坊在观音寺镇岳口村，恁改改再交": the clause with a township is the place, from the
      // township on; the remarks around it are not.
      const clauses = v
        .split(/[，,。；;！!]+/)
        .map((c) => c.trim())
        .filter(Boolean);
      // A township named outright wins; else the last clause with a known place (the first is often what was wrong).
      const withTownship =
        clauses.length > 1
          ? (clauses.find((c) => TOWNSHIPS.some((x) => c.includes(x))) ?? clauses.filter((c) => townshipOf(c) !== null).at(-1))
          : undefined;
      const townIn = withTownship ? TOWNSHIPS.find((x) => withTownship.includes(x)) : undefined;
      const place = withTownship
        ? townIn
          ? withTownship.slice(withTownship.indexOf(townIn))
          : withTownship.replace(/^[^在]{1,8}在(?=\p{Script=Han}{2})/u, '')
        : v;
      const t = townshipOf(place);
      if (old && typeof d.where === 'string' && d.where.includes(old)) d.where = replaceOverlapping(d.where, old, place);
      else d.where = place;
      d.township = t ?? townshipOf(d.where ?? '') ?? null;
      return true;
    }
    case 'business': {
      // "是隔壁那个老韩家烩面 俺记岔了": where it is and the afterthought are no part of the name; nor is
      // how a character is written or a remark after a comma ("鑫源快餐，三个金那个鑫，我刚才打错字了").
      const name = (v.split(/[，,。；;]/)[0] ?? v)
        .replace(/^(店名|名字)(是|叫)?/, '')
        .replace(/^(隔壁|对面|旁边|斜对面)?(那个|那家|这家|这个)/, '')
        .replace(/\s*(俺|我)?(记岔了|记错了|说错了|搞错了)$/, '')
        .trim();
      // A new name carrying a trade word ("老韩家烩面" for "老马家烩面馆") replaces the old one whole.
      if (old && /烩面|面馆|饭店|饭馆|超市|店|馆|铺|坊|厂|酒楼|火锅|烧烤/.test(name) && name.length >= 4) d.businessName = name;
      else {
        // "是福满园不是福满楼" said of "福满楼饭店": only the wrong part changes.
        // "不是烩面馆是老李面馆" said of "老李烩面馆": the new words already hold the rest of the name.
        const kept = old && d.businessName?.includes(old) ? d.businessName.replace(old, '') : '';
        d.businessName = old && d.businessName?.includes(old) && !(kept && name.includes(kept)) ? d.businessName.replace(old, name) : name;
      }
      // "不是龙王乡那家，是…“烤匠麻辣烤鱼（薛店店）”": a branch in another division moves the place with it.
      const branchTown = /[(（][^()（）]{1,10}[)）]/.test(d.businessName) ? townshipOf(d.businessName) : null;
      if (branchTown && branchTown !== d.township) {
        d.township = branchTown;
        d.where = branchTown;
      }
      return true;
    }
    case 'phone': {
      // "最后四位是4480 不是4408", "尾号0452不是0425": only the digits said change.
      const part = v.replace(/\s/g, '');
      const cur = d.phone?.replace(/\D/g, '') ?? '';
      if (/^\d{2,6}$/.test(part) && cur.length >= 7) {
        const o = old?.replace(/\s/g, '') ?? '';
        const at = /^\d+$/.test(o) && o.length === part.length ? cur.lastIndexOf(o) : -1;
        const fixed =
          at >= 0 ? cur.slice(0, at) + part + cur.slice(at + o.length) : !old && part.length === 4 ? cur.slice(0, -4) + part : null;
        if (fixed === null) return false;
        const r = readAnswer('phone', fixed, understand(''), d, now);
        if (!r.ok) return false;
        d.phone = r.value as string;
        return true;
      }
      const r = readAnswer('phone', v, understand(''), d, now);
      if (!r.ok) return false;
      d.phone = r.value as string;
      return true;
    }
    case 'name': {
      // "是王建功 功劳哩功 刚才打错了": the name is the first word; how it is written and the remark are not.
      const first = /^\p{Script=Han}{2,4}(?=[\s，,。]|$)/u.exec(v)?.[0];
      if (first) {
        setSlot(d, 'name', first);
        return true;
      }
      if (v.length < 2) return false;
      setSlot(d, slot, v);
      return true;
    }
    case 'description':
    case 'request':
    case 'address':
      if (v.length < 2) return false;
      setSlot(d, slot, slot === 'description' ? `${d.description ?? ''}\n更正：${value}` : v);
      return true;
    default:
      return false;
  }
}

/** A named reward applied for without its ID number: what the citizen is told (the card is checked at the claim). */
/** "那奖励不要了", "奖励算了", "forget the reward": the reward application given up. */
const REWARD_DROPPED =
  /(奖励|奖金|钱|reward)(就|也)?(不要|不申请|不领|算了|拉倒)|(不要|不申请|不领)(奖励|奖金|钱)(了)?|forget (about )?the reward|(don'?t|do not) (need|want) (the|a) reward|no reward/i;

const ID_AT_CLAIM: Record<Lang, string> = {
  zh: '奖励照样申请，领奖时带身份证核对身份就行。',
  en: 'the reward is still applied for, and your ID card is checked when you claim it.',
};

/** No remedy wanted from the business: the matter is filed as a report. */
const REPORT_INSTEAD: Record<Lang, string> = {
  zh: '不要求商家退赔的话，就不用调解了，我按“举报”登记，由我们核查处理。',
  en: 'As you want nothing from the business, I will file it as a report for us to check.',
};

/**
 * A question not answered usably twice in a row: what the draft keeps instead, and what the citizen is told;
 * null where nothing can stand in (a complaint's name and phone: the offer of a person stays).
 */
function giveUpOn(slot: Slot, said: string, d: Draft): Record<Lang, string> | null {
  const later = { zh: '这一项先空着，办理时工作人员会和您核实。', en: 'I will leave this open; the officer will check it with you.' };
  const words = said.trim();
  const usable = words.length >= 2 && !/[?？]/.test(words) && !ACT_MARKERS.test(words);
  switch (slot) {
    case 'business':
      setSlot(d, 'business', d.kind === 'report' ? null : unnamedBusiness(d));
      return later;
    case 'where':
      if (d.kind !== 'report' && !d.township && !onlinePlatform(d)) return null;
      setSlot(d, 'where', null);
      return later;
    case 'when':
      setSlot(d, 'when', null);
      return { zh: '时间先空着，办理时工作人员会再和您核实。', en: 'I will leave the date open; the officer can check it with you later.' };
    case 'request':
      if (!usable) return null;
      setSlot(d, 'request', clip(words, 200));
      return { zh: '好的，按您说的记下了。', en: 'Noted as you said it.' };
    case 'address':
      if (!usable) return null;
      setSlot(d, 'address', clip(words, 200));
      return { zh: '好的，按您说的记下了。', en: 'Noted as you said it.' };
    case 'anonymous':
      // Unsure whether to give a name: the safer choice for the reporter.
      setSlot(d, 'anonymous', true);
      return {
        zh: '先按匿名举报登记，不记您的姓名和电话；想实名的话，核对时说“实名”就行。',
        en: 'I will file it anonymously for now; say "real name" at the summary if you want to give your name.',
      };
    case 'reward':
      setSlot(d, 'reward', false);
      return {
        zh: '奖励这一项先不申请；想申请的话，核对时说“要奖励”就行。',
        en: 'No reward application for now; say "I want the reward" at the summary if you do.',
      };
    case 'idNumber':
      setSlot(d, 'idNumber', null);
      return {
        zh: `身份证号先不记；${ID_AT_CLAIM.zh}`,
        en: `I leave the ID number out; ${ID_AT_CLAIM.en}`,
      };
    case 'name':
      // "楼振华" twice: a name the bot does not know the surname of, insisted on, is the citizen's name.
      if (!/^\p{Script=Han}{2,4}$/u.test(words) || ACT_MARKERS.test(words) || PROBLEM_WORDS.test(words)) return null;
      setSlot(d, 'name', words);
      return { zh: '好的，按您说的记下了。', en: 'Noted as you said it.' };
    case 'description':
      // The story sent again when more of it was asked for: that is all the citizen has to tell.
      if (!d.detailsWanted || d.description === undefined) return null;
      delete d.detailsWanted;
      return { zh: '好的，就按您说的记下了。', en: 'Noted as you said it.' };
    default:
      return null;
  }
}

/** "家里就俺自己", "就我一个人在家": alone. */
const ALONE =
  /(家里|屋里|身边)?就(俺|我)(自己|一个人?)|(一个人|自己)在家|没人(陪|管|照顾|送)|i am alone|i'?m alone|nobody (is )?(here|with me)/i;

/** "俺再想想", "想好了再找恁": time to think — no hurry, nothing is lost. */
/** A case put off until later: "I'll come back to report it when he's better", "等他好了再来举报". */
const DEFERRED =
  /\bi'?ll (come back|get back to you|do it|report (it|them|the \w+)|complain)[^.!?]{0,40}\b(later|when (he|she|they|i|we)('?s| is| are|'?m| am| feel)? (better|well|ok|okay|recovered)|tomorrow)\b|(等|待)(他|她|孩子|俺|我|老人)[^，。！？]{0,4}(好了|好些|好点|出院)(以后|之后)?(再)?(来)?(举报|投诉|说|找你们|找恁)/i;

const THINK_IT_OVER = /再想想|想一想|考虑(一下|考虑)|先不说了|怕惹事|怕报复|不敢说|想好了?再(找|说|来|联系)|let me think|think (it )?over/i;

/** The draft's fields a correction changes, for saying what is now kept. */
const KEPT_FIELDS = ['businessName', 'where', 'incidentDate', 'name', 'phone', 'address', 'request'] as const;

/** "其他都对", "everything else is correct": the rest of the summary confirmed beside a correction. */
const REST_CONFIRMED =
  /(其他|其它|别的|别哩|其余|剩下的)(的)?(都|全)?(对|没问题|正确|没错|中|行)|改(一下|一改|改|好|完|了)(就|再)?(提交|交|发)|everything else is (correct|right|fine|ok)|(the )?rest is (correct|right|fine|ok)|otherwise (it'?s |all )?(correct|fine|good|right)/i;

/** "核对无误，请提交", "信息都正确": a confirmation said in a full sentence. */
const CONFIRM_IN =
  /无误|请提交|确认提交|可以提交|提交吧|就这样提交|没有问题|信息(都)?(正确|准确)|内容(都)?(正确|属实)|(对|没错|是)[，,。！!\s]*(就是)?这样(的|吧|子)?[。！!]*$|please submit|looks (good|right|correct)/i;

const CONFIRM =
  /^(确认|确定|提交|对|对的|没问题|没错|没有错|不错|都对|全对|无误|没毛病|是的?|可以|好的?|中|行|ok|yes|yep|submit|confirm|correct)/i;

function onSummary(st: ConvState, raw: string, acts: Acts, u: Understanding, before: string[], ctx: Context): Outcome {
  const lang = st.lang;
  const w = W[lang];
  const d = st.draft;
  const word = raw.replace(/(?:[\s，。！？!?,.~]|\p{Extended_Pictographic}|\uFE0F)+/gu, '');
  if (acts.edit) {
    const slot = acts.edit;
    if (slot === 'kind') {
      const nd: Draft = { files: d.files, ...(d.description ? { description: d.description } : {}) };
      return say(
        { ...st, step: 'menu', draft: nd },
        lang === 'en' ? 'OK, choose the type again.' : '好的，请重新选择类型（已说的经过会保留）。',
        prompt('menu', nd, lang),
      );
    }
    if (slot === 'files')
      return say({ ...st, draft: { ...d, files: [] } }, '之前发的照片和文件已清空。需要的话请重新发过来，然后回复“确认”。');
    if (!editableSlots(d).includes(slot)) return say(st, '这一项不用填哦。');
    clearSlot(d, slot);
    return say({ ...st, step: slot }, lang === 'en' ? 'OK, tell me again:' : '好的，请重新告诉我：', prompt(slot, d, lang));
  }
  // "恁念念 恁都记哩啥", "read it back": the summary again.
  if (
    /念(念|一下|一遍|给我听)|读(一下|一遍|给我听)|都记(了|哩|的)?(啥|什么|些啥)|记(了|哩)?(啥|什么)|read (it|that) (back|again)|what (did|do) you (write|have|record)/i.test(
      raw,
    ) &&
    !acts.correction &&
    // "你再念一遍我听听……对，就是这样": asked and confirmed in one breath — the confirmation counts.
    !CONFIRM_IN.test(word)
  )
    return say(st, lang === 'en' ? 'Here is what I have:' : '好的，我念一遍：', summary(d, lang));
  // "sorry, I misspelled my name, it's Ayesha Rahman. Everything else is correct.": corrected, and the rest
  // confirmed in the same breath — filed.
  let confirmedNow = false;
  const was: Draft = { ...d };
  if (acts.correction && applyCorrections(d, acts.correction, st.lastSlot, ctx.now)) {
    if (!REST_CONFIRMED.test(raw)) return say({ ...st, step: 'summary' }, ...before, w.corrected, summary(d, lang));
    // The value as now kept ("王建功"), not the words it came in ("是王建功 功劳哩功 刚才打错了").
    const kept = KEPT_FIELDS.map((k) => d[k]).find((v, i) => typeof v === 'string' && v !== was[KEPT_FIELDS[i]!]) ?? acts.correction.value;
    before.push(lang === 'en' ? `OK, corrected to: ${kept}.` : `好的，已改为：${kept}。`);
    confirmedNow = true;
  }
  if (acts.kindChange) {
    d.kind = acts.kindChange;
    return next(st, [...before, w.switched(KIND_LABEL[lang][d.kind])], ctx);
  }
  // "好的，知道了，谢谢" thanks for an answer; it does not ask for a written one.
  if (d.kind === 'consultation' && /知道了|明白了|清楚了|谢谢|多谢|thank/i.test(raw) && !/确认|提交|书面|confirm|submit/i.test(raw))
    return say(reset(st, ctx.newDraftId), lang === 'en' ? 'You are welcome. Message me any time.' : '不客气，有需要随时找我。');
  // "确认，同意公开", "可以公开": the complaint's consent to publication, asked in the summary.
  const consent = consentSaid(raw, d, u, ctx.now);
  if (consent !== null) {
    d.consentToPublish = consent;
    if (!confirmedNow && !confirmsToo(raw)) return say({ ...st, step: 'summary' }, ...before, w.noted, summary(d, lang));
    confirmedNow = true;
  }
  if (
    confirmedNow ||
    ((CONFIRM.test(word) || CONFIRM_IN.test(word) || parseYesNo(raw) === true) &&
      !/不对|不是|错/.test(word.replace(/没有?错|不错|没问题|无误/g, '')))
  ) {
    const fp = fingerprint(d);
    const dup = st.filed.find((f) => f.fp === fp);
    if (dup) return say(reset(st, ctx.newDraftId), w.duplicate(dup.number));
    const payload = toSubmission(d);
    const parsed = SubmissionSchema.safeParse(payload);
    if (!parsed.success)
      return onRejected(
        st,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    return {
      state: st,
      replies: [[...before, w.submitting].join('\n')],
      effect: { type: 'submit', payload, files: d.files, idempotencyKey: st.draftId },
    };
  }
  // Something new or different said at the summary: take what facts it carries.
  const named = slotNamed(raw);
  // "奖励算了 不要了", "还是匿名吧", "公开就算了": a yes-or-no choice changed in plain words, without 不对.
  if ((named === 'reward' || named === 'anonymous' || named === 'consent') && editableSlots(d).includes(named)) {
    const r = readAnswer(named, raw, u, d, ctx.now);
    if (r.ok) {
      setSlot(d, named, r.value);
      if (named === 'reward' && r.value === false) delete d.idNumber;
      const ack = named === 'reward' ? rewardAck(r.value === true, lang) : w.noted;
      return next({ ...st, step: 'summary' }, [...before, ack], ctx);
    }
  }
  if (/不对|错了|不是|wrong/.test(raw) && named && named !== 'kind' && named !== 'files') {
    clearSlot(d, named);
    return say({ ...st, step: named }, ...before, lang === 'en' ? 'OK, tell me again:' : '好的，请重新告诉我：', prompt(named, d, lang));
  }
  const got = fillFromFacts(d, u, raw, ctx.now);
  if (got.length) return say({ ...st, step: 'summary' }, ...before, w.noted, summary(d, lang));
  if (parseYesNo(raw) === false && !ACT_MARKERS.test(raw))
    return say(st, ...before, lang === 'en' ? 'What should be changed?' : '哪一项不对？直接告诉我改成什么就行，比如“时间不对，是前天”。');
  return say(st, ...before, w.confirmAgain);
}

/**
 * A complaint's consent to publication said at the summary ("确认，同意公开", "别公开", "名字电话别公开就行"),
 * read as the answer to the publication question would be; null when the message says nothing about it.
 */
function consentSaid(raw: string, d: Draft, u: Understanding, now: Date): boolean | null {
  if (d.kind !== 'complaint' && d.kind !== 'both') return null;
  if (!/公开|publish/i.test(raw)) return null;
  // "确认，同意公开": the confirmation is no part of the answer.
  const said = raw.replace(/^\s*(确认|确定|对|对的|没问题|没错|好的?|yes|ok)[，,。！!\s]*/i, '');
  const whole = readAnswer('consent', raw, u, d, now);
  const r = whole.ok ? whole : readAnswer('consent', said, u, d, now);
  return r.ok && typeof r.value === 'boolean' ? r.value : null;
}

/** Beside what it says about publication, the reply plainly confirms the summary ("确认，同意公开"). */
function confirmsToo(raw: string): boolean {
  return /确认|确定|提交|没问题|都对|对的|没错|无误|confirm|submit|correct|\byes\b/i.test(raw.replace(/不同意|同意/g, ''));
}

/** The story's fingerprint: the same report sent again is recognised (never the text itself). */
function fingerprint(d: Draft): string {
  const norm = (d.description ?? '').replace(/[\s\p{P}\p{S}]/gu, '').slice(0, 300);
  return createHash('sha256').update(norm).digest('hex').slice(0, 16);
}

/** The API (or the local schema check) refused the draft: ask again for the first field it names. */
function onRejected(state: ConvState, fields: { path: string; message: string }[]): Outcome {
  const first = fields[0];
  const slot = first ? slotOfPath(first.path) : null;
  if (!slot) return say(state, `提交没有成功：${first?.message ?? '内容有误'}。请告诉我要改什么，或回复“取消”。`);
  const d: Draft = { ...state.draft };
  clearSlot(d, slot);
  return say({ ...state, draft: d, step: slot }, `这一项需要改一下：${first?.message ?? ''}`, prompt(slot, d, state.lang));
}

function slotOfPath(path: string): Slot | null {
  if (path.startsWith('person.idNumber')) return 'idNumber';
  if (path.startsWith('person.phone')) return 'phone';
  if (path.startsWith('person.address')) return 'address';
  if (path.startsWith('person')) return 'name';
  if (path.startsWith('business.address')) return 'where';
  if (path.startsWith('business')) return 'business';
  const map: Record<string, Slot> = {
    description: 'description',
    incidentDate: 'when',
    request: 'request',
    anonymous: 'anonymous',
    wantsReward: 'reward',
    place: 'where',
    township: 'where',
  };
  return map[path.split('.')[0] ?? ''] ?? null;
}

/** What happens next, from the deadlines the server computed (or the rule when they are not known yet). */
function nextStepLine(kind: Kind, deadlines: PublicDeadline[] | undefined, lang: Lang): string {
  const first = deadlines?.find((x) => x.due !== null);
  if (lang === 'en') {
    if (first?.due) return `Next: the market-regulation office will decide by ${first.due.slice(0, 10)} and tell you here.`;
    return kind === 'report'
      ? 'Next: the local office checks the report within 15 working days.'
      : kind === 'consultation'
        ? 'Next: staff will answer you in writing.'
        : 'Next: within 7 working days the local office decides whether to accept it and tells you.';
  }
  if (first) return `下一步：${first.text}。`;
  return kind === 'report'
    ? '下一步：所在地市场监管所将在15个工作日内核查并决定是否立案。'
    : kind === 'consultation'
      ? '下一步：工作人员会书面答复您。'
      : '下一步：所在地市场监管所将在7个工作日内决定是否受理并告诉您。';
}

/** What the citizen hears after a claim password was sent to the server (the command and the conversation alike). */
export function claimPasswordReply(result: Extract<EffectResult, { type: 'claimPassword' }>, lang: Lang): string {
  const w = W[lang];
  if (result.ok) return w.claimSet(result.number);
  if (result.notFound) return w.claimNotFound(result.number);
  return result.unavailable || !result.message ? w.claimFailed : result.message;
}

export function resolve(state: ConvState, result: EffectResult, ctx: Context): Outcome {
  const lang = state.lang;
  const w = W[lang];
  const L = (zh: string, en: string) => (lang === 'en' ? en : zh);
  switch (result.type) {
    case 'submit': {
      if (result.ok) {
        // What was filed, as the server filed it: a complaint it split gives two cases, a complaint and a report.
        const filedKinds = new Set(result.cases.map((c) => c.kind));
        const kind: Kind = filedKinds.has('complaint') && filedKinds.has('report') ? 'both' : (state.draft.kind ?? 'consultation');
        const numbers = result.cases.map((c) => c.number).join('、');
        const fp = fingerprint(state.draft);
        const lines =
          lang === 'en'
            ? [
                `Submitted. Your ${KIND_LABEL.en[kind]} is registered.`,
                `Case number：${numbers}`,
                `Query code：${result.queryCode}`,
                'Keep the query code safe: it is shown only this once.',
                nextStepLine(kind, result.deadlines, lang),
                `Send "status ${result.cases[0]?.number ?? ''} <query code>" to check progress; notices also arrive here.`,
              ]
            : [
                `提交成功！您的${KIND_LABEL.zh[kind]}已登记。`,
                `案件编号：${numbers}`,
                `查询码：${result.queryCode}`,
                '请务必保存好查询码，它只显示这一次，丢了找不回来。',
                nextStepLine(kind, result.deadlines, lang),
                `以后发“查询 ${result.cases[0]?.number ?? '编号'} 查询码”就能看进度；有新进展我也会在这里告诉您。`,
              ];
        // The server may add the other half (a report beside a complaint whose words ask for an investigation):
        // the citizen hears why there are two numbers.
        if (result.splitNote)
          lines.splice(2, 0, lang === 'en' ? `Note (from the server, in Chinese): ${result.splitNote}` : result.splitNote);
        if (kind === 'report' && state.draft.anonymous) lines.push(w.anonKept);
        const after = reset(state, ctx.newDraftId);
        after.filed = [...state.filed, { number: result.cases[0]?.number ?? '', fp }].slice(-5);
        // An anonymous reporter asking for a reward claims with a password: ask for it now, while they are here.
        const report = result.cases.find((c) => c.kind === 'report');
        if (report && state.draft.anonymous && state.draft.wantsReward) {
          after.claimFor = report.number;
          lines.push(w.claimAsk(report.number));
        }
        return say(after, lines.join('\n'));
      }
      if ('unavailable' in result)
        return say(
          { ...state, step: 'summary' },
          L(
            '系统开小差了，没提交上。您填的内容都还在，过一会儿回复“确认”再试一次就行。',
            'Something went wrong and it was not submitted. Everything you said is kept: reply "yes" again in a little while.',
          ),
        );
      return onRejected({ ...state, step: 'summary' }, result.fields);
    }
    case 'query': {
      if (!result.ok)
        return say(
          state,
          result.unavailable
            ? L('查询服务暂时不可用，请稍后再试。', 'Status checks are unavailable just now; please try again later.')
            : L(
                '没查到：编号或查询码不对。请核对后再发一次“查询 编号 查询码”。',
                'Not found: the case number or the query code is wrong. Please check them and send "status <case number> <query code>" again.',
              ),
          ...resumeLine(state),
        );
      const st = result.status;
      const tl = st.timeline.slice(-5).map((e) => `${e.at.slice(0, 16).replace('T', ' ')} ${e.text}`);
      const dl = (st.deadlines ?? []).map((x) => `${L('下一步', 'Next step')}：${x.text}`);
      const head =
        lang === 'en'
          ? [`Your case ${st.number} (${st.kindLabel})`, `Status：${st.status}`]
          : [`${st.kindLabel} ${st.number}`, `当前状态：${st.status}`];
      const told = [...head, ...dl, ...(tl.length ? [L('办理过程：', 'Progress:'), ...tl] : [])].join('\n');
      const offer = state.aside
        ? [
            L(
              '您说的新情况，要另外登记成一件（补充举报或投诉）吗？要的话回复“登记”；只是问问进度就不用管。',
              'The new things you told me: shall I register them as a new case? Reply "register" if so; if you only wanted the status, ignore this.',
            ),
          ]
        : [];
      return say({ ...state, lastStatus: told }, told, ...offer, ...resumeLine(state));
    }
    case 'list': {
      if (!result.ok)
        return say(
          state,
          result.unavailable
            ? L('查询服务暂时不可用，请稍后再试。', 'Status checks are unavailable just now; please try again later.')
            : L('这里查不到。请发“查询 编号 查询码”。', 'Nothing found here. Please send "status <case number> <query code>".'),
          ...resumeLine(state),
        );
      // "我那个案子到哪一步了" right after one was looked up: that one, as just read.
      if (result.cases.length === 0 && state.lastStatus)
        return say(
          state,
          L('刚才查到的是：', 'What I just found:'),
          state.lastStatus,
          L('要看最新进展，请再发一次“查询 编号 查询码”。', 'For the latest, send "status <case number> <query code>" again.'),
          ...resumeLine(state),
        );
      // Asked again: not the same words a second time — a person is the way on.
      if (result.cases.length === 0 && state.said.includes('lostcode'))
        return say(
          state,
          L(
            '确实没有查到。想让工作人员帮您查，回复“人工”，留下姓名、电话和大概哪天提交的就行。',
            'Nothing found, I am afraid. For a person to look it up, reply "human" with your name, phone and roughly when you filed.',
          ),
          ...resumeLine(state),
        );
      if (result.cases.length === 0)
        return say(
          { ...state, said: [...state.said, 'lostcode'] },
          L(
            '这个微信里没有查到您提交过的事项。查别处（或换了微信）提交的，请发“查询 编号 查询码”，编号和查询码在当时提交成功的回复里。',
            'No case filed from this chat was found. To check one filed elsewhere (or from another WeChat), send "status <case number> <query code>"; both were in the reply when it was filed.',
          ),
          // Number and code lost: what can still be done.
          answerOf('lostcode', state.lang),
          ...resumeLine(state),
        );
      const lines = result.cases.map((c) => `${c.number} ${c.kindLabel}（${c.receivedAt.slice(0, 16).replace('T', ' ')}）：${c.status}`);
      return say(
        state,
        [
          L('您在这里提交的事项：', 'Your cases filed here:'),
          ...lines,
          L('看详细过程请发“查询 编号 查询码”。', 'For the details of a case, send "status <case number> <query code>".'),
        ].join('\n'),
        ...resumeLine(state),
      );
    }
    case 'claimPassword':
      return say(state, claimPasswordReply(result, lang));
    case 'answer': {
      if (result.ok)
        return say(
          state,
          L(`已收到您对 ${result.number} 的回复，办案人员会看到。`, `Your reply on ${result.number} is received; the officer will see it.`),
          ...resumeLine(state),
        );
      if (result.unavailable)
        return say(
          state,
          L('回复暂时没发出去，请稍后再试。', 'Your reply could not be sent just now; please try again later.'),
          ...resumeLine(state),
        );
      if (result.noQuestion)
        return say(
          state,
          L(`${result.number} 目前没有需要您回复的问题。`, `There is no open question for you on ${result.number}.`),
          ...resumeLine(state),
        );
      if (result.message) return say(state, result.message, ...resumeLine(state));
      return say(
        state,
        L(
          '没找到这个编号：只能回复在这里提交的事项。别处提交的，请在查询页面用编号和查询码回复。',
          'That case number was not found: only cases filed in this chat can be answered here. For others, use the status page with the case number and query code.',
        ),
        ...resumeLine(state),
      );
    }
    case 'handoff': {
      // The message passed on told what was being asked ("找人工" when the story was asked, then the story):
      // the conversation goes on with what is still missing, not the question already answered.
      const r = state.resumeStep;
      const resumeAt = r && isSlot(r) && state.draft.kind && filled(r, state.draft) ? (missing(state.draft) ?? r) : (r ?? 'menu');
      const back: ConvState = { ...state, step: resumeAt, resumeStep: null };
      if (!result.ok)
        return say(
          back,
          L(
            '留言暂时没发出去，请稍后再试，或拨打12315。',
            'Your message could not be passed on just now; please try again later or call 12315.',
          ),
          ...resumeLine(back),
        );
      if (state.step !== 'handoff') return say(back); // an urgent case flagged on the side: the question was already asked
      // A story passed on with the request for a person: it can be filed here meanwhile (the kind asked).
      const fileMeanwhile =
        back.step === 'menu' && back.draft.kind === undefined && back.draft.description !== undefined
          ? [L('也可以先在这里把这件事登记上：', 'Meanwhile it can be filed here too: ') + prompt('menu', back.draft, state.lang)]
          : [];
      return say(
        { ...back, ...(fileMeanwhile.length ? { askedKind: true } : {}) },
        L('已转告工作人员，工作日会尽快处理。', 'Passed to staff; they will handle it on working days.'),
        ...resumeLine(back),
        ...fileMeanwhile,
      );
    }
  }
}

/** A state saved by an older bot: v1 states are continued with the new fields' defaults. */
export function migrate(s: ConvState | (Omit<ConvState, 'v'> & { v: 1 })): ConvState {
  if (s.v === 2) return s;
  const base = newState(s.draftId, s.lastAt);
  return { ...base, ...s, v: 2 } as ConvState;
}

// ---------------------------------------------------------------------------------------------------
// Silence: remind once after 30 minutes, expire after 24 hours.

export const REMIND_AFTER_MS = 30 * 60_000;
export const EXPIRE_AFTER_MS = 24 * 3_600_000;

export function idleAction(state: ConvState, nowMs: number): { action: 'remind' | 'expire'; text: string } | null {
  if (!hasDraft(state)) return null;
  const idle = nowMs - state.lastAt;
  if (idle >= EXPIRE_AFTER_MS)
    return { action: 'expire', text: '您之前没填完的内容已经超过24小时没有继续，为保护您的信息已自动删除。需要时发“你好”重新开始。' };
  if (idle >= REMIND_AFTER_MS && !state.reminded) {
    const what = state.draft.kind ? KIND_LABEL.zh[state.draft.kind] : '事项';
    return {
      action: 'remind',
      text: `您的${what}还没提交哦。接着填就直接回复；不办了回复“取消”。\n${prompt(state.step, state.draft, state.lang)}`,
    };
  }
  return null;
}

export { normaliseNumber };
