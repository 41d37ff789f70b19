// npm run eval:chat -- [--split dev|test|dev2|test2|dev3|test3|dev4|dev5|test4|dev6|test5|dev7|test6|dev8|dev9|dev10|test7|dev11|dev12|dev13|test8|dev14|dev15|test9|dev16|test10|dev17|test11|test12|dev18|test13|dev19|test14|dev20|test15|dev21|test16|dev22|test17|dev23|test18|dev24|test19|dev25|test20|dev26|test21|dev27|test22|dev28|test23|dev29|test24|dev30|test25|dev31|test26|dev32|test27|dev33|test28|dev34|test29|dev35|test30|dev36|test31|dev37|test32|dev38|test33] [--id p001] [--server] [--limit N] [--verbose] [--json] [--list-frozen]
// Plays every persona of test/fixtures/chat/<split>.jsonl (test and test2 … test33 are frozen) against the real
// conversation engine (bots/wechat/eval-chat.ts), with a fixed clock: 2026-12-05 10:00 CST.
// Without --server the server's answers are simulated and the payload the bot sent is scored. With
// --server the same conversations run against a real server (startRuntime on SQLite in a temp dir, Redis
// from REDIS_URL or 127.0.0.1:6379): submissions, status queries, hand-offs and answers go through the
// bot's own HTTP client to /api/v1, and the filed case is read back from the database and scored.
// --limit N plays only the first N personas (a quick server run). A frozen split (test*) prints its
// aggregates only, so nobody tunes on its conversations by accident; --list-frozen lists them anyway.
import { createHash } from 'node:crypto';
import { type Driver, evaluate, loadPersonas, pureDriver, SPLITS } from '../bots/wechat/eval-chat.ts';
import { cliArgs, positiveInt, usageError } from '../src/lib/cli-args.ts';
import { startServerDriver } from './eval-chat-server.ts';

async function main(): Promise<void> {
  const USAGE =
    'usage: npm run eval:chat -- [--split dev|test|dev2|test2|dev3|test3|dev4|dev5|test4|dev6|test5|dev7|test6|dev8|dev9|dev10|test7|dev11|dev12|dev13|test8|dev14|dev15|test9|dev16|test10|dev17|test11|test12|dev18|test13|dev19|test14|dev20|test15|dev21|test16|dev22|test17|dev23|test18|dev24|test19|dev25|test20|dev26|test21|dev27|test22|dev28|test23|dev29|test24|dev30|test25|dev31|test26|dev32|test27|dev33|test28|dev34|test29|dev35|test30|dev36|test31|dev37|test32|dev38|test33] [--id PERSONA] [--server] [--limit N] [--verbose|-v] [--json] [--list-frozen]';
  const { values } = cliArgs(USAGE, {
    split: { type: 'string' },
    id: { type: 'string' },
    server: { type: 'boolean' },
    limit: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    json: { type: 'boolean' },
    'list-frozen': { type: 'boolean' },
  });
  const split = values.split ?? 'dev';
  if (!SPLITS.includes(split)) usageError(USAGE, `--split must be one of ${SPLITS.join(', ')}`);
  const { personas: all, bytes } = loadPersonas(split, values.id);
  const limit = positiveInt(USAGE, 'limit', values.limit, all.length);
  const personas = all.slice(0, limit);
  const server = values.server ? await startServerDriver() : null;
  const driver: Driver = server ?? pureDriver;
  let result: Awaited<ReturnType<typeof evaluate>>;
  try {
    result = await evaluate(personas, driver, { verbose: values.verbose ?? false });
  } finally {
    await server?.stop();
  }
  const { totals, lines } = result;
  const mode = server ? 'server' : 'pure';
  const pct = (a: number, b: number) => (b === 0 ? '-' : (a / b).toFixed(3));
  if (values.json) {
    process.stdout.write(`${JSON.stringify({ split, mode, ...totals })}\n`);
    return;
  }
  const frozen = split.startsWith('test');
  if (!frozen || values['list-frozen']) process.stdout.write(`${lines.join('\n')}\n\n`);
  else process.stdout.write('(a frozen split: per-conversation results are not listed; --list-frozen lists them)\n');
  if (split.startsWith('test')) process.stdout.write(`${split}.jsonl sha256 ${createHash('sha256').update(bytes).digest('hex')}\n`);
  process.stdout.write(
    [
      `split ${split}: ${totals.n} conversations (${mode === 'server' ? 'through a real server; filed cases read back from its database' : 'pure conversation; the payload sent is scored'})`,
      `fields right        ${pct(totals.right, totals.total)} (${totals.right}/${totals.total})  goal ≥ 0.95`,
      `repeated questions  ${totals.repeated}  goal 0`,
      `junk values stored  ${totals.junk}  goal 0`,
      `dead ends           ${totals.deadEnds}  goal 0`,
      `within max turns    ${totals.turnsOk}/${totals.turnsChecked}`,
      `all facts first, filed in ≤ 3 turns  ${totals.fullFirstOk}/${totals.fullFirst}`,
      `hand-off as expected ${totals.handoffOk}/${totals.n}`,
      `replies contain the expected words ${totals.replyOk}/${totals.n}`,
    ].join('\n') + '\n',
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
