// What the understanding pool's threads run (src/understanding/understanding-pool.ts): the same functions
// the request path and the workflow call inline.
import { readSubmission } from '../cases/auto-split.ts';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../cases/submission.schema.ts';
import { triage } from '../triage/triage.ts';

export const tasks = { readSubmission, triage };

/** Run once when a thread starts, before it takes tasks: the first reading builds the engine's tables. */
export function warmUp(): void {
  for (const ex of Object.values(SUBMISSION_EXAMPLES)) {
    readSubmission(SubmissionSchema.parse(ex.value));
    triage({ text: ex.value.description });
  }
}
