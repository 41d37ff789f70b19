// Queries built and compiled by Kysely once per dialect, then run many times with new values.
//
// Kysely builds an immutable tree for every query and compiles it to SQL on every run: for the ~20 short
// statements of a case.received job that was ~15% of a worker's CPU, more than SQLite spent running
// most of them. A statement whose shape never changes (only its values do) is built here once, with a
// marker standing in for each value, and the compiled SQL is kept with the position of each value among
// its parameters; a run puts the values in those positions and hands the SQL to the same executor
// (same connection, same transaction, same prepared-statement cache on SQLite). The builder is still
// Kysely's, so the query stays type-checked against the schema.
//
// The builder must name each value and use it only as a value (a comparison, a column's new value): one it
// transformed (trimmed, joined, spread into a list) would be compiled in as a constant, so that is
// refused the first time the query is compiled, loudly, instead of running with a stale value.
import { type Compilable, CompiledQuery, type QueryResult } from 'kysely';
import { type Db, type Trx, isPostgres } from './database.ts';

type Value = string | number | null;
type Slot = { key: string } | { value: unknown };

const MARK = '\u0000compiled-once:';

export interface CompiledOnce<P extends Record<string, Value>, O> {
  /** Runs the query with these values, in `db` (or the transaction). */
  run(db: Db | Trx, values: P): Promise<QueryResult<O>>;
  /** The rows. */
  rows(db: Db | Trx, values: P): Promise<O[]>;
  /** The first row, if any. */
  first(db: Db | Trx, values: P): Promise<O | undefined>;
}

export function compiledOnce<P extends Record<string, Value>, O>(build: (db: Db | Trx, values: P) => Compilable<O>): CompiledOnce<P, O> {
  // Per dialect: the SQL, and for each parameter the name of its value or (null) the constant it is.
  const byDialect = new Map<string, { sql: string; keys: (string | null)[]; constants: unknown[] }>();
  const compiled = (db: Db | Trx) => {
    const dialect = isPostgres(db) ? 'postgres' : 'sqlite';
    const hit = byDialect.get(dialect);
    if (hit) return hit;
    const used = new Set<string>();
    const markers = new Proxy(
      {},
      {
        get: (_target, key) => {
          if (typeof key !== 'string') return undefined;
          used.add(key);
          return MARK + key;
        },
        // The markers cannot be listed or spread (their keys are known only as they are read): name each value.
        ownKeys: () => {
          throw new Error('compiledOnce: name each value (the values object cannot be spread or listed)');
        },
      },
    ) as P;
    const q = build(db, markers).compile();
    const slots: Slot[] = q.parameters.map((v) =>
      typeof v === 'string' && v.startsWith(MARK) ? { key: v.slice(MARK.length) } : { value: v },
    );
    const placed = new Set(slots.flatMap((s) => ('key' in s ? [s.key] : [])));
    const transformed =
      q.sql.includes(MARK) ||
      q.parameters.some((v) => typeof v === 'string' && v.includes(MARK) && !(v.startsWith(MARK) && placed.has(v.slice(MARK.length))));
    const unplaced = [...used].filter((k) => !placed.has(k));
    if (transformed || unplaced.length)
      throw new Error(`compiledOnce: values must be used as they are (${unplaced.join(', ') || 'a value was transformed'}): ${q.sql}`);
    const entry = {
      sql: q.sql,
      keys: slots.map((s) => ('key' in s ? s.key : null)),
      constants: slots.map((s) => ('value' in s ? s.value : null)),
    };
    byDialect.set(dialect, entry);
    return entry;
  };
  const run = (db: Db | Trx, values: P): Promise<QueryResult<O>> => {
    const c = compiled(db);
    const parameters: unknown[] = new Array(c.keys.length);
    for (let i = 0; i < c.keys.length; i++) {
      const key = c.keys[i];
      parameters[i] = typeof key === 'string' ? values[key] : c.constants[i];
    }
    return db.executeQuery<O>(CompiledQuery.raw(c.sql, parameters));
  };
  return {
    run,
    rows: async (db, values) => (await run(db, values)).rows,
    first: async (db, values) => (await run(db, values)).rows[0],
  };
}
