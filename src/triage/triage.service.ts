// Classification of a stored case, as the case.received pipeline runs it (workflow/processors/
// case-received.processor.ts): classify the text (pure triage()), write the labels with their reasons,
// link related cases, flag abuse signals (Art. 17) and fold a repeat by the same reporter into the
// earlier case (Art. 35). Runs inside the pipeline's transaction; routing and assignment follow there.
import type { Actor } from '../cases/case.machine.ts';
import { type PendingCaseWrite, applyTransitionIn } from '../cases/case.repository.ts';
import type { Trx } from '../db/database.ts';
import { compiledOnce } from '../db/compiled-once.ts';
import type { CaseLinkType, CaseRow } from '../cases/case.table.ts';
import { type TriageInput, type TriageResult, normaliseBusinessName, triage } from './triage.ts';

const SYSTEM: Actor = { role: 'system', id: null };
const URGENCY_RANK: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };
const DAY_MS = 24 * 3600 * 1000;

export interface Flag {
  code:
    | 'many_complaints_same_business'
    | 'shared_phone'
    | 'shared_address'
    | 'quantity'
    | 'kind_differs'
    | 'split_suggested'
    | 'duplicate_suggested'
    | 'already_handled'
    | 'auto_split'
    | 'transfer_suggested'
    | 'needs_details';
  text: string;
}

/** Character-bigram Dice similarity: "same facts" when a re-report says much the same thing. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const t = s.replace(/[\s\p{P}]/gu, '');
    const m = new Map<string, number>();
    for (let i = 0; i < t.length - 1; i++) m.set(t.slice(i, i + 2), (m.get(t.slice(i, i + 2)) ?? 0) + 1);
    return m;
  };
  const ga = grams(a);
  const gb = grams(b);
  let inter = 0;
  let total = 0;
  for (const [g, n] of ga) {
    inter += Math.min(n, gb.get(g) ?? 0);
    total += n;
  }
  for (const n of gb.values()) total += n;
  return total === 0 ? 0 : (2 * inter) / total;
}

export const SAME_FACTS_THRESHOLD = 0.6;

/** The text with spaces and punctuation removed: two reports are "identical" when these are equal. */
export const comparableText = (s: string): string => s.replace(/[\s\p{P}\p{S}]/gu, '');

// The pipeline's lookups, compiled once (db/compiled-once.ts).
const submitEventOf = compiledOnce((db, p: { caseId: string }) =>
  db.selectFrom('case_event').select('data').where('case_id', '=', p.caseId).where('type', '=', 'submit'),
);
const partyOf = compiledOnce((db, p: { caseId: string }) =>
  db.selectFrom('party').select(['phone_hmac', 'address_hmac', 'name_hmac']).where('case_id', '=', p.caseId),
);
/** The earliest case of a business's cluster in the window (see classifyCaseIn), with and without a township. */
const clusterQuery = (withTownship: boolean) =>
  compiledOnce((db, p: { businessKey: string; since: string; id: string; submissionId: string; township: string | null }) =>
    db
      .selectFrom('intake_case')
      .select(['id'])
      .where('business_key', '=', p.businessKey)
      .where('received_at', '>=', p.since)
      .where('id', '!=', p.id)
      .where('submission_id', '!=', p.submissionId)
      .$if(withTownship, (q) => q.where('township', '=', p.township))
      .orderBy('received_at')
      .orderBy('id')
      .limit(1),
  );
