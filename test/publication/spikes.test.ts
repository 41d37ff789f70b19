// Spike alerts (issue 9 item 6): submissions per (category, township) in the last 7 days against the mean
// of the 8 weeks before; count ≥ max(5, 2 × mean + 2) raises one alert per (category, township, week) to
// the supervisors of the township's unit, however often the scan runs. Cases are filed through the real
// intake and triage; the category is then fixed so the counts do not depend on the classifier.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { unitForTownship } from '../../src/routing/routing.rules.ts';
import { SPIKE_RULE, cstWeekOf, scanSpikes, spikeThreshold } from '../../src/publication/spikes.service.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { PROCESSORS } from '../../src/workflow/processors/index.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { addSupervisor } from './publication-fixtures.ts';

// A Tuesday morning (CST).
const clock = new ManualClock(new Date('2026-09-01T02:00:00Z'));
let t: TestDeps;

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

let n = 0;
async function file(township: string, category: string): Promise<{ id: string; number: string }> {
  n++;
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'complaint',
      description: `在这家店买的熟食有异味，第${n}次反映，希望尽快处理。`,
      business: { name: `测试食品店${n}号`, address: '新郑市新华路56号' },
      township,
      request: '退款',
      person: { name: '测试甲乙', phone: `1390000${String(1000 + n)}`, address: `新郑市金城路${n}号` },
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const c = await t.db
    .selectFrom('intake_case')
    .select(['id', 'number'])
    .where('number', '=', r.cases[0]!.number)
    .executeTakeFirstOrThrow();
  await triageCase(t.deps, c.id);
  await t.db.updateTable('intake_case').set({ category }).where('id', '=', c.id).execute();
  return c;
}
const hours = (h: number) => clock.set(new Date(clock.now().getTime() + h * 3_600_000));
const spikeNotes = () => t.db.selectFrom('staff_notification').select(['user_id', 'message']).where('kind', '=', 'hotspot_spike').execute();
const spikeAlerts = () => t.db.selectFrom('hotspot_alert').selectAll().where('rule', '=', SPIKE_RULE).execute();

describe('category/township spikes', () => {
  it('the threshold is max(5, 2 × mean + 2)', () => {
    expect(spikeThreshold(0)).toBe(5);
    expect(spikeThreshold(1)).toBe(5);
    expect(spikeThreshold(2)).toBe(6);
    expect(spikeThreshold(3.5)).toBe(9);
    expect(cstWeekOf(new Date('2026-09-01T02:00:00Z'))).toBe('2026-08-31');
    expect(cstWeekOf(new Date('2026-08-30T17:00:00Z'))).toBe('2026-08-31'); // Monday 01:00 CST
  });

  it('normal weeks raise nothing', async () => {
    // 8 weeks of 3 a week, then a busier but ordinary week of 6 (threshold 2 × 3 + 2 = 8).
    for (let w = 0; w < 8; w++) {
      for (let i = 0; i < 3; i++) {
        await file('新华路街道', 'food_retail');
        hours(20);
      }
      hours(7 * 24 - 60);
      expect(await scanSpikes(t.deps)).toEqual({ spikes: 0 });
    }
    for (let i = 0; i < 6; i++) {
      await file('新华路街道', 'food_retail');
      hours(20);
    }
    expect(await scanSpikes(t.deps)).toEqual({ spikes: 0 });
    expect(await spikeAlerts()).toHaveLength(0);
  });

  it('one spike raises exactly one alert to the supervisors of the township’s unit', async () => {
    const unit = (await unitForTownship(t.db, '龙湖镇'))!;
    const otherUnit = (await unitForTownship(t.db, '新华路街道'))!;
    expect(unit).toBeTruthy();
    const supervisors = [await addSupervisor(t.deps, unit), await addSupervisor(t.deps, unit)];
    await addSupervisor(t.deps, otherUnit); // must not be told
    hours(24 * 70); // a quiet baseline for 龙湖镇: one a week for 8 weeks
    for (let w = 0; w < 8; w++) {
      await file('龙湖镇', 'catering');
      hours(7 * 24);
    }
    // Monday of a new week, then 5 within two days (threshold max(5, 2 × 1 + 2) = 5).
    const monday = new Date(`${cstWeekOf(clock.now())}T01:00:00Z`);
    clock.set(new Date(monday.getTime() + 7 * 24 * 3_600_000));
    const cases = [];
    for (let i = 0; i < 4; i++) {
      cases.push(await file('龙湖镇', 'catering'));
      hours(8);
    }
    expect(await scanSpikes(t.deps)).toEqual({ spikes: 0 }); // 4: not yet
    cases.push(await file('龙湖镇', 'catering'));
    expect(await scanSpikes(t.deps)).toEqual({ spikes: 1 });
    expect(await scanSpikes(t.deps)).toEqual({ spikes: 0 });
    // Through the job's processor too (what the scheduler runs).
    const r = await PROCESSORS['hotspots.scan']({}, { deps: t.deps, job: undefined as never, token: undefined });
    expect(r.outcome).toBe('done');
    // More reports the same week: still the one alert.
    hours(8);
    cases.push(await file('龙湖镇', 'catering'));
    expect(await scanSpikes(t.deps)).toEqual({ spikes: 0 });

    const alerts = await spikeAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.business_key).toBe('catering|龙湖镇');
    expect(alerts[0]!.unit_id).toBe(unit);
    const sent = await spikeNotes();
    expect(sent.map((s) => s.user_id).sort()).toEqual([...supervisors].sort());
    for (const s of sent) {
      for (const c of cases.slice(0, 5)) expect(s.message).toContain(c.number);
      expect(s.message).not.toContain('测试甲乙');
      expect(s.message).not.toMatch(/1390000\d{4}/);
    }
    const linked = await t.db.selectFrom('hotspot_alert_case').select('case_id').where('rule', '=', SPIKE_RULE).execute();
    expect(linked.map((l) => l.case_id).sort()).toEqual(
      cases
        .slice(0, 5)
        .map((c) => c.id)
        .sort(),
    );
  });
});
