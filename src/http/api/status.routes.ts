// GET /api/v1/cases/{number}/status — the query code comes in the `X-Query-Code` header or `?code=`.
// Unknown number and wrong code give the same 404.
// POST /api/v1/cases/{number}/answers — JSON { code, questionId, answer }: the citizen answers a question.
import { Hono } from 'hono';
import { parseCaseNumber } from '../../cases/case-number.ts';
import { answerQuestion } from '../../cases/questions.service.ts';
import { getPublicStatus } from '../../cases/public-status.query.ts';
import { AppError } from '../../lib/errors.ts';
import type { Deps } from '../../deps.ts';
import { rateLimit } from '../rate-limit.ts';
import type { AppEnv } from '../app-env.ts';
import { jsonBody } from '../parse.ts';
import { AnswerSchema } from './api.schemas.ts';
import { botExempt } from './bot-auth.ts';

export function statusRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const lookups = botExempt(
    rateLimit({
      name: 'lookups',
      perMinute: deps.config.rateLimits.lookupsPerMinute,
      trustProxy: deps.config.trustProxy,
      limits: deps.limits,
    }),
  );
  app.post('/cases/:number/answers', lookups, async (c) => {
    const answer = await jsonBody(c, AnswerSchema);
    const number = parseCaseNumber(c.req.param('number'));
    if (!number) throw new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');
    await answerQuestion(deps, number, answer.code, answer.questionId, answer.answer, c.get('channel') === 'wechat' ? 'wechat' : 'api');
    c.header('Cache-Control', 'no-store');
    return c.json({ ok: true }, 201);
  });
  app.get('/cases/:number/status', lookups, async (c) => {
    const code = c.req.header('x-query-code') ?? c.req.query('code');
    if (!code) throw new AppError('VALIDATION', '请提供查询码', [{ path: 'code', message: '请填写查询码' }]);
    const number = parseCaseNumber(c.req.param('number'));
    const status = number && code.length <= 64 ? await getPublicStatus(deps.db, number, code, deps.clock.now()) : null;
    if (!status) throw new AppError('CASE_NOT_FOUND', '未找到该编号的案件，或查询码不正确');
    c.header('Cache-Control', 'no-store');
    return c.json(status);
  });
  return app;
}
