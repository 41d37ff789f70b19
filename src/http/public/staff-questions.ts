// Extension point: questions staff asked the citizen about a case, shown on the status page.
// Staff cannot ask questions yet (the back office comes later), so the portal is wired with
// `noStaffQuestions`. When the back office lands, it passes its own source to portalRoutes(deps, { staffQuestions })
// and the status page lists them; answering them is the back office's work (a form posting the answer,
// authorised by the same number + query code).

export interface StaffQuestion {
  /** ISO 8601 in CST (+08:00), as formatCst gives. */
  askedAt: string;
  /** Public wording, already free of internal notes. */
  text: string;
}

/** Called only after the number and query code matched. */
export type StaffQuestionSource = (caseNumber: string) => Promise<StaffQuestion[]>;

export const noStaffQuestions: StaffQuestionSource = async () => [];
