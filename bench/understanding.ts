// `npm run bench:understanding`: how many citizen texts per second one core reads, for ~200-character
// texts (the goal: ≥ 2,000 texts/s). Texts are built from the corpus's train split (never the
// frozen test split), joined and cut at 200 characters. Measured in the same run against two baselines:
// (a) one scan with a regular expression of 60 food-safety keywords (what a keyword triage would cost),
// (b) the rules alone (src/understanding/rules.ts) — so the ratio says what the model and the other
// extractors add. Both wall time and this process's CPU time are printed (the machine is shared: CPU
// time is the steadier figure). Options: --seconds N per measurement (default 3), --length N (default 200).
import { readFileSync } from 'node:fs';
import { cliArgs } from '../src/lib/cli-args.ts';
import { readRules } from '../src/understanding/rules.ts';
import { understand } from '../src/understanding/understand.ts';

const { values } = cliArgs('usage: npm run bench:understanding -- [--seconds N>0] [--length N>=20]', {
  seconds: { type: 'string' },
  length: { type: 'string' },
});
const seconds = Number(values.seconds ?? '3');
const length = Number(values.length ?? '200');
if (!(seconds > 0) || !(length >= 20)) {
  process.stderr.write('usage: npm run bench:understanding -- [--seconds N>0] [--length N>=20]\n');
  process.exit(2);
}

const source = readFileSync(new URL('../test/fixtures/understanding/train.jsonl', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((l) => (JSON.parse(l) as { text: string }).text);
const texts: string[] = [];
for (let i = 0; i < source.length; i++) {
  let t = source[i] ?? '';
  for (let j = 1; t.length < length; j++) t += source[(i + j) % source.length] ?? '';
  texts.push(t.slice(0, length));
}

const KEYWORDS =
  /过期|变质|发霉|异物|苍蝇|头发|虫子|拉肚子|腹泻|呕吐|中毒|住院|地沟油|病死|注水|瘦肉精|假冒|山寨|无证|无照|小作坊|添加剂|亚硝酸盐|农药|兽药|三无|标签|生产日期|保质期|退款|赔偿|退一赔十|举报|投诉|查处|罚款|奖励|匿名|外卖|食堂|学校|幼儿园|超市|饭店|餐馆|烧烤|火锅|奶粉|保健品|直播|网店|市场|菜市场|猪肉|牛肉|羊肉|鸡蛋|蔬菜|水果|白酒/g;

function measure(name: string, f: (t: string) => unknown): { name: string; wall: number; cpu: number } {
  // Warm up (JIT, the model's first load), then run whole passes until the time is up.
  for (let i = 0; i < Math.min(200, texts.length); i++) f(texts[i]!);
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  let n = 0;
  while (performance.now() - t0 < seconds * 1000) {
    for (const t of texts) f(t);
    n += texts.length;
  }
  const wallS = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpuS = (c.user + c.system) / 1e6;
  return { name, wall: n / wallS, cpu: n / cpuS };
}

const results = [
  measure('keyword regex (baseline a)', (t) => t.match(KEYWORDS)),
  measure('rules only (baseline b)', (t) => readRules({ text: t })),
  measure('understand (rules + model + extractors)', (t) => understand(t)),
];
const fmt = (n: number) => Math.round(n).toLocaleString('en-US').padStart(9);
process.stdout.write(`${texts.length} texts of ${length} characters (train split), ${seconds} s each, one core\n`);
process.stdout.write(`${'measurement'.padEnd(42)} ${'texts/s wall'.padStart(13)} ${'texts/s CPU'.padStart(12)}\n`);
for (const r of results) process.stdout.write(`${r.name.padEnd(42)} ${fmt(r.wall)}     ${fmt(r.cpu)}\n`);
const [a, b, u] = results as [(typeof results)[0], (typeof results)[0], (typeof results)[0]];
process.stdout.write(
  `ratios (CPU): understand / keyword regex = ${(u.cpu / a.cpu).toFixed(4)}×, understand / rules = ${(u.cpu / b.cpu).toFixed(3)}×\n` +
    `goal ≥ 2,000 texts/s per core: ${u.cpu >= 2000 ? 'met' : 'NOT met'} (${Math.round(u.cpu)} texts/s CPU)\n`,
);
