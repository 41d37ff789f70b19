// The JSONL CLI (npm run anonymise): one output line per non-blank input line, with the anonymised
// text and the findings; bad lines become {"id"?, "error"} and processing goes on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'anonymise-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(args: string[], input?: string) {
  const r = spawnSync('npx', ['tsx', 'src/publication/anonymise.cli.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
    ...(input === undefined ? {} : { input }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('npm run anonymise -- --jsonl', { timeout: 60_000 }, () => {
  it('writes {id, text, found} per line and {id?, error} for bad lines, then goes on', () => {
    const file = join(dir, 'in.jsonl');
    writeFileSync(
      file,
      [
        JSON.stringify({ id: 'a1', text: '我叫王建国，电话１３８ ３８２１ ５６７８，家住阳光花园5号楼2单元302室' }),
        '{not json',
        JSON.stringify({ id: 'a2', text: 42 }),
        '',
        JSON.stringify({ id: 'a3', text: '订单号13812345678，金额138元' }),
        JSON.stringify({ id: 'a4', text: '王建国烧烤店电话0371-62581234', keep: ['王建国烧烤店', '0371-62581234'] }),
        JSON.stringify({ text: '联系人：刘芳' }),
      ].join('\n') + '\n',
    );
    const r = run(['--jsonl', file]);
    expect(r.status).toBe(1); // some lines had errors
    const out = lines(r.stdout);
    expect(out).toHaveLength(6);
    expect(out[0]).toEqual({
      id: 'a1',
      text: '我叫[姓名]，电话[手机号]，家住[住址]',
      found: [
        { type: 'name', value: '王建国' },
        { type: 'mobile', value: '１３８ ３８２１ ５６７８' },
        { type: 'address', value: '阳光花园5号楼2单元302室' },
      ],
    });
    expect(out[1]).toEqual({ error: expect.stringContaining('invalid JSON') });
    expect(out[2]).toEqual({ id: 'a2', error: expect.stringContaining('text') });
    expect(out[3]).toEqual({ id: 'a3', text: '订单号13812345678，金额138元', found: [] });
    expect(out[4]).toEqual({ id: 'a4', text: '王建国烧烤店电话0371-62581234', found: [] });
    expect(out[5]).toEqual({ text: '联系人：[姓名]', found: [{ type: 'name', value: '刘芳' }] });
  });

  it('reads stdin with "-" and exits 0 when every line is fine', () => {
    const r = run(['--jsonl', '-'], JSON.stringify({ id: 7, text: 'QQ:38271654' }) + '\n');
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toEqual([{ id: 7, text: 'QQ:[QQ号]', found: [{ type: 'qq', value: '38271654' }] }]);
  });

  it('exits 2 with usage when --jsonl is missing', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('usage');
  });
});
