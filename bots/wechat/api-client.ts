// The bot's only way to the server: HTTP with the bot token. Never the database.
import type { SubmissionInput } from '../../src/cases/submission.schema.ts';
import type { EffectResult } from './conversation.ts';

export interface BotNotice {
  id: string;
  caseNumber: string;
  text: string;
  status: string;
  attempts: number;
  contactId: string;
}

export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
}

export class ShiantongClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 15_000,
  ) {}

  get hasToken(): boolean {
    return this.token !== undefined;
  }

  private headers(contactId?: string): Record<string, string> {
    const h: Record<string, string> = {};
    if (this.token) h.authorization = `Bearer ${this.token}`;
    // The contact binding is only accepted with the bot token: without one, do not send it.
    if (this.token && contactId !== undefined) h['x-wechat-contact'] = contactId;
    return h;
  }

  private async call(path: string, init: RequestInit & { headers?: Record<string, string> }): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
  }

  async submit(
    payload: SubmissionInput,
    files: { bytes: Uint8Array; mime: string }[],
    contactId: string,
    idempotencyKey: string,
  ): Promise<EffectResult> {
    const form = new FormData();
    form.set('submission', JSON.stringify(payload));
    for (const [i, f] of files.entries()) form.append('files', new Blob([f.bytes], { type: f.mime }), `file${i + 1}`);
    let res: Response;
    try {
      res = await this.call('/api/v1/submissions', {
        method: 'POST',
        headers: { ...this.headers(contactId), 'idempotency-key': idempotencyKey },
        body: form,
      });
    } catch {
      return { type: 'submit', ok: false, unavailable: true };
    }
    if (res.status === 200 || res.status === 201) {
      const body = (await res.json()) as { cases: { number: string; kind: string }[]; queryCode: string; splitNote?: unknown };
      return {
        type: 'submit',
        ok: true,
        cases: body.cases,
        queryCode: body.queryCode,
        ...(typeof body.splitNote === 'string' && body.splitNote ? { splitNote: body.splitNote } : {}),
      };
    }
    const err = ((await res.json().catch(() => ({}))) as ErrorBody).error;
    if (res.status >= 500 || res.status === 429 || !err) return { type: 'submit', ok: false, unavailable: true };
    return { type: 'submit', ok: false, fields: err.fields ?? [], message: err.message ?? '提交的内容有误' };
  }

  async status(number: string, code: string): Promise<EffectResult> {
    try {
      const res = await this.call(`/api/v1/cases/${encodeURIComponent(number)}/status`, {
        headers: { ...this.headers(), 'x-query-code': code },
      });
      if (res.ok)
        return {
          type: 'query',
          ok: true,
          status: (await res.json()) as {
            number: string;
            kindLabel: string;
            status: string;
            timeline: { at: string; text: string }[];
            deadlines?: { text: string; due: string | null }[];
          },
        };
      return { type: 'query', ok: false, notFound: res.status === 404 || res.status === 422, unavailable: res.status >= 500 };
    } catch {
      return { type: 'query', ok: false, unavailable: true };
    }
  }

  async casesOf(contactId: string): Promise<EffectResult> {
    if (!this.token) return { type: 'list', ok: false, notFound: true };
    try {
      const res = await this.call('/api/v1/bot/contact/cases', { headers: this.headers(contactId) });
      if (res.ok)
        return {
          type: 'list',
          ok: true,
          cases: ((await res.json()) as { cases: { number: string; kindLabel: string; status: string; receivedAt: string }[] }).cases,
        };
      return { type: 'list', ok: false, unavailable: true };
    } catch {
      return { type: 'list', ok: false, unavailable: true };
    }
  }

  async handoff(contactId: string, message: string): Promise<EffectResult> {
    if (!this.token) return { type: 'handoff', ok: false, unavailable: true };
    try {
      const res = await this.call('/api/v1/bot/handoffs', {
        method: 'POST',
        headers: { ...this.headers(contactId), 'content-type': 'application/json' },
        body: JSON.stringify({ message }),
      });
      return res.ok ? { type: 'handoff', ok: true } : { type: 'handoff', ok: false, unavailable: true };
    } catch {
      return { type: 'handoff', ok: false, unavailable: true };
    }
  }

  /** `回复 编号 内容`: the latest open question of a case this contact submitted (no query code needed). */
  async answer(contactId: string, number: string, answer: string): Promise<EffectResult> {
    if (!this.token) return { type: 'answer', ok: false, number, notFound: true };
    try {
      const res = await this.call(`/api/v1/bot/cases/${encodeURIComponent(number)}/answers`, {
        method: 'POST',
        headers: { ...this.headers(contactId), 'content-type': 'application/json' },
        body: JSON.stringify({ answer }),
      });
      if (res.ok) return { type: 'answer', ok: true, number };
      const err = ((await res.json().catch(() => ({}))) as ErrorBody).error;
      if (res.status >= 500 || res.status === 429 || !err) return { type: 'answer', ok: false, number, unavailable: true };
      if (err.code === 'CASE_NOT_FOUND') return { type: 'answer', ok: false, number, notFound: true };
      if (err.code === 'NOT_FOUND') return { type: 'answer', ok: false, number, noQuestion: true };
      return { type: 'answer', ok: false, number, ...(err.message ? { message: err.message } : {}) };
    } catch {
      return { type: 'answer', ok: false, number, unavailable: true };
    }
  }

  /** Sets the claim password of a report this contact submitted asking for a reward (`领奖密码 编号 密码`). */
  async claimPassword(contactId: string, number: string, password: string): Promise<EffectResult> {
    if (!this.token) return { type: 'claimPassword', ok: false, number, unavailable: true };
    try {
      const res = await this.call(`/api/v1/bot/cases/${encodeURIComponent(number)}/reward-password`, {
        method: 'POST',
        headers: { ...this.headers(contactId), 'content-type': 'application/json' },
        body: JSON.stringify({ password }),
      });
      if (res.ok) return { type: 'claimPassword', ok: true, number };
      const err = ((await res.json().catch(() => ({}))) as ErrorBody).error;
      if (res.status >= 500 || res.status === 429 || !err) return { type: 'claimPassword', ok: false, number, unavailable: true };
      if (err.code === 'CASE_NOT_FOUND') return { type: 'claimPassword', ok: false, number, notFound: true };
      return { type: 'claimPassword', ok: false, number, ...(err.message ? { message: err.message } : {}) };
    } catch {
      return { type: 'claimPassword', ok: false, number, unavailable: true };
    }
  }

  private async expectOk(res: Response): Promise<Response> {
    if (res.ok) return res;
    const err = ((await res.json().catch(() => ({}))) as ErrorBody).error;
    throw new ApiError(res.status, err?.code ?? 'HTTP', `bot API answered ${res.status} ${err?.code ?? ''}`.trim());
  }

  async notice(id: string): Promise<BotNotice> {
    return (await (
      await this.expectOk(await this.call(`/api/v1/bot/notices/${encodeURIComponent(id)}`, { headers: this.headers() }))
    ).json()) as BotNotice;
  }

  async noticeDelivered(id: string): Promise<void> {
    await this.expectOk(
      await this.call(`/api/v1/bot/notices/${encodeURIComponent(id)}/delivered`, { method: 'POST', headers: this.headers() }),
    );
  }

  async noticeFailed(id: string, error: string): Promise<void> {
    await this.expectOk(
      await this.call(`/api/v1/bot/notices/${encodeURIComponent(id)}/failed`, {
        method: 'POST',
        headers: { ...this.headers(), 'content-type': 'application/json' },
        body: JSON.stringify({ error: error.slice(0, 300) || 'unknown' }),
      }),
    );
  }
}
