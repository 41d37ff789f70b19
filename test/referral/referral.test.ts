// The police referral path on a real database: propose → approve → transfer (signed package) → accept →
// feedback; refusal; decline → reconsideration → decline → return; police scope; the reporter's identity
// stays out of the package unless marked necessary; clocks D6–D10 start and stop with the steps.
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/cases/case.machine.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { cstDateOf } from '../../src/deadlines/cst.ts';
import { buildPackage, signingKey, verifyPackage } from '../../src/referral/package.ts';
import {
  approveReferral,
  handOverExhibits,
  policeAccept,
  policeAnswerHandover,
  policeDecline,
  policeFeedback,
  policeInbox,
  proposeReferral,
  refuseReferral,
  requestReconsideration,
  returnToAdministrative,
  transferReferral,
} from '../../src/referral/referral.service.ts';
import { addExhibit } from '../../src/referral/records.service.ts';
import { readZip, writeZip } from '../../src/referral/zip.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { reconcileClocks } from '../../src/workflow/processors/clocks-reconcile.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { PNG_1x1 } from '../helpers/files.ts';
import type { StaffRole } from '../../src/backoffice/staff.table.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-02T09:30:00'));
let t: TestDeps;
let handler: Actor;
let supervisor: Actor;
let director: Actor;
let police: Actor;
let otherPolice: Actor;

