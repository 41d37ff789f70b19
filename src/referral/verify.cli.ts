// `npm run referral:verify -- [--public-key KEY.pem] PACKAGE.zip`: checks a referral package — the ZIP
// holds every entry once and nothing unlisted, the manifest's Ed25519 signature verifies, every file
// matches its SHA-256. With --public-key it needs nothing else (no data folder, no configuration): this
// is how the police verify on their own machines. Without it, this installation's key under DATA_DIR is
// used (never created here). `npm run referral:verify -- --public-key` alone prints this installation's
// public key and its fingerprint. Exit 0 when intact, 1 when not, 2 on usage errors.
import { readFileSync } from 'node:fs';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { cliArgs, usageError } from '../lib/cli-args.ts';
import { existingPublicKey, keyFingerprint, publicKeyPem, verifyPackage } from './package.ts';

const args = process.argv.slice(2);
const usage =
  'usage: npm run referral:verify -- [--public-key KEY.pem] PACKAGE.zip\n       npm run referral:verify -- --public-key   (prints this installation’s public key)';

async function installationKey(): Promise<KeyObject | null> {
  // Loaded lazily: a police machine has no configuration and must not need one.
  const { loadConfig } = await import('../config.ts');
  return existingPublicKey(loadConfig().dataDir);
}

async function main(): Promise<number> {
  // `--public-key` alone prints this installation's key; otherwise it takes the key file.
  if (args.length === 1 && args[0] === '--public-key') {
    const key = await installationKey();
    if (!key) {
      console.error('此数据目录中没有移送签名密钥（首次移送时生成）。');
      return 1;
    }
    process.stdout.write(publicKeyPem(key));
    console.log(`SHA-256 fingerprint: ${keyFingerprint(key)}`);
    return 0;
  }
  const { values, positionals } = cliArgs(usage, { 'public-key': { type: 'string' } }, { args, allowPositionals: true });
  const keyFile = values['public-key'];
  const file = positionals[0];
  if (!file || positionals.length > 1)
    usageError(usage, positionals.length > 1 ? `one package at a time, got ${positionals.length}` : 'missing PACKAGE.zip');
  let key: KeyObject | null;
  if (keyFile) {
    try {
      key = createPublicKey(readFileSync(keyFile, 'utf8'));
    } catch (e) {
      console.error(`cannot read public key ${keyFile}: ${(e as Error).message}`);
      return 2;
    }
  } else {
    key = await installationKey();
    if (!key) {
      console.error('no signing key in this data folder: pass the regulator’s public key with --public-key KEY.pem');
      return 2;
    }
  }
  const result = verifyPackage(readFileSync(file), key);
  if (result.ok) {
    console.log(
      `OK: ${result.manifest?.docNumber ?? result.manifest?.caseNumber} — signature valid (key ${keyFingerprint(key)}), ${result.manifest?.files.length} files match their SHA-256`,
    );
    return 0;
  }
  console.error(`FAILED:\n  ${result.problems.join('\n  ')}`);
  return 1;
}

process.exitCode = await main();