const clusterInTownship = clusterQuery(true);
const clusterAnywhere = clusterQuery(false);
const complaintsByPhone = compiledOnce((db, p: { phoneHmac: string; since: string }) =>
  db
    .selectFrom('party')
    .innerJoin('intake_case', 'intake_case.id', 'party.case_id')
    .select(['intake_case.id', 'intake_case.business_key', 'party.name_hmac'])
    .where('party.phone_hmac', '=', p.phoneHmac)
    .where('intake_case.kind', '=', 'complaint')
    .where('intake_case.received_at', '>=', p.since),
);
const handledComplaint = compiledOnce((db, p: { phoneHmac: string; businessKey: string; id: string }) =>
  db
    .selectFrom('intake_case')
    .innerJoin('party', 'party.case_id', 'intake_case.id')
    .select('intake_case.number')
    .where('party.phone_hmac', '=', p.phoneHmac)
    .where('intake_case.kind', '=', 'complaint')
    .where('intake_case.business_key', '=', p.businessKey)
    .where('intake_case.id', '!=', p.id)
    .where('intake_case.status', 'in', ['accepted', 'mediating', 'mediation_succeeded', 'mediation_failed', 'closed'])
    .orderBy('intake_case.received_at'),
);
const partiesAtAddress = compiledOnce((db, p: { addressHmac: string; id: string; since: string }) =>
  db
    .selectFrom('party')
    .select('name_hmac')
    .where('address_hmac', '=', p.addressHmac)
    .where('case_id', '!=', p.id)
    .where('created_at', '>=', p.since),
);
const earlierReport = compiledOnce((db, p: { phoneHmac: string; businessKey: string; id: string }) =>
  db
    .selectFrom('intake_case')
    .innerJoin('party', 'party.case_id', 'intake_case.id')
    .select(['intake_case.id', 'intake_case.description', 'intake_case.number'])
    .where('party.phone_hmac', '=', p.phoneHmac)
    .where('intake_case.kind', '=', 'report')
    .where('intake_case.business_key', '=', p.businessKey)
    .where('intake_case.id', '!=', p.id)
    .where('intake_case.status', 'not in', ['closed', 'duplicate', 'merged', 'not_opened', 'decided', 'published', 'transferred_out'])
    .orderBy('intake_case.received_at'),
);
/** Links two cases both ways (a pair already linked is left as it is). */
const linkBothWays = compiledOnce((db, p: { a: string; b: string; type: CaseLinkType; at: string }) =>
  db
    .insertInto('case_link')
    .values([
      { case_id: p.a, other_case_id: p.b, type: p.type, created_at: p.at },
      { case_id: p.b, other_case_id: p.a, type: p.type, created_at: p.at },
    ])
    .onConflict((oc) => oc.doNothing()),
);

/** The reason intake gave when it split this case's submission in two (auto-split.ts), or null. */
export async function autoSplitOfCase(trx: Trx, caseId: string): Promise<string | null> {
  const ev = await submitEventOf.first(trx, { caseId });
  if (!ev?.data) return null;
  try {
    const data = JSON.parse(ev.data) as { autoSplit?: { reason?: unknown } };
    return typeof data.autoSplit?.reason === 'string' ? data.autoSplit.reason : null;
  } catch {
    return null;
  }
}

/** What triage reads of a stored case. */
export function triageInputOf(row: CaseRow): TriageInput {
  return {
    text: [row.description, row.product].filter(Boolean).join('\n'),
    kind: row.kind as 'complaint' | 'report' | 'consultation',
    businessName: row.business_name,
    businessAddress: row.business_address,
    township: row.township,
    place: row.place,
    product: row.product,
  };
}

/** The triage of a stored case's words: pure CPU work, done before the pipeline opens its transaction. */
export function triageOfCase(row: CaseRow): TriageResult {
  return triage(triageInputOf(row));
}

/** Labels the case; returns a description if the case was folded into another (repeat or merge). */
export async function classifyCase(trx: Trx, row: CaseRow, now: Date): Promise<string | null> {
  return (await classifyCaseIn(trx, row, now, triageOfCase(row), false)).folded;
}

/**
 * classifyCase for the pipeline: `r` is the triage of `row` (made before the transaction), and with
 * `rowIsCurrent` the row was read in this same transaction, so the triage transition does not read it
 * again. Returns the fold, or the case as it now stands. With `deferWrite` (the caller's next step is
 * certainly a transition of the case: routing or assignment) a case that is not folded comes back with
 * its row's write held back in `pending`, for that transition to carry; a folded case is written here.
 */
