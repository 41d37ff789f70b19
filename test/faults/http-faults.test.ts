// What clients see when the machine misbehaves: a huge JSON body is refused before it is read; a full
// disk answers 507 with a Chinese message and Retry-After and writes nothing; an unreachable database
// answers 503 and the process lives on; /readyz answers even when Redis never does.
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { serve } from '@hono/node-server';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { openDatabase } from '../../src/db/database.ts';
import { createDeps } from '../../src/deps.ts';
import { createApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/lib/clock.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { producerConnection } from '../../src/workflow/redis.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { freePort } from '../helpers/redis-server.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => t?.close());

const post = (app: ReturnType<typeof createApp>, body: unknown) =>
  app.request('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

const caseCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('intake_case')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Sends only the request head (no body) and returns the raw answer: an answer proves the body was never awaited. */
async function headOnly(port: number, path: string, headers: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let got = '';
    s.setTimeout(10_000, () => {
      s.destroy();
      reject(new Error(`no answer to ${path} without its body`));
    });
    s.on('data', (d) => {
      got += d.toString('utf8');
      if (/\r\n\r\n[\s\S]*\}$/.test(got)) {
        s.destroy();
        resolve(got);
      }
    });
    s.on('error', reject);
    s.write(
      `POST ${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers)
        .map(([k, v]) => `${k}: ${v}\r\n`)
        .join('')}\r\n`,
    );
  });
}

