// The OpenAPI documentation of every /api/v1 route, one entry per route, and the schemas it refers to.
//
// HOW TO DOCUMENT A NEW ROUTE (test/http/openapi.test.ts fails until you do):
//   1. Add an entry to API_DOCS below, keyed exactly as the router spells the route: the method in
//      capitals, a space, the full path with Hono's `:param` syntax, e.g. 'POST /api/v1/bot/handoffs'.
//   2. Give it at least `operationId` (unique, camelCase), `summary` (zh / en), `tags`, `security`
//      (PUBLIC or BOT), its parameters (path parameters are added by the generator if you leave them
//      out) and every response it can give, errors via `errorRef(...)`. Request and response bodies
//      are JSON schemas: generate them from the zod schema the handler validates with (`schema(X)`,
//      registered under `components.schemas` via SCHEMAS) so the document cannot drift from the code.
//   3. Run `npx vitest run test/http/openapi.test.ts`: the document is validated (OpenAPI 3.1 schema and
//      Redocly's recommended rules) and a client is generated from it and compiled.
// The document itself is assembled by openapi.ts from the router's own route list: a route without an
// entry here is missing from it, and an entry without a route is left out.
import type { DescribeRouteOptions } from 'hono-openapi';
import type { OpenAPIV3_1 } from 'openapi-types';
import { z } from 'zod';
import { CASE_NUMBER_EXAMPLE, CASE_NUMBER_RE } from '../../cases/case-number.ts';
import { IdNumberSchema, PhoneSchema, SUBMISSION_EXAMPLES, SubmissionObject } from '../../cases/submission.schema.ts';
import { ERROR_STATUS } from '../../lib/errors.ts';
import { OUTCOMES } from '../../publication/labels.ts';
import { AnswerSchema } from './api.schemas.ts';
import { BotAnswer, Failure, Handoff } from './bot.routes.ts';

// ---- schemas -------------------------------------------------------------------------------------------

const ErrorSchema = z.object({
  error: z.object({
    code: z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]),
    message: z.string().describe('给市民看的中文说明'),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).describe('每个有误的字段及其中文说明'),
    requestId: z.string(),
  }),
});

const KIND = z.enum(['complaint', 'report', 'consultation']);
const ReceiptSchema = z.object({
  submissionId: z.string(),
  receivedAt: z.string(),
  cases: z.array(z.object({ number: z.string().regex(CASE_NUMBER_RE), kind: KIND, statusUrl: z.string() })),
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
  kind: KIND,
  kindLabel: z.string(),
  status: z.string(),
  receivedAt: z.string(),
  timeline: z.array(z.object({ at: z.string(), text: z.string() })),
  deadlines: z.array(z.object({ clock: z.string(), text: z.string(), due: z.string().nullable() })),
  relatedNumbers: z.array(z.string()),
  questions: z.array(z.object({ id: z.string(), question: z.string(), askedAt: z.string(), answered: z.boolean() })),
});

const PublicResultSchema = z.object({
  ref: z.string(),
  outcome: z.enum(OUTCOMES),
  outcomeLabel: z.string(),
  caseKind: z.string(),
  caseKindLabel: z.string(),
  category: z.string().nullable(),
  categoryLabel: z.string(),
  township: z.string().nullable(),
  business: z.string().nullable(),
  businessKey: z.string().nullable(),
  findings: z.string(),
  decision: z.string(),
  complaintText: z.string().nullable(),
  fineYuan: z.number().nullable(),
  confiscationYuan: z.number().nullable(),
  decidedOn: z.iso.date(),
  publishedOn: z.iso.date(),
  publishedAt: z.string(),
  correction: z.object({ note: z.string(), on: z.iso.date() }).nullable(),
});

const Cell = z.number().nullable().describe('null: fewer than the publication threshold (suppressed to protect reporters)');
const StatisticsSchema = z
  .object({
    from: z.string(),
    to: z.string(),
    months: z.array(z.object({ month: z.string() }).catchall(z.unknown())),
    byTownship: z.array(z.object({ township: z.string(), count: Cell })),
    byCategory: z.array(z.object({ category: z.string(), count: Cell })),
    compliance: z.array(z.object({ unitId: z.string().nullable(), unit: z.string(), stopped: Cell, rate: z.number().nullable() })),
    mediation: z.object({ succeeded: Cell, failed: Cell, rate: z.number().nullable() }),
  })
  .describe('Counts of the last 12 months (CST).');

