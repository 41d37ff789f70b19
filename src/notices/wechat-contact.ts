// The WeChat contact a case came from. The contact id is personal data: stored sealed (AAD bound to the
// row id) with a keyed hash for lookup, and decrypted only for the bot token (to send a notice).
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Db } from '../db/database.ts';
import type { WechatContactTable } from './notice.table.ts';
import type { IdentityCipher } from '../lib/identity-cipher.ts';
import { type CaseKind, KIND_LABELS, publicStatus } from '../cases/case.machine.ts';
import { formatCst } from '../lib/clock.ts';

/** WeChat contact ids are opaque puppet ids: visible ASCII, bounded. */
export const CONTACT_ID = /^[\x21-\x7e]{1,200}$/;

export const contactAad = (rowId: string) => `wechat_contact:${rowId}`;
export const contactMac = (cipher: IdentityCipher, contactId: string) => cipher.mac(`wechat:${contactId}`);

/** A wechat_contact row for one case (inserted by intake in the case's own transaction). */
export function contactRow(cipher: IdentityCipher, caseId: string, contactId: string, at: string): Insertable<WechatContactTable> {
  const id = randomUUID();
  return {
    id,
    case_id: caseId,
    contact_enc: cipher.seal(contactId, contactAad(id)),
    contact_hmac: contactMac(cipher, contactId),
    created_at: at,
  };
}

export interface ContactCase {
  number: string;
  kind: CaseKind;
  kindLabel: string;
  status: string;
  receivedAt: string;
}

/** The cases submitted from one contact, newest first (public status only). */
export async function casesOfContact(db: Db, cipher: IdentityCipher, contactId: string, limit = 20): Promise<ContactCase[]> {
  const rows = await db
    .selectFrom('wechat_contact as w')
    .innerJoin('intake_case as c', 'c.id', 'w.case_id')
    .select(['c.number', 'c.kind', 'c.status', 'c.received_at'])
    .where('w.contact_hmac', '=', contactMac(cipher, contactId))
    .orderBy('c.received_at', 'desc')
    .orderBy('c.number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => {
    const kind = r.kind;
    return {
      number: r.number,
      kind,
      kindLabel: KIND_LABELS[kind],
      status: publicStatus(kind, r.status),
      receivedAt: formatCst(new Date(r.received_at)),
    };
  });
}
