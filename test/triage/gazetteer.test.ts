import { describe, it, expect } from 'vitest';
import { TOWNSHIPS, findTownship, resolveTownship } from '../../src/understanding/gazetteer.ts';

describe('gazetteer', () => {
  it('lists the 15 divisions of 新郑市', () => {
    expect(TOWNSHIPS).toHaveLength(15);
    expect(TOWNSHIPS).toContain('新建路街道');
    expect(TOWNSHIPS).toContain('龙王乡');
  });
  it.each([
    ['龙湖镇小乔村', '龙湖镇'],
    ['龙湖那边', '龙湖镇'],
    ['华南城批发市场', '龙湖镇'],
    ['河南工程学院门口', '龙湖镇'],
    ['郭店华阳寨', '郭店镇'],
    ['铜佛赵村', '郭店镇'],
    ['裴李岗村', '新村镇'],
    ['人和寨', '辛店镇'],
    ['唐户村附近', '观音寺镇'],
    ['老观李村', '梨河镇'],
    ['东郭寺村', '城关乡'],
    ['黄帝故里旁边', '新华路街道'],
    ['新烟街道', '新烟街道'],
    ['新建路上', '新建路街道'],
    ['八千乡', '八千乡'],
    ['雪店', '薛店镇'],
  ])('%s → %s', (text, township) => {
    const f = findTownship(text);
    expect(f.township).toBe(township);
    expect(f.ambiguous).toBe(false);
    expect(f.evidence).not.toBeNull();
  });
  it('is ambiguous for places spanning divisions', () => {
    for (const text of ['新郑机场', '航空港那边', '人民路上', '郭庄村']) {
      const f = findTownship(text);
      expect(f.township, text).toBeNull();
      expect(f.ambiguous, text).toBe(true);
    }
  });
  it('is ambiguous for two divisions with equal weight, but prefers the business location', () => {
    expect(findTownship('郭店镇和龙湖镇都有').ambiguous).toBe(true);
    expect(findTownship('我住在龙湖，但是在薛店一家饭店吃的饭').township).toBe('薛店镇');
    expect(findTownship('郭店镇陵后村的作坊，肉拉到龙湖那边的早市上卖').township).toBe('郭店镇');
  });
  it('ignores look-alikes outside 新郑 and ordinary words', () => {
    expect(findTownship('郑东新区龙湖外环一家餐厅').township).toBeNull();
    expect(findTownship('新密市米村镇孟庄村').township).toBeNull();
    expect(findTownship('花了八千块钱').township).toBeNull();
    expect(findTownship('工人新村小区').township).toBeNull();
    expect(findTownship('').township).toBeNull();
  });
  it('resolves form values: exact names and places, nothing else', () => {
    expect(resolveTownship('龙湖镇')).toBe('龙湖镇');
    expect(resolveTownship('薛店')).toBe('薛店镇');
    expect(resolveTownship('郑州市金水区')).toBeNull();
    expect(resolveTownship(null)).toBeNull();
  });
});