async function user(role: StaffRole, unit: string | null): Promise<Actor> {
  const id = randomUUID();
  const at = clock.now().toISOString();
  await t.db
    .insertInto('staff_user')
    .values({
      id,
      username: `${role}-${id.slice(0, 6)}`,
      display_name: role,
      role,
      unit_id: unit,
      skills: '[]',
      capacity: 100,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return { role: role as Actor['role'], id };
}

beforeAll(async () => {
  t = await testDeps({ clock });
  handler = await user('handler', 'station-mz');
  supervisor = await user('supervisor', 'station-mz');
  director = await user('director', null);
  police = await user('police', 'police-xz');
  const at = clock.now().toISOString();
  await t.db.insertInto('unit').values({ id: 'police-other', name: '外县公安局', kind: 'police', active: 1, created_at: at }).execute();
  otherPolice = await user('police', 'police-other');
});
afterAll(async () => t.close());

/** A real-name report with a photo, triaged and assigned, then under verification. */
let n = 0;
async function reportUnderVerification(): Promise<string> {
  n++;
  const stored = await t.deps.evidence.put(PNG_1x1, 'image/png');
  const r = await t.deps.intake.submit({
    // A different reporter each time: the same reporter about the same business would be a repeat (Art. 35).
    submission: SubmissionSchema.parse({
      kind: 'report',
      description: '孟庄镇鑫源肉联厂收购病死猪加工成香肠，举报人李秀英电话13933334444，每天晚上都有车拉死猪进去',
      township: '孟庄镇',
      business: { name: `鑫源肉联厂${n}分厂`, address: '孟庄镇工业路9号' },
      person: { name: '李秀英', phone: `1393333${String(4440 + n)}` },
    }),
    files: [stored],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const id = (await t.db.selectFrom('intake_case').select('id').where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow()).id;
  await triageCase(t.deps, id);
  const { applyTransition } = await import('../../src/cases/case.repository.ts');
  await applyTransition(t.db, id, { type: 'start_verification' }, handler, clock.now());
  return id;
}
const statusOf = async (id: string) =>
  (await t.db.selectFrom('intake_case').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status;
const clocksOf = async (id: string) =>
  (
    await t.db
      .selectFrom('case_clock')
      .select(['clock', 'status'])
      .where('case_id', '=', id)
      .where('clock', 'in', ['D6', 'D7', 'D8', 'D9', 'D10'])
      .orderBy('created_at')
      .execute()
  ).sort((a, b) => Number(a.clock.slice(1)) - Number(b.clock.slice(1)));
const CONTACT = {
  contactName: '王建国',
  contactPhone: '0371-62688888',
  // The copy to the procuratorate goes with the transfer, the same day (read when spread into a call).
  get procuratorateCopy() {
    return { on: cstDateOf(clock.now()), means: 'delivered' as const, docNumber: '新市监移抄〔2026〕1号' };
  },
};
const ACCEPT = { policeCaseNumber: '新公食立字〔2026〕31号', acceptedOn: '2026-11-02', officer: '赵警官' };
const proposal = {
  reasons: '现场查获病死猪肉约2吨，涉嫌生产、销售不符合安全标准的食品罪',
  offence: '刑法第143条 生产、销售不符合安全标准的食品罪',
  officers: ['王建国', '张卫东'],
};

describe('referral to the police', () => {
  it('approve → transfer (signed package) → accept → exhibits → feedback, with the clocks following', async () => {
    const caseId = await reportUnderVerification();
    const exhibitId = await addExhibit(
      t.deps,
      caseId,
      { kind: 'seized', item: '病死猪肉', quantity: '约2吨', keptAt: '孟庄镇市场监管所冷库' },
      handler,
    );
    const rid = await proposeReferral(t.deps, caseId, proposal, handler);
    expect(await statusOf(caseId)).toBe('referral_proposed');
    expect(await clocksOf(caseId)).toEqual([{ clock: 'D6', status: 'running' }]);
    await approveReferral(t.deps, rid, director);
    clock.advance(3600_000);
    const { manifestSha256 } = await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    expect(await statusOf(caseId)).toBe('referred');
    expect(await clocksOf(caseId)).toEqual([
      { clock: 'D6', status: 'stopped' },
      { clock: 'D7', status: 'stopped' },
      { clock: 'D8', status: 'running' },
    ]);

    // The police see it in their inbox; another police unit does not, and cannot act on it.
    expect((await policeInbox(t.deps, police)).map((x) => x.id)).toEqual([rid]);
    expect(await policeInbox(t.deps, otherPolice)).toEqual([]);
    await expect(policeAccept(t.deps, rid, ACCEPT, otherPolice)).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // The package: signature verifies, hashes match, identical to what was transferred, no reporter identity.
    const pkg = await buildPackage(t.deps, rid);
    expect(pkg.manifestSha256).toBe(manifestSha256);
    const { publicKey } = await signingKey(t.env.config.dataDir);
    expect(verifyPackage(pkg.zip, publicKey)).toMatchObject({ ok: true, problems: [] });
    expect(pkg.manifest.identityIncluded).toBe(false);
    expect(pkg.manifest.files.map((f) => f.name)).toEqual([
      'referral.html',
      '其他材料/举报材料.txt',
      expect.stringMatching(/^证据材料\/01-举报人提交-[0-9a-f]{8}\.png$/),
      'README-核验说明.txt',
      'SHA256SUMS',
    ]);
    const text = readZip(pkg.zip)
      .map((e) => Buffer.from(e.data).toString('utf8'))
      .join('\n');
    for (const secret of ['李秀英', '13933334444']) expect(text).not.toContain(secret);
    expect(pkg.page).toContain('鑫源肉联厂');
    expect(pkg.page).toContain('依法保密，不随案移送');

    // Tampering is detected, also by the command.
    const entries = readZip(pkg.zip);
    const tampered = writeZip(
      entries.map((e) => (e.name.startsWith('证据材料/') ? { name: e.name, data: Buffer.from('not the photo') } : e)),
    );
    expect(verifyPackage(tampered, publicKey).problems).toEqual([expect.stringContaining('SHA-256 does not match')]);
    const good = path.join(t.env.dataDir, 'pkg.zip');
    const bad = path.join(t.env.dataDir, 'bad.zip');
    writeFileSync(good, pkg.zip);
    writeFileSync(bad, tampered);
    const run = (f: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/referral/verify.cli.ts', f], {
        env: { ...process.env, ...t.env.env },
        encoding: 'utf8',
      });
    expect(run(good).status).toBe(0);
    expect(run(bad).status).toBe(1);

    await policeAccept(t.deps, rid, ACCEPT, police);
    expect(await statusOf(caseId)).toBe('police_accepted');
    await handOverExhibits(t.deps, rid, [exhibitId], handler);
    await policeAnswerHandover(t.deps, rid, [{ exhibitId, answer: 'confirmed' }], police);
    await policeFeedback(t.deps, rid, { outcomeKind: 'prosecuted', note: '犯罪嫌疑人2名已被刑事拘留' }, police);
    expect(await clocksOf(caseId)).toEqual([
      { clock: 'D6', status: 'stopped' },
      { clock: 'D7', status: 'stopped' },
      { clock: 'D8', status: 'stopped' },
      { clock: 'D10', status: 'stopped' },
    ]);
    const timeline = await t.db
      .selectFrom('case_event')
      .select(['type', 'actor_role'])
      .where('case_id', '=', caseId)
      .orderBy('at')
      .execute();
    expect(timeline.map((e) => e.type)).toEqual(
      expect.arrayContaining([
        'propose_referral',
        'approve_referral',
        'transfer_to_police',
        'police_accept',
        'hand_over_exhibits',
        'police_feedback',
      ]),
    );
    expect(timeline.find((e) => e.type === 'police_feedback')?.actor_role).toBe('police');
  });

  it('a refusal returns the case to the administrative track with its reason', async () => {
    const caseId = await reportUnderVerification();
    const rid = await proposeReferral(t.deps, caseId, proposal, handler);
    await refuseReferral(t.deps, rid, '涉案数量未达追诉标准，继续行政处罚', director);
    expect(await statusOf(caseId)).toBe('verifying');
    const r = await t.db.selectFrom('referral').select(['status', 'refusal_reason']).where('id', '=', rid).executeTakeFirstOrThrow();
    expect(r).toEqual({ status: 'refused', refusal_reason: '涉案数量未达追诉标准，继续行政处罚' });
    await expect(transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler)).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('decline → reconsideration → decline → return to administrative handling', async () => {
    const caseId = await reportUnderVerification();
    const rid = await proposeReferral(t.deps, caseId, proposal, handler);
    await approveReferral(t.deps, rid, director);
    await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    await policeDecline(t.deps, rid, { reason: '证据不足', basis: '刑事诉讼法第一百一十二条' }, police);
    expect(await statusOf(caseId)).toBe('police_declined');
    expect((await clocksOf(caseId)).at(-1)).toEqual({ clock: 'D9', status: 'running' });
    await requestReconsideration(t.deps, rid, '补充了检验报告，涉案数量已达标准', supervisor);
    expect(await statusOf(caseId)).toBe('referred');
    await policeDecline(t.deps, rid, { reason: '复议后仍不予立案', basis: '刑事诉讼法第一百一十二条' }, police);
    await returnToAdministrative(t.deps, rid, handler);
    expect(await statusOf(caseId)).toBe('verifying');
    expect((await t.db.selectFrom('referral').select('status').where('id', '=', rid).executeTakeFirstOrThrow()).status).toBe('returned');
  });

  it('puts the reporter’s identity in the package only when marked necessary, with the reason on record', async () => {
    const caseId = await reportUnderVerification();
    const rid = await proposeReferral(t.deps, caseId, proposal, handler);
    await approveReferral(t.deps, rid, director);
    await expect(
      transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT, discloseIdentity: { reason: '' } }, handler),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await transferReferral(
      t.deps,
      rid,
      { policeUnitId: 'police-xz', ...CONTACT, discloseIdentity: { reason: '举报人系关键证人，公安机关需核实' } },
      handler,
    );
    const pkg = await buildPackage(t.deps, rid);
    expect(pkg.manifest.identityIncluded).toBe(true);
    expect(pkg.page).toContain('李秀英');
    expect(pkg.page).toContain('举报人系关键证人');
    const ev = await t.db
      .selectFrom('case_event')
      .select('data')
      .where('case_id', '=', caseId)
      .where('type', '=', 'transfer_to_police')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data!)).toMatchObject({ identityDisclosed: true, identityReason: '举报人系关键证人，公安机关需核实' });
  });

  it('the police hear about their own deadline (D8) when it passes', async () => {
    clock.set(cst('2026-11-16T09:00:00'));
    const caseId = await reportUnderVerification();
    const rid = await proposeReferral(t.deps, caseId, proposal, handler);
    await approveReferral(t.deps, rid, director);
    await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    clock.set(cst('2026-11-20T00:00:01'));
    await reconcileClocks(t.deps);
    const notes = await t.db
      .selectFrom('staff_notification')
      .select(['user_id', 'kind'])
      .where('case_id', '=', caseId)
      .where('kind', '=', 'deadline_overdue')
      .execute();
    expect(notes.map((n) => n.user_id)).toEqual(expect.arrayContaining([police.id, supervisor.id]));
    expect(notes.map((n) => n.user_id)).not.toContain(otherPolice.id);
  });

  it('the D6 approval clock escalates when the head does not decide within 3 days', async () => {
    clock.set(cst('2026-11-09T09:00:00'));
    const caseId = await reportUnderVerification();
    await proposeReferral(t.deps, caseId, proposal, handler);
    clock.set(cst('2026-11-13T00:00:01'));
    await reconcileClocks(t.deps);
    const d6 = await t.db
      .selectFrom('case_clock')
      .select(['overdue_at'])
      .where('case_id', '=', caseId)
      .where('clock', '=', 'D6')
      .executeTakeFirstOrThrow();
    expect(d6.overdue_at).not.toBeNull();
    const notes = await t.db
      .selectFrom('staff_notification')
      .select('kind')
      .where('case_id', '=', caseId)
      .where('user_id', '=', supervisor.id!)
      .execute();
    expect(notes.map((n) => n.kind)).toEqual(expect.arrayContaining(['deadline_overdue']));
    // The proposal itself went to the bureau's head, who decides on it.
    const toDirector = await t.db
      .selectFrom('staff_notification')
      .select('kind')
      .where('case_id', '=', caseId)
      .where('user_id', '=', director.id!)
      .execute();
    expect(toDirector.map((n) => n.kind)).toContain('referral_proposed');
  });
});
