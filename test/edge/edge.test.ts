// Issue #18: the public results on the edge. The worker is bundled with wrangler's dry run (so a Node
// built-in anywhere in the results code fails here) and runs in workerd (Miniflare) over an in-memory D1;
// the office is the real app on its test database. Publishing, correcting and withdrawing in the office
// and pushing the edge outbox must show, update and remove the record at the edge; with the edge down the
// rows wait and are delivered once when it is back. The edge must hold nothing but public data.
import type { Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sign } from '../../src/edge/signature.ts';
import { createApp } from '../../src/http/app.ts';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { cstDateOf } from '../../src/deadlines/cst.ts';
import { dbGauges } from '../../src/ops/metrics.queries.ts';
import { PROCESSORS } from '../../src/workflow/processors/index.ts';
import {
  approveDisposition,
  correctDisposition,
  createDraftDisposition,
  withdrawDisposition,
} from '../../src/publication/disposition.service.ts';
import { type EdgeTarget, pushToEdge, queueEdgeStatistics } from '../../src/publication/edge-sync.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { ENTITY, PII, SUPERVISOR, decidedPenalty } from '../publication/publication-fixtures.ts';
import { type Bundle, EDGE_SECRET, bundleWorker, startEdge } from './edge-worker.ts';

const clock = new ManualClock(new Date('2026-11-16T02:00:00Z'));
let t: TestDeps;
let office: ReturnType<typeof createApp>;
let bundle: Bundle;
let mf: Miniflare;
let edgeUp = true;
/** What the edge answered to each push (its per-item outcomes). */
const answers: string[][] = [];
let requests = 0;

const target = (): EdgeTarget => ({
  url: 'https://edge.test',
  secret: EDGE_SECRET,
  fetch: async (url, init) => {
    if (!edgeUp) throw new Error('connect ECONNREFUSED (edge down)');
    requests++;
    const res = await mf.dispatchFetch(url, init);
    const body = (await res.json()) as { results?: string[] };
    if (body.results) answers.push(body.results);
    return { ok: res.ok, status: res.status, json: async () => body };
  },
});
const push = () => pushToEdge({ db: t.db, now: () => clock.now() }, target());
const edge = (p: string) => mf.dispatchFetch(`https://edge.test${p}`);

beforeAll(async () => {
  [t, bundle] = await Promise.all([testDeps({ clock }), bundleWorker()]);
  office = createApp(t.deps);
  mf = await startEdge(bundle);
  console.log(`edge bundle (wrangler deploy --dry-run): ${bundle.sizeLine}`);
});
afterAll(async () => {
  await mf?.dispose();
  await t?.close();
});

async function publishOne(): Promise<{ id: string; ref: string }> {
  const caseId = await decidedPenalty(t.deps);
  const r = await createDraftDisposition(t.deps, caseId);
  if (!('disposition' in r)) throw new Error('no draft');
  const d = await approveDisposition(t.deps, r.disposition.id, SUPERVISOR);
  return { id: d.id, ref: d.public_ref };
}

