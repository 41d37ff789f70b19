// npm run deadline -- --clock D1 --start 2026-09-30T10:00:00+08:00 [--received 2026-03-01] [--extensions 1]
// Prints {"clock","rule","due"} as one JSON line. Exit codes: 0 ok, 1 past the calendar (reason on
// stderr), 2 bad arguments (usage on stderr), 3 the clock is paused / other refusal.

import { parseArgs } from 'node:util';
import { CalendarHorizonError } from './calendar.ts';
import { computeDue } from './compute.ts';
import { parseCstInstant } from './cst.ts';
import { defaultCalendar } from './holidays.ts';
import { findRule, isClockId, ruleVersionFor } from './rules.ts';

const USAGE = `usage: npm run deadline -- --clock D1..D14 --start <date-time> [--received <date>] [--extensions N]
  --start       when the clock started, e.g. 2026-09-30T10:00:00+08:00 (no offset = China Standard Time)
  --received    when the item was received (chooses Order 20 / Order 121); default = --start
  --extensions  number of approved extensions (default 0)`;

function fail(code: number, message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function main(argv: string[]): void {
  let values: { clock?: string; start?: string; received?: string; extensions?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        clock: { type: 'string' },
        start: { type: 'string' },
        received: { type: 'string' },
        extensions: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    fail(2, `${(e as Error).message}\n${USAGE}`);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const clock = values.clock?.toUpperCase();
  if (!clock || !isClockId(clock)) fail(2, `unknown or missing --clock ${values.clock ?? ''}\n${USAGE}`);
  if (!values.start) fail(2, `missing --start\n${USAGE}`);

  let start: Date;
  let received: Date;
  try {
    start = parseCstInstant(values.start);
    received = values.received ? parseCstInstant(values.received) : start;
  } catch (e) {
    fail(2, `${(e as Error).message}\n${USAGE}`);
  }
  const extText = values.extensions ?? '0';
  if (!/^\d+$/.test(extText)) fail(2, `--extensions must be a non-negative integer\n${USAGE}`);
  const extensions = Number(extText);

  const version = ruleVersionFor(received);
  const rule = findRule(version, clock);
  if (!rule) fail(2, `clock ${clock} does not exist under ${version}\n${USAGE}`);

  try {
    const r = computeDue(rule, start, defaultCalendar(), { extensions });
    if (r.paused) fail(3, `clock ${clock} is paused`); // cannot happen without pauses; kept for completeness
    process.stdout.write(`${JSON.stringify({ clock, rule: version, due: r.dueIso })}\n`);
  } catch (e) {
    if (e instanceof CalendarHorizonError) fail(1, `${e.code}: ${e.message}`);
    if (e instanceof RangeError) fail(2, `${e.message}\n${USAGE}`);
    throw e;
  }
}

main(process.argv.slice(2));
