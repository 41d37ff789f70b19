import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(...args: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/deadlines/deadline.cli.ts', ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run deadline', { timeout: 60_000 }, () => {
  it('prints the due date as one JSON line', () => {
    const r = run('--clock', 'D1', '--start', '2026-09-28T10:00:00+08:00');
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(r.stdout)).toEqual({ clock: 'D1', rule: 'order121', due: '2026-10-13T23:59:59+08:00' });
  });

  it('chooses the rule version from --received and applies --extensions', () => {
    // Order 20: D2 = 45 working days from 03-05 → 05-12 (counted in compute.test.ts)
    const r = run('--clock', 'D2', '--start', '2026-03-05T10:00:00+08:00', '--received', '2026-03-01');
    expect(JSON.parse(r.stdout)).toEqual({ clock: 'D2', rule: 'order20', due: '2026-05-12T23:59:59+08:00' });
    const e = run('--clock', 'D4', '--start', '2026-03-02T09:00:00+08:00', '--extensions', '1');
    expect(JSON.parse(e.stdout)).toEqual({ clock: 'D4', rule: 'order20', due: '2026-04-14T23:59:59+08:00' });
  });

  it('answers for D13 (police decide a reconsideration request) and D14 (withdraw an overturned record)', () => {
    // D13: 3 days from 09-30 ends on 10-03, inside the National Day holiday → the first day after it.
    const d13 = run('--clock', 'D13', '--start', '2026-09-30T10:00:00+08:00');
    expect(d13.status).toBe(0);
    expect(JSON.parse(d13.stdout)).toEqual({ clock: 'D13', rule: 'order121', due: '2026-10-08T23:59:59+08:00' });
    // D14: 3 working days — 10-08, 10-09 and the adjusted working Saturday 10-10.
    const d14 = run('--clock', 'D14', '--start', '2026-09-30T10:00:00+08:00');
    expect(d14.status).toBe(0);
    expect(JSON.parse(d14.stdout)).toEqual({ clock: 'D14', rule: 'order121', due: '2026-10-10T23:59:59+08:00' });
  });

  it('exits non-zero with the reason past the calendar', () => {
    const r = run('--clock', 'D4', '--start', '2026-12-20T10:00:00+08:00');
    expect(r.status).not.toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('CALENDAR_HORIZON');
    expect(r.stderr).toContain('2027-01-01');
  });

  it('exits non-zero with usage on an unknown clock or bad arguments', () => {
    for (const args of [
      ['--clock', 'D99', '--start', '2026-09-28'],
      ['--clock', 'D12', '--start', '2026-09-28'], // D12 does not exist under Order 121
      ['--clock', 'D1'],
      ['--clock', 'D1', '--start', 'yesterday'],
      ['--clock', 'D1', '--start', '2026-09-28', '--extensions', '-1'],
      ['--bogus'],
    ]) {
      const r = run(...args);
      expect(r.status, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toContain('usage:');
    }
  });
});
