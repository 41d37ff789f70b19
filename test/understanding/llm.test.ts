// Issue #13 item 9: the optional OpenAI-compatible adapter, against a local fake chat-completions server.
// Facts come back zod-validated and checked against the text; every failure (status, shape, JSON, schema,
// timeout, connection refused) gives null and the bot goes on with the rules alone. The bot's runner
// with the adapter fills a township and a date the rules could not read.
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShiantongClient } from '../../bots/wechat/api-client.ts';
import { loadBotConfig } from '../../bots/wechat/bot.config.ts';
import { ConversationRunner } from '../../bots/wechat/session.ts';
import { MemoryStateStore } from '../../bots/wechat/state-store.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { LlmFactReader, withLlmFacts } from '../../src/understanding/llm.ts';
import { understand } from '../../src/understanding/understand.ts';

const NOW = new Date('2026-12-05T02:00:00Z');

type Mode = 'ok' | 'fenced' | 'not-json' | 'bad-schema' | 'invented-business' | 'future-date' | 'status500' | 'wrong-shape' | 'slow';

describe('LlmFactReader against a fake OpenAI-compatible server', () => {
  let server: Server;
  let url: string;
  let mode: Mode = 'ok';
  const seen: { auth?: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[] = [];
  const facts = { kind: 'complaint', business: '路口那家小店', township: '新华路街道', incident_date: '2026-12-01', extra: 'dropped' };

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = '';
      req.on('data', (c: Buffer) => {
        raw += c.toString('utf8');
      });
      req.on('end', () => {
        seen.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
        const reply = (content: string) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ id: 'x', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content } }] }));
        };
        if (req.url !== '/v1/chat/completions') {
          res.writeHead(404).end();
          return;
        }
        switch (mode) {
          case 'ok':
            return reply(JSON.stringify(facts));
          case 'fenced':
            return reply(`\`\`\`json\n${JSON.stringify(facts)}\n\`\`\``);
          case 'not-json':
            return reply('这位市民说的是新华路街道的一家小店。');
          case 'bad-schema':
            return reply(JSON.stringify({ ...facts, township: '郑州市金水区' }));
          case 'invented-business':
            return reply(JSON.stringify({ ...facts, business: '好运来超市' }));
          case 'future-date':
            return reply(JSON.stringify({ ...facts, incident_date: '2026-12-25' }));
          case 'status500':
            res.writeHead(500).end('{}');
            return;
          case 'wrong-shape':
            res.writeHead(200, { 'content-type': 'application/json' });
            res.end(JSON.stringify({ result: facts }));
            return;
          case 'slow':
            setTimeout(() => reply(JSON.stringify(facts)), 6000);
            return;
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  const TEXT = '前些天在路口那家小店买的面包发霉了';
  const reader = () => new LlmFactReader({ url, model: 'local-7b', apiKey: 'k-123', timeoutMs: 3000 });

  it('returns the validated facts, sends the model, the key, today and the text', async () => {
    mode = 'ok';
    const f = await reader().read(TEXT, NOW);
    expect(f).toEqual({ kind: 'complaint', business: '路口那家小店', township: '新华路街道', incident_date: '2026-12-01' });
    const last = seen.at(-1)!;
    expect(last.auth).toBe('Bearer k-123');
    expect(last.body.model).toBe('local-7b');
    expect(last.body.messages.at(-1)?.content).toContain('2026-12-05');
    expect(last.body.messages.at(-1)?.content).toContain(TEXT);
    mode = 'fenced';
    expect((await reader().read(TEXT, NOW))?.township).toBe('新华路街道');
  });

  it('drops a business the text does not contain and a date in the future', async () => {
    mode = 'invented-business';
    expect((await reader().read(TEXT, NOW))?.business).toBeNull();
    mode = 'future-date';
    expect((await reader().read(TEXT, NOW))?.incident_date).toBeNull();
  });

  it.each<Mode>(['not-json', 'bad-schema', 'status500', 'wrong-shape', 'slow'])('%s → null (rules alone)', async (m) => {
    mode = m;
    expect(await reader().read(TEXT, NOW)).toBeNull();
  });

  it('a refused connection → null', async () => {
    const dead = new LlmFactReader({ url: 'http://127.0.0.1:9/v1', model: 'x', timeoutMs: 400 });
    expect(await dead.read(TEXT, NOW)).toBeNull();
  });

  it('fills only what the rules left empty', () => {
    const said = '昨天在新村镇华鑫食品厂买的面粉是过期的';
    const u = understand(said, { now: NOW });
    expect(u.business.value).toBe('华鑫食品厂');
    const merged = withLlmFacts(u, { business: '面粉', township: '龙湖镇', incident_date: '2026-11-01' }, said);
    expect(merged.township.value).toBe('新村镇');
    expect(merged.incident_time.value?.date).toBe('2026-12-04');
    expect(merged.business.value).toBe('华鑫食品厂');
    const empty = understand(TEXT, { now: NOW });
    const filled = withLlmFacts(empty, { township: '新华路街道', incident_date: '2026-12-01' }, TEXT);
    expect(filled.township.value).toBe('新华路街道');
    expect(filled.township.reasons[0]?.rule).toBe('llm');
    expect(filled.incident_time.value?.date).toBe('2026-12-01');
  });

  it('through the bot: the model fills the township and the date; when it fails, the bot asks as before', async () => {
    const talk = async (m: Mode, contact: string) => {
      mode = m;
      const store = new MemoryStateStore();
      const runner = new ConversationRunner({
        store,
        api: new ShiantongClient('http://127.0.0.1:9', undefined),
        logger: createLogger('silent'),
        now: () => NOW,
        limits: { messagesPerMinute: 100, maxFiles: 9, maxFileBytes: 1024 },
        llm: reader(),
      });
      const got: string[] = [];
      await runner.onText(contact, '我要投诉', async (r) => void got.push(r));
      await runner.onText(contact, TEXT, async (r) => void got.push(r));
      return { state: await store.load(contact), got };
    };
    const withModel = await talk('ok', 'llm-ok');
    expect(withModel.state?.draft.township).toBe('新华路街道');
    expect(withModel.state?.draft.incidentDate).toBe('2026-12-01');
    const without = await talk('status500', 'llm-down');
    expect(without.state?.draft.township ?? null).toBeNull();
    expect(without.state?.draft.incidentDate).toBeUndefined();
    expect(without.state?.draft.description).toBe(TEXT); // the story is taken either way
  });
});

describe('the adapter is off by default', () => {
  it('no LLM_URL, no model; LLM_URL turns it on with its model, key and timeout', () => {
    expect(loadBotConfig({}).llm).toBeUndefined();
    expect(loadBotConfig({ LLM_URL: 'http://10.0.0.5:8000/v1/', LLM_MODEL: 'qwen', LLM_TIMEOUT_MS: '2000' }).llm).toEqual({
      url: 'http://10.0.0.5:8000/v1',
      model: 'qwen',
      apiKey: undefined,
      timeoutMs: 2000,
    });
    expect(() => loadBotConfig({ LLM_URL: 'not a url' })).toThrow(/LLM_URL/);
  });
});
