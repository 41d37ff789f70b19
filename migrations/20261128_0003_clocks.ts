// Statutory clocks: the working-day calendar (seeded from chinese-days 2004–2026 via a frozen data file,
// editable by admins), settings (rule values marked "setting" in domain.md, reminder policy), the clocks
// of each case, and a log of fired alarms so each reminder and escalation fires once.
import { readFileSync } from 'node:fs';
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

interface SeedFile {
  firstYear: number;
  lastYear: number;
  days: { date: string; kind: string; name: string }[];
}

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('calendar_day')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull()) // holiday | workday (make-up workday)
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('case_clock')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('intake_case.id').onDelete('cascade'))
    .addColumn('clock', 'text', (c) => c.notNull())
    .addColumn('rule_version', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('status', 'text', (c) => c.notNull()) // running | paused | stopped
    .addColumn('pauses', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('stopped_at', 'text')
    .addColumn('stop_event', 'text')
    .addColumn('overdue_at', 'text')
    .addColumn('problem', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('case_clock_case_idx').on('case_clock').columns(['case_id', 'clock']).execute();
  await db.schema.createIndex('case_clock_due_idx').on('case_clock').columns(['status', 'due_at']).execute();
  await db.schema
    .createTable('clock_alarm')
    .addColumn('clock_id', 'text', (c) => c.notNull().references('case_clock.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull()) // remind | escalate
    .addColumn('fire_at', 'text', (c) => c.notNull())
    .addColumn('fired_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('clock_alarm_pk', ['clock_id', 'kind', 'fire_at'])
    .execute();
  await db.schema
    .alterTable('intake_case')
    .addColumn('overdue', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Delayed jobs (alarms) go through the outbox too: when to run, and a deterministic job id.
  await db.schema.alterTable('outbox').addColumn('run_at', 'text').execute();
  await db.schema.alterTable('outbox').addColumn('job_id', 'text').execute();

  const seed = JSON.parse(readFileSync(new URL('./data/calendar-2004-2026.json', import.meta.url), 'utf8')) as SeedFile;
  for (let i = 0; i < seed.days.length; i += 200)
    await db
      .insertInto('calendar_day')
      .values(seed.days.slice(i, i + 200))
      .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('app_setting')
    .values([
      { key: 'calendar.first_year', value: String(seed.firstYear), updated_at: at },
      { key: 'calendar.last_year', value: String(seed.lastYear), updated_at: at },
      { key: 'rules.d8_length', value: '3', updated_at: at },
      { key: 'rules.d11_length', value: '20', updated_at: at },
      { key: 'reminders.days_before', value: '2', updated_at: at },
      { key: 'reminders.at_hour', value: '9', updated_at: at },
    ])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('outbox').dropColumn('job_id').execute();
  await db.schema.alterTable('outbox').dropColumn('run_at').execute();
  await db.schema.alterTable('intake_case').dropColumn('overdue').execute();
  for (const t of ['clock_alarm', 'case_clock', 'app_setting', 'calendar_day']) await db.schema.dropTable(t).ifExists().execute();
}
