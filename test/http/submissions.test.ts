// The public intake API on a real database (SQLite file, or PostgreSQL in CI's second run).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { createApp } from '../../src/http/app.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { EXE_HEADER, PDF_MIN, PNG_1x1, jpegOfSize } from '../helpers/files.ts';

let t: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  t = await testDeps();
  app = createApp(t.deps);
});
afterAll(async () => t.close());

const ex = SUBMISSION_EXAMPLES;
const postJson = async (body: unknown, headers: Record<string, string> = {}): Promise<Response> =>
  app.request('/api/v1/submissions', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function multipart(submission: unknown, files: { name: string; bytes: Buffer; type?: string }[]): Promise<Response> {
  const fd = new FormData();
  fd.set('submission', JSON.stringify(submission));
  for (const f of files) fd.append('files', new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }));
  return app.request('/api/v1/submissions', { method: 'POST', body: fd });
}

async function counts() {
  const n = async (table: 'intake_case' | 'party' | 'evidence' | 'case_event' | 'outbox' | 'idempotency_key') =>
    Number(
      (
        await t.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    cases: await n('intake_case'),
    parties: await n('party'),
    evidence: await n('evidence'),
    events: await n('case_event'),
    outbox: await n('outbox'),
    keys: await n('idempotency_key'),
  };
}

interface Receipt {
  cases: { number: string; kind: string; statusUrl: string }[];
  queryCode: string;
  submissionId: string;
}

describe('POST /api/v1/submissions', () => {
  it('accepts a complaint with identity: one case, a query code, a status URL', async () => {
    const res = await postJson(ex.complaint.value);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Receipt;
    expect(body.cases).toHaveLength(1);
    expect(body.cases[0]?.kind).toBe('complaint');
    expect(body.cases[0]?.number).toMatch(/^XZ-\d{8}-\d{6}$/);
    expect(body.cases[0]?.statusUrl).toContain(`/api/v1/cases/${body.cases[0]?.number}/status`);
    // 26 base32 symbols = 130 bits ≥ 128
    expect(body.queryCode.replaceAll('-', '')).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    const row = await t.db.selectFrom('intake_case').selectAll().where('number', '=', body.cases[0]!.number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      kind: 'complaint',
      status: 'received',
      channel: 'api',
      rule_version: 'order121',
      business_name: '新郑市好又多便利店',
      consent_publish: 1,
    });
    expect(row.query_code_hash).not.toContain(body.queryCode);
    const outbox = await t.db.selectFrom('outbox').selectAll().where('case_id', '=', row.id).where('name', '=', 'case.received').execute();
    expect(outbox.map((o) => [o.queue, o.name, JSON.parse(o.payload)])).toEqual([['case-workflow', 'case.received', { caseId: row.id }]]);
    // D1 (accept or refuse within 7 working days) starts at receipt.
    const clocks = await t.db.selectFrom('case_clock').selectAll().where('case_id', '=', row.id).execute();
    expect(clocks.map((c) => [c.clock, c.status, c.rule_version])).toEqual([['D1', 'running', 'order121']]);
    expect(clocks[0]!.due_at).not.toBeNull();
    const events = await t.db.selectFrom('case_event').selectAll().where('case_id', '=', row.id).execute();
    expect(events.map((e) => [e.type, e.from_status, e.to_status, e.actor_role])).toEqual([['submit', null, 'received', 'citizen']]);
  });

  it('accepts an anonymous report and stores no party for it', async () => {
    const res = await postJson(ex.anonymousReport.value);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Receipt;
    expect(body.cases.map((c) => c.kind)).toEqual(['report']);
    const row = await t.db.selectFrom('intake_case').selectAll().where('number', '=', body.cases[0]!.number).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ anonymous: 1, wants_reward: 1 });
    expect(await t.db.selectFrom('party').selectAll().where('case_id', '=', row.id).execute()).toHaveLength(0);
  });

  it('splits a complaint+report into two linked cases with consecutive numbers and one code', async () => {
    const res = await postJson(ex.complaintAndReport.value);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Receipt;
    expect(body.cases.map((c) => c.kind)).toEqual(['complaint', 'report']);
    const [a, b] = body.cases.map((c) => Number(c.number.slice(-6)));
    expect(b! - a!).toBe(1);
    const rows = await t.db
      .selectFrom('intake_case')
      .selectAll()
      .where('submission_id', '=', body.submissionId)
      .orderBy('number')
      .execute();
    expect(rows.map((r) => r.kind)).toEqual(['complaint', 'report']);
    // the complaint carries the request; the report carries the reward wish
    expect(rows[0]).toMatchObject({ citizen_request: '赔偿医药费，并查处无证经营', wants_reward: 0 });
    expect(rows[1]).toMatchObject({ citizen_request: null, wants_reward: 1 });
    const links = await t.db
      .selectFrom('case_link')
      .selectAll()
      .where('type', '=', 'split')
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    expect(links).toHaveLength(2);
    const parties = await t.db
      .selectFrom('party')
      .select(['case_id', 'role'])
      .where(
        'case_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('role')
      .execute();
    expect(parties.map((p) => p.role)).toEqual(['complainant', 'reporter']);
    // both cases answer to the same query code
    for (const c of body.cases) {
      const s = await app.request(`/api/v1/cases/${c.number}/status`, { headers: { 'x-query-code': body.queryCode } });
      expect(s.status).toBe(200);
    }
  });

  it('accepts a consultation with just a question', async () => {
    const res = await postJson(ex.consultation.value);
    expect(res.status).toBe(201);
    expect(((await res.json()) as Receipt).cases.map((c) => c.kind)).toEqual(['consultation']);
  });

  it('stores evidence content-addressed with its SHA-256', async () => {
    const res = await multipart(ex.anonymousReport.value, [
      { name: 'a.png', bytes: PNG_1x1 },
      { name: 'b.pdf', bytes: PDF_MIN },
      { name: 'same.png', bytes: PNG_1x1 },
    ]);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Receipt;
    const row = await t.db.selectFrom('intake_case').select('id').where('number', '=', body.cases[0]!.number).executeTakeFirstOrThrow();
    const ev = await t.db.selectFrom('evidence').selectAll().where('case_id', '=', row.id).orderBy('mime').execute();
    expect(ev.map((e) => e.mime).sort()).toEqual(['application/pdf', 'image/png', 'image/png']);
    const sha = (await import('node:crypto')).createHash('sha256').update(PNG_1x1).digest('hex');
    expect(ev.filter((e) => e.sha256 === sha)).toHaveLength(2);
    expect(readFileSync(t.deps.evidence.pathFor(sha))).toEqual(PNG_1x1);
  });
});

