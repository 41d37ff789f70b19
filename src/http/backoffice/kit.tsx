// What every back-office area's handlers share: rendering a page, the CSRF token for its forms, the
// posted form, and small readers of form fields.
import { html } from 'hono/html';
import type { JSX } from 'hono/jsx/jsx-runtime';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { SessionUser } from '../../backoffice/session.service.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { ensureCsrfCookie, issueSessionToken, issueToken } from '../public/csrf.ts';
import type { C, RouteRule } from './guard.ts';
import { ruleOf } from './guard.ts';

export const render = (c: C, node: JSX.Element, status: ContentfulStatusCode = 200) => c.html(html`<!DOCTYPE html>${node}`, status);

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const requireText = (v: unknown, label: string): string => {
  const t = str(v).trim();
  if (t.length < 2) throw new AppError('VALIDATION', `请填写${label}`, [{ path: 'reason', message: `请填写${label}` }]);
  return t.slice(0, 2000);
};

/** The messages of a refusal, for the page that shows it again. */
export const messagesOf = (e: AppError): string[] => (e.fields.length ? e.fields.map((f) => f.message) : [e.message]);

export interface Kit {
  deps: Deps;
  /** The guard of a route of this list (see guard.ts). */
  rule: ReturnType<typeof ruleOf>;
  /** A fresh CSRF token for the forms of the page being rendered. */
  token(c: C): string;
  /** Whether cookies must be Secure (https, directly or behind the public base URL). */
  secure(c: C): boolean;
  /** The posted form (parsed once by the guard; repeated fields as arrays). */
  body(c: C): Promise<Record<string, unknown>>;
}

export function kitFor(deps: Deps, routes: readonly RouteRule[]): Kit {
  const mac = (s: string) => deps.cipher.mac(s);
  const secure = (c: C) => new URL(c.req.url).protocol === 'https:' || deps.publicBaseUrl.startsWith('https:');
  return {
    deps,
    rule: ruleOf(deps, routes),
    secure,
    // Signed in: bound to the session. The sign-in page (no session yet): the double-submit cookie.
    token: (c) => {
      const s = c.get('session') as SessionUser | undefined; // unset on public pages
      const now = deps.clock.now().getTime();
      return s ? issueSessionToken(mac, s.sessionId, now) : issueToken(mac, ensureCsrfCookie(c, secure(c)), now);
    },
    body: async (c) => (await c.req.parseBody({ all: true })) as Record<string, unknown>,
  };
}