describe('body limits', () => {
  it('refuses a 50 MB JSON body on every /api route before reading it', async () => {
    const server = serve({ fetch: createApp(t.deps).fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as net.AddressInfo).port;
    try {
      for (const path of [
        '/api/v1/submissions',
        '/api/v1/submissions/validate',
        '/api/v1/cases/XZ-2026-000001/answers',
        '/api/v1/bot/handoffs',
      ]) {
        const answer = await headOnly(port, path, { 'Content-Type': 'application/json', 'Content-Length': String(50 * 1024 * 1024) });
        expect(answer.split('\r\n')[0], path).toBe('HTTP/1.1 413 Payload Too Large');
        expect(answer, path).toContain('"code":"PAYLOAD_TOO_LARGE"');
      }
      // 1 MB of JSON is the most a submission needs; a declared 1 MB + 1 byte is refused, multipart is not.
      const over = await headOnly(port, '/api/v1/submissions', {
        'Content-Type': 'application/json',
        'Content-Length': String(1024 * 1024 + 1),
      });
      expect(over.split('\r\n')[0]).toBe('HTTP/1.1 413 Payload Too Large');
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});

describe('database trouble', () => {
  it.skipIf(t?.dialect === 'postgres' || process.env.TEST_DATABASE_URL)(
    'a full SQLite database answers 507 with Retry-After, stores nothing, stays intact and recovers',
    async () => {
      const app = createApp(t.deps);
      expect((await post(app, SUBMISSION_EXAMPLES.complaint.value)).status).toBe(201);
      const before = await caseCount();
      // The database may not grow by another page: the next write fails with SQLITE_FULL, as on a full disk.
      const pages = (await sql<{ page_count: number }>`pragma page_count`.execute(t.db)).rows[0]?.page_count ?? 0;
      await sql.raw(`pragma max_page_count = ${pages}`).execute(t.db);
      try {
        let full: Response | null = null;
        // A few submissions: the first may still fit in free pages.
        for (let i = 0; i < 50 && !full; i++) {
          const r = await post(app, {
            ...SUBMISSION_EXAMPLES.complaint.value,
            description: `${randomBytes(2000).toString('hex')} 第${i}次`,
          });
          if (r.status !== 201) full = r;
        }
        if (!full) throw new Error('the database never filled up');
        expect(full.status).toBe(507);
        expect(full.headers.get('retry-after')).toBe('300');
        const body = (await full.json()) as { error: { code: string; message: string } };
        expect(body.error.code).toBe('STORAGE_FULL');
        expect(body.error.message).toContain('存储空间已满');
        const integrity = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(t.db);
        expect(integrity.rows[0]?.integrity_check).toBe('ok');
        const after = await caseCount();
        expect(after).toBeGreaterThanOrEqual(before);
      } finally {
        await sql.raw('pragma max_page_count = 1073741823').execute(t.db);
      }
      const n = await caseCount();
      expect((await post(app, SUBMISSION_EXAMPLES.complaint.value)).status).toBe(201);
      expect(await caseCount()).toBe(n + 1);
    },
  );

  it('an unreachable database answers 503 UNAVAILABLE with Retry-After, and the next request is answered too', async () => {
    const port = await freePort(); // nothing listens here
    const { db, dialect } = openDatabase({ kind: 'postgres', url: `postgres://root@127.0.0.1:${port}/test` }, { onPoolError: () => {} });
    const deps = createDeps({
      config: t.env.config,
      db,
      dialect,
      logger: createLogger('silent'),
      clock: systemClock,
      identityKey: randomBytes(32),
      redisReady: async () => true,
    });
    try {
      const app = createApp(deps);
      for (let i = 0; i < 2; i++) {
        const r = await post(app, SUBMISSION_EXAMPLES.anonymousReport.value);
        expect(r.status).toBe(503);
        expect(r.headers.get('retry-after')).toBe('5');
        expect(((await r.json()) as { error: { code: string } }).error.code).toBe('UNAVAILABLE');
      }
      const ready = await app.request('/readyz');
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ database: false, redis: true });
    } finally {
      await deps.intake.close();
      await db.destroy();
    }
  });

  it.runIf(process.env.TEST_DATABASE_URL)(
    'PostgreSQL ending our connections (a restart) neither kills the process nor loses the next request',
    async () => {
      // Our own pool, named, so only its connections are ended.
      const name = `faults_${randomBytes(4).toString('hex')}`;
      const base = t.env.config.database;
      if (base.kind !== 'postgres') throw new Error('expected PostgreSQL');
      const url = `${base.url}&application_name=${name}`;
      const poolErrors: Error[] = [];
      const { db, dialect } = openDatabase({ kind: 'postgres', url }, { onPoolError: (e) => poolErrors.push(e) });
      const deps = createDeps({
        config: t.env.config,
        db,
        dialect,
        logger: createLogger('silent'),
        clock: systemClock,
        identityKey: randomBytes(32),
        redisReady: async () => true,
      });
      try {
        const app = createApp(deps);
        expect((await post(app, SUBMISSION_EXAMPLES.consultation.value)).status).toBe(201);
        // Like `pg_ctl restart`: the server ends every backend of ours with 57P01 while they sit idle in the pool.
        const ended = await sql<{ n: number }>`
        select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = ${name}`.execute(t.db);
        expect(ended.rows[0]?.n).toBeGreaterThan(0);
        for (let i = 0; i < 50 && poolErrors.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
        expect(poolErrors.map((e) => (e as { code?: string }).code)).toContain('57P01');
        // The pool opens fresh connections: the next citizen is answered normally.
        expect((await post(app, SUBMISSION_EXAMPLES.consultation.value)).status).toBe(201);
      } finally {
        await deps.intake.close();
        await db.destroy();
      }
    },
  );
});

describe('/readyz', () => {
  it('answers "not ready" when Redis accepts connections but never replies', async () => {
    // A black hole: TCP accepts, no byte ever comes back (a hung Redis, a half-open firewall).
    const sockets: net.Socket[] = [];
    const hole = net.createServer((s) => sockets.push(s));
    await new Promise<void>((r) => hole.listen(0, '127.0.0.1', r));
    const producer = producerConnection(`redis://127.0.0.1:${(hole.address() as net.AddressInfo).port}`);
    producer.on('error', () => {});
    const app = createApp({ ...t.deps, redisReady: async () => (await producer.ping()) === 'PONG' });
    try {
      const r = await app.request('/readyz', { signal: AbortSignal.timeout(10_000) });
      expect(r.status).toBe(503);
      expect(await r.json()).toMatchObject({ status: 'not ready', database: true, redis: false, disk: true });
    } finally {
      producer.disconnect();
      for (const s of sockets) s.destroy();
      hole.close();
    }
  });
});
