// Labels and formatting shared by the back-office pages.
import { KIND_LABELS, STATUS_LABELS, type CaseKind, type CaseStatus } from '../../cases/case.machine.ts';
import { formatCst } from '../../lib/clock.ts';
import { CATEGORY_LABELS as PUBLIC_CATEGORY_LABELS } from '../../publication/labels.ts';

/** One name per category everywhere: the published wording (publication/labels.ts) is the only list. */
export { CATEGORY_LABELS } from '../../publication/labels.ts';
export const URGENCY_LABELS: Record<string, string> = { urgent: '紧急', high: '较急', normal: '一般', low: '较缓' };
export const kindLabel = (k: string) => KIND_LABELS[k as CaseKind] ?? k;
export const statusLabel = (s: string | null) => (s ? (STATUS_LABELS[s as CaseStatus] ?? s) : '—');
export const categoryLabel = (c: string | null) => (c ? (PUBLIC_CATEGORY_LABELS[c] ?? c) : '未分类');
export const urgencyLabel = (u: string | null) => (u ? (URGENCY_LABELS[u] ?? u) : '—');
/** China Standard Time, to the minute: 2026-10-31 12:00. */
export const when = (iso: string | null) => (iso ? formatCst(new Date(iso)).slice(0, 16).replace('T', ' ') : '—');
