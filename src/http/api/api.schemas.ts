// Request schemas of the JSON API that the OpenAPI document also describes (one schema, two uses).
import { z } from 'zod';
import { ANSWER_MAX } from '../../cases/questions.service.ts';

/** POST /api/v1/cases/{number}/answers */
export const AnswerSchema = z.object({
  code: z.string({ error: '请填写查询码' }).trim().min(1, { error: '请填写查询码' }).max(64, { error: '查询码不正确，请核对' }),
  questionId: z.uuid({ error: '问题编号无效' }),
  answer: z
    .string({ error: '请填写回复内容' })
    .trim()
    .min(1, { error: '请填写回复内容' })
    .max(ANSWER_MAX, { error: `回复最多 ${ANSWER_MAX} 个字` }),
});
