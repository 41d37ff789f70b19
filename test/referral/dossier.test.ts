// Issue 22 / issue 17 (2): the referral as a case file on a real database. The letter and package are
// built from the handler's records (inspection, seizure list, test report) with the tip as an attachment;
// the plate and the operator's name reach the police, the reporter's identity does not; the package
// verifies with the public key alone (our command on a machine with no data folder, and openssl), Info-ZIP
// and Python list its Chinese names, and duplicate or unlisted entries fail. 立案 needs its particulars;
// D10 stops only when the police confirm the handover; D4 pauses while the case is with the police.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../src/backoffice/staff.table.ts';
import type { Actor } from '../../src/cases/case.machine.ts';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import type { ClockId } from '../../src/deadlines/rules.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { cstDateOf } from '../../src/deadlines/cst.ts';
import { buildPackage, keyFingerprint, publicKeyPem, signingKey, verifyPackage } from '../../src/referral/package.ts';
import { addExhibit, addInspection, addTestReport } from '../../src/referral/records.service.ts';
import {
  approveReferral,
  handOverExhibits,
  policeAccept,
  policeAnswerHandover,
  policeDecline,
  policeFeedback,
  proposeReferral,
  returnToAdministrative,
  transferReferral,
} from '../../src/referral/referral.service.ts';
import { dossierForPolice } from '../../src/referral/referral.view.ts';
import { readZip, writeZip } from '../../src/referral/zip.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { PDF_MIN, PNG_1x1 } from '../helpers/files.ts';

const cst = (s: string) => new Date(`${s}+08:00`);
const clock = new ManualClock(cst('2026-11-02T09:30:00'));
let t: TestDeps;
let handler: Actor;
let _supervisor: Actor;
let director: Actor;
let police: Actor;
const CONTACT = {
  contactName: '王建国',
  contactPhone: '0371-62688888',
  // The copy to the procuratorate goes with the transfer, the same day (read when spread into a call).
  get procuratorateCopy() {
    return { on: cstDateOf(clock.now()), means: 'delivered' as const, docNumber: '新市监移抄〔2026〕1号' };
  },
};
const ACCEPT = { policeCaseNumber: '新公食立字〔2026〕31号', acceptedOn: '2026-11-02', officer: '赵警官' };

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
  _supervisor = await user('supervisor', 'station-mz');
  director = await user('director', null);
  police = await user('police', 'police-xz');
});
afterAll(async () => t.close());

let n = 0;
/** A real-name tip about swill oil, under verification, with a photo. */
async function tipUnderVerification(): Promise<string> {
  n++;
  const stored = await t.deps.evidence.put(PNG_1x1, 'image/png');
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'report',
      description: `孟庄镇老街一家小作坊晚上熬地沟油，车牌豫A12345的面包车每晚来拉泔水，我是周边住户孙丽华，电话1377777${String(1000 + n)}`,
      township: '孟庄镇',
      business: { name: `老街油坊${n}`, address: '孟庄镇老街18号' },
      person: { name: '孙丽华', phone: `1377777${String(1000 + n)}` },
    }),
    files: [stored],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const id = (await t.db.selectFrom('intake_case').select('id').where('number', '=', r.cases[0]!.number).executeTakeFirstOrThrow()).id;
  await triageCase(t.deps, id);
  await applyTransition(t.db, id, { type: 'start_verification' }, handler, clock.now());
  return id;
}

const FINDINGS =
  '现场查获熬油铁锅2口、泔水桶12个、成品油35桶（每桶约50公斤），经营者刘德海在场，承认收购泔水熬制食用油出售；院内停放豫A12345面包车一辆。';

