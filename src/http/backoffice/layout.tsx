// The back office's page frame: the portal's stylesheet plus our own, zh-CN, a skip link, navigation by
// role, who is signed in with sign-out buttons (POST forms carrying the CSRF token). No scripts.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Child } from 'hono/jsx';
import type { StaffUser } from '../../backoffice/session.service.ts';
import { ROLE_LABELS } from '../../backoffice/staff.service.ts';
import { CSRF_FIELD } from '../public/csrf.ts';
import { NavItem } from '../public/layout.tsx';
import { ICON, STYLESHEET } from '../public/static.ts';

import { LETTER_CSS } from '../../referral/letter.tsx';

// The referral letter's styles ride along: the police portal shows the letter, and its print page links here (no inline styles under the CSP).
const css = readFileSync(new URL('./static/backoffice.css', import.meta.url), 'utf8') + LETTER_CSS;
export const BO_STYLESHEET = {
  path: `/static/backoffice-${createHash('sha256').update(css).digest('hex').slice(0, 10)}.css`,
  body: css,
} as const;

export const BO_NAME = '食安通 · 办案系统';

export type BoNav =
  | 'todo'
  | 'inbox'
  | 'calendar'
  | 'mine'
  | 'unassigned'
  | 'due_soon'
  | 'overdue'
  | 'search'
  | 'statistics'
  | 'users'
  | 'units'
  | 'account'
  | 'police'
  | 'intake'
  | 'rewards'
  | null;

export function CsrfInput(props: { token: string }) {
  return <input type="hidden" name={CSRF_FIELD} value={props.token} />;
}

export function BoLayout(props: { title: string; nav: BoNav; user: StaffUser | null; token?: string; children: Child }) {
  const u = props.user;
  const item = (key: Exclude<BoNav, null>, href: string, text: string) => <NavItem href={href} current={props.nav === key} text={text} />;
  const works = u && ['handler', 'supervisor', 'intake_clerk', 'admin'].includes(u.role);
  return (
    <html lang="zh-CN">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <meta name="robots" content="noindex, nofollow" />
        <title>{`${props.title} · ${BO_NAME}`}</title>
        <link rel="stylesheet" href={STYLESHEET.path} />
        <link rel="stylesheet" href={`/staff${BO_STYLESHEET.path}`} />
        <link rel="icon" href={ICON.path} type="image/svg+xml" />
      </head>
      <body class="bo">
        <a class="skip" href="#main">
          跳到主要内容
        </a>
        <header class="site-header">
          <div class="wrap">
            <a class="brand" href="/staff">
              {BO_NAME}
              <small>新郑市市场监督管理局 · 内部使用</small>
            </a>
            {u ? (
              <nav class="site-nav" aria-label="办案导航">
                <ul>
                  {works ? item('todo', '/staff/todo', '待我处理') : null}
                  {u.role === 'handler' ? item('mine', '/staff/cases/mine', '我的案件') : null}
                  {u.role === 'intake_clerk' ? item('intake', '/staff/intake', '登记来电来信来访') : null}
                  {works ? item('unassigned', '/staff/cases/unassigned', '待分派') : null}
                  {works ? item('due_soon', '/staff/cases/due-soon', '即将到期') : null}
                  {works ? item('overdue', '/staff/cases/overdue', '已超期') : null}
                  {works ? item('search', '/staff/cases/search', '查询') : null}
                  {u.role === 'supervisor' || u.role === 'admin' ? item('statistics', '/staff/statistics', '统计分析') : null}
                  {u.role === 'police' ? item('police', '/staff/police', '移送案件') : null}
                  {u.role === 'reward_officer' ? item('rewards', '/staff/rewards', '举报奖励') : null}
                  {u.role === 'admin' ? item('users', '/staff/admin/users', '用户管理') : null}
                  {u.role === 'admin' ? item('units', '/staff/admin/units', '单位管理') : null}
                  {u.role === 'admin' ? item('calendar', '/staff/admin/calendar', '节假日表') : null}
                  {item('account', '/staff/account/password', '修改密码')}
                </ul>
              </nav>
            ) : null}
            {u && props.token ? (
              <div class="who">
                <a
                  href="/staff/inbox"
                  class={u.unread ? 'inbox-link has-unread' : 'inbox-link'}
                  aria-current={props.nav === 'inbox' ? 'page' : undefined}
                >
                  通知{u.unread ? <span class="count">{u.unread > 99 ? '99+' : u.unread}</span> : null}
                  {u.unread ? <span class="visually-hidden">条未读</span> : null}
                </a>{' '}
                {u.display_name}（{ROLE_LABELS[u.role]}）{' '}
                <form method="post" action="/staff/logout">
                  <CsrfInput token={props.token} />
                  <button type="submit" class="secondary">
                    退出
                  </button>
                </form>{' '}
                <form method="post" action="/staff/logout-all">
                  <CsrfInput token={props.token} />
                  <button type="submit" class="secondary">
                    退出所有设备
                  </button>
                </form>
              </div>
            ) : null}
          </div>
        </header>
        <main id="main" class="wrap" tabindex={-1}>
          {props.children}
        </main>
        <footer class="site-footer">
          <div class="wrap">
            <p>举报人身份信息依法保密（《市场监督管理投诉举报处理办法》第三十七条）。查看身份信息、办理操作均记入审计日志。</p>
          </div>
        </footer>
      </body>
    </html>
  );
}

export function BoErrorPage(props: { title: string; message: string; user: StaffUser | null; requestId?: string }) {
  return (
    <BoLayout title={props.title} nav={null} user={props.user}>
      <h1>{props.title}</h1>
      <div role="alert">
        <p class="lead">{props.message}</p>
      </div>
      <p>
        <a href="/staff">返回工作台</a>
      </p>
      {props.requestId ? <p class="hint">请求编号：{props.requestId}</p> : null}
    </BoLayout>
  );
}
