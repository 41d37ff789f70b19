// One path for every error: AppError → its status and code; zod errors → VALIDATION with field paths;
// anything else → INTERNAL with no internal text. Every body carries the request id.
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { AppError, DEFAULT_MESSAGES, type ErrorCode, type FieldError } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { databaseTrouble } from '../lib/db-trouble.ts';

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields: FieldError[]; requestId: string };
}

/** `person.phone`, `files[2]`; the whole body is `body`. */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || 'body';
}

export function zodFields(error: z.ZodError): FieldError[] {
  return error.issues.map((i) => ({ path: issuePath(i.path), message: i.message }));
}

export function validationError(error: z.ZodError, prefix?: string): AppError {
  const fields = zodFields(error).map((f) => (prefix ? { ...f, path: f.path === 'body' ? prefix : `${prefix}.${f.path}` } : f));
  return new AppError(
    'VALIDATION',
    `提交的内容有误：${fields
      .map((f) => f.message)
      .slice(0, 3)
      .join('；')}`,
    fields,
  );
}

export function errorResponse(c: Context, err: AppError): Response {
  const body: ErrorBody = {
    error: {
      code: err.code,
      message: err.message || DEFAULT_MESSAGES[err.code],
      fields: err.fields,
      requestId: String(c.get('requestId') ?? ''),
    },
  };
  return c.json(body, err.status as ContentfulStatusCode);
}

export function onError(logger: Logger) {
  return (err: Error, c: Context): Response => {
    if (err instanceof AppError) return errorResponse(c, err);
    if (err instanceof HTTPException) {
      const code: ErrorCode =
        err.status === 413
          ? 'PAYLOAD_TOO_LARGE'
          : err.status === 400
            ? 'MALFORMED_BODY'
            : err.status === 401
              ? 'UNAUTHENTICATED'
              : err.status === 403
                ? 'FORBIDDEN'
                : err.status === 404
                  ? 'NOT_FOUND'
                  : 'INTERNAL';
      return errorResponse(c, new AppError(code, DEFAULT_MESSAGES[code]));
    }
    // The database is away (restart, failover) or its disk is full: say so, with when to retry; nothing
    // was saved, and the real cause is logged (its code and message carry no request content).
    const trouble = databaseTrouble(err);
    if (trouble) {
      const code = (err as { code?: unknown }).code;
      logger.error({ requestId: c.get('requestId'), err: { name: err.name, code, message: err.message } }, `database ${trouble}`);
      c.header('Retry-After', trouble === 'full' ? '300' : '5');
      return errorResponse(c, new AppError(trouble === 'full' ? 'STORAGE_FULL' : 'UNAVAILABLE', ''));
    }
    // Log the kind of failure and where, never the request body.
    logger.error({ requestId: c.get('requestId'), err: { name: err.name, stack: err.stack } }, 'unhandled error');
    return errorResponse(c, new AppError('INTERNAL', DEFAULT_MESSAGES.INTERNAL));
  };
}
