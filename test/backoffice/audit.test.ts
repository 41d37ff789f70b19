// The audit log's hash chain: rows from real sign-ins and actions verify; editing or deleting any row
// (the last one included) is detected and named, by the library and by `npm run audit:verify`.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { AUDIT_GENESIS, type AuditEntry, appendAudit, verifyAuditLog } from '../../src/backoffice/audit.log.ts';
import type { Db } from '../../src/db/database.ts';
import { UNIT_A, makeCase, makeUser, signedIn, useBackoffice } from './helpers.ts';

const run = promisify(execFile);
const bo = useBackoffice();
/** An audit row alone in its transaction, as an export writes it. */
const appendAuditNow = (db: Db, entry: AuditEntry, now: Date) => db.transaction().execute((trx) => appendAudit(trx, entry, now));

async function cli(): Promise<{ code: number; out: string }> {
  try {
    const r = await run('npx', ['tsx', 'src/backoffice/audit-verify.cli.ts'], {
      env: { ...process.env, ...bo.t.env.env },
      cwd: process.cwd(),
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

describe('audit log', () => {
  it('keeps one unbroken chain under concurrent appends', async () => {
    const before = Number((await bo.t.db.selectFrom('audit_head').select('seq').executeTakeFirstOrThrow()).seq);
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAuditNow(bo.t.db, { actorId: null, actorRole: 'system', action: 'export', detail: { i } }, new Date()),
      ),
    );
    const r = await verifyAuditLog(bo.t.db);
    expect(r).toMatchObject({ ok: true, rows: before + 20 });
    await bo.t.db.deleteFrom('audit_log').execute(); // start the next test from an empty log
    await bo.t.db.updateTable('audit_head').set({ seq: 0, hash: AUDIT_GENESIS }).where('id', '=', 1).execute();
  });

  it('chains sign-ins, identity views and actions, and detects an edited, a deleted and a removed last row', async () => {
    const handler = await makeUser(bo, 'audit.handler', 'handler', UNIT_A);
    const k = await makeCase(bo, 'complaint', { unitId: UNIT_A, assigneeId: handler });
    const c = await signedIn(bo, 'audit.handler');
    await c.get(`/staff/cases/${k.id}`);
    await c.post(`/staff/cases/${k.id}/identity`, { reason: '核实投诉人身份' });
    await c.get(`/staff/cases/${k.id}`);
    const version = (await bo.t.db.selectFrom('intake_case').select('version').where('id', '=', k.id).executeTakeFirstOrThrow()).version;
    expect((await c.post(`/staff/cases/${k.id}/actions/accept`, { version: String(version) })).status).toBe(303);
    for (let i = 0; i < 3; i++)
      await appendAuditNow(bo.t.db, { actorId: null, actorRole: 'system', action: 'export', detail: { n: i } }, new Date());

    const rows = await bo.t.db.selectFrom('audit_log').select(['seq', 'action']).orderBy('seq').execute();
    expect(rows.map((r) => r.action)).toEqual(
      expect.arrayContaining(['user_created', 'sign_in', 'identity_viewed', 'case_action', 'export']),
    );
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
    expect(await verifyAuditLog(bo.t.db)).toMatchObject({ ok: true, problems: [] });
    const good = await cli();
    expect(good.code).toBe(0);
    expect(good.out).toContain(`${rows.length} rows`);

    // 1. Someone softens the reason of the identity view.
    const viewed = await bo.t.db
      .selectFrom('audit_log')
      .select(['seq', 'detail'])
      .where('action', '=', 'identity_viewed')
      .executeTakeFirstOrThrow();
    const seqViewed = Number(viewed.seq);
    await bo.t.db
      .updateTable('audit_log')
      .set({ detail: viewed.detail!.replace('核实投诉人身份', '例行检查') })
      .where('seq', '=', seqViewed)
      .execute();
    let r = await verifyAuditLog(bo.t.db);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([expect.objectContaining({ seq: seqViewed, problem: 'edited' })]);
    const edited = await cli();
    expect(edited.code).toBe(1);
    expect(edited.out).toContain(`row ${seqViewed}: edited`);
    await bo.t.db.updateTable('audit_log').set({ detail: viewed.detail }).where('seq', '=', seqViewed).execute();
    expect((await verifyAuditLog(bo.t.db)).ok).toBe(true);

    // 2. Someone deletes the sign-in row.
    const signIn = Number(
      (await bo.t.db.selectFrom('audit_log').select('seq').where('action', '=', 'sign_in').executeTakeFirstOrThrow()).seq,
    );
    const saved = await bo.t.db.selectFrom('audit_log').selectAll().where('seq', '=', signIn).executeTakeFirstOrThrow();
    await bo.t.db.deleteFrom('audit_log').where('seq', '=', signIn).execute();
    r = await verifyAuditLog(bo.t.db);
    expect(r.problems).toEqual([expect.objectContaining({ seq: signIn, problem: 'deleted' })]);
    const deleted = await cli();
    expect(deleted.code).toBe(1);
    expect(deleted.out).toContain(`row ${signIn}: deleted`);
    await bo.t.db.insertInto('audit_log').values(saved).execute();

    // 3. Someone deletes the newest row (no successor to notice): the head still knows it existed.
    const last = rows.length;
    await bo.t.db.deleteFrom('audit_log').where('seq', '=', last).execute();
    r = await verifyAuditLog(bo.t.db);
    expect(r.problems).toEqual([expect.objectContaining({ seq: last, problem: 'deleted' })]);

    // 4. Re-hashing an edited row breaks the link from the next one.
    await bo.t.db.executeQuery(sql`update audit_log set hash = ${'0'.repeat(64)} where seq = ${2}`.compile(bo.t.db));
    r = await verifyAuditLog(bo.t.db);
    expect(r.problems.map((p) => p.seq)).toContain(2);
  });
});
