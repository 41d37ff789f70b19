// Questions staff ask the citizen, and the citizen's answers. Anonymous reporters included: a question is
// tied to the case, never to a person; the citizen answers with number + query code (status page, API)
// or through the bot (the contact that submitted the case). Each step is a status-keeping public event
// (ask_citizen / answer_citizen) written by applyTransitionIn in the same transaction as the question row.
// The answer may hold personal data: it is stored sealed (AAD `answer:<id>`) and never put in the event.
import type { Deps } from '../deps.ts';
import type { Db, Trx } from '../db/database.ts';
import type { AnswerChannel, CaseRow } from './case.table.ts';
import type { StoredFile } from './evidence.store.ts';
import { formatCst } from '../lib/clock.ts';
import { AppError } from '../lib/errors.ts';
import { uuidv7 } from '../lib/ids.ts';
import { queryCodeMatches } from '../lib/query-code.ts';
import { notifyStaff } from '../notices/staff-notice.ts';
import { contactMac } from '../notices/wechat-contact.ts';
import type { Actor, TransitionResult } from './case.machine.ts';
import { type ApplyOptions, applyTransitionIn } from './case.repository.ts';

export const QUESTION_MAX = 1000;
export const ANSWER_MAX = 2000;

const answerAad = (id: string) => `answer:${id}`;
const NOT_FOUND = () => new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');

export interface AskOptions {
  expectedVersion?: number;
  /** More rows for the same transaction (the back office's audit row). */
  alsoWrite?: (trx: Trx, row: CaseRow, result: TransitionResult) => Promise<void>;
}

/** Staff ask the citizen a question; returns its id. Scope is the caller's business (the back office checks it). */
export async function askCitizen(deps: Deps, caseId: string, question: string, actor: Actor, opts: AskOptions = {}): Promise<string> {
  const text = question.trim();
  if (text.length < 2 || text.length > QUESTION_MAX)
    throw new AppError('VALIDATION', `问题须为 2–${QUESTION_MAX} 个字`, [{ path: 'question', message: `问题须为 2–${QUESTION_MAX} 个字` }]);
  const id = uuidv7();
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    applyTransitionIn(trx, caseId, { type: 'ask_citizen', data: { questionId: id, question: text } }, actor, now, {
      ...(opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {}),
      alsoWrite: async (t, row, result) => {
        await t
          .insertInto('case_question')
          .values({
            id,
            case_id: caseId,
            question: text,
            asked_by: actor.id,
            asked_at: result.event.at,
            answer_enc: null,
            answered_at: null,
            answer_channel: null,
          })
          .execute();
        await opts.alsoWrite?.(t, row, result);
      },
    } satisfies ApplyOptions),
  );
  return id;
}

function checkAnswer(answer: string): string {
  const text = answer.trim();
  if (text.length < 1 || text.length > ANSWER_MAX)
    throw new AppError('VALIDATION', `回复须为 1–${ANSWER_MAX} 个字`, [{ path: 'answer', message: `回复须为 1–${ANSWER_MAX} 个字` }]);
  return text;
}

/**
 * Writes the answer to one open question of the case: the row (sealed answer), the public event and the
 * photos sent with it (evidence of the case, files already stored and checked like a submission's), one
 * transaction.
 */
async function recordAnswer(
  deps: Deps,
  caseId: string,
  questionId: string,
  text: string,
  channel: AnswerChannel,
  files: readonly StoredFile[] = [],
): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute((trx) =>
    applyTransitionIn(trx, caseId, { type: 'answer_citizen', data: { questionId } }, { role: 'citizen', id: null }, now, {
      alsoWrite: async (t, row, result) => {
        const done = await t
          .updateTable('case_question')
          .set({ answer_enc: deps.cipher.seal(text, answerAad(questionId)), answered_at: result.event.at, answer_channel: channel })
          .where('id', '=', questionId)
          .where('case_id', '=', caseId)
          .where('answered_at', 'is', null)
          .executeTakeFirst();
        if (Number(done.numUpdatedRows) !== 1) throw new AppError('CONFLICT', '该问题已经回复过了');
        if (files.length)
          await t
            .insertInto('evidence')
            .values(
              files.map((f) => ({
                id: uuidv7(),
                case_id: caseId,
                sha256: f.sha256,
                mime: f.mime,
                size: f.size,
                created_at: result.event.at,
              })),
            )
            .execute();
        // The one who asked (and the assignee, when another) learns of the reply in their inbox.
        const asked = await t.selectFrom('case_question').select('asked_by').where('id', '=', questionId).executeTakeFirst();
        const wanted = [...new Set([asked?.asked_by, row.assignee_id].filter((x): x is string => typeof x === 'string'))];
        // Only accounts that exist and work (the asker may since have left).
        const to = wanted.length
          ? (await t.selectFrom('staff_user').select('id').where('id', 'in', wanted).where('active', '=', 1).execute()).map((u) => u.id)
          : [];
        const attached = files.length ? `（附 ${files.length} 个文件，见证据材料）` : '';
        await notifyStaff(t, to, caseId, 'citizen_answered', `${row.number}：群众已回复您提出的问题${attached}`, result.event.at);
      },
    }),
  );
}

