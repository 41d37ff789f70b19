// Who must act next on a case, written from the law and the state machine's actors (not from the
// module's own table): 立案/不予立案 and the decision are the head's (处罚程序规定 Art. 18, 64), so are the
// approval of a referral (国务院令310 Art. 5) and a request for reconsideration (Art. 9); the handler
// decides acceptance (Order 121 Art. 15), mediates, transfers within 24 hours, hands over exhibits.
import { describe, expect, it } from 'vitest';
import type { CaseKind, CaseStatus } from '../../src/cases/case.machine.ts';
import { nextStep } from '../../src/backoffice/next-step.ts';

const due = '2026-12-08T15:59:59.999Z';
const running = (clock: string, problem: string | null = null) => [{ clock, status: 'running', dueAt: due, problem }];

const CASES: [CaseKind, CaseStatus, string[], 'intake' | 'handler' | 'supervisor' | 'director' | 'police' | null, string | null][] = [
  ['complaint', 'awaiting_routing', ['D1'], 'intake', 'D1'],
  ['complaint', 'assigned', ['D1'], 'handler', 'D1'],
  ['complaint', 'accepted', ['D2'], 'handler', 'D2'],
  ['complaint', 'mediation_failed', ['D3'], 'handler', 'D3'],
  ['report', 'assigned', ['D4'], 'handler', 'D4'],
  ['report', 'verifying', ['D4'], 'supervisor', 'D4'],
  ['report', 'case_opened', ['D5'], 'supervisor', 'D5'],
  ['report', 'case_opened', ['D5', 'D12'], 'handler', 'D12'],
  ['report', 'referral_proposed', ['D4', 'D6'], 'director', 'D6'],
  ['report', 'referral_approved', ['D7'], 'handler', 'D7'],
  ['report', 'referred', ['D8'], 'police', 'D8'],
  ['report', 'police_accepted', ['D10'], 'handler', 'D10'],
  ['report', 'police_declined', ['D9'], 'supervisor', 'D9'],
  ['report', 'decided', ['D11'], 'supervisor', 'D11'],
  ['consultation', 'assigned', [], 'handler', null],
  ['complaint', 'closed', [], null, null],
  // Duties outlive the case (issue #14.2): the step that meets them stays on the case.
  ['complaint', 'refused', ['D1'], 'handler', 'D1'],
  ['complaint', 'closed', ['D1'], 'handler', 'D1'],
  ['report', 'closed', ['D10'], 'handler', 'D10'],
  ['report', 'duplicate', ['D12'], 'handler', 'D12'],
  ['report', 'merged', [], null, null],
];

describe('next step', () => {
  it.each(CASES)('%s %s (clocks %j): %s acts, bound by %s', (kind, status, clocks, who, clock) => {
    const s = nextStep(
      kind,
      status,
      clocks.flatMap((c) => running(c)),
    );
    if (who === null) {
      expect(s).toBeNull();
      return;
    }
    expect(s?.who).toBe(who);
    expect(s?.clock).toBe(clock);
    expect(s?.dueAt).toBe(clock ? due : null);
  });

  it('marks a provisional due date', () => {
    expect(nextStep('complaint', 'accepted', running('D2', 'calendar_provisional'))?.provisional).toBe(true);
    expect(nextStep('complaint', 'accepted', running('D2'))?.provisional).toBe(false);
  });
});
