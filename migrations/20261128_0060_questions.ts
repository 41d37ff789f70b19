// Questions staff ask the citizen about a case, and the citizen's answers (sealed: they may hold
// personal data). Anonymous reporters answer with number + query code or through the bot: no identity here.
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('case_question')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('asked_by', 'text')
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answer_enc', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('answer_channel', 'text')
    .execute();
  await db.schema.createIndex('case_question_case_idx').on('case_question').columns(['case_id', 'asked_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropIndex('case_question_case_idx').ifExists().execute();
  await db.schema.dropTable('case_question').ifExists().execute();
}
