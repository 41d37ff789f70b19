// Back-office pages other than the case page: sign-in, change password, the queues, user management.
import type { CaseListItem, CasePage, ClockQueueItem, SearchFilter } from '../../backoffice/case.queries.ts';
import { SORTS } from '../../backoffice/case.queries.ts';
import type { StaffUser } from '../../backoffice/session.service.ts';
import { ROLE_LABELS } from '../../backoffice/staff.service.ts';
import { STAFF_ROLES, type StaffRole } from '../../backoffice/staff.table.ts';
import { CASE_KINDS, STATUSES } from '../../cases/case.machine.ts';
import { CATEGORIES, TOWNSHIPS, URGENCIES } from '../../triage/triage.ts';
import { categoryLabel, kindLabel, statusLabel, urgencyLabel, when } from './format.ts';
import { Subject } from './inbox.pages.tsx';
import { type BoNav, BoLayout, CsrfInput } from './layout.tsx';

export function ErrorBox(props: { messages: string[] }) {
  if (!props.messages.length) return null;
  return (
    <div class="error-summary" role="alert" tabindex={-1}>
      <h2>请修改以下问题</h2>
      <ul>
        {props.messages.map((m) => (
          <li>{m}</li>
        ))}
      </ul>
    </div>
  );
}

export function LoginPage(props: { token: string; username: string; error: string | null; next: string }) {
  return (
    <BoLayout title="工作人员登录" nav={null} user={null}>
      <h1>工作人员登录</h1>
      {props.error ? (
        <div class="error-summary" role="alert">
          <p>{props.error}</p>
        </div>
      ) : null}
      <form method="post" action="/staff/login" novalidate>
        <CsrfInput token={props.token} />
        <input type="hidden" name="next" value={props.next} />
        <div class="field">
          <label for="username">用户名</label>
          <input
            type="text"
            id="username"
            name="username"
            autocomplete="username"
            autocapitalize="none"
            spellcheck={false}
            required
            value={props.username}
          />
        </div>
        <div class="field">
          <label for="password">密码</label>
          <input type="password" id="password" name="password" autocomplete="current-password" required />
        </div>
        <div class="actions">
          <button type="submit">登录</button>
        </div>
      </form>
      <p class="hint">连续多次输入错误，账号将被暂时锁定，且锁定时间逐次加长。</p>
    </BoLayout>
  );
}

export function PasswordPage(props: { user: StaffUser; token: string; errors: string[]; done: boolean; first?: boolean }) {
  return (
    <BoLayout title="修改密码" nav="account" user={props.user} token={props.token}>
      <h1>修改密码</h1>
      {props.first ? (
        <div class="banner-warning" role="alert">
          <p>您正在使用管理员设置的一次性密码。请先设置自己的密码，之后才能办理案件。</p>
        </div>
      ) : null}
      {props.done ? (
        <p class="flash" role="status">
          密码已修改，其他设备上的登录已全部退出。
        </p>
      ) : null}
      <ErrorBox messages={props.errors} />
      <form method="post" action="/staff/account/password" novalidate>
        <CsrfInput token={props.token} />
        <div class="field">
          <label for="current">{props.first ? '当前密码（一次性密码）' : '当前密码'}</label>
          <input type="password" id="current" name="current" autocomplete="current-password" required />
        </div>
        <div class="field">
          <label for="next">新密码</label>
          <p class="hint" id="next-hint">
            至少 12 个字符，包含小写字母、大写字母、数字、符号中的至少三类，不含用户名。
          </p>
          <input type="password" id="next" name="next" autocomplete="new-password" aria-describedby="next-hint" required />
        </div>
        <div class="field">
          <label for="confirm">再次输入新密码</label>
          <input type="password" id="confirm" name="confirm" autocomplete="new-password" required />
        </div>
        <div class="actions">
          <button type="submit">修改密码</button>
        </div>
      </form>
    </BoLayout>
  );
}

const QUEUE_TITLES = { mine: '我的案件', unassigned: '待分派案件', search: '案件查询' } as const;

