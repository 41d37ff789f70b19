// Features the model reads: what the rules saw (their decision and each signal family, by name) and
// the text's character n-grams. Rule features carry the general knowledge written into the lexicons;
// n-grams let the model learn wordings the lexicons lack. Feature ids are readable, so a model
// decision can be explained by them ("g:退一赔十", "r:kind=both").
import type { Features } from './model.ts';
import type { RuleSignals, TriageResult } from './rules.ts';

const HAN = /\p{Script=Han}/u;

/** Han runs as character n-grams (1–3), Latin words as tokens, digits folded to one symbol. */
export function ngrams(text: string, out: Features): void {
  const s = text.replace(/[0-9]+/g, '0');
  let run = '';
  const flush = (): void => {
    for (let i = 0; i < run.length; i++) {
      const a = run[i]!;
      out.set(`g:${a}`, 1);
      if (i + 1 < run.length) out.set(`g:${a}${run[i + 1]}`, 1);
      if (i + 2 < run.length) out.set(`g:${a}${run[i + 1]}${run[i + 2]}`, 1);
    }
    run = '';
  };
  let word = '';
  for (const ch of s) {
    if (HAN.test(ch)) {
      if (word) {
        if (word.length > 1) out.set(`w:${word}`, 1);
        word = '';
      }
      run += ch;
    } else {
      flush();
      if (/[a-z]/.test(ch)) word += ch;
      else if (word) {
        if (word.length > 1) out.set(`w:${word}`, 1);
        word = '';
      }
    }
  }
  flush();
  if (word.length > 1) out.set(`w:${word}`, 1);
}

const bucket = (n: number, edges: readonly number[]): number => {
  let i = 0;
  while (i < edges.length && n >= edges[i]!) i++;
  return i;
};

export function featuresOf(result: TriageResult, sig: RuleSignals | null): Features {
  const f: Features = new Map();
  f.set('bias:1', 1);
  f.set(`r:kind=${result.kind}`, 1);
  f.set(`r:cat=${result.category}`, 1);
  f.set(`r:urg=${result.urgency}`, 1);
  if (result.suspectedCrime) f.set('r:crime', 1);
  for (const b of result.crimeBasis) if (!b.startsWith('刑法')) f.set(`r:basis=${b}`, 1);
  if (result.needsDetails) f.set('r:needs', 1);
  if (result.wantsReward) f.set('r:reward', 1);
  if (result.otherAuthority) f.set('r:authority', 1);
  if (sig === null) return f;
  f.set(`r:rule=${sig.kindRule}`, 1);
  const flag = (name: string, on: boolean): void => {
    if (on) f.set(`s:${name}`, 1);
  };
  flag('remedy', sig.remedy.length > 0);
  flag('punish', sig.punish.length > 0);
  flag('lead', sig.lead.length > 0);
  flag('own', sig.own.length > 0);
  flag('ownMeal', sig.ownMeal);
  flag('question', sig.questions.length > 0);
  flag('qclause', sig.questionClauses > 0);
  flag('endsAsking', sig.endsAsking);
  flag('owner', sig.owner);
  flag('crimeVoided', sig.crimeVoided > 0);
  flag('illStrong', sig.illStrong.length > 0);
  flag('illMild', sig.illMild.length > 0);
  flag('manyIll', sig.manyIll);
  flag('many', sig.many);
  flag('current', sig.current);
  flag('recovered', sig.recovered);
  flag('infant', sig.infant);
  flag('school', sig.school);
  flag('food', sig.foodMatter);
  flag('nonFoodMatter', sig.nonFoodMatter);
  flag('thin', sig.tooThin);
  flag('remedy+punish', sig.remedy.length > 0 && sig.punish.length > 0);
  flag('own+punish', (sig.own.length > 0 || sig.ownMeal) && sig.punish.length > 0);
  for (const h of sig.remedy) f.set(`kw:remedy:${h.text}`, 1);
  for (const h of sig.punish) f.set(`kw:punish:${h.text}`, 1);
  for (const h of sig.lead) f.set(`kw:lead:${h.text}`, 1);
  for (const h of sig.own) f.set(`kw:own:${h.text}`, 1);
  for (const [i, [cat, score]] of sig.categoryRanking.entries()) {
    if (score <= 0) continue;
    f.set(`c:${cat}`, Math.min(3, score / 4));
    if (i === 0) f.set(`c1:${cat}`, 1);
  }
  f.set(`len:${bucket(sig.content, [6, 15, 40, 100, 300])}`, 1);
  f.set(`q:${bucket(sig.qScore, [1, 2, 4])}`, 1);
  ngrams(sig.text, f);
  return f;
}
