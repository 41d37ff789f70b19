// Extension point: questions staff asked the citizen about a case, shown on the status page.
// app.ts wires the portal with `caseQuestionSource` (staff ask from the back office's case page); the status
// page lists the questions and offers an answer form for each open one, authorised by the same number +
// query code (POST /status/answer).

import type { Db } from '../../db/database.ts';
import { formatCst } from '../../lib/clock.ts';

export interface StaffQuestion {
  /** ISO 8601 in CST (+08:00), as formatCst gives. */
  askedAt: string;
  /** Public wording, already free of internal notes. */
  text: string;
  /** With an id the status page offers an answer form (while unanswered). */
  id?: string;
  answered?: boolean;
}

/** Called only after the number and query code matched. */
export type StaffQuestionSource = (caseNumber: string) => Promise<StaffQuestion[]>;

export const noStaffQuestions: StaffQuestionSource = async () => [];

/** The real source: questions of the case in `case_question` (the answer text never leaves the back office). */
export function caseQuestionSource(db: Db): StaffQuestionSource {
  return async (caseNumber) => {
    const rows = await db
      .selectFrom('case_question as q')
      .innerJoin('intake_case as c', 'c.id', 'q.case_id')
      .select(['q.id', 'q.question', 'q.asked_at', 'q.answered_at'])
      .where('c.number', '=', caseNumber)
      .orderBy('q.asked_at')
      .orderBy('q.id')
      .execute();
    return rows.map((r) => ({ id: r.id, text: r.question, askedAt: formatCst(new Date(r.asked_at)), answered: r.answered_at !== null }));
  };
}
