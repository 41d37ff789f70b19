// The server side of `npm run eval:chat -- --server`: a real server (startRuntime on SQLite in a temp dir,
// its workers and Redis) and the bot's own HTTP client (bots/wechat/api-client.ts) to /api/v1. Every effect
// of the conversation is carried out as the bot does it (submission with its files, the status read for the
// receipt's deadlines, status queries, hand-offs, answers); an accepted submission's case is read back from
// the database, identity decrypted, and that stored case is what gets scored. Each persona is its own
// WeChat contact. The server's clock is the eval's fixed clock (2026-12-05 10:00 CST).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { ShiantongClient } from '../bots/wechat/api-client.ts';
import type { Effect, EffectResult } from '../bots/wechat/conversation.ts';
import { type Driver, type FiledCase, NOW, type Persona } from '../bots/wechat/eval-chat.ts';
import { loadConfig } from '../src/config.ts';
import { cstDateOf } from '../src/deadlines/cst.ts';
import type { Clock } from '../src/lib/clock.ts';
import { createLogger } from '../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../src/runtime.ts';

/** A 1×1 JPEG: what a persona's "photo" carries to the server. */
const JPEG = Uint8Array.from(
  Buffer.from(
    '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////2wBDAf//////////////////////////////////////////////////////////////////////////////////////wAARCAABAAEDASIAAhEBAxEB/8QAFAABAAAAAAAAAAAAAAAAAAAAA//EABQQAQAAAAAAAAAAAAAAAAAAAAD/xAAUAQEAAAAAAAAAAAAAAAAAAAAA/8QAFBEBAAAAAAAAAAAAAAAAAAAAAP/aAAwDAQACEQMRAD8AJ//Z',
    'base64',
  ),
);

export interface ServerDriver extends Driver {
  readonly runtime: Runtime;
  stop(): Promise<void>;
}

export async function startServerDriver(opts: { redisUrl?: string; clock?: Clock; contactPrefix?: string } = {}): Promise<ServerDriver> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'shiantong-eval-chat-'));
  const token = randomBytes(24).toString('hex');
  const redisUrl = opts.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `evalchat_${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    DATA_DIR: dataDir,
    REDIS_URL: redisUrl,
    QUEUE_PREFIX: prefix,
    IDENTITY_KEY: randomBytes(32).toString('base64'),
    LOG_LEVEL: 'silent',
    BOT_TOKEN: token,
    RATE_LIMIT_SUBMISSIONS_PER_MINUTE: '100000',
    RATE_LIMIT_LOOKUPS_PER_MINUTE: '100000',
    PORT: '0',
    HOST: '127.0.0.1',
  });
  const clock: Clock = opts.clock ?? { now: () => NOW };
  // The first start prints where the first admin's password is: not part of the eval's output.
  const log = console.log;
  console.log = () => {};
  let runtime: Runtime;
  try {
    runtime = await startRuntime(config, { clock, logger: createLogger('silent') });
  } finally {
    console.log = log;
  }
  if (!runtime.url) throw new Error('the server did not start HTTP');
  const api = new ShiantongClient(runtime.url, token);
  const { db, cipher } = runtime.deps;
  const contactOf = (p: Persona) => `${opts.contactPrefix ?? 'eval'}-${p.id}`;

  async function readBack(numbers: string[]): Promise<FiledCase | undefined> {
    const rows = [];
    for (const number of numbers) {
      const row = await db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirst();
      if (row) rows.push(row);
    }
    const first = rows[0];
    if (!first) return undefined;
    const report = rows.find((r) => r.kind === 'report');
    const complaint = rows.find((r) => r.kind === 'complaint');
    const kinds = new Set(rows.map((r) => r.kind));
    const party = await db.selectFrom('party').select(['id', 'identity_enc']).where('case_id', '=', first.id).executeTakeFirst();
    const who = party ? cipher.open<{ name?: string; address?: string }>(party.identity_enc, `party:${party.id}`) : {};
    const descriptions = [...new Set(rows.map((r) => r.description))];
    return {
      kind: kinds.has('complaint') && kinds.has('report') ? 'both' : first.kind,
      // A "both" submission keeps the allegation in both cases: scored on what they have in common.
      description: descriptions.length === 1 ? first.description : commonWords(descriptions),
      business: first.business_name,
      businessAddress: first.business_address,
      place: first.place,
      township: first.township,
      incidentDate: first.incident_at ? cstDateOf(new Date(first.incident_at)) : null,
      request: (complaint ?? first).citizen_request,
      anonymous: (report ?? first).anonymous === 1,
      wantsReward: (report ?? first).wants_reward === 1,
      personName: who.name ?? null,
      personAddress: who.address ?? null,
    };
  }

  return {
    runtime,
    async carry(effect: Effect, p: Persona): Promise<{ result: EffectResult; filed?: FiledCase }> {
      const contact = contactOf(p);
      switch (effect.type) {
        case 'submit': {
          const files = effect.files.map((f) => ({ bytes: JPEG, mime: f.mime }));
          const r = await api.submit(effect.payload, files, contact, effect.idempotencyKey);
          if (r.type !== 'submit' || !r.ok) return { result: r };
          const filed = await readBack(r.cases.map((c) => c.number));
          const first = r.cases[0];
          const st = first ? await api.status(first.number, r.queryCode) : null;
          const result = st?.type === 'query' && st.ok ? { ...r, deadlines: st.status.deadlines ?? [] } : r;
          return filed ? { result, filed } : { result };
        }
        case 'query':
          return { result: await api.status(effect.number, effect.code) };
        case 'list':
          return { result: await api.casesOf(contact) };
        case 'handoff':
          return { result: await api.handoff(contact, effect.message) };
        case 'answer':
          return { result: await api.answer(contact, effect.number, effect.answer) };
        case 'claimPassword':
          return { result: await api.claimPassword(contact, effect.number, effect.password) };
      }
    },
    async stop() {
      await runtime.stop();
      const r = new Redis(redisUrl);
      try {
        const keys = await r.keys(`${prefix}:*`);
        if (keys.length) await r.del(...keys);
      } finally {
        r.disconnect();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The characters of the first description that every other one also has, in order (for a split "both"). */
function commonWords(texts: string[]): string {
  const [head = '', ...rest] = texts;
  return rest.every((t) => t.includes(head)) ? head : texts.join('\n');
}
