// Request parsing shared by the JSON API and the portal: one path from raw input to a validated value,
// failing with the closed error codes (MALFORMED_BODY for unreadable JSON, VALIDATION with field paths).
import type { z } from 'zod';
import { type Submission, SubmissionSchema } from '../cases/submission.schema.ts';
import { AppError } from '../lib/errors.ts';
import { validationError } from './errors.ts';

/** A submission as the API and the portal accept it (SubmissionSchema), or VALIDATION with the paths. */
export function parseSubmission(raw: unknown): Submission {
  const parsed = SubmissionSchema.safeParse(raw);
  if (!parsed.success) throw validationError(parsed.error);
  return parsed.data;
}

/** A JSON body validated by `schema`. */
export async function jsonBody<T>(c: { req: { json(): Promise<unknown> } }, schema: z.ZodType<T>): Promise<T> {
  const raw = await c.req.json().catch(() => {
    throw new AppError('MALFORMED_BODY', '请求内容不是有效的 JSON', [{ path: 'body', message: '不是有效的 JSON' }]);
  });
  const p = schema.safeParse(raw);
  if (!p.success) throw validationError(p.error);
  return p.data;
}
