// 新郑市 administrative divisions (domain.md). Routing maps these to 市场监管所 units.
export const TOWNSHIPS = [
  '新建路街道',
  '新华路街道',
  '新烟街道',
  '新村镇',
  '辛店镇',
  '观音寺镇',
  '梨河镇',
  '和庄镇',
  '薛店镇',
  '孟庄镇',
  '郭店镇',
  '龙湖镇',
  '城关乡',
  '八千乡',
  '龙王乡',
] as const;
export type Township = (typeof TOWNSHIPS)[number];
