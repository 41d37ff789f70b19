// `npm run audit:verify`: walks the audit log's hash chain. Exit 0 when intact; exit 1 naming every row that
// was edited or deleted.
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { verifyAuditLog } from './audit.log.ts';

const config = loadConfig();
const { db } = openDatabase(config.database);
let code = 0;
try {
  const r = await verifyAuditLog(db);
  if (r.ok) {
    console.log(`Audit log intact: ${r.rows} rows, hash chain verified.`);
  } else {
    console.error(`Audit log TAMPERED (${r.rows} rows read):`);
    for (const p of r.problems) console.error(`  row ${p.seq}: ${p.problem} — ${p.message}`);
    code = 1;
  }
} finally {
  await db.destroy();
}
process.exit(code);
