// `npm run admin -- create-user --username NAME --role ROLE [--unit UNIT_ID] [--name 显示名]`: creates a staff
// account and prints its generated password once (one-time: it must be changed at the first sign-in).
// `npm run admin -- units` lists the unit ids.
// A wrong DATA_DIR must not silently create a fresh, empty database and an account nobody's server reads:
// without a database there (SQLite file, or a migrated PostgreSQL schema) the command refuses, unless
// `--init` says that creating one is meant.
import { existsSync } from 'node:fs';
import { sql } from 'kysely';
import { loadConfig } from '../config.ts';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { cliArgs, usageError } from '../lib/cli-args.ts';
import { AppError } from '../lib/errors.ts';
import { loadOrCreateIdentityKey } from '../lib/identity-key.ts';
import { auditKeyFrom, useAuditKey } from './audit.log.ts';
import { createUser } from './staff.service.ts';
import { STAFF_ROLES } from './staff.table.ts';

const USAGE = `usage:
  npm run admin -- create-user --username NAME --role ${STAFF_ROLES.join('|')} [--unit UNIT_ID] [--name 显示名]
  npm run admin -- units
  add --init to create a new database when DATA_DIR / DATABASE_URL holds none yet`;

const { positionals, values } = cliArgs(
  USAGE,
  { username: { type: 'string' }, role: { type: 'string' }, unit: { type: 'string' }, name: { type: 'string' }, init: { type: 'boolean' } },
  { allowPositionals: true },
);
const command = positionals[0];
if (command !== 'create-user' && command !== 'units') usageError(USAGE, command ? `unknown command: ${command}` : 'missing command');
if (positionals.length > 1) usageError(USAGE, `unexpected argument: ${positionals[1]}`);

const config = loadConfig();
const where = config.database.kind === 'sqlite' ? config.database.file : 'DATABASE_URL';
if (config.database.kind === 'sqlite' && !existsSync(config.database.file) && !values.init) {
  console.error(`No database at ${where} (check DATA_DIR or DATABASE_URL). Add --init to create a new one there.`);
  process.exit(1);
}
// The audit rows this command writes are chained with the key the server uses.
useAuditKey(auditKeyFrom(await loadOrCreateIdentityKey(config, { warn: (o, m) => console.error(m, JSON.stringify(o)) })));
const { db } = openDatabase(config.database);
let code = 0;
try {
  if (config.database.kind === 'postgres' && !values.init) {
    const r = await sql<{ t: string | null }>`select to_regclass('kysely_migration')::text as t`.execute(db);
    if (!r.rows[0]?.t) {
      console.error('The PostgreSQL database in DATABASE_URL has no Shiantong tables. Add --init to create them there.');
      await db.destroy();
      process.exit(1);
    }
  }
  await migrateToLatest(db);
  if (command === 'units') {
    for (const u of await db
      .selectFrom('unit')
      .select(['id', 'name', 'kind'])
      .where('active', '=', 1)
      .orderBy('kind')
      .orderBy('id')
      .execute())
      console.log(`${u.id}\t${u.name}`);
  } else {
    if (!values.username || !values.role) {
      console.error(USAGE);
      code = 2;
    } else {
      const created = await createUser(
        db,
        {
          username: values.username,
          displayName: values.name ?? values.username,
          role: values.role as (typeof STAFF_ROLES)[number],
          unitId: values.unit ?? null,
        },
        new Date(),
        { actor: { id: null, role: 'cli' } },
      );
      console.log(`Created ${values.role} "${created.username}" (id ${created.id}).`);
      console.log(`One-time password (shown only now): ${created.generatedPassword}`);
    }
  }
} catch (e) {
  if (e instanceof AppError) {
    console.error(`Cannot create the user: ${e.message}`);
    code = 1;
  } else throw e;
} finally {
  await db.destroy();
}
process.exit(code);
