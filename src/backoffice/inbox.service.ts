// The staff notification inbox: what staff-notice.ts wrote for a user (assignments, urgent cases,
// reminders, overdue warnings, cluster alerts, referral steps, the calendar horizon), unread first, with
// a kind filter; marking read; and the cluster (hot-spot) alerts of the user's unit with their cases.
// A user only ever reads and marks their own notices; cases are linked, never quoted.
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { INTAKE_UNIT_ID } from '../routing/routing.rules.ts';
import { canSeeCase } from './scope.ts';
import type { StaffUser } from './session.service.ts';

export const NOTICE_GROUPS = {
  assigned: { label: '新分派', kinds: ['assigned', 'no_handler'] },
  urgent: { label: '紧急案件', kinds: ['urgent_case'] },
  deadline: { label: '期限提醒', kinds: ['deadline_reminder'] },
  overdue: { label: '超期警告', kinds: ['deadline_overdue'] },
  hotspot: { label: '聚集性预警', kinds: ['hotspot_illness', 'hotspot_spike'] },
  referral: {
    label: '移送公安',
    kinds: [
      'referral_proposed',
      'referral_approved',
      'referral_refused',
      'referral_received',
      'police_accepted',
      'police_declined',
      'reconsideration',
    ],
  },
  citizen: { label: '群众回复', kinds: ['citizen_answered'] },
  calendar: { label: '节假日表', kinds: [] },
} as const satisfies Record<string, { label: string; kinds: readonly string[] }>;
export type NoticeGroup = keyof typeof NOTICE_GROUPS;
export const NOTICE_GROUP_KEYS = Object.keys(NOTICE_GROUPS) as NoticeGroup[];

/** Kinds shown highlighted (someone may be ill, or a statutory deadline has passed). */
export const URGENT_KINDS: readonly string[] = ['urgent_case', 'hotspot_illness', 'hotspot_spike', 'deadline_overdue'];

export function groupOf(kind: string): NoticeGroup | null {
  if (kind.startsWith('calendar_horizon')) return 'calendar';
  for (const g of NOTICE_GROUP_KEYS) if ((NOTICE_GROUPS[g].kinds as readonly string[]).includes(kind)) return g;
  return null;
}

export const InboxQuerySchema = z.object({
  group: z.preprocess((v) => (v === '' ? undefined : v), z.enum(NOTICE_GROUP_KEYS as [NoticeGroup, ...NoticeGroup[]]).optional()),
  unread: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['1']).optional()),
  page: z.preprocess((v) => (v === '' || v === undefined ? 1 : v), z.coerce.number().int().min(1).max(10000)),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export interface NoticeView {
  id: string;
  kind: string;
  group: NoticeGroup | null;
  message: string;
  createdAt: string;
  readAt: string | null;
  caseId: string | null;
  caseNumber: string | null;
  urgent: boolean;
}

export const INBOX_PAGE = 30;

export async function unreadCount(db: Db, userId: string): Promise<number> {
  const r = await db
    .selectFrom('staff_notification')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function listNotices(
  db: Db,
  userId: string,
  q: InboxQuery,
): Promise<{ items: NoticeView[]; total: number; page: number; pages: number; unread: number }> {
  let base = db.selectFrom('staff_notification').where('staff_notification.user_id', '=', userId);
  if (q.unread) base = base.where('staff_notification.read_at', 'is', null);
  if (q.group === 'calendar') base = base.where('staff_notification.kind', 'like', 'calendar_horizon%');
  else if (q.group) base = base.where('staff_notification.kind', 'in', [...NOTICE_GROUPS[q.group].kinds]);
  const countRow = await base.select((eb) => eb.fn.countAll<string | number>().as('n')).executeTakeFirst();
  const total = Number(countRow?.n ?? 0);
  const pages = Math.max(1, Math.ceil(total / INBOX_PAGE));
  const page = Math.min(q.page, pages);
  const rows = await base
    .leftJoin('intake_case', 'intake_case.id', 'staff_notification.case_id')
    .select([
      'staff_notification.id',
      'staff_notification.kind',
      'staff_notification.message',
      'staff_notification.created_at',
      'staff_notification.read_at',
      'staff_notification.case_id',
      'intake_case.number',
    ])
    // Unread first, then newest first.
    .orderBy((eb) => eb.case().when('staff_notification.read_at', 'is', null).then(0).else(1).end())
    .orderBy('staff_notification.created_at', 'desc')
    .orderBy('staff_notification.id')
    .limit(INBOX_PAGE)
    .offset((page - 1) * INBOX_PAGE)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      group: groupOf(r.kind),
      message: r.message,
      createdAt: r.created_at,
      readAt: r.read_at,
      caseId: r.case_id,
      caseNumber: r.number ?? null,
      urgent: URGENT_KINDS.includes(r.kind),
    })),
    total,
    page,
    pages,
    unread: await unreadCount(db, userId),
  };
}

