// Where conversations live between messages: Redis for the bot (a restart continues where it was),
// memory for `npm run chat`. Evidence files wait here, too, until the draft is submitted.
import type { Redis } from 'ioredis';
import { type ConvState, migrate } from './conversation.ts';

export interface StateStore {
  load(contact: string): Promise<ConvState | null>;
  save(contact: string, state: ConvState): Promise<void>;
  remove(contact: string): Promise<void>;
  /** Contacts whose last message is older than `beforeMs` (epoch ms). */
  idleSince(beforeMs: number): Promise<string[]>;
  putFile(key: string, bytes: Uint8Array): Promise<void>;
  getFile(key: string): Promise<Uint8Array | null>;
  deleteFiles(keys: string[]): Promise<void>;
  /** Counts one message in the contact's current minute; returns the count so far. */
  countMessage(contact: string, nowMs: number): Promise<number>;
}

/** A little over the 24-hour expiry, so the sweeper can still tell the citizen their draft expired. */
const TTL_SECONDS = 25 * 3600;

export class RedisStateStore implements StateStore {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
  ) {}

  private k(...parts: string[]): string {
    return `${this.prefix}:bot:${parts.join(':')}`;
  }

  async load(contact: string): Promise<ConvState | null> {
    const raw = await this.redis.get(this.k('conv', contact));
    if (!raw) return null;
    try {
      const s = JSON.parse(raw) as ConvState;
      return (s.v as number) === 1 || s.v === 2 ? migrate(s) : null;
    } catch {
      return null;
    }
  }

  async save(contact: string, state: ConvState): Promise<void> {
    await this.redis
      .multi()
      .set(this.k('conv', contact), JSON.stringify(state), 'EX', TTL_SECONDS)
      .zadd(this.k('idle'), state.lastAt, contact)
      .exec();
  }

  async remove(contact: string): Promise<void> {
    await this.redis.multi().del(this.k('conv', contact)).zrem(this.k('idle'), contact).exec();
  }

  async idleSince(beforeMs: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.k('idle'), 0, beforeMs, 'LIMIT', 0, 500);
  }

  async putFile(key: string, bytes: Uint8Array): Promise<void> {
    await this.redis.set(this.k('file', key), Buffer.from(bytes), 'EX', TTL_SECONDS);
  }

  async getFile(key: string): Promise<Uint8Array | null> {
    const b = await this.redis.getBuffer(this.k('file', key));
    return b ? new Uint8Array(b) : null;
  }

  async deleteFiles(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((key) => this.k('file', key)));
  }

  async countMessage(contact: string, nowMs: number): Promise<number> {
    const key = this.k('rate', contact, String(Math.floor(nowMs / 60_000)));
    const [[, n] = [null, 0]] = ((await this.redis.multi().incr(key).expire(key, 120).exec()) ?? []) as [Error | null, number][];
    return Number(n);
  }
}

export class MemoryStateStore implements StateStore {
  private readonly states = new Map<string, ConvState>();
  private readonly files = new Map<string, Uint8Array>();
  private readonly rates = new Map<string, number>();

  async load(contact: string) {
    const s = this.states.get(contact);
    return s ? (structuredClone(s) as ConvState) : null;
  }
  async save(contact: string, state: ConvState) {
    this.states.set(contact, structuredClone(state));
  }
  async remove(contact: string) {
    this.states.delete(contact);
  }
  async idleSince(beforeMs: number) {
    return [...this.states.entries()].filter(([, s]) => s.lastAt <= beforeMs).map(([c]) => c);
  }
  async putFile(key: string, bytes: Uint8Array) {
    this.files.set(key, bytes);
  }
  async getFile(key: string) {
    return this.files.get(key) ?? null;
  }
  async deleteFiles(keys: string[]) {
    for (const k of keys) this.files.delete(k);
  }
  async countMessage(contact: string, nowMs: number) {
    const key = `${contact}:${Math.floor(nowMs / 60_000)}`;
    const n = (this.rates.get(key) ?? 0) + 1;
    this.rates.set(key, n);
    return n;
  }
}
