// The conversation: a pure state machine over slots, in Chinese. No I/O here: `handle` takes the state
// and one inbound message and returns the next state, the replies and at most one effect (submit,
// query, list, hand-off) for the runner to carry out; `resolve` takes the effect's result back in.
// The payload it builds is exactly the API's SubmissionSchema input, so a case made in the chat equals
// one made through the API with the same facts.
import { TOWNSHIPS, type Township } from '../../src/cases/divisions.ts';
import { IdNumberSchema, PhoneSchema, type SubmissionInput, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { findTownship } from '../../src/understanding/gazetteer.ts';
import { parseIncidentDate, saysUnknownDate } from './dates.ts';

export type Kind = 'complaint' | 'report' | 'consultation';

export const SLOTS = [
  'description',
  'business',
  'where',
  'when',
  'request',
  'anonymous',
  'name',
  'phone',
  'address',
  'reward',
  'idNumber',
  'consent',
] as const;
export type Slot = (typeof SLOTS)[number];
export type Step = 'menu' | Slot | 'summary' | 'handoff';

export interface FileRef {
  /** Where the runner keeps the bytes until submission (a Redis key or a map key). */
  key: string;
  mime: string;
  size: number;
}

export interface Draft {
  kind?: Kind;
  description?: string;
  /** null: the reporter does not know the business (reports only). */
  businessName?: string | null;
  where?: string;
  township?: Township | null;
  /** null: the citizen does not remember. */
  incidentDate?: string | null;
  request?: string;
  anonymous?: boolean;
  wantsReward?: boolean;
  name?: string;
  phone?: string;
  address?: string;
  idNumber?: string;
  consentToPublish?: boolean;
  files: FileRef[];
}

export interface ConvState {
  v: 1;
  step: Step;
  draft: Draft;
  /** Idempotency key of the submission: a retry after a crash returns the same case. */
  draftId: string;
  /** Epoch ms of the citizen's last message. */
  lastAt: number;
  reminded: boolean;
  lastText: string | null;
  repeats: number;
  /** Where to go back after 人工 or a query made in the middle of a draft. */
  resumeStep: Step | null;
}

export type Inbound =
  | { type: 'text'; text: string }
  | { type: 'file'; ref: FileRef }
  | { type: 'file_rejected'; reason: 'too_big' | 'bad_type' | 'too_many'; maxFiles: number; maxMb: number }
  | { type: 'media'; media: 'voice' | 'video' | 'location' | 'sticker' | 'link' | 'other'; text?: string };

export type Effect =
  | { type: 'submit'; payload: SubmissionInput; files: FileRef[]; idempotencyKey: string }
  | { type: 'query'; number: string; code: string }
  | { type: 'list' }
  | { type: 'handoff'; message: string }
  | { type: 'answer'; number: string; answer: string };

export type EffectResult =
  | { type: 'submit'; ok: true; cases: { number: string; kind: string }[]; queryCode: string }
  | { type: 'submit'; ok: false; fields: { path: string; message: string }[]; message: string }
  | { type: 'query'; ok: true; status: { number: string; kindLabel: string; status: string; timeline: { at: string; text: string }[] } }
  | { type: 'list'; ok: true; cases: { number: string; kindLabel: string; status: string; receivedAt: string }[] }
  | { type: 'handoff'; ok: true }
  | { type: 'answer'; ok: true; number: string }
  | { type: 'answer'; ok: false; number: string; notFound?: boolean; noQuestion?: boolean; unavailable?: boolean; message?: string }
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
  return { v: 1, step: 'menu', draft: { files: [] }, draftId, lastAt: now, reminded: false, lastText: null, repeats: 0, resumeStep: null };
}

// ---------------------------------------------------------------------------------------------------
// Wording

export const MENU =
  '您好！这里是新郑市食品安全投诉举报平台「食安通」。\n' +
  '请问您想办什么事？回复数字或文字都行：\n' +
  '1 投诉（买到、吃到有问题的食品，想让商家退赔）\n' +
  '2 举报（发现违法行为，可以匿名）\n' +
  '3 咨询（问问政策、该怎么办）\n' +
  '4 查询进度\n' +
  '5 帮助';