const ContactCaseSchema = z.object({ number: z.string(), kind: KIND, kindLabel: z.string(), status: z.string(), receivedAt: z.string() });
const NoticeSchema = z.object({
  id: z.uuid(),
  caseNumber: z.string(),
  text: z.string(),
  status: z.string(),
  attempts: z.number().int(),
  contactId: z.string().describe('The WeChat contact to deliver to (bot token only)'),
});

// Per-kind submissions (Order 121 Art. 10 and the reward rules), as the superRefine in SubmissionSchema
// checks them; the handler validates with SubmissionSchema, these spell the rules out for clients.
const S = SubmissionObject.shape;
const longDescription = z.string().min(10).max(5000).describe('事情经过：时间、地点、发生了什么（至少10个字）');
const person = S.person.unwrap().shape;
const complainant = z.object({ ...person, address: person.address.unwrap() });
const businessWithPlace = z.union([
  z.object({ ...S.business.unwrap().shape, address: S.business.unwrap().shape.address.unwrap() }).meta({ title: 'BusinessWithAddress' }),
  z.object({ ...S.business.unwrap().shape, platform: S.business.unwrap().shape.platform.unwrap() }).meta({ title: 'BusinessOnPlatform' }),
]);
const notAllowed = z.never().optional();
const ComplaintSubmission = SubmissionObject.extend({
  kind: z.literal('complaint'),
  description: longDescription,
  person: complainant,
  business: businessWithPlace,
  request: S.request.unwrap(),
  anonymous: z.literal(false).default(false).describe('投诉需要实名'),
  wantsReward: z.literal(false).default(false).describe('只有举报才能申请奖励'),
}).meta({ title: 'ComplaintSubmission', description: '投诉：实名，需要姓名、电话、地址，经营者名称和地址（或网店），以及诉求。' });
const NamedReportSubmission = SubmissionObject.extend({
  kind: z.literal('report'),
  description: longDescription,
  person: S.person.unwrap(),
  anonymous: z.literal(false).default(false),
}).meta({
  title: 'NamedReportSubmission',
  description: '实名举报：需要姓名和电话；申请奖励（wantsReward）时请填写身份证号码，领奖时凭姓名和身份证核对。',
});
const AnonymousReportSubmission = SubmissionObject.extend({
  kind: z.literal('report'),
  description: longDescription,
  anonymous: z.literal(true),
  person: notAllowed.describe('匿名举报不填写个人信息'),
}).meta({ title: 'AnonymousReportSubmission', description: '匿名举报：不填写个人信息；可凭查询码申请奖励。' });
const BothSubmission = ComplaintSubmission.extend({
  kind: z.literal('both'),
  wantsReward: S.wantsReward.describe('申请举报奖励时请填写身份证号码（person.idNumber），领奖时凭姓名和身份证核对'),
}).meta({ title: 'ComplaintAndReportSubmission', description: '投诉并举报：按投诉的要求填写，另立一件举报案件。' });
const ConsultationSubmission = SubmissionObject.extend({
  kind: z.literal('consultation'),
  wantsReward: z.literal(false).default(false),
}).meta({ title: 'ConsultationSubmission', description: '咨询：只需要说明问题。' });

const PHONE = { type: 'string', pattern: '^(1[3-9][0-9]{9}|0[0-9]{9,11})$', examples: ['13812345678'] };
const ID_NUMBER = { type: 'string', pattern: '^[0-9]{17}[0-9X]$', examples: ['11010519491231002X'] };

/** A zod schema as the JSON Schema (2020-12, as OpenAPI 3.1 uses) of what a client sends or receives. */
export function schema(s: z.ZodType, io: 'input' | 'output' = 'input'): OpenAPIV3_1.SchemaObject {
  const out = z.toJSONSchema(s, {
    io,
    target: 'draft-2020-12',
    unrepresentable: 'any',
    override: (ctx) => {
      // The phone and ID number are normalised before they are checked (full-width digits, spaces,
      // +86 are accepted); the document gives the canonical form a client should send.
      if (ctx.zodSchema === PhoneSchema) Object.assign(ctx.jsonSchema, PHONE, { description: '11位手机号或带区号的固定电话' });
      if (ctx.zodSchema === IdNumberSchema) Object.assign(ctx.jsonSchema, ID_NUMBER, { description: '18位身份证号码（申请奖励时需要）' });
    },
  }) as Record<string, unknown>;
  delete out.$schema;
  return out as OpenAPIV3_1.SchemaObject;
}

