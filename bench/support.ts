// What the benchmarks that start their own processes share: a free port, and a PostgreSQL schema of the
// run's own (DATABASE_URL pointing into it), dropped at the end.
import { readFileSync } from 'node:fs';
import net from 'node:net';
import pg from 'pg';

export const PG_BASE = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/**
 * CPU time (user + system) a process has used so far, in microseconds (Linux: /proc/<pid>/stat, 100 ticks
 * a second); NaN when it cannot be read (the process is gone, or is not on this machine).
 */
export function cpuMicrosOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU time of a process's main thread alone (its event loop: /proc/<pid>/task/<pid>/stat), in µs; NaN when
 * it cannot be read. Beside `cpuMicrosOf` (every thread), it shows what worker threads took off the loop.
 */
export function mainThreadCpuMicrosOf(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return Number.NaN;
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

async function sqlOnBase(statement: string): Promise<void> {
  const c = new pg.Client(PG_BASE);
  await c.connect();
  try {
    await c.query(statement);
  } finally {
    await c.end();
  }
}

/** Creates schema `name` and returns a DATABASE_URL whose search_path is it. */
export async function createPgSchema(name: string): Promise<string> {
  await sqlOnBase(`create schema ${name}`);
  return `${PG_BASE}?options=${encodeURIComponent(`-c search_path=${name}`)}`;
}

export async function dropPgSchema(name: string): Promise<void> {
  await sqlOnBase(`drop schema ${name} cascade`);
}
