// Assignment under concurrent workers: several case.received jobs for one 所 run at once (on PostgreSQL,
// each in its own connection). A handler's capacity is never exceeded; what does not fit waits in the
// unit's queue.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { receiveCase } from '../../src/workflow/processors/case-received.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => t?.close());

async function handler(capacity: number): Promise<string> {
  const id = randomUUID();
  const at = new Date().toISOString();
  await t.db
    .insertInto('staff_user')
    .values({
      id,
      username: `cap-${id.slice(0, 8)}`,
      display_name: '承办人',
      role: 'handler',
      unit_id: 'station-lhu',
      skills: '[]',
      capacity,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

const PLACES = ['华南城', '龙湖镇政府门口', '龙湖大学城', '龙湖镇市场', '泰山村', '龙湖镇老街', '祥云路', '文昌路'];

describe('capacity under concurrent assignment', () => {
  it('16 cases triaged at once never give a handler more than their capacity', async () => {
    const handlers = [await handler(3), await handler(3)];
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      const r = await t.deps.intake.submit({
        submission: SubmissionSchema.parse({
          kind: 'report',
          anonymous: true,
          description: `龙湖镇${PLACES[i % PLACES.length]}第${i + 1}家小吃店用过期食材，后厨很脏，编号${i}`,
        }),
        files: [],
        channel: 'api',
        actor: { role: 'citizen', id: null },
        idempotencyKey: null,
      });
      const number = r.cases[0]?.number;
      ids.push(
        (
          await t.db
            .selectFrom('intake_case')
            .select('id')
            .where('number', '=', number ?? '')
            .executeTakeFirstOrThrow()
        ).id,
      );
    }
    const outcomes = await Promise.all(ids.map((id) => receiveCase(t.deps, id)));
    expect(outcomes.every((o) => o.applied)).toBe(true);
    const loads = await t.db
      .selectFrom('intake_case')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('assignee_id', 'in', handlers)
      .groupBy('assignee_id')
      .execute();
    expect(loads.map((l) => Number(l.n)).sort()).toEqual([3, 3]);
    const waiting = await t.db
      .selectFrom('intake_case')
      .select('id')
      .where('id', 'in', ids)
      .where('unit_id', '=', 'station-lhu')
      .where('assignee_id', 'is', null)
      .execute();
    expect(waiting).toHaveLength(10);
  });
});
