// The bot's only reader of process.env (like src/config.ts for the server): parsed once with zod.
import { hkdfSync } from 'node:crypto';
import { z } from 'zod';
import type { LlmConfig } from '../../src/understanding/llm.ts';

export const BotEnvSchema = z.object({
  /** Base URL of the Shiantong server. */
  SHIANTONG_URL: z.url().default('http://127.0.0.1:3000'),
  /** Must equal the server's BOT_TOKEN; without it the bot can still submit, as plain API channel. */
  BOT_TOKEN: z.string().min(16).optional(),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//)
    .default('redis://127.0.0.1:6379'),
  /** Same prefix as the server's QUEUE_PREFIX: the notice queue lives under it. */
  QUEUE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/)
    .default('shiantong'),
  WECHATY_PUPPET: z.string().min(1).default('wechaty-puppet-wechat4u'),
  /** Messages per contact per minute before the bot asks them to slow down. */
  BOT_MESSAGES_PER_MINUTE: z.coerce.number().int().positive().default(20),
  MAX_FILE_MB: z.coerce.number().positive().max(100).default(10),
  MAX_FILES: z.coerce.number().int().min(0).max(20).default(9),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * 32 bytes in base64: seals drafts in Redis and keys contact ids in key names. The server's
   * IDENTITY_KEY may be reused. Without it, a key is derived from BOT_TOKEN; without either, a random
   * key per process (drafts do not survive a restart).
   */
  BOT_STATE_KEY: z
    .string()
    .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded in base64')
    .optional(),
  IDENTITY_KEY: z.string().optional(),
  /**
   * Optional, off by default: an OpenAI-compatible chat endpoint (an on-premises model) that fills facts the
   * rules miss, e.g. http://10.0.0.5:8000/v1. Citizens' messages are sent to it: use one inside the network.
   */
  LLM_URL: z.url().optional(),
  LLM_MODEL: z.string().min(1).default('qwen2.5-7b-instruct'),
  LLM_API_KEY: z.string().min(1).optional(),
  LLM_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(3000),
});

export interface BotConfig {
  serverUrl: string;
  botToken: string | undefined;
  redisUrl: string;
  queuePrefix: string;
  puppet: string;
  messagesPerMinute: number;
  maxFileBytes: number;
  maxFiles: number;
  logLevel: z.infer<typeof BotEnvSchema>['LOG_LEVEL'];
  /** Seals drafts at rest (see BOT_STATE_KEY); undefined: derived from the token or random. */
  stateKey?: Buffer | undefined;
  /** The optional model for facts (LLM_URL); undefined: rules only. */
  llm?: LlmConfig | undefined;
}

function stateKeyOf(e: z.infer<typeof BotEnvSchema>): Buffer | undefined {
  if (e.BOT_STATE_KEY) return Buffer.from(e.BOT_STATE_KEY, 'base64');
  if (e.IDENTITY_KEY && Buffer.from(e.IDENTITY_KEY, 'base64').length === 32) return Buffer.from(e.IDENTITY_KEY, 'base64');
  if (e.BOT_TOKEN) return Buffer.from(hkdfSync('sha256', e.BOT_TOKEN, 'shiantong-bot', 'bot-state-v1', 32));
  return undefined;
}

export function loadBotConfig(env: Record<string, string | undefined> = process.env): BotConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const p = BotEnvSchema.safeParse(cleaned);
  if (!p.success)
    throw new Error(`Invalid bot configuration:\n  ${p.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join('\n  ')}`);
  const e = p.data;
  return {
    serverUrl: e.SHIANTONG_URL.replace(/\/+$/, ''),
    botToken: e.BOT_TOKEN,
    redisUrl: e.REDIS_URL,
    queuePrefix: e.QUEUE_PREFIX,
    puppet: e.WECHATY_PUPPET,
    messagesPerMinute: e.BOT_MESSAGES_PER_MINUTE,
    maxFileBytes: Math.round(e.MAX_FILE_MB * 1024 * 1024),
    maxFiles: e.MAX_FILES,
    logLevel: e.LOG_LEVEL,
    stateKey: stateKeyOf(e),
    llm: e.LLM_URL
      ? { url: e.LLM_URL.replace(/\/+$/, ''), model: e.LLM_MODEL, apiKey: e.LLM_API_KEY, timeoutMs: e.LLM_TIMEOUT_MS }
      : undefined,
  };
}
