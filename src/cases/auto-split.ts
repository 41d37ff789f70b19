// Order 121 Art. 9: a complaint (own loss, a remedy) and a report (a violation to investigate) are handled
// separately. A citizen who files one kind but whose words ask for both gets two linked cases at intake,
// so the complaint's 7-working-day acceptance clock (D1) and the report's verification clock (D4) both
// run. Pure: the decision is read from the submission by the understanding engine; intake writes it.
//
// Policy (measured on the understanding corpus's dev split, see src/understanding/README.md):
// - filed as a complaint → a report half is added when the words also ask for an investigation. Low
//   cost if wrong: staff undo it with one click; a lead left inside a complaint is never investigated.
// - filed as a real-name report → a complaint half is added only when the words also ask for the
//   writer's own remedy (refund, compensation, apology, mediation). An anonymous report never becomes a
//   complaint: a complaint needs the complainant's name, and mediation would reveal the reporter.
import type { Request } from '../understanding/wishes.ts';
import { type Understanding, understand } from '../understanding/understand.ts';
import type { CaseKind } from './case.machine.ts';
import type { Submission } from './submission.schema.ts';

const REMEDIES: ReadonlySet<Request> = new Set<Request>(['refund', 'exchange', 'compensation', 'apology', 'mediation']);

const REMEDY_WORDS: Record<string, string> = {
  refund: '退款',
  exchange: '换货',
  compensation: '赔偿',
  apology: '赔礼道歉',
  mediation: '调解',
};

export interface AutoSplit {
  /** The kind the citizen chose. */
  filedAs: 'complaint' | 'report';
  /** The kind of the case added beside it. */
  added: CaseKind;
  /** What staff read on both cases: why the system split, with the citizen's words. */
  reason: string;
  /** The words that asked for the other half. */
  evidence: string;
  /** For an added complaint: the remedy read from the words (the citizen wrote no request field). */
  request: string | null;
  /** What the citizen's receipt says about the second case. */
  citizenNote: string;
}

const CITIZEN_NOTE =
  '您的描述中既有个人的退款赔偿等诉求，又反映了需要查处的违法行为。按规定投诉和举报分开办理，我们已分别登记为投诉和举报两件（共用一个查询码）。如有异议，工作人员核实后可以合并。';

/** What intake reads from a submission's words: a split, and the points the receipt repeats to the citizen. */
export interface SubmissionReading {
  split: AutoSplit | null;
  /** [label, value] pairs in Chinese, e.g. ['商家', '老马家烩面']: what we understood, for the citizen to check. */
  understood: [string, string][];
}

const HARM_WORDS: Record<string, string> = { now: '目前有人身体不适', past: '有人曾身体不适' };

export function readSubmission(s: Submission): SubmissionReading {
  const u = understandSubmission(s);
  return { split: u === null ? null : splitOf(s, u), understood: u === null ? [] : understoodOf(s, u) };
}

export function autoSplitOf(s: Submission): AutoSplit | null {
  return readSubmission(s).split;
}

function understandSubmission(s: Submission): Understanding | null {
  const text = [s.description, s.request].filter((x): x is string => typeof x === 'string' && x.length > 0).join('\n');
  if (text.trim().length === 0) return null;
  return understand(text, {
    kind: s.kind,
    businessName: s.business?.name ?? null,
    businessAddress: s.business?.address ?? null,
    township: s.township ?? null,
    place: s.place ?? null,
    product: s.product ?? null,
    // Neither the split nor the receipt reads a name or phone from the words (the form has its own
    // fields), and the name detector is the costliest part of understanding on the request path.
    identity: false,
  });
}

function understoodOf(s: Submission, u: Understanding): [string, string][] {
  const out: [string, string][] = [];
  const business = s.business?.name ?? u.business.value;
  if (business) out.push(['涉及商家', business]);
  const product = s.product ?? u.product.value;
  if (product) out.push(['涉及食品', product]);
  const township = s.township ?? u.township.value;
  const place = s.place ?? u.place.value;
  if (township || place) out.push(['地点', [township, place && place !== township ? place : null].filter(Boolean).join(' ')]);
  if (u.incident_time.value) out.push(['时间', s.incidentDate ?? u.incident_time.value.date ?? u.incident_time.value.phrase]);
  const harm = HARM_WORDS[u.harm.value.ill];
  if (harm) out.push(['身体状况', harm + (u.harm.value.count ? `（约${u.harm.value.count}人）` : '')]);
  const remedies = u.request.value.filter((r) => REMEDIES.has(r)).map((r) => REMEDY_WORDS[r] ?? r);
  if (remedies.length) out.push(['您的诉求', remedies.join('、')]);
  if (u.request.value.includes('investigate') || u.request.value.includes('stop')) out.push(['您希望', '查处违法行为']);
  if (u.other_authority.value) out.push(['提示', u.other_authority.value.hint]);
  return out;
}

function splitOf(s: Submission, u: Understanding): AutoSplit | null {
  if (s.kind !== 'complaint' && s.kind !== 'report') return null;
  if (s.kind === 'report' && (s.anonymous || s.person === undefined)) return null;
  if (u.kind.value !== 'both') return null;
  const investigate = u.request.value.includes('investigate') || u.request.value.includes('stop') || u.suspected_crime.value;
  // The model alone reads many plain complaints as both; it must be backed by words asking for an
  // investigation (or a suspected crime) before a complaint grows a report (dev split: 58 of 70 found, 2 wrong of 74).
  if (s.kind === 'complaint' && u.rules.kind !== 'both' && !investigate) return null;
  const evidenceOf = (field: string): string =>
    u.kind.reasons
      .filter((r) => r.field === field && !r.rule.startsWith('model') && !r.rule.startsWith('input'))
      .map((r) => r.evidence)
      .filter((e) => e.length > 0)
      .slice(0, 3)
      .join('、');
  if (s.kind === 'complaint') {
    const asked = u.request.reasons.filter((r) => r.rule === 'investigate' || r.rule === 'stop').map((r) => r.evidence);
    const evidence = asked.join('、') || evidenceOf('kind') || (u.suspected_crime.value ? (u.crime_basis.value[0] ?? '') : '');
    return {
      filedAs: 'complaint',
      added: 'report',
      reason: `投诉内容中还反映了需要查处的违法线索${evidence ? `（“${evidence}”）` : ''}，系统已另立一件举报，与投诉分别办理（《市场监督管理投诉举报处理暂行办法》第九条）`,
      evidence,
      request: null,
      citizenNote: CITIZEN_NOTE,
    };
  }
  const remedies = u.request.value.filter((r) => REMEDIES.has(r));
  if (remedies.length === 0) return null;
  const words = u.request.reasons.filter((r) => REMEDIES.has(r.rule as Request)).map((r) => r.evidence);
  const evidence = words.join('、');
  return {
    filedAs: 'report',
    added: 'complaint',
    reason: `举报内容中还提出了个人的索赔诉求（“${evidence}”），系统已另立一件投诉，与举报分别办理（《市场监督管理投诉举报处理暂行办法》第九条）`,
    evidence,
    request: `${remedies.map((r) => REMEDY_WORDS[r] ?? r).join('、')}（系统从举报内容中读出：“${evidence}”）`,
    citizenNote: CITIZEN_NOTE,
  };
}