describe('invalid input gets the documented error and creates nothing', () => {
  const noIdentity = { ...ex.complaint.value, person: undefined };
  const cases: [string, () => Promise<Response> | Response, number, string, string[]][] = [
    ['missing fields', () => postJson({ kind: 'complaint' }), 422, 'VALIDATION', ['description', 'person', 'business', 'request']],
    [
      'wrong types',
      () => postJson({ ...ex.consultation.value, description: 42, consentToPublish: 'yes' }),
      422,
      'VALIDATION',
      ['description', 'consentToPublish'],
    ],
    ['a complaint without identity', () => postJson(noIdentity), 422, 'VALIDATION', ['person']],
    [
      'an invalid phone number',
      () => postJson({ ...ex.complaint.value, person: { ...ex.complaint.value.person, phone: '12345' } }),
      422,
      'VALIDATION',
      ['person.phone'],
    ],
    ['an unknown kind', () => postJson({ ...ex.consultation.value, kind: 'praise' }), 422, 'VALIDATION', ['kind']],
    ['a township outside 新郑', () => postJson({ ...ex.anonymousReport.value, township: '金水区' }), 422, 'VALIDATION', ['township']],
    ['malformed JSON', () => postJson('{"kind": "complaint", '), 400, 'MALFORMED_BODY', ['body']],
    ['a JSON array', () => postJson('[1,2]'), 422, 'VALIDATION', ['body']],
    [
      'an unsupported content type',
      () => app.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      ['body'],
    ],
    [
      '11 files',
      () =>
        multipart(
          ex.anonymousReport.value,
          Array.from({ length: 11 }, (_, i) => ({ name: `${i}.png`, bytes: PNG_1x1 })),
        ),
      422,
      'VALIDATION',
      ['files'],
    ],
    [
      'a 20 MB file',
      () =>
        multipart(ex.anonymousReport.value, [
          { name: 'ok.png', bytes: PNG_1x1 },
          { name: 'big.jpg', bytes: jpegOfSize(20 * 1024 * 1024) },
        ]),
      413,
      'PAYLOAD_TOO_LARGE',
      ['files[1]'],
    ],
    [
      'an .exe renamed .jpg',
      () => multipart(ex.anonymousReport.value, [{ name: 'photo.jpg', bytes: EXE_HEADER, type: 'image/jpeg' }]),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      ['files[0]'],
    ],
    [
      'a bad Idempotency-Key',
      () => postJson(ex.consultation.value, { 'idempotency-key': 'has space' }),
      422,
      'VALIDATION',
      ['header.Idempotency-Key'],
    ],
  ];

  it.each(cases)('%s', async (_name, send, status, code, paths) => {
    const before = await counts();
    const filesBefore = readdirSync(t.env.dataDir).includes('evidence')
      ? readdirSync(path.join(t.env.dataDir, 'evidence'), { recursive: true }).length
      : 0;
    const res = await send();
    expect(res.status).toBe(status);
    const body = (await res.json()) as {
      error: { code: string; message: string; fields: { path: string; message: string }[]; requestId: string };
    };
    expect(body.error.code).toBe(code);
    expect(body.error.requestId).toMatch(/.+/);
    expect(res.headers.get('x-request-id')).toBe(body.error.requestId);
    expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    const got = body.error.fields.map((f) => f.path);
    for (const p of paths) expect(got).toContain(p);
    for (const f of body.error.fields) expect(f.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await counts()).toEqual(before);
    const filesAfter = readdirSync(t.env.dataDir).includes('evidence')
      ? readdirSync(path.join(t.env.dataDir, 'evidence'), { recursive: true }).length
      : 0;
    expect(filesAfter).toBe(filesBefore);
  });
});

