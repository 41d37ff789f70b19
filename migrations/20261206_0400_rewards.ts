// Issue #15: tip rewards. One reward case per qualifying closed report, its eligibility checks, claim,
// decision, payment and recovery; and the claim password a reporter sets when asking for a reward
// (stored only as an argon2 hash, like staff passwords).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.alterTable('intake_case').addColumn('reward_password_hash', 'text').execute();
  await db.schema
    .createTable('reward_case')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().unique().references('intake_case.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    // why the closure qualified (重大违法行为), in Chinese; fines + confiscations in yuan
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('base_yuan', 'real', (c) => c.notNull())
    .addColumn('closed_at', 'text', (c) => c.notNull())
    .addColumn('opened_at', 'text', (c) => c.notNull())
    // JSON: the system's proposals (ProposedCheck[]) and the officer's decisions (DecidedCheck[])
    .addColumn('proposals', 'text', (c) => c.notNull())
    .addColumn('checks', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('notified_at', 'text')
    .addColumn('claim_due_at', 'text')
    .addColumn('claim_due_problem', 'text')
    .addColumn('claim_failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('claimed_at', 'text')
    .addColumn('claim_channel', 'text')
    // sealed (AAD reward_claim:<id>): identity disclosed by the claimant, bank account, how to be paid
    .addColumn('claim_enc', 'text')
    .addColumn('level', 'integer')
    .addColumn('insider', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_yuan', 'real')
    .addColumn('needs_finance', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('finance_ref', 'text')
    .addColumn('finance_approved_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('paid_on', 'text')
    .addColumn('paid_yuan', 'real')
    .addColumn('voucher_no', 'text')
    .addColumn('payment_method', 'text')
    .addColumn('recovered_at', 'text')
    .addColumn('recovery_reason', 'text')
    .addColumn('recovery_yuan', 'real')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('reward_case_status').on('reward_case').columns(['status', 'opened_at']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('reward_case').ifExists().execute();
  await db.schema.alterTable('intake_case').dropColumn('reward_password_hash').execute();
}
