// The scripted-citizen evaluation behind `npm run eval:chat` (bench/eval-chat.cli.ts), as a library: a
// simulated citizen plays a persona of test/fixtures/chat/<split>.jsonl against the real conversation
// engine, with a fixed clock (2026-12-05 10:00 CST). What the bot's effects do is up to a Driver: the pure
// driver below answers them as a server would (the filed case is the payload the bot sent); the server
// driver (bench/eval-chat-server.ts) sends them through the bot's real HTTP client to a running server and
// reads the filed case back from its database, so the scores measure what is really stored.
// The citizen sends its opening, answers whatever the bot asks from its `answers` (in its own words), and
// injects its `events` (corrections, questions, photos, repeats, cancels) after the given turn. Scores:
// filed fields vs `expect`, citizen turns, questions asked about something already answered, junk values
// stored, dead ends, hand-offs and the words the replies must contain.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type ConvState, type Effect, type EffectResult, type Outcome, handle, newState, resolve } from './conversation.ts';

export const NOW = new Date('2026-12-05T02:00:00Z');
const MAX_TURNS = 30;

export interface Persona {
  id: string;
  register: string;
  opening: string;
  answers: Record<string, string | null>;
  events: { after: number; say?: string; photo?: boolean; repeat?: boolean }[];
  expect: {
    filed: boolean;
    kind: string | null;
    business: string | null;
    township: string | null;
    incident_date: string | null;
    anonymous: boolean;
    wants_reward: boolean;
    request: string | null;
    description_contains: string[];
    max_turns: number | null;
    reply_contains: string[];
    handoff: boolean;
  };
}

export interface Run {
  id: string;
  transcript: string[];
  /** The case as filed (null: nothing was filed). */
  filed: FiledCase | null;
  turns: number;
  turnsToFile: number | null;
  repeated: string[];
  handoff: boolean;
  replies: string[];
  deadEnd: string | null;
}

const SLOT_TO_ANSWER: Record<string, string> = {
  menu: 'kind',
  description: 'description',
  business: 'business',
  where: 'where',
  when: 'when',
  request: 'request',
  anonymous: 'anonymous',
  name: 'name',
  phone: 'phone',
  address: 'address',
  reward: 'reward',
  idNumber: 'idNumber',
  consent: 'consent',
  summary: 'confirm',
};

/** What a persona says when asked something it has no answer for. */
const NOTHING: Record<string, string> = {
  business: '不知道叫啥',
  where: '不知道',
  when: '记不清了',
  request: '没啥要求',
  anonymous: '不用',
  reward: '不要',
  consent: '可以',
  idNumber: '不想给',
  description: '就是这个事',
};

/** The case as stored (server driver) or as sent (pure driver), in one shape for scoring. */
export interface FiledCase {
  kind: string;
  description: string;
  business: string | null;
  businessAddress: string | null;
  place: string | null;
  township: string | null;
  incidentDate: string | null;
  request: string | null;
  anonymous: boolean;
  wantsReward: boolean;
  personName: string | null;
  personAddress: string | null;
}

/** Carries out the bot's effects for one persona's conversation. */
export interface Driver {
  /** `filed` is set when a submission is accepted. */
  carry(effect: Effect, p: Persona): Promise<{ result: EffectResult; filed?: FiledCase }>;
}

type Payload = Extract<Effect, { type: 'submit' }>['payload'];

/** What the bot sent, in the scoring shape. */
export function filedFromPayload(pl: Payload): FiledCase {
  const o = pl as {
    kind: string;
    description?: string;
    business?: { name?: string; address?: string };
    place?: string;
    township?: string;
    incidentDate?: string;
    request?: string;
    anonymous?: boolean;
    wantsReward?: boolean;
    person?: { name?: string; address?: string };
  };
  return {
    kind: o.kind,
    description: o.description ?? '',
    business: o.business?.name ?? null,
    businessAddress: o.business?.address ?? null,
    place: o.place ?? null,
    township: o.township ?? null,
    incidentDate: o.incidentDate ?? null,
    request: o.request ?? null,
    anonymous: o.anonymous ?? false,
    wantsReward: o.wantsReward ?? false,
    personName: o.person?.name ?? null,
    personAddress: o.person?.address ?? null,
  };
}