describe('Idempotency-Key', () => {
  it('the same key twice creates one case and returns the same answer', async () => {
    const headers = { 'idempotency-key': `retry-${Date.now()}` };
    const before = await counts();
    const first = await postJson(ex.complaint.value, headers);
    const second = await postJson(ex.complaint.value, headers);
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    const a = (await first.json()) as Receipt & { replayed: boolean };
    const b = (await second.json()) as Receipt & { replayed: boolean };
    expect(b.cases).toEqual(a.cases);
    expect(b.queryCode).toBe(a.queryCode);
    expect(b.replayed).toBe(true);
    const after = await counts();
    expect(after.cases - before.cases).toBe(1);
    // the stored answer holds the query code, so it is encrypted
    const stored = await t.db
      .selectFrom('idempotency_key')
      .select('response')
      .where('key', '=', headers['idempotency-key'])
      .executeTakeFirstOrThrow();
    expect(stored.response).not.toContain(a.queryCode);
  });

  it('the same key sent concurrently still creates one case', async () => {
    const headers = { 'idempotency-key': `burst-${Date.now()}` };
    const before = await counts();
    const answers = await Promise.all(Array.from({ length: 5 }, () => postJson(ex.anonymousReport.value, headers)));
    const bodies = (await Promise.all(answers.map((r) => r.json()))) as Receipt[];
    expect(new Set(bodies.map((b) => b.cases[0]?.number)).size).toBe(1);
    expect((await counts()).cases - before.cases).toBe(1);
  });

  it('reusing a key for a different submission is refused', async () => {
    const headers = { 'idempotency-key': `reuse-${Date.now()}` };
    expect((await postJson(ex.consultation.value, headers)).status).toBe(201);
    const res = await postJson({ ...ex.consultation.value, description: '另一个不同的问题，请问怎么办？' }, headers);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('IDEMPOTENCY_CONFLICT');
  });
});

