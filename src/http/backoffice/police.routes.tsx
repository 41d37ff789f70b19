// Back office, area "police": officers see only referrals transferred to their own unit, with their
// clocks and the package; they accept, decline or report back, and can hand a matter back to intake.
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditEntry } from '../../backoffice/audit.log.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { letterPage } from '../../referral/letter.tsx';
import { exportPackage, referralPublicKey } from '../../referral/package.ts';
import {
  type FeedbackOutcome,
  type HandoverAnswer,
  policeAccept,
  policeAnswerHandover,
  policeDecline,
  policeExtend,
  policeFeedback,
  receiveFromPolice,
} from '../../referral/referral.service.ts';
import { dossierForPolice, policeInboxItems, policeReferralView, referralForPolice } from '../../referral/referral.view.ts';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, messagesOf, render, str } from './kit.tsx';
import { BO_STYLESHEET } from './layout.tsx';
import { PoliceInboxPage, PoliceKeyPage, PoliceReferralPage, PoliceReportPage } from './referral.pages.tsx';

export const POLICE_ROUTES = [
  { method: 'GET', path: '/police', access: ['police'] },
  { method: 'GET', path: '/police/report', access: ['police'] },
  { method: 'GET', path: '/police/public-key', access: ['police'] },
  { method: 'GET', path: '/police/public-key.pem', access: ['police'] },
  { method: 'POST', path: '/police/report', access: ['police'] },
  { method: 'GET', path: '/police/referrals/:rid', access: ['police'], referralScoped: true },
  { method: 'GET', path: '/police/referrals/:rid/letter', access: ['police'], referralScoped: true },
  { method: 'GET', path: '/police/referrals/:rid/package.zip', access: ['police'], referralScoped: true },
  { method: 'POST', path: '/police/referrals/:rid/:step', access: ['police'], referralScoped: true },
] as const satisfies readonly RouteRule[];

