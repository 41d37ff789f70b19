import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { SearchSchema, listCases } from '/work/wt/queues/src/backoffice/case.queries.ts';
const file = process.argv[2]!;
const raw = new SQLite(file);
const sqls: { sql: string; params: readonly unknown[] }[] = [];
const db = new Kysely<any>({ dialect: new SqliteDialect({ database: new SQLite(file) }), log: (e) => { if (e.level === 'query') sqls.push({ sql: e.query.sql, params: e.query.parameters }); } });
const unit = (raw.prepare(`select id from unit where kind='station' limit 1`).get() as any).id;
const h = (raw.prepare(`select id from staff_user where unit_id=? and role='handler' limit 1`).get(unit) as any).id;
const now = new Date('2026-11-28T02:00:00Z');
const f = (o: any) => SearchSchema.parse(o);
const runs: [string, () => Promise<unknown>][] = [
  ['mine', () => listCases(db, { id: h, username: 'h', display_name: 'h', role: 'handler', unit_id: unit }, 'mine', f({}), now)],
  ['urgent', () => listCases(db, { id: 's', username: 's', display_name: 's', role: 'supervisor', unit_id: unit }, 'search', f({ open: '1', urgency: 'urgent' }), now)],
  ['newest', () => listCases(db, { id: 'a', username: 'a', display_name: 'a', role: 'admin', unit_id: null }, 'search', f({ sort: 'received_desc' }), now)],
  ['p200', () => listCases(db, { id: 'a', username: 'a', display_name: 'a', role: 'admin', unit_id: null }, 'search', f({ sort: 'received_desc', page: '200' }), now)],
];
for (const [n, r] of runs) {
  sqls.length = 0;
  await r();
  for (const q of sqls) {
    const t = performance.now();
    raw.prepare(q.sql).all(...(q.params as any[]));
    const ms = performance.now() - t;
    console.log(`--- ${n} ${ms.toFixed(2)}ms: ${q.sql.slice(0, 300)}`);
    console.log((raw.prepare('explain query plan ' + q.sql).all(...(q.params as any[])) as any[]).map((x) => x.detail).join('\n'));
  }
}
