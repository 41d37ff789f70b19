// Command-line tools refuse misspelt options instead of running with defaults (`--case 1000` once seeded
// a million cases for eight silent minutes): every CLI reads its options through src/lib/cli-args.ts
// (node:util parseArgs, strict), so an unknown option stops it with the usage and exit code 2.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliArgs } from '../../src/lib/cli-args.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
    // No configuration is read before the options are checked; keep any run away from real data anyway.
    env: { ...process.env, DATA_DIR: path.join(ROOT, '.tmp', 'cli-args-test') },
  });

describe('strict command-line options', () => {
  it('npm run bench:queue -- --case 10 stops with the usage line and exit code 2', () => {
    const r = run('bench/queue.ts', ['--case', '10']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--case'");
    expect(r.stderr).toContain('usage: npm run bench:queue');
  });

  it('a value that is not a positive integer is refused', () => {
    const r = run('bench/run.ts', ['--seconds', 'ten']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seconds must be a positive integer');
  });

  it('every CLI refuses an unknown option with its usage (exit 2)', { timeout: 120_000 }, () => {
    const clis = [
      'src/publication/anonymise.cli.ts',
      'src/publication/eval-anonymise.cli.ts',
      'src/referral/verify.cli.ts',
      'src/backoffice/audit-verify.cli.ts',
      'src/deadlines/calendar.cli.ts',
      'src/backoffice/admin.cli.ts',
      'bench/understanding.ts',
    ];
    for (const cli of clis) {
      const r = run(cli, ['--definitely-not-an-option']);
      expect(r.status, `${cli}: ${r.stderr}`).toBe(2);
      expect(r.stderr, cli).toContain("Unknown option '--definitely-not-an-option'");
      expect(r.stderr, cli).toContain('usage');
    }
  });

  it('no CLI parses process.argv by hand: each goes through cli-args.ts (or parseArgs strict)', () => {
    const files = [
      ...readdirSync(path.join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).map((f) => path.join('src', f)),
      ...readdirSync(path.join(ROOT, 'bots'), { recursive: true, encoding: 'utf8' }).map((f) => path.join('bots', f)),
      ...readdirSync(path.join(ROOT, 'bench')).map((f) => path.join('bench', f)),
    ].filter((f) => /\.cli\.ts$|^bench\/[a-z]+\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(12);
    for (const f of files) {
      const src = readFileSync(path.join(ROOT, f), 'utf8');
      expect(src, f).not.toMatch(/argv\[\s*(\+\+)?i/);
      if (/parseArgs\(/.test(src)) expect(src, f).toMatch(/strict: true/);
    }
  });

  it('cliArgs returns typed values and positionals', () => {
    const r = cliArgs(
      'usage: x',
      { n: { type: 'string' }, v: { type: 'boolean' } },
      { args: ['--n', '3', '--v', 'p'], allowPositionals: true },
    );
    expect(r.values).toEqual({ n: '3', v: true });
    expect(r.positionals).toEqual(['p']);
  });
});
