// Issue 22 (7): food crimes (地沟油, 病死猪肉 sold as food …) stay with the market regulator and the police,
// whatever farm words the text carries; matters that are not food crimes still go to 农业农村局.
import { describe, expect, it } from 'vitest';
import { intakeReason } from '../../src/routing/routing.rules.ts';
import { understand } from '../../src/understanding/understand.ts';

const authorityOf = (text: string) => understand(text).other_authority.value?.authority ?? null;

describe('routing words for food crimes', () => {
  it.each([
    '养猪场把病死猪卖给屠宰点加工成猪肉出售',
    '村里养殖户把病死猪肉卖给饭店',
    '有人在养猪场旁边私屠滥宰，把病死猪肉卖到菜市场',
    '养殖场旁边的小作坊收泔水熬地沟油，卖给附近饭店',
  ])('%s → stays with the market regulator (suspected crime, no other authority)', (text) => {
    const u = understand(text);
    expect(u.suspected_crime.value).toBe(true);
    expect(authorityOf(text)).toBeNull();
    expect(intakeReason({ kind: 'report', category: u.category.value, other_authority: null, needs_details: 0 })).not.toBe(
      'outside market regulation',
    );
  });

  it('a farm matter that is no food crime still goes to 农业农村局', () => {
    expect(authorityOf('村里有人往河里扔病死猪，臭得不行')).toBe('农业农村局');
  });
});
