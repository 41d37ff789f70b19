// npm run understand -- --jsonl FILE [--now ISO] [--reasons] [--stats]
// One JSON line per {"id","text"} line: the id and every fact the engine reads, named as in the triage
// output where they overlap (kind, category, urgency, suspected_crime, crime_basis, township, business,
// wants_reward) plus the others (anonymous, incident_time, harm, request, other_authority, …); each fact
// is {"value", "span", "confidence"} ("reasons" too with --reasons). Relative dates resolve against --now
// (default: the current time).
import { parseArgs } from 'node:util';
import { runJsonl } from '../lib/jsonl-cli.ts';
import type { Fact } from './facts.ts';
import { type Understanding, understand } from './understand.ts';

const USAGE = 'usage: npm run understand -- [--jsonl FILE|-] [--now 2026-12-05T10:00:00+08:00] [--reasons] [--stats]';

export function toJson(u: Understanding, withReasons: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const put = <T>(key: string, f: Fact<T>): void => {
    out[key] = withReasons ? f : { value: f.value, span: f.span, confidence: f.confidence };
  };
  put('kind', u.kind);
  put('category', u.category);
  put('urgency', u.urgency);
  put('suspected_crime', u.suspected_crime);
  put('crime_basis', u.crime_basis);
  put('township', u.township);
  put('place', u.place);
  put('business', u.business);
  put('business_type', u.business_type);
  put('product', u.product);
  put('incident_time', u.incident_time);
  put('harm', u.harm);
  put('request', u.request);
  put('anonymous', u.anonymous);
  put('wants_reward', u.wants_reward);
  put('identity', u.identity);
  put('other_authority', u.other_authority);
  put('needs_details', u.needs_details);
  return out;
}

async function main(): Promise<void> {
  let values: { jsonl?: string; now?: string; reasons?: boolean; stats?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      options: {
        jsonl: { type: 'string' },
        now: { type: 'string' },
        reasons: { type: 'boolean' },
        stats: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const now = values.now !== undefined ? new Date(values.now) : new Date();
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now is not a date: ${values.now}\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  const withReasons = values.reasons === true;
  await runJsonl({ file: values.jsonl ?? positionals[0], stats: values.stats === true, label: 'understood' }, (_id, text) =>
    toJson(understand(text, { now }), withReasons),
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`understand failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
