// Hot-spot alerts on a real database: illness reports filed through the real intake and labelled by the
// real triage; three about one business inside 72 hours raise exactly one alert to the unit's
// supervisors, however often the scan runs; a fourth joins it silently; slower or scattered reports do not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { clusters, scanHotspots } from '../../src/publication/hotspots.service.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { PROCESSORS } from '../../src/workflow/processors/index.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { addSupervisor } from './publication-fixtures.ts';

const clock = new ManualClock(new Date('2026-11-16T02:00:00Z'));
let t: TestDeps;
let supervisors: string[];

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
  supervisors = [await addSupervisor(t.deps, 'station-xhl'), await addSupervisor(t.deps, 'station-xhl')];
  await addSupervisor(t.deps, 'station-lh'); // another unit: must not be told
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

const TEXTS = [
  '昨天中午在这家店吃了烩面，晚上开始上吐下泻，去了医院输液。',
  '前天晚上在他家吃饭，全家人都肚子疼拉肚子，孩子发烧住院了。',
  '今天早上在这里吃的早餐，吃完没多久就恶心呕吐，去医院看了急诊。',
  '在这家店吃完饭后腹泻不止，到医院诊断是食物中毒。',
];
let n = 0;

async function illness(business: string, township = '新华路街道'): Promise<{ id: string; number: string }> {
  n++;
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'complaint',
      description: TEXTS[n % TEXTS.length],
      business: { name: business, address: '新郑市新华路56号' },
      township,
      request: '赔偿医药费',
      person: {
        name: `测试${'甲乙丙丁戊己庚辛'[n % 8]}${'一二三四五六七八'[(n * 3) % 8]}`,
        phone: `1390000${String(1000 + n)}`,
        address: `新郑市金城路${n}号`,
      },
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
  return c;
}

const hours = (h: number) => clock.set(new Date(clock.now().getTime() + h * 3_600_000));
const notes = () =>
  t.db.selectFrom('staff_notification').select(['user_id', 'kind', 'message']).where('kind', '=', 'hotspot_illness').execute();

describe('illness clusters', () => {
  it('three illness reports about one business within 72 hours raise exactly one alert', async () => {
    const a = await illness('老街烩面馆');
    hours(30);
    const b = await illness('老街烩面馆');
    expect((await scanHotspots(t.deps)).alerts).toBe(0);
    hours(40);
    const c = await illness('老街烩面馆');
    const row = await t.db
      .selectFrom('intake_case')
      .select(['urgency', 'business_key', 'unit_id'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(row.urgency).toBe('urgent');
    expect(row.business_key).toBeTruthy();
    expect(row.unit_id).toBe('station-xhl');

    expect(await scanHotspots(t.deps)).toEqual({ alerts: 1, joined: 0 });
    expect(await scanHotspots(t.deps)).toEqual({ alerts: 0, joined: 0 });
    // Through the job's processor too (what the scheduler runs).
    expect((await PROCESSORS['hotspots.scan']({}, { deps: t.deps, job: undefined as never, token: undefined })).outcome).toBe('done');

    const sent = await notes();
    expect(sent.map((s) => s.user_id).sort()).toEqual([...supervisors].sort());
    for (const s of sent) for (const num of [a.number, b.number, c.number]) expect(s.message).toContain(num);
    expect(await t.db.selectFrom('hotspot_alert').selectAll().execute()).toHaveLength(1);

    // A fourth report soon after joins the same alert without a second notification.
    hours(10);
    const d = await illness('老街烩面馆');
    expect(await scanHotspots(t.deps)).toEqual({ alerts: 0, joined: 1 });
    expect(await notes()).toHaveLength(2);
    const linked = await t.db.selectFrom('hotspot_alert_case').select('case_id').execute();
    expect(linked.map((l) => l.case_id).sort()).toEqual([a.id, b.id, c.id, d.id].sort());
  });

  it('reports spread over more than 72 hours, or about different businesses, raise nothing', async () => {
    hours(24 * 30);
    await illness('新郑市好味道餐饮有限公司');
    hours(40);
    await illness('新郑市好味道餐饮有限公司');
    hours(40);
    await illness('新郑市好味道餐饮有限公司');
    await illness('蜜雪冰城新华路店');
    expect(await scanHotspots(t.deps)).toEqual({ alerts: 0, joined: 0 });
    expect(await notes()).toHaveLength(2);
  });

  it('the two cases of one "both" submission count once', () => {
    const at = (h: number) => new Date(Date.UTC(2026, 10, 1) + h * 3_600_000).toISOString();
    expect(
      clusters([
        { receivedAt: at(0), submissionId: 's1' },
        { receivedAt: at(0), submissionId: 's1' },
        { receivedAt: at(5), submissionId: 's2' },
      ]),
    ).toEqual([]);
    expect(
      clusters([
        { receivedAt: at(0), submissionId: 's1' },
        { receivedAt: at(1), submissionId: 's2' },
        { receivedAt: at(72), submissionId: 's3' },
        { receivedAt: at(73), submissionId: 's4' },
      ]),
    ).toHaveLength(1);
  });
});
