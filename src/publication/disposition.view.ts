// What the back office reads of a case's publication record: whether it has one, and the review page's
// content (the record, the source texts with what the anonymiser found, the case number).
import type { Db } from '../db/database.ts';
import type { DispositionRow } from './publication.table.ts';
import type { Deps } from '../deps.ts';
import { AppError } from '../lib/errors.ts';
import { type ReviewSource, dispositionForReview } from './disposition.service.ts';

export async function caseHasDisposition(db: Db, caseId: string): Promise<boolean> {
  return (await db.selectFrom('disposition').select('id').where('case_id', '=', caseId).executeTakeFirst()) !== undefined;
}

/** The id of a case's publication record; NOT_FOUND while the case has none. */
export async function dispositionIdOfCase(db: Db, caseId: string): Promise<string> {
  const d = await db.selectFrom('disposition').select('id').where('case_id', '=', caseId).executeTakeFirst();
  if (!d) throw new AppError('NOT_FOUND', '该案件还没有待公开的信息');
  return d.id;
}

export interface DispositionReview {
  caseNumber: string;
  disposition: DispositionRow;
  sources: ReviewSource[];
}

export async function dispositionReviewOfCase(deps: Pick<Deps, 'db'>, caseId: string): Promise<DispositionReview> {
  const id = await dispositionIdOfCase(deps.db, caseId);
  const { disposition, sources } = await dispositionForReview(deps, id);
  const { number } = await deps.db.selectFrom('intake_case').select('number').where('id', '=', caseId).executeTakeFirstOrThrow();
  return { caseNumber: number, disposition, sources };
}