/** Answers the effects as a server would, without one: the filed case is the payload the bot sent. */
export const pureDriver: Driver = {
  async carry(effect) {
    switch (effect.type) {
      case 'submit':
        return {
          filed: filedFromPayload(effect.payload),
          result: {
            type: 'submit',
            ok: true,
            cases: [{ number: 'XZ-20261205-000101', kind: String(effect.payload.kind) }],
            queryCode: 'ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-23',
            deadlines: [],
          },
        };
      case 'query':
        return {
          result: { type: 'query', ok: true, status: { number: effect.number, kindLabel: '投诉', status: '已受理', timeline: [] } },
        };
      case 'list':
        return { result: { type: 'list', ok: true, cases: [] } };
      case 'handoff':
        return { result: { type: 'handoff', ok: true } };
      case 'answer':
        return { result: { type: 'answer', ok: true, number: effect.number } };
      case 'claimPassword':
        return { result: { type: 'claimPassword', ok: true, number: effect.number } };
    }
  },
};

export async function simulate(p: Persona, driver: Driver = pureDriver): Promise<Run> {
  const run: Run = {
    id: p.id,
    transcript: [],
    filed: null,
    turns: 0,
    turnsToFile: null,
    repeated: [],
    handoff: false,
    replies: [],
    deadEnd: null,
  };
  let state: ConvState = newState(`draft-${p.id}`, NOW.getTime());
  let n = 0;
  const ctx = () => ({ now: NOW, newDraftId: `draft-${p.id}-${++n}` });
  const answered = new Map<string, number>();
  let last = '';
  let filed = false;
  let handoffStep = false;

  const send = async (input: Parameters<typeof handle>[1], label: string) => {
    run.turns++;
    run.transcript.push(`> ${label}`);
    const first: Outcome = handle(state, input, ctx());
    let out = first;
    for (const r of out.replies) run.replies.push(r);
    run.transcript.push(...out.replies.map((r) => `< ${r.replace(/\n/g, '\n  ')}`));
    if (out.effect) {
      run.transcript.push(`  [effect ${out.effect.type}]`);
      const { result, filed: stored } = await driver.carry(out.effect, p);
      if (out.effect.type === 'handoff' && result.ok) run.handoff = true;
      if (stored) {
        run.filed = stored;
        filed = true;
        run.turnsToFile = run.turns;
      }
      out = resolve(out.state, result, ctx());
      for (const r of out.replies) run.replies.push(r);
    }
    if (out !== first) run.transcript.push(...out.replies.map((r) => `< ${r.replace(/\n/g, '\n  ')}`));
    state = out.state;
    if (state.step === 'handoff') handoffStep = true;
  };
  const said: string[] = [];
  const sayText = async (text: string) => {
    last = text;
    said.push(text);
    await send({ type: 'text', text }, text);
  };

  await sayText(p.opening);
  let unchanged = 0;
  let prevReply = '';
  while (!filed && run.turns < MAX_TURNS) {
    const ev = p.events.filter((e) => e.after === run.turns);
    if (ev.length) {
      const hadDraft = state.draft.kind !== undefined || state.draft.description !== undefined;
      for (const e of ev) {
        if (e.photo) await send({ type: 'file', ref: { key: `${p.id}:photo`, mime: 'image/jpeg', size: 1000 } }, '[photo]');
        else if (e.repeat) await sayText(last);
        else if (e.say) await sayText(e.say);
      }
      // A citizen who called it off ("不弄了") and was told the draft is gone says no more, unless the script has
      // them come back later ("哎 还是投吧…刚才说到哪了").
      const more = p.events.some((e) => e.after >= run.turns);
      if (hadDraft && !more && state.step === 'menu' && state.draft.kind === undefined && state.draft.description === undefined) break;
      continue;
    }
    const step = state.step;
    if (handoffStep && step === 'handoff') {
      await sayText(p.answers.description ?? p.opening);
      continue;
    }
    const key = SLOT_TO_ANSWER[step] ?? step;
    const times = answered.get(key) ?? 0;
    const given = p.answers[key];
    if (key === 'kind' && !state.draft.kind && (given === null || given === undefined || times >= 1)) break; // nothing more to say
    if (times >= 1 && given !== null && given !== undefined) run.repeated.push(key);
    else if (given && alreadySaid(key, given, said)) run.repeated.push(`${key}(said before)`);
    if (times >= 2) {
      run.deadEnd = `asked ${key} three times`;
      break;
    }
    answered.set(key, times + 1);
    const answer = given ?? NOTHING[key] ?? '不知道';
    if (key === 'confirm' && /不用登记|问问就行|不弄了/.test(answer)) {
      await sayText(answer);
      break;
    }
    await sayText(answer);
    const lastReply = run.replies[run.replies.length - 1] ?? '';
    unchanged = lastReply === prevReply ? unchanged + 1 : 0;
    prevReply = lastReply;
    if (unchanged >= 2) {
      run.deadEnd = 'same reply three times';
      break;
    }
  }
  if (!filed && run.turns >= MAX_TURNS) run.deadEnd = 'turn limit';
  if (!filed && p.expect.filed && !run.deadEnd) run.deadEnd = `ended unfiled at step ${state.step}`;
  return run;
}

