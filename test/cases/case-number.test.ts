// The case number's format, written out by hand (the module must agree with what citizens are told).
import { describe, expect, it } from 'vitest';
import { CASE_NUMBER_EXAMPLE, caseNumberDay, formatCaseNumber, parseCaseNumber } from '../../src/cases/case-number.ts';

describe('case numbers', () => {
  it('are XZ-, the CST day of receipt, and the day’s sequence padded to six digits', () => {
    expect(formatCaseNumber(caseNumberDay('2026-11-20'), 1)).toBe('XZ-20261120-000001');
    expect(formatCaseNumber('20261120', 1234567)).toBe('XZ-20261120-1234567');
    expect(parseCaseNumber(CASE_NUMBER_EXAMPLE)).toBe(CASE_NUMBER_EXAMPLE);
  });

  it('are read trimmed and upper-cased; anything else is no case number', () => {
    expect(parseCaseNumber(' xz-20261120-000001 ')).toBe('XZ-20261120-000001');
    for (const bad of ['', 'XZ-2026112-000001', 'XZ-20261120-00001', 'AB-20261120-000001', 'XZ20261120000001', 'XZ-20261120-000001x'])
      expect(parseCaseNumber(bad)).toBeNull();
  });
});
