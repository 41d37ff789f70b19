// The routing rules: where a triaged case goes. Consultations, matters outside market regulation and
// texts too thin to act on go to the city intake centre for manual routing; everything else goes to the
// 市场监管所 of its township (unit_township, admin-editable), or to the intake centre when the place is
// unknown, ambiguous or has no active unit. Inside the unit, assignment.ts picks the handler.
import type { CaseRow } from '../cases/case.table.ts';
import type { Db } from '../db/database.ts';
import { compiledOnce } from '../db/compiled-once.ts';

export const INTAKE_UNIT_ID = 'intake';

export type Route = { to: 'intake'; why: string } | { to: 'unit'; unitId: string };

/** Why a case goes to the intake centre whatever its place, or null when its place decides. */
export function intakeReason(c: Pick<CaseRow, 'kind' | 'category' | 'other_authority' | 'needs_details'>): string | null {
  if (c.kind === 'consultation') return 'consultation';
  if (c.category === 'other_non_food' || c.other_authority) return 'outside market regulation';
  if (c.needs_details) return 'needs details';
  return null;
}

const activeUnitOf = compiledOnce((db, p: { township: string }) =>
  db
    .selectFrom('unit_township')
    .innerJoin('unit', 'unit.id', 'unit_township.unit_id')
    .select('unit.id')
    .where('unit_township.township', '=', p.township)
    .where('unit.active', '=', 1),
);

export async function unitForTownship(db: Db, township: string | null): Promise<string | null> {
  if (!township) return null;
  const row = await activeUnitOf.first(db, { township });
  return row?.id ?? null;
}

/** The route of a triaged case (its labels written). */
export async function routeCase(db: Db, c: CaseRow): Promise<Route> {
  const why = intakeReason(c);
  if (why) return { to: 'intake', why };
  // Triage marks a place it could not pin to one township (two named, a name shared by two).
  const triaged = c.triage ? (JSON.parse(c.triage) as { townshipAmbiguous?: boolean }) : {};
  const unitId = triaged.townshipAmbiguous ? null : await unitForTownship(db, c.township);
  return unitId ? { to: 'unit', unitId } : { to: 'intake', why: c.township ? 'no unit for township' : 'place unknown' };
}
