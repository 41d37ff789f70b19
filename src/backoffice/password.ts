// Staff passwords: argon2id hashes (@node-rs/argon2, OWASP's 19 MiB / 2 passes), the password rules, and
// generated passwords for new accounts and the first-start admin.
import { randomInt } from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

/** Argon2id. The package's enum is an ambient const enum, which isolatedModules cannot read: its value is 2. */
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;

export async function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False for a malformed hash as well (never throws on bad input). */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A real hash of a random password: verified against when the username is unknown, so timing tells nothing. */
let dummy: Promise<string> | null = null;
export function dummyHash(): Promise<string> {
  return (dummy ??= hashPassword(generatePassword()));
}

const COMMON = ['password', '12345678', 'qwerty', 'admin', 'shiantong', '123456789012', 'abcdefghijkl'];

/** The rules, in Chinese; an empty list means the password is acceptable. */
export function passwordProblems(password: string, username: string): string[] {
  const out: string[] = [];
  if (password.length < PASSWORD_MIN) out.push(`密码至少 ${PASSWORD_MIN} 个字符`);
  if (password.length > PASSWORD_MAX) out.push(`密码最多 ${PASSWORD_MAX} 个字符`);
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) out.push('密码须包含小写字母、大写字母、数字、符号中的至少三类');
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase())) out.push('密码不能包含用户名');
  if (COMMON.some((w) => lower.includes(w))) out.push('密码过于常见');
  if (/(.)\1{3,}/.test(password)) out.push('密码不能含有连续四个以上相同字符');
  return out;
}

const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGIT = '23456789';
const SYMBOL = '-_.!@#%+=';

/** 20 characters from all four classes (no look-alikes such as l/1/O/0), shuffled with a CSPRNG. */
export function generatePassword(length = 20): string {
  const all = LOWER + UPPER + DIGIT + SYMBOL;
  const pick = (s: string) => s.charAt(randomInt(s.length));
  for (;;) {
    const chars = [pick(LOWER), pick(UPPER), pick(DIGIT), pick(SYMBOL)];
    while (chars.length < length) chars.push(pick(all));
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      [chars[i], chars[j]] = [chars[j] as string, chars[i] as string];
    }
    const p = chars.join('');
    if (passwordProblems(p, '').length === 0) return p;
  }
}
