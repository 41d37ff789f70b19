// The notification inbox and "待我处理": what each person must do next. Server-rendered, no scripts; the
// inbox refreshes itself through a Refresh header (inbox.routes.tsx).
import type { HotspotAlertView, NoticeGroup, NoticeView } from '../../backoffice/inbox.service.ts';
import { NOTICE_GROUPS, NOTICE_GROUP_KEYS } from '../../backoffice/inbox.service.ts';
import { STEP_ACTOR_LABELS } from '../../backoffice/next-step.ts';
import type { StaffUser } from '../../backoffice/session.service.ts';
import type { WorkItem, Worklist } from '../../backoffice/worklist.service.ts';
import { kindLabel, statusLabel, when } from './format.ts';
import { BoLayout, CsrfInput } from './layout.tsx';

/** 「12月8日前」 with 暂定 when the due date is provisional. */
export function DueText(props: { dueAt: string | null; provisional?: boolean; nowIso?: string }) {
  if (!props.dueAt) return <span class="hint">无期限</span>;
  const late = props.nowIso !== undefined && props.dueAt < props.nowIso;
  return (
    <span class={late ? 'due late' : 'due'}>
      {when(props.dueAt)}前{props.provisional ? <span class="tag tag-provisional">暂定</span> : null}
      {late ? <span class="tag tag-overdue">已超期</span> : null}
    </span>
  );
}

/** Business · township, and the first words of the description: what a row is about. */
export function Subject(props: { business: string | null; township: string | null; summary: string }) {
  return (
    <span class="subject">
      <strong>{props.business ?? '（未写明商户）'}</strong>
      {props.township ? <span class="hint"> · {props.township}</span> : null}
      <br />
      <span class="summary">{props.summary}</span>
    </span>
  );
}