describe('the bundle', () => {
  it('wrangler bundles the worker with no Node built-in', () => {
    expect(bundle.sizeLine).toMatch(/Total Upload: [\d.]+ KiB/);
    // wrangler only warns about a Node built-in (and leaves the import in): both count as failures here.
    expect(bundle.output).not.toMatch(/built into node|nodejs_compat/);
    expect(bundle.code).not.toMatch(/from\s*["']node:|require\(["']node:|from\s*["'](fs|path|crypto|os)["']/);
  });
});

describe('publish → correct → withdraw', () => {
  let rec: { id: string; ref: string };

  it('a published record is visible at the edge after a push, as the office serves it', async () => {
    rec = await publishOne();
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(404);
    expect(await push()).toEqual({ delivered: 1, pending: 0 });
    const e = await edge(`/api/v1/results/${rec.ref}`);
    const o = await office.request(`/api/v1/results/${rec.ref}`);
    expect(e.status).toBe(200);
    expect(await e.json()).toEqual(await o.json());
    for (const h of ['cache-control', 'access-control-allow-origin']) expect(e.headers.get(h)).toBe(o.headers.get(h));

    const page = await edge(`/results/${rec.ref}`);
    const officePage = await office.request(`/results/${rec.ref}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(officePage.headers.get('content-security-policy'));
    expect(page.headers.get('cache-control')).toBe('public, max-age=300');
    const html = await page.text();
    expect(html).toContain(ENTITY);
    // The stylesheet the page links is served by the edge itself.
    const css = html.match(/href="(\/static\/portal-[0-9a-f]{10}\.css)"/)?.[1];
    expect(css).toBeTruthy();
    expect((await edge(css!)).status).toBe(200);
    expect(await (await edge('/results')).text()).toContain(rec.ref);
    expect(await (await edge('/results/feed.atom')).text()).toContain(rec.ref);
    expect(await (await edge('/api/v1/results.csv')).text()).toContain(rec.ref);
  });

  it('a correction updates the edge', async () => {
    clock.set(new Date('2026-11-17T02:00:00Z'));
    await correctDisposition(t.deps, rec.id, { fineFen: 400_000 }, '罚款金额录入错误，以处罚决定书为准', SUPERVISOR);
    expect(await push()).toEqual({ delivered: 1, pending: 0 });
    const e = (await (await edge(`/api/v1/results/${rec.ref}`)).json()) as { fineYuan: number; correction: { note: string } };
    expect(e.fineYuan).toBe(4000);
    expect(e.correction.note).toContain('罚款金额录入错误');
    expect(e).toEqual(await (await office.request(`/api/v1/results/${rec.ref}`)).json());
  });

  it('a withdrawal removes it from the edge: out of every list, 410 with the reason, no row left in D1', async () => {
    await withdrawDisposition(t.deps, rec.id, '处罚决定已被行政复议撤销', SUPERVISOR);
    expect(await push()).toEqual({ delivered: 1, pending: 0 });
    const e = await edge(`/api/v1/results/${rec.ref}`);
    expect(e.status).toBe(410);
    expect(await e.json()).toMatchObject({ ref: rec.ref, withdrawn: true, reason: '处罚决定已被行政复议撤销' });
    expect((await edge(`/results/${rec.ref}`)).status).toBe(410);
    expect(await (await edge('/results')).text()).not.toContain(rec.ref);
    expect(await (await edge('/api/v1/results.csv')).text()).not.toContain(rec.ref);
    const d1 = await mf.getD1Database('DB');
    expect((await d1.prepare('select count(*) as n from edge_result where ref = ?').bind(rec.ref).first<{ n: number }>())?.n).toBe(0);
  });

  it('replaying an older push changes nothing (idempotent by record and version)', async () => {
    const old = await t.db.selectFrom('edge_outbox').select('payload').where('ref', '=', rec.ref).where('kind', '=', 'record').execute();
    const body = `{"items":[${old.map((r) => r.payload).join(',')}]}`;
    const ts = Date.now();
    const res = await mf.dispatchFetch('https://edge.test/_edge/sync', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Shiantong-Timestamp': String(ts),
        'X-Shiantong-Signature': await sign(EDGE_SECRET, ts, body),
      },
      body,
    });
    expect(await res.json()).toEqual({ results: ['stale', 'stale'] });
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(410);
  });
});

describe('edge down', () => {
  it('rows wait while the edge is unreachable and are delivered once when it is back', async () => {
    const rec = await publishOne();
    edgeUp = false;
    const down = await push();
    expect(down).toMatchObject({ delivered: 0, pending: 1 });
    expect(down.error).toContain('ECONNREFUSED');
    expect(await push()).toMatchObject({ delivered: 0, pending: 1 });
    const row = await t.db.selectFrom('edge_outbox').selectAll().where('ref', '=', rec.ref).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ attempts: 2, delivered_at: null });
    expect((await dbGauges(t.db, clock.now())).edgeOutbox).toEqual({ waiting: 1, refused: 0 });
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(404);

    edgeUp = true;
    answers.length = 0;
    expect(await push()).toEqual({ delivered: 1, pending: 0 });
    expect(await push()).toEqual({ delivered: 0, pending: 0 });
    expect(answers).toEqual([['applied']]);
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(200);
  });

  it('a refused push (edge answering 5xx) is kept too', async () => {
    const rec = await publishOne();
    const r = await pushToEdge({ db: t.db, now: () => clock.now() }, { ...target(), secret: 'x'.repeat(40) });
    expect(r).toMatchObject({ delivered: 0, pending: 1, error: 'edge answered 401' });
    expect(await push()).toEqual({ delivered: 1, pending: 0 });
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(200);
  });
});

describe('batches', () => {
  it('a large backlog goes out in requests of about 1 MB', async () => {
    const template = JSON.parse(
      (await t.db.selectFrom('edge_outbox').select('payload').where('kind', '=', 'record').limit(1).executeTakeFirstOrThrow()).payload,
    ) as { record: Record<string, unknown> };
    const at = clock.now().toISOString();
    await t.db
      .insertInto('edge_outbox')
      .values(
        Array.from({ length: 20 }, (_, i) => {
          const ref = `GK2026-BIG${i}`;
          const item = { type: 'record', ref, version: 1, record: { ...template.record, ref, findings: '查'.repeat(20_000) } };
          return {
            id: crypto.randomUUID(),
            kind: 'record' as const,
            ref,
            version: 1,
            payload: JSON.stringify(item),
            created_at: at,
            attempts: 0,
            refused_at: null,
          };
        }),
      )
      .execute();
    requests = 0;
    expect(await push()).toEqual({ delivered: 20, pending: 0 });
    expect(requests).toBe(2);
    expect(((await (await edge('/api/v1/results/GK2026-BIG19')).json()) as { findings: string }).findings).toHaveLength(20_000);
  });
});

describe('statistics snapshot', () => {
  it('the edge serves the office statistics (small cells suppressed) once a snapshot is pushed', async () => {
    const before = await edge('/api/v1/statistics');
    expect(before.status).toBe(503);
    await queueEdgeStatistics(t.db, clock.now());
    expect(await push()).toEqual({ delivered: 1, pending: 0 });
    const e = await edge('/api/v1/statistics');
    expect(e.status).toBe(200);
    expect(await e.json()).toEqual(await (await office.request('/api/v1/statistics')).json());
    const page = await edge('/statistics');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<svg');
  });
});

describe('the edge.sync job', () => {
  it('is skipped without EDGE_SYNC_URL, and the URL needs the secret', async () => {
    expect(await PROCESSORS['edge.sync']({}, { deps: t.deps, job: undefined as never, token: undefined })).toMatchObject({
      outcome: 'skipped',
    });
    expect(() => loadConfig({ EDGE_SYNC_URL: 'https://edge.test' })).toThrow(ConfigError);
    expect(loadConfig({ EDGE_SYNC_URL: 'https://edge.test', EDGE_SYNC_SECRET: EDGE_SECRET }).edge).toMatchObject({
      url: 'https://edge.test',
    });
  });

  it('pushes over HTTP to the running worker, with a statistics snapshot when one is due', async () => {
    const rec = await publishOne();
    const url = (await mf.ready).toString();
    const deps = { ...t.deps, config: { ...t.deps.config, edge: { url, secret: EDGE_SECRET, statisticsEveryMs: 3_600_000 } } };
    clock.set(new Date('2026-11-20T02:00:00Z'));
    const r = await PROCESSORS['edge.sync']({}, { deps, job: undefined as never, token: undefined });
    expect(r.outcome).toBe('done');
    // The record and a fresh snapshot (the last one is more than an hour old).
    expect(JSON.parse(r.detail ?? '{}')).toEqual({ delivered: 2, pending: 0 });
    expect((await fetch(`${url}api/v1/results/${rec.ref}`)).status).toBe(200);
    // Within the hour: nothing new to push.
    expect(JSON.parse((await PROCESSORS['edge.sync']({}, { deps, job: undefined as never, token: undefined })).detail ?? '{}')).toEqual({
      delivered: 0,
      pending: 0,
    });
  });
});

describe('the sync endpoint', () => {
  const post = (body: string, headers: Record<string, string>) =>
    mf.dispatchFetch('https://edge.test/_edge/sync', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const item = (extra: Record<string, unknown> = {}) =>
    JSON.stringify({
      items: [
        {
          type: 'withdrawal',
          ref: 'GK2026-XXXX',
          version: 9,
          reason: null,
          on: '2026-11-16',
          ...extra,
        },
      ],
    });

  it('refuses unsigned, wrongly signed and stale requests', async () => {
    const body = item();
    const now = Date.now();
    expect((await post(body, {})).status).toBe(401);
    expect(
      (await post(body, { 'X-Shiantong-Timestamp': String(now), 'X-Shiantong-Signature': await sign('y'.repeat(40), now, body) })).status,
    ).toBe(401);
    // Signed correctly, but 10 minutes old: a replay outside the window.
    const old = now - 10 * 60_000;
    expect(
      (await post(body, { 'X-Shiantong-Timestamp': String(old), 'X-Shiantong-Signature': await sign(EDGE_SECRET, old, body) })).status,
    ).toBe(401);
    // The signature covers the body.
    const sig = await sign(EDGE_SECRET, now, body);
    expect((await post(item({ ref: 'GK2026-YYYY' }), { 'X-Shiantong-Timestamp': String(now), 'X-Shiantong-Signature': sig })).status).toBe(
      401,
    );
  });

  it('refuses any field the public record does not have, item by item', async () => {
    const now = Date.now();
    const body = JSON.stringify({
      items: [
        { type: 'withdrawal', ref: 'GK2026-XXXX', version: 9, reason: null, on: '2026-11-16', caseNumber: 'XZ-2026-000001' },
        { type: 'withdrawal', ref: 'GK2026-ZZZZ', version: 9, reason: null, on: '2026-11-16' },
      ],
    });
    const res = await post(body, { 'X-Shiantong-Timestamp': String(now), 'X-Shiantong-Signature': await sign(EDGE_SECRET, now, body) });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ results: ['refused', 'applied'], refused: [{ index: 0 }] });
    const d1 = await mf.getD1Database('DB');
    expect(await d1.prepare("select ref from edge_withdrawn where ref in ('GK2026-XXXX', 'GK2026-ZZZZ')").all()).toMatchObject({
      results: [{ ref: 'GK2026-ZZZZ' }],
    });
    await d1.prepare("delete from edge_withdrawn where ref = 'GK2026-ZZZZ'").run();
  });

  it('an item the edge refuses is kept aside in the office and does not hold back the rest', async () => {
    const rec = await publishOne();
    // A record the edge cannot take (a field its schema lacks, as after an office upgrade without the worker's).
    const row = await t.db.selectFrom('edge_outbox').selectAll().where('ref', '=', rec.ref).executeTakeFirstOrThrow();
    const bad = JSON.parse(row.payload) as { record: Record<string, unknown> };
    bad.record.newField = 'x';
    await t.db
      .updateTable('edge_outbox')
      .set({ payload: JSON.stringify(bad) })
      .where('id', '=', row.id)
      .execute();
    const other = await publishOne();
    expect(await push()).toEqual({ delivered: 1, pending: 0, refused: 1 });
    expect((await edge(`/api/v1/results/${other.ref}`)).status).toBe(200);
    const kept = await t.db.selectFrom('edge_outbox').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    expect(kept.delivered_at).toBeNull();
    expect(kept.refused_at).not.toBeNull();
    expect(kept.last_error).toContain('newField');
    expect(await push()).toEqual({ delivered: 0, pending: 0 });
    expect((await dbGauges(t.db, clock.now())).edgeOutbox).toEqual({ waiting: 0, refused: 1 });
    await t.db.deleteFrom('edge_outbox').where('id', '=', row.id).execute();
  });
});

describe('what D1 holds', () => {
  it('only the published record and the statistics snapshot: tables and columns listed', async () => {
    const d1 = await mf.getD1Database('DB');
    const tables = (
      await d1
        .prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '_cf_%' order by name")
        .all<{ name: string }>()
    ).results.map((r: { name: string }) => r.name);
    const columns: Record<string, string[]> = {};
    for (const name of tables)
      columns[name] = (await d1.prepare(`select name from pragma_table_info('${name}') order by cid`).all<{ name: string }>()).results.map(
        (r: { name: string }) => r.name,
      );
    expect(columns).toEqual({
      edge_result: [
        'ref',
        'version',
        'category',
        'township',
        'business',
        'business_key',
        'outcome',
        'decided_on',
        'published_at',
        'record',
      ],
      edge_statistics: ['id', 'version', 'computed_at', 'snapshot'],
      edge_withdrawn: ['ref', 'version', 'reason', 'withdrawn_on'],
    });
    // Each stored record has exactly the public record's fields, and no personal data anywhere.
    const rows = (await d1.prepare('select record from edge_result').all<{ record: string }>()).results;
    expect(rows.length).toBeGreaterThan(0);
    const officeItem = ((await (await office.request('/api/v1/results')).json()) as { items: object[] }).items[0]!;
    for (const r of rows) expect(Object.keys(JSON.parse(r.record)).sort()).toEqual(Object.keys(officeItem).sort());
    const dump = JSON.stringify([
      rows,
      (await d1.prepare('select * from edge_withdrawn').all()).results,
      (await d1.prepare('select * from edge_statistics').all()).results,
    ]);
    for (const v of Object.values(PII)) expect(dump).not.toContain(v);
    const numbers = await t.db.selectFrom('intake_case').select('number').execute();
    for (const n of numbers) expect(dump).not.toContain(n.number);
  });
});

describe('business search (LIKE … ESCAPE)', () => {
  it('a business name holding %, _ or \\ is found, and those characters match only themselves', async () => {
    const template = JSON.parse(
      ((await (await mf.getD1Database('DB')).prepare('select record from edge_result limit 1').first()) as { record: string }).record,
    ) as Record<string, unknown>;
    const names = ['50%果业有限公司', '500果业有限公司', 'A_B食品有限公司', 'AxB食品有限公司', 'C\\D餐饮有限公司'];
    const items = names.map((business, i) => ({
      type: 'record',
      ref: `GK2026-LIKE${i}`,
      version: 1,
      record: { ...template, ref: `GK2026-LIKE${i}`, business, businessKey: `like-${i}` },
    }));
    const body = JSON.stringify({ items });
    const now = Date.now();
    const res = await mf.dispatchFetch('https://edge.test/_edge/sync', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'X-Shiantong-Timestamp': String(now),
        'X-Shiantong-Signature': await sign(EDGE_SECRET, now, body),
      },
      body,
    });
    expect(res.status).toBe(200);
    const found = async (s: string) =>
      ((await (await edge(`/api/v1/results?business=${encodeURIComponent(s)}`)).json()) as { items: { business: string }[] }).items
        .map((i) => i.business)
        .sort();
    expect(await found('50%')).toEqual(['50%果业有限公司']);
    expect(await found('A_B')).toEqual(['A_B食品有限公司']);
    expect(await found('C\\D')).toEqual(['C\\D餐饮有限公司']);
    expect(await found('果业')).toEqual(['500果业有限公司', '50%果业有限公司'].sort());
  });
});

describe('a public period that runs out (Order 45 Art. 13)', () => {
  it('the edge.sync job removes an expired record from the edge, once', async () => {
    clock.set(new Date('2026-11-21T02:00:00Z'));
    const rec = await publishOne();
    const url = (await mf.ready).toString();
    const deps = { ...t.deps, config: { ...t.deps.config, edge: { url, secret: EDGE_SECRET, statisticsEveryMs: 3_600_000 } } };
    const sync = async () => {
      const r = await PROCESSORS['edge.sync']({}, { deps, job: undefined as never, token: undefined });
      expect(r.outcome).toBe('done');
      return JSON.parse(r.detail ?? '{}') as { delivered: number; pending: number };
    };
    expect((await sync()).pending).toBe(0);
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(200);
    expect(await (await edge('/results')).text()).toContain(rec.ref);
    const { public_until: until } = await t.db
      .selectFrom('disposition')
      .select('public_until')
      .where('id', '=', rec.id)
      .executeTakeFirstOrThrow();
    expect(until).toBeTruthy();

    // A day before the end: still public in the office and at the edge, nothing queued for it.
    clock.set(new Date(Date.parse(until!) - 86_400_000));
    await sync();
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(200);
    expect((await office.request(`/api/v1/results/${rec.ref}`)).status).toBe(200);

    // The period runs out: no event in the office, the office's pages drop it by date; one sync and the edge follows.
    clock.set(new Date(Date.parse(until!) + 60_000));
    expect((await office.request(`/api/v1/results/${rec.ref}`)).status).not.toBe(200);
    expect((await edge(`/api/v1/results/${rec.ref}`)).status).toBe(200);
    expect((await sync()).pending).toBe(0);
    const e = await edge(`/api/v1/results/${rec.ref}`);
    expect(e.status).toBe(410);
    expect(await e.json()).toMatchObject({ ref: rec.ref, withdrawn: true, reason: '公示期已结束' });
    expect(await (await edge('/results')).text()).not.toContain(rec.ref);
    expect(await (await edge('/api/v1/results.csv')).text()).not.toContain(rec.ref);
    expect(await (await edge('/results/feed.atom')).text()).not.toContain(rec.ref);

    // Later runs queue nothing more for it.
    clock.set(new Date(Date.parse(until!) + 3_600_000));
    await sync();
    await sync();
    const items = await t.db
      .selectFrom('edge_outbox')
      .select(['kind', 'payload'])
      .where('ref', '=', rec.ref)
      .where('kind', '=', 'withdrawal')
      .execute();
    expect(items).toHaveLength(1);
    const { version } = await t.db.selectFrom('disposition').select('version').where('id', '=', rec.id).executeTakeFirstOrThrow();
    expect(JSON.parse(items[0]!.payload)).toEqual({
      type: 'withdrawal',
      ref: rec.ref,
      version: Number(version) + 1,
      reason: '公示期已结束',
      on: cstDateOf(new Date(until!)),
    });
  });
});
