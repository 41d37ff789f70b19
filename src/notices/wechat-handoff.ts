// `人工`: a message a WeChat citizen leaves for staff. Both the contact id and the message may hold
// personal data: stored sealed (AAD bound to the row), with the contact's keyed hash for lookup.
import { randomUUID } from 'node:crypto';
import type { Deps } from '../deps.ts';
import { contactMac } from './wechat-contact.ts';

export async function recordHandoff(deps: Pick<Deps, 'db' | 'cipher' | 'clock'>, contactId: string, message: string): Promise<string> {
  const id = randomUUID();
  await deps.db
    .insertInto('wechat_handoff')
    .values({
      id,
      contact_enc: deps.cipher.seal(contactId, `wechat_handoff:${id}:contact`),
      contact_hmac: contactMac(deps.cipher, contactId),
      message_enc: deps.cipher.seal(message, `wechat_handoff:${id}`),
      created_at: deps.clock.now().toISOString(),
      handled_at: null,
    })
    .execute();
  return id;
}
