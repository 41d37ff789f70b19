// CSRF protection for the portal's forms, without sessions and without JavaScript (double submit):
// - a random per-browser cookie (HttpOnly, SameSite=Strict, no identity in it, a session cookie);
// - a hidden form token `issuedAt.nonce.mac`, where mac = HMAC(cookie, issuedAt, nonce) with a key derived
//   from IDENTITY_KEY (so every web process of one installation accepts every other's tokens);
// - a POST is accepted only with that cookie, a token made for it, not older than TOKEN_TTL_MS, and not
//   marked `Sec-Fetch-Site: cross-site` by the browser.
// A cross-site page can neither read the token nor make the browser send the SameSite=Strict cookie.
// Signed-in staff pages bind the token to the staff session instead (issueSessionToken): a token is good
// only with the session it was rendered for, and signing in (a new session) retires every older token.
// The token's nonce is unique per rendered form: the submission route uses it as the idempotency key,
// so reloading the receipt (the browser re-posts the form) replays the same receipt instead of filing
// the case twice.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';

export const CSRF_COOKIE = 'st_csrf';
export const CSRF_FIELD = '_csrf';
/** A citizen may take a long time over a complaint; a stale token only costs one more click. */
export const TOKEN_TTL_MS = 12 * 3600 * 1000;
/** Tolerated clock skew between web processes. */
const FUTURE_SKEW_MS = 5 * 60 * 1000;

const COOKIE_RE = /^[A-Za-z0-9_-]{22,64}$/;
const TOKEN_RE = /^(\d{1,15})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/;

export type Mac = (value: string) => string;

export type CsrfFailure = 'cross_site' | 'missing_cookie' | 'bad_token' | 'expired';
export type CsrfCheck = { ok: true; nonce: string } | { ok: false; reason: CsrfFailure };

function tokenMac(mac: Mac, cookie: string, issuedAt: number, nonce: string): string {
  return mac(`portal-csrf:v1:${cookie}:${issuedAt}:${nonce}`);
}

export function issueToken(mac: Mac, cookie: string, now: number): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${now}.${nonce}.${tokenMac(mac, cookie, now, nonce)}`;
}

export function verifyToken(mac: Mac, cookie: string | undefined, token: unknown, now: number): CsrfCheck {
  if (!cookie || !COOKIE_RE.test(cookie)) return { ok: false, reason: 'missing_cookie' };
  const m = typeof token === 'string' ? TOKEN_RE.exec(token) : null;
  if (!m) return { ok: false, reason: 'bad_token' };
  const issuedAt = Number(m[1]);
  const nonce = m[2] ?? '';
  const expected = Buffer.from(tokenMac(mac, cookie, issuedAt, nonce));
  const given = Buffer.from(m[3] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_token' };
  if (issuedAt > now + FUTURE_SKEW_MS || now - issuedAt > TOKEN_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}

const sessionBinding = (sessionId: string) => `staff-session:${sessionId}`;

/** A token for a signed-in staff page: bound to the session (its id, the sha256 of the cookie's token). */
export function issueSessionToken(mac: Mac, sessionId: string, now: number): string {
  const nonce = randomBytes(16).toString('base64url');
  return `${now}.${nonce}.${tokenMac(mac, sessionBinding(sessionId), now, nonce)}`;
}

/** Checks a signed-in staff POST: the cross-site marker, then a token made for this very session. */
export function checkSessionCsrf(c: Context, mac: Mac, sessionId: string, token: unknown, now: number): CsrfCheck {
  if (c.req.header('sec-fetch-site') === 'cross-site') return { ok: false, reason: 'cross_site' };
  const m = typeof token === 'string' ? TOKEN_RE.exec(token) : null;
  if (!m) return { ok: false, reason: 'bad_token' };
  const issuedAt = Number(m[1]);
  const nonce = m[2] ?? '';
  const expected = Buffer.from(tokenMac(mac, sessionBinding(sessionId), issuedAt, nonce));
  const given = Buffer.from(m[3] ?? '');
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'bad_token' };
  if (issuedAt > now + FUTURE_SKEW_MS || now - issuedAt > TOKEN_TTL_MS) return { ok: false, reason: 'expired' };
  return { ok: true, nonce };
}

/** A new double-submit cookie (at sign-in: tokens rendered before it stop working). */
export function rotateCsrfCookie(c: Context, secure: boolean): string {
  const value = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Strict', secure });
  return value;
}

/** The browser's cookie, or a new one set on the response. Call when rendering a page that holds a form. */
export function ensureCsrfCookie(c: Context, secure: boolean): string {
  const existing = getCookie(c, CSRF_COOKIE);
  if (existing && COOKIE_RE.test(existing)) return existing;
  const value = randomBytes(24).toString('base64url');
  setCookie(c, CSRF_COOKIE, value, { path: '/', httpOnly: true, sameSite: 'Strict', secure });
  return value;
}

/** Checks a POST: the browser's own cross-site marker first, then cookie and token. */
export function checkCsrf(c: Context, mac: Mac, token: unknown, now: number): CsrfCheck {
  if (c.req.header('sec-fetch-site') === 'cross-site') return { ok: false, reason: 'cross_site' };
  return verifyToken(mac, getCookie(c, CSRF_COOKIE), token, now);
}

export const CSRF_MESSAGES: Record<CsrfFailure, string> = {
  cross_site: '这份表单不是从本网站提交的，已拒绝。请在本网站的页面上填写并提交。',
  missing_cookie: '无法确认表单来自本网站：请允许本网站使用 Cookie（只用于防止伪造提交，不含任何个人信息），然后再次提交。',
  bad_token: '表单校验信息无效，请核对内容后再次提交。',
  expired: '表单打开时间过长，已过期。您填写的内容已保留，请核对后再次提交。',
};
