// Reporter and complainant identity is encrypted at rest with AES-256-GCM. Two subkeys are derived from
// the configured key with HKDF: one encrypts, one computes keyed hashes (HMAC) used to match repeat
// reporters and shared phone numbers without ever storing or comparing plaintext.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync } from 'node:crypto';
import { randomBytesPooled } from './random-pool.ts';

const VERSION = 'v1';

export class IdentityCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(masterKey: Buffer) {
    if (masterKey.length !== 32) throw new Error('identity key must be 32 bytes');
    this.encKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shiantong identity enc v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', masterKey, Buffer.alloc(0), 'shiantong identity mac v1', 32));
  }

  /** Encrypts a JSON value; `aad` binds the ciphertext to its row (e.g. the party id) so rows cannot be swapped. */
  seal(value: unknown, aad: string): string {
    const iv = randomBytesPooled(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    cipher.setAAD(Buffer.from(aad));
    const ct = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64')}`;
  }

  open<T>(sealed: string, aad: string): T {
    const [version, body] = sealed.split('.', 2);
    if (version !== VERSION || !body) throw new Error('unknown identity envelope');
    const raw = Buffer.from(body, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(raw.subarray(12, 28));
    const pt = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]);
    return JSON.parse(pt.toString('utf8')) as T;
  }

  /** Keyed hash for equality matching (phone numbers, addresses). */
  mac(value: string): string {
    return createHmac('sha256', this.macKey).update(value).digest('base64url');
  }
}