/**
 * The citizen answers with number + query code. A wrong code and an unknown number give the same
 * not-found as the status lookup; an unknown or already answered question is NOT_FOUND / CONFLICT.
 */
export async function answerQuestion(
  deps: Deps,
  number: string,
  code: string,
  questionId: string,
  answer: string,
  channel: AnswerChannel,
  /** Photos (or other evidence) sent with the answer: checked with checkEvidenceFiles and stored by the caller. */
  files: readonly StoredFile[] = [],
): Promise<void> {
  const row = await deps.db.selectFrom('intake_case').select(['id', 'query_code_hash']).where('number', '=', number).executeTakeFirst();
  if (!row || !queryCodeMatches(code, row.query_code_hash)) throw NOT_FOUND();
  const text = checkAnswer(answer);
  const q = await deps.db
    .selectFrom('case_question')
    .select(['id', 'answered_at'])
    .where('id', '=', questionId)
    .where('case_id', '=', row.id)
    .executeTakeFirst();
  if (!q) throw new AppError('NOT_FOUND', '问题不存在');
  if (q.answered_at !== null) throw new AppError('CONFLICT', '该问题已经回复过了');
  await recordAnswer(deps, row.id, q.id, text, channel, files);
}

/**
 * The bot: the contact that submitted case `number` answers its latest open question. The bot never sees
 * the query code; owning the case is proven by the contact's keyed hash. Not the contact's case → the
 * same not-found as a wrong code.
 */
export async function answerLatestForContact(
  deps: Deps,
  contactId: string,
  number: string,
  answer: string,
): Promise<{ questionId: string }> {
  const row = await deps.db
    .selectFrom('wechat_contact as w')
    .innerJoin('intake_case as c', 'c.id', 'w.case_id')
    .select(['c.id'])
    .where('w.contact_hmac', '=', contactMac(deps.cipher, contactId))
    .where('c.number', '=', number)
    .executeTakeFirst();
  if (!row) throw NOT_FOUND();
  const text = checkAnswer(answer);
  const q = await deps.db
    .selectFrom('case_question')
    .select('id')
    .where('case_id', '=', row.id)
    .where('answered_at', 'is', null)
    .orderBy('asked_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!q) throw new AppError('NOT_FOUND', '该案件目前没有待回复的问题');
  await recordAnswer(deps, row.id, q.id, text, 'wechat');
  return { questionId: q.id };
}

export interface PublicQuestion {
  id: string;
  question: string;
  /** CST, as formatCst gives. */
  askedAt: string;
  answered: boolean;
}

/** What the citizen sees: the questions and whether each is answered; never the answer text. */
export async function publicQuestions(db: Db, caseId: string): Promise<PublicQuestion[]> {
  const rows = await db
    .selectFrom('case_question')
    .select(['id', 'question', 'asked_at', 'answered_at'])
    .where('case_id', '=', caseId)
    .orderBy('asked_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, question: r.question, askedAt: formatCst(new Date(r.asked_at)), answered: r.answered_at !== null }));
}

export interface StaffQuestionView {
  id: string;
  question: string;
  askedBy: string | null;
  askedAt: string;
  /** Decrypted; only for users who may see the case (the caller checked scope). */
  answer: string | null;
  answeredAt: string | null;
  answerChannel: string | null;
}

/** For the case page: questions and decrypted answers. Call only after the case's scope check. */
export async function questionsForStaff(deps: Deps, caseId: string): Promise<StaffQuestionView[]> {
  const rows = await deps.db
    .selectFrom('case_question as q')
    .leftJoin('staff_user as s', 's.id', 'q.asked_by')
    .select(['q.id', 'q.question', 'q.asked_at', 'q.answer_enc', 'q.answered_at', 'q.answer_channel', 's.display_name'])
    .where('q.case_id', '=', caseId)
    .orderBy('q.asked_at')
    .orderBy('q.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    question: r.question,
    askedBy: r.display_name,
    askedAt: r.asked_at,
    answer: r.answer_enc ? deps.cipher.open<string>(r.answer_enc, answerAad(r.id)) : null,
    answeredAt: r.answered_at,
    answerChannel: r.answer_channel,
  }));
}