function WorkTable(props: { items: WorkItem[]; nowIso: string; showWho: boolean }) {
  return (
    <table class="stack">
      <thead>
        <tr>
          <th scope="col">案件</th>
          <th scope="col">事项</th>
          <th scope="col">下一步</th>
          <th scope="col">期限</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((i) => (
          <tr class={i.urgent ? 'is-urgent' : undefined}>
            <td data-label="案件">
              <a href={i.href}>{i.number}</a>
              {i.urgent ? <span class="tag tag-urgent">紧急</span> : null}
              <br />
              <span class="hint">
                {kindLabel(i.kind)} · {statusLabel(i.status)}
              </span>
            </td>
            <td data-label="事项">
              <Subject business={i.business} township={i.township} summary={i.summary} />
            </td>
            <td data-label="下一步">
              {i.note ?? (i.step ? (props.showWho ? `等待${STEP_ACTOR_LABELS[i.step.who]}${i.step.what}` : i.step.what) : '—')}
            </td>
            <td data-label="期限">
              <DueText dueAt={i.step?.dueAt ?? null} provisional={i.step?.provisional ?? false} nowIso={props.nowIso} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function TodoPage(props: {
  user: StaffUser;
  token: string;
  list: Worklist;
  alerts: HotspotAlertView[];
  horizon: { lastYear: number; daysLeft: number } | null;
  nowIso: string;
  flash: string | null;
}) {
  const { list } = props;
  // Cases, not rows: a case both replied to and due counts once; what waits for others is not mine.
  const total = new Set(list.sections.filter((s) => s.key !== 'waiting').flatMap((s) => s.items.map((i) => i.caseId))).size;
  return (
    <BoLayout title="待我处理" nav="todo" user={props.user} token={props.token}>
      <h1>待我处理（{total}）</h1>
      {props.flash ? (
        <p class="flash" role="status">
          {props.flash}
        </p>
      ) : null}
      <HorizonBanner horizon={props.horizon} admin={props.user.role === 'admin'} />
      <ul class="summary-links">
        <li>
          <a href="/staff/inbox?unread=1">未读通知 {props.user.unread ?? 0} 条</a>
        </li>
        <li>
          <a href="/staff/cases/due-soon">即将到期 {list.dueSoon} 项</a>
        </li>
        <li>
          <a href="/staff/cases/overdue" class={list.overdue ? 'late' : undefined}>
            已超期 {list.overdue} 项
          </a>
        </li>
      </ul>
      {props.alerts.length ? (
        <section aria-labelledby="alerts-h" class="alert-box">
          <h2 id="alerts-h">聚集性预警（{props.alerts.length}）</h2>
          <AlertList alerts={props.alerts} />
        </section>
      ) : null}
      {list.sections.map((s) => (
        <section aria-labelledby={`s-${s.key}`}>
          <h2 id={`s-${s.key}`}>
            {s.title}（{s.items.length}）
          </h2>
          <p class="hint">{s.hint}</p>
          {s.items.length === 0 ? <p>暂无。</p> : <WorkTable items={s.items} nowIso={props.nowIso} showWho={s.key === 'waiting'} />}
        </section>
      ))}
    </BoLayout>
  );
}

export function HorizonBanner(props: { horizon: { lastYear: number; daysLeft: number } | null; admin: boolean }) {
  const h = props.horizon;
  if (!h) return null;
  return (
    <div class="banner-warning" role="alert">
      <p>
        <strong>节假日表只到 {h.lastYear} 年12月31日</strong>
        {h.daysLeft >= 0 ? `（还剩 ${h.daysLeft} 天）` : '（已过期）'}。{h.lastYear + 1} 年的期限暂按“只排除周末”计算，标为
        <span class="tag tag-provisional">暂定</span>
        ，录入国务院办公厅公布的 {h.lastYear + 1} 年节假日安排后自动重算。
      </p>
      {props.admin ? (
        <p>
          <a href="/staff/admin/calendar">录入 {h.lastYear + 1} 年节假日安排</a>
        </p>
      ) : (
        <p>请联系系统管理员录入。</p>
      )}
    </div>
  );
}

export function AlertList(props: { alerts: HotspotAlertView[] }) {
  return (
    <ul class="alerts">
      {props.alerts.map((a) => (
        <li>
          <strong>{a.rule === 'illness_72h' ? '疑似聚集性食源性疾病（72小时内）' : '投诉举报激增'}</strong>：{a.business ?? '同一商户'}，
          {when(a.firstAt)} 至 {when(a.lastAt)} 共 {a.cases.length} 件
          <ul>
            {a.cases.map((c) => (
              <li>
                <a href={`/staff/cases/${c.id}`}>{c.number}</a>（{statusLabel(c.status)}，{when(c.receivedAt)}）
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}

export function InboxPage(props: {
  user: StaffUser;
  token: string;
  items: NoticeView[];
  total: number;
  page: number;
  pages: number;
  unread: number;
  group: NoticeGroup | undefined;
  unreadOnly: boolean;
  alerts: HotspotAlertView[];
  marked: number | null;
}) {
  const link = (g: NoticeGroup | undefined, unreadOnly: boolean, page = 1) => {
    const q = new URLSearchParams();
    if (g) q.set('group', g);
    if (unreadOnly) q.set('unread', '1');
    if (page > 1) q.set('page', String(page));
    const s = q.toString();
    return `/staff/inbox${s ? `?${s}` : ''}`;
  };
  const back = link(props.group, props.unreadOnly, props.page);
  return (
    <BoLayout title="通知" nav="inbox" user={props.user} token={props.token}>
      <h1>通知（未读 {props.unread}）</h1>
      {props.marked !== null ? (
        <p class="flash" role="status">
          已标记 {props.marked} 条为已读。
        </p>
      ) : null}
      <nav aria-label="通知类别">
        <ul class="tabs">
          <li>
            <a href={link(undefined, props.unreadOnly)} aria-current={props.group === undefined ? 'page' : undefined}>
              全部
            </a>
          </li>
          {NOTICE_GROUP_KEYS.map((g) => (
            <li>
              <a href={link(g, props.unreadOnly)} aria-current={props.group === g ? 'page' : undefined}>
                {NOTICE_GROUPS[g].label}
              </a>
            </li>
          ))}
        </ul>
        <p>{props.unreadOnly ? <a href={link(props.group, false)}>显示全部通知</a> : <a href={link(props.group, true)}>只看未读</a>}</p>
      </nav>
      {props.alerts.length ? (
        <section aria-labelledby="alerts-h" class="alert-box">
          <h2 id="alerts-h">聚集性预警（近30日）</h2>
          <AlertList alerts={props.alerts} />
        </section>
      ) : null}
      <form method="post" action="/staff/inbox/read">
        <CsrfInput token={props.token} />
        <input type="hidden" name="back" value={back} />
        {props.items.length === 0 ? (
          <p>没有通知。</p>
        ) : (
          <ul class="notices">
            {props.items.map((n, i) => (
              <li class={[n.readAt ? 'read' : 'unread', n.urgent ? 'urgent' : ''].filter(Boolean).join(' ')}>
                <input type="checkbox" id={`n-${i}`} name="ids" value={n.id} disabled={n.readAt !== null} />
                <label for={`n-${i}`}>
                  {n.readAt ? null : <span class="tag tag-unread">未读</span>}
                  {n.urgent ? <span class="tag tag-urgent">紧急</span> : null}
                  {n.group ? <span class="tag tag-kind">{NOTICE_GROUPS[n.group].label}</span> : null}
                  {n.message}
                </label>
                <span class="meta">
                  {when(n.createdAt)}
                  {n.caseId ? (
                    <>
                      {' · '}
                      <a href={`/staff/cases/${n.caseId}`}>查看案件 {n.caseNumber ?? ''}</a>
                    </>
                  ) : n.group === 'calendar' && props.user.role === 'admin' ? (
                    <>
                      {' · '}
                      <a href="/staff/admin/calendar">录入节假日</a>
                    </>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        )}
        <div class="actions">
          <button type="submit" name="mark" value="selected" class="secondary">
            将选中的标为已读
          </button>{' '}
          <button type="submit" name="all" value="1" class="secondary">
            全部标为已读
          </button>
        </div>
      </form>
      <nav class="pager" aria-label="分页">
        <span>
          共 {props.total} 条，第 {props.page} / {props.pages} 页
        </span>
        {props.page > 1 ? <a href={link(props.group, props.unreadOnly, props.page - 1)}>上一页</a> : null}
        {props.page < props.pages ? <a href={link(props.group, props.unreadOnly, props.page + 1)}>下一页</a> : null}
      </nav>
    </BoLayout>
  );
}
