// Publication through the real flow (intake → decision with draftOnDecision → approval → public pages) on a
// real database: the case's own reporter, whose uncommon name no extractor cue reveals, is masked from what
// is published because the case records it (decrypted in memory); the penalised business is named the
// same way in the business field and the decision text, keeps its credit code, and is found by its name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyTransition } from '../../src/cases/case.repository.ts';
import { SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { invalidateClockContext } from '../../src/deadlines/clock.service.ts';
import { createApp } from '../../src/http/app.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { findPii } from '../../src/publication/anonymiser.ts';
import { approveDisposition, draftOnDecision, partyInDecision } from '../../src/publication/disposition.service.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { SUPERVISOR } from './publication-fixtures.ts';

const clock = new ManualClock(new Date('2026-11-16T02:00:00Z'));
let t: TestDeps;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  invalidateClockContext();
  t = await testDeps({ clock });
  app = createApp(t.deps);
});
afterAll(async () => {
  invalidateClockContext();
  await t.close();
});

const page = async (path: string): Promise<string> => {
  const res = await app.request(path);
  expect(res.status).toBe(200);
  return res.text();
};

const REPORTER = { name: '冒辟疆', phone: '13623456789', address: '新郑市龙湖镇泰山村3组12号' };
const PARTY = '新郑市甄记烩面馆';
const CREDIT_CODE = '92410184MA45C1234X';
const OPERATOR = '宋雨桐';
const DECISION = `当事人${PARTY}（统一社会信用代码${CREDIT_CODE}，经营者${OPERATOR}）销售超过保质期的食品，依据《中华人民共和国食品安全法》第一百二十四条，没收违法所得800元，并处罚款人民币6000元。`;
// The reporter appears without any cue word, by given name, in another format of the phone, and by the
// village part of the address: only knowing the case's own parties finds all of them.
const FINDINGS = `经查，冒辟疆所述属实：执法人员在${PARTY}冷柜内查见过期牛肉3公斤。辟疆此前多次致电136 2345 6789反映，家住泰山村3组12号。`;

async function reportAndDecide(): Promise<string> {
  const r = await t.deps.intake.submit({
    submission: SubmissionSchema.parse({
      kind: 'report',
      description: '路口老甄家的烩面用过期牛肉，好多人吃了不舒服。',
      // As the citizen wrote it: no registered name (this used to be published as 「个体经营者」).
      business: { name: '路口老甄家烩面', address: '新郑市龙湖镇双湖大道18号' },
      township: '龙湖镇',
      person: REPORTER,
    }),
    files: [],
    channel: 'api',
    actor: { role: 'citizen', id: null },
    idempotencyKey: null,
  });
  const number = r.cases[0]?.number ?? '';
  const c = await t.db.selectFrom('intake_case').select('id').where('number', '=', number).executeTakeFirstOrThrow();
  await t.db
    .updateTable('intake_case')
    .set({ category: 'catering', township: '龙湖镇', unit_id: 'station-lhz', status: 'case_opened', opened_at: clock.now().toISOString() })
    .where('id', '=', c.id)
    .execute();
  await applyTransition(t.db, c.id, { type: 'decide', data: { decision: DECISION, findings: FINDINGS } }, SUPERVISOR, clock.now(), {
    alsoWrite: draftOnDecision(clock.now(), t.deps.cipher),
  });
  return c.id;
}

describe('the case itself decides what is personal; the business is named as the decision names it', () => {
  it('the extractor alone would miss the reporter (so the case-party step is what masks it)', () => {
    const found = findPii(FINDINGS).map((f) => f.value);
    expect(found.some((v) => v.includes('冒辟疆'))).toBe(false);
    expect(found.some((v) => v.includes('辟疆'))).toBe(false);
  });

  it('publishes a record without the reporter, with the party named alike in every field, found by its name', async () => {
    const caseId = await reportAndDecide();
    const d = await t.db.selectFrom('disposition').selectAll().where('case_id', '=', caseId).executeTakeFirstOrThrow();
    expect(d.status).toBe('draft');
    // The business field is the party the decision names, and the texts keep that name and credit code.
    expect(d.business_name).toBe(partyInDecision(DECISION));
    expect(d.business_name).toBe(PARTY);
    expect(d.business_key).not.toBeNull();
    expect(d.decision_text).toContain(`当事人${PARTY}（统一社会信用代码${CREDIT_CODE}，经营者[姓名]）`);
    // Natural persons only are masked: the operator and every trace of the reporter.
    expect(d.findings_text).toBe(
      `经查，[姓名]所述属实：执法人员在${PARTY}冷柜内查见过期牛肉3公斤。[姓名]此前多次致电[手机号]反映，家住[住址]。`,
    );

    await approveDisposition(t.deps, d.id, SUPERVISOR);
    const found = await page(`/results?business=${encodeURIComponent('甄记烩面馆')}`);
    expect(found).toContain(d.public_ref);
    expect(found).toContain(PARTY);
    expect(found).not.toContain('个体经营者');
    const detail = await page(`/results/${d.public_ref}`);
    const history = await page(`/results/business/${encodeURIComponent(d.business_key ?? '')}`);
    const json = await page('/api/v1/results');
    for (const text of [found, detail, history, json]) {
      expect(text).toContain(PARTY);
      for (const secret of [REPORTER.name, '辟疆', REPORTER.phone, '136 2345 6789', '泰山村3组12号', OPERATOR])
        expect(text).not.toContain(secret);
    }
    expect(detail).toContain(CREDIT_CODE);
  });
});

describe('partyInDecision', () => {
  it('reads a business party, its trade name under a credit code, and never a natural person', () => {
    expect(partyInDecision('当事人：新郑市好味道餐饮有限公司，住所新郑市新华路56号。')).toBe('新郑市好味道餐饮有限公司');
    expect(partyInDecision('当事人赵德柱（个体工商户，字号：新郑市德柱卤肉店，统一社会信用代码92410184MA9G7K2L3X）')).toBe(
      '新郑市德柱卤肉店',
    );
    expect(partyInDecision('当事人：赵德柱，男，身份证号410184199001011236。')).toBeNull();
    expect(partyInDecision('没收违法所得1200元，并处罚款人民币5,000元。', null)).toBeNull();
  });
});
