// PostgreSQL runs give each test environment its own schema. Kysely's introspection reads every schema of
// the database, so a schema dropped while another file migrates makes that file fail ("schema does not
// exist"). Schemas are therefore dropped here, once every test file has finished, not one by one.
import pg from 'pg';

async function dropTestSchemas(url: string): Promise<void> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    const { rows } = await c.query<{ nspname: string }>(`select nspname from pg_namespace where nspname ~ '^t_[0-9a-f]{12}$'`);
    for (const r of rows) await c.query(`drop schema if exists ${r.nspname} cascade`);
  } finally {
    await c.end();
  }
}

export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) await dropTestSchemas(url); // leftovers of an interrupted run
  return async () => {
    if (url) await dropTestSchemas(url);
  };
}