export function policeRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, POLICE_ROUTES);
  const referralOf = (c: C) => referralForPolice(deps.db, c.get('actor'), c.req.param('rid') ?? '');

  const policePage = async (c: C, extra: { errors?: string[]; flash?: string }, status: ContentfulStatusCode = 200) => {
    const { item, referral, dossier } = await policeReferralView(deps, c.get('actor'), await referralOf(c));
    return render(
      c,
      <PoliceReferralPage
        user={c.get('session').user}
        token={token(c)}
        item={item}
        referral={referral}
        dossier={dossier}
        errors={extra.errors ?? []}
        flash={extra.flash ?? null}
      />,
      status,
    );
  };
  app.get('/police', rule('GET', '/police'), async (c) => {
    const items = await policeInboxItems(deps, c.get('actor'));
    return render(c, <PoliceInboxPage user={c.get('session').user} token={token(c)} items={items} />);
  });
  app.get('/police/public-key', rule('GET', '/police/public-key'), async (c) => {
    const k = await referralPublicKey(deps.config.dataDir);
    return render(c, <PoliceKeyPage user={c.get('session').user} token={token(c)} pem={k.pem} fingerprint={k.fingerprint} />);
  });
  app.get('/police/public-key.pem', rule('GET', '/police/public-key.pem'), async (c) => {
    const k = await referralPublicKey(deps.config.dataDir);
    return c.body(k.pem, 200, {
      'Content-Type': 'application/x-pem-file',
      'Content-Disposition': 'attachment; filename="referral-public-key.pem"',
    });
  });
  app.get('/police/report', rule('GET', '/police/report'), (c) =>
    render(c, <PoliceReportPage user={c.get('session').user} token={token(c)} errors={[]} values={{}} number={null} />),
  );
  app.post('/police/report', rule('POST', '/police/report'), async (c) => {
    const b = await body(c);
    const values = {
      description: str(b.description),
      businessName: str(b.businessName),
      businessAddress: str(b.businessAddress),
      township: str(b.township),
      policeRef: str(b.policeRef),
    };
    const actor = c.get('actor');
    try {
      if (values.policeRef.trim().length < 2)
        throw new AppError('VALIDATION', '请填写移交文号', [{ path: 'policeRef', message: '请填写移交文号' }]);
      const audit = (number: string) => auditEntry(actor, 'case_action', { detail: { event: 'police_report', number } });
      const number = await receiveFromPolice(
        deps,
        {
          description: values.description,
          policeRef: values.policeRef.trim(),
          ...(values.businessName ? { businessName: values.businessName } : {}),
          ...(values.businessAddress ? { businessAddress: values.businessAddress } : {}),
          ...(values.township ? { township: values.township } : {}),
        },
        actor,
        { audit },
      );
      return render(c, <PoliceReportPage user={c.get('session').user} token={token(c)} errors={[]} values={{}} number={number} />, 201);
    } catch (e) {
      if (e instanceof AppError && e.code === 'VALIDATION')
        return render(
          c,
          <PoliceReportPage user={c.get('session').user} token={token(c)} errors={messagesOf(e)} values={values} number={null} />,
          422,
        );
      throw e;
    }
  });
  app.get('/police/referrals/:rid', rule('GET', '/police/referrals/:rid'), (c) =>
    policePage(c, c.req.query('done') ? { flash: '已记录并通知移送机关。' } : {}),
  );
  app.get('/police/referrals/:rid/letter', rule('GET', '/police/referrals/:rid/letter'), async (c) => {
    const r = await referralOf(c);
    const d = await dossierForPolice(deps, c.get('actor'), r.id, r.case_id);
    return c.html(letterPage(d, { stylesheet: `/staff${BO_STYLESHEET.path}` }));
  });
  app.get('/police/referrals/:rid/package.zip', rule('GET', '/police/referrals/:rid/package.zip'), async (c) => {
    const r = await referralOf(c);
    const pkg = await exportPackage(deps, { id: r.id, caseId: r.case_id }, c.get('actor'));
    return c.body(new Uint8Array(pkg.zip), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="referral-${pkg.manifest.caseNumber}.zip"`,
    });
  });
  app.post('/police/referrals/:rid/:step', rule('POST', '/police/referrals/:rid/:step'), async (c) => {
    const r = await referralOf(c);
    const step = c.req.param('step');
    const actor = c.get('actor');
    const b = await body(c);
    const audited = {
      audit: auditEntry(actor, 'case_action', { caseId: r.case_id, detail: { event: `police_${step}`, referralId: r.id } }),
    };
    try {
      if (step === 'accept')
        await policeAccept(
          deps,
          r.id,
          { policeCaseNumber: str(b.policeCaseNumber), acceptedOn: str(b.acceptedOn), officer: str(b.officer) },
          actor,
          audited,
        );
      else if (step === 'decline') await policeDecline(deps, r.id, { reason: str(b.reason), basis: str(b.basis) }, actor, audited);
      else if (step === 'extend') await policeExtend(deps, r.id, { reason: str(b.reason) }, actor, audited);
      else if (step === 'feedback')
        await policeFeedback(deps, r.id, { outcomeKind: str(b.outcomeKind) as FeedbackOutcome, note: str(b.note) }, actor, audited);
      else if (step === 'exhibits') {
        const answers: HandoverAnswer[] = Object.keys(b)
          .filter((k) => k.startsWith('answer.'))
          .map((k): HandoverAnswer => {
            const id = k.slice('answer.'.length);
            const v = str(b[k]);
            return { exhibitId: id, answer: v === 'disputed' ? 'disputed' : 'confirmed', note: str(b[`note.${id}`]) };
          })
          .filter((a) => ['confirmed', 'disputed'].includes(str(b[`answer.${a.exhibitId}`])));
        await policeAnswerHandover(deps, r.id, answers, actor, audited);
      } else throw new AppError('NOT_FOUND', '未知操作');
    } catch (e) {
      if (e instanceof AppError && ['VALIDATION', 'INVALID_TRANSITION', 'CONFLICT'].includes(e.code))
        return policePage(c, { errors: messagesOf(e) }, e.status as ContentfulStatusCode);
      throw e;
    }
    return c.redirect(`/staff/police/referrals/${encodeURIComponent(r.id)}?done=${step}`, 303);
  });
  return app;
}
