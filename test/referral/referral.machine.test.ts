// The referral's state machine against a table written from 国务院令310 and domain.md ("Referral to the
// police"), not from the machine's own table: every (status, step) pair not listed here must be refused.
import { describe, expect, it } from 'vitest';
import {
  REFERRAL_STATUSES,
  REFERRAL_STEPS,
  type ReferralStatus,
  type ReferralStep,
  referralTransition,
  staffReferralSteps,
} from '../../src/referral/referral.machine.ts';

/** from → step → to. */
const LAW: Record<ReferralStatus | 'none', Partial<Record<ReferralStep, ReferralStatus>>> = {
  none: { propose: 'proposed' }, // two officers propose (Art. 5)
  proposed: { approve: 'approved', refuse: 'refused' }, // the head of the unit decides within 3 days (Art. 5)
  approved: { transfer: 'transferred' }, // transferred within 24 hours, copy to the procuratorate (Art. 6, 7)
  transferred: { accept: 'accepted', decline: 'declined' }, // the police decide within 3 days (Art. 8)
  accepted: { feedback: 'accepted', exhibits: 'accepted' }, // exhibits handed over within 3 days (Art. 10)
  declined: { reconsider: 'transferred', supervise: 'declined', return: 'returned' }, // reconsideration within 3 days or procuratorate supervision (Art. 9)
  refused: {},
  returned: {},
};

describe('referral state machine', () => {
  for (const from of [null, ...REFERRAL_STATUSES] as const) {
    for (const step of REFERRAL_STEPS) {
      const expected = LAW[from ?? 'none'][step];
      it(`${from ?? '(none)'} --${step}--> ${expected ?? 'refused'}`, () => {
        const r = referralTransition(from, step);
        expect(r.ok ? r.to : 'refused').toBe(expected ?? 'refused');
      });
    }
  }

  it('offers staff the steps of their role only', () => {
    const at = (status: ReferralStatus, exhibitsConfirmedAt: string | null = null) => ({ status, exhibitsConfirmedAt });
    // Only the bureau's head decides on a proposal (国务院令310 Art. 5), not a station head.
    expect(staffReferralSteps('director', at('proposed'))).toEqual(['approve', 'refuse']);
    expect(staffReferralSteps('supervisor', at('proposed'))).toEqual([]);
    expect(staffReferralSteps('handler', at('proposed'))).toEqual([]);
    expect(staffReferralSteps('handler', at('approved'))).toEqual(['transfer']);
    expect(staffReferralSteps('supervisor', at('declined'))).toEqual(['reconsider', 'supervise', 'return']);
    expect(staffReferralSteps('director', at('declined'))).toEqual(['supervise']);
    expect(staffReferralSteps('handler', at('declined'))).toEqual(['return']);
    expect(staffReferralSteps('handler', at('accepted'))).toEqual(['exhibits']);
    expect(staffReferralSteps('handler', at('accepted', '2026-11-28T02:00:00Z'))).toEqual([]);
    expect(staffReferralSteps('handler', at('transferred'))).toEqual([]);
    expect(staffReferralSteps('police', at('transferred'))).toEqual([]);
    expect(staffReferralSteps('admin', at('proposed'))).toEqual([]);
  });
});
