// `npm run calendar -- --year 2027 --file holidays-2027.json`: enters a year's statutory holidays and
// make-up workdays (the State Council's November notice) into the configured database.
// The file is a JSON array of { "date": "2027-01-01", "kind": "holiday" | "workday", "name": "元旦" }:
// see docs/holidays-sample.json (the 2026 notice in that format). Clocks whose due date was provisional
// for that year are computed again at once.
// `npm run calendar -- --show` prints the known range.
import { readFileSync } from 'node:fs';
import { auditKeyFrom, useAuditKey } from '../backoffice/audit.log.ts';
import { loadConfig } from '../config.ts';
import { cliArgs } from '../lib/cli-args.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { loadOrCreateIdentityKey } from '../lib/identity-key.ts';
import { publishCalendarYear } from './calendar.admin.ts';

const USAGE = `usage: npm run calendar -- --year 2027 --file holidays-2027.json   |   npm run calendar -- --show
file format: a JSON array like docs/holidays-sample.json (the 2026 State Council notice)`;
const { values } = cliArgs(USAGE, { year: { type: 'string' }, file: { type: 'string' }, show: { type: 'boolean' } });
const config = loadConfig();
// Entering a year writes an audit row, chained with the key the server uses.
useAuditKey(auditKeyFrom(await loadOrCreateIdentityKey(config, { warn: (o, m) => console.error(m, JSON.stringify(o)) })));
const { db } = openDatabase(config.database);
try {
  await migrateToLatest(db);
  if (!values.show) {
    if (!values.year || !values.file) {
      console.error('usage: npm run calendar -- --year 2027 --file holidays-2027.json   |   npm run calendar -- --show');
      console.error('file format: a JSON array like docs/holidays-sample.json (the 2026 State Council notice)');
      process.exitCode = 2;
    } else {
      const entries = JSON.parse(readFileSync(values.file, 'utf8')) as unknown;
      if (!Array.isArray(entries)) throw new Error('the file must hold a JSON array');
      const recomputed = await publishCalendarYear(db, Number(values.year), entries, new Date());
      console.log(`Entered ${entries.length} days for ${values.year}; ${recomputed} provisional due dates recomputed.`);
    }
  }
  const range = await db.selectFrom('app_setting').select(['key', 'value']).where('key', 'like', 'calendar.%').execute();
  console.log(Object.fromEntries(range.map((r) => [r.key, r.value])));
} catch (e) {
  console.error(`calendar: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
