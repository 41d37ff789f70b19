// Copied next to the types kysely-codegen generated from the migrated PostgreSQL database (db.ts) by
// .ci/schema-drift.sh, and type-checked there: every table and column of the database must be in
// src/db/schema.ts (the *.table.ts types) and the other way round, with the same base type (text →
// string or a union of string literals, integer → number) and the same nullability. A problem fails the
// compile with a message naming the table and column.
import type { ColumnType } from 'kysely';
import type { Database } from '../../src/db/schema.ts';
import type { DB } from './db.ts';

type Sel<T> = T extends ColumnType<infer S, infer _I, infer _U> ? S : T;
type Base<T> = [NonNullable<T>] extends [number]
  ? 'number'
  : [NonNullable<T>] extends [string]
    ? 'string'
    : [NonNullable<T>] extends [number | string]
      ? 'int8'
      : 'other';
/** A 64-bit integer column is typed `number | string` (SQLite gives a number, PostgreSQL's int8 a string). */
type Compatible<GB, OB> = GB extends OB ? true : OB extends 'int8' ? (GB extends 'string' | 'number' ? true : false) : false;
type Null<T> = null extends T ? 'nullable' : 'not null';
type Cols<T> = keyof T & string;

type ColumnProblems<Tn extends string, G, O> =
  | { [C in Exclude<Cols<G>, Cols<O>>]: `${Tn}.${C}: in the database, missing from the schema types` }[Exclude<Cols<G>, Cols<O>>]
  | { [C in Exclude<Cols<O>, Cols<G>>]: `${Tn}.${C}: in the schema types, not in the database` }[Exclude<Cols<O>, Cols<G>>]
  | {
      [C in Cols<G> & Cols<O>]: Compatible<Base<Sel<G[C]>>, Base<Sel<O[C]>>> extends true
        ? Null<Sel<G[C]>> extends Null<Sel<O[C]>>
          ? never
          : `${Tn}.${C}: ${Null<Sel<G[C]>>} in the database, ${Null<Sel<O[C]>>} in the schema types`
        : `${Tn}.${C}: ${Base<Sel<G[C]>>} in the database, ${Base<Sel<O[C]>>} in the schema types`;
    }[Cols<G> & Cols<O>];

type Tables = keyof DB & keyof Database & string;
export type Drift =
  | { [T in Exclude<keyof DB & string, keyof Database>]: `table ${T}: in the database, missing from src/db/schema.ts` }[Exclude<
      keyof DB & string,
      keyof Database
    >]
  | { [T in Exclude<keyof Database & string, keyof DB>]: `table ${T}: in src/db/schema.ts, not in the database` }[Exclude<
      keyof Database & string,
      keyof DB
    >]
  | { [T in Tables]: ColumnProblems<T, DB[T], Database[T]> }[Tables];

// An object that must have one key per problem: the compiler's message lists the problems as the
// missing keys ("Type '{}' is missing the following properties …").
export const noDrift: Record<Drift, true> = {};
