import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const KEYS = ['id', 'kind', 'category', 'urgency', 'suspected_crime', 'crime_basis', 'township', 'business', 'wants_reward', 'reasons'];

function run(args: string[], input?: string): { status: number | null; lines: Array<Record<string, unknown>> } {
  const res = spawnSync('npx', ['tsx', 'src/triage/triage.cli.ts', ...args], { cwd: root, input, encoding: 'utf8', timeout: 60_000 });
  const lines = res.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { status: res.status, lines };
}

describe('triage CLI', () => {
  it('writes one object per line with exactly the documented keys, and an error object for bad lines', () => {
    const dir = mkdtempSync(join(tmpdir(), 'triage-cli-'));
    try {
      const file = join(dir, 'in.jsonl');
      writeFileSync(
        file,
        [
          JSON.stringify({ id: 'a', text: '举报龙湖镇一家作坊用地沟油，有奖励吗' }),
          'this is not json',
          JSON.stringify({ id: 7 }),
          '',
          JSON.stringify({ id: 'b', text: '😡😡😡' }),
        ].join('\n'),
      );
      const { status, lines } = run(['--jsonl', file]);
      expect(status).toBe(0);
      expect(lines).toHaveLength(4);
      const [a, bad, missing, b] = lines;
      expect(Object.keys(a ?? {})).toEqual(KEYS);
      expect(a).toMatchObject({
        id: 'a',
        kind: 'report',
        suspected_crime: true,
        township: '龙湖镇',
        wants_reward: true,
        crime_basis: ['地沟油', '刑法第144条'],
      });
      expect(bad).toEqual({ error: 'invalid JSON' });
      expect(missing).toEqual({ id: 7, error: 'missing "text" string' });
      expect(Object.keys(b ?? {})).toEqual(KEYS);
      expect(b).toMatchObject({ id: 'b', kind: 'consultation' });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('reads stdin when the file is - or missing', () => {
    const input = JSON.stringify({ id: 1, text: '超市买的酸奶过期了，要求退款' }) + '\n';
    for (const args of [['--jsonl', '-'], []]) {
      const { status, lines } = run(args, input);
      expect(status).toBe(0);
      expect(lines[0]).toMatchObject({ id: 1, kind: 'complaint', category: 'food_retail' });
    }
  }, 60_000);
});