export function Select(props: { name: string; label: string; value: string | undefined; options: readonly (readonly [string, string])[] }) {
  return (
    <div class="field">
      <label for={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">全部</option>
        {props.options.map(([v, l]) => (
          <option value={v} selected={props.value === v}>
            {l}
          </option>
        ))}
      </select>
    </div>
  );
}

const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  due: '按到期时间',
  urgency: '按紧急程度',
  received_desc: '按接收时间（新→旧）',
  received_asc: '按接收时间（旧→新）',
};

function Pager(props: { page: number; pages: number; total: number; href: (p: number) => string }) {
  return (
    <nav class="pager" aria-label="分页">
      <span>
        共 {props.total} 件，第 {props.page} / {props.pages} 页
      </span>
      {props.page > 1 ? <a href={props.href(props.page - 1)}>上一页</a> : null}
      {props.page < props.pages ? <a href={props.href(props.page + 1)}>下一页</a> : null}
    </nav>
  );
}

export function Marks(props: { urgency: string | null; overdue: boolean }) {
  return (
    <>
      {props.urgency === 'urgent' ? (
        <span class="tag tag-urgent">紧急</span>
      ) : props.urgency === 'high' ? (
        <span class="tag tag-high">较急</span>
      ) : null}
      {props.overdue ? <span class="tag tag-overdue">已超期</span> : null}
    </>
  );
}

/** Flags a queue row carries: the citizen replied, linked cases, a suspected crime. */
export function CaseFlags(props: { item: Pick<CaseListItem, 'citizenReplied' | 'related' | 'suspectedCrime'> }) {
  const i = props.item;
  if (!i.citizenReplied && !i.related && !i.suspectedCrime) return null;
  return (
    <span class="flags">
      {i.citizenReplied ? <span class="tag tag-flag">群众已回复</span> : null}
      {i.related ? <span class="tag tag-flag">有关联案件</span> : null}
      {i.suspectedCrime ? <span class="tag tag-urgent">涉嫌犯罪</span> : null}
    </span>
  );
}

