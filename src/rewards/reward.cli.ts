// npm run reward -- --level 1|2|3 --fines YUAN [--insider] [--raised YUAN] [--on YYYY-MM-DD]
// Prints one JSON object (level, base, amount in yuan, needsFinanceApproval, …). Exit 2 on bad arguments.
import { parseArgs } from 'node:util';
import { RewardInputError, rewardAmount } from './amount.ts';
import { rewardRulesOn } from './reward.rules.ts';

const USAGE = `usage: npm run reward -- --level 1|2|3 --fines YUAN [--insider] [--raised YUAN] [--on YYYY-MM-DD]
  --level    奖励等级 1、2 或 3
  --fines    罚没款金额（元），没有罚没款为 0
  --insider  内部知情人举报（提高奖励须财政部门同意）
  --raised   内部知情人的提高金额（元）
  --on       按哪一天有效的规则计算（默认今天）`;

function fail(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

function num(v: string | undefined, name: string): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+(\.\d{1,2})?$/.test(v.trim())) fail(`--${name} 应为金额（元），例如 12000 或 12000.50`);
  return Number(v);
}

let values: { level?: string; fines?: string; insider?: boolean; raised?: string; on?: string; help?: boolean };
try {
  ({ values } = parseArgs({
    options: {
      level: { type: 'string' },
      fines: { type: 'string' },
      insider: { type: 'boolean' },
      raised: { type: 'string' },
      on: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
    allowPositionals: false,
  }));
} catch (e) {
  fail((e as Error).message);
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
if (!values.level || !/^[123]$/.test(values.level)) fail('--level 应为 1、2 或 3');
const fines = num(values.fines, 'fines');
if (fines === undefined) fail('缺少 --fines');
const raised = num(values.raised, 'raised');
if (values.on !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.on)) fail('--on 应为日期 YYYY-MM-DD');
try {
  const rules = rewardRulesOn(values.on ?? new Date());
  const r = rewardAmount(
    {
      level: Number(values.level) as 1 | 2 | 3,
      finesYuan: fines,
      insider: values.insider === true,
      ...(raised !== undefined ? { raisedYuan: raised } : {}),
    },
    rules,
  );
  process.stdout.write(`${JSON.stringify(r)}\n`);
} catch (e) {
  if (e instanceof RewardInputError || e instanceof RangeError) fail(e.message);
  throw e;
}
