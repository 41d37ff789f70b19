// Surfaces stay thin: no module under src/http or bots/ imports Kysely, a database driver or src/db/,
// and none builds a query. A route parses, calls one domain verb or view (which get `deps.db` and own
// their queries), and renders. The checker is tried on a bad example first, so a pass means something.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SURFACES = ['src/http', 'bots'];
const DB_PACKAGES = /^(kysely|better-sqlite3|pg|pg-[\w-]+|postgres)(\/|$)/;
const DB_DIR = path.join(ROOT, 'src/db') + path.sep;
/** Query building or transactions: these belong in a domain's service, query or view module. */
const QUERY_CALL = /\.(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|transaction)\s*\(|\bsql\s*`/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(p);
    return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [p] : [];
  });
}

/** Every module specifier a source imports or re-exports, statically or dynamically. */
function specifiers(source: string): string[] {
  const out: string[] = [];
  for (const m of source.matchAll(
    /\b(?:import|export)\s[^'";]*?\bfrom\s*['"]([^'"]+)['"]|\bimport\s*['"]([^'"]+)['"]|\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)|\brequire\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  )) {
    const s = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (s) out.push(s);
  }
  return out;
}

/** What a surface module must not do, one line per problem. */
function violations(file: string, source: string): string[] {
  const problems: string[] = [];
  for (const spec of specifiers(source)) {
    const target = spec.startsWith('.') ? path.resolve(path.dirname(file), spec) : null;
    if (DB_PACKAGES.test(spec) || target?.startsWith(DB_DIR)) problems.push(`${path.relative(ROOT, file)} imports ${spec}`);
  }
  source.split('\n').forEach((line, i) => {
    if (QUERY_CALL.test(line) && !/^\s*(\/\/|\*)/.test(line))
      problems.push(`${path.relative(ROOT, file)}:${i + 1} builds a query: ${line.trim().slice(0, 80)}`);
  });
  return problems;
}

describe('thin surfaces', () => {
  it('the checker finds a database import and a query in a bad example', () => {
    const file = path.join(ROOT, 'src/http/example.routes.ts');
    const bad = [
      "import { sql } from 'kysely';",
      "import type { Db } from '../db/database.ts';",
      "export { openDatabase } from '../db/database.ts';",
      "const pg = await import('pg');",
      "const rows = await deps.db.selectFrom('intake_case').selectAll().execute();",
      'await sql`select 1`.execute(deps.db);',
      "await deps.db.transaction().execute(async (trx) => trx.insertInto('outbox').values(row).execute());",
    ].join('\n');
    expect(violations(file, bad)).toHaveLength(7); // four imports, three lines that build queries
    expect(
      violations(
        file,
        "import { listCases } from '../backoffice/case.queries.ts';\n// deps.db.selectFrom( in a comment is fine\nawait listCases(deps.db, user);",
      ),
    ).toEqual([]);
  });

  it('no module under src/http or bots/ imports Kysely or the database, or builds a query', () => {
    const files = SURFACES.flatMap((d) => sourceFiles(path.join(ROOT, d)));
    expect(files.length).toBeGreaterThan(40);
    expect(files.flatMap((f) => violations(f, readFileSync(f, 'utf8')))).toEqual([]);
  });
});
