// Every command-line tool not exercised elsewhere is run once here as a user would (a child process on the
// configured database), with its exit code and its output checked: db:migrate, calendar, understand,
// eval:triage, eval:anonymise, eval:chat, train:understanding. (deadline, triage, admin, audit:verify,
// referral:verify, anonymise and chat have their own CLI tests.) The evals run on their dev splits only:
// the frozen test splits are never run by the suite.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestEnv, testEnv } from '../helpers/env.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let env: TestEnv;

beforeAll(async () => {
  env = await testEnv();
});
afterAll(async () => env?.cleanup());

/** Runs a CLI with node + tsx, asynchronously (the test's own timeout applies), on this file's database. */
function run(file: string, args: string[], stdin?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      ['--import', 'tsx', file, ...args],
      { cwd: root, env: { ...process.env, ...env.env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
    if (stdin !== undefined) child.stdin?.end(stdin);
  });
}

describe('command-line tools', { timeout: 180_000 }, () => {
  it('db:migrate applies every migration, then finds the database up to date, and refuses bad arguments', async () => {
    const first = await run('src/db/migrate.cli.ts', []);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Applied on (sqlite|postgres): \d{8}_\d{4}_/);
    const again = await run('src/db/migrate.cli.ts', []);
    expect(again.code).toBe(0);
    expect(again.stdout.trim()).toMatch(/^Database \((sqlite|postgres)\) is up to date\.$/);
    const bad = await run('src/db/migrate.cli.ts', ['--sideways']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: npm run db:migrate');
  });

  it('calendar shows the known range, enters the next year, and refuses a file from another year', async () => {
    const show = await run('src/deadlines/calendar.cli.ts', ['--show']);
    expect(show.code).toBe(0);
    expect(show.stdout).toContain("'calendar.last_year': '2026'");
    const file = path.join(env.dataDir, 'holidays-2027.json');
    writeFileSync(
      file,
      JSON.stringify([
        { date: '2027-01-01', kind: 'holiday', name: '元旦' },
        { date: '2027-02-06', kind: 'holiday', name: '春节' },
      ]),
    );
    const entered = await run('src/deadlines/calendar.cli.ts', ['--year', '2027', '--file', file]);
    expect(entered.stderr).toBe('');
    expect(entered.code).toBe(0);
    expect(entered.stdout).toMatch(/Entered 2 days for 2027; \d+ provisional due dates recomputed\./);
    expect(entered.stdout).toContain("'calendar.last_year': '2027'");
    // Its audit row is chained with the server's key: the chain still verifies.
    const verify = await run('src/backoffice/audit-verify.cli.ts', []);
    expect(verify.code, verify.stdout + verify.stderr).toBe(0);
    const wrongYear = await run('src/deadlines/calendar.cli.ts', ['--year', '2028', '--file', file]);
    expect(wrongYear.code).toBe(1);
    expect(wrongYear.stderr).toContain('calendar: every entry must fall in 2028');
    const usage = await run('src/deadlines/calendar.cli.ts', ['--year', '2028']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run calendar');
  });

  it('understand reads JSON lines and writes one line of facts per input line', async () => {
    const r = await run(
      'src/understanding/understand.cli.ts',
      ['--jsonl', '-', '--now', '2026-12-05T10:00:00+08:00'],
      `${JSON.stringify({ id: 'a1', text: '昨天在新华路的好味道餐馆吃了变质的卤肉，拉肚子了，要求退款赔偿' })}\n`,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const facts = JSON.parse(lines[0]!) as Record<string, { value: unknown }> & { id: string };
    expect(facts.id).toBe('a1');
    expect(facts.kind?.value).toBe('complaint');
    expect(facts.category?.value).toBe('catering');
    const bad = await run('src/understanding/understand.cli.ts', ['--bogus']);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('usage: npm run understand');
  });

  it('eval:triage scores the dev split as JSON, with intervals', async () => {
    const r = await run('src/understanding/eval.cli.ts', ['--split', 'dev', '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { dev: { rows: number; fields: { kind: { accuracy: { k: number; n: number; ci: number[] } } } } };
    expect(out.dev.rows).toBe(300);
    const acc = out.dev.fields.kind.accuracy;
    expect(acc.n).toBe(300);
    expect(acc.k / acc.n).toBeGreaterThan(0.8);
    expect(acc.ci[0]).toBeLessThan(acc.k / acc.n);
    expect(Object.keys(out)).toEqual(['dev']); // the frozen test split was not read
  });

  it('eval:anonymise scores the dev split, meets its goals and names the frozen file by hash', async () => {
    const r = await run('src/publication/eval-anonymise.cli.ts', ['--split', 'dev', '--quiet']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('goals met');
    expect(r.stdout).toMatch(/other PII masked \(goal ≥ 99%\)\s+\d+\.\d%/);
    expect(r.stdout).toMatch(/frozen test split test\/fixtures\/anonymise\/test\.jsonl sha256 [0-9a-f]{64}/);
  });

  it('eval:chat lists no conversation of a frozen split unless asked to', async () => {
    const r = await run('bench/eval-chat.cli.ts', ['--split', 'test2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('fields right');
    expect(r.stdout).not.toMatch(/^[a-z]\d{3} /m);
    const listed = await run('bench/eval-chat.cli.ts', ['--split', 'test2', '--list-frozen']);
    expect(listed.stdout).toMatch(/^[a-z]\d{3} /m);
  });

  it('eval:chat plays the dev personas and reports one JSON summary', async () => {
    const r = await run('bench/eval-chat.cli.ts', ['--split', 'dev', '--json']);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { split: string; n: number; right: number; total: number; deadEnds: number };
    expect(s.split).toBe('dev');
    expect(s.n).toBe(50);
    expect(s.right / s.total).toBeGreaterThan(0.9);
    expect(s.deadEnds).toBe(0);
  });

  it('train:understanding prints its usage and refuses unknown options', async () => {
    const help = await run('src/understanding/train.cli.ts', ['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout.trim()).toBe('usage: npm run train:understanding -- [--check]');
    const bad = await run('src/understanding/train.cli.ts', ['--bogus']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('usage: npm run train:understanding');
  });
});