async function recordAndRefer(caseId: string): Promise<{ rid: string; exhibits: string[] }> {
  await addInspection(
    t.deps,
    caseId,
    {
      inspectedAt: '2026-11-02T08:10',
      place: '孟庄镇老街18号院内',
      officers: ['王建国', '张卫东'],
      findings: FINDINGS,
      businessName: `老街油坊${n}`,
      businessAddress: '孟庄镇老街18号',
      creditCode: '92410184MA9XYW1234',
      operatorName: '刘德海',
      amountYuan: '52500',
      amountNote: '35桶按每公斤30元估算',
    },
    handler,
  );
  const oil = await addExhibit(
    t.deps,
    caseId,
    { kind: 'seized', item: '疑似地沟油成品', quantity: '35桶（约1750公斤）', keptAt: '孟庄镇市场监管所仓库' },
    handler,
  );
  const pots = await addExhibit(t.deps, caseId, { kind: 'sealed', item: '熬油铁锅', quantity: '2口', keptAt: '现场封存' }, handler);
  await addExhibit(
    t.deps,
    caseId,
    { kind: 'sampled', item: '成品油样品', quantity: '3瓶×500毫升', keptAt: '郑州市食品药品检验所' },
    handler,
  );
  await addTestReport(
    t.deps,
    caseId,
    { reportNo: 'ZJ-2026/0457', issuer: '郑州市食品药品检验所', conclusion: '酸价、极性组分超标，检出餐厨废弃油脂特征物' },
    { bytes: PDF_MIN, name: '检验报告 ZJ-2026-0457.pdf' },
    handler,
  );
  const rid = await proposeReferral(
    t.deps,
    caseId,
    { reasons: '现场查获地沟油成品35桶，检验确认为餐厨废弃油脂', offence: '生产、销售有毒、有害食品罪', officers: ['王建国', '张卫东'] },
    handler,
  );
  await approveReferral(t.deps, rid, director);
  return { rid, exhibits: [oil, pots] };
}

