// Benchmarks refuse misspelt options instead of running with defaults (`--case 1000` once seeded a
// million cases for eight silent minutes).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = (script: string, args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, script), ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });

describe('benchmark options', () => {
  it('a misspelt option stops with the usage line and exit code 2', () => {
    const r = run('bench/queue.ts', ['--case', '1000']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("Unknown option '--case'");
    expect(r.stderr).toContain('usage: npm run bench:queue');
  });

  it('a value that is not a positive integer is refused', () => {
    const r = run('bench/run.ts', ['--seconds', 'ten']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--seconds must be a positive integer');
  });
});
