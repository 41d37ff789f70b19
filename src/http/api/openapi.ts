// The OpenAPI 3.1 document, generated from the same zod schemas the handlers validate with, and a
// self-contained docs page (no external scripts: it may run on a government intranet).
import { Hono } from 'hono';
import { html, raw } from 'hono/html';
import { z } from 'zod';
import { CASE_NUMBER_EXAMPLE, CASE_NUMBER_RE } from '../../cases/case-number.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../cases/submission.schema.ts';
import { ERROR_STATUS } from '../../lib/errors.ts';
import type { AppEnv } from '../app-env.ts';
import { AnswerSchema } from './api.schemas.ts';

const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })),
    requestId: z.string(),
  }),
});

const ReceiptSchema = z.object({
  submissionId: z.string(),
  receivedAt: z.string(),
  cases: z.array(
    z.object({ number: z.string().regex(CASE_NUMBER_RE), kind: z.enum(['complaint', 'report', 'consultation']), statusUrl: z.string() }),
  ),
  queryCode: z.string().describe('128+ random bits; shown once, stored only as a hash'),
  notice: z.string(),
  replayed: z.boolean(),
  splitNote: z
    .string()
    .optional()
    .describe('Present when one submission filed as one kind became a complaint and a report (Order 121 Art. 9)'),
  understood: z
    .array(z.object({ label: z.string(), value: z.string() }))
    .describe('What the understanding engine read from the description (business, place, time, harm, request), for the citizen to check'),
});

const StatusSchema = z.object({
  number: z.string(),
  kind: z.enum(['complaint', 'report', 'consultation']),
  kindLabel: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), text: z.string() })),
  deadlines: z.array(z.object({ clock: z.string(), text: z.string(), due: z.string().nullable() })),
  relatedNumbers: z.array(z.string()),
  notices: z
    .array(z.object({ at: z.string(), text: z.string() }))
    .describe(
      'What the citizen must be told (a refusal with its ground and other routes, a transfer naming the authority…); shown here counts as delivered',
    ),
  questions: z.array(z.object({ id: z.string(), question: z.string(), askedAt: z.string(), answered: z.boolean() })),
  reward: z
    .object({
      status: z.string(),
      claimDue: z.string().nullable(),
      claimDueProvisional: z.boolean(),
      decision: z.enum(['approved', 'refused']).nullable(),
      reason: z.string().nullable(),
      amountYuan: z.number().nullable(),
      paidOn: z.string().nullable(),
    })
    .nullable()
    .describe("A report's tip reward: claim it at /reward with the number, the query code and the claim password"),
  publishedRef: z
    .string()
    .nullable()
    .describe('Public reference of the published result (GET /api/v1/results/{ref}); null until published'),
});

