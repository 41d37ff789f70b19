// Questions to the citizen, end to end over HTTP on a real database: a handler asks on the case page; the
// anonymous reporter sees the question through the API and the portal (number + code), answers on the
// portal and through the API; the answers land on the public timeline, are readable decrypted on the case
// page, and are stored sealed. A wrong code gives the lookup's 404. The reporter stays anonymous.
import { describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { PNG_1x1, POLYGLOTS } from '../helpers/files.ts';
import { Client, UNIT_A, UNIT_B, makeUser, signedIn, useBackoffice } from './helpers.ts';

const clock = new ManualClock(new Date('2026-11-30T02:00:00Z'));
const bo = useBackoffice({ clock });
const SYSTEM = { role: 'system', id: null } as const;
const QUESTION = '请问您看到收泔水油的具体时间是几点？';
const ANSWER_WEB = '大概每天晚上十一点左右，用三轮车拉回来。';
const ANSWER_API = '东头第二家，门口有蓝色铁皮棚。';

let handler: string;
async function ready() {
  if (handler) return;
  handler = await makeUser(bo, 'q.handler', 'handler', UNIT_A);
  await makeUser(bo, 'q.handler.b', 'handler', UNIT_B);
}

async function anonymousReport() {
  const r = await bo.t.deps.intake.submit({
    submission: SubmissionSchema.parse(SUBMISSION_EXAMPLES.anonymousReport.value),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const number = r.cases[0]!.number;
  const row = await bo.t.db.selectFrom('intake_case').select(['id']).where('number', '=', number).executeTakeFirstOrThrow();
  const now = bo.t.deps.clock.now();
  await applyTransition(bo.t.db, row.id, { type: 'triage' }, SYSTEM, now, {
    patch: { category: 'food_retail', urgency: 'normal', urgency_rank: 2, unit_id: UNIT_A },
  });
  await applyTransition(bo.t.db, row.id, { type: 'assign', data: { assigneeId: handler } }, SYSTEM, now, {
    patch: { unit_id: UNIT_A, assignee_id: handler },
  });
  return { id: row.id, number, code: r.queryCode };
}

const version = async (id: string) =>
  (await bo.t.db.selectFrom('intake_case').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;
const apiStatus = (number: string, code: string) => bo.app.request(`/api/v1/cases/${number}/status`, { headers: { 'x-query-code': code } });
const apiAnswer = (number: string, body: unknown) =>
  bo.app.request(`/api/v1/cases/${number}/answers`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function ask(c: Client, id: string, question: string) {
  await c.get(`/staff/cases/${id}`);
  return c.post(`/staff/cases/${id}/actions/ask_citizen`, { version: String(await version(id)), question });
}

describe('questions to the citizen', () => {
  it('ask on the case page → seen through the API and the portal → answered → on the timeline, decrypted for staff, sealed in the database', async () => {
    await ready();
    const k = await anonymousReport();
    const staff = await signedIn(bo, 'q.handler');
    const page = await (await staff.get(`/staff/cases/${k.id}`)).text();
    expect(page).toContain('向群众提问');
    const asked = await ask(staff, k.id, QUESTION);
    expect(asked.status).toBe(303);
    const q = await bo.t.db.selectFrom('case_question').selectAll().where('case_id', '=', k.id).executeTakeFirstOrThrow();
    expect(q).toMatchObject({ question: QUESTION, asked_by: handler, answer_enc: null, answered_at: null });
    const audit = await bo.t.db
      .selectFrom('audit_log')
      .selectAll()
      .where('case_id', '=', k.id)
      .where('action', '=', 'case_action')
      .execute();
    expect(audit.some((a) => JSON.parse(a.detail!).event === 'ask_citizen')).toBe(true);

    // The API: the question, not answered yet; the timeline says a question was asked.
    const st = await apiStatus(k.number, k.code);
    expect(st.status).toBe(200);
    const body = (await st.json()) as {
      questions: { id: string; question: string; askedAt: string; answered: boolean }[];
      timeline: { text: string }[];
    };
    expect(body.questions).toEqual([{ id: q.id, question: QUESTION, askedAt: expect.stringMatching(/\+08:00$/), answered: false }]);
    expect(body.timeline.map((e) => e.text)).toContain('办案人员向您提出了问题');

    // Wrong code: the same 404 as the lookup, nothing written.
    const wrong = await apiAnswer(k.number, { code: 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG', questionId: q.id, answer: ANSWER_API });
    expect(wrong.status).toBe(404);
    expect(((await wrong.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'CASE_NOT_FOUND',
      message: '未找到该编号的案件，或查询码不正确',
    });
    expect((await apiStatus(k.number, 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG')).status).toBe(404);
    const invalid = await apiAnswer(k.number, { code: k.code, questionId: 'x', answer: '' });
    expect(invalid.status).toBe(422);
    expect(JSON.stringify(await invalid.json())).toMatch(/问题编号无效|请填写回复内容/);

    // The portal: look up, see the question with its answer form (number + code in the form), answer.
    const citizen = new Client(bo);
    await citizen.get('/status');
    const look = await citizen.post('/status', { number: k.number, code: k.code });
    const lookHtml = await look.text();
    expect(look.status).toBe(200);
    expect(lookHtml).toContain(QUESTION);
    expect(lookHtml).toContain('action="/status/answer"');
    expect(lookHtml).toContain(`name="questionId" value="${q.id}"`);
    const empty = await citizen.post('/status/answer', { number: k.number, code: k.code, questionId: q.id, answer: '  ' });
    expect(empty.status).toBe(422);
    expect(await empty.text()).toContain('请填写回复内容');
    const badCode = await citizen.post('/status/answer', {
      number: k.number,
      code: 'WRONG-CODE-0000',
      questionId: q.id,
      answer: ANSWER_WEB,
    });
    expect(badCode.status).toBe(404);
    const noCsrf = await citizen.post('/status/answer', {
      number: k.number,
      code: k.code,
      questionId: q.id,
      answer: ANSWER_WEB,
      _csrf: 'forged',
    });
    expect(noCsrf.status).toBe(403);
    const answered = await citizen.post('/status/answer', { number: k.number, code: k.code, questionId: q.id, answer: ANSWER_WEB });
    expect(answered.status).toBe(200);
    const answeredHtml = await answered.text();
    expect(answeredHtml).toContain('您的回复已提交');
    expect(answeredHtml).toContain('（您已回复）');
    expect(answeredHtml).toContain('您已回复');
    expect(answeredHtml).not.toContain(ANSWER_WEB);
    await citizen.get('/status');
    const again = await citizen.post('/status/answer', { number: k.number, code: k.code, questionId: q.id, answer: ANSWER_WEB });
    expect(again.status).toBe(409);

    // A second question answered through the API.
    await ask(staff, k.id, '能否提供作坊的大致位置？');
    const q2 = await bo.t.db
      .selectFrom('case_question')
      .select('id')
      .where('case_id', '=', k.id)
      .where('answered_at', 'is', null)
      .executeTakeFirstOrThrow();
    const viaApi = await apiAnswer(k.number, { code: k.code.toLowerCase(), questionId: q2.id, answer: ANSWER_API });
    expect(viaApi.status).toBe(201);
    const after = (await (await apiStatus(k.number, k.code)).json()) as {
      questions: { answered: boolean }[];
      timeline: { text: string }[];
    };
    expect(after.questions.map((x) => x.answered)).toEqual([true, true]);
    expect(after.timeline.filter((e) => e.text === '您已回复')).toHaveLength(2);
    expect(JSON.stringify(after)).not.toContain(ANSWER_WEB);
    expect(JSON.stringify(after)).not.toContain(ANSWER_API);

    // The events: public, by an anonymous citizen, without the answer text.
    const events = await bo.t.db
      .selectFrom('case_event')
      .selectAll()
      .where('case_id', '=', k.id)
      .where('type', '=', 'answer_citizen')
      .execute();
    expect(events).toHaveLength(2);
    for (const e of events)
      expect(e).toMatchObject({ public: 1, actor_role: 'citizen', actor_id: null, from_status: 'assigned', to_status: 'assigned' });

    // The case page: answers decrypted for the handler; another unit's handler gets 403.
    const casePage = await (await staff.get(`/staff/cases/${k.id}`)).text();
    expect(casePage).toContain(ANSWER_WEB);
    expect(casePage).toContain(ANSWER_API);
    expect(casePage).toContain('回复（网页）');
    expect(casePage).toContain('回复（接口）');
    const other = await signedIn(bo, 'q.handler.b');
    const forbidden = await other.get(`/staff/cases/${k.id}`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain(ANSWER_WEB);

    // No plaintext answer anywhere in the database.
    for (const table of ['case_question', 'case_event', 'audit_log', 'outbox', 'citizen_notice', 'intake_case', 'party'] as const) {
      const dump = JSON.stringify(await bo.t.db.selectFrom(table).selectAll().execute());
      expect(dump, table).not.toContain(ANSWER_WEB);
      expect(dump, table).not.toContain(ANSWER_API);
      expect(dump, table).not.toContain('三轮车');
    }
    // Anonymous throughout: the report has no identity, the question row names no citizen.
    const parties = await bo.t.db.selectFrom('party').selectAll().where('case_id', '=', k.id).execute();
    expect(parties).toHaveLength(0);
    expect((await bo.t.db.selectFrom('intake_case').select('anonymous').where('id', '=', k.id).executeTakeFirstOrThrow()).anonymous).toBe(
      1,
    );
    expect(casePage).not.toContain('身份信息已隐藏（只有承办该案件的人员可以查看）');
  });

  it('an answer on the portal can carry photos, checked like evidence; they join the case’s evidence', async () => {
    await ready();
    const k = await anonymousReport();
    const staff = await signedIn(bo, 'q.handler');
    expect((await ask(staff, k.id, '能否拍一张作坊门口的照片？')).status).toBe(303);
    const q = await bo.t.db.selectFrom('case_question').select('id').where('case_id', '=', k.id).executeTakeFirstOrThrow();
    const citizen = new Client(bo);
    await citizen.get('/status');
    const look = await (await citizen.post('/status', { number: k.number, code: k.code })).text();
    expect(look).toContain('enctype="multipart/form-data"');
    expect(look).toMatch(/<input type="file" id="answer-[^"]+-files" name="files" multiple/);
    const send = async (files: { name: string; bytes: Buffer }[]) => {
      const fd = new FormData();
      fd.set('_csrf', citizen.token());
      for (const [key, v] of Object.entries({ number: k.number, code: k.code, questionId: q.id, answer: '照片在这里。' })) fd.set(key, v);
      for (const f of files) fd.append('files', new File([new Uint8Array(f.bytes)], f.name));
      const res = await bo.app.request('/status/answer', { method: 'POST', body: fd, headers: { cookie: citizen.jar.header() } });
      citizen.lastHtml = await res.clone().text();
      return res;
    };
    const evidence = () => bo.t.db.selectFrom('evidence').select('mime').where('case_id', '=', k.id).execute();

    // A disguised file (an image carrying a web page) is refused with the reason; nothing is recorded.
    const bad = await send([{ name: '门口.jpg', bytes: POLYGLOTS['JPEG+HTML appended after the image']! }]);
    expect(bad.status).toBe(422);
    expect(await bad.text()).toContain('“门口.jpg”的内容与其文件格式不符');
    expect(await evidence()).toEqual([]);
    expect(
      (await bo.t.db.selectFrom('case_question').select('answered_at').where('id', '=', q.id).executeTakeFirstOrThrow()).answered_at,
    ).toBeNull();

    const ok = await send([{ name: '门口.png', bytes: PNG_1x1 }]);
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('您的回复和 1 个文件已提交');
    expect(await evidence()).toEqual([{ mime: 'image/png' }]);
    const notice = await bo.t.db
      .selectFrom('staff_notification')
      .select('message')
      .where('case_id', '=', k.id)
      .where('kind', '=', 'citizen_answered')
      .executeTakeFirstOrThrow();
    expect(notice.message).toContain('附 1 个文件');
  });

  it('only staff who may handle the case can ask; a question needs text', async () => {
    await ready();
    const k = await anonymousReport();
    const staff = await signedIn(bo, 'q.handler');
    const blank = await ask(staff, k.id, ' ');
    expect(blank.status).toBe(422);
    expect(await blank.text()).toContain('请填写问题');
    const other = await signedIn(bo, 'q.handler.b');
    await other.get('/staff/account/password');
    const res = await other.post(`/staff/cases/${k.id}/actions/ask_citizen`, { version: String(await version(k.id)), question: QUESTION });
    expect(res.status).toBe(403);
    expect(await bo.t.db.selectFrom('case_question').select('id').where('case_id', '=', k.id).execute()).toHaveLength(0);
  });
});