export async function classifyCaseIn(
  trx: Trx,
  row: CaseRow,
  now: Date,
  r: TriageResult,
  rowIsCurrent: boolean,
  deferWrite = false,
): Promise<{ folded: string; row: null } | { folded: null; row: CaseRow; pending?: PendingCaseWrite }> {
  const businessName = row.business_name ?? r.business;
  const businessKey = businessName ? normaliseBusinessName(businessName) || null : null;
  const township = row.township ?? r.township;
  const flags: Flag[] = [];
  const autoSplit = await autoSplitOfCase(trx, row.id);
  if (autoSplit !== null) flags.push({ code: 'auto_split', text: `${autoSplit}。如拆分有误，可在本页“撤销自动拆分”` });
  if (r.kind !== row.kind) {
    if (r.kind === 'both') {
      // Already two linked cases (the citizen chose both, or intake split it): nothing to suggest.
      const split = await trx
        .selectFrom('case_link')
        .select('other_case_id')
        .where('case_id', '=', row.id)
        .where('type', '=', 'split')
        .executeTakeFirst();
      if (!split) flags.push({ code: 'split_suggested', text: '内容既有投诉又有举报，建议拆分为两件分别办理（《办法》第九条）' });
    } else
      flags.push({
        code: 'kind_differs',
        text: `内容更像${{ complaint: '投诉', report: '举报', consultation: '咨询', both: '投诉并举报' }[r.kind]}，请核实类型`,
      });
  }
  if (r.quantityFlag)
    flags.push({ code: 'quantity', text: `购买数量可能明显超出正常生活消费：${r.quantityFlag}（《办法》第十七条，仅供参考）` });
  if (r.otherAuthority)
    flags.push({ code: 'transfer_suggested', text: `可能不属于市场监管职责，建议移送${r.otherAuthority}（食品安全法第一百一十五条）` });
  if (r.needsDetails) flags.push({ code: 'needs_details', text: '内容过少或无法识别，需要联系当事人补充' });

  const at = now.toISOString();
  const since = new Date(now.getTime() - 30 * DAY_MS).toISOString();
  const party = await partyOf.first(trx, { caseId: row.id });

  // Related: same business (normalised) in the same township within 30 days. The case joins the
  // business's cluster by one link to its earliest case in the window (issue #21.3): linking every pair
  // grew as n² for a busy restaurant or a platform name; the cluster stays one hop from each member.
  const related = businessKey
    ? await (township !== null ? clusterInTownship : clusterAnywhere).rows(trx, {
        businessKey,
        since,
        id: row.id,
        submissionId: row.submission_id,
        township,
      })
    : [];

  // Abuse signals (Art. 17), for complaints: one person, many complaints about one business; several
  // complainants sharing one phone or address. Flags for staff only.
  if (row.kind === 'complaint' && party?.phone_hmac) {
    const mine = await complaintsByPhone.rows(trx, { phoneHmac: party.phone_hmac, since });
    // This case's own row has no business_key yet (the labels are written below): count it by hand.
    const sameBusiness = 1 + mine.filter((m) => m.id !== row.id && businessKey && m.business_key === businessKey).length;
    if (sameBusiness >= 3)
      flags.push({
        code: 'many_complaints_same_business',
        text: `同一投诉人30天内对同一经营者投诉${sameBusiness}次（《办法》第十七条，仅供参考）`,
      });
    if (mine.some((m) => m.name_hmac !== party.name_hmac))
      flags.push({ code: 'shared_phone', text: '多名投诉人使用同一联系电话（《办法》第十七条，仅供参考）' });
  }
  // Order 121 Art. 16(2): the same complainant about the same business, already accepted or handled
  // here: staff are told to refuse it with that ground (the refusal notifies the complainant).
  if (row.kind === 'complaint' && party?.phone_hmac && businessKey) {
    const handled = await handledComplaint.first(trx, { phoneHmac: party.phone_hmac, businessKey, id: row.id });
    if (handled)
      flags.push({
        code: 'already_handled',
        text: `同一投诉人对同一经营者的投诉 ${handled.number} 已受理或处理：如属同一消费者权益争议，应依《办法》第十六条第（二）项不予受理并告知投诉人`,
      });
  }
  if (row.kind === 'complaint' && party?.address_hmac) {
    const others = await partiesAtAddress.rows(trx, { addressHmac: party.address_hmac, id: row.id, since });
    if (others.some((o) => o.name_hmac !== party.name_hmac))
      flags.push({ code: 'shared_address', text: '多名投诉人使用同一联系地址（《办法》第十七条，仅供参考）' });
  }

  const patch = {
    category: r.category,
    urgency: r.urgency,
    urgency_rank: URGENCY_RANK[r.urgency] ?? 2,
    suspected_crime: r.suspectedCrime ? 1 : 0,
    crime_basis: r.crimeBasis.length ? JSON.stringify(r.crimeBasis) : null,
    needs_details: r.needsDetails ? 1 : 0,
    business_key: businessKey,
    township,
    triage: JSON.stringify(r),
    flags: JSON.stringify(flags),
    other_authority: r.otherAuthority,
  };
  const triaged = await applyTransitionIn(
    trx,
    row.id,
    { type: 'triage', data: { category: r.category, urgency: r.urgency, suspectedCrime: r.suspectedCrime, confidence: r.confidence } },
    SYSTEM,
    now,
    { patch, ...(rowIsCurrent ? { current: row } : {}), defer: deferWrite },
  );
  const pending = triaged.pending;
  const held = pending ? { unwritten: pending } : {};

  for (const o of related) await linkBothWays.run(trx, { a: row.id, b: o.id, type: 'related', at });

  // Order 121 Art. 35: the same reporter about the same target — same facts: not handled again; new
  // facts: merged into the earlier case, whose clock restarts.
  if (row.kind === 'report' && party?.phone_hmac && businessKey) {
    const earlier = await earlierReport.first(trx, { phoneHmac: party.phone_hmac, businessKey, id: row.id });
    if (earlier) {
      // Only an identical text is marked a duplicate without a person (issue 14): a similar one is
      // proposed to staff, who decide (mark_duplicate) — a similarity guess must not end a report.
      const same = comparableText(earlier.description) === comparableText(row.description);
      if (!same && similarity(earlier.description, row.description) >= SAME_FACTS_THRESHOLD) {
        await linkBothWays.run(trx, { a: row.id, b: earlier.id, type: 'related', at });
        const withSuggestion: Flag[] = [
          ...flags,
          {
            code: 'duplicate_suggested',
            text: `同一举报人对同一经营者的举报，内容与 ${earlier.number} 相近，可能重复：请人工判断是否按重复举报处理（《办法》第三十五条）`,
          },
        ];
        const flagsNow = JSON.stringify(withSuggestion);
        // Routed and handled as usual until a person decides. A held-back write carries the flags too.
        if (pending)
          return {
            folded: null,
            row: { ...triaged.row, flags: flagsNow },
            pending: { ...pending, set: { ...pending.set, flags: flagsNow } },
          };
        await trx.updateTable('intake_case').set({ flags: flagsNow }).where('id', '=', row.id).execute();
        return { folded: null, row: { ...triaged.row, flags: flagsNow } };
      }
      const link = {
        case_id: row.id,
        other_case_id: earlier.id,
        type: same ? ('duplicate_of' as const) : ('merged_into' as const),
        created_at: at,
      };
      await trx
        .insertInto('case_link')
        .values(link)
        .onConflict((oc) => oc.doNothing())
        .execute();
      if (same) {
        await applyTransitionIn(trx, row.id, { type: 'mark_duplicate', data: { originalCaseId: earlier.id } }, SYSTEM, now, {
          current: triaged.row,
          ...held,
        });
        return { folded: `duplicate of ${earlier.number}`, row: null };
      }
      await applyTransitionIn(trx, row.id, { type: 'merge', data: { intoCaseId: earlier.id } }, SYSTEM, now, {
        current: triaged.row,
        ...held,
      });
      await applyTransitionIn(trx, earlier.id, { type: 'receive_merged', data: { mergedCaseId: row.id } }, SYSTEM, now);
      return { folded: `merged into ${earlier.number}`, row: null };
    }
  }
  return { folded: null, row: triaged.row, ...(pending ? { pending } : {}) };
}
