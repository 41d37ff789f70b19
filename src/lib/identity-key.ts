// The identity key: IDENTITY_KEY, or DATA_DIR/identity.key (created on first start, mode 0600). It
// encrypts citizens' identities and, through a derived key, chains the audit log (audit.log.ts).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { type Config, newIdentityKey } from '../config.ts';

export class IdentityKeyError extends Error {
  override name = 'IdentityKeyError';
}

/** The configured or stored key; null when neither exists. */
export async function readIdentityKey(config: Config): Promise<Buffer | null> {
  if (config.identityKey) return config.identityKey;
  const file = path.join(config.dataDir, 'identity.key');
  try {
    const key = Buffer.from((await fs.readFile(file, 'utf8')).trim(), 'base64');
    if (key.length !== 32) throw new IdentityKeyError(`${file} does not hold a 32-byte base64 key`);
    return key;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
}

/** The key, creating DATA_DIR/identity.key on first start when none is configured. */
export async function loadOrCreateIdentityKey(config: Config, logger: { warn(obj: object, msg: string): void }): Promise<Buffer> {
  const existing = await readIdentityKey(config);
  if (existing) return existing;
  const file = path.join(config.dataDir, 'identity.key');
  await fs.mkdir(config.dataDir, { recursive: true });
  await fs.writeFile(file, `${newIdentityKey()}\n`, { mode: 0o600, flag: 'wx' }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'EEXIST') throw e; // another process created it first: use theirs
  });
  logger.warn(
    { file },
    'No IDENTITY_KEY configured: generated a new identity encryption key. Back it up — without it, stored identities cannot be read. Set IDENTITY_KEY in production.',
  );
  const key = await readIdentityKey(config);
  if (!key) throw new IdentityKeyError(`could not create ${file}`);
  return key;
}
