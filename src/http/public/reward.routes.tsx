// The portal's reward claim (issue 15): GET/POST /reward (number + query code + claim password → the
// reward's state) and POST /reward/claim (identity and payment details, sealed). CSRF, the lookup rate
// limit, no-store, the portal's CSP; one not-found answer for every wrong credential.
import { Hono } from 'hono';
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Deps } from '../../deps.ts';
import { AppError, DEFAULT_MESSAGES } from '../../lib/errors.ts';
import { type ClaimCredentials, rewardForClaimant, submitClaim } from '../../rewards/reward.service.ts';
import type { AppEnv } from '../app-env.ts';
import { limitBody } from '../body-limit.ts';
import { PORTAL_CSP } from '../csp.ts';
import { rateLimit } from '../rate-limit.ts';
import { CSRF_FIELD, CSRF_MESSAGES, checkCsrf, ensureCsrfCookie, issueToken } from './csrf.ts';
import { ErrorPage } from './error.page.tsx';
import { RewardLookupPage, RewardPage } from './reward.pages.tsx';
import { LookupSchema } from './status.pages.tsx';

type C = import('hono').Context<AppEnv>;
const render = (c: C, node: JSX.Element, status: ContentfulStatusCode = 200) => c.html(html`<!DOCTYPE html>${node}`, status);
const first = (v: unknown): string => {
  const x = Array.isArray(v) ? v[0] : v;
  return typeof x === 'string' ? x : '';
};
const CLAIM_FIELDS = ['name', 'idNumber', 'phone', 'method', 'bankName', 'accountNo', 'note'] as const;

export function rewardPortalRoutes(deps: Deps) {
  const app = new Hono<AppEnv>();
  const mac = (s: string) => deps.cipher.mac(s);
  const now = () => deps.clock.now().getTime();
  const secure = (c: C) => new URL(c.req.url).protocol === 'https:' || deps.publicBaseUrl.startsWith('https:');
  const token = (c: C) => issueToken(mac, ensureCsrfCookie(c, secure(c)), now());
  const csp = secureHeaders({ contentSecurityPolicy: PORTAL_CSP, xFrameOptions: 'DENY' });
  const { rateLimits, trustProxy } = deps.config;
  const limit = rateLimit({ name: 'portal-rewards', perMinute: rateLimits.lookupsPerMinute, trustProxy, limits: deps.limits });
  const page = async (c: C, next: () => Promise<void>) => {
    c.set('actor', { role: 'citizen', id: null });
    c.set('channel', 'web');
    c.header('Cache-Control', 'no-store');
    await next();
  };
  const body = limitBody({
    maxSize: 64 * 1024,
    onError: () => {
      throw new AppError('PAYLOAD_TOO_LARGE', '提交的内容过大。');
    },
  });

  const lookup = (c: C, errors: string[], number = '', status: ContentfulStatusCode = 200) =>
    render(c, <RewardLookupPage token={token(c)} errors={errors} number={number} />, status);

  /** CSRF + the three credentials, or the lookup page again with the reason. */
  async function credentials(c: C): Promise<{ creds: ClaimCredentials; body: Record<string, unknown> } | Response> {
    let b: Record<string, unknown>;
    try {
      b = await c.req.parseBody();
    } catch {
      throw new AppError('MALFORMED_BODY', '表单内容无法解析，请返回重新填写。');
    }
    const csrf = checkCsrf(c, mac, b[CSRF_FIELD], now());
    if (!csrf.ok) return lookup(c, [CSRF_MESSAGES[csrf.reason]], '', 403);
    const parsed = LookupSchema.safeParse({ number: first(b.number), code: first(b.code) });
    const password = first(b.password);
    if (!parsed.success || !password) {
      const msgs = parsed.success ? [] : parsed.error.issues.map((i) => i.message);
      return lookup(c, [...msgs, ...(password ? [] : ['请填写领奖密码'])], first(b.number), 422);
    }
    return { creds: { ...parsed.data, password }, body: b };
  }

  app.onError((err, c) => {
    if (err instanceof AppError) {
      if (err.code === 'CASE_NOT_FOUND' || err.code === 'FORBIDDEN')
        return lookup(c, [err.message], '', err.status as ContentfulStatusCode);
      return render(
        c,
        <ErrorPage title="无法处理" message={err.message || DEFAULT_MESSAGES[err.code]} back={{ href: '/reward', text: '返回' }} />,
        err.status as ContentfulStatusCode,
      );
    }
    const requestId = String(c.get('requestId') ?? '');
    deps.logger.error({ requestId, err: { name: err.name, stack: err.stack } }, 'unhandled error (reward portal)');
    return render(
      c,
      <ErrorPage title="系统暂时出错" message={DEFAULT_MESSAGES.INTERNAL} back={{ href: '/reward', text: '返回' }} requestId={requestId} />,
      500,
    );
  });

  app.get('/reward', csp, page, (c) => lookup(c, []));

  app.post('/reward', csp, page, limit, body, async (c) => {
    const got = await credentials(c);
    if (got instanceof Response) return got;
    const reward = await rewardForClaimant(deps, got.creds);
    return render(c, <RewardPage token={token(c)} creds={got.creds} reward={reward} errors={[]} />);
  });

  app.post('/reward/claim', csp, page, limit, body, async (c) => {
    const got = await credentials(c);
    if (got instanceof Response) return got;
    const values = Object.fromEntries(CLAIM_FIELDS.map((k) => [k, first(got.body[k]).trim()]));
    const input = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== '')) as Record<string, string>;
    try {
      await submitClaim(deps, got.creds, input, 'web');
    } catch (e) {
      if (e instanceof AppError && (e.code === 'VALIDATION' || e.code === 'CONFLICT')) {
        const reward = await rewardForClaimant(deps, got.creds);
        const errors = e.fields.length ? e.fields.map((f) => f.message) : [e.message];
        return render(
          c,
          <RewardPage token={token(c)} creds={got.creds} reward={reward} errors={errors} values={values} />,
          e.status as ContentfulStatusCode,
        );
      }
      throw e;
    }
    const reward = await rewardForClaimant(deps, got.creds);
    return render(
      c,
      <RewardPage
        token={token(c)}
        creds={got.creds}
        reward={reward}
        errors={[]}
        flash="申领已提交。奖励专员审核后会通知您结果（微信或本页面）。"
      />,
    );
  });

  return app;
}
