// The public web portal: server-rendered pages (hono/jsx), no JavaScript, nothing from other origins.
//   GET  /                 home
//   GET  /submit           choose complaint / report / both / consultation
//   GET  /submit/:kind     the form for that kind
//   POST /submit           validate (SubmissionSchema, via the API's parseSubmission) → receipt, or the form
//                          again with each error next to its field and everything typed kept (files excepted)
//   GET  /status           lookup form;  POST /status  number + query code → public status
//   POST /status/answer    number + query code + question id + answer (+ photos, checked like evidence) → the
//                          status page again (answered)
//   POST /receipt/image    number + query code → the receipt as a PNG (inline: a phone keeps it with a long press)
//   GET  /static/…         the stylesheet (content-hashed URL) and the icon
// Every POST passes CSRF (csrf.ts) and a per-client rate limit; the submission form has a honeypot.
// Pages carry a strict CSP (no scripts at all, styles and images from this origin only) and are not cached.
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import { limitBody } from '../body-limit.ts';
import { html } from 'hono/html';
import { HTTPException } from 'hono/http-exception';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SubmissionKind } from '../../cases/case.machine.ts';
import type { StoredFile } from '../../cases/evidence.store.ts';
import type { IntakeReceipt } from '../../cases/intake.service.ts';
import { type PublicCaseStatus, getPublicStatus } from '../../cases/public-status.query.ts';
import type { Deps } from '../../deps.ts';
import { cstDate } from '../../lib/clock.ts';
import { AppError, DEFAULT_MESSAGES, type FieldError } from '../../lib/errors.ts';
import type { AppEnv } from '../app-env.ts';
import { PORTAL_CSP } from '../csp.ts';
import { zodFields } from '../errors.ts';
import { databaseTrouble } from '../../lib/db-trouble.ts';
import { rateLimit } from '../rate-limit.ts';
import { CSRF_FIELD, CSRF_MESSAGES, type CsrfCheck, checkCsrf, ensureCsrfCookie, issueToken } from './csrf.ts';
import { ErrorPage } from './error.page.tsx';
import { HomePage } from './home.page.tsx';
import { svgToPng } from './receipt-image.ts';
import { ReceiptPage, receiptSvg } from './receipt.page.tsx';
import { ICON, STYLESHEET } from './static.ts';
import { type AnswerFormState, LookupPage, LookupSchema, type LookupSlot, type LookupState, StatusPage } from './status.pages.tsx';
import { answerQuestion } from '../../cases/questions.service.ts';
import { type StaffQuestionSource, questionsOfStatus } from './staff-questions.ts';
import { ChooseKindPage, SubmissionFormPage } from './submit.pages.tsx';
import {
  type FormValues,
  type ReadForm,
  checkFormFiles,
  groupErrors,
  isSubmissionKind,
  readForm,
  validateForm,
} from './submission.form.ts';

export interface PortalOptions {
  /** Another source of the questions staff asked (see staff-questions.ts); by default the public status's own. */
  staffQuestions?: StaffQuestionSource;
}

export const HONEYPOT_MESSAGE = '提交未通过自动检查：请清空“防垃圾检查栏”后再提交。';
export const RESUBMITTED_MESSAGE =
  '这份表单已经提交过一次，内容又有改动，所以没有再次登记。请核对下面的内容；确实需要另行提交的，请再次点击提交。';

type C = Context<AppEnv>;

function render(c: C, node: JSX.Element, status: ContentfulStatusCode = 200): Response | Promise<Response> {
  return c.html(html`<!DOCTYPE html>${node}`, status);
}

const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
};