/** The bot asks for a name, phone or business the citizen already wrote in an earlier message. */
function alreadySaid(key: string, given: string, said: string[]): boolean {
  const digits = (s: string) => s.replace(/\D/g, '');
  if (key === 'phone') return digits(given).length >= 7 && said.some((m) => digits(m).includes(digits(given)));
  if (key === 'name' || key === 'business') {
    const v = given
      .replace(/^(我叫|我是|俺叫|叫|就是|就那个|my name is)\s*/i, '')
      .replace(/[。.!！]$/, '')
      .trim();
    return v.length >= 2 && said.some((m) => m.includes(v));
  }
  return false;
}

const JUNK = /我刚|说了吗|说过了|怎么又|又问|[?？]|人工|查询码|XZ-\d|不投诉了|算了|不弄了|听清|记下了没/;

export interface Score {
  fieldsRight: number;
  fieldsTotal: number;
  wrong: string[];
  junk: string[];
}

function norm(s: unknown): string {
  return String(s ?? '')
    .replace(/[\s()（）·.。]/g, '')
    .toLowerCase();
}

export function score(p: Persona, r: Run): Score {
  const s: Score = { fieldsRight: 0, fieldsTotal: 0, wrong: [], junk: [] };
  const check = (name: string, ok: boolean, got: unknown) => {
    s.fieldsTotal++;
    if (ok) s.fieldsRight++;
    else s.wrong.push(`${name}=${JSON.stringify(got)}`);
  };
  const e = p.expect;
  check('filed', e.filed === (r.filed !== null), r.filed !== null);
  if (!e.filed || !r.filed) return s;
  const pl = r.filed;
  check('kind', pl.kind === e.kind, pl.kind);
  if (e.kind !== 'consultation') {
    const b = pl.business;
    check(
      'business',
      e.business === null
        ? b === null || b === undefined
        : b !== null && (norm(b).includes(norm(e.business)) || norm(e.business).includes(norm(b))),
      b,
    );
    check('township', pl.township === e.township, pl.township);
    check('incident_date', pl.incidentDate === e.incident_date, pl.incidentDate);
    check('anonymous', pl.anonymous === e.anonymous, pl.anonymous);
    check('wants_reward', pl.wantsReward === e.wants_reward, pl.wantsReward);
    if (e.request) check('request', (pl.request ?? '').includes(e.request), pl.request);
  }
  for (const w of e.description_contains) check(`description~${w}`, pl.description.includes(w), pl.description.slice(0, 60));
  for (const [k, v] of [
    ['business', pl.business],
    ['address', pl.businessAddress],
    ['place', pl.place],
    ['request', pl.request],
    ['name', pl.personName],
    ['person.address', pl.personAddress],
  ] as const) {
    if (typeof v === 'string' && JUNK.test(v)) s.junk.push(`${k}=${v}`);
  }
  if (/XZ-\d{8}|[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}/.test(pl.description))
    s.junk.push('description holds a case number or code');
  return s;
}

/** The persona files: test, test2 … test33 are frozen (never read while tuning, never changed). */
export const SPLITS = [
  'dev',
  'test',
  'dev2',
  'test2',
  'dev3',
  'test3',
  'dev4',
  'dev5',
  'test4',
  'dev6',
  'test5',
  'dev7',
  'test6',
  'dev8',
  'dev9',
  'dev10',
  'test7',
  'dev11',
  'dev12',
  'dev13',
  'test8',
  'dev14',
  'dev15',
  'test9',
  'dev16',
  'test10',
  'dev17',
  'test11',
  'test12',
  'dev18',
  'test13',
  'dev19',
  'test14',
  'dev20',
  'test15',
  'dev21',
  'test16',
  'dev22',
  'test17',
  'dev23',
  'test18',
  'dev24',
  'test19',
  'dev25',
  'test20',
  'dev26',
  'test21',
  'dev27',
  'test22',
  'dev28',
  'test23',
  'dev29',
  'test24',
  'dev30',
  'test25',
  'dev31',
  'test26',
  'dev32',
  'test27',
  'dev33',
  'test28',
  'dev34',
  'test29',
  'dev35',
  'test30',
  'dev36',
  'test31',
  'dev37',
  'test32',
  'dev38',
  'test33',
];

