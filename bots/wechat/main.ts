// npm run bot — the WeChat bot process. Puppet from WECHATY_PUPPET (default wechaty-puppet-wechat4u,
// which shows a QR code to scan with the official account's WeChat). Talks to the server over HTTP only.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { createLogger } from '../../src/lib/logger.ts';
import { loadBotConfig } from './bot.config.ts';
import { startBot } from './bot.ts';

async function puppetInstalled(name: string): Promise<boolean> {
  try {
    await import(name);
    return true;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const config = loadBotConfig();
  const logger = createLogger(config.logLevel);
  if (!(await puppetInstalled(config.puppet))) {
    process.stderr.write(
      `The Wechaty puppet "${config.puppet}" is not installed.\n` +
        `  Install it:  npm install --save-exact ${config.puppet}\n` +
        '  or choose another one with WECHATY_PUPPET (e.g. wechaty-puppet-service with WECHATY_PUPPET_SERVICE_TOKEN).\n',
    );
    process.exit(1);
  }
  mkdirSync('data', { recursive: true });
  if (!config.botToken)
    logger.warn('BOT_TOKEN is not set: the bot submits as a plain API client; set the same BOT_TOKEN as the server for notices and 查询');
  const bot = await startBot(config, {
    puppet: config.puppet as never, // a package name: Wechaty resolves it at run time
    logger,
    // Keeps the login session in data/shiantong-bot.memory-card.json (data/ is git-ignored).
    name: path.join('data', 'shiantong-bot'),
    onScan: (qrcode) => {
      process.stdout.write(
        `Scan this QR code with WeChat to log the bot in:\nhttps://wechaty.js.org/qrcode/${encodeURIComponent(qrcode)}\n`,
      );
    },
  });
  logger.info({ server: config.serverUrl, puppet: config.puppet }, 'bot started; waiting for login');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await bot.stop().catch(() => undefined);
    process.exit(0); // Wechaty keeps timers alive for a few seconds after stop()
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