const js = (s: z.ZodType) => z.toJSONSchema(s, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' });
const errorRef = (description: string) => ({
  description,
  content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
});

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: '食安通 Shiantong public API',
      version: '1.0.0',
      description: '新郑市食品安全投诉举报（12331）受理接口。Complaints, reports (tips) and consultations about food safety in 新郑市.',
    },
    paths: {
      '/api/v1/submissions': {
        post: {
          summary: '提交投诉、举报或咨询 / Submit a complaint, report or consultation',
          description:
            "A complaint needs the complainant's real name, phone and address, the business and the request (Order 121 Art. 10). " +
            'A report may be anonymous. kind=both creates two linked cases. Send JSON, or multipart/form-data with a `submission` part ' +
            '(the same JSON as text) and up to 9 `files` parts (≤10 MB each; JPG/PNG/GIF/WEBP/HEIC, PDF, MP4/MOV, checked by content).',
          parameters: [
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              schema: { type: 'string', maxLength: 200 },
              description: 'A retry with the same key returns the same answer and creates nothing.',
            },
          ],
          requestBody: {
            required: true,
            content: {
              'application/json': { schema: { $ref: '#/components/schemas/Submission' }, examples: SUBMISSION_EXAMPLES },
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  required: ['submission'],
                  properties: {
                    submission: { type: 'string', description: 'Submission as JSON text' },
                    files: { type: 'array', maxItems: 9, items: { type: 'string', format: 'binary' } },
                  },
                },
              },
            },
          },
          responses: {
            '201': {
              description: 'Created: the case number(s) and the query code',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Receipt' } } },
            },
            '200': {
              description: 'Replay of an earlier request with the same Idempotency-Key',
              content: { 'application/json': { schema: { $ref: '#/components/schemas/Receipt' } } },
            },
            '400': errorRef('Malformed JSON or form'),
            '413': errorRef('A file or the body is too large'),
            '415': errorRef('Unsupported content type or file type'),
            '422': errorRef('Validation failed; `fields` names each wrong field'),
            '429': errorRef('Too many requests'),
          },
        },
      },
      '/api/v1/cases/{number}/status': {
        get: {
          summary: '查询办理进度 / Case status',
          parameters: [
            { name: 'number', in: 'path', required: true, schema: { type: 'string', example: CASE_NUMBER_EXAMPLE } },
            {
              name: 'X-Query-Code',
              in: 'header',
              required: false,
              schema: { type: 'string' },
              description: 'The query code (or use ?code=)',
            },
            { name: 'code', in: 'query', required: false, schema: { type: 'string' } },
          ],
          responses: {
            '200': { description: 'Public status', content: { 'application/json': { schema: { $ref: '#/components/schemas/Status' } } } },
            '404': errorRef('Unknown number or wrong code (same answer for both)'),
            '422': errorRef('No code given'),
            '429': errorRef('Too many requests'),
          },
        },
      },
      '/api/v1/cases/{number}/answers': {
        post: {
          summary: '回复办案人员的问题 / Answer a question staff asked',
          description:
            'The question ids are in the status (`questions`). The answer is stored encrypted and shown to staff only; the timeline records that an answer was given.',
          parameters: [{ name: 'number', in: 'path', required: true, schema: { type: 'string', example: CASE_NUMBER_EXAMPLE } }],
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Answer' } } } },
          responses: {
            '201': { description: 'Answer recorded' },
            '404': errorRef('Unknown number or wrong code (same answer for both), or unknown question'),
            '409': errorRef('Question already answered'),
            '422': errorRef('Validation failed'),
            '429': errorRef('Too many requests'),
          },
        },
      },
      '/healthz': { get: { summary: 'Process is up', responses: { '200': { description: 'ok' } } } },
      '/readyz': {
        get: { summary: 'Database and Redis answer', responses: { '200': { description: 'ready' }, '503': { description: 'not ready' } } },
      },
    },
    components: {
      schemas: {
        Submission: js(SubmissionSchema),
        Receipt: js(ReceiptSchema),
        Status: js(StatusSchema),
        Answer: js(AnswerSchema),
        Error: js(ErrorSchema),
      },
    },
  };
}

export function openApiRoutes() {
  const app = new Hono<AppEnv>();
  const doc = openApiDocument();
  app.get('/openapi.json', (c) => c.json(doc));
  app.get('/docs', (c) => {
    const post = doc.paths['/api/v1/submissions'].post;
    const examples = Object.entries(SUBMISSION_EXAMPLES).map(
      ([name, ex]) => html`<h3>${name}: ${ex.summary}</h3><pre>${JSON.stringify(ex.value, null, 2)}</pre>`,
    );
    return c.html(html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>食安通 API 文档</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:1rem;color:#1a1a1a}pre{background:#f4f4f4;padding:.75rem;overflow:auto}code{background:#f4f4f4}</style></head>
<body><h1>食安通 公共接口 v1</h1>
<p>${doc.info.description}</p>
<p>机器可读文档：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
<h2>POST /api/v1/submissions</h2><p>${post.description}</p>
<p>成功返回 201，包含案件编号和查询码（只显示一次）。错误返回 <code>{ error: { code, message, fields: [{ path, message }], requestId } }</code>。</p>
${examples}
<h2>GET /api/v1/cases/{number}/status</h2><p>在请求头 <code>X-Query-Code</code> 或参数 <code>?code=</code> 中提供查询码。编号不存在与查询码错误的回答相同。</p>
<h2>数据结构</h2><pre>${raw(JSON.stringify(doc.components.schemas.Submission, null, 2).replace(/</g, '&lt;'))}</pre>
</body></html>`);
  });
  return app;
}
