// intake_case.next_due_at: the earliest due time of a case's running clocks, denormalised for the
// back-office queues (issue #21.3). Every write that starts, stops, pauses, resumes, extends or recomputes
// a clock calls syncNextDue in the same transaction, so the column never disagrees with case_clock.
import { sql } from 'kysely';
import type { Db, Trx } from '../db/database.ts';

/** The value for a new case whose clocks are written with it (intake). */
export function nextDueOf(clocks: readonly { status: string; due_at: string | null }[]): string | null {
  let min: string | null = null;
  for (const c of clocks) if (c.status === 'running' && c.due_at && (min === null || c.due_at < min)) min = c.due_at;
  return min;
}

/** Recomputes next_due_at of the given cases from their running clocks. */
export async function syncNextDue(trx: Trx | Db, caseIds: readonly string[]): Promise<void> {
  const ids = [...new Set(caseIds)];
  for (let i = 0; i < ids.length; i += 500) {
    await trx
      .updateTable('intake_case')
      .set({
        next_due_at: sql<
          string | null
        >`(select min(case_clock.due_at) from case_clock where case_clock.case_id = intake_case.id and case_clock.status = 'running')`,
      })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}
