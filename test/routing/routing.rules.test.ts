// The routing rules that do not depend on the place, written out from the intake centre's remit.
import { describe, expect, it } from 'vitest';
import { intakeReason } from '../../src/routing/routing.rules.ts';

const base = { kind: 'report', category: 'food_retail', other_authority: null, needs_details: 0 } as const;

describe('routing rules', () => {
  it('send consultations, matters for another authority and too-thin texts to the intake centre', () => {
    expect(intakeReason({ ...base, kind: 'consultation' })).toBe('consultation');
    expect(intakeReason({ ...base, category: 'other_non_food' })).toBe('outside market regulation');
    expect(intakeReason({ ...base, other_authority: '农业农村部门' })).toBe('outside market regulation');
    expect(intakeReason({ ...base, needs_details: 1 })).toBe('needs details');
  });

  it('let the place decide everything else', () => {
    expect(intakeReason(base)).toBeNull();
    expect(intakeReason({ ...base, kind: 'complaint' })).toBeNull();
  });
});
