// Optional, off by default (issue #13 item 9): facts read by an OpenAI-compatible chat endpoint (an
// on-premises model: vLLM, Ollama, llama.cpp server …) to fill what the rules left empty. The rules stay
// the reader: the model's answer is validated with zod, checked against the text (a business name must be
// written in it, a date must not be in the future, a township must be one of 新郑's 15), and only fills a
// fact the rules did not find. Any failure — no answer within the timeout, a non-2xx status, a body that is
// not the expected shape, content that is not JSON or not valid facts — gives null: the rules alone.
// The citizen's text goes to the configured endpoint only; configure an on-premises one (it may hold
// identities). Nothing is logged here.
import { z } from 'zod';
import { TOWNSHIPS } from '../cases/divisions.ts';
import { fact, spanOf } from './facts.ts';
import type { Understanding } from './understand.ts';

export interface LlmConfig {
  /** Base URL of the OpenAI-compatible API, e.g. http://10.0.0.5:8000/v1 (POST {url}/chat/completions). */
  url: string;
  model: string;
  apiKey?: string | undefined;
  timeoutMs: number;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** What the model may say; everything optional, unknown keys dropped. */
export const LlmFactsSchema = z.object({
  kind: z.enum(['complaint', 'report', 'both', 'consultation']).nullish(),
  business: z.string().trim().min(2).max(60).nullish(),
  township: z.enum(TOWNSHIPS).nullish(),
  incident_date: z.string().regex(ISO_DATE).nullish(),
  anonymous: z.boolean().nullish(),
  wants_reward: z.boolean().nullish(),
});
export type LlmFacts = z.infer<typeof LlmFactsSchema>;

const CompletionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const SYSTEM = [
  '你是新郑市食品安全投诉举报平台的信息抽取器。只输出一个 JSON 对象，不要解释。',
  '字段（不知道就写 null）：',
  'kind: "complaint"（要商家退赔）| "report"（要查处违法）| "both" | "consultation"（只是问问）;',
  'business: 商家名称，必须是原文里出现的字;',
  `township: 事发地所在乡镇街道，只能是其中之一：${TOWNSHIPS.join('、')};`,
  'incident_date: 事发日期 YYYY-MM-DD（按给出的“今天”推算“昨天”“上周五”等）;',
  'anonymous: 是否要求匿名; wants_reward: 是否要申请举报奖励。',
].join('\n');

export class LlmFactReader {
  constructor(
    private readonly config: LlmConfig,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {}

  /** The facts the model reads in `text`, checked; null on any failure. */
  async read(text: string, now: Date): Promise<LlmFacts | null> {
    try {
      const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const res = await this.fetchImpl(`${this.config.url.replace(/\/+$/, '')}/chat/completions`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.config.apiKey ? { authorization: `Bearer ${this.config.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.config.model,
          temperature: 0,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM },
            { role: 'user', content: `今天是${today}。市民的话：\n${text.slice(0, 4000)}` },
          ],
        }),
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      if (!res.ok) return null;
      const body = CompletionSchema.safeParse(await res.json());
      if (!body.success) return null;
      const content = body.data.choices[0]!.message.content.replace(/^\s*```(?:json)?\s*|\s*```\s*$/g, '');
      const facts = LlmFactsSchema.safeParse(JSON.parse(content));
      if (!facts.success) return null;
      return grounded(facts.data, text, today);
    } catch {
      return null;
    }
  }
}

/** Drops what the text does not bear out: a business not written in it, a date after today. */
export function grounded(f: LlmFacts, text: string, today: string): LlmFacts {
  const out: LlmFacts = { ...f };
  if (out.business && !text.includes(out.business)) out.business = null;
  if (out.incident_date && (out.incident_date > today || Number.isNaN(Date.parse(out.incident_date)))) out.incident_date = null;
  return out;
}

const byModel = (field: string, evidence: string) => [{ field, rule: 'llm', evidence }];

/**
 * The rules' reading with the model's facts filling only what the rules left empty (confidence 0.5, rule
 * 'llm'): the business, the township and the date. The kind, anonymity and a reward are never taken from
 * the model: they decide the legal path and the reporter's protection, so they stay with the rules and the
 * citizen's own answer to the bot's question.
 */
export function withLlmFacts(u: Understanding, f: LlmFacts | null, text: string): Understanding {
  if (!f) return u;
  const out: Understanding = { ...u };
  const at = (s: string) => {
    const i = text.indexOf(s);
    return i >= 0 ? spanOf(text, i, i + s.length) : null;
  };
  if (!u.business.value && f.business) out.business = fact(f.business, at(f.business), 0.5, byModel('business', f.business));
  if (!u.township.value && f.township) out.township = fact(f.township, at(f.township), 0.5, byModel('township', f.township));
  if (!u.incident_time.value?.date && f.incident_date) {
    const phrase = u.incident_time.value?.phrase ?? f.incident_date;
    out.incident_time = fact({ phrase, date: f.incident_date }, u.incident_time.span, 0.5, byModel('incident_time', f.incident_date));
  }
  return out;
}
