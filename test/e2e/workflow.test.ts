// End to end with real Redis: a case submitted over HTTP is triaged and assigned by the workers.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.ts';
import { type Runtime, startRuntime } from '../../src/runtime.ts';
import { type TestEnv, testEnv } from '../helpers/env.ts';

let env: TestEnv;
let rt: Runtime;
beforeAll(async () => {
  env = await testEnv({ ROLE: 'all', RELAY_INTERVAL_MS: '100' });
  rt = await startRuntime(env.config, { logger: createLogger('silent') });
});
afterAll(async () => {
  await rt?.stop();
  await env?.cleanup();
});

describe('submission → triage → assignment through BullMQ', () => {
  it('reaches `assigned` with labels, reasons and events', async () => {
    const at = new Date().toISOString();
    const handler = randomUUID();
    await rt.deps.db
      .insertInto('staff_user')
      .values({
        id: handler,
        username: 'lh-handler',
        display_name: '龙湖承办人',
        role: 'handler',
        unit_id: 'station-lhu',
        skills: '["special_food"]',
        capacity: 40,
        active: 1,
        last_assigned_at: null,
        password_hash: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    const res = await fetch(`${rt.url}/api/v1/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        kind: 'report',
        anonymous: true,
        description: '龙湖镇华南城一家母婴店卖的婴儿奶粉是假的，罐子上的防伪码查不到，好几个孩子喝了拉肚子',
        business: { name: '贝贝母婴店' },
      }),
    });
    expect(res.status).toBe(201);
    const number = ((await res.json()) as { cases: { number: string }[] }).cases[0]!.number;
    let c = await rt.deps.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    const end = Date.now() + 20_000;
    while (c.status === 'received' && Date.now() < end) {
      await new Promise((r) => setTimeout(r, 100));
      c = await rt.deps.db.selectFrom('intake_case').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    }
    expect(c).toMatchObject({ status: 'assigned', category: 'special_food', township: '龙湖镇', assignee_id: handler, suspected_crime: 1 });
    expect(['urgent', 'high']).toContain(c.urgency);
    expect((JSON.parse(c.triage!) as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    const events = await rt.deps.db.selectFrom('case_event').select('type').where('case_id', '=', c.id).orderBy('at').execute();
    expect(events.map((e) => e.type)).toEqual(['submit', 'triage', 'assign']);
  });
});