export const HELP =
  '我可以帮您：\n' +
  '· 投诉：您买到或吃到有问题的食品，想让商家退款、赔偿；需要实名。\n' +
  '· 举报：您发现商家违法（比如无证经营、用地沟油），可以匿名；重大违法查实后可申请奖励。\n' +
  '· 咨询：问问食品安全方面的政策和办法。\n' +
  '· 查询：发送“查询 编号 查询码”看办理进度；在这里提交过的，发“查询”就能列出来。\n' +
  '随时可以发：取消（不办了）、重新开始、帮助、人工（给工作人员留言）。\n' +
  '照片、小票、视频可以直接发给我，会作为证据一起提交。';

const KIND_LABEL: Record<Kind, string> = { complaint: '投诉', report: '举报', consultation: '咨询' };

function prompt(step: Step, d: Draft): string {
  switch (step) {
    case 'menu':
      return MENU;
    case 'description':
      if (d.kind === 'consultation') return '请直接说出您想咨询的问题。';
      if (d.kind === 'report') return '请说说您发现的问题：哪家店或作坊，做了什么违法的事？有照片、视频可以直接发过来。';
      return '先说说发生了什么事吧：在哪儿买的（吃的）什么，出了什么问题？有照片、小票可以直接发过来。';
    case 'business':
      return d.kind === 'report'
        ? '这家店（作坊、单位）叫什么名字？记不全就说招牌上的字；实在不知道回复“不知道”。'
        : '这家商家叫什么名字？记不全的话，说招牌上的字或大概叫法也行。';
    case 'where':
      return '这家店在哪儿？说个地址就行，比如“新建路128号”“龙湖镇某某村东头”；网上买的说平台和店铺名。也可以直接发个位置。';
    case 'when':
      return '大概是什么时候的事？比如“昨天中午”“上周五”“11月20号”。记不清可以回复“不记得”。';
    case 'request':
      return '您希望商家怎么处理？比如退款、赔偿、道歉。';
    case 'anonymous':
      return '您想匿名举报吗？匿名的话我们不记录您的身份。请回复“匿名”或“实名”。';
    case 'name':
      return d.kind === 'complaint' ? '投诉需要实名。请问您的真实姓名是？' : '请问您的姓名是？';
    case 'phone':
      return '留个能联系到您的电话吧（11位手机号，或带区号的座机）。';
    case 'address':
      return '再说一下您的联系地址（方便寄送文书），写到小区或村就行。';
    case 'reward':
      return '如果查实是重大违法行为，可以申请举报奖励。需要申请吗？回复“要”或“不要”。';
    case 'idNumber':
      return '申请奖励需要核实身份，请发一下您的18位身份证号码（我们会加密保存）。';
    case 'consent':
      return '办完以后，这件投诉能否在隐去您的个人信息后对外公开？回复“同意”或“不同意”。';
    case 'summary':
      return summary(d);
    case 'handoff':
      return '请把想对工作人员说的话发给我，我会转达，工作日会有人处理。不留言了请回复“取消”。';
  }
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…` : s);
const maskPhone = (p: string) => (p.length >= 7 ? `${p.slice(0, 3)}****${p.slice(-4)}` : p);
const maskId = (id: string) => `${id.slice(0, 4)}**********${id.slice(-4)}`;

export function summary(d: Draft): string {
  const kind = d.kind ?? 'consultation';
  const lines = [
    `请核对一下您的${KIND_LABEL[kind]}：`,
    `类型：${KIND_LABEL[kind]}`,
    `${kind === 'consultation' ? '问题' : '经过'}：${clip(d.description ?? '', 200)}`,
  ];
  if (kind !== 'consultation') {
    lines.push(`商家：${d.businessName ?? '不清楚'}`);
    lines.push(`地点：${d.where ?? ''}${d.township ? `（${d.township}）` : ''}`);
    lines.push(`时间：${d.incidentDate ?? '记不清'}`);
  }
  if (kind === 'complaint') lines.push(`诉求：${d.request ?? ''}`);
  if (kind === 'report') lines.push(`匿名：${d.anonymous ? '是' : '否，实名举报'}`);
  if (kind !== 'consultation' && !(kind === 'report' && d.anonymous)) {
    lines.push(`姓名：${d.name ?? ''}`, `电话：${maskPhone(d.phone ?? '')}`);
    if (kind === 'complaint') lines.push(`联系地址：${d.address ?? ''}`);
  }
  if (kind === 'report') lines.push(`申请奖励：${d.wantsReward ? '是' : '否'}${d.idNumber ? `（身份证 ${maskId(d.idNumber)}）` : ''}`);
  if (kind === 'complaint') lines.push(`同意隐去个人信息后公开：${d.consentToPublish ? '同意' : '不同意'}`);
  if (d.files.length) lines.push(`照片/文件：${d.files.length}个`);
  lines.push('没问题请回复“确认”；要改哪项就说“修改 电话”这样；不想提交了回复“取消”。');
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------------
// Slot order and what counts as filled

/** The slots a draft needs, in the order they are asked. */
export function slotsFor(d: Draft): Slot[] {
  switch (d.kind) {
    case 'consultation':
      return ['description'];
    case 'complaint':
      return ['description', 'business', 'where', 'when', 'request', 'name', 'phone', 'address', 'consent'];
    case 'report': {
      const s: Slot[] = ['description', 'business', 'where', 'when', 'anonymous'];
      if (d.anonymous === false) s.push('name', 'phone');
      s.push('reward');
      if (d.anonymous === false && d.wantsReward === true) s.push('idNumber');
      return s;
    }
    default:
      return [];
  }
}

function filled(slot: Slot, d: Draft): boolean {
  switch (slot) {
    case 'description':
      return d.description !== undefined;
    case 'business':
      return d.businessName !== undefined;
    case 'where':
      return d.where !== undefined;
    case 'when':
      return d.incidentDate !== undefined;
    case 'request':
      return d.request !== undefined;
    case 'anonymous':
      return d.anonymous !== undefined;
    case 'name':
      return d.name !== undefined;
    case 'phone':
      return d.phone !== undefined;
    case 'address':
      return d.address !== undefined;
    case 'reward':
      return d.wantsReward !== undefined;
    case 'idNumber':
      return d.idNumber !== undefined;
    case 'consent':
      return d.consentToPublish !== undefined;
  }
}

export function nextStep(d: Draft): Step {
  if (!d.kind) return 'menu';
  return slotsFor(d).find((s) => !filled(s, d)) ?? 'summary';
}

/** The API payload: exactly SubmissionSchema's input. */
export function toSubmission(d: Draft): SubmissionInput {
  const kind = d.kind ?? 'consultation';
  if (kind === 'consultation') return { kind, description: d.description ?? '' };
  const anonymous = kind === 'report' && d.anonymous === true;
  const out: SubmissionInput = { kind, description: d.description ?? '' };
  if (d.businessName) out.business = { name: d.businessName, ...(d.where ? { address: d.where } : {}) };
  else if (d.where) out.place = d.where;
  if (d.township) out.township = d.township;
  if (d.incidentDate) out.incidentDate = d.incidentDate;
  if (kind === 'complaint' && d.request) out.request = d.request;
  if (!anonymous && d.name && d.phone) {
    out.person = {
      name: d.name,
      phone: d.phone,
      ...(kind === 'complaint' && d.address ? { address: d.address } : {}),
      ...(d.wantsReward && d.idNumber ? { idNumber: d.idNumber } : {}),
    };
  }
  if (kind === 'report') {
    out.anonymous = anonymous;
    out.wantsReward = d.wantsReward === true;
  }
  if (kind === 'complaint') out.consentToPublish = d.consentToPublish === true;
  return out;
}

// ---------------------------------------------------------------------------------------------------
// Understanding

const strip = (s: string) => s.replace(/[\s，。！？!?,.~～、…]+/g, '');

export type Intent = Kind | 'query' | 'help' | 'greeting' | null;

/** Menu words and colloquial free text → what the citizen wants; `harm`: they say they got ill. */
export function detectIntent(text: string): { intent: Intent; harm: boolean } {
  const t = strip(text);
  const harm = /吃坏|拉肚子|闹肚子|肚子疼|上吐下泻|呕吐|腹泻|中毒|过敏|住院/.test(t);
  if (/^(1|一|投诉)$/.test(t)) return { intent: 'complaint', harm };
  if (/^(2|二|举报)$/.test(t)) return { intent: 'report', harm };
  if (/^(3|三|咨询)$/.test(t)) return { intent: 'consultation', harm };
  if (/^(4|四|查询|查询进度|查进度|进度)$/.test(t)) return { intent: 'query', harm };
  if (/^(5|五|帮助|help|菜单|\?|？)$/i.test(t)) return { intent: 'help', harm };
  if (/举报|曝光|黑作坊|地沟油|泔水油|病死|死猪|瘦肉精|无证|没有?执照|没有?许可证|非法添加|假冒/.test(t)) return { intent: 'report', harm };
  if (/投诉|退款|退钱|退货|赔偿|索赔|维权/.test(t)) return { intent: 'complaint', harm };
  if (harm || /过期|变质|发霉|异物|吃出|喝出|虫子|头发|不新鲜|臭了|坏了/.test(t)) return { intent: 'complaint', harm };
  if (/咨询|请问|问一下|问问|怎么办|能不能|可不可以|是否|吗$|呢$|哪里|怎么/.test(t)) return { intent: 'consultation', harm };
  if (/查询|进度|办得怎么样|结果/.test(t)) return { intent: 'query', harm };
  if (/^(你好|您好|在吗|在不在|hi|hello|哈喽|嗨|喂|有人吗)/i.test(t)) return { intent: 'greeting', harm };
  return { intent: null, harm };
}

export function parseYesNo(text: string): boolean | null {
  const t = strip(text).toLowerCase();
  if (/^(不|否|别|没|n$|no$|2$)|不要|不用|不需要|不同意|不想|算了/.test(t)) return false;
  if (/^(是|要|需要|好|同意|可以|行|嗯|对|愿意|申请|y$|yes$|ok$|1$)/.test(t)) return true;
  return null;
}

/** Text with no letters, digits or CJK: emoji, stickers sent as text, punctuation only. */
export function isContentless(text: string): boolean {
  return !/[\p{L}\p{N}]/u.test(text);
}

const EDIT_WORDS: [RegExp, Slot | 'kind' | 'files'][] = [
  [/类型|种类/, 'kind'],
  [/联系地址|住址|我的地址|家庭地址/, 'address'],
  [/身份证/, 'idNumber'],
  [/经过|事情|内容|问题|描述|情况/, 'description'],
  [/商家|店名|名称|单位|店铺|名字叫/, 'business'],
  [/地址|地点|位置|在哪/, 'where'],
  [/时间|日期|哪天/, 'when'],
  [/诉求|要求/, 'request'],
  [/匿名|实名/, 'anonymous'],
  [/奖励/, 'reward'],
  [/姓名|名字|称呼/, 'name'],
  [/电话|手机|号码/, 'phone'],
  [/公开/, 'consent'],
  [/照片|图片|文件|视频|证据/, 'files'],
];

function townshipOf(text: string): Township | null {
  const exact = TOWNSHIPS.find((t) => text.includes(t));
  if (exact) return exact;
  const f = findTownship(text);
  return f.ambiguous ? null : f.township;
}

// ---------------------------------------------------------------------------------------------------
// The machine

/** One message per turn (WeChat shows a burst of short messages as noise); nothing when there is nothing to say. */
const say = (state: ConvState, ...replies: string[]): Outcome => ({ state, replies: replies.length ? [replies.join('\n')] : [] });

/** One message: what we have to say, then the question. */
function ask(state: ConvState, ...before: string[]): Outcome {
  return { state, replies: [[...before, prompt(state.step, state.draft)].join('\n')] };
}

function reset(state: ConvState, draftId: string): ConvState {
  return { ...state, step: 'menu', draft: { files: [] }, draftId, reminded: false, resumeStep: null };
}

function startKind(state: ConvState, kind: Kind, firstText: string | null, harm: boolean): Outcome {
  const draft: Draft = { ...state.draft, kind };
  const before: string[] = [];
  if (harm) before.push('先照顾好身体，不舒服请及时就医，情况紧急请打120。');
  if (kind === 'complaint')
    before.push('好的，我来帮您登记投诉（需要实名，想让商家退赔用这个）。只想反映问题、不想留名的话，随时回复“举报”。');
  if (kind === 'report') before.push('好的，我来帮您登记举报，可以匿名。');
  if (kind === 'consultation') before.push('好的，您说，我帮您记下来转给工作人员答复。');
  // A first message that already tells the story is kept as the description.
  const min = kind === 'consultation' ? 5 : 10;
  if (firstText && firstText.length >= Math.max(min, 15)) {
    draft.description = firstText;
    before.push('您刚才说的我先记作事情经过了。');
  }
  const next: ConvState = { ...state, draft, step: 'menu' };
  next.step = nextStep(draft);
  return ask(next, ...before);
}

/** After a slot was filled (or edited): the next missing one, or the summary. */
function advance(state: ConvState, ...before: string[]): Outcome {
  const next = { ...state, step: nextStep(state.draft) };
  return ask(next, ...before);
}

function fillSlot(state: ConvState, slot: Slot, text: string, now: Date): Outcome {
  const d: Draft = { ...state.draft };
  const t = text.trim();
  switch (slot) {
    case 'description': {
      const min = d.kind === 'consultation' ? 5 : 10;
      if (t.length < min)
        return ask(
          state,
          d.kind === 'consultation' ? '能再说详细一点吗？（至少5个字）' : '能再多说几句吗？说清楚在哪儿、发生了什么（至少10个字）。',
        );
      if (t.length > 5000) return ask(state, '内容太长了，请控制在5000字以内。');
      d.description = t;
      if (d.where === undefined) {
        const tw = townshipOf(t);
        if (tw && d.township === undefined) d.township = tw;
      }
      break;
    }
    case 'business': {
      if (d.kind === 'report' && /^(不知道|不清楚|没有招牌|没招牌|无招牌|不晓得)$/.test(strip(t))) d.businessName = null;
      else if (t.length < 2) return ask(state, '名字太短了，再说全一点？');
      else if (t.length > 100) return ask(state, '商家名字不超过100个字，简短说一下就行。');
      else d.businessName = t;
      break;
    }
    case 'where': {
      if (t.length < 2) return ask(state, '再说具体一点？');
      if (t.length > 200) return ask(state, '地址不超过200个字，简短说一下就行。');
      d.where = t;
      const tw = townshipOf(t);
      d.township = tw ?? (d.township && d.description && townshipOf(d.description) === d.township ? d.township : null);
      break;
    }
    case 'when': {
      if (saysUnknownDate(t)) d.incidentDate = null;
      else {
        const date = parseIncidentDate(t, now);
        if (!date) return ask(state, '这个时间我没看懂，或者还没到呢。');
        d.incidentDate = date;
      }
      break;
    }
    case 'request':
      if (t.length < 2) return ask(state, '再说具体一点？');
      if (t.length > 1000) return ask(state, '诉求不超过1000个字，说重点就行。');
      d.request = t;
      break;
    case 'anonymous': {
      const s = strip(t);
      if (/实名|不匿名|不用匿名|不要匿名/.test(s)) d.anonymous = false;
      else if (/匿名/.test(s)) d.anonymous = true;
      else {
        const yn = parseYesNo(t);
        if (yn === null) return ask(state, '没太明白。');
        d.anonymous = yn;
      }
      if (d.anonymous) {
        delete d.name;
        delete d.phone;
        delete d.address;
        delete d.idNumber;
      }
      break;
    }
    case 'name': {
      const n = t.replace(/^(我叫|我是|叫|姓名[:：]?)/, '').trim();
      if (n.length < 2 || n.length > 50 || /\d/.test(n)) return ask(state, '姓名应是2到50个字，不含数字。');
      d.name = n;
      break;
    }
    case 'phone': {
      const p = PhoneSchema.safeParse(t);
      if (!p.success) return ask(state, '这个号码好像不对，请发11位手机号，或带区号的座机号。');
      d.phone = p.data;
      break;
    }
    case 'address':
      if (t.length < 2 || t.length > 200) return ask(state, '地址应是2到200个字。');
      d.address = t;
      break;
    case 'reward': {
      const yn = parseYesNo(t);
      if (yn === null) return ask(state, '没太明白。');
      d.wantsReward = yn;
      if (!yn) delete d.idNumber;
      break;
    }
    case 'idNumber': {
      const p = IdNumberSchema.safeParse(t);
      if (!p.success) return ask(state, '身份证号码好像不对，请核对18位号码再发一次。不想提供的话，回复“修改 奖励”改为不申请。');
      d.idNumber = p.data;
      break;
    }
    case 'consent': {
      const yn = parseYesNo(t);
      if (yn === null) return ask(state, '没太明白。');
      d.consentToPublish = yn;
      break;
    }
  }
  return advance({ ...state, draft: d }, '好的。');
}

function onSummary(state: ConvState, text: string): Outcome {
  const t = strip(text);
  if (/^(确认|确定|提交|对|没问题|是的?|可以|好的?|ok|yes)$/i.test(t)) {
    // Check locally with the API's own schema first, so a gap becomes a question, not an error.
    const payload = toSubmission(state.draft);
    const parsed = SubmissionSchema.safeParse(payload);
    if (!parsed.success)
      return onRejected(
        state,
        parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
      );
    return {
      state,
      replies: ['正在提交，请稍等…'],
      effect: { type: 'submit', payload, files: state.draft.files, idempotencyKey: state.draftId },
    };
  }
  const m = /^(修改|改|更改|改一下)(.*)$/.exec(t);
  if (m) {
    const what = m[2] ?? '';
    const hit = EDIT_WORDS.find(([re]) => re.test(what));
    if (!hit) return say(state, '要改哪一项呢？比如“修改 电话”“修改 地址”“修改 时间”。');
    const slot = hit[1];
    if (slot === 'kind') {
      const d: Draft = { files: state.draft.files, ...(state.draft.description ? { description: state.draft.description } : {}) };
      return ask({ ...state, step: 'menu', draft: d }, '好的，请重新选择类型（已说的经过会保留）。');
    }
    if (slot === 'files')
      return say({ ...state, draft: { ...state.draft, files: [] } }, '之前发的照片和文件已清空。需要的话请重新发过来，然后回复“确认”。');
    if (!slotsFor(state.draft).includes(slot)) return say(state, '这一项不用填哦。要改别的请说“修改 电话”这样。');
    return ask({ ...state, step: slot }, '好的，请重新告诉我：');
  }
  return say(state, '请回复“确认”提交；要改就说“修改 电话”这样；不想提交了回复“取消”。');
}

/** The API (or the local schema check) refused the draft: ask again for the first field it names. */
function onRejected(state: ConvState, fields: { path: string; message: string }[]): Outcome {
  const first = fields[0];
  const slot = first ? slotOfPath(first.path) : null;
  if (!slot) return say(state, `提交没有成功：${first?.message ?? '内容有误'}。请回复“修改 …”改一下，或回复“取消”。`);
  const d: Draft = { ...state.draft };
  clearSlot(d, slot);
  return ask({ ...state, draft: d, step: slot }, `这一项需要改一下：${first?.message ?? ''}`);
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

function clearSlot(d: Draft, slot: Slot): void {
  const keys: Record<Slot, (keyof Draft)[]> = {
    description: ['description'],
    business: ['businessName'],
    where: ['where', 'township'],
    when: ['incidentDate'],
    request: ['request'],
    anonymous: ['anonymous'],
    name: ['name'],
    phone: ['phone'],
    address: ['address'],
    reward: ['wantsReward'],
    idNumber: ['idNumber'],
    consent: ['consentToPublish'],
  };
  for (const k of keys[slot]) delete d[k];
}

/** `回复 <编号> <内容>`: answer the latest question staff asked about a case submitted here. */
const ANSWER = /^回复\s*(XZ-?\d{8}-?\d{6,})\s+([\s\S]+)$/i;

const QUERY = /^查询(进度)?\s*(XZ-?\d{8}-?\d{6,})\s+([0-9A-Za-z][0-9A-Za-z\s-]{10,60})$/i;

function normaliseNumber(n: string): string {
  const digits = n.toUpperCase().replace(/^XZ-?/, '');
  const m = /^(\d{8})-?(\d{6,})$/.exec(digits);
  return m ? `XZ-${m[1]}-${m[2]}` : n.toUpperCase();
}

function hasDraft(state: ConvState): boolean {
  return state.draft.kind !== undefined || state.draft.files.length > 0 || state.step !== 'menu';
}

/** Re-ask the current question after an interruption (a query, help, a file). */
function resumeLine(state: ConvState): string[] {
  return hasDraft(state) && state.step !== 'menu' ? [`我们接着刚才的：${prompt(state.step, state.draft)}`] : [];
}

export interface Context {
  now: Date;
  /** A fresh id for the next draft (the runner supplies randomness). */
  newDraftId: string;
}

export function handle(prev: ConvState, input: Inbound, ctx: Context): Outcome {
  const state: ConvState = { ...prev, lastAt: ctx.now.getTime(), reminded: false };

  if (input.type === 'file') {
    const files = [...state.draft.files, input.ref];
    const s = { ...state, draft: { ...state.draft, files } };
    if (!s.draft.kind) return say(s, `收到第${files.length}个文件了。请问您是要投诉还是举报？回复“1”投诉，“2”举报。`);
    return say(s, `收到第${files.length}个文件了，会和您的${KIND_LABEL[s.draft.kind]}一起提交。`, ...resumeLine(s));
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
        if (state.step === 'where' && input.text) return fillSlot(state, 'where', input.text.slice(0, 200), ctx.now);
        return say(state, '收到位置了。等我问到地点时再发，或者直接打字告诉我地址。', ...resumeLine(state));
      default:
        return say(state, '这种消息我看不了，麻烦打字告诉我。', ...resumeLine(state));
    }
  }

  // Text.
  const raw = input.text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u200b-\u200f\u2028\u2029\ufeff]/g, '').trim();
  if (raw.length > MAX_MESSAGE_CHARS) {
    return say(
      state,
      `您发的内容有点长（超过${MAX_MESSAGE_CHARS}字），我一次看不了这么多。麻烦挑重点说，或者分几条发。`,
      ...resumeLine(state),
    );
  }
  if (raw.length > 5 && raw === state.lastText) {
    const repeats = state.repeats + 1;
    const s = { ...state, repeats };
    return repeats === 1 ? say(s, '这条刚才已经收到了，不用重复发哦。', ...resumeLine(s)) : say(s);
  }
  const s0: ConvState = { ...state, lastText: raw, repeats: 0 };
  if (raw === '' || isContentless(raw))
    return say(s0, '没看懂您的意思，麻烦用文字告诉我。', ...(hasDraft(s0) && s0.step !== 'menu' ? resumeLine(s0) : [MENU]));

  const word = strip(raw);
  // Commands at any point.
  if (/^(取消|不办了|算了|退出)$/.test(word)) {
    if (s0.step === 'handoff') return ask({ ...s0, step: s0.resumeStep ?? 'menu', resumeStep: null }, '好的，不留言了。');
    return say(
      reset(s0, ctx.newDraftId),
      hasDraft(s0) ? '已取消，刚才填的内容已删除。需要时随时找我，发“你好”就能重新开始。' : '好的。需要时随时找我。',
    );
  }
  if (/^(重新开始|重来|重新来|从头开始)$/.test(word)) return ask(reset(s0, ctx.newDraftId), '好的，我们从头开始。');
  if (/^(帮助|help|菜单)$/i.test(word)) return say(s0, HELP, ...resumeLine(s0));
  if (/^(人工|转人工|人工客服|找人工)$/.test(word)) {
    return ask({ ...s0, step: 'handoff', resumeStep: s0.step === 'handoff' ? s0.resumeStep : s0.step });
  }
  const a = ANSWER.exec(raw.trim());
  if (a && a[2]!.trim() !== '')
    return { state: s0, replies: [], effect: { type: 'answer', number: normaliseNumber(a[1]!), answer: a[2]!.trim() } };
  if (/^回复$/.test(word))
    return say(s0, '回复办案人员的问题请发“回复 编号 您的回答”，比如：回复 XZ-20261120-000001 大概晚上十一点。', ...resumeLine(s0));
  const q = QUERY.exec(raw.replace(/\s+/g, ' '));
  if (q) return { state: s0, replies: [], effect: { type: 'query', number: normaliseNumber(q[2]!), code: q[3]!.trim() } };
  if (/^查询(进度)?$/.test(word) || (s0.step === 'menu' && /^(4|四|查进度)$/.test(word)))
    return { state: s0, replies: [], effect: { type: 'list' } };
  if (/^查询/.test(word))
    return say(
      s0,
      '查询请发“查询 编号 查询码”，比如：查询 XZ-20261120-000001 ABCD-EFGH-…；在这里提交过的，直接发“查询”就能列出来。',
      ...resumeLine(s0),
    );

  switch (s0.step) {
    case 'menu': {
      const { intent, harm } = detectIntent(raw);
      if (intent === 'complaint' || intent === 'report' || intent === 'consultation') {
        const isMenuWord = /^(1|2|3|一|二|三|投诉|举报|咨询|我要投诉|我要举报|我要咨询|我想投诉|我想举报|我想咨询)$/.test(word);
        return startKind(s0, intent, isMenuWord ? null : raw, harm);
      }
      if (intent === 'query') return { state: s0, replies: [], effect: { type: 'list' } };
      if (intent === 'help') return say(s0, HELP);
      if (intent === 'greeting') return say(s0, MENU);
      return say(s0, '不好意思，我没太明白。', MENU);
    }
    case 'summary':
      return onSummary(s0, raw);
    case 'handoff':
      if (raw.length < 2) return ask(s0, '请多说几个字。');
      return { state: s0, replies: [], effect: { type: 'handoff', message: raw } };
    default:
      // A kind word while filling the first slot switches kind (e.g. "举报" after starting a complaint).
      if (/^(投诉|举报|咨询)$/.test(word) && s0.draft.kind !== undefined && KIND_LABEL[s0.draft.kind] !== word) {
        const kind = (Object.entries(KIND_LABEL).find(([, v]) => v === word)?.[0] ?? 'consultation') as Kind;
        const d: Draft = { files: s0.draft.files, ...(s0.draft.description ? { description: s0.draft.description } : {}) };
        return startKind({ ...s0, draft: d }, kind, null, false);
      }
      return fillSlot(s0, s0.step, raw, ctx.now);
  }
}

export function resolve(state: ConvState, result: EffectResult, ctx: Context): Outcome {
  switch (result.type) {
    case 'submit': {
      if (result.ok) {
        const numbers = result.cases.map((c) => c.number).join('、');
        const lines = [
          `提交成功！您的${KIND_LABEL[state.draft.kind ?? 'consultation']}已登记。`,
          `案件编号：${numbers}`,
          `查询码：${result.queryCode}`,
          '请务必保存好查询码，它只显示这一次，丢了找不回来。',
          `以后发“查询 ${result.cases[0]?.number ?? '编号'} 查询码”就能看进度；有新进展我也会在这里告诉您。`,
        ];
        return say(reset(state, ctx.newDraftId), lines.join('\n'));
      }
      if ('unavailable' in result)
        return say({ ...state, step: 'summary' }, '系统开小差了，没提交上。您填的内容都还在，过一会儿回复“确认”再试一次就行。');
      return onRejected({ ...state, step: 'summary' }, result.fields);
    }
    case 'query': {
      if (!result.ok)
        return say(
          state,
          result.unavailable ? '查询服务暂时不可用，请稍后再试。' : '没查到：编号或查询码不对。请核对后再发一次“查询 编号 查询码”。',
          ...resumeLine(state),
        );
      const st = result.status;
      const tl = st.timeline.slice(-5).map((e) => `${e.at.slice(0, 16).replace('T', ' ')} ${e.text}`);
      return say(
        state,
        [`${st.kindLabel} ${st.number}`, `当前状态：${st.status}`, ...(tl.length ? ['办理过程：', ...tl] : [])].join('\n'),
        ...resumeLine(state),
      );
    }
    case 'list': {
      if (!result.ok)
        return say(
          state,
          result.unavailable ? '查询服务暂时不可用，请稍后再试。' : '这里查不到。请发“查询 编号 查询码”。',
          ...resumeLine(state),
        );
      if (result.cases.length === 0)
        return say(state, '您还没有在这里提交过。查别处提交的，请发“查询 编号 查询码”。', ...resumeLine(state));
      const lines = result.cases.map((c) => `${c.number} ${c.kindLabel}（${c.receivedAt.slice(0, 16).replace('T', ' ')}）：${c.status}`);
      return say(state, ['您在这里提交的事项：', ...lines, '看详细过程请发“查询 编号 查询码”。'].join('\n'), ...resumeLine(state));
    }
    case 'answer': {
      if (result.ok) return say(state, `已收到您对 ${result.number} 的回复，办案人员会看到。`, ...resumeLine(state));
      if (result.unavailable) return say(state, '回复暂时没发出去，请稍后再试。', ...resumeLine(state));
      if (result.noQuestion) return say(state, `${result.number} 目前没有需要您回复的问题。`, ...resumeLine(state));
      if (result.message) return say(state, result.message, ...resumeLine(state));
      return say(state, '没找到这个编号：只能回复在这里提交的事项。别处提交的，请在查询页面用编号和查询码回复。', ...resumeLine(state));
    }
    case 'handoff': {
      const back: ConvState = { ...state, step: state.resumeStep ?? 'menu', resumeStep: null };
      if (!result.ok) return say(back, '留言暂时没发出去，请稍后再试，或拨打12315。');
      return say(back, '已转告工作人员，工作日会尽快处理。', ...(back.step !== 'menu' ? resumeLine(back) : []));
    }
  }
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
    const what = state.draft.kind ? KIND_LABEL[state.draft.kind] : '事项';
    return { action: 'remind', text: `您的${what}还没提交哦。接着填就直接回复；不办了回复“取消”。\n${prompt(state.step, state.draft)}` };
  }
  return null;
}
