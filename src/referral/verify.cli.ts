// `npm run referral:verify -- PACKAGE.zip`: checks a referral package's manifest signature (with this
// installation's key under DATA_DIR) and every file's SHA-256. Exit 0 when intact, 1 otherwise.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { signingKey, verifyPackage } from './package.ts';

const file = process.argv[2];
if (!file) {
  console.error('usage: npm run referral:verify -- PACKAGE.zip');
  process.exit(2);
}
const { publicKey } = await signingKey(loadConfig().dataDir);
const result = verifyPackage(readFileSync(file), publicKey);
if (result.ok) {
  console.log(`OK: ${result.manifest?.caseNumber} — signature valid, ${result.manifest?.files.length} files match their SHA-256`);
} else {
  console.error(`FAILED:\n  ${result.problems.join('\n  ')}`);
  process.exitCode = 1;
}
