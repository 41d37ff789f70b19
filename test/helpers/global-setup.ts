// PostgreSQL runs give each test environment its own schema. Kysely's introspection reads every schema of
// the database, so a schema dropped while another file migrates made that file fail ("schema does not
// exist"). Schemas are therefore dropped here, once every test file of this run has finished — only this
// run's (named t_<run>_…), so two suites running at once on one database leave each other alone.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

async function dropSchemas(url: string, run: string): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    const { rows } = await c.query<{ nspname: string }>(`select nspname from pg_namespace where nspname like $1`, [`t\\_${run}\\_%`]);
    for (const r of rows) await c.query(`drop schema if exists ${r.nspname} cascade`);
  } finally {
    await c.end();
  }
}

export default function setup(): () => Promise<void> {
  const run = randomBytes(3).toString('hex');
  // Test workers are started after this, so they inherit it (test/helpers/env.ts names schemas with it).
  process.env.TEST_RUN_ID = run;
  return async () => {
    const url = process.env.TEST_DATABASE_URL;
    if (url) await dropSchemas(url, run);
  };
}
