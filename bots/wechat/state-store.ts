// Where conversations live between messages: Redis for the bot (a restart continues where it was),
// memory for `npm run chat`. Evidence files wait here, too, until the draft is submitted.
//
// At rest in Redis nothing reads as a person (issue #17): every value (draft, evidence bytes, the
// contact id kept for reminders) is sealed with AES-256-GCM under the bot's state key, bound to its key
// name, and expires; contact ids appear in key names only as a keyed hash (HMAC-SHA-256).
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
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
/** Format version of sealed values: `s1` + IV (12) + tag (16) + ciphertext. */
const SEAL_VERSION = Buffer.from('s1');

export class Sealer {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new RangeError('the bot state key must be 32 bytes');
  }

  seal(plain: Buffer, aad: string): Buffer {
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', this.key, iv);
    c.setAAD(Buffer.from(aad));
    const body = Buffer.concat([c.update(plain), c.final()]);
    return Buffer.concat([SEAL_VERSION, iv, c.getAuthTag(), body]);
  }

  /** null when the value was sealed under another key, for another name, or tampered with. */
  open(sealed: Buffer, aad: string): Buffer | null {
    if (sealed.length < 30 || !sealed.subarray(0, 2).equals(SEAL_VERSION)) return null;
    try {
      const d = createDecipheriv('aes-256-gcm', this.key, sealed.subarray(2, 14));
      d.setAAD(Buffer.from(aad));
      d.setAuthTag(sealed.subarray(14, 30));
      return Buffer.concat([d.update(sealed.subarray(30)), d.final()]);
    } catch {
      return null;
    }
  }

  /** The contact's name in key names: a keyed hash, the same for one contact, unreadable without the key. */
  name(contact: string): string {
    return createHmac('sha256', this.key).update(`contact:${contact}`).digest('base64url').slice(0, 32);
  }
}

export class RedisStateStore implements StateStore {
  private readonly sealer: Sealer;

  /** `key`: 32 bytes (BOT_STATE_KEY); a random one when absent (drafts then do not survive a restart). */
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    key: Buffer = randomBytes(32),
  ) {
    this.sealer = new Sealer(key);
  }

  private k(...parts: string[]): string {
    return `${this.prefix}:bot:${parts.join(':')}`;
  }

  async load(contact: string): Promise<ConvState | null> {
    const key = this.k('conv', this.sealer.name(contact));
    const raw = await this.redis.getBuffer(key);
    if (!raw) return null;
    const plain = this.sealer.open(raw, key);
    if (!plain) return null;
    try {
      const s = JSON.parse(plain.toString('utf8')) as ConvState;
      return (s.v as number) === 1 || s.v === 2 ? migrate(s) : null;
    } catch {
      return null;
    }
  }

  async save(contact: string, state: ConvState): Promise<void> {
    const h = this.sealer.name(contact);
    const key = this.k('conv', h);
    const whoKey = this.k('who', h);
    await this.redis
      .multi()
      .set(key, this.sealer.seal(Buffer.from(JSON.stringify(state)), key), 'EX', TTL_SECONDS)
      // The contact id itself is needed only to send a reminder: sealed, expiring with the draft.
      .set(whoKey, this.sealer.seal(Buffer.from(contact), whoKey), 'EX', TTL_SECONDS)
      .zadd(this.k('idle'), state.lastAt, h)
      .exec();
  }

  async remove(contact: string): Promise<void> {
    const h = this.sealer.name(contact);
    await this.redis.multi().del(this.k('conv', h)).del(this.k('who', h)).zrem(this.k('idle'), h).exec();
  }

  async idleSince(beforeMs: number): Promise<string[]> {
    const hashes = await this.redis.zrangebyscore(this.k('idle'), 0, beforeMs, 'LIMIT', 0, 500);
    const out: string[] = [];
    for (const h of hashes) {
      const whoKey = this.k('who', h);
      const raw = await this.redis.getBuffer(whoKey);
      const contact = raw ? this.sealer.open(raw, whoKey) : null;
      if (contact) out.push(contact.toString('utf8'));
      else await this.redis.zrem(this.k('idle'), h); // expired or unreadable: nothing to remind
    }
    return out;
  }

  async putFile(key: string, bytes: Uint8Array): Promise<void> {
    const k = this.k('file', key);
    await this.redis.set(k, this.sealer.seal(Buffer.from(bytes), k), 'EX', TTL_SECONDS);
  }

  async getFile(key: string): Promise<Uint8Array | null> {
    const k = this.k('file', key);
    const b = await this.redis.getBuffer(k);
    const plain = b ? this.sealer.open(b, k) : null;
    return plain ? new Uint8Array(plain) : null;
  }

  async deleteFiles(keys: string[]): Promise<void> {
    if (keys.length) await this.redis.del(...keys.map((key) => this.k('file', key)));
  }

  async countMessage(contact: string, nowMs: number): Promise<number> {
    const key = this.k('rate', this.sealer.name(contact), String(Math.floor(nowMs / 60_000)));
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
