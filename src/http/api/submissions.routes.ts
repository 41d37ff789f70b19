// POST /api/v1/submissions — JSON, or multipart/form-data with a `submission` part (JSON) and up to
// MAX_FILES `files` parts. Validate everything first (fields, file count, size, type by content), then
// store the files, then hand the case to intake; answer 201 only once it is committed.
import { Hono } from 'hono';
import { isMultipart, JSON_BODY_LIMIT, limitBody } from '../body-limit.ts';
import { z } from 'zod';
import type { Deps } from '../../deps.ts';
import { ACCEPTED_TYPES_LABEL, type CheckedFile, type StoredFile, checkEvidenceFiles } from '../../cases/evidence.store.ts';
import type { Channel } from '../../cases/case.table.ts';
import { AppError, type FieldError } from '../../lib/errors.ts';
import { CONTACT_ID } from '../../notices/wechat-contact.ts';
import { rateLimit } from '../rate-limit.ts';
import type { AppEnv } from '../app-env.ts';
import { parseSubmission } from '../parse.ts';
import { botExempt } from './bot-auth.ts';

const IdempotencyKey = z.string().regex(/^[\x21-\x7e]{1,200}$/);

async function readSubmission(c: {
  req: { header(n: string): string | undefined; text(): Promise<string>; parseBody(o: { all: true }): Promise<Record<string, unknown>> };
}): Promise<{ raw: unknown; files: File[] }> {
  const type = (c.req.header('content-type') ?? '').toLowerCase();
  if (type.startsWith('application/json')) {
    const text = await c.req.text();
    try {
      return { raw: JSON.parse(text), files: [] };
    } catch {
      throw new AppError('MALFORMED_BODY', '请求内容不是有效的 JSON', [{ path: 'body', message: '不是有效的 JSON' }]);
    }
  }
  if (type.startsWith('multipart/form-data')) {
    let form: Record<string, unknown>;
    try {
      form = await c.req.parseBody({ all: true });
    } catch {
      throw new AppError('MALFORMED_BODY', '表单内容无法解析', [{ path: 'body', message: '表单格式不正确' }]);
    }
    const part = form.submission;
    if (typeof part !== 'string')
      throw new AppError('VALIDATION', '缺少 submission 部分（JSON 文本）', [
        { path: 'submission', message: '请在 submission 字段中以 JSON 提交内容' },
      ]);
    let raw: unknown;
    try {
      raw = JSON.parse(part);
    } catch {
      throw new AppError('MALFORMED_BODY', 'submission 不是有效的 JSON', [{ path: 'submission', message: '不是有效的 JSON' }]);
    }
    const list = form.files === undefined ? [] : Array.isArray(form.files) ? form.files : [form.files];
    const files = list.map((f, i) => {
      if (!(f instanceof File)) throw new AppError('VALIDATION', 'files 只能是文件', [{ path: `files[${i}]`, message: '这里应当是文件' }]);
      return f;
    });
    return { raw, files };
  }
  throw new AppError('UNSUPPORTED_MEDIA_TYPE', '请以 application/json 或 multipart/form-data 提交', [
    { path: 'body', message: '不支持的内容类型' },
  ]);
}

async function checkFiles(files: File[], deps: Deps): Promise<CheckedFile[]> {
  const { ok, errors } = await checkEvidenceFiles(files, deps.config.uploads);
  if (errors.length === 0) return ok;
  const fields: FieldError[] = errors.map(({ path, message }) => ({ path, message }));
  // One status for the response, the most specific problem first: too large, wrong type, the rest.
  if (errors.some((e) => e.reason === 'size'))
    throw new AppError('PAYLOAD_TOO_LARGE', `每个文件不能超过${Math.round(deps.config.uploads.maxFileBytes / 1048576)}MB`, fields);
  const unsafe = errors.find((e) => e.reason === 'unsafe');
  if (unsafe) throw new AppError('UNSUPPORTED_MEDIA_TYPE', unsafe.message, fields);
  if (errors.some((e) => e.reason === 'type')) throw new AppError('UNSUPPORTED_MEDIA_TYPE', `只能上传${ACCEPTED_TYPES_LABEL}`, fields);
  throw new AppError('VALIDATION', fields[0]?.message ?? '文件有误', fields);
}

