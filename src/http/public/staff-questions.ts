// Questions staff asked the citizen about a case, as the status page shows them. By default they come
// with the public status itself (getPublicStatus reads them after the number and query code matched);
// PortalOptions.staffQuestions may supply another source. The status page lists them and offers an
// answer form for each open one, authorised by the same number + query code (POST /status/answer).
import type { PublicCaseStatus } from '../../cases/public-status.query.ts';

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

/** The questions a public status carries (never the answer text: that stays in the back office). */
export function questionsOfStatus(status: PublicCaseStatus): StaffQuestion[] {
  return status.questions.map((q) => ({ id: q.id, text: q.question, askedAt: q.askedAt, answered: q.answered }));
}
