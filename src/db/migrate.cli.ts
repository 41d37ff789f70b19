// `npm run db:migrate [-- --down-all]`: applies (or rolls back) the migrations on the configured database.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';

const USAGE = 'usage: npm run db:migrate [-- --down-all]';
let downAll = false;
try {
  downAll = parseArgs({ options: { 'down-all': { type: 'boolean' } }, strict: true }).values['down-all'] === true;
} catch (err) {
  console.error(`${err instanceof Error ? err.message : String(err)}\n${USAGE}`);
  process.exit(2);
}
const config = loadConfig();
const { db, dialect } = openDatabase(config.database);
try {
  if (downAll) {
    await migrateDownAll(db);
    console.log(`Rolled back every migration (${dialect}).`);
  } else {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied on ${dialect}: ${applied.join(', ')}` : `Database (${dialect}) is up to date.`);
  }
} finally {
  await db.destroy();
}
