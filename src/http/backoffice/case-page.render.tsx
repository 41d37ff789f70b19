// The case page, rendered from casePageData (src/backoffice/case-page.view.ts), with what a refused
// form brings back (its messages and values, a revealed identity). Shared by the cases and referral areas.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { casePageData } from '../../backoffice/case-page.view.ts';
import type { PartyIdentity } from '../../cases/intake.service.ts';
import { type ActionError, CasePage } from './case.page.tsx';
import type { C } from './guard.ts';
import { type Kit, render } from './kit.tsx';
import { ReferralPanel } from './referral.pages.tsx';

export interface CasePageExtra {
  identities?: { role: string; identity: PartyIdentity }[];
  identityError?: string;
  actionError?: ActionError;
  flash?: string;
  referralErrors?: string[];
}

export async function renderCasePage(kit: Kit, c: C, id: string, extra: CasePageExtra, status: ContentfulStatusCode = 200) {
  const s = c.get('session');
  const data = await casePageData(kit.deps, s.user, id);
  const referralPanel = data.referral ? (
    <ReferralPanel
      caseId={id}
      token={kit.token(c)}
      referrals={data.referral.referrals}
      canPropose={data.referral.canPropose}
      steps={data.referral.steps}
      policeUnits={data.referral.policeUnits}
      errors={extra.referralErrors ?? []}
      records={data.referral.records}
      canRecord={data.referral.canRecord}
    />
  ) : null;
  return render(
    c,
    <CasePage
      user={s.user}
      token={kit.token(c)}
      view={data.view}
      events={data.events}
      handlers={data.handlers}
      identities={extra.identities ?? null}
      identityAllowed={data.identityAllowed}
      identityError={extra.identityError ?? null}
      actionError={extra.actionError ?? null}
      flash={extra.flash ?? null}
      now={kit.deps.clock.now()}
      rewardCase={data.rewardCase}
      referralPanel={referralPanel}
      dispositionLink={data.dispositionLink ? `/staff/cases/${encodeURIComponent(id)}/disposition` : null}
      undoAutoSplit={data.undoAutoSplit}
      splitReport={data.splitReport}
    />,
    status,
  );
}
