// Redis connections. The producer (the outbox relay) does not wait for an absent Redis: the relay only
// sends while the connection is ready, and anything queued during a drop is rejected after one retry,
// so rows simply wait in the outbox. (The offline queue stays on because BullMQ issues commands while
// connecting.) Workers use blocking connections that retry for ever, as BullMQ requires.
import { Redis } from 'ioredis';

export function producerOptions(url: string) {
  return { url, maxRetriesPerRequest: 1, connectTimeout: 2000, retryStrategy: (n: number) => Math.min(n * 200, 2000) };
}

export function producerConnection(url: string): Redis {
  const { url: u, ...opts } = producerOptions(url);
  return new Redis(u, opts);
}

export function workerConnection(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: null, retryStrategy: (n) => Math.min(n * 200, 2000) });
}

/** True when something answers PING at the URL within the timeout. */
export async function redisAnswers(url: string, timeoutMs = 1500): Promise<boolean> {
  const r = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    retryStrategy: () => null,
  });
  r.on('error', () => {});
  try {
    await r.connect();
    return (await r.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    r.disconnect();
  }
}
