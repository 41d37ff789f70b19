// Direct tests of two services every screen relies on: reassignment (who may be given a case, what the
// case and the new handler see, what is refused and leaves nothing changed) and account changes (own
// password, an admin disabling, enabling and resetting accounts: sessions end, audit rows written, the
// last admin kept).
import { describe, expect, it } from 'vitest';
import { changePassword, resetPassword, setUserActive, WRONG_CURRENT_PASSWORD } from '../../src/backoffice/account.service.ts';
import { createSession, loadSession } from '../../src/backoffice/session.service.ts';
import { verifyPassword } from '../../src/backoffice/password.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { AppError } from '../../src/lib/errors.ts';
import { reassignCase } from '../../src/routing/reassign.service.ts';
import { PASSWORD, UNIT_A, UNIT_B, makeCase, makeUser, useBackoffice } from './helpers.ts';

const bo = useBackoffice();
const SUPERVISOR = { role: 'supervisor' as const, id: 'sup-x' };

async function caseRow(id: string) {
  return bo.t.db.selectFrom('intake_case').select(['status', 'assignee_id', 'unit_id']).where('id', '=', id).executeTakeFirstOrThrow();
}
async function events(id: string) {
  return bo.t.db
    .selectFrom('case_event')
    .select(['type', 'reason', 'from_status', 'to_status'])
    .where('case_id', '=', id)
    .orderBy('at')
    .execute();
}
async function notices(userId: string) {
  return bo.t.db.selectFrom('staff_notification').select(['kind', 'case_id', 'message']).where('user_id', '=', userId).execute();
}
async function auditActions() {
  return (await bo.t.db.selectFrom('audit_log').select(['action']).orderBy('seq').execute()).map((r) => r.action);
}
async function code(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (e) {
    return e instanceof AppError ? e.code : String(e);
  }
}

describe('reassign', () => {
  it('a waiting case is assigned: status, handler and unit set, the handler told, last_assigned_at stamped', async () => {
    const h = await makeUser(bo, 'ra.h1', 'handler', UNIT_A);
    const k = await makeCase(bo, 'complaint');
    await reassignCase(bo.t.deps, k.id, h, SUPERVISOR, '按片区分派');
    expect(await caseRow(k.id)).toEqual({ status: 'assigned', assignee_id: h, unit_id: UNIT_A });
    expect((await events(k.id)).at(-1)).toMatchObject({ type: 'assign', from_status: 'triaged', to_status: 'assigned' });
    expect(await notices(h)).toEqual([{ kind: 'assigned', case_id: k.id, message: `案件 ${k.number} 已分派给您` }]);
    const u = await bo.t.db.selectFrom('staff_user').select('last_assigned_at').where('id', '=', h).executeTakeFirstOrThrow();
    expect(u.last_assigned_at).not.toBeNull();
  });

  it('a case being handled is reassigned across units with its reason; the status stays', async () => {
    const h1 = await makeUser(bo, 'ra.h2', 'handler', UNIT_A);
    const h2 = await makeUser(bo, 'ra.h3', 'handler', UNIT_B);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: h1 });
    await applyTransition(bo.t.db, k.id, { type: 'accept' }, { role: 'handler', id: h1 }, bo.t.deps.clock.now());
    await reassignCase(bo.t.deps, k.id, h2, SUPERVISOR, '承办人休假');
    expect(await caseRow(k.id)).toEqual({ status: 'accepted', assignee_id: h2, unit_id: UNIT_B });
    expect((await events(k.id)).at(-1)).toEqual({ type: 'reassign', reason: '承办人休假', from_status: 'accepted', to_status: 'accepted' });
    expect(await notices(h2)).toHaveLength(1);
  });

  it('refuses, changing nothing: an inactive handler, a non-handler, an unknown case, a handler as actor, no reason, a closed case', async () => {
    const h = await makeUser(bo, 'ra.h4', 'handler', UNIT_A);
    const gone = await makeUser(bo, 'ra.gone', 'handler', UNIT_A);
    await bo.t.db.updateTable('staff_user').set({ active: 0 }).where('id', '=', gone).execute();
    const sup = await makeUser(bo, 'ra.sup', 'supervisor', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: h });
    const before = await caseRow(k.id);
    const eventsBefore = (await events(k.id)).length;
    expect(await code(reassignCase(bo.t.deps, k.id, gone, SUPERVISOR, '调整'))).toBe('VALIDATION');
    expect(await code(reassignCase(bo.t.deps, k.id, sup, SUPERVISOR, '调整'))).toBe('VALIDATION');
    expect(await code(reassignCase(bo.t.deps, k.id, 'nobody', SUPERVISOR, '调整'))).toBe('VALIDATION');
    expect(await code(reassignCase(bo.t.deps, crypto.randomUUID(), h, SUPERVISOR, '调整'))).toBe('CASE_NOT_FOUND');
    const h5 = await makeUser(bo, 'ra.h5', 'handler', UNIT_A);
    expect(await code(reassignCase(bo.t.deps, k.id, h5, { role: 'handler', id: h }, '我不想办'))).toBe('FORBIDDEN');
    expect(await code(reassignCase(bo.t.deps, k.id, h5, SUPERVISOR, ''))).toBe('VALIDATION');
    expect(await caseRow(k.id)).toEqual(before);
    expect(await events(k.id)).toHaveLength(eventsBefore);
    expect(await notices(h5)).toEqual([]); // the notice is in the refused transaction: rolled back with it
    await bo.t.db.updateTable('intake_case').set({ status: 'closed' }).where('id', '=', k.id).execute();
    expect(await code(reassignCase(bo.t.deps, k.id, h5, SUPERVISOR, '调整'))).toBe('INVALID_TRANSITION');
    expect((await caseRow(k.id)).assignee_id).toBe(h);
  });
});

