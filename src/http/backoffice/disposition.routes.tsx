// Back office, area "disposition": reviewing a case's publication record (edit, approve; a supervisor
// corrects or withdraws a published one).
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { auditEntry } from '../../backoffice/audit.log.ts';
import { scopedCase } from '../../backoffice/case.view.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../lib/errors.ts';
import {
  approveDisposition,
  correctDisposition,
  editDraftDisposition,
  endPublicationEarly,
  recordNationalEntry,
  recordOverturn,
  recordPartyTold,
  withdrawDisposition,
} from '../../publication/disposition.service.ts';
import { dispositionIdOfCase, dispositionReviewOfCase } from '../../publication/disposition.view.ts';
import { DispositionPage } from './disposition.page.tsx';
import type { BoEnv, C, RouteRule } from './guard.ts';
import { kitFor, messagesOf, render, requireText, str } from './kit.tsx';

export const DISPOSITION_ROUTES = [
  { method: 'GET', path: '/cases/:id/disposition', access: ['handler', 'supervisor'], caseScoped: true },
  { method: 'POST', path: '/cases/:id/disposition/:step', access: ['handler', 'supervisor'], caseScoped: true },
] as const satisfies readonly RouteRule[];

const DONE: Record<string, string> = {
  approve: '已审核通过并公开。',
  correct: '已更正。',
  withdraw: '已撤回。',
  end: '已提前结束公示。',
  tell: '已记录告知当事人。',
  national: '已登记国家企业信用信息公示系统录入情况。',
  overturn: '已登记：请在3个工作日内撤下或更正公示信息。',
};

export function dispositionRoutes(deps: Deps) {
  const app = new Hono<BoEnv>();
  const { rule, token, body } = kitFor(deps, DISPOSITION_ROUTES);
  const caseOf = (c: C) => scopedCase(deps.db, c.get('session').user, c.req.param('id') ?? '');

  const dispositionPage = async (c: C, extra: { errors?: string[]; flash?: string }, status: ContentfulStatusCode = 200) => {
    const row = await caseOf(c);
    const review = await dispositionReviewOfCase(deps, row.id);
    const s = c.get('session');
    return render(
      c,
      <DispositionPage
        user={s.user}
        token={token(c)}
        caseId={row.id}
        caseNumber={review.caseNumber}
        d={review.disposition}
        sources={review.sources}
        canApprove={s.user.role === 'supervisor'}
        errors={extra.errors ?? []}
        flash={extra.flash ?? null}
      />,
      status,
    );
  };
  app.get('/cases/:id/disposition', rule('GET', '/cases/:id/disposition'), (c) =>
    dispositionPage(c, c.req.query('done') ? { flash: DONE[c.req.query('done') ?? ''] ?? '已保存。' } : {}),
  );
  app.post('/cases/:id/disposition/:step', rule('POST', '/cases/:id/disposition/:step'), async (c) => {
    const row = await caseOf(c);
    const step = c.req.param('step');
    const b = await body(c);
    const actor = c.get('actor');
    const id = await dispositionIdOfCase(deps.db, row.id);
    const expectedVersion = Number(str(b.version));
    const opts = {
      expectedVersion,
      audit: auditEntry(actor, 'case_action', { caseId: row.id, detail: { event: `disposition_${step}`, dispositionId: id } }),
    };
    try {
      if (step === 'edit')
        await editDraftDisposition(
          deps,
          id,
          { findingsText: requireText(b.findingsText, '查明的事实'), decisionText: requireText(b.decisionText, '处理决定') },
          actor,
          opts,
        );
      else if (step === 'approve') await approveDisposition(deps, id, actor, opts);
      else if (step === 'overturn') {
        if (actor.role !== 'supervisor') throw new AppError('FORBIDDEN', '须由负责人登记');
        await recordOverturn(deps, id, requireText(b.reason, '决定被撤销或变更的情况'), actor, opts);
      } else if (step === 'national') await recordNationalEntry(deps, id, { on: str(b.entryOn), reference: str(b.entryRef) }, actor, opts);
      else if (step === 'tell') await recordPartyTold(deps, id, { on: str(b.toldOn), how: str(b.toldHow) }, actor, opts);
      else if (step === 'correct' || step === 'withdraw' || step === 'end') {
        // Corrections, withdrawals and early ends of published records: supervisors only (the reason is kept).
        if (actor.role !== 'supervisor') throw new AppError('FORBIDDEN', '更正、撤回或提前结束公示须由负责人操作');
        if (step === 'end') await endPublicationEarly(deps, id, requireText(b.reason, '提前结束公示的理由'), actor, opts);
        else if (step === 'correct')
          await correctDisposition(
            deps,
            id,
            { findingsText: requireText(b.findingsText, '查明的事实'), decisionText: requireText(b.decisionText, '处理决定') },
            requireText(b.reason, '更正理由'),
            actor,
            opts,
          );
        else await withdrawDisposition(deps, id, requireText(b.reason, '撤回理由'), actor, opts);
      } else throw new AppError('NOT_FOUND', '未知操作');
    } catch (e) {
      if (e instanceof AppError && ['VALIDATION', 'INVALID_TRANSITION', 'CONFLICT', 'FORBIDDEN'].includes(e.code))
        return dispositionPage(c, { errors: messagesOf(e) }, e.status as ContentfulStatusCode);
      throw e;
    }
    return c.redirect(`/staff/cases/${encodeURIComponent(row.id)}/disposition?done=${step}`, 303);
  });
  return app;
}
