// Triage, routing and assignment on a real database: labels with reasons, related cases, repeats and
// merges (Order 121 Art. 35), abuse flags (Art. 17), routing to 市场监管所, even assignment by skill.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Submission } from '../../src/cases/submission.schema.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { relabelCase } from '../../src/triage/relabel.service.ts';
import { receiveCase as triageCase } from '../../src/workflow/processors/case-received.processor.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import type { StaffRole } from '../../src/backoffice/staff.table.ts';

let t: TestDeps;
beforeAll(async () => {
  t = await testDeps();
});
afterAll(async () => t.close());

async function staff(unitId: string, role: StaffRole, skills: string[] = [], name: string = role) {
  const id = randomUUID();
  const at = new Date().toISOString();
  await t.db
    .insertInto('staff_user')
    .values({
      id,
      username: `${name}-${id.slice(0, 6)}`,
      display_name: name,
      role,
      unit_id: unitId,
      skills: JSON.stringify(skills),
      capacity: 200,
      active: 1,
      last_assigned_at: null,
      password_hash: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

async function submit(raw: Record<string, unknown>) {
  const submission: Submission = SubmissionSchema.parse(raw);
  const r = await t.deps.intake.submit({
    submission,
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const ids = [];
  for (const c of r.cases)
    ids.push((await t.db.selectFrom('intake_case').select('id').where('number', '=', c.number).executeTakeFirstOrThrow()).id);
  return ids;
}
const load = (id: string) => t.db.selectFrom('intake_case').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const person = (phone = '13800001111', name = '赵敏') => ({ name, phone, address: '新郑市和平小区1号楼' });

describe('triage and routing', () => {
  it('labels a report with reasons, routes it to its 所 and assigns a skilled handler; a second run changes nothing', async () => {
    const handler = await staff('station-lhu', 'handler', [], '龙湖承办人');
    const sup = await staff('station-lhu', 'supervisor');
    const [id] = await submit({
      kind: 'report',
      anonymous: true,
      description: '龙湖镇有个小作坊晚上收泔水油回来熬地沟油，白天卖给早餐摊炸油条',
      business: { name: '无招牌油坊' },
    });
    const received = await load(id!);
    const out = await triageCase(t.deps, id!);
    expect(out.applied).toBe(true);
    const c = await load(id!);
    expect(c).toMatchObject({ status: 'assigned', township: '龙湖镇', unit_id: 'station-lhu', assignee_id: handler, suspected_crime: 1 });
    // Two transitions (triage, assign), written together: the version still counts both.
    expect(c.version).toBe(received.version + 2);
    expect(JSON.parse(c.crime_basis!)).toContain('地沟油');
    const tri = JSON.parse(c.triage!) as { reasons: { field: string; evidence: string }[] };
    expect(tri.reasons.some((r) => r.field === 'suspected_crime' && r.evidence.includes('地沟油'))).toBe(true);
    const events = await t.db.selectFrom('case_event').select('type').where('case_id', '=', id!).orderBy('at').execute();
    expect(events.map((e) => e.type)).toEqual(['submit', 'triage', 'assign']);
    const before = JSON.stringify(await load(id!));
    expect(await triageCase(t.deps, id!)).toMatchObject({ applied: false });
    expect(JSON.stringify(await load(id!))).toBe(before);
    expect(await t.db.selectFrom('staff_notification').select('kind').where('user_id', '=', handler).execute()).toEqual([
      { kind: 'assigned' },
    ]);
    void sup;
  });

  it('sends an unknown place and a non-food matter to the intake centre, naming the competent authority', async () => {
    const [unknown] = await submit({ kind: 'report', anonymous: true, description: '有家饭店后厨老鼠乱跑，卫生太差了，碗筷都不消毒' });
    await triageCase(t.deps, unknown!);
    expect(await load(unknown!)).toMatchObject({ status: 'awaiting_routing', unit_id: 'intake', assignee_id: null });
    const [farm] = await submit({
      kind: 'report',
      anonymous: true,
      description: '辛店镇有农户在菜地里打国家禁用的剧毒农药，快收获的青菜也在打',
      township: '辛店镇',
    });
    await triageCase(t.deps, farm!);
    const f = await load(farm!);
    expect(f.status).toBe('awaiting_routing');
    expect(f.other_authority).toBeTruthy();
    expect(JSON.parse(f.flags!).map((x: { code: string }) => x.code)).toContain('transfer_suggested');
  });

  it('classifies hostile input or marks it as needing details, without errors', async () => {
    for (const description of [
      '😡😡😡😡😡😡',
      '<script>alert(1)</script> 这家店太坑了',
      "'; DROP TABLE intake_case; -- 举报",
      '啊'.repeat(4999),
      'I got sick after eating at a restaurant in Longhu',
    ]) {
      const [id] = await submit({ kind: 'consultation', description });
      await expect(triageCase(t.deps, id!)).resolves.toMatchObject({ applied: true });
      const c = await load(id!);
      expect(['awaiting_routing', 'assigned']).toContain(c.status);
      expect(c.category).toBeTruthy();
    }
  });

  it('waits in the unit queue when no handler is available and alerts the supervisor once', async () => {
    const sup = await staff('station-gys', 'supervisor');
    const [id] = await submit({
      kind: 'report',
      anonymous: true,
      description: '观音寺镇一家超市卖过期的火腿肠，日期都改过了',
      township: '观音寺镇',
      business: { name: '观音寺好运超市' },
    });
    await triageCase(t.deps, id!);
    expect(await load(id!)).toMatchObject({ status: 'triaged', unit_id: 'station-gys', assignee_id: null });
    await triageCase(t.deps, id!);
    expect(await t.db.selectFrom('staff_notification').select('kind').where('user_id', '=', sup).execute()).toEqual([
      { kind: 'no_handler' },
    ]);
  });
});

describe('assignment', () => {
  it('spreads cases evenly across a unit’s handlers, respecting skills', async () => {
    const school = [
      await staff('station-xjl', 'handler', ['school_canteen'], 'A'),
      await staff('station-xjl', 'handler', ['school_canteen'], 'B'),
    ];
    const plain = [await staff('station-xjl', 'handler', [], 'C'), await staff('station-xjl', 'handler', [], 'D')];
    const schoolCases: string[] = [];
    for (let i = 0; i < 20; i++) {
      const [id] = await submit({
        kind: 'report',
        anonymous: true,
        description: `新建路街道的实验小学食堂给孩子们吃发霉的米饭，第${i + 1}次反映了`,
        township: '新建路街道',
        business: { name: `实验小学食堂${i}` },
      });
      await triageCase(t.deps, id!);
      schoolCases.push(id!);
    }
    for (const id of schoolCases) {
      const c = await load(id);
      expect(c.category).toBe('school_canteen');
      expect(school).toContain(c.assignee_id);
    }
    for (let i = 0; i < 100; i++) {
      const [id] = await submit({
        kind: 'report',
        anonymous: true,
        description: `新建路一家饭馆后厨卫生很差，有苍蝇和老鼠，编号${i}`,
        township: '新建路街道',
        business: { name: `饭馆${i}` },
      });
      await triageCase(t.deps, id!);
    }
    const counts = await t.db
      .selectFrom('intake_case')
      .select(['assignee_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('unit_id', '=', 'station-xjl')
      .groupBy('assignee_id')
      .execute();
    const byHandler = Object.fromEntries(counts.map((c) => [c.assignee_id, Number(c.n)]));
    const all = [...school, ...plain].map((h) => byHandler[h] ?? 0);
    expect(all.reduce((a, b) => a + b, 0)).toBe(120);
    expect(Math.max(...all) - Math.min(...all)).toBeLessThanOrEqual(1);
  });
});

describe('related cases, repeats and abuse signals', () => {
  it('links cases about the same business in the same township', async () => {
    const [a] = await submit({
      kind: 'report',
      anonymous: true,
      description: '郭店镇华夏烩面馆用的羊肉有问题，颜色发黑',
      township: '郭店镇',
      business: { name: '华夏烩面馆' },
    });
    const [b] = await submit({
      kind: 'report',
      anonymous: true,
      description: '郭店镇华夏烩面馆后厨很脏，碗不消毒',
      township: '郭店镇',
      business: { name: '华夏 烩面馆' },
    });
    await triageCase(t.deps, a!);
    await triageCase(t.deps, b!);
    const links = await t.db
      .selectFrom('case_link')
      .select(['case_id', 'other_case_id'])
      .where('type', '=', 'related')
      .where('case_id', '=', b!)
      .execute();
    expect(links).toEqual([{ case_id: b, other_case_id: a }]);
  });

  it('a busy business forms one cluster: each new case links to its earliest case, not to every earlier one (issue #21.3)', async () => {
    const ids: string[] = [];
    for (const d of ['碗没洗干净', '菜里有头发', '油是地沟油', '服务员不戴口罩', '饭菜变质发馊'])
      ids.push(
        (
          await submit({
            kind: 'report',
            anonymous: true,
            description: `龙湖镇老街川菜馆${d}，请查处`,
            township: '龙湖镇',
            business: { name: '老街川菜馆' },
          })
        )[0]!,
      );
    for (const id of ids) await triageCase(t.deps, id);
    const links = await t.db
      .selectFrom('case_link')
      .select(['case_id', 'other_case_id'])
      .where('type', '=', 'related')
      .where((eb) => eb.or([eb('case_id', 'in', ids), eb('other_case_id', 'in', ids)]))
      .execute();
    const [first, ...rest] = ids;
    // 2 rows per later case (both directions), all through the first case: 2(n−1), not n(n−1).
    expect(links).toHaveLength(2 * rest.length);
    expect(
      links
        .filter((l) => l.case_id === first)
        .map((l) => l.other_case_id)
        .sort(),
    ).toEqual([...rest].sort());
    for (const id of rest) expect(links.filter((l) => l.case_id === id)).toEqual([{ case_id: id, other_case_id: first }]);
  });

  it('a complaint about a dispute already handled is refused under Art. 16(2), never just marked duplicate', async () => {
    const p = person('13911114444', '周晓光');
    const complaint = {
      kind: 'complaint',
      description: '在新建路好运来超市买的牛奶过期了，要求退货赔偿',
      township: '新建路街道',
      business: { name: '好运来超市', address: '新郑市新建路12号' },
      request: '退货赔偿',
      person: p,
    };
    const [first] = await submit(complaint);
    await triageCase(t.deps, first!);
    await t.db.updateTable('intake_case').set({ status: 'accepted' }).where('id', '=', first!).execute();
    const [again] = await submit({ ...complaint, description: '好运来超市卖过期牛奶，我已经投诉过了，再投诉一次要求赔偿' });
    await triageCase(t.deps, again!);
    const row = await load(again!);
    const flags = JSON.parse(row.flags ?? '[]') as { code: string; text: string }[];
    expect(flags).toContainEqual({ code: 'already_handled', text: expect.stringContaining((await load(first!)).number) });
    await t.db.updateTable('intake_case').set({ status: 'assigned' }).where('id', '=', again!).execute();
    const { applyTransition } = await import('../../src/cases/case.repository.ts');
    const handler = { role: 'handler' as const, id: 'h-art16' };
    await expect(
      applyTransition(t.db, again!, { type: 'mark_duplicate', data: { originalCaseId: first! } }, handler, new Date()),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await applyTransition(
      t.db,
      again!,
      { type: 'refuse', reason: '同一争议已受理，正在处理中', data: { ground: 'already_handled' } },
      handler,
      new Date(),
    );
    expect((await load(again!)).status).toBe('refused');
    const ev = await t.db
      .selectFrom('case_event')
      .select(['public', 'data'])
      .where('case_id', '=', again!)
      .where('type', '=', 'refuse')
      .executeTakeFirstOrThrow();
    expect(ev.public).toBe(1);
    expect(JSON.parse(ev.data ?? '{}')).toEqual({ ground: 'already_handled' });
  });

  it('a similar (not identical) repeat by the same reporter is only proposed as a duplicate, to a person', async () => {
    const p = person('13911113333', '孙小美');
    const text = '龙湖镇康乐食品厂用过期面粉做月饼，仓库里堆着很多过期的面粉';
    const [first] = await submit({ kind: 'report', description: text, township: '龙湖镇', business: { name: '康乐食品厂' }, person: p });
    await triageCase(t.deps, first!);
    // The same facts in slightly different words: similar enough for the old guess, but not identical.
    const [again] = await submit({
      kind: 'report',
      description: '龙湖镇康乐食品厂用过期面粉做月饼，仓库里堆着好多过期面粉！',
      township: '龙湖镇',
      business: { name: '康乐食品厂' },
      person: p,
    });
    await triageCase(t.deps, again!);
    const row = await load(again!);
    expect(row.status).not.toBe('duplicate');
    expect(row.status).not.toBe('merged');
    const flags = JSON.parse(row.flags ?? '[]') as { code: string; text: string }[];
    const firstNumber = (await load(first!)).number;
    expect(flags).toContainEqual({ code: 'duplicate_suggested', text: expect.stringContaining(firstNumber) });
    const links = await t.db.selectFrom('case_link').select(['other_case_id', 'type']).where('case_id', '=', again!).execute();
    expect(links).toContainEqual({ other_case_id: first!, type: 'related' });
    // Punctuation and spacing alone do not make a text different: that one is still marked at once.
    const [same] = await submit({
      kind: 'report',
      description: `${text.replace('，', ', ')}。`,
      township: '龙湖镇',
      business: { name: '康乐食品厂' },
      person: p,
    });
    await triageCase(t.deps, same!);
    expect((await load(same!)).status).toBe('duplicate');
  });

  it('a repeat with the same facts is not handled again; new facts are merged and the clock restarts', async () => {
    const p = person('13911112222', '钱多多');
    const text = '孟庄镇鑫源肉联厂收购病死猪加工成香肠，每天晚上都有车拉死猪进去';
    const [first] = await submit({ kind: 'report', description: text, township: '孟庄镇', business: { name: '鑫源肉联厂' }, person: p });
    await triageCase(t.deps, first!);
    const d4Before = await t.db
      .selectFrom('case_clock')
      .select(['id', 'started_at'])
      .where('case_id', '=', first!)
      .where('clock', '=', 'D4')
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    const [same] = await submit({ kind: 'report', description: text, township: '孟庄镇', business: { name: '鑫源肉联厂' }, person: p });
    await triageCase(t.deps, same!);
    expect((await load(same!)).status).toBe('duplicate');
    const [more] = await submit({
      kind: 'report',
      description: '补充：鑫源肉联厂的冷库里还堆着几十头没检疫的死猪，厂里工人说是从外省拉来的',
      township: '孟庄镇',
      business: { name: '鑫源肉联厂' },
      person: p,
    });
    await triageCase(t.deps, more!);
    expect((await load(more!)).status).toBe('merged');
    const d4After = await t.db
      .selectFrom('case_clock')
      .select(['id', 'started_at'])
      .where('case_id', '=', first!)
      .where('clock', '=', 'D4')
      .where('status', '=', 'running')
      .executeTakeFirstOrThrow();
    expect(d4After.id).not.toBe(d4Before.id);
    const ev = await t.db
      .selectFrom('case_event')
      .select('type')
      .where('case_id', '=', first!)
      .where('type', '=', 'receive_merged')
      .execute();
    expect(ev).toHaveLength(1);
  });

  it('flags many complaints by one person about one business and complainants sharing a phone', async () => {
    const p = person('13722223333', '孙悟');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      const [id] = await submit({
        kind: 'complaint',
        description: `在薛店镇旺旺超市买的酸奶过期了，第${i + 1}次买到`,
        township: '薛店镇',
        business: { name: '旺旺超市', address: '薛店镇' },
        request: '退一赔十',
        person: p,
      });
      ids.push(id!);
      await triageCase(t.deps, id!);
    }
    const flags = JSON.parse((await load(ids[2]!)).flags!).map((f: { code: string }) => f.code);
    expect(flags).toContain('many_complaints_same_business');
    expect(JSON.parse((await load(ids[0]!)).flags!).map((f: { code: string }) => f.code)).not.toContain('many_complaints_same_business');
    const [other] = await submit({
      kind: 'complaint',
      description: '在薛店镇旺旺超市买的饼干里有虫子',
      township: '薛店镇',
      business: { name: '旺旺超市', address: '薛店镇' },
      request: '退款',
      person: { ...p, name: '猪八戒' },
    });
    await triageCase(t.deps, other!);
    expect(JSON.parse((await load(other!)).flags!).map((f: { code: string }) => f.code)).toContain('shared_phone');
    // flags are signals for staff, never a refusal
    expect((await load(other!)).status).not.toBe('refused');
  });

  it('staff can override a label; the original stays visible', async () => {
    const [id] = await submit({
      kind: 'report',
      anonymous: true,
      description: '和庄镇一家饭店的菜有股怪味，吃完不舒服',
      township: '和庄镇',
      business: { name: '和庄大酒店' },
    });
    await triageCase(t.deps, id!);
    const before = await load(id!);
    await relabelCase(
      t.deps,
      id!,
      { field: 'category', value: 'school_canteen' },
      { role: 'supervisor', id: 'sup-1' },
      '实为学校周边供餐单位',
    );
    const after = await load(id!);
    expect(after.category).toBe('school_canteen');
    expect(JSON.parse(after.triage!).category).toBe(before.category);
    const ev = await t.db
      .selectFrom('case_event')
      .select(['type', 'data', 'reason'])
      .where('case_id', '=', id!)
      .where('type', '=', 'relabel')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(ev.data!)).toEqual({ field: 'category', from: before.category, to: 'school_canteen' });
  });
});
