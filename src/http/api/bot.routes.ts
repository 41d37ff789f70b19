// /api/v1/bot/* — for the WeChat bot only (Authorization: Bearer BOT_TOKEN): a contact's cases, the
// progress notices to deliver, messages left for staff. 401 without a bearer token, 403 with a wrong
// one or when the bot API is off (no BOT_TOKEN configured).
import { Hono } from 'hono';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { noticeForDelivery, recordNoticeOutcome } from '../../notices/citizen-notice.ts';
import { parseCaseNumber } from '../../cases/case-number.ts';
import { ANSWER_MAX, answerLatestForContact } from '../../cases/questions.service.ts';
import { CONTACT_ID, casesOfContact } from '../../notices/wechat-contact.ts';
import { recordHandoff } from '../../notices/wechat-handoff.ts';
import { setClaimPasswordForContact } from '../../rewards/reward.service.ts';
import type { AppEnv } from '../app-env.ts';
import { jsonBody } from '../parse.ts';
import { requireBot } from './bot-auth.ts';

function contactHeader(value: string | undefined): string {
  if (value === undefined || !CONTACT_ID.test(value))
    throw new AppError('VALIDATION', '缺少或无效的 X-Wechat-Contact', [
      { path: 'header.X-Wechat-Contact', message: '应为1到200个可见 ASCII 字符' },
    ]);
  return value;
}

const NoticeId = z.uuid();
export const Failure = z.object({ error: z.string().trim().min(1).max(300) });
export const Handoff = z.object({ message: z.string().trim().min(1).max(2000) });
export const BotAnswer = z.object({
  answer: z
    .string({ error: '请填写回复内容' })
    .trim()
    .min(1, { error: '请填写回复内容' })
    .max(ANSWER_MAX, { error: `回复最多 ${ANSWER_MAX} 个字` }),
});

function noticeId(raw: string): string {
  const p = NoticeId.safeParse(raw);
  if (!p.success) throw new AppError('NOT_FOUND', '通知不存在');
  return p.data;
}

export function botRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  app.use('/bot/*', requireBot(deps));

  /** `查询` alone: the cases this contact submitted through the bot. */
  app.get('/bot/contact/cases', async (c) => {
    const contact = contactHeader(c.req.header('x-wechat-contact'));
    c.header('Cache-Control', 'no-store');
    return c.json({ cases: await casesOfContact(deps.db, deps.cipher, contact) });
  });

  app.get('/bot/notices/:id', async (c) => {
    const n = await noticeForDelivery(deps.db, deps.cipher, noticeId(c.req.param('id')));
    if (!n) throw new AppError('NOT_FOUND', '通知不存在');
    c.header('Cache-Control', 'no-store');
    return c.json(n);
  });

  app.post('/bot/notices/:id/delivered', async (c) =>
    c.json(await recordNoticeOutcome(deps.db, noticeId(c.req.param('id')), { delivered: true }, deps.clock.now())),
  );

  app.post('/bot/notices/:id/failed', async (c) => {
    const { error } = await jsonBody(c, Failure);
    const id = noticeId(c.req.param('id'));
    const out = await recordNoticeOutcome(deps.db, id, { delivered: false, error }, deps.clock.now());
    deps.logger.warn({ noticeId: id }, 'citizen notice could not be delivered');
    return c.json(out);
  });

  /**
   * `回复 <编号> <内容>`: the contact answers the latest open question of a case it submitted. No query
   * code: owning the case is proven by the contact. Not its case → the same 404 as a wrong code.
   */
  app.post('/bot/cases/:number/answers', async (c) => {
    const contact = contactHeader(c.req.header('x-wechat-contact'));
    const { answer } = await jsonBody(c, BotAnswer);
    const number = parseCaseNumber(c.req.param('number'));
    if (!number) throw new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');
    const r = await answerLatestForContact(deps, contact, number, answer);
    c.header('Cache-Control', 'no-store');
    return c.json(r, 201);
  });

  /**
   * `领奖密码 <编号> <密码>`: the contact that submitted a report asking for a reward sets its claim password
   * (once; stored as an argon2 hash). Not its case → the same 404 as a wrong code.
   */
  app.post('/bot/cases/:number/reward-password', async (c) => {
    const contact = contactHeader(c.req.header('x-wechat-contact'));
    const { password } = await jsonBody(c, z.object({ password: z.string({ error: '请填写领奖密码' }).max(200) }));
    const number = parseCaseNumber(c.req.param('number'));
    if (!number) throw new AppError('CASE_NOT_FOUND', '未找到该编号的举报，或该举报未申请奖励');
    await setClaimPasswordForContact(deps, contact, number, password);
    c.header('Cache-Control', 'no-store');
    return c.json({ number, set: true }, 201);
  });

  /** `人工`: a message for staff, stored encrypted. */
  app.post('/bot/handoffs', async (c) => {
    const contact = contactHeader(c.req.header('x-wechat-contact'));
    const { message } = await jsonBody(c, Handoff);
    return c.json({ id: await recordHandoff(deps, contact, message) }, 201);
  });
  return app;
}
