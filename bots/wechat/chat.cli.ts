// npm run chat -- [--server URL] [--contact ID]
// The bot's conversation in the terminal, against a running server: one citizen message per stdin line,
// each bot reply printed as soon as it is made; `/file PATH` sends a photo or file; exits at end of input.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import readline from 'node:readline';
import { cliArgs } from '../../src/lib/cli-args.ts';
import { createLogger } from '../../src/lib/logger.ts';
import { ShiantongClient } from './api-client.ts';
import { loadBotConfig } from './bot.config.ts';
import { ConversationRunner } from './session.ts';
import { MemoryStateStore } from './state-store.ts';

async function main(): Promise<void> {
  const { values } = cliArgs(
    'usage: npm run chat -- [--server http://127.0.0.1:3000] [--contact ID]\n  stdin: one message per line; "/file PATH" sends a file',
    { server: { type: 'string' }, contact: { type: 'string' } },
  );
  const config = loadBotConfig();
  const server = (values.server ?? config.serverUrl).replace(/\/+$/, '');
  const contact = values.contact ?? `cli-${randomUUID()}`;
  const runner = new ConversationRunner({
    store: new MemoryStateStore(),
    api: new ShiantongClient(server, config.botToken),
    logger: createLogger('silent'),
    limits: { messagesPerMinute: Number.MAX_SAFE_INTEGER, maxFiles: config.maxFiles, maxFileBytes: config.maxFileBytes },
  });
  // Pipes and files are written synchronously on Linux, so each reply is out before the next line is read.
  const reply = async (text: string) => {
    process.stdout.write(`${text}\n\n`);
  };
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  for await (const line of rl) {
    const file = /^\/file\s+(.+)$/.exec(line.trim());
    if (file) {
      let bytes: Uint8Array;
      try {
        bytes = new Uint8Array(await readFile(file[1]!.trim()));
      } catch {
        process.stdout.write('（读不到这个文件，请检查路径）\n\n');
        continue;
      }
      await runner.onFile(contact, bytes, reply);
    } else {
      await runner.onText(contact, line, reply);
    }
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
