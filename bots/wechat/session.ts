// Runs the pure conversation for one contact at a time: load state → rate limit → handle → carry out
// the effect through the API → save. Messages from one contact are processed in order; different
// contacts in parallel. Logs carry no message text and no contact ids.
import { randomUUID } from 'node:crypto';
import { sniffMime } from '../../src/cases/evidence.store.ts';
import type { Logger } from '../../src/lib/logger.ts';
import type { LlmFacts } from '../../src/understanding/llm.ts';
import type { ShiantongClient } from './api-client.ts';
import {
  type ConvState,
  type Effect,
  type EffectResult,
  type Inbound,
  handle,
  EXPIRE_AFTER_MS,
  idleAction,
  newState,
  resolve,
  REMIND_AFTER_MS,
} from './conversation.ts';
import type { StateStore } from './state-store.ts';

export type Reply = (text: string) => Promise<void>;

export interface RunnerDeps {
  store: StateStore;
  api: ShiantongClient;
  logger: Logger;
  now?: () => Date;
  limits: { messagesPerMinute: number; maxFiles: number; maxFileBytes: number };
  /** Optional model for facts the rules miss (off by default); null from it means the rules alone. */
  llm?: { read(text: string, now: Date): Promise<LlmFacts | null> } | undefined;
}

export class ConversationRunner {
  private readonly chains = new Map<string, Promise<unknown>>();
  private readonly now: () => Date;

  constructor(private readonly deps: RunnerDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /** Serialises work per contact. */
  private serial<T>(contact: string, work: () => Promise<T>): Promise<T> {
    const prev = this.chains.get(contact) ?? Promise.resolve();
    const next = prev.then(work, work);
    const settled = next.catch(() => undefined);
    this.chains.set(contact, settled);
    void settled.then(() => {
      if (this.chains.get(contact) === settled) this.chains.delete(contact);
    });
    return next;
  }

  onText(contact: string, text: string, reply: Reply): Promise<void> {
    return this.run(contact, reply, async () => ({ type: 'text', text }));
  }

  onMedia(contact: string, media: Extract<Inbound, { type: 'media' }>['media'], reply: Reply, text?: string): Promise<void> {
    return this.run(contact, reply, async () => ({ type: 'media', media, ...(text !== undefined ? { text } : {}) }));
  }

  /** A photo or file from the chat: checked like the API does (size, count, type by content), then kept until submission. */
  onFile(contact: string, bytes: Uint8Array, reply: Reply): Promise<void> {
    const { maxFiles, maxFileBytes } = this.deps.limits;
    const maxMb = Math.round(maxFileBytes / 1048576);
    return this.run(contact, reply, async (state) => {
      if (bytes.length > maxFileBytes) return { type: 'file_rejected', reason: 'too_big', maxFiles, maxMb };
      if (state.draft.files.length >= maxFiles) return { type: 'file_rejected', reason: 'too_many', maxFiles, maxMb };
      const mime = sniffMime(bytes);
      if (!mime || bytes.length === 0) return { type: 'file_rejected', reason: 'bad_type', maxFiles, maxMb };
      const key = `${state.draftId}:${randomUUID()}`;
      await this.deps.store.putFile(key, bytes);
      return { type: 'file', ref: { key, mime, size: bytes.length } };
    });
  }

  private run(contact: string, reply: Reply, toInput: (state: ConvState) => Promise<Inbound>): Promise<void> {
    return this.serial(contact, async () => {
      const { store, limits } = this.deps;
      const now = this.now();
      const count = await store.countMessage(contact, now.getTime());
      if (count > limits.messagesPerMinute) {
        if (count === limits.messagesPerMinute + 1) await reply('您发得太快啦，我有点跟不上。请歇一会儿，一分钟后再发。');
        return;
      }
      const before = (await store.load(contact)) ?? newState(randomUUID(), now.getTime());
      const input = await toInput(before);
      const llmFacts = input.type === 'text' && this.deps.llm ? await this.deps.llm.read(input.text, now).catch(() => null) : null;
      let out = handle(before, input, { now, newDraftId: randomUUID(), llmFacts });
      // State is saved before the citizen sees the reply: whatever they answer next finds it.
      await store.save(contact, out.state);
      for (const r of out.replies) await reply(r);
      if (out.effect) {
        const result = await this.carryOut(contact, out.effect);
        out = resolve(out.state, result, { now, newDraftId: randomUUID() });
        await store.save(contact, out.state);
        for (const r of out.replies) await reply(r);
      }
      if (out.state.draftId !== before.draftId) {
        // Submitted, cancelled or restarted: the old draft's files are no longer needed.
        await store.deleteFiles(before.draft.files.map((f) => f.key));
      }
    });
  }

  private async carryOut(contact: string, effect: Effect): Promise<EffectResult> {
    const { api, store, logger } = this.deps;
    switch (effect.type) {
      case 'submit': {
        const files: { bytes: Uint8Array; mime: string }[] = [];
        for (const f of effect.files) {
          const bytes = await store.getFile(f.key);
          if (bytes) files.push({ bytes, mime: f.mime });
        }
        const r = await api.submit(effect.payload, files, contact, effect.idempotencyKey);
        logger.info({ outcome: r.ok ? 'submitted' : 'refused', files: files.length }, 'bot submission');
        if (r.type === 'submit' && r.ok && r.cases[0]) {
          // The receipt says what happens next and by when: read the clocks the server just started.
          const st = await api.status(r.cases[0].number, r.queryCode);
          if (st.type === 'query' && st.ok) return { ...r, deadlines: st.status.deadlines ?? [] };
        }
        return r;
      }
      case 'query':
        return api.status(effect.number, effect.code);
      case 'list':
        return api.casesOf(contact);
      case 'handoff':
        return api.handoff(contact, effect.message);
      case 'answer':
        return api.answer(contact, effect.number, effect.answer);
      case 'claimPassword':
        return api.claimPassword(contact, effect.number, effect.password);
    }
  }

  /** Reminds silent contacts once after 30 minutes; expires drafts after 24 hours, with a notice. */
  async sweep(send: (contact: string, text: string) => Promise<void>): Promise<{ reminded: number; expired: number }> {
    const now = this.now().getTime();
    const counts = { reminded: 0, expired: 0 };
    for (const contact of await this.deps.store.idleSince(now - REMIND_AFTER_MS)) {
      await this.serial(contact, async () => {
        const state = await this.deps.store.load(contact);
        if (!state) return this.deps.store.remove(contact);
        const act = idleAction(state, now);
        if (!act) {
          if (now - state.lastAt >= EXPIRE_AFTER_MS) await this.deps.store.remove(contact);
          return;
        }
        try {
          await send(contact, act.text);
        } catch (err) {
          this.deps.logger.warn({ err: { name: (err as Error).name } }, 'bot: idle message not sent');
        }
        if (act.action === 'expire') {
          await this.deps.store.deleteFiles(state.draft.files.map((f) => f.key));
          await this.deps.store.remove(contact);
          counts.expired++;
        } else {
          await this.deps.store.save(contact, { ...state, reminded: true });
          counts.reminded++;
        }
      });
    }
    return counts;
  }
}
