// Chinese labels for what the public pages, exports and the back office show: one name per category
// everywhere. Kept here, not in triage, because these are the published wordings (triage works with the codes).

export const CATEGORY_LABELS: Record<string, string> = {
  catering: '餐饮服务',
  school_canteen: '学校食堂及周边',
  food_production: '食品生产加工（含小作坊）',
  food_retail: '食品销售',
  online_food: '网络食品',
  agricultural_products: '食用农产品',
  special_food: '特殊食品',
  other_non_food: '其他（非食品）',
};

export const OUTCOMES = ['penalty', 'not_opened', 'mediation_succeeded', 'mediation_failed', 'refused'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Record<Outcome, string> = {
  penalty: '行政处罚',
  not_opened: '不予立案',
  mediation_succeeded: '调解成功',
  mediation_failed: '调解终止',
  refused: '不予受理',
};

export const KIND_LABELS_PUBLIC: Record<string, string> = { complaint: '投诉', report: '举报', consultation: '咨询' };

export const categoryLabel = (c: string | null): string => (c ? (CATEGORY_LABELS[c] ?? c) : '未分类');

/** 123456 fen → '1,234.56 元'. */
export function yuan(fen: number | null): string | null {
  if (fen === null) return null;
  const s = (fen / 100).toFixed(2).replace(/\.00$/, '');
  const [int, dec] = s.split('.');
  return `${(int ?? '0').replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${dec ? `.${dec}` : ''} 元`;
}
