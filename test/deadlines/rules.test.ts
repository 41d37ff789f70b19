import { describe, expect, it } from 'vitest';
import { CLOCK_IDS, RULES, UnknownClockError, findRule, getRule, ruleVersionFor } from '../../src/deadlines/rules.ts';
import { parseCstInstant } from '../../src/deadlines/cst.ts';

describe('ruleVersionFor', () => {
  it('switches to Order 121 at 2026-04-15 00:00 CST', () => {
    expect(ruleVersionFor(parseCstInstant('2026-04-14'))).toBe('order20');
    expect(ruleVersionFor(parseCstInstant('2026-04-14T23:59:59+08:00'))).toBe('order20');
    expect(ruleVersionFor(parseCstInstant('2026-04-15'))).toBe('order121');
    // 16:00 UTC on the 14th is already 00:00 CST on the 15th
    expect(ruleVersionFor(new Date('2026-04-14T16:00:00Z'))).toBe('order121');
    expect(ruleVersionFor(new Date('2026-04-14T15:59:59.999Z'))).toBe('order20');
  });

  it('D2 is 45 working days under Order 20 and 60 calendar days under Order 121', () => {
    const d2old = getRule(ruleVersionFor(parseCstInstant('2026-04-14')), 'D2');
    expect([d2old.length, d2old.unit]).toEqual([45, 'working_days']);
    const d2new = getRule(ruleVersionFor(parseCstInstant('2026-04-15')), 'D2');
    expect([d2new.length, d2new.unit]).toEqual([60, 'calendar_days']);
    expect(d2new.pausable).toEqual(['testing', 'appraisal']);
  });
});

describe('RULES', () => {
  it('follows the domain table', () => {
    const table = Object.fromEntries(RULES.order121.map((r) => [r.id, [r.length, r.unit]]));
    expect(table).toEqual({
      D1: [7, 'working_days'],
      D2: [60, 'calendar_days'],
      D3: [7, 'working_days'],
      D4: [15, 'working_days'],
      D5: [90, 'calendar_days'],
      D6: [3, 'calendar_days'],
      D7: [24, 'hours'],
      D8: [3, 'calendar_days'],
      D9: [3, 'calendar_days'],
      D10: [3, 'calendar_days'],
      D11: [20, 'working_days'],
      D13: [3, 'calendar_days'],
      D14: [3, 'working_days'],
      D15: [30, 'working_days'],
    });
    expect(RULES.order20.map((r) => r.id)).toEqual([...CLOCK_IDS]);
    expect(getRule('order20', 'D12')).toMatchObject({ length: 5, unit: 'working_days' });
    expect(getRule('order121', 'D4').extension).toEqual({ length: 15, unit: 'working_days', approver: 'supervisor', max: 1 });
    expect(getRule('order121', 'D5').extension).toMatchObject({ length: 30, unit: 'calendar_days' });
    expect(getRule('order121', 'D11').setting).toBe(true);
    expect(getRule('order121', 'D8').setting).toBe(true);
    // D15 (issue 15): the reward claim window, a setting (rules.d15_length).
    expect(getRule('order121', 'D15', { d15Length: 45 })).toMatchObject({ length: 45, setting: true });
    for (const r of RULES.order121) expect(r.publicText, r.id).toContain('{due}');
  });

  it('has no D12 under Order 121', () => {
    expect(findRule('order121', 'D12')).toBeUndefined();
    expect(() => getRule('order121', 'D12')).toThrow(UnknownClockError);
    expect(() => getRule('order20', 'D99')).toThrow(UnknownClockError);
  });

  it('takes overrides for settings only', () => {
    expect(getRule('order121', 'D8', { d8Length: 10 }).length).toBe(10);
    expect(getRule('order121', 'D11', { d11Length: 15 }).length).toBe(15);
    expect(getRule('order121', 'D1', { d8Length: 10 }).length).toBe(7);
    expect(getRule('order121', 'D8').length).toBe(3); // the table itself is untouched
    // D8 complex cases: 30 days in all whatever the base (3 by 310, 10 by the 2015 food/drug rule).
    expect(getRule('order121', 'D8').extension).toMatchObject({ length: 27, max: 1 });
    expect(getRule('order121', 'D8', { d8Length: 10 }).extension).toMatchObject({ length: 20, max: 1 });
    expect(() => getRule('order121', 'D8', { d8Length: 0 })).toThrow(RangeError);
  });

  it('is frozen', () => {
    const d1 = getRule('order121', 'D1');
    expect(Object.isFrozen(d1)).toBe(true);
    expect(Object.isFrozen(RULES.order121)).toBe(true);
  });
});