export function loadPersonas(split: string, id?: string): { personas: Persona[]; bytes: Buffer } {
  if (!SPLITS.includes(split)) throw new Error(`--split must be one of ${SPLITS.join(', ')}`);
  const file = path.join(import.meta.dirname, '../../test/fixtures/chat', `${split}.jsonl`);
  const bytes = readFileSync(file);
  const personas = bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l.trim())
    // A persona that does nothing unprompted may leave `events` out; no words expected may be null.
    .map((l) => {
      type Loose = Omit<Persona, 'events' | 'expect'> & {
        events?: Persona['events'];
        expect: Omit<Persona['expect'], 'description_contains' | 'reply_contains'> & {
          description_contains: string[] | null;
          reply_contains: string[] | null;
        };
      };
      const p = JSON.parse(l) as Loose;
      const expect = {
        ...p.expect,
        description_contains: p.expect.description_contains ?? [],
        reply_contains: p.expect.reply_contains ?? [],
      };
      return { ...p, events: p.events ?? [], expect };
    })
    .filter((p) => !id || p.id === id);
  return { personas, bytes };
}

export interface Totals {
  right: number;
  total: number;
  repeated: number;
  junk: number;
  deadEnds: number;
  turnsOk: number;
  turnsChecked: number;
  fullFirst: number;
  fullFirstOk: number;
  handoffOk: number;
  replyOk: number;
  n: number;
}

/** Plays every persona through the driver (one after the other); one line per persona, and the totals. */
export async function evaluate(
  personas: Persona[],
  driver: Driver = pureDriver,
  opts: { verbose?: boolean } = {},
): Promise<{ totals: Totals; lines: string[]; runs: Run[] }> {
  const values = { verbose: opts.verbose ?? false };
  const runs: Run[] = [];
  const totals: Totals = {
    right: 0,
    total: 0,
    repeated: 0,
    junk: 0,
    deadEnds: 0,
    turnsOk: 0,
    turnsChecked: 0,
    fullFirst: 0,
    fullFirstOk: 0,
    handoffOk: 0,
    replyOk: 0,
    n: 0,
  };
  const lines: string[] = [];
  for (const p of personas) {
    const r = await simulate(p, driver);
    runs.push(r);
    const s = score(p, r);
    const replies = r.replies.join('\n').toLowerCase();
    const missingWords = p.expect.reply_contains.filter((w) => !replies.includes(w.toLowerCase()));
    const turnsOk = p.expect.max_turns === null || (r.turnsToFile !== null && r.turnsToFile <= p.expect.max_turns);
    totals.n++;
    totals.right += s.fieldsRight;
    totals.total += s.fieldsTotal;
    totals.repeated += r.repeated.length;
    totals.junk += s.junk.length;
    if (r.deadEnd && p.expect.filed) totals.deadEnds++;
    if (p.expect.max_turns !== null) {
      totals.turnsChecked++;
      if (turnsOk) totals.turnsOk++;
    }
    if (p.expect.max_turns !== null && p.expect.max_turns <= 3) {
      totals.fullFirst++;
      if (turnsOk) totals.fullFirstOk++;
    }
    if (p.expect.handoff === r.handoff || (!p.expect.handoff && r.handoff)) totals.handoffOk += p.expect.handoff === r.handoff ? 1 : 0;
    if (missingWords.length === 0) totals.replyOk++;
    const problems = [
      ...s.wrong,
      ...s.junk.map((j) => `junk ${j}`),
      ...r.repeated.map((x) => `re-asked ${x}`),
      ...(r.deadEnd && p.expect.filed ? [`dead end: ${r.deadEnd}`] : []),
      ...(!turnsOk ? [`turns ${r.turnsToFile ?? r.turns} > ${p.expect.max_turns}`] : []),
      ...(missingWords.length ? [`replies lack ${missingWords.join(',')}`] : []),
      ...(p.expect.handoff !== r.handoff ? [`handoff ${r.handoff}`] : []),
    ];
    lines.push(`${p.id} ${p.register.padEnd(7)} ${problems.length ? `✗ ${problems.join('; ')}` : '✓'}`);
    if (values.verbose) lines.push(...r.transcript.map((l) => `    ${l}`));
  }
  return { totals, lines, runs };
}