const ref = (name: keyof typeof SCHEMAS) => ({ $ref: `#/components/schemas/${name}` });

/** components.schemas of the document. */
export const SCHEMAS = {
  ComplaintSubmission: schema(ComplaintSubmission),
  ReportSubmission: { oneOf: [schema(NamedReportSubmission), schema(AnonymousReportSubmission)] } as OpenAPIV3_1.SchemaObject,
  ComplaintAndReportSubmission: schema(BothSubmission),
  ConsultationSubmission: schema(ConsultationSubmission),
  Submission: {
    description: '按 kind 区分的四种提交。',
    oneOf: [
      { $ref: '#/components/schemas/ComplaintSubmission' },
      { $ref: '#/components/schemas/ReportSubmission' },
      { $ref: '#/components/schemas/ComplaintAndReportSubmission' },
      { $ref: '#/components/schemas/ConsultationSubmission' },
    ],
    discriminator: {
      propertyName: 'kind',
      mapping: {
        complaint: '#/components/schemas/ComplaintSubmission',
        report: '#/components/schemas/ReportSubmission',
        both: '#/components/schemas/ComplaintAndReportSubmission',
        consultation: '#/components/schemas/ConsultationSubmission',
      },
    },
  } as OpenAPIV3_1.SchemaObject,
  Receipt: schema(ReceiptSchema, 'output'),
  Status: schema(StatusSchema, 'output'),
  Answer: schema(AnswerSchema),
  PublicResult: schema(PublicResultSchema, 'output'),
  Statistics: schema(StatisticsSchema, 'output'),
  ContactCase: schema(ContactCaseSchema, 'output'),
  Notice: schema(NoticeSchema, 'output'),
  NoticeFailure: schema(Failure),
  Handoff: schema(Handoff),
  BotAnswer: schema(BotAnswer),
  Error: schema(ErrorSchema, 'output'),
} satisfies Record<string, OpenAPIV3_1.SchemaObject>;

export const SECURITY_SCHEMES = {
  botToken: {
    type: 'http',
    scheme: 'bearer',
    description: 'The WeChat bot’s BOT_TOKEN. Its submissions are channel wechat and not rate-limited per address.',
  },
} satisfies Record<string, OpenAPIV3_1.SecuritySchemeObject>;

/** Anyone may call (the bot token is accepted too). */
const PUBLIC: OpenAPIV3_1.SecurityRequirementObject[] = [{}, { botToken: [] }];
/** The WeChat bot only. */
const BOT: OpenAPIV3_1.SecurityRequirementObject[] = [{ botToken: [] }];

export const errorRef = (description: string) => ({ description, content: { 'application/json': { schema: ref('Error') } } });
const json = (name: keyof typeof SCHEMAS, description: string) => ({ description, content: { 'application/json': { schema: ref(name) } } });
const noStore = { 'Cache-Control': { description: 'no-store', schema: { type: 'string' } } } as const;

const caseNumber = {
  name: 'number',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: CASE_NUMBER_RE.source, examples: [CASE_NUMBER_EXAMPLE] },
  description: '案件编号',
} as const;
const noticeId = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' }, description: '通知编号' } as const;
const contact = {
  name: 'X-Wechat-Contact',
  in: 'header',
  required: true,
  schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
  description: 'The WeChat contact id the bot speaks for',
} as const;
const resultFilters = [
  { name: 'category', in: 'query', required: false, schema: { type: 'string' }, description: '问题类别（未知类别被忽略）' },
  { name: 'township', in: 'query', required: false, schema: { type: 'string', maxLength: 20 }, description: '乡镇（街道）' },
  { name: 'business', in: 'query', required: false, schema: { type: 'string', maxLength: 50 }, description: '经营者名称的一部分' },
  { name: 'from', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: '决定日期起（含）' },
  { name: 'to', in: 'query', required: false, schema: { type: 'string', format: 'date' }, description: '决定日期止（含）' },
] as const;
const botErrors = {
  '401': errorRef('No bearer token'),
  '403': errorRef('Wrong token, or the bot API is off'),
};

