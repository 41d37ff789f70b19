// Test helpers: a bot on wechaty-puppet-mock against a real server, and citizens who chat with it.
import type { EventEmitter } from 'node:events';
import { FileBox } from 'file-box';
import { PuppetMock, mock } from 'wechaty-puppet-mock';
import type { BotConfig } from '../../bots/wechat/bot.config.ts';
import { type RunningBot, startBot } from '../../bots/wechat/bot.ts';
import { createLogger } from '../../src/lib/logger.ts';

export const BOT_TOKEN = 'test-bot-token-0123456789abcdef';

export function botConfig(serverUrl: string, redisUrl: string, queuePrefix: string, over: Partial<BotConfig> = {}): BotConfig {
  return {
    serverUrl,
    botToken: BOT_TOKEN,
    redisUrl,
    queuePrefix,
    puppet: 'wechaty-puppet-mock',
    messagesPerMinute: 1000,
    maxFileBytes: 10 * 1024 * 1024,
    maxFiles: 9,
    logLevel: 'silent',
    // Drafts are sealed at rest; a fixed key lets a restarted bot continue a conversation.
    stateKey: Buffer.alloc(32, 7),
    ...over,
  };
}

/** One citizen's side of the chat: what they send and every text the bot sends them. */
export class Citizen {
  readonly inbox: string[] = [];
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly contact: mock.ContactMock,
    private readonly self: mock.ContactMock,
  ) {
    // ContactMock has no `.on` in its NodeNext types; it is an EventEmitter at run time.
    (contact as unknown as EventEmitter).on('message', (m: mock.MessageMock) => {
      if (m.talker().id !== this.self.id) return;
      this.inbox.push(m.text() ?? '');
      for (const l of this.listeners) l();
    });
  }

  get id(): string {
    return this.contact.id;
  }

  /** Waits for a reply (from index `from`) matching `re`; returns the replies from `from` up to it, joined. */
  waitFor(re: RegExp, from = 0, timeoutMs = 20_000): Promise<string> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const i = this.inbox.findIndex((t, k) => k >= from && re.test(t));
        if (i < 0) return false;
        this.listeners.delete(check);
        clearTimeout(timer);
        resolve(this.inbox.slice(from, i + 1).join('\n'));
        return true;
      };
      const timer = setTimeout(() => {
        this.listeners.delete(check);
        reject(new Error(`no reply matching ${re} — last replies:\n${this.inbox.slice(-3).join('\n---\n')}`));
      }, timeoutMs);
      if (!check()) this.listeners.add(check);
    });
  }

  /** Says something to the bot and waits for the reply matching `re`. */
  async say(text: string, re: RegExp): Promise<string> {
    const from = this.inbox.length;
    this.contact.say(text).to(this.self);
    return this.waitFor(re, from);
  }

  async sendFile(bytes: Buffer, name: string, re: RegExp): Promise<string> {
    const from = this.inbox.length;
    this.contact.say(FileBox.fromBase64(bytes.toString('base64'), name)).to(this.self);
    return this.waitFor(re, from);
  }
}

export interface MockBot {
  mocker: mock.Mocker;
  running: RunningBot;
  self: mock.ContactMock;
  citizen(id: string): Citizen;
  stop(): Promise<void>;
}

export async function startMockBot(config: BotConfig, opts: { now?: () => Date } = {}): Promise<MockBot> {
  const mocker = new mock.Mocker();
  const puppet = new PuppetMock({ mocker });
  const running = await startBot(config, { puppet, logger: createLogger('silent'), ...(opts.now ? { now: opts.now } : {}) });
  const self = mocker.createContact({ id: 'shiantong-bot', name: '食安通' });
  mocker.login(self);
  await running.loggedIn;
  return {
    mocker,
    running,
    self,
    citizen: (id: string) => new Citizen(mocker.createContact({ id, name: id }), self),
    async stop() {
      await running.stop();
    },
  };
}

/** The case number and query code in a "提交成功" reply. */
export function receiptOf(reply: string): { number: string; code: string } {
  const number = /案件编号：(XZ-\d{8}-\d{6})/.exec(reply)?.[1];
  const code = /查询码：([0-9A-Z-]+)/.exec(reply)?.[1];
  if (!number || !code) throw new Error(`no receipt in: ${reply}`);
  return { number, code };
}
