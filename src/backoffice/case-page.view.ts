// Everything the back office's case page needs besides the case view itself: the actions this user may
// take now (with the handlers they may assign to), the referral panel of a report, whether the case has
// a publication record to review. Read after the scope check (loadCaseView throws first).
import { maySplitReport } from './split-report.service.ts';
import type { TransitionEvent } from '../cases/case.machine.ts';
import type { Deps } from '../deps.ts';
import { rewardCaseExists } from '../rewards/reward.service.ts';
import { caseHasDisposition } from '../publication/disposition.view.ts';
import { type ReferralRowView, mayPropose, referralsOfCase, staffSteps } from '../referral/referral.view.ts';
import { type CaseRecords, caseRecords } from '../referral/records.service.ts';
import { mayUndoAutoSplit } from './auto-split.service.ts';
import { assignableHandlers, formActions } from './case.actions.ts';
import { type CaseView, loadCaseView } from './case.view.ts';
import { mayRevealIdentity } from './scope.ts';
import type { StaffUser } from './session.service.ts';
import { policeUnits } from './unit.service.ts';

export interface ReferralPanelData {
  referrals: ReferralRowView[];
  canPropose: boolean;
  /** Per referral, the steps this user may take now. */
  steps: Map<string, string[]>;
  policeUnits: { id: string; name: string }[];
  /** The investigation records (inspection, seizure/sample list, test reports) and whether this user may add to them. */
  records: CaseRecords;
  canRecord: boolean;
}

export interface CasePageData {
  view: CaseView;
  /** Actions with a form that this user may take now. */
  events: TransitionEvent[];
  handlers: Awaited<ReturnType<typeof assignableHandlers>>;
  identityAllowed: boolean;
  /** A report's referrals, when it has any or one may be proposed now; otherwise null. */
  referral: ReferralPanelData | null;
  /** The case has a publication record and this user reviews them. */
  dispositionLink: boolean;
  /** Intake split this submission in two and this user may fold it back (auto-split.service.ts). */
  undoAutoSplit: boolean;
  /** A reward case exists (issue 15): handlers learn only that, never its details. */
  rewardCase: boolean;
  /** A report may be split off this complaint (Order 121 Art. 9). */
  splitReport: boolean;
}

export async function casePageData(deps: Deps, user: StaffUser, caseId: string): Promise<CasePageData> {
  const view = await loadCaseView(deps, user, caseId);
  const role = user.role;
  const isReport = view.row.kind === 'report';
  const referrals = isReport ? await referralsOfCase(deps.db, caseId) : [];
  const proposable = isReport && mayPropose(role, view.row, referrals);
  const referral =
    isReport && (referrals.length > 0 || proposable)
      ? {
          referrals,
          canPropose: ['handler', 'supervisor'].includes(role) && proposable,
          steps: new Map(referrals.map((r) => [r.id, staffSteps(role, r)])),
          policeUnits: await policeUnits(deps.db),
          records: await caseRecords(deps.db, caseId),
          canRecord: ['handler', 'supervisor'].includes(role) && view.row.closed_at === null,
        }
      : null;
  // Clock actions only where a clock can take them (the machine allows them in any open status).
  const events = formActions(view.row, role).filter((e) =>
    e === 'pause_clock'
      ? view.clocks.some((k) => k.status === 'running' && k.pausable.length > 0)
      : e === 'resume_clock'
        ? view.clocks.some((k) => k.status === 'paused')
        : e === 'extend_clock'
          ? view.clocks.some((k) => k.status === 'running' && k.extendable)
          : e === 'record_notice'
            ? view.duties.some((d) => d.status === 'pending')
            : true,
  );
  const handlers = events.includes('assign') || events.includes('reassign') ? await assignableHandlers(deps, user) : [];
  const dispositionLink = (await caseHasDisposition(deps.db, caseId)) && ['handler', 'supervisor'].includes(role);
  const undoAutoSplit = await mayUndoAutoSplit(deps.db, user, caseId);
  const rewardCase = isReport && view.row.wants_reward === 1 && (await rewardCaseExists(deps.db, caseId));
  const splitReport = await maySplitReport(deps, user, caseId);
  return {
    view,
    events,
    handlers,
    identityAllowed: mayRevealIdentity(user, view.row),
    referral,
    dispositionLink,
    undoAutoSplit,
    rewardCase,
    splitReport,
  };
}
