// GET /api/v1/cases/{number}/status — the query code comes in the `X-Query-Code` header or `?code=`.
// Unknown number and wrong code give the same 404.
// POST /api/v1/cases/{number}/answers — JSON { code, questionId, answer }: the citizen answers a question.
import { Hono } from 'hono';
import { z } from 'zod';
import { answerQuestion } from '../../cases/questions.service.ts';
import { ANSWER_MAX } from '../../cases/questions.service.ts';
import { validationError } from '../errors.ts';
import { getPublicStatus } from '../../cases/public-status.query.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { rateLimit } from '../rate-limit.ts';
import { botExempt } from './bot.routes.ts';
import type { AppEnv } from '../app.ts';

export const AnswerSchema = z.object({
  code: z.string({ error: '请填写查询码' }).trim().min(1, { error: '请填写查询码' }).max(64, { error: '查询码不正确，请核对' }),
  questionId: z.uuid({ error: '问题编号无效' }),
  answer: z.string({ error: '请填写回复内容' }).trim().min(1, { error: '请填写回复内容' }).max(ANSWER_MAX, { error: `回复最多 ${ANSWER_MAX} 个字` }),
});

export function statusRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const lookups = botExempt(rateLimit({ name: 'lookups', perMinute: deps.config.rateLimits.lookupsPerMinute, trustProxy: deps.config.trustProxy }));
  app.post('/cases/:number/answers', lookups, async (c) => {
    const raw = await c.req.json().catch(() => {
      throw new AppError('MALFORMED_BODY', '请求内容不是有效的 JSON');
    });
    const p = AnswerSchema.safeParse(raw);
    if (!p.success) throw validationError(p.error);
    const number = c.req.param('number').trim().toUpperCase();
    if (!/^XZ-\d{8}-\d{6,}$/.test(number)) throw new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');
    await answerQuestion(deps, number, p.data.code, p.data.questionId, p.data.answer, c.get('channel') === 'wechat' ? 'wechat' : 'api');
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true }, 201);
  });
  app.get('/cases/:number/status', lookups, async (c) => {
    const code = c.req.header('x-query-code') ?? c.req.query('code');
    if (!code) throw new AppError('VALIDATION', '请提供查询码', [{ path: 'code', message: '请填写查询码' }]);
    const number = c.req.param('number').trim().toUpperCase();
    const status = /^XZ-\d{8}-\d{6,}$/.test(number) && code.length <= 64 ? await getPublicStatus(deps.db, number, code) : null;
    if (!status) throw new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');
    c.header('Cache-Control', 'no-store');
    return c.json(status);
  });
  return app;
}
