// Triage reads a case through the understanding engine (src/understanding/understand.ts: the rules plus
// the linear model trained on the corpus) and keeps the keys the workflow, the back office and
// `npm run triage` have always used. The rules alone (`triageByRules`) stay available for comparison.
import { type Understanding, understand } from '../understanding/understand.ts';
import { type TriageInput, type TriageReason, type TriageResult, triage as rulesTriage } from '../understanding/rules.ts';

export {
  CATEGORIES,
  type Category,
  findTownship,
  KINDS,
  type Kind,
  normaliseBusinessName,
  type ReasonField,
  TOWNSHIPS,
  type TriageInput,
  type TriageReason,
  type TriageResult,
  URGENCIES,
  type Urgency,
} from '../understanding/rules.ts';

/** The rules' own decision, without the model (for the evaluation's comparison). */
export const triageByRules = rulesTriage;

const REASON_FIELDS = new Set<string>([
  'kind',
  'category',
  'urgency',
  'suspected_crime',
  'township',
  'business',
  'wants_reward',
  'needs_details',
  'authority',
  'quantity',
]);

/** The triage keys of an understanding: the final decisions, with the reasons behind each. */
export function toTriageResult(u: Understanding): TriageResult {
  const reasons: TriageReason[] = [];
  const seen = new Set<string>();
  const add = (list: readonly { field: string; rule: string; evidence: string }[]): void => {
    for (const x of list) {
      if (!REASON_FIELDS.has(x.field)) continue;
      const key = `${x.field}\u0000${x.rule}\u0000${x.evidence}`;
      if (seen.has(key)) continue;
      seen.add(key);
      reasons.push(x as TriageReason);
    }
  };
  add(u.kind.reasons);
  add(u.category.reasons);
  add(u.urgency.reasons);
  if (u.suspected_crime.value) add(u.suspected_crime.reasons);
  // Everything else the rules explained (township, business, reward, authority…), in their order.
  add(
    u.rules.reasons.filter((x) => x.field !== 'kind' && x.field !== 'category' && x.field !== 'urgency' && x.field !== 'suspected_crime'),
  );
  return {
    ...u.rules,
    kind: u.kind.value,
    category: u.category.value,
    urgency: u.urgency.value,
    suspectedCrime: u.suspected_crime.value,
    crimeBasis: [...u.crime_basis.value],
    confidence: Math.min(u.kind.confidence, u.category.confidence),
    reasons,
  };
}

/** Classifies a case: kind, category, urgency, suspected crime, township, business, with reasons. */
export function triage(input: TriageInput): TriageResult {
  // Total like the engine: a caller's bad input (null, not an object) gives a "needs details" result.
  const safe: TriageInput = input !== null && typeof input === 'object' ? input : { text: '' };
  // A triage result carries no identity read from the words: the name detector (the costliest extractor)
  // is skipped, which changes nothing in the result.
  return toTriageResult(understand(typeof safe.text === 'string' ? safe.text : '', { ...safe, identity: false }));
}
