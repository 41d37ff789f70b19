// What the office may push to the edge (POST /_edge/sync), shared by both sides and free of Node built-ins.
// Strict objects: a field the public record does not have (case text, query-code hash, identity, internal
// ids) is refused by the worker rather than stored, so the edge can only ever hold the published record and
// the statistics snapshot.
import { z } from 'zod';

const cell = z.number().int().nonnegative().nullable();
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = (max: number) => z.string().max(max);

export const PublicResultSchema = z.strictObject({
  ref: text(40).min(1),
  outcome: text(40),
  outcomeLabel: text(40),
  /** 决定书文号 of a penalty decision (Order 45 Art. 4). Never the case's source (投诉/举报). */
  decisionNumber: text(100).nullable(),
  category: text(40).nullable(),
  categoryLabel: text(40),
  township: text(40).nullable(),
  business: text(200).nullable(),
  businessKey: text(80).nullable(),
  findings: text(20_000),
  decision: text(20_000),
  complaintText: text(20_000).nullable(),
  fineYuan: z.number().nonnegative().nullable(),
  confiscationYuan: z.number().nonnegative().nullable(),
  decidedOn: date,
  publishedOn: date,
  publishedAt: z.iso.datetime({ offset: true }),
  correction: z.strictObject({ note: text(2_000), on: date }).nullable(),
});

export const StatisticsSchema = z.strictObject({
  from: z.string().max(20),
  to: z.string().max(20),
  months: z
    .array(
      z.strictObject({
        month: z.string().max(10),
        total: cell,
        byKind: z.record(z.string().max(40), cell),
        byCategory: z.record(z.string().max(40), cell),
      }),
    )
    .max(120),
  byTownship: z.array(z.strictObject({ township: text(40), count: cell })).max(500),
  byCategory: z.array(z.strictObject({ category: text(40), count: cell })).max(200),
  compliance: z
    .array(
      z.strictObject({
        unitId: text(80).nullable(),
        unit: text(80),
        met: cell,
        late: cell,
        pending: cell,
        rate: z.number().min(0).max(1).nullable(),
      }),
    )
    .max(200),
  mediation: z.strictObject({ succeeded: cell, failed: cell, rate: z.number().min(0).max(1).nullable() }),
});

export const SyncItemSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('record'), ref: text(40).min(1), version: z.number().int().positive(), record: PublicResultSchema }),
  z.strictObject({
    type: z.literal('withdrawal'),
    ref: text(40).min(1),
    version: z.number().int().positive(),
    reason: text(2_000).nullable(),
    on: date,
  }),
  z.strictObject({
    type: z.literal('statistics'),
    version: z.number().int().positive(),
    computedAt: z.iso.datetime({ offset: true }),
    snapshot: StatisticsSchema,
  }),
]);
export type SyncItem = z.infer<typeof SyncItemSchema>;

/** The envelope; each item is checked on its own, so one item the edge refuses does not hold back the others. */
export const SyncBodySchema = z.strictObject({ items: z.array(z.unknown()).min(1).max(100) });

/**
 * What the worker answers per item, in order: applied; stale (the edge already has this version or a newer
 * one); refused (not a valid item: the office keeps it, marked, for a person to look at).
 */
export type SyncOutcome = 'applied' | 'stale' | 'refused';