/** Documentation per route, keyed 'METHOD /api/v1/path' as the router spells it (see the top of this file). */
export const API_DOCS: Record<string, DescribeRouteOptions> = {
  'POST /api/v1/submissions': {
    operationId: 'createSubmission',
    tags: ['submissions'],
    summary: '提交投诉、举报或咨询 / Submit a complaint, report or consultation',
    description:
      "A complaint needs the complainant's real name, phone and address, the business and the request (Order 121 Art. 10). " +
      'A report may be anonymous. kind=both creates two linked cases. Send JSON, or multipart/form-data with a `submission` part ' +
      '(the same JSON as text) and up to 9 `files` parts (≤10 MB each; JPG/PNG/GIF/WEBP/HEIC, PDF, MP4/MOV, checked by content).',
    security: PUBLIC,
    parameters: [
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
        description: 'A retry with the same key returns the same answer and creates nothing.',
      },
      {
        name: 'X-Wechat-Contact',
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: '^[\\x21-\\x7e]{1,200}$' },
        description: 'Bot token only: the WeChat contact to send progress notices to',
      },
    ],
    requestBody: {
      required: true,
      content: {
        'application/json': { schema: ref('Submission'), examples: SUBMISSION_EXAMPLES },
        'multipart/form-data': {
          schema: {
            type: 'object',
            required: ['submission'],
            properties: {
              submission: { type: 'string', description: 'Submission as JSON text (the same object as the JSON body)' },
              files: { type: 'array', maxItems: 9, items: { type: 'string', format: 'binary' } },
            },
          },
        },
      },
    },
    responses: {
      '201': { ...json('Receipt', 'Created: the case number(s) and the query code'), headers: noStore },
      '200': json('Receipt', 'Replay of an earlier request with the same Idempotency-Key'),
      '400': errorRef('Malformed JSON or form'),
      '403': errorRef('X-Wechat-Contact without the bot token'),
      '413': errorRef('A file or the body is too large'),
      '415': errorRef('Unsupported content type or file type'),
      '422': errorRef('Validation failed; `fields` names each wrong field'),
      '429': errorRef('Too many requests'),
    },
  },
  'POST /api/v1/submissions/validate': {
    operationId: 'validateSubmission',
    tags: ['submissions'],
    summary: '检查草稿，不提交 / Validate a submission without storing it',
    description: 'The same parsing and validation as a submission; nothing is stored.',
    security: PUBLIC,
    requestBody: { required: true, content: { 'application/json': { schema: ref('Submission'), examples: SUBMISSION_EXAMPLES } } },
    responses: {
      '200': {
        description: 'Valid',
        content: { 'application/json': { schema: { type: 'object', required: ['valid'], properties: { valid: { const: true } } } } },
      },
      '400': errorRef('Malformed JSON'),
      '413': errorRef('Body over 1 MB'),
      '415': errorRef('Not JSON'),
      '422': errorRef('Validation failed; `fields` names each wrong field'),
    },
  },
  'GET /api/v1/cases/:number/status': {
    operationId: 'getCaseStatus',
    tags: ['cases'],
    summary: '查询办理进度 / Case status',
    security: PUBLIC,
    parameters: [
      caseNumber,
      {
        name: 'X-Query-Code',
        in: 'header',
        required: false,
        schema: { type: 'string', maxLength: 64 },
        description: '查询码（或用 ?code=）',
      },
      { name: 'code', in: 'query', required: false, schema: { type: 'string', maxLength: 64 }, description: '查询码' },
    ],
    responses: {
      '200': { ...json('Status', 'Public status'), headers: noStore },
      '404': errorRef('Unknown number or wrong code (same answer for both)'),
      '422': errorRef('No code given'),
      '429': errorRef('Too many requests'),
    },
  },
  'POST /api/v1/cases/:number/answers': {
    operationId: 'answerQuestion',
    tags: ['cases'],
    summary: '回复办案人员的问题 / Answer a question staff asked',
    description:
      'The question ids are in the status (`questions`). The answer is stored encrypted and shown to staff only; the timeline records that an answer was given.',
    security: PUBLIC,
    parameters: [caseNumber],
    requestBody: { required: true, content: { 'application/json': { schema: ref('Answer') } } },
    responses: {
      '201': {
        description: 'Answer recorded',
        content: { 'application/json': { schema: { type: 'object', required: ['ok'], properties: { ok: { const: true } } } } },
      },
      '404': errorRef('Unknown number or wrong code (same answer for both), or unknown question'),
      '409': errorRef('Question already answered'),
      '422': errorRef('Validation failed'),
      '429': errorRef('Too many requests'),
    },
  },
  'GET /api/v1/results': {
    operationId: 'listResults',
    tags: ['open data'],
    summary: '公开的处理结果 / Published results',
    description: 'Published dispositions, newest first, 20 per page. Open data: no authentication, cacheable.',
    security: [{}],
    parameters: [
      ...resultFilters,
      { name: 'businessKey', in: 'query', required: false, schema: { type: 'string', maxLength: 80 }, description: '经营者的历史记录' },
      { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1 }, description: '页码' },
    ],
    responses: {
      '200': {
        description: 'One page',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['items', 'page', 'hasMore'],
              properties: { items: { type: 'array', items: ref('PublicResult') }, page: { type: 'integer' }, hasMore: { type: 'boolean' } },
            },
          },
        },
      },
    },
  },
  'GET /api/v1/results.csv': {
    operationId: 'exportResultsCsv',
    tags: ['open data'],
    summary: '公开结果 CSV / Published results as CSV',
    description: 'All published results matching the filters, UTF-8 with BOM, RFC 4180, spreadsheet formulas neutralised.',
    security: [{}],
    parameters: [...resultFilters],
    responses: { '200': { description: 'CSV file', content: { 'text/csv': { schema: { type: 'string' } } } } },
  },
  'GET /api/v1/results/:ref': {
    operationId: 'getResult',
    tags: ['open data'],
    summary: '一条公开结果 / One published result',
    security: [{}],
    parameters: [{ name: 'ref', in: 'path', required: true, schema: { type: 'string' }, description: '公开编号' }],
    responses: {
      '200': json('PublicResult', 'The result'),
      '404': errorRef('No such published record'),
      '410': {
        description: 'Withdrawn',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['ref', 'withdrawn', 'withdrawnOn', 'reason'],
              properties: {
                ref: { type: 'string' },
                withdrawn: { const: true },
                withdrawnOn: { type: 'string' },
                reason: { type: 'string' },
              },
            },
          },
        },
      },
    },
  },
  'GET /api/v1/statistics': {
    operationId: 'getStatistics',
    tags: ['open data'],
    summary: '公开统计 / Public statistics',
    security: [{}],
    responses: { '200': json('Statistics', 'Statistics of the last 12 months') },
  },
  'GET /api/v1/openapi.json': {
    operationId: 'getOpenApiDocument',
    tags: ['documentation'],
    summary: '本文档 / This OpenAPI document',
    security: [{}],
    responses: { '200': { description: 'OpenAPI 3.1 document', content: { 'application/json': { schema: { type: 'object' } } } } },
  },
  'GET /api/v1/docs': {
    operationId: 'getApiDocs',
    tags: ['documentation'],
    summary: '接口说明页 / Human-readable documentation',
    security: [{}],
    responses: { '200': { description: 'HTML page, no scripts', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
  'GET /api/v1/bot/contact/cases': {
    operationId: 'botContactCases',
    tags: ['bot'],
    summary: '联系人的案件 / The cases of a WeChat contact',
    security: BOT,
    parameters: [contact],
    responses: {
      '200': {
        description: 'Newest first, at most 20',
        content: {
          'application/json': {
            schema: { type: 'object', required: ['cases'], properties: { cases: { type: 'array', items: ref('ContactCase') } } },
          },
        },
      },
      ...botErrors,
      '422': errorRef('Missing or invalid X-Wechat-Contact'),
    },
  },
  'GET /api/v1/bot/notices/:id': {
    operationId: 'botGetNotice',
    tags: ['bot'],
    summary: '待发送的进度通知 / A progress notice to deliver',
    security: BOT,
    parameters: [noticeId],
    responses: { '200': json('Notice', 'The notice'), ...botErrors, '404': errorRef('No such notice') },
  },
  'POST /api/v1/bot/notices/:id/delivered': {
    operationId: 'botNoticeDelivered',
    tags: ['bot'],
    summary: '通知已送达 / Notice delivered',
    security: BOT,
    parameters: [noticeId],
    responses: {
      '200': {
        description: 'Recorded',
        content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string' } } } } },
      },
      ...botErrors,
      '404': errorRef('No such notice'),
    },
  },
  'POST /api/v1/bot/notices/:id/failed': {
    operationId: 'botNoticeFailed',
    tags: ['bot'],
    summary: '通知发送失败 / Notice could not be delivered',
    security: BOT,
    parameters: [noticeId],
    requestBody: { required: true, content: { 'application/json': { schema: ref('NoticeFailure') } } },
    responses: {
      '200': {
        description: 'Recorded (retried later, or given up)',
        content: { 'application/json': { schema: { type: 'object', required: ['status'], properties: { status: { type: 'string' } } } } },
      },
      ...botErrors,
      '404': errorRef('No such notice'),
      '422': errorRef('Validation failed'),
    },
  },
  'POST /api/v1/bot/cases/:number/answers': {
    operationId: 'botAnswerQuestion',
    tags: ['bot'],
    summary: '联系人回复最新的问题 / The contact answers the latest open question',
    description: 'No query code: owning the case is proven by the contact. Not its case → the same 404 as a wrong code.',
    security: BOT,
    parameters: [caseNumber, contact],
    requestBody: { required: true, content: { 'application/json': { schema: ref('BotAnswer') } } },
    responses: {
      '201': {
        description: 'Answer recorded',
        content: {
          'application/json': { schema: { type: 'object', required: ['questionId'], properties: { questionId: { type: 'string' } } } },
        },
      },
      ...botErrors,
      '404': errorRef('Unknown case, not this contact’s case, or no open question'),
      '422': errorRef('Validation failed'),
    },
  },
  'POST /api/v1/bot/cases/:number/reward-password': {
    operationId: 'botSetRewardPassword',
    tags: ['bot'],
    summary: '设置领奖密码 / The contact sets the claim password of its report',
    description:
      'Once, for a report that asked for a reward and was filed by this contact; stored as an argon2 hash. Not its case → the same 404 as a wrong code.',
    security: BOT,
    parameters: [caseNumber, contact],
    requestBody: {
      required: true,
      content: {
        'application/json': {
          schema: { type: 'object', required: ['password'], properties: { password: { type: 'string', maxLength: 200 } } },
        },
      },
    },
    responses: {
      '201': {
        description: 'Claim password set',
        content: {
          'application/json': {
            schema: {
              type: 'object',
              required: ['number', 'set'],
              properties: { number: { type: 'string' }, set: { type: 'boolean' } },
            },
          },
        },
      },
      ...botErrors,
      '404': errorRef('Unknown case, not this contact’s report, or no reward asked for'),
      '409': errorRef('The claim password is already set'),
      '422': errorRef('Validation failed'),
    },
  },
  'POST /api/v1/bot/handoffs': {
    operationId: 'botHandoff',
    tags: ['bot'],
    summary: '转人工留言 / A message for staff',
    security: BOT,
    parameters: [contact],
    requestBody: { required: true, content: { 'application/json': { schema: ref('Handoff') } } },
    responses: {
      '201': {
        description: 'Stored (encrypted)',
        content: { 'application/json': { schema: { type: 'object', required: ['id'], properties: { id: { type: 'string' } } } } },
      },
      ...botErrors,
      '422': errorRef('Validation failed'),
    },
  },
};

export const TAGS = [
  { name: 'submissions', description: '投诉、举报、咨询的提交' },
  { name: 'cases', description: '市民凭编号和查询码查询、回复' },
  { name: 'open data', description: '公开的处理结果和统计（开放数据）' },
  { name: 'bot', description: '微信机器人专用（BOT_TOKEN）' },
  { name: 'documentation', description: '接口文档' },
];
