// The keyed audit chain and its anchors (issue #17.1): a row deleted and the rest re-chained is found
// (without the key the MACs cannot be redone; with the key, the anchors outside the database disagree),
// and `npm run audit:verify` names the first row that breaks.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { anchorPath, readAnchors } from '../../src/backoffice/audit-anchor.ts';
import { AUDIT_GENESIS, type AuditEntry, appendAudit, auditHash, auditKeyFrom, verifyAuditLog } from '../../src/backoffice/audit.log.ts';
import type { Db } from '../../src/db/database.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const run = promisify(execFile);
let t: TestDeps;
beforeAll(async () => {
  t = await testDeps({ overrides: { AUDIT_ANCHOR_EVERY: '5' } });
});
afterAll(async () => {
  await t.close();
});

const entry = (i: number): AuditEntry => ({ actorId: null, actorRole: 'system', action: 'export', detail: { i } });
const append = (db: Db, i: number) => db.transaction().execute((trx) => appendAudit(trx, entry(i), new Date('2026-12-01T08:00:00Z')));

async function cli(): Promise<{ code: number; out: string }> {
  try {
    const r = await run('npx', ['tsx', 'src/backoffice/audit-verify.cli.ts'], {
      env: { ...process.env, ...t.env.env },
      cwd: process.cwd(),
    });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, out: err.stdout + err.stderr };
  }
}

/** What a tamperer does: delete row `seq`, renumber and re-chain every later row with `key` (null: plain SHA-256). */
async function deleteAndRechain(db: Db, seq: number, key: Buffer | null): Promise<void> {
  const rows = await db.selectFrom('audit_log').selectAll().orderBy('seq').execute();
  await db.deleteFrom('audit_log').where('seq', '=', seq).execute();
  let prev = rows.find((r) => Number(r.seq) === seq - 1)?.hash ?? AUDIT_GENESIS;
  for (const r of rows.filter((r) => Number(r.seq) > seq)) {
    const moved = { ...r, seq: Number(r.seq) - 1, prev_hash: prev };
    const hash = auditHash(moved, key);
    await db.updateTable('audit_log').set({ seq: moved.seq, prev_hash: prev, hash }).where('seq', '=', Number(r.seq)).execute();
    prev = hash;
  }
  await db
    .updateTable('audit_head')
    .set({ seq: rows.length - 1, hash: prev })
    .where('id', '=', 1)
    .execute();
}

async function snapshot(db: Db) {
  return {
    rows: await db.selectFrom('audit_log').selectAll().orderBy('seq').execute(),
    head: await db.selectFrom('audit_head').selectAll().executeTakeFirstOrThrow(),
  };
}
async function restore(db: Db, s: Awaited<ReturnType<typeof snapshot>>) {
  await db.deleteFrom('audit_log').execute();
  for (const r of s.rows) await db.insertInto('audit_log').values(r).execute();
  await db.updateTable('audit_head').set({ seq: s.head.seq, hash: s.head.hash }).where('id', '=', 1).execute();
}

describe('keyed audit chain', () => {
  it('anchors the head outside the database every N rows, in a 0600 file and the log', async () => {
    // The anchor is written after the commit, off the request path: each one is waited for before the next
    // five rows (on a loaded machine both background reads could otherwise see the same, final head).
    const anchorsAtLeast = (n: number) =>
      vi.waitFor(async () => expect((await readAnchors(t.env.dataDir)).anchors.length).toBeGreaterThanOrEqual(n), {
        timeout: 20_000,
        interval: 50,
      });
    for (let i = 1; i <= 5; i++) await append(t.db, i);
    await anchorsAtLeast(1);
    for (let i = 6; i <= 10; i++) await append(t.db, i);
    await anchorsAtLeast(2);
    for (let i = 11; i <= 12; i++) await append(t.db, i);
    expect(statSync(anchorPath(t.env.dataDir)).mode & 0o777).toBe(0o600);
    await t.deps.auditAnchor.anchor(); // as at shutdown
    const { anchors, malformed } = await readAnchors(t.env.dataDir);
    expect(malformed).toEqual([]);
    expect(anchors.at(-1)).toMatchObject({ seq: 12, keyedFrom: 1 });
    const r = await verifyAuditLog(t.db, { anchors });
    expect(r).toMatchObject({ ok: true, rows: 12, problems: [] });
    expect(r.anchors).toBeGreaterThanOrEqual(2);
    const ok = await cli();
    expect(ok.code).toBe(0);
    expect(ok.out).toContain('12 rows');
  });

  it('finds a row deleted and the rest re-hashed without the key, naming the first broken row', async () => {
    const before = await snapshot(t.db);
    await deleteAndRechain(t.db, 7, null); // the old, unkeyed recipe
    let r = await verifyAuditLog(t.db);
    expect(r.ok).toBe(false);
    expect(r.problems[0]).toMatchObject({ seq: 7 });
    await restore(t.db, before);
    await deleteAndRechain(t.db, 7, randomBytes(32)); // a guessed key
    r = await verifyAuditLog(t.db);
    expect(r.problems[0]).toMatchObject({ seq: 7, problem: 'edited' });
    const out = await cli();
    expect(out.code).toBe(1);
    expect(out.out).toContain('first broken row: 7');
    await restore(t.db, before);
    expect((await verifyAuditLog(t.db)).ok).toBe(true);
  });

  it('finds it even when re-chained with the real key: the anchors disagree', async () => {
    const before = await snapshot(t.db);
    const key = auditKeyFrom(Buffer.from(t.env.env.IDENTITY_KEY as string, 'base64'));
    await deleteAndRechain(t.db, 7, key);
    expect((await verifyAuditLog(t.db)).ok).toBe(true); // the chain alone cannot tell
    const { anchors } = await readAnchors(t.env.dataDir);
    const r = await verifyAuditLog(t.db, { anchors });
    expect(r.ok).toBe(false);
    expect(r.problems[0]?.problem).toMatch(/anchor_mismatch|deleted/);
    const firstAfter = Math.min(...anchors.map((a) => a.seq).filter((s) => s >= 7));
    expect(r.problems[0]?.seq).toBe(firstAfter); // the first anchor at or after the deleted row
    const out = await cli();
    expect(out.code).toBe(1);
    expect(out.out).toContain(`first broken row: ${firstAfter}`);
    await restore(t.db, before);
  });

  it('writes one JSON line per anchor', async () => {
    const lines = readFileSync(anchorPath(t.env.dataDir), 'utf8').trim().split('\n');
    expect(lines.every((l) => /^\{"seq":\d+,"hash":"[0-9a-f]{64}","keyedFrom":1,"at":"[^"]+"\}$/.test(l))).toBe(true);
  });
});