describe('the referral package as a case file', () => {
  it('is built from the records, keeps the plate and the operator, withholds the reporter, and verifies with the public key alone', async () => {
    const caseId = await tipUnderVerification();
    const { rid } = await recordAndRefer(caseId);
    await expect(transferReferral(t.deps, rid, { policeUnitId: 'police-xz' }, handler)).rejects.toMatchObject({ code: 'VALIDATION' });
    await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    const pkg = await buildPackage(t.deps, rid);
    const page = pkg.page;
    // The findings, the business with its credit code and operator, exhibits, report, legal basis, contact, deadline.
    for (const s of [
      FINDINGS,
      '92410184MA9XYW1234',
      '刘德海',
      '豫A12345',
      '疑似地沟油成品',
      '35桶（约1750公斤）',
      '孟庄镇市场监管所仓库',
      'ZJ-2026/0457',
      '检验报告 ZJ-2026-0457.pdf',
      '《中华人民共和国刑法》',
      '0371-62688888',
      '52,500元',
      '（印章）',
    ])
      expect(page, s).toContain(s);
    expect(page).toMatch(/新市监移〔2026〕\d+号/);
    expect(page).toMatch(/请于\s*<strong>2026年11月\d+日<\/strong>\s*前作出是否立案的决定/);
    expect(page).not.toContain('[车牌号]');
    // Chinese only: no internal event codes or statuses.
    for (const code of ['route_to_intake', 'awaiting_routing', 'transfer_to_police', 'verifying', '→']) expect(page).not.toContain(code);
    // The reporter's identity is withheld everywhere in the package; the tip is an attachment, not the findings.
    const all = readZip(pkg.zip)
      .map((e) => Buffer.from(e.data).toString('utf8'))
      .join('\n');
    for (const secret of ['孙丽华', `1377777${String(1000 + n)}`]) expect(all).not.toContain(secret);
    const names = pkg.manifest.files.map((f) => f.name);
    expect(names).toEqual([
      'referral.html',
      '其他材料/举报材料.txt',
      expect.stringMatching(/^证据材料\/01-举报人提交-[0-9a-f]{8}\.png$/),
      '检验报告/01-ZJ-2026_0457.pdf',
      'README-核验说明.txt',
      'SHA256SUMS',
    ]);
    const tip = readZip(pkg.zip).find((e) => e.name === '其他材料/举报材料.txt')!;
    expect(Buffer.from(tip.data).toString('utf8')).toContain('【举报人姓名已保密】');
    const readme = Buffer.from(readZip(pkg.zip).find((e) => e.name === 'README-核验说明.txt')!.data).toString('utf8');
    const { publicKey } = await signingKey(t.env.config.dataDir);
    expect(readme).toContain(keyFingerprint(publicKey));
    expect(pkg.manifest.keyFingerprint).toBe(keyFingerprint(publicKey));

    // A police machine: only the public key file and the ZIP, no data folder, no configuration.
    const fresh = mkdtempSync(path.join(os.tmpdir(), 'police-'));
    const emptyData = path.join(fresh, 'data');
    mkdirSync(emptyData);
    writeFileSync(path.join(fresh, 'referral-public-key.pem'), publicKeyPem(publicKey));
    writeFileSync(path.join(fresh, '移送材料.zip'), pkg.zip);
    const verifyCli = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', path.resolve('src/referral/verify.cli.ts'), ...args], {
        cwd: path.resolve('.'),
        env: { PATH: process.env.PATH ?? '', HOME: fresh, DATA_DIR: emptyData },
        encoding: 'utf8',
      });
    const ok = verifyCli('--public-key', path.join(fresh, 'referral-public-key.pem'), path.join(fresh, '移送材料.zip'));
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('OK');
    expect(readdirSync(emptyData)).toEqual([]); // nothing created on the police machine
    // Without a key the command says how to pass one, and creates none.
    const noKey = verifyCli(path.join(fresh, '移送材料.zip'));
    expect(noKey.status).toBe(2);
    expect(noKey.stderr).toContain('--public-key');
    expect(readdirSync(emptyData)).toEqual([]);
    // On the server, `--public-key` alone prints the key the police portal shows.
    const printed = spawnSync(process.execPath, ['--import', 'tsx', 'src/referral/verify.cli.ts', '--public-key'], {
      env: { ...process.env, ...t.env.env },
      encoding: 'utf8',
    });
    expect(printed.status).toBe(0);
    expect(printed.stdout).toContain(publicKeyPem(publicKey).trim());
    expect(printed.stdout).toContain(keyFingerprint(publicKey));

    // Info-ZIP and Python list the Chinese names as written.
    const listed = execFileSync('unzip', ['-l', path.join(fresh, '移送材料.zip')], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8' },
    });
    for (const name of names) expect(listed).toContain(name);
    const py = execFileSync(
      'python3',
      ['-c', 'import sys,zipfile;print("\\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))', path.join(fresh, '移送材料.zip')],
      {
        encoding: 'utf8',
        env: { ...process.env, PYTHONIOENCODING: 'utf-8' },
      },
    );
    expect(py.trim().split('\n')).toEqual([...names, 'manifest.json', 'manifest.sig']);

    // OpenSSL, as the README says: the signature, then every file against SHA256SUMS.
    const out = path.join(fresh, 'x');
    execFileSync('unzip', ['-q', path.join(fresh, '移送材料.zip'), '-d', out]);
    writeFileSync(
      path.join(out, 'manifest.sig.bin'),
      Buffer.from(
        readZip(pkg.zip)
          .find((e) => e.name === 'manifest.sig')!
          .data.toString(),
        'base64',
      ),
    );
    const ssl = spawnSync(
      'openssl',
      [
        'pkeyutl',
        '-verify',
        '-pubin',
        '-inkey',
        path.join(fresh, 'referral-public-key.pem'),
        '-rawin',
        '-in',
        'manifest.json',
        '-sigfile',
        'manifest.sig.bin',
      ],
      { cwd: out, encoding: 'utf8' },
    );
    expect(ssl.stdout).toContain('Signature Verified Successfully');
    const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
    expect(sums.status).toBe(0);
  }, 180_000);

  it('rejects a package with a duplicate, an unlisted or a shadowing entry', async () => {
    const caseId = await tipUnderVerification();
    const { rid } = await recordAndRefer(caseId);
    await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    const pkg = await buildPackage(t.deps, rid);
    const { publicKey } = await signingKey(t.env.config.dataDir);
    expect(verifyPackage(pkg.zip, publicKey).ok).toBe(true);
    const entries = readZip(pkg.zip);
    // A forged referral.html placed before the real one (the writer refuses duplicates, so build it by hand).
    const forged = { name: 'referral.html', data: Buffer.from('<p>伪造的移送书</p>') };
    const renamed = writeZip([{ ...forged, name: 'referral.htmX' }, ...entries]);
    const dup = Buffer.from(renamed);
    // Rename in both the local and the central header: same byte length, so offsets stay valid.
    let at = dup.indexOf('referral.htmX');
    while (at >= 0) {
      dup.write('referral.html', at);
      at = dup.indexOf('referral.htmX', at + 1);
    }
    expect(verifyPackage(dup, publicKey)).toMatchObject({ ok: false, problems: [expect.stringContaining('duplicate entry')] });
    // An extra file not in the manifest.
    const extra = writeZip([...entries, { name: '证据材料/99-补充.png', data: PNG_1x1 }]);
    expect(verifyPackage(extra, publicKey).problems).toEqual([expect.stringContaining('not listed in the manifest')]);
    // Bytes prepended before the first entry.
    expect(verifyPackage(Buffer.concat([Buffer.from('MZ'), pkg.zip]), publicKey).ok).toBe(false);
    // Another key does not verify it.
    const other = (await import('node:crypto')).generateKeyPairSync('ed25519').publicKey;
    expect(verifyPackage(pkg.zip, other).ok).toBe(false);
  });
});

