// `npm run audit:verify`: walks the audit log's keyed hash chain and checks every anchor written outside
// the database (DATA_DIR/audit-anchors.jsonl). Exit 0 when intact; exit 1 naming the first row that breaks
// and every further problem. Needs the identity key (IDENTITY_KEY or DATA_DIR/identity.key) the app uses.
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { cliArgs } from '../lib/cli-args.ts';
import { openDatabase } from '../db/database.ts';
import { readIdentityKey } from '../lib/identity-key.ts';
import { anchorPath, readAnchors } from './audit-anchor.ts';
import { auditKeyFrom, verifyAuditLog } from './audit.log.ts';

cliArgs('usage: npm run audit:verify   (no options; reads DATA_DIR / DATABASE_URL and the identity key)', {});
const config = loadConfig();
const identityKey = await readIdentityKey(config);
if (!identityKey) {
  console.error(
    `No identity key: set IDENTITY_KEY or provide ${path.join(config.dataDir, 'identity.key')} (the audit chain is keyed with it).`,
  );
  process.exit(2);
}
const { db } = openDatabase(config.database);
let code = 0;
try {
  const { anchors, malformed } = await readAnchors(config.dataDir);
  const r = await verifyAuditLog(db, { key: auditKeyFrom(identityKey), anchors });
  if (r.ok && malformed.length === 0) {
    console.log(
      `Audit log intact: ${r.rows} rows, keyed hash chain verified, ${r.anchors} anchor(s) in ${anchorPath(config.dataDir)} match.`,
    );
  } else {
    console.error(`Audit log TAMPERED (${r.rows} rows read, ${r.anchors} anchor(s)):`);
    const first = r.problems[0];
    if (first) console.error(`  first broken row: ${first.seq}`);
    for (const p of r.problems) console.error(`  row ${p.seq}: ${p.problem} — ${p.message}`);
    for (const line of malformed) console.error(`  ${anchorPath(config.dataDir)} line ${line}: malformed anchor`);
    code = 1;
  }
} finally {
  await db.destroy();
}
process.exit(code);