describe('GET /api/v1/cases/{number}/status', () => {
  it('shows status, public timeline and deadlines with the code; the same 404 without it', async () => {
    const receipt = (await (await postJson(ex.complaint.value)).json()) as Receipt;
    const number = receipt.cases[0]!.number;
    const ok = await app.request(`/api/v1/cases/${number}/status?code=${receipt.queryCode.toLowerCase()}`);
    expect(ok.status).toBe(200);
    const s = (await ok.json()) as {
      number: string;
      status: string;
      timeline: { text: string }[];
      deadlines: { clock: string; text: string; due: string | null }[];
    };
    expect(s.number).toBe(number);
    expect(s.status).toBe('已接收，正在分派办理');
    expect(s.timeline.map((e) => e.text)).toEqual(['收到您的投诉']);
    expect(s.deadlines[0]?.clock).toBe('D1');
    expect(s.deadlines[0]?.text).toMatch(/市场监管部门应于 \d{4}年\d{1,2}月\d{1,2}日 前作出是否受理的决定|节假日安排/);
    const text = JSON.stringify(s);
    for (const secret of ['张伟', '13812345678', '人民路8号院']) expect(text).not.toContain(secret);

    const wrongCode = await app.request(`/api/v1/cases/${number}/status`, {
      headers: { 'x-query-code': 'AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GG' },
    });
    const unknown = await app.request(`/api/v1/cases/XZ-20991231-999999/status`, { headers: { 'x-query-code': receipt.queryCode } });
    expect(wrongCode.status).toBe(404);
    expect(unknown.status).toBe(404);
    const w = (await wrongCode.json()) as { error: { code: string; message: string } };
    const u = (await unknown.json()) as { error: { code: string; message: string } };
    expect([w.error.code, w.error.message]).toEqual([u.error.code, u.error.message]);
    const none = await app.request(`/api/v1/cases/${number}/status`);
    expect(none.status).toBe(422);
  });
});

describe('identity is encrypted at rest', () => {
  it('the database holds no plaintext name, phone, address or ID number', async () => {
    const person = { name: '欧阳明慧', phone: '13955556666', address: '新郑市龙湖镇紫荆花园7号楼2单元301', idNumber: '11010519491231002X' };
    const res = await postJson({ ...ex.complaintAndReport.value, person });
    expect(res.status).toBe(201);
    const parties = await t.db.selectFrom('party').selectAll().execute();
    const dump = JSON.stringify(parties);
    for (const v of Object.values(person)) expect(dump).not.toContain(v);
    // …and it decrypts back for the roles that need it
    const mine = parties
      .map((p) => t.deps.cipher.open<{ name: string; phone: string }>(p.identity_enc, `party:${p.id}`))
      .find((i) => i.name === person.name);
    expect(mine?.phone).toBe(person.phone);
    if (t.env.config.database.kind === 'sqlite') {
      // Raw bytes of the database file and its WAL: not even a stray copy in free pages.
      const file = t.env.config.database.file;
      const raw = Buffer.concat([
        readFileSync(file),
        ...['-wal'].map((s) => {
          try {
            return readFileSync(file + s);
          } catch {
            return Buffer.alloc(0);
          }
        }),
      ]);
      for (const v of [person.name, person.phone, person.idNumber]) expect(raw.includes(Buffer.from(v))).toBe(false);
    }
  });
});
