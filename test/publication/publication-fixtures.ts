// Fixtures for the publication tests: cases filed through the real intake, moved to a decision with the
// real repository (the steps before the decision are set directly, as the clock tests do), and the
// personal data planted in them, which must never reach a public page or export.
import { randomUUID } from 'node:crypto';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import type { Deps } from '../../src/deps.ts';

export const SUPERVISOR = { role: 'supervisor' as const, id: 'sup-1' };
export const HANDLER = { role: 'handler' as const, id: 'h-1' };

export const ENTITY = '新郑市好味道餐饮有限公司';

/** Personal data planted in the fixtures. */
export const PII = {
  reporterName: '王建国',
  reporterPhone: '13712345678',
  complainantName: '李秀英',
  complainantPhone: '13912345678',
  complainantPhoneSpaced: '139 1234 5678',
  complainantId: '410184199001011236',
  complainantAddress: '人民路8号院3号楼2单元501室',
  staffName: '张建华',
  staffPhone: '13598765432',
  personBusiness: '赵德柱',
};

export const REPORT_TEXT = `我是${PII.reporterName}，电话${PII.reporterPhone}。${ENTITY}后厨用过期的肉做卤菜，员工${PII.staffName}（电话${PII.staffPhone}）说老板让这么干的。`;
export const COMPLAINT_TEXT = `我叫${PII.complainantName}，住新郑市${PII.complainantAddress}，手机${PII.complainantPhoneSpaced}，身份证${PII.complainantId}。在店里买的卤肉发臭，吃了拉肚子。`;

export async function fileReport(deps: Deps, opts: { business?: string; township?: string } = {}): Promise<string> {
  const r = await deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'report',
      description: REPORT_TEXT,
      business: { name: opts.business ?? ENTITY, address: '新郑市新华路56号' },
      township: opts.township ?? '新华路街道',
      person: { name: PII.reporterName, phone: PII.reporterPhone },
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const c = await deps.db.selectFrom('intake_case').select('id').where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow();
  await deps.db
    .updateTable('intake_case')
    .set({ category: 'catering', township: opts.township ?? '新华路街道', unit_id: 'station-xhl' })
    .where('id', '=', c.id)
    .execute();
  return c.id;
}

export async function fileComplaint(deps: Deps, opts: { business?: string; consent?: boolean } = {}): Promise<string> {
  const r = await deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'complaint',
      description: COMPLAINT_TEXT,
      business: { name: opts.business ?? ENTITY, address: '新郑市新华路56号' },
      township: '新华路街道',
      request: '退款赔偿',
      person: { name: PII.complainantName, phone: PII.complainantPhone, address: `新郑市${PII.complainantAddress}` },
      consentToPublish: opts.consent ?? true,
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const c = await deps.db.selectFrom('intake_case').select('id').where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow();
  await deps.db.updateTable('intake_case').set({ category: 'catering', unit_id: 'station-xhl' }).where('id', '=', c.id).execute();
  return c.id;
}

/** A report decided with a penalty (the steps up to 立案 are set directly). */
export async function decidedPenalty(deps: Deps, data: Record<string, unknown> = {}, opts: { business?: string } = {}): Promise<string> {
  const id = await fileReport(deps, opts);
  await deps.db
    .updateTable('intake_case')
    .set({ status: 'case_opened', opened_at: deps.clock.now().toISOString() })
    .where('id', '=', id)
    .execute();
  await applyTransition(
    deps.db,
    id,
    {
      type: 'decide',
      data: {
        decision: '没收违法所得1200元，并处罚款人民币5,000元。',
        findings: `经查，当事人${ENTITY}使用超过保质期的食品原料加工卤菜，员工${PII.staffName}（电话${PII.staffPhone}）对此知情，举报人${PII.reporterName}反映属实。`,
        ...data,
      },
    },
    SUPERVISOR,
    deps.clock.now(),
  );
  return id;
}

export async function mediated(deps: Deps, opts: { business?: string; consent?: boolean } = {}): Promise<string> {
  const id = await fileComplaint(deps, opts);
  await deps.db.updateTable('intake_case').set({ status: 'mediating' }).where('id', '=', id).execute();
  await applyTransition(
    deps.db,
    id,
    { type: 'mediation_succeed', data: { agreement: `商家退还货款并赔偿${PII.complainantName}女士1000元。` } },
    HANDLER,
    deps.clock.now(),
  );
  return id;
}

export async function addSupervisor(deps: Deps, unitId: string): Promise<string> {
  const id = randomUUID();
  const at = deps.clock.now().toISOString();
  await deps.db
    .insertInto('staff_user')
    .values({
      id,
      username: `sup-${id.slice(0, 8)}`,
      display_name: '所长',
      role: 'supervisor',
      unit_id: unitId,
      skills: '[]',
      capacity: 0,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}