export function portalRoutes(deps: Deps, opts: PortalOptions = {}) {
  const app = new Hono<AppEnv>();
  const staffQuestions = (status: PublicCaseStatus) =>
    opts.staffQuestions ? opts.staffQuestions(status.number) : Promise.resolve(questionsOfStatus(status));
  const { uploads, rateLimits, trustProxy } = deps.config;
  const mac = (s: string) => deps.cipher.mac(s);
  const now = () => deps.clock.now().getTime();
  const secureCookie = (c: C) => new URL(c.req.url).protocol === 'https:' || deps.publicBaseUrl.startsWith('https:');
  const newToken = (c: C) => issueToken(mac, ensureCsrfCookie(c, secureCookie(c)), now());

  const csp = secureHeaders({ contentSecurityPolicy: PORTAL_CSP, xFrameOptions: 'DENY' });
  /** Every HTML page: CSP, not cached (forms carry tokens and, re-rendered, personal data), a web citizen. */
  const page: MiddlewareHandler<AppEnv> = async (c, next) => {
    c.set('actor', { role: 'citizen', id: null });
    c.set('channel', 'web');
    c.header('Cache-Control', 'no-store');
    await next();
  };
  const submitLimit = rateLimit({
    name: 'portal-submissions',
    perMinute: rateLimits.submissionsPerMinute,
    trustProxy,
    limits: deps.limits,
  });
  const lookupLimit = rateLimit({ name: 'portal-lookups', perMinute: rateLimits.lookupsPerMinute, trustProxy, limits: deps.limits });
  const tooLarge = (message: string) => () => {
    throw new AppError('PAYLOAD_TOO_LARGE', message);
  };

  app.onError((err, c) => {
    const back = c.req.path.startsWith('/status')
      ? { href: '/status', text: '返回查询页面' }
      : c.req.path.startsWith('/submit')
        ? { href: '/submit', text: '返回重新填写' }
        : { href: '/', text: '返回首页' };
    const requestId = String(c.get('requestId') ?? '');
    if (err instanceof AppError) {
      const title = err.code === 'RATE_LIMITED' ? '操作过于频繁' : err.code === 'PAYLOAD_TOO_LARGE' ? '提交的内容过大' : '无法处理这次提交';
      return render(
        c,
        <ErrorPage title={title} message={err.message || DEFAULT_MESSAGES[err.code]} back={back} />,
        err.status as ContentfulStatusCode,
      );
    }
    if (err instanceof HTTPException && err.status < 500) {
      return render(
        c,
        <ErrorPage title="无法处理这次提交" message={DEFAULT_MESSAGES.MALFORMED_BODY} back={back} />,
        err.status as ContentfulStatusCode,
      );
    }
    const trouble = databaseTrouble(err);
    if (trouble) {
      deps.logger.error(
        { requestId, err: { name: err.name, code: (err as { code?: unknown }).code, message: err.message } },
        `database ${trouble} (portal)`,
      );
      c.header('Retry-After', trouble === 'full' ? '300' : '5');
      const code = trouble === 'full' ? 'STORAGE_FULL' : 'UNAVAILABLE';
      return render(
        c,
        <ErrorPage
          title="系统暂时无法保存"
          message={`${DEFAULT_MESSAGES[code]}。您填写的内容没有提交成功。`}
          back={back}
          requestId={requestId}
        />,
        trouble === 'full' ? 507 : 503,
      );
    }
    deps.logger.error({ requestId, err: { name: err.name, stack: err.stack } }, 'unhandled error (portal)');
    return render(
      c,
      <ErrorPage
        title="系统暂时出错"
        message={`${DEFAULT_MESSAGES.INTERNAL}。您填写的内容没有提交成功。`}
        back={back}
        requestId={requestId}
      />,
      500,
    );
  });

  // Static assets (no CSP needed: they are not documents that run anything).
  app.get(STYLESHEET.path, (c) =>
    c.body(STYLESHEET.body, 200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'public, max-age=31536000, immutable' }),
  );
  app.get(ICON.path, (c) => c.body(ICON.body, 200, { 'Content-Type': 'image/svg+xml', 'Cache-Control': 'public, max-age=86400' }));

  app.get('/', csp, page, (c) => render(c, <HomePage />));
  app.get('/submit', csp, page, (c) => render(c, <ChooseKindPage />));

  const formPage = (
    c: C,
    kind: SubmissionKind,
    p: { values?: FormValues; errors?: FieldError[]; form?: ReadForm; honeypotFlagged?: boolean },
    status: ContentfulStatusCode = 200,
  ) =>
    render(
      c,
      <SubmissionFormPage
        kind={kind}
        state={{ values: p.values ?? {}, errors: groupErrors(kind, p.errors ?? []) }}
        token={newToken(c)}
        droppedFiles={p.form?.files.length ?? 0}
        honeypot={{ value: p.form?.honeypot ?? '', flagged: p.honeypotFlagged ?? false }}
        limits={uploads}
        today={cstDate(deps.clock.now())}
      />,
      status,
    );

  app.get('/submit/:kind', csp, page, (c) => {
    const kind = c.req.param('kind');
    if (!isSubmissionKind(kind))
      return render(
        c,
        <ErrorPage title="页面不存在" message="没有这个页面，请重新选择要提交的类型。" back={{ href: '/submit', text: '选择类型' }} />,
        404,
      );
    return formPage(c, kind, {});
  });

  app.post(
    '/submit',
    csp,
    page,
    submitLimit,
    limitBody({
      maxSize: uploads.maxFiles * uploads.maxFileBytes + 1024 * 1024,
      onError: tooLarge(
        `提交的内容过大：最多${uploads.maxFiles}个文件，每个不超过${Math.round(uploads.maxFileBytes / 1048576)}MB。请返回上一页，减少或压缩文件后再提交。`,
      ),
    }),
    async (c) => {
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch {
        throw new AppError('MALFORMED_BODY', '表单内容无法解析，请返回重新填写。');
      }
      const form = readForm(body, CSRF_FIELD);
      if (!form)
        return render(
          c,
          <ErrorPage
            title="请先选择类型"
            message="请先选择要提交的是投诉、举报还是咨询，再填写表单。"
            back={{ href: '/submit', text: '选择类型' }}
          />,
          400,
        );

      const csrf: CsrfCheck = checkCsrf(c, mac, form.token, now());
      const honeypotFlagged = form.honeypot.trim() !== '';
      const problems: FieldError[] = [];
      if (!csrf.ok) problems.push({ path: 'general', message: CSRF_MESSAGES[csrf.reason] });
      if (honeypotFlagged) problems.push({ path: 'general', message: HONEYPOT_MESSAGE });
      // Validate everything even when the token or the honeypot failed, so one round shows every problem.
      const checked = validateForm(form.kind, form.values);
      const files = await checkFormFiles(form.files, uploads);
      if (!checked.ok) problems.push(...checked.errors);
      problems.push(...files.errors);
      if (!csrf.ok || !checked.ok || problems.length) {
        return formPage(c, form.kind, { values: form.values, errors: problems, form, honeypotFlagged }, !csrf.ok ? 403 : 422);
      }

      const stored: StoredFile[] = [];
      for (const f of files.ok) stored.push(await deps.evidence.put(f.bytes, f.mime));
      let receipt: IntakeReceipt;
      try {
        // The token's nonce is unique per rendered form: a re-posted form (reload, double click) replays this receipt.
        receipt = await deps.intake.submit({
          submission: checked.submission,
          files: stored,
          channel: c.get('channel'),
          actor: c.get('actor'),
          idempotencyKey: `web-${csrf.nonce}`,
        });
      } catch (e) {
        if (e instanceof AppError && e.code === 'IDEMPOTENCY_CONFLICT') {
          return formPage(c, form.kind, { values: form.values, errors: [{ path: 'general', message: RESUBMITTED_MESSAGE }], form }, 409);
        }
        throw e;
      }
      const statuses = await Promise.all(receipt.cases.map((k) => getPublicStatus(deps.db, k.number, receipt.queryCode, deps.clock.now())));
      return render(
        c,
        <ReceiptPage receipt={receipt} statuses={statuses} statusUrl={`${deps.publicBaseUrl}/status`} token={newToken(c)} />,
        receipt.replayed ? 200 : 201,
      );
    },
  );

  const lookupPage = (c: C, state: LookupState, status: ContentfulStatusCode = 200) =>
    render(c, <LookupPage state={state} token={newToken(c)} />, status);

  app.get('/status', csp, page, (c) => lookupPage(c, { values: { number: '', code: '' }, errors: new Map() }));

  app.post('/status', csp, page, lookupLimit, limitBody({ maxSize: 64 * 1024, onError: tooLarge('提交的内容过大。') }), async (c) => {
    let body: Record<string, unknown>;
    try {
      body = await c.req.parseBody();
    } catch {
      throw new AppError('MALFORMED_BODY', '表单内容无法解析，请返回重新填写。');
    }
    const values = { number: first(body.number), code: first(body.code) };
    const errors = new Map<LookupSlot, string[]>();
    const add = (slot: LookupSlot, m: string) => errors.set(slot, [...(errors.get(slot) ?? []), m]);
    const csrf = checkCsrf(c, mac, body[CSRF_FIELD], now());
    if (!csrf.ok) add('general', CSRF_MESSAGES[csrf.reason]);
    const parsed = LookupSchema.safeParse(values);
    if (!parsed.success)
      for (const f of zodFields(parsed.error)) add(f.path === 'number' || f.path === 'code' ? f.path : 'general', f.message);
    if (!csrf.ok || !parsed.success) return lookupPage(c, { values, errors }, !csrf.ok ? 403 : 422);

    const status = await getPublicStatus(deps.db, parsed.data.number, parsed.data.code, deps.clock.now());
    if (!status) {
      // The same answer for an unknown number and a wrong code, as in the API.
      add('general', `${DEFAULT_MESSAGES.CASE_NOT_FOUND}。请核对后重试。`);
      return lookupPage(c, { values: { ...values, number: parsed.data.number }, errors }, 404);
    }
    const questions = await staffQuestions(status);
    return render(c, <StatusPage status={status} questions={questions} code={parsed.data.code} token={newToken(c)} />);
  });

  // The citizen answers a question: number + code travel in the form (never the URL); the same not-found
  // as the lookup for a wrong code; the status page again, with the answer marked as given.
  app.post(
    '/status/answer',
    csp,
    page,
    lookupLimit,
    // Photos may come with the answer: the submission's limits (count, size, type and structure by content).
    limitBody({
      maxSize: uploads.maxFiles * uploads.maxFileBytes + 1024 * 1024,
      onError: tooLarge(
        `提交的内容过大：最多${uploads.maxFiles}个文件，每个不超过${Math.round(uploads.maxFileBytes / 1048576)}MB。请返回上一页，减少或压缩文件后再提交。`,
      ),
    }),
    async (c) => {
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody({ all: true });
      } catch {
        throw new AppError('MALFORMED_BODY', '表单内容无法解析，请返回重新填写。');
      }
      const values = { number: first(body.number), code: first(body.code) };
      const rawFiles = body.files === undefined ? [] : Array.isArray(body.files) ? body.files : [body.files];
      const files = rawFiles.filter((f): f is File => f instanceof File && !(f.size === 0 && f.name === ''));
      const questionId = first(body.questionId);
      const answer = first(body.answer);
      const lookupErrors = new Map<LookupSlot, string[]>();
      const csrf = checkCsrf(c, mac, body[CSRF_FIELD], now());
      const parsed = LookupSchema.safeParse(values);
      if (!parsed.success) {
        lookupErrors.set('general', [`${DEFAULT_MESSAGES.CASE_NOT_FOUND}。请核对后重试。`]);
        return lookupPage(c, { values, errors: lookupErrors }, 404);
      }
      const status = await getPublicStatus(deps.db, parsed.data.number, parsed.data.code, deps.clock.now());
      if (!status) {
        lookupErrors.set('general', [`${DEFAULT_MESSAGES.CASE_NOT_FOUND}。请核对后重试。`]);
        return lookupPage(c, { values: { ...values, number: parsed.data.number }, errors: lookupErrors }, 404);
      }
      const again = async (state: AnswerFormState | null, flash: string | null, code: ContentfulStatusCode) => {
        const fresh = (await getPublicStatus(deps.db, parsed.data.number, parsed.data.code, deps.clock.now())) ?? status;
        return render(
          c,
          <StatusPage
            status={fresh}
            questions={await staffQuestions(fresh)}
            code={parsed.data.code}
            token={newToken(c)}
            answer={state}
            flash={flash}
          />,
          code,
        );
      };
      if (!csrf.ok) return again({ questionId, answer, errors: [CSRF_MESSAGES[csrf.reason]] }, null, 403);
      if (answer.trim() === '') return again({ questionId, answer, errors: ['请填写回复内容'] }, null, 422);
      const checked = await checkFormFiles(files, uploads);
      if (checked.errors.length) return again({ questionId, answer, errors: checked.errors.map((e) => e.message) }, null, 422);
      const stored: StoredFile[] = [];
      for (const f of checked.ok) stored.push(await deps.evidence.put(f.bytes, f.mime));
      try {
        await answerQuestion(deps, parsed.data.number, parsed.data.code, questionId, answer, 'web', stored);
      } catch (e) {
        if (e instanceof AppError && ['VALIDATION', 'CONFLICT', 'NOT_FOUND', 'INVALID_TRANSITION'].includes(e.code))
          return again({ questionId, answer, errors: [e.message] }, null, e.status as ContentfulStatusCode);
        throw e;
      }
      return again(
        null,
        stored.length ? `您的回复和 ${stored.length} 个文件已提交，办案人员会看到。` : '您的回复已提交，办案人员会看到。',
        200,
      );
    },
  );

  // The receipt as a PNG, rendered on the server from the receipt's SVG. The number and code travel in the
  // form (never the URL), checked like a status lookup (same not-found for a wrong code); the other case of
  // the same submission shares the code and is on the picture too. Not cached, not stored.
  app.post(
    '/receipt/image',
    csp,
    page,
    lookupLimit,
    limitBody({ maxSize: 64 * 1024, onError: tooLarge('提交的内容过大。') }),
    async (c) => {
      let body: Record<string, unknown>;
      try {
        body = await c.req.parseBody();
      } catch {
        throw new AppError('MALFORMED_BODY', '表单内容无法解析，请返回重新填写。');
      }
      const values = { number: first(body.number), code: first(body.code) };
      const errors = new Map<LookupSlot, string[]>();
      const csrf = checkCsrf(c, mac, body[CSRF_FIELD], now());
      if (!csrf.ok) {
        errors.set('general', [CSRF_MESSAGES[csrf.reason]]);
        return lookupPage(c, { values, errors }, 403);
      }
      const parsed = LookupSchema.safeParse(values);
      const status = parsed.success ? await getPublicStatus(deps.db, parsed.data.number, parsed.data.code) : null;
      if (!parsed.success || !status) {
        errors.set('general', [`${DEFAULT_MESSAGES.CASE_NOT_FOUND}。请核对后重试。`]);
        return lookupPage(c, { values, errors }, 404);
      }
      const code = parsed.data.code.toUpperCase();
      const others = await Promise.all(status.relatedNumbers.map((n) => getPublicStatus(deps.db, n, parsed.data.code)));
      const cases = [status, ...others.filter((o): o is PublicCaseStatus => o !== null)]
        .map((s) => ({ number: s.number, kind: s.kind }))
        .sort((a, b) => a.number.localeCompare(b.number));
      const receipt: IntakeReceipt = { submissionId: '', receivedAt: status.receivedAt, cases, queryCode: code, replayed: false };
      const png = await svgToPng(receiptSvg(receipt, `${deps.publicBaseUrl}/status`));
      if (!png) throw new AppError('UNAVAILABLE', '暂时无法生成图片，请截屏或“保存为文本文件”保存回执。');
      const name = `食安通回执-${cases[0]?.number ?? status.number}.png`;
      return c.body(new Uint8Array(png), 200, {
        'Content-Type': 'image/png',
        'Content-Disposition': `inline; filename="receipt.png"; filename*=UTF-8''${encodeURIComponent(name)}`,
        'Cache-Control': 'no-store',
      });
    },
  );

  return app;
}
