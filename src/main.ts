// Entry point: `npm start`. Reads config, starts the runtime for ROLE, prints the URLs, and shuts down
// cleanly on SIGTERM/SIGINT (drain HTTP, close workers, close the database).
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type Runtime, StartupError, startRuntime } from './runtime.ts';

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(2);
    }
    throw e;
  }
  let runtime: Runtime;
  try {
    runtime = await startRuntime(config);
  } catch (e) {
    if (e instanceof StartupError) {
      console.error(`Cannot start: ${e.message}`);
      process.exit(1);
    }
    throw e;
  }
  const db = config.database.kind === 'sqlite' ? `SQLite ${config.database.file}` : 'PostgreSQL';
  const lines = [
    `食安通 Shiantong is running (role=${config.role}, database=${db}, redis=${config.redis.url.replace(/\/\/[^@]*@/, '//***@')})`,
  ];
  if (runtime.url) {
    lines.push(
      `  Home:        ${runtime.url}/   (citizens: submit, follow up, published results)`,
      `  Back office: ${runtime.url}/staff/login   (staff and police)`,
      `  API docs:    ${runtime.url}/api/v1/docs`,
      `  OpenAPI:     ${runtime.url}/api/v1/openapi.json`,
      `  Health:      ${runtime.url}/healthz  ${runtime.url}/readyz`,
    );
  }
  if (runtime.workers.length) lines.push(`  Workers:     ${runtime.workers.length} queue worker(s)`);
  console.log(lines.join('\n'));

  let signalled = false;
  const shutdown = (signal: string) => {
    if (signalled) return;
    signalled = true;
    console.log(`${signal}: shutting down…`);
    runtime
      .stop()
      .then(() => process.exit(0))
      .catch((e: unknown) => {
        console.error('Shutdown failed', e);
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

await main();
