import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('configuration', () => {
  it('has working defaults: SQLite under ./data, local Redis, port 3000', () => {
    const c = loadConfig({});
    expect(c.role).toBe('all');
    expect(c.port).toBe(3000);
    expect(c.database).toMatchObject({ kind: 'sqlite', synchronous: 'FULL' });
    expect(c.database.kind === 'sqlite' && c.database.file.endsWith('data/shiantong.sqlite')).toBe(true);
    expect(c.redis).toEqual({ url: 'redis://127.0.0.1:6379', explicit: false });
  });

  it('selects PostgreSQL from DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h/db' }).database).toEqual({ kind: 'postgres', url: 'postgres://u@h/db' });
  });

  it('names each bad variable and what is wrong with it', () => {
    try {
      loadConfig({ PORT: 'eighty', ROLE: 'boss', REDIS_URL: 'http://x', IDENTITY_KEY: 'c2hvcnQ=' });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      const m = (e as Error).message;
      for (const name of ['PORT', 'ROLE', 'REDIS_URL', 'IDENTITY_KEY']) expect(m).toContain(name);
      expect(m).toContain('"eighty"');
      expect(m).not.toContain('c2hvcnQ='); // key material is never echoed
    }
  });

  it('npm start refuses a bad value with a clear message and exit code 2', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('PORT');
  });
});
