// The referral's own state machine (国务院令310; domain.md "Referral to the police"). Pure: imports
// nothing. Each step of a referral moves its status only as this table says; the case's state machine
// (case.machine.ts) judges the same step on the case first, and the referral service writes the status
// this machine returns, never one of its own.
//
//   proposed ──approve──▶ approved ──transfer──▶ transferred ──accept──▶ accepted (feedback, exhibits)
//      │                                             │  ▲
//    refuse                                       decline │ reconsider
//      ▼                                             ▼  │
//   refused                                       declined ──return──▶ returned

export const REFERRAL_STATUSES = ['proposed', 'approved', 'refused', 'transferred', 'accepted', 'declined', 'returned'] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STEPS = [
  'propose',
  'approve',
  'refuse',
  'transfer',
  'accept',
  'decline',
  'feedback',
  'reconsider',
  'supervise',
  'return',
  'exhibits',
] as const;
export type ReferralStep = (typeof REFERRAL_STEPS)[number];

/** Who takes a step: the regulator's staff or the police (roles as in case.machine.ts). */
type StepRole = 'handler' | 'supervisor' | 'director' | 'police';

interface StepDef {
  from: readonly (ReferralStatus | null)[];
  /** null: the status stays (a record is added: feedback, exhibits handed over). */
  to: ReferralStatus | null;
  actors: readonly StepRole[];
}

const HANDLING: readonly StepRole[] = ['handler', 'supervisor'];

export const REFERRAL_TRANSITIONS: Readonly<Record<ReferralStep, StepDef>> = {
  propose: { from: [null], to: 'proposed', actors: [...HANDLING, 'director'] },
  // The bureau's head (局负责人) decides, never a station head, never the proposer (国务院令310 Art. 5).
  approve: { from: ['proposed'], to: 'approved', actors: ['director'] },
  refuse: { from: ['proposed'], to: 'refused', actors: ['director'] },
  transfer: { from: ['approved'], to: 'transferred', actors: HANDLING },
  accept: { from: ['transferred'], to: 'accepted', actors: ['police'] },
  decline: { from: ['transferred'], to: 'declined', actors: ['police'] },
  feedback: { from: ['accepted'], to: null, actors: ['police'] },
  reconsider: { from: ['declined'], to: 'transferred', actors: ['supervisor'] },
  // 310 Art. 9: the procuratorate is asked to supervise; the referral stays declined until the police act again.
  supervise: { from: ['declined'], to: null, actors: ['supervisor', 'director'] },
  return: { from: ['declined'], to: 'returned', actors: HANDLING },
  exhibits: { from: ['accepted'], to: null, actors: HANDLING },
};

export type ReferralTransition = { ok: true; to: ReferralStatus } | { ok: false; message: string };

/** The status after `step` from `status` (null: no referral yet), or a refusal. */
export function referralTransition(status: ReferralStatus | null, step: ReferralStep): ReferralTransition {
  const def = REFERRAL_TRANSITIONS[step];
  if (!def.from.includes(status)) return { ok: false, message: '移送记录当前状态不允许此操作' };
  const to = def.to ?? status;
  return to === null ? { ok: false, message: '移送记录不存在' } : { ok: true, to };
}

/** Steps the regulator's staff may take on a referral now (the police's own steps are theirs). */
export function staffReferralSteps(role: string, r: { status: ReferralStatus; exhibitsConfirmedAt: string | null }): ReferralStep[] {
  return REFERRAL_STEPS.filter((step) => {
    const def = REFERRAL_TRANSITIONS[step];
    if (step === 'propose' || !def.from.includes(r.status) || !(def.actors as readonly string[]).includes(role) || role === 'police')
      return false;
    // Exhibits are handed over (again, for disputed items) until the police confirm the whole list.
    return !(step === 'exhibits' && r.exhibitsConfirmedAt);
  });
}

/** A referral still under way: a new one may not be proposed for the same case. */
export const OPEN_REFERRAL_STATUSES: readonly ReferralStatus[] = ['proposed', 'approved', 'transferred', 'accepted', 'declined'];

/** From the transfer on, the receiving police unit sees the referral. */
export const POLICE_VISIBLE_STATUSES: readonly ReferralStatus[] = ['transferred', 'accepted', 'declined', 'returned'];