describe('the reporter’s identity on the police side', () => {
  it('reaches the police only when disclosed with a reason, and their viewing it is audited', async () => {
    const caseId = await tipUnderVerification();
    const { rid } = await recordAndRefer(caseId);
    await transferReferral(
      t.deps,
      rid,
      { policeUnitId: 'police-xz', ...CONTACT, discloseIdentity: { reason: '举报人系关键证人，需公安机关询问' } },
      handler,
    );
    const d = await dossierForPolice(t.deps, police, rid, caseId);
    expect(d.identity).toMatchObject({ name: '孙丽华', reason: '举报人系关键证人，需公安机关询问' });
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id'])
      .where('case_id', '=', caseId)
      .where('action', '=', 'identity_viewed')
      .execute();
    expect(audit).toEqual([{ action: 'identity_viewed', actor_id: police.id }]);

    // Without disclosure nothing is withheld but the reporter, and nothing is audited as a reveal.
    const other = await tipUnderVerification();
    const r2 = await recordAndRefer(other);
    await transferReferral(t.deps, r2.rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    expect((await dossierForPolice(t.deps, police, r2.rid, other)).identity).toBeNull();
    expect(
      await t.db.selectFrom('audit_log').select('action').where('case_id', '=', other).where('action', '=', 'identity_viewed').execute(),
    ).toEqual([]);
  });
});

const clocksOf = async (id: string, ids: ClockId[]) =>
  (
    await t.db
      .selectFrom('case_clock')
      .select(['clock', 'status'])
      .where('case_id', '=', id)
      .where('clock', 'in', ids)
      .orderBy('created_at')
      .execute()
  ).map((r) => `${r.clock}:${r.status}`);

describe('police decisions on record', () => {
  it('refuses 立案 without a police case number; D10 stops only when the police confirm the handover', async () => {
    const caseId = await tipUnderVerification();
    const { rid, exhibits } = await recordAndRefer(caseId);
    await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    await expect(policeAccept(t.deps, rid, { ...ACCEPT, policeCaseNumber: '' }, police)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'policeCaseNumber', message: expect.stringContaining('立案编号') }],
    });
    await expect(policeAccept(t.deps, rid, { ...ACCEPT, officer: '' }, police)).rejects.toMatchObject({ code: 'VALIDATION' });
    await policeAccept(t.deps, rid, ACCEPT, police);
    const r = await t.db.selectFrom('referral').selectAll().where('id', '=', rid).executeTakeFirstOrThrow();
    expect(r).toMatchObject({
      status: 'accepted',
      police_case_number: ACCEPT.policeCaseNumber,
      police_accepted_on: '2026-11-02',
      police_officer: '赵警官',
    });
    expect(await clocksOf(caseId, ['D10'])).toEqual(['D10:running']);

    // The regulator hands over two items: D10 keeps running until the police answer.
    await handOverExhibits(t.deps, rid, exhibits, handler);
    expect(await clocksOf(caseId, ['D10'])).toEqual(['D10:running']);
    // A disputed item needs its note; a dispute keeps D10 running.
    await expect(
      policeAnswerHandover(
        t.deps,
        rid,
        [
          { exhibitId: exhibits[0]!, answer: 'confirmed' },
          { exhibitId: exhibits[1]!, answer: 'disputed' },
        ],
        police,
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(policeAnswerHandover(t.deps, rid, [{ exhibitId: exhibits[0]!, answer: 'confirmed' }], police)).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    const first = await policeAnswerHandover(
      t.deps,
      rid,
      [
        { exhibitId: exhibits[0]!, answer: 'confirmed' },
        { exhibitId: exhibits[1]!, answer: 'disputed', note: '清单为2口，实收1口' },
      ],
      police,
    );
    expect(first.complete).toBe(false);
    expect(await clocksOf(caseId, ['D10'])).toEqual(['D10:running']);
    // The confirmed item cannot be handed over twice; the disputed one is handed over again and confirmed.
    await expect(handOverExhibits(t.deps, rid, [exhibits[0]!], handler)).rejects.toMatchObject({ code: 'CONFLICT' });
    await handOverExhibits(t.deps, rid, [exhibits[1]!], handler);
    const second = await policeAnswerHandover(t.deps, rid, [{ exhibitId: exhibits[1]!, answer: 'confirmed' }], police);
    expect(second.complete).toBe(true);
    expect(await clocksOf(caseId, ['D10'])).toEqual(['D10:stopped']);
    const ev = await t.db
      .selectFrom('case_event')
      .select(['type', 'actor_role'])
      .where('case_id', '=', caseId)
      .where('type', '=', 'confirm_exhibits')
      .execute();
    expect(ev).toEqual([{ type: 'confirm_exhibits', actor_role: 'police' }]);

    // Feedback: a structured outcome; "other" needs its words.
    await expect(policeFeedback(t.deps, rid, { outcomeKind: 'other' }, police)).rejects.toMatchObject({ code: 'VALIDATION' });
    await policeFeedback(t.deps, rid, { outcomeKind: 'detained', note: '犯罪嫌疑人刘德海已被刑事拘留' }, police);
    const fb = await t.db
      .selectFrom('referral_feedback')
      .select(['outcome', 'outcome_kind', 'note'])
      .where('referral_id', '=', rid)
      .execute();
    expect(fb).toEqual([{ outcome: '已刑事拘留', outcome_kind: 'detained', note: '犯罪嫌疑人刘德海已被刑事拘留' }]);
  });

  it('不予立案 needs reasons and a legal basis; D4 pauses while the case is with the police and runs again when it returns', async () => {
    const caseId = await tipUnderVerification();
    const { rid } = await recordAndRefer(caseId);
    const d4Before = await t.db
      .selectFrom('case_clock')
      .select('due_at')
      .where('case_id', '=', caseId)
      .where('clock', '=', 'D4')
      .executeTakeFirstOrThrow();
    await transferReferral(t.deps, rid, { policeUnitId: 'police-xz', ...CONTACT }, handler);
    expect(await clocksOf(caseId, ['D4'])).toEqual(['D4:paused']);
    clock.advance(5 * 86_400_000);
    await expect(policeDecline(t.deps, rid, { reason: '证据不足，未达追诉标准', basis: '' }, police)).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: [{ path: 'basis', message: expect.stringContaining('法律依据') }],
    });
    await policeDecline(t.deps, rid, { reason: '证据不足，未达追诉标准', basis: '刑事诉讼法第一百一十二条' }, police);
    expect(await clocksOf(caseId, ['D4'])).toEqual(['D4:paused']);
    await returnToAdministrative(t.deps, rid, handler);
    expect(await clocksOf(caseId, ['D4'])).toEqual(['D4:running']);
    const d4After = await t.db
      .selectFrom('case_clock')
      .select('due_at')
      .where('case_id', '=', caseId)
      .where('clock', '=', 'D4')
      .executeTakeFirstOrThrow();
    // The time with the police is not counted: the due time moved later.
    expect(Date.parse(d4After.due_at!)).toBeGreaterThan(Date.parse(d4Before.due_at!));
  });
});
