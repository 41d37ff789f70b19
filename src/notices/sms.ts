// The SMS port (issue #14.1): a notice the citizen must be told is also sent to the phone they gave, when
// the city has an SMS gateway. The adapter posts JSON to the gateway's HTTP webhook; SMS is off unless
// SMS_WEBHOOK_URL is set. The phone number is only ever in the request body to the gateway: never in a
// job payload, a log line or an error message.

import type { SmsPort } from '../rewards/sms.port.ts';

export type { SmsPort };

export class SmsError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'SmsError';
  }
}

/**
 * POST {url} with `{"to": "...", "text": "..."}` (Authorization: Bearer token when set). Any 2xx means
 * the gateway accepted the message; anything else, a timeout or a network error is an SmsError (the job
 * is retried by the queue).
 */
export class WebhookSmsGateway implements SmsPort {
  constructor(private readonly opts: { url: string; token?: string | undefined; timeoutMs: number }) {}

  async send(to: string, text: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.opts.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          ...(this.opts.token ? { authorization: `Bearer ${this.opts.token}` } : {}),
        },
        body: JSON.stringify({ to, text }),
        signal: AbortSignal.timeout(this.opts.timeoutMs),
        redirect: 'error',
      });
    } catch (e) {
      const name = (e as Error).name;
      throw new SmsError(name === 'TimeoutError' ? 'SMS gateway timed out' : 'SMS gateway unreachable', null);
    }
    await res.body?.cancel();
    if (!res.ok) throw new SmsError(`SMS gateway answered ${res.status}`, res.status);
  }
}

/** The gateway from configuration, or null when SMS is off. */
export function smsFromConfig(sms: { url: string; token: string | undefined; timeoutMs: number } | null): SmsPort | null {
  return sms ? new WebhookSmsGateway(sms) : null;
}

/** Mainland mobile numbers only (11 digits, 1[3-9]…): anything else is not sent. */
export function isMobile(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone.replace(/[\s-]/g, ''));
}