export function CaseListPage(props: {
  user: StaffUser;
  token: string;
  queue: 'mine' | 'unassigned' | 'search';
  filter: SearchFilter;
  result: CasePage;
  units: Map<string, string>;
  query: URLSearchParams;
  flash: string | null;
}) {
  const { result, filter } = props;
  const title = QUEUE_TITLES[props.queue];
  const href = (page: number) => {
    const q = new URLSearchParams(props.query);
    q.set('page', String(page));
    return `?${q.toString()}`;
  };
  return (
    <BoLayout title={title} nav={props.queue} user={props.user} token={props.token}>
      <h1>
        {title}（{result.total}）
      </h1>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <form method="get" class="filters" aria-label="筛选">
        {props.queue === 'search' ? (
          <div class="field">
            <label for="f-q">案件编号或内容关键词</label>
            <input type="text" id="f-q" name="q" value={filter.q ?? ''} />
          </div>
        ) : null}
        <Select name="status" label="状态" value={filter.status} options={STATUSES.map((s) => [s, statusLabel(s)] as const)} />
        <Select name="kind" label="类型" value={filter.kind} options={CASE_KINDS.map((k) => [k, kindLabel(k)] as const)} />
        <Select name="category" label="类别" value={filter.category} options={CATEGORIES.map((k) => [k, categoryLabel(k)] as const)} />
        <Select name="urgency" label="紧急程度" value={filter.urgency} options={URGENCIES.map((k) => [k, urgencyLabel(k)] as const)} />
        <Select name="township" label="乡镇街道" value={filter.township} options={TOWNSHIPS.map((k) => [k, k] as const)} />
        <div class="field">
          <label for="f-sort">排序</label>
          <select id="f-sort" name="sort">
            {SORTS.map((s) => (
              <option value={s} selected={filter.sort === s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">筛选</button>
      </form>
      {result.items.length === 0 ? (
        <p>没有符合条件的案件。</p>
      ) : (
        <table class="stack">
          <caption class="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">事项</th>
              <th scope="col">类型 / 类别</th>
              <th scope="col">状态</th>
              <th scope="col">单位 / 承办人</th>
              <th scope="col">接收时间</th>
              <th scope="col">最近到期</th>
            </tr>
          </thead>
          <tbody>
            {result.items.map((i) => (
              <tr class={[i.overdue ? 'is-overdue' : '', i.urgency === 'urgent' ? 'is-urgent' : ''].filter(Boolean).join(' ') || undefined}>
                <td data-label="编号">
                  <a href={`/staff/cases/${i.id}`}>{i.number}</a> <Marks urgency={i.urgency} overdue={i.overdue} />
                  <CaseFlags item={i} />
                </td>
                <td data-label="事项">
                  <Subject business={i.business} township={i.township} summary={i.summary} />
                </td>
                <td data-label="类型">
                  {kindLabel(i.kind)} / {categoryLabel(i.category)}
                </td>
                <td data-label="状态">{statusLabel(i.status)}</td>
                <td data-label="承办">
                  {i.unitId ? (props.units.get(i.unitId) ?? i.unitId) : '未分派单位'} / {i.assigneeName ?? '未分派'}
                </td>
                <td data-label="接收">{when(i.receivedAt)}</td>
                <td data-label="到期">
                  {when(i.nextDue)}
                  {i.dueProvisional ? <span class="tag tag-provisional">暂定</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={result.page} pages={result.pages} total={result.total} href={href} />
      {props.queue === 'search' ? (
        <p>
          <a href={`/staff/cases/export.csv?${props.query.toString()}`}>导出当前查询结果（CSV，不含个人信息；导出记入审计日志）</a>
        </p>
      ) : null}
    </BoLayout>
  );
}

export function ClockQueuePage(props: {
  user: StaffUser;
  token: string;
  which: 'due_soon' | 'overdue';
  result: { items: ClockQueueItem[]; total: number; page: number; pages: number };
  clockNames: Map<string, string>;
}) {
  const title = props.which === 'due_soon' ? '即将到期（两个工作日内）' : '已超期';
  const nav: BoNav = props.which;
  return (
    <BoLayout title={title} nav={nav} user={props.user} token={props.token}>
      <h1>
        {title}（{props.result.total}）
      </h1>
      {props.result.items.length === 0 ? (
        <p>没有{props.which === 'due_soon' ? '即将到期' : '已超期'}的期限。</p>
      ) : (
        <table class="stack">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">事项</th>
              <th scope="col">期限</th>
              <th scope="col">到期时间</th>
            </tr>
          </thead>
          <tbody>
            {props.result.items.map((i) => (
              <tr
                class={
                  [props.which === 'overdue' ? 'is-overdue' : '', i.urgency === 'urgent' ? 'is-urgent' : ''].filter(Boolean).join(' ') ||
                  undefined
                }
              >
                <td data-label="编号">
                  <a href={`/staff/cases/${i.caseId}`}>{i.number}</a> <Marks urgency={i.urgency} overdue={props.which === 'overdue'} />
                </td>
                <td data-label="事项">
                  <Subject business={i.business} township={i.township} summary={i.summary} />
                </td>
                <td data-label="期限">
                  {i.clock} {props.clockNames.get(i.clock) ?? ''}
                </td>
                <td data-label="到期">
                  {when(i.dueAt)}
                  {i.provisional ? <span class="tag tag-provisional">暂定</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={props.result.page} pages={props.result.pages} total={props.result.total} href={(p) => `?page=${p}`} />
    </BoLayout>
  );
}

export interface UserRowView {
  id: string;
  username: string;
  display_name: string;
  role: StaffRole;
  unit_id: string | null;
  active: number;
}

export function UsersPage(props: {
  user: StaffUser;
  token: string;
  users: UserRowView[];
  units: { id: string; name: string }[];
  errors: string[];
  created: { username: string; password: string } | null;
  reset?: { username: string; password: string } | null;
  values: Record<string, string>;
}) {
  const unitName = new Map(props.units.map((u) => [u.id, u.name]));
  const self = props.user.id;
  return (
    <BoLayout title="用户管理" nav="users" user={props.user} token={props.token}>
      <h1>用户管理</h1>
      {props.created ? (
        <div class="flash" role="status">
          <p>
            已创建用户 <strong>{props.created.username}</strong>。初始密码（只显示这一次，请当面或通过安全渠道交给本人）：
          </p>
          <p class="mono">{props.created.password}</p>
          <p>这是一次性密码：本人首次登录后必须先修改密码。</p>
        </div>
      ) : null}
      {props.reset ? (
        <div class="flash" role="status">
          <p>
            已重置 <strong>{props.reset.username}</strong> 的密码，其所有登录已退出。新的一次性密码（只显示这一次）：
          </p>
          <p class="mono">{props.reset.password}</p>
        </div>
      ) : null}
      <h2>新建用户</h2>
      <ErrorBox messages={props.errors} />
      <form method="post" action="/staff/admin/users" novalidate>
        <CsrfInput token={props.token} />
        <div class="field">
          <label for="u-username">用户名</label>
          <input type="text" id="u-username" name="username" value={props.values.username ?? ''} required autocapitalize="none" />
        </div>
        <div class="field">
          <label for="u-name">姓名</label>
          <input type="text" id="u-name" name="displayName" value={props.values.displayName ?? ''} required />
        </div>
        <div class="field">
          <label for="u-role">角色</label>
          <select id="u-role" name="role">
            {STAFF_ROLES.map((r) => (
              <option value={r} selected={props.values.role === r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="u-unit">单位</label>
          <select id="u-unit" name="unitId">
            <option value="">无（系统管理员）</option>
            {props.units.map((u) => (
              <option value={u.id} selected={props.values.unitId === u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">创建并生成初始密码</button>
        </div>
      </form>
      <h2>现有用户（{props.users.length}）</h2>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">用户名</th>
            <th scope="col">姓名</th>
            <th scope="col">角色</th>
            <th scope="col">单位</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {props.users.map((u) => (
            <tr>
              <td data-label="用户名">{u.username}</td>
              <td data-label="姓名">{u.display_name}</td>
              <td data-label="角色">{ROLE_LABELS[u.role]}</td>
              <td data-label="单位">{u.unit_id ? (unitName.get(u.unit_id) ?? u.unit_id) : '—'}</td>
              <td data-label="状态">{u.active === 1 ? '在岗' : '停用'}</td>
              <td data-label="操作">
                {u.id === self ? (
                  <span class="hint">（本人）</span>
                ) : (
                  <>
                    <form method="post" action={`/staff/admin/users/${u.id}/active`} class="inline">
                      <CsrfInput token={props.token} />
                      <input type="hidden" name="active" value={u.active === 1 ? '0' : '1'} />
                      <button type="submit" class="secondary" aria-label={`${u.active === 1 ? '停用' : '启用'} ${u.username}`}>
                        {u.active === 1 ? '停用' : '启用'}
                      </button>
                    </form>{' '}
                    <form method="post" action={`/staff/admin/users/${u.id}/reset-password`} class="inline">
                      <CsrfInput token={props.token} />
                      <button type="submit" class="secondary" aria-label={`重置 ${u.username} 的密码`}>
                        重置密码
                      </button>
                    </form>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </BoLayout>
  );
}

export function UnitsPage(props: {
  user: StaffUser;
  token: string;
  units: { id: string; name: string; kind: string; active: number }[];
  townships: { township: string; unit_id: string }[];
  errors: string[];
  created: string | null;
  done?: string | null;
  values: { id: string; name: string; townships: string[] };
}) {
  const byUnit = new Map<string, string[]>();
  for (const t of props.townships) byUnit.set(t.unit_id, [...(byUnit.get(t.unit_id) ?? []), t.township]);
  const unitName = new Map(props.units.map((u) => [u.id, u.name]));
  const owner = new Map(props.townships.map((t) => [t.township, t.unit_id]));
  return (
    <BoLayout title="单位管理" nav="units" user={props.user} token={props.token}>
      <h1>单位管理</h1>
      {props.created ? (
        <p class="flash" role="status">
          已创建单位 {props.created}。现在可以在“用户管理”中为它创建承办人和所长。
        </p>
      ) : null}
      {props.done ? (
        <p class="flash" role="status">
          {props.done}
        </p>
      ) : null}
      <h2>新建市场监管所</h2>
      <ErrorBox messages={props.errors} />
      <form method="post" action="/staff/admin/units" novalidate>
        <CsrfInput token={props.token} />
        <div class="field">
          <label for="n-id">单位代码</label>
          <p class="hint" id="n-id-hint">
            形如 station-xxx，创建后不能修改
          </p>
          <input type="text" id="n-id" name="id" value={props.values.id} aria-describedby="n-id-hint" required autocapitalize="none" />
        </div>
        <div class="field">
          <label for="n-name">单位名称</label>
          <input type="text" id="n-name" name="name" value={props.values.name} required />
        </div>
        <fieldset class="group">
          <legend>负责的乡镇街道（选中的将从原单位转到新单位，新案件按此分派）</legend>
          {TOWNSHIPS.map((t, i) => (
            <div class="choice">
              <input type="checkbox" id={`n-t-${i}`} name="townships" value={t} checked={props.values.townships.includes(t)} />
              <label for={`n-t-${i}`}>
                {t}（现属 {unitName.get(owner.get(t) ?? '') ?? '无'}）
              </label>
            </div>
          ))}
        </fieldset>
        <div class="actions">
          <button type="submit">创建单位</button>
        </div>
      </form>
      <h2>现有单位（{props.units.length}）</h2>
      <table class="stack">
        <thead>
          <tr>
            <th scope="col">代码</th>
            <th scope="col">名称与状态</th>
            <th scope="col">乡镇街道</th>
          </tr>
        </thead>
        <tbody>
          {props.units.map((u) => (
            <tr>
              <td data-label="代码">{u.id}</td>
              <td data-label="名称">
                <form method="post" action={`/staff/admin/units/${u.id}`} class="inline-form">
                  <CsrfInput token={props.token} />
                  <label for={`u-name-${u.id}`} class="visually-hidden">
                    {u.id} 的名称
                  </label>
                  <input type="text" id={`u-name-${u.id}`} name="name" value={u.name} required />{' '}
                  <label for={`u-active-${u.id}`} class="visually-hidden">
                    {u.id} 的状态
                  </label>
                  <select id={`u-active-${u.id}`} name="active">
                    <option value="1" selected={u.active === 1}>
                      在用
                    </option>
                    <option value="0" selected={u.active !== 1}>
                      停用
                    </option>
                  </select>{' '}
                  <button type="submit" class="secondary" aria-label={`保存 ${u.id}`}>
                    保存
                  </button>
                </form>
              </td>
              <td data-label="乡镇街道">{(byUnit.get(u.id) ?? []).join('、') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>调整乡镇街道的承办单位</h2>
      <p class="hint">新案件立即按新的划分分派；该乡镇尚未分派承办人的未办结案件随之转入新单位，已有承办人的案件仍由原承办人办理。</p>
      <form method="post" action="/staff/admin/townships" novalidate>
        <CsrfInput token={props.token} />
        <div class="field">
          <label for="m-township">乡镇街道</label>
          <select id="m-township" name="township">
            {TOWNSHIPS.map((t) => (
              <option value={t}>
                {t}（现属 {unitName.get(owner.get(t) ?? '') ?? '无'}）
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="m-unit">划归单位</label>
          <select id="m-unit" name="unitId">
            {props.units
              .filter((u) => u.kind === 'station' && u.active === 1)
              .map((u) => (
                <option value={u.id}>{u.name}</option>
              ))}
          </select>
        </div>
        <div class="actions">
          <button type="submit">调整</button>
        </div>
      </form>
    </BoLayout>
  );
}
