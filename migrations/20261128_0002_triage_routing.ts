// Triage labels on the case, units (市场监管所) with their townships, staff with skills and capacity,
// and staff notifications. Seeds the city intake centre and one station per 新郑 division; admins edit
// these tables later (the mapping is data, not code).
import type { Kysely } from 'kysely';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- migrations must not depend on app types
type AnyDb = Kysely<any>;

const DIVISIONS: [code: string, township: string, station: string][] = [
  ['xjl', '新建路街道', '新建路市场监管所'],
  ['xhl', '新华路街道', '新华路市场监管所'],
  ['xy', '新烟街道', '新烟市场监管所'],
  ['xc', '新村镇', '新村市场监管所'],
  ['xd', '辛店镇', '辛店市场监管所'],
  ['gys', '观音寺镇', '观音寺市场监管所'],
  ['lh', '梨河镇', '梨河市场监管所'],
  ['hz', '和庄镇', '和庄市场监管所'],
  ['xdn', '薛店镇', '薛店市场监管所'],
  ['mz', '孟庄镇', '孟庄市场监管所'],
  ['gd', '郭店镇', '郭店市场监管所'],
  ['lhu', '龙湖镇', '龙湖市场监管所'],
  ['cg', '城关乡', '城关市场监管所'],
  ['bq', '八千乡', '八千市场监管所'],
  ['lw', '龙王乡', '龙王市场监管所'],
];

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('unit')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull()) // intake_centre | station
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('unit_township')
    .addColumn('township', 'text', (c) => c.primaryKey())
    .addColumn('unit_id', 'text', (c) => c.notNull().references('unit.id'))
    .execute();
  await db.schema
    .createTable('staff_user')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'text', (c) => c.references('unit.id'))
    .addColumn('skills', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('capacity', 'integer', (c) => c.notNull().defaultTo(40))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('last_assigned_at', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('staff_user_unit_idx').on('staff_user').columns(['unit_id', 'role', 'active']).execute();
  await db.schema
    .createTable('staff_notification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('staff_user.id'))
    .addColumn('case_id', 'text', (c) => c.references('intake_case.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('staff_notification_user_idx').on('staff_notification').columns(['user_id', 'read_at']).execute();

  for (const col of ['category', 'urgency', 'crime_basis', 'business_key', 'triage', 'flags', 'other_authority']) {
    await db.schema.alterTable('intake_case').addColumn(col, 'text').execute();
  }
  await db.schema.alterTable('intake_case').addColumn('urgency_rank', 'integer').execute();
  await db.schema
    .alterTable('intake_case')
    .addColumn('suspected_crime', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('intake_case')
    .addColumn('needs_details', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('party').addColumn('name_hmac', 'text').execute();
  await db.schema.createIndex('intake_case_unit_idx').on('intake_case').columns(['unit_id', 'status', 'urgency_rank']).execute();
  await db.schema.createIndex('intake_case_assignee_idx').on('intake_case').columns(['assignee_id', 'status']).execute();
  await db.schema.createIndex('intake_case_business_idx').on('intake_case').columns(['business_key', 'received_at']).execute();
  await db.schema.createIndex('party_address_idx').on('party').column('address_hmac').execute();

  const at = new Date().toISOString();
  await db
    .insertInto('unit')
    .values({ id: 'intake', name: '新郑市市场监督管理局投诉举报中心', kind: 'intake_centre', active: 1, created_at: at })
    .execute();
  await db
    .insertInto('unit')
    .values(DIVISIONS.map(([code, , station]) => ({ id: `station-${code}`, name: station, kind: 'station', active: 1, created_at: at })))
    .execute();
  await db
    .insertInto('unit_township')
    .values(DIVISIONS.map(([code, township]) => ({ township, unit_id: `station-${code}` })))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const idx of ['party_address_idx', 'intake_case_business_idx', 'intake_case_assignee_idx', 'intake_case_unit_idx']) {
    await db.schema.dropIndex(idx).ifExists().execute();
  }
  await db.schema.alterTable('party').dropColumn('name_hmac').execute();
  for (const col of [
    'category',
    'urgency',
    'crime_basis',
    'business_key',
    'triage',
    'flags',
    'other_authority',
    'urgency_rank',
    'suspected_crime',
    'needs_details',
  ]) {
    await db.schema.alterTable('intake_case').dropColumn(col).execute();
  }
  for (const t of ['staff_notification', 'staff_user', 'unit_township', 'unit']) await db.schema.dropTable(t).ifExists().execute();
}
