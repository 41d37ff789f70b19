// Back office, area "referral": the regulator's side of a police referral, on a report's case page
// (propose; approve or refuse; transfer; reconsider or return; exhibits; the package download).
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { z } from 'zod';
import { auditEntry } from '../../backoffice/audit.log.ts';
import { scopedCase } from '../../backoffice/case.view.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import { exportPackage } from '../../referral/package.ts';
import { addExhibit, addInspection, addTestReport } from '../../referral/records.service.ts';
import {
  type CopyMeans,
  approveReferral,
  handOverExhibits,
  proposeReferral,
  refuseReferral,
  requestReconsideration,
  requestSupervision,
  returnToAdministrative,
  transferReferral,
} from '../../referral/referral.service.ts';
import { referralOfCase, staffSteps } from '../../referral/referral.view.ts';
import { renderCasePage } from './case-page.render.tsx';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, messagesOf, requireText, str } from './kit.tsx';

const list = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' && v ? [v] : [];

export const REFERRAL_ROUTES = [
  { method: 'POST', path: '/cases/:id/referral', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'POST', path: '/cases/:id/referral/:rid/:step', access: ['handler', 'supervisor', 'director'], caseScoped: true },
  { method: 'GET', path: '/cases/:id/referral/:rid/package.zip', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'POST', path: '/cases/:id/records/:kind', access: ['handler', 'supervisor'], caseScoped: true },
] as const satisfies readonly RouteRule[];

export function referralRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const kit = kitFor(deps, REFERRAL_ROUTES);
  const { rule, body } = kit;
  const caseOf = (c: C) => scopedCase(deps.db, c.get('session').user, c.req.param('id') ?? '');

  /** A refused step shows the case page again with the messages in the referral panel. */
  const referralError = async (c: C, caseId: string, e: unknown) => {
    if (e instanceof AppError && ['VALIDATION', 'INVALID_TRANSITION', 'CONFLICT'].includes(e.code))
      return renderCasePage(kit, c, caseId, { referralErrors: messagesOf(e) }, e.status as ContentfulStatusCode);
    if (e instanceof z.ZodError) return renderCasePage(kit, c, caseId, { referralErrors: e.issues.map((i) => i.message) }, 422);
    throw e;
  };

  app.post('/cases/:id/referral', rule('POST', '/cases/:id/referral'), async (c) => {
    const row = await caseOf(c);
    const b = await body(c);
    const actor = c.get('actor');
    try {
      const audit = auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: 'propose_referral' } });
      await proposeReferral(
        deps,
        row.id,
        {
          offence: str(b.offence),
          reasons: str(b.reasons),
          officers: [str(b.officer1), str(b.officer2)].filter(Boolean),
          legalBasis: str(b.legalBasis),
        },
        actor,
        { audit },
      );
    } catch (e) {
      return referralError(c, row.id, e);
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}?done=propose_referral`, 303);
  });
  app.post('/cases/:id/referral/:rid/:step', rule('POST', '/cases/:id/referral/:rid/:step'), async (c) => {
    const row = await caseOf(c);
    const r = await referralOfCase(deps.db, row.id, c.req.param('rid'));
    const step = c.req.param('step');
    const s = c.get('session');
    const actor = c.get('actor');
    if (!staffSteps(s.user.role, { status: r.status, exhibitsConfirmedAt: null }).includes(step))
      throw new AppError('FORBIDDEN', '当前不能进行此操作');
    const b = await body(c);
    const audited = {
      audit: auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: `referral_${step}`, referralId: r.id } }),
    };
    try {
      if (step === 'approve') await approveReferral(deps, r.id, actor, audited);
      else if (step === 'refuse') await refuseReferral(deps, r.id, requireText(b.reason, '不同意移送的理由'), actor, audited);
      else if (step === 'transfer') {
        const disclose = b.discloseIdentity === 'on';
        await transferReferral(
          deps,
          r.id,
          {
            policeUnitId: str(b.policeUnitId),
            contactName: str(b.contactName),
            contactPhone: str(b.contactPhone),
            procuratorateCopy: { on: str(b.copyOn), means: str(b.copyMeans) as CopyMeans, docNumber: str(b.copyDoc) },
            discloseIdentity: disclose ? { reason: str(b.identityReason) } : undefined,
          },
          actor,
          audited,
        );
      } else if (step === 'reconsider') await requestReconsideration(deps, r.id, requireText(b.reason, '复议理由'), actor, audited);
      else if (step === 'return') await returnToAdministrative(deps, r.id, actor, audited);
      else if (step === 'supervise')
        await requestSupervision(deps, r.id, { on: str(b.on), docNumber: str(b.docNumber), reason: str(b.reason) }, actor, audited);
      else if (step === 'exhibits') await handOverExhibits(deps, r.id, list(b.exhibitIds), actor, audited);
      else throw new AppError('NOT_FOUND', '未知操作');
    } catch (e) {
      return referralError(c, row.id, e);
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}?done=referral_${step}`, 303);
  });
  // The investigation records: inspection, seizure/sample list, test reports (a PDF upload).
  app.post('/cases/:id/records/:kind', rule('POST', '/cases/:id/records/:kind'), async (c) => {
    const row = await caseOf(c);
    const kind = c.req.param('kind');
    const b = await body(c);
    const actor = c.get('actor');
    const audited = { audit: auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: `record_${kind}` } }) };
    try {
      if (kind === 'inspection')
        await addInspection(
          deps,
          row.id,
          {
            inspectedAt: str(b.inspectedAt),
            place: str(b.place),
            officers: [str(b.officer1), str(b.officer2), str(b.officer3)],
            findings: str(b.findings),
            businessName: str(b.businessName),
            businessAddress: str(b.businessAddress),
            creditCode: str(b.creditCode),
            operatorName: str(b.operatorName),
            amountYuan: str(b.amountYuan),
            amountNote: str(b.amountNote),
          },
          actor,
          audited,
        );
      else if (kind === 'exhibit')
        await addExhibit(
          deps,
          row.id,
          { kind: str(b.kind), item: str(b.item), quantity: str(b.quantity), keptAt: str(b.keptAt), note: str(b.note) },
          actor,
          audited,
        );
      else if (kind === 'report') {
        const f = b.file instanceof File ? b.file : Array.isArray(b.file) && b.file[0] instanceof File ? b.file[0] : null;
        await addTestReport(
          deps,
          row.id,
          { reportNo: str(b.reportNo), issuer: str(b.issuer), conclusion: str(b.conclusion) },
          f && f.size > 0 ? { bytes: new Uint8Array(await f.arrayBuffer()), name: f.name } : null,
          actor,
          audited,
        );
      } else throw new AppError('NOT_FOUND', '未知记录');
    } catch (e) {
      return referralError(c, row.id, e);
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}?done=record_${kind}#records-h`, 303);
  });
  app.get('/cases/:id/referral/:rid/package.zip', rule('GET', '/cases/:id/referral/:rid/package.zip'), async (c) => {
    const row = await caseOf(c);
    const r = await referralOfCase(deps.db, row.id, c.req.param('rid'));
    if (!r.police_unit_id) throw new AppError('NOT_FOUND', '尚未移送');
    const pkg = await exportPackage(deps, { id: r.id, caseId: row.id }, c.get('actor'));
    return c.body(new Uint8Array(pkg.zip), 200, {
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="referral-${pkg.manifest.caseNumber}.zip"`,
    });
  });
  return app;
}