export function submissionRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const { uploads } = deps.config;
  // Dry run: the same parsing and validation as a submission, storing nothing. Clients (the web form,
  // the bot) use it to check a draft; the benchmark uses it as its baseline.
  app.post(
    '/submissions/validate',
    limitBody({
      maxSize: JSON_BODY_LIMIT,
      onError: () => {
        throw new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大');
      },
    }),
    async (c) => {
      const { raw } = await readSubmission(c);
      parseSubmission(raw);
      return c.json({ valid: true });
    },
  );
  // The submission's group commit waits for it from here (intake.service.ts `expect`), so the requests
  // handled while a commit is in flight share the next one instead of arriving a few turns apart.
  const arrivals = new WeakMap<Request, () => void>();
  app.post(
    '/submissions',
    async (c, next) => {
      const arrived = deps.intake.expect();
      arrivals.set(c.req.raw, arrived);
      try {
        await next();
      } finally {
        arrived();
      }
    },
    botExempt(
      rateLimit({
        name: 'submissions',
        perMinute: deps.config.rateLimits.submissionsPerMinute,
        trustProxy: deps.config.trustProxy,
        limits: deps.limits,
      }),
    ),
    // Multipart may carry the files; a JSON body never needs more than 1 MB (refused before it is read).
    limitBody({
      maxSize: (c) => (isMultipart(c) ? uploads.maxFiles * uploads.maxFileBytes + JSON_BODY_LIMIT : JSON_BODY_LIMIT),
      onError: (c) => {
        throw new AppError(
          'PAYLOAD_TOO_LARGE',
          '提交的内容过大',
          isMultipart(c)
            ? [{ path: 'body', message: `总大小不能超过${uploads.maxFiles}个文件×${Math.round(uploads.maxFileBytes / 1048576)}MB` }]
            : [{ path: 'body', message: '文字内容不能超过1MB；照片和视频请作为附件上传' }],
        );
      },
    }),
    async (c) => {
      const keyHeader = c.req.header('idempotency-key');
      let idempotencyKey: string | null = null;
      if (keyHeader !== undefined) {
        const k = IdempotencyKey.safeParse(keyHeader);
        if (!k.success)
          throw new AppError('VALIDATION', 'Idempotency-Key 格式不正确', [
            { path: 'header.Idempotency-Key', message: '应为1到200个可见 ASCII 字符' },
          ]);
        idempotencyKey = k.data;
      }
      const { raw, files } = await readSubmission(c);
      const submission = parseSubmission(raw);
      const checked = await checkFiles(files, deps);
      const stored: StoredFile[] = [];
      for (const f of checked) stored.push(await deps.evidence.put(f.bytes, f.mime));
      const actor = c.get('actor');
      const channel: Channel = c.get('channel');
      // The WeChat contact is taken only from the bot (its token set channel 'wechat').
      const wechatContact = c.req.header('x-wechat-contact');
      if (wechatContact !== undefined && channel !== 'wechat') throw new AppError('FORBIDDEN', 'X-Wechat-Contact 只接受机器人提交');
      if (wechatContact !== undefined && !CONTACT_ID.test(wechatContact))
        throw new AppError('VALIDATION', 'X-Wechat-Contact 格式不正确', [
          { path: 'header.X-Wechat-Contact', message: '应为1到200个可见 ASCII 字符' },
        ]);
      const receipt = await deps.intake.submit(
        {
          submission,
          files: stored,
          channel,
          actor,
          idempotencyKey,
          ...(wechatContact !== undefined ? { wechatContact } : {}),
        },
        arrivals.get(c.req.raw),
      );
      const base = deps.publicBaseUrl;
      c.header('Cache-Control', 'no-store');
      return c.json(
        {
          submissionId: receipt.submissionId,
          receivedAt: receipt.receivedAt,
          cases: receipt.cases.map((k) => ({ ...k, statusUrl: `${base}/api/v1/cases/${k.number}/status` })),
          queryCode: receipt.queryCode,
          notice: '请妥善保存案件编号和查询码：查询码只显示这一次，丢失后无法找回。',
          replayed: receipt.replayed,
          ...(receipt.splitNote ? { splitNote: receipt.splitNote } : {}),
          understood: (receipt.understood ?? []).map(([label, value]) => ({ label, value })),
        },
        receipt.replayed ? 200 : 201,
      );
    },
  );
  return app;
}