export const MarkReadSchema = z.object({
  ids: z.preprocess(
    (v) => (Array.isArray(v) ? v : v === undefined || v === '' ? [] : [v]),
    z.array(z.string().uuid('通知编号无效')).max(500, '一次最多标记 500 条'),
  ),
  all: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['1']).optional()),
});

/** Marks the user's own notices read (the given ones, or all). Returns how many changed. */
export async function markRead(db: Db, userId: string, input: unknown, now: Date): Promise<number> {
  const p = MarkReadSchema.parse(input);
  let q = db
    .updateTable('staff_notification')
    .set({ read_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('read_at', 'is', null);
  if (!p.all) {
    if (p.ids.length === 0) return 0;
    q = q.where('id', 'in', p.ids);
  }
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export interface HotspotAlertView {
  id: string;
  rule: string;
  firstAt: string;
  lastAt: string;
  createdAt: string;
  business: string | null;
  cases: { id: string; number: string; status: string; receivedAt: string }[];
}

/** Cluster alerts of the last `days` days for the user's unit (admins and the intake centre: all), newest first, with the cases the user may see. */
export async function hotspotAlertsFor(db: Db, user: StaffUser, now: Date, days = 30): Promise<HotspotAlertView[]> {
  if (!['supervisor', 'admin', 'intake_clerk', 'handler'].includes(user.role)) return [];
  let q = db
    .selectFrom('hotspot_alert')
    .select(['id', 'rule', 'first_at', 'last_at', 'created_at', 'unit_id'])
    .where('updated_at', '>=', new Date(now.getTime() - days * 86_400_000).toISOString());
  if (user.role !== 'admin' && !(user.role === 'intake_clerk' && user.unit_id === INTAKE_UNIT_ID))
    q = q.where('unit_id', '=', user.unit_id ?? '-');
  const alerts = await q.orderBy('created_at', 'desc').limit(50).execute();
  if (alerts.length === 0) return [];
  const links = await db
    .selectFrom('hotspot_alert_case')
    .innerJoin('intake_case', 'intake_case.id', 'hotspot_alert_case.case_id')
    .select([
      'hotspot_alert_case.alert_id',
      'intake_case.id',
      'intake_case.number',
      'intake_case.status',
      'intake_case.received_at',
      'intake_case.business_name',
      'intake_case.unit_id',
      'intake_case.assignee_id',
    ])
    .where(
      'hotspot_alert_case.alert_id',
      'in',
      alerts.map((a) => a.id),
    )
    .orderBy('intake_case.received_at')
    .execute();
  return alerts
    .map((a) => {
      const mine = links.filter((l) => l.alert_id === a.id);
      return {
        id: a.id,
        rule: a.rule,
        firstAt: a.first_at,
        lastAt: a.last_at,
        createdAt: a.created_at,
        business: mine.find((l) => l.business_name)?.business_name ?? null,
        cases: mine
          .filter((l) => canSeeCase(user, { unit_id: l.unit_id, assignee_id: l.assignee_id, status: l.status }))
          .map((l) => ({ id: l.id, number: l.number, status: l.status, receivedAt: l.received_at })),
      };
    })
    .filter((a) => a.cases.length > 0);
}
