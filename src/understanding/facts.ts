// The shape of what the engine reads from a citizen's words. Every fact carries the span it came from
// (offsets into the text exactly as typed, UTF-16 code units, end exclusive) so staff see the words that
// made the decision, a confidence in [0, 1] (how clear the evidence was; the model's probability where
// a model decided), and the reasons — the same `{ field, rule, evidence }` triple triage has always shown.

export interface Span {
  start: number;
  end: number;
  /** The words at [start, end) of the original text. */
  text: string;
}

export interface Reason {
  field: string;
  /** Short English id of the rule or model feature, e.g. 'kw:中毒', 'remedy', 'model:kind'. */
  rule: string;
  /** The words that matched (as typed). */
  evidence: string;
}

export interface Fact<T> {
  value: T;
  /** Where in the text it was read; null when it was inferred from the whole text or absent. */
  span: Span | null;
  confidence: number;
  reasons: Reason[];
}

export function fact<T>(value: T, span: Span | null, confidence: number, reasons: Reason[] = []): Fact<T> {
  return { value, span, confidence: Math.round(Math.max(0, Math.min(1, confidence)) * 100) / 100, reasons };
}

/** A span over the original text (offsets of the normalised text are the same). */
export function spanOf(original: string, start: number, end: number): Span {
  const s = Math.max(0, Math.min(start, original.length));
  const e = Math.max(s, Math.min(end, original.length));
  return { start: s, end: e, text: original.slice(s, e) };
}
