// Back office, area "auth": sign-in and out, one's own password.
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { WRONG_CURRENT_PASSWORD, changePassword, recordPasswordChangeLimited } from '../../backoffice/account.service.ts';
import { loadSession } from '../../backoffice/session.service.ts';
import { signIn, signOut, signOutEverywhere } from '../../backoffice/signin.service.ts';
import type { Deps } from '../../deps.ts';
import { CSRF_FIELD, CSRF_MESSAGES, checkCsrf, rotateCsrfCookie } from '../public/csrf.ts';
import { clientIp, rateLimit } from '../rate-limit.ts';
import { LoginPage, PasswordPage } from './backoffice.pages.tsx';
import { type BoEnv, COOKIE_PATH, PASSWORD_PAGE, type RouteRule, SESSION_COOKIE, landing, safeNext } from './guard.ts';
import { kitFor, render, str } from './kit.tsx';

export const AUTH_ROUTES = [
  { method: 'GET', path: '/login', access: 'public' },
  { method: 'POST', path: '/login', access: 'public' },
  { method: 'POST', path: '/logout', access: 'signed_in' },
  { method: 'POST', path: '/logout-all', access: 'signed_in' },
  { method: 'GET', path: '/account/password', access: 'signed_in' },
  { method: 'POST', path: '/account/password', access: 'signed_in' },
] as const satisfies readonly RouteRule[];

export function authRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, secure, body } = kitFor(deps, AUTH_ROUTES);
  const mac = (s: string) => deps.cipher.mac(s);

  app.get('/login', rule('GET', '/login'), async (c) => {
    const s = await loadSession(deps.db, getCookie(c, SESSION_COOKIE), deps.clock.now());
    if (s) return c.redirect(landing(s), 302);
    return render(c, <LoginPage token={token(c)} username="" error={null} next={safeNext(c.req.query('next')) ?? ''} />);
  });
  // Besides the per-username lock-out: attempts per client address (the portal's lookup limit, 60/min by default).
  const loginLimit = rateLimit({
    name: 'staff-sign-in',
    perMinute: deps.config.rateLimits.signInsPerMinute,
    trustProxy: deps.config.trustProxy,
    limits: deps.limits,
  });
  app.post('/login', rule('POST', '/login'), loginLimit, async (c) => {
    const b = await body(c);
    const username = str(b.username).slice(0, 64);
    const next = safeNext(b.next) ?? '';
    const check = checkCsrf(c, mac, b[CSRF_FIELD], deps.clock.now().getTime());
    if (!check.ok)
      return render(c, <LoginPage token={token(c)} username={username} error={CSRF_MESSAGES[check.reason]} next={next} />, 403);
    const now = deps.clock.now();
    const address = deps.cipher.mac(`sign-in:${clientIp(c, deps.config.trustProxy)}`);
    const r = await signIn(deps.db, username, str(b.password).slice(0, 1024), now, address);
    if (!r.ok) {
      const error =
        r.reason === 'locked'
          ? `登录失败次数过多，该账号在此网络已暂时锁定，请在 ${Math.max(1, Math.ceil((r.until.getTime() - now.getTime()) / 60000))} 分钟后再试。`
          : '用户名或密码不正确。';
      return render(c, <LoginPage token={token(c)} username={username} error={error} next={next} />, r.reason === 'locked' ? 429 : 401);
    }
    rotateCsrfCookie(c, secure(c)); // tokens rendered before signing in are retired
    setCookie(c, SESSION_COOKIE, r.token, {
      path: COOKIE_PATH,
      httpOnly: true,
      sameSite: 'Strict',
      secure: secure(c),
      expires: r.expiresAt,
    });
    // A one-time password is replaced first; the page then leads on to where the user was going.
    if (r.user.mustChangePassword) return c.redirect(`${PASSWORD_PAGE}?first=1`, 303);
    return c.redirect(next || landing({ sessionId: '', user: r.user }), 303);
  });
  app.post('/logout', rule('POST', '/logout'), async (c) => {
    await signOut(deps.db, c.get('session'), deps.clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.redirect('/staff/login', 303);
  });
  app.post('/logout-all', rule('POST', '/logout-all'), async (c) => {
    await signOutEverywhere(deps.db, c.get('session').user, deps.clock.now());
    deleteCookie(c, SESSION_COOKIE, { path: COOKIE_PATH });
    return c.redirect('/staff/login', 303);
  });
  app.get('/account/password', rule('GET', '/account/password'), (c) => {
    const user = c.get('session').user;
    return render(
      c,
      <PasswordPage user={user} token={token(c)} errors={[]} done={c.req.query('done') === '1'} first={user.mustChangePassword === true} />,
    );
  });
  const passwordLimit = deps.limits.limiter('password-change', deps.config.rateLimits.passwordChangesPerHour, 3600);
  app.post('/account/password', rule('POST', '/account/password'), async (c) => {
    const s = c.get('session');
    const b = await body(c);
    const now = deps.clock.now();
    // Guessing the current password from a stolen session is bounded: wrong attempts per user and hour.
    if (await passwordLimit.over(s.user.id)) {
      await recordPasswordChangeLimited(deps.db, s, now);
      const errors = ['修改密码时当前密码输错次数过多，请一小时后再试。'];
      const first = s.user.mustChangePassword === true;
      return render(c, <PasswordPage user={s.user} token={token(c)} errors={errors} done={false} first={first} />, 429);
    }
    const errors = await changePassword(deps.db, s, str(b.current), str(b.next), str(b.confirm), now);
    if (errors[0] === WRONG_CURRENT_PASSWORD) await passwordLimit.consume(s.user.id);
    if (errors.length)
      return render(
        c,
        <PasswordPage user={s.user} token={token(c)} errors={errors} done={false} first={s.user.mustChangePassword === true} />,
        422,
      );
    // After replacing a one-time password, on to the work; otherwise back to the page with a confirmation.
    return c.redirect(s.user.mustChangePassword ? `${landing(s)}?passwordSet=1` : '/staff/account/password?done=1', 303);
  });
  return app;
}
