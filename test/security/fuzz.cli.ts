// npm run fuzz -- --cases N [--seed S]: the hostile-input suite (test/security/hostile-input.test.ts) with
// N generated cases (default 10,000) from seed S (default the suite's fixed seed). Exit code: vitest's.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const USAGE = 'usage: npm run fuzz -- [--cases N] [--seed S]';
let values: { cases?: string; seed?: string };
try {
  ({ values } = parseArgs({ options: { cases: { type: 'string' }, seed: { type: 'string' } }, strict: true }));
} catch (e) {
  console.error(`${(e as Error).message}\n${USAGE}`);
  process.exit(2);
}
const cases = values.cases ?? '10000';
const seed = values.seed ?? '20261206';
if (!/^\d+$/.test(cases) || !/^\d+$/.test(seed)) {
  console.error(USAGE);
  process.exit(2);
}
const root = fileURLToPath(new URL('../../', import.meta.url));
const r = spawnSync('npx', ['vitest', 'run', 'test/security/hostile-input.test.ts'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, HOSTILE_CASES: cases, HOSTILE_SEED: seed },
});
process.exit(r.status ?? 1);