describe('account changes', () => {
  const now = () => bo.t.deps.clock.now();
  async function sessionOf(userId: string) {
    const { token } = await createSession(bo.t.db, userId, now());
    return token;
  }
  async function user(id: string) {
    return bo.t.db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  }

  it('changing one’s own password checks the current one, the rules and the confirmation; other sessions end', async () => {
    const id = await makeUser(bo, 'ac.self', 'handler', UNIT_A);
    const mine = await sessionOf(id);
    const other = await sessionOf(id);
    const s = await loadSession(bo.t.db, mine, now());
    if (!s) throw new Error('no session');
    const audited = (await auditActions()).length;
    expect(await changePassword(bo.t.db, s, 'wrong-password', 'New-Horse-7-Staple', 'New-Horse-7-Staple', now())).toEqual([
      WRONG_CURRENT_PASSWORD,
    ]);
    expect((await auditActions()).slice(audited)).toEqual(['password_change_failed']);
    expect(await changePassword(bo.t.db, s, PASSWORD, 'New-Horse-7-Staple', 'New-Horse-7-Stapl', now())).toContain(
      '两次输入的新密码不一致',
    );
    expect(await changePassword(bo.t.db, s, PASSWORD, PASSWORD, PASSWORD, now())).toContain('新密码不能与当前密码相同');
    expect((await changePassword(bo.t.db, s, PASSWORD, 'short', 'short', now())).length).toBeGreaterThan(0);
    expect(await verifyPassword((await user(id)).password_hash ?? '', PASSWORD)).toBe(true); // nothing changed yet
    expect(await changePassword(bo.t.db, s, PASSWORD, 'New-Horse-7-Staple', 'New-Horse-7-Staple', now())).toEqual([]);
    expect(await verifyPassword((await user(id)).password_hash ?? '', 'New-Horse-7-Staple')).toBe(true);
    expect(await loadSession(bo.t.db, mine, now())).not.toBeNull();
    expect(await loadSession(bo.t.db, other, now())).toBeNull();
    expect((await auditActions()).at(-1)).toBe('password_changed');
  });

  it('an admin disables (sessions end), re-enables and resets (one-time password, sessions end); each audited', async () => {
    const admin = { id: await makeUser(bo, 'ac.admin', 'admin', null), role: 'admin' as const };
    const id = await makeUser(bo, 'ac.target', 'handler', UNIT_A);
    const token = await sessionOf(id);
    await setUserActive(bo.t.db, id, false, admin, now());
    expect((await user(id)).active).toBe(0);
    expect(await loadSession(bo.t.db, token, now())).toBeNull();
    expect((await auditActions()).at(-1)).toBe('user_disabled');
    const count = (await auditActions()).length;
    await setUserActive(bo.t.db, id, false, admin, now()); // already disabled: nothing to record
    expect(await auditActions()).toHaveLength(count);
    await setUserActive(bo.t.db, id, true, admin, now());
    expect((await user(id)).active).toBe(1);
    expect((await auditActions()).at(-1)).toBe('user_enabled');

    const token2 = await sessionOf(id);
    const reset = await resetPassword(bo.t.db, id, admin, now());
    expect(reset.username).toBe('ac.target');
    const after = await user(id);
    expect(after.must_change_password).toBe(1);
    expect(await verifyPassword(after.password_hash ?? '', reset.password)).toBe(true);
    expect(await verifyPassword(after.password_hash ?? '', PASSWORD)).toBe(false);
    expect(await loadSession(bo.t.db, token2, now())).toBeNull();
    expect((await auditActions()).at(-1)).toBe('password_reset');
  });

  it('refuses acting on oneself, an unknown user, and disabling the last active admin', async () => {
    const admins = await bo.t.db.selectFrom('staff_user').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    const me = { id: admins[0]!.id, role: 'admin' as const };
    expect(await code(setUserActive(bo.t.db, me.id, false, me, now()))).toBe('VALIDATION');
    expect(await code(resetPassword(bo.t.db, me.id, me, now()))).toBe('VALIDATION');
    expect(await code(setUserActive(bo.t.db, crypto.randomUUID(), false, me, now()))).toBe('NOT_FOUND');
    // Disable every other admin; the last one cannot be disabled by anyone.
    const other = { id: await makeUser(bo, 'ac.admin2', 'admin', null), role: 'admin' as const };
    for (const a of admins) if (a.id !== me.id) await setUserActive(bo.t.db, a.id, false, other, now());
    expect(await code(setUserActive(bo.t.db, other.id, false, me, now()))).toBe('ok');
    const last = await bo.t.db.selectFrom('staff_user').select('id').where('role', '=', 'admin').where('active', '=', 1).execute();
    expect(last.map((a) => a.id)).toEqual([me.id]);
    expect(await code(setUserActive(bo.t.db, me.id, false, other, now()))).toBe('VALIDATION');
    expect((await user(me.id)).active).toBe(1);
  });
});
