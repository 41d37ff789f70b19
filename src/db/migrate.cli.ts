// `npm run db:migrate [-- --down-all]`: applies (or rolls back) the migrations on the configured database.
import { loadConfig } from '../config.ts';
import { openDatabase } from './database.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';

const config = loadConfig();
const { db, dialect } = openDatabase(config.database);
try {
  if (process.argv.includes('--down-all')) {
    await migrateDownAll(db);
    console.log(`Rolled back every migration (${dialect}).`);
  } else {
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied on ${dialect}: ${applied.join(', ')}` : `Database (${dialect}) is up to date.`);
  }
} finally {
  await db.destroy();
}
