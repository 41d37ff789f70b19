// Labels and formatting shared by the back-office pages.
import { KIND_LABELS, STATUS_LABELS, type CaseKind, type CaseStatus } from '../../cases/case.machine.ts';
import { formatCst } from '../../lib/clock.ts';

export const CATEGORY_LABELS: Record<string, string> = {
  catering: '餐饮服务',
  school_canteen: '学校食堂及周边',
  food_production: '食品生产（含小作坊）',
  food_retail: '食品销售',
  online_food: '网络食品',
  agricultural_products: '食用农产品',
  special_food: '特殊食品',
  other_non_food: '非食品 / 其他',
};
export const URGENCY_LABELS: Record<string, string> = { urgent: '紧急', high: '较急', normal: '一般', low: '较缓' };
export const kindLabel = (k: string) => KIND_LABELS[k as CaseKind] ?? k;
export const statusLabel = (s: string | null) => (s ? (STATUS_LABELS[s as CaseStatus] ?? s) : '—');
export const categoryLabel = (c: string | null) => (c ? (CATEGORY_LABELS[c] ?? c) : '未分类');
export const urgencyLabel = (u: string | null) => (u ? (URGENCY_LABELS[u] ?? u) : '—');
/** China Standard Time, to the minute: 2026-10-31 12:00. */
export const when = (iso: string | null) => (iso ? formatCst(new Date(iso)).slice(0, 16).replace('T', ' ') : '—');
