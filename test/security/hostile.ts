// The hostile-input generator (issue #17.7): a seeded PRNG (mulberry32) builds requests against the
// public endpoints and the bot API — valid submissions with one field replaced by something hostile (NUL
// bytes, huge strings, wrong types, deep nesting, unicode tricks, prototype keys), bodies that are not
// JSON at all, broken multipart, hostile headers, case numbers and query codes. The same seed gives the
// same cases, so a failure is reproduced by its seed and index.
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface HostileCase {
  index: number;
  /** Which endpoint and what was done to the input: printed when a case fails. */
  label: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** API routes answer JSON errors in the documented shape; portal routes answer HTML pages. */
  api: boolean;
  /** A request that may legitimately create cases (a submission). */
  writes: boolean;
}

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
const int = (r: Rng, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

/** Strings chosen to break parsers, validators, storage and rendering. */
const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '张伟\u0000',
  '\u202e\u202d反转文字',
  '\u200b\u200c\u200d\ufeff',
  '\ud800',
  '\udfff\ud800',
  'e\u0301\u0301\u0301\u0301\u0301',
  '１３８１２３４５６７８',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'; DROP TABLE intake_case; --",
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection probe, meant literally
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '%00%0d%0aSet-Cookie: x=1',
  '\r\n\r\nHTTP/1.1 200 OK',
  '🍜🦠💊'.repeat(50),
  '𠀀𠀁𠀂',
  'ＤＲＯＰ',
  '\\u0000',
  'null',
  'undefined',
  'NaN',
  '-1',
  '1e309',
  '0x7fffffff',
  '2026-02-30',
  '9999-99-99',
  '13800000000'.repeat(20),
];

function nastyString(r: Rng): string {
  const k = r();
  if (k < 0.7) return pick(r, NASTY_STRINGS);
  if (k < 0.85) return pick(r, ['x', '字', '\u0000', '🦠']).repeat(int(r, 1000, 20_000));
  // random code units, lone surrogates included
  return Array.from({ length: int(r, 1, 64) }, () => String.fromCharCode(int(r, 0, 0xffff))).join('');
}

function deep(r: Rng, depth: number): unknown {
  let v: unknown = pick(r, [1, 'x', null]);
  for (let i = 0; i < depth; i++) v = r() < 0.5 ? [v] : { a: v };
  return v;
}

/** Anything but what the field wants. */
function hostileValue(r: Rng): unknown {
  switch (int(r, 0, 9)) {
    case 0:
      return nastyString(r);
    case 1:
      return pick(r, [0, -1, 1.5, 1e308, -0, Number.MAX_SAFE_INTEGER + 2]);
    case 2:
      return pick(r, [true, false, null]);
    case 3:
      return [nastyString(r), 1, null];
    case 4:
      return { nested: nastyString(r), __proto__: { polluted: true } };
    case 5:
      return deep(r, int(r, 20, 2000));
    case 6:
      return Array.from({ length: int(r, 100, 5000) }, () => 'x');
    case 7:
      return { constructor: { prototype: { polluted: true } } };
    case 8:
      return '';
    default:
      return nastyString(r);
  }
}

const SUBMISSIONS = Object.values(SUBMISSION_EXAMPLES).map((e) => e.value as Record<string, unknown>);

/** A valid submission with one field (top-level or nested) replaced, removed or added. */
function mutatedSubmission(r: Rng): { body: unknown; what: string } {
  const base = structuredClone(pick(r, SUBMISSIONS)) as Record<string, unknown>;
  const keys = Object.keys(base);
  const key = pick(r, [...keys, 'kind', 'person', '__proto__', 'constructor', 'extra', 'files']);
  if (key === '__proto__') {
    // Sent as JSON text: an own "__proto__" key, as a hostile client would send it.
    return { body: JSON.parse(`{"__proto__":{"polluted":true},${JSON.stringify(base).slice(1)}`), what: '__proto__ key' };
  }
  const op = r();
  if (op < 0.15) {
    delete base[key];
    return { body: base, what: `without ${key}` };
  }
  const target = Object.hasOwn(base, key) ? base[key] : undefined;
  if (target && typeof target === 'object' && !Array.isArray(target) && r() < 0.5) {
    const sub = target as Record<string, unknown>;
    const subKey = pick(r, [...Object.keys(sub), 'phone', 'name']);
    sub[subKey] = hostileValue(r);
    return { body: base, what: `${key}.${subKey} hostile` };
  }
  base[key] = hostileValue(r);
  return { body: base, what: `${key} hostile` };
}

function notJson(r: Rng): string {
  return pick(r, [
    '',
    '{',
    '{"kind":',
    'null',
    '[]',
    '"just a string"',
    '12',
    '{"kind":"complaint"}}',
    '\u0000\u0000',
    '{"a":1,"a":2}',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    `{"description":"${'x'.repeat(1_100_000)}"}`, // over the 1 MB JSON limit
    '\ufeff{"kind":"complaint"}',
    '{"kind":"complaint","description":"\\ud800"}',
  ]);
}

function multipart(r: Rng): { body: string; contentType: string; what: string } {
  const boundary = pick(r, ['XyZ', '----b', 'a'.repeat(70), '']);
  const sub = JSON.stringify(mutatedSubmission(r).body);
  const parts: string[] = [];
  const kind = int(r, 0, 6);
  let what = 'multipart';
  if (kind === 0) {
    parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${sub}\r\n`);
    what = 'multipart, unterminated';
    return { body: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}`, what };
  }
  if (kind === 1)
    return { body: 'garbage without any boundary', contentType: `multipart/form-data; boundary=${boundary}`, what: 'multipart garbage' };
  if (kind === 2) return { body: sub, contentType: 'multipart/form-data', what: 'multipart without boundary' };
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${kind === 3 ? '{not json' : sub}\r\n`);
  if (kind === 4) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="submission"\r\n\r\n${sub}\r\n`);
  if (kind >= 5) {
    const name = pick(r, ['photo.jpg', '../../etc/passwd', '\u0000.png', '照片.png', 'a'.repeat(1000), '']);
    const type = pick(r, ['image/jpeg', 'image/png', 'application/pdf', 'text/html', 'application/x-msdownload', '']);
    const bytes = pick(r, ['', '\u0089PNG\r\n\u001a\n', 'GIF89a<script>', '%PDF-1.4 /JavaScript', 'MZ\u0090\u0000', 'hello']);
    parts.push(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n${bytes}\r\n`,
    );
    what = `multipart with file ${JSON.stringify(name.slice(0, 20))} ${type}`;
  }
  if (kind === 6 && r() < 0.5) parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="files"\r\n\r\nnot a file\r\n`);
  parts.push(`--${boundary}--\r\n`);
  return { body: parts.join(''), contentType: `multipart/form-data; boundary=${boundary}`, what };
}

/** Percent-encodes; a lone surrogate (which encodeURIComponent refuses) becomes invalid UTF-8 bytes. */
function enc(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return '%ED%A0%80';
  }
}

const HOSTILE_HEADER_VALUES = ['', ' ', 'x'.repeat(300), 'a b', '张伟', '\t', 'ok-key-1', '../..', '%00', 'null'];

function hostileCaseNumber(r: Rng): string {
  return enc(
    pick(r, [
      'XZ-20261130-0001',
      'xz-20261130-0001',
      'XZ-99999999-9999',
      'XZ-20261130-',
      '',
      '..',
      '%00',
      '张伟',
      'x'.repeat(500),
      nastyString(r).slice(0, 200),
    ]),
  );
}

/** Header values as they arrive on the wire: UTF-8 bytes read one per character (what Node hands over). */
function wire(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, Buffer.from(v, 'utf8').toString('latin1')]));
}

export function hostileCase(seed: number, index: number, botToken: string): HostileCase {
  const hc = buildCase(seed, index, botToken);
  return { ...hc, headers: wire(hc.headers) };
}

function buildCase(seed: number, index: number, botToken: string): HostileCase {
  const r = mulberry32((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const json = { 'content-type': 'application/json' };
  const target = int(r, 0, 11);
  const c = (label: string, rest: Omit<HostileCase, 'index' | 'label'>): HostileCase => ({ index, label, ...rest });
  switch (target) {
    case 0:
    case 1:
    case 2: {
      const m = mutatedSubmission(r);
      return c(`POST /api/v1/submissions: ${m.what}`, {
        method: 'POST',
        path: '/api/v1/submissions',
        headers: json,
        body: JSON.stringify(m.body),
        api: true,
        writes: true,
      });
    }
    case 3:
      return c('POST /api/v1/submissions: not JSON', {
        method: 'POST',
        path: '/api/v1/submissions',
        headers: json,
        body: notJson(r),
        api: true,
        writes: true,
      });
    case 4: {
      const m = multipart(r);
      return c(`POST /api/v1/submissions: ${m.what}`, {
        method: 'POST',
        path: '/api/v1/submissions',
        headers: { 'content-type': m.contentType },
        body: m.body,
        api: true,
        writes: true,
      });
    }
    case 5: {
      const m = mutatedSubmission(r);
      const h = pick(r, ['idempotency-key', 'content-type', 'x-wechat-contact', 'authorization', 'x-forwarded-for']);
      const v =
        h === 'content-type'
          ? pick(r, ['text/plain', 'application/xml', 'application/json; charset=utf-16', 'APPLICATION/JSON', ''])
          : pick(r, HOSTILE_HEADER_VALUES);
      return c(`POST /api/v1/submissions: header ${h}=${JSON.stringify(v.slice(0, 20))}`, {
        method: 'POST',
        path: '/api/v1/submissions',
        headers: { ...json, [h]: v },
        body: JSON.stringify(m.body),
        api: true,
        writes: true,
      });
    }
    case 6: {
      const m = r() < 0.7 ? JSON.stringify(mutatedSubmission(r).body) : notJson(r);
      return c('POST /api/v1/submissions/validate', {
        method: 'POST',
        path: '/api/v1/submissions/validate',
        headers: json,
        body: m,
        api: true,
        writes: false,
      });
    }
    case 7: {
      const code = pick(r, ['ABCD-EFGH', '', 'o0o0-iIlL', nastyString(r).slice(0, 300)]);
      const asHeader = r() < 0.5;
      const path = `/api/v1/cases/${hostileCaseNumber(r)}/status${asHeader ? '' : `?code=${enc(code)}`}`;
      let headers: Record<string, string> = {};
      try {
        headers = asHeader ? { 'x-query-code': code } : {};
        new Headers(headers);
      } catch {
        headers = {}; // a value no HTTP client could send
      }
      return c(`GET status: ${path.slice(0, 60)}`, { method: 'GET', path, headers, api: true, writes: false });
    }
    case 8: {
      const body = r() < 0.3 ? notJson(r) : JSON.stringify({ code: hostileValue(r), questionId: hostileValue(r), answer: hostileValue(r) });
      return c('POST answers', {
        method: 'POST',
        path: `/api/v1/cases/${hostileCaseNumber(r)}/answers`,
        headers: json,
        body,
        api: true,
        writes: false,
      });
    }
    case 9: {
      // The bot API, with the right token (so validation is what answers) or a hostile one.
      const auth = r() < 0.8 ? `Bearer ${botToken}` : pick(r, ['', 'Bearer', 'Bearer  ', `Basic ${botToken}`, `Bearer ${botToken}x`]);
      const contact = pick(r, ['wxid_abc123', ...HOSTILE_HEADER_VALUES]);
      const headers: Record<string, string> = { ...json, authorization: auth, 'x-wechat-contact': contact };
      const route = int(r, 0, 4);
      const id = pick(r, ['0190a8f0-0000-7000-8000-000000000001', 'not-a-uuid', '%00', '..', 'x'.repeat(300)]);
      const body = r() < 0.3 ? notJson(r) : JSON.stringify({ message: hostileValue(r), answer: hostileValue(r), error: hostileValue(r) });
      const [method, path] = [
        ['GET', '/api/v1/bot/contact/cases'],
        ['GET', `/api/v1/bot/notices/${enc(id)}`],
        ['POST', `/api/v1/bot/notices/${enc(id)}/failed`],
        ['POST', `/api/v1/bot/cases/${hostileCaseNumber(r)}/answers`],
        ['POST', '/api/v1/bot/handoffs'],
      ][route] as ['GET' | 'POST', string];
      return c(`${method} ${path.slice(0, 50)} (bot)`, {
        method,
        path,
        headers,
        ...(method === 'POST' ? { body } : {}),
        api: true,
        writes: false,
      });
    }
    default: {
      // The portal's forms: url-encoded fields, hostile values, with or without a token.
      const fields = new URLSearchParams();
      for (const k of ['kind', 'description', 'businessName', 'township', 'name', 'phone', 'number', 'code', '_csrf', 'website']) {
        if (r() < 0.6) fields.append(k, pick(r, [nastyString(r), 'complaint', 'report', '']));
      }
      const path = pick(r, ['/submit', '/status', '/status/answer']);
      return c(`POST ${path} (portal form)`, {
        method: 'POST',
        path,
        headers: { 'content-type': pick(r, ['application/x-www-form-urlencoded', 'application/json', 'text/plain']) },
        body: fields.toString(),
        api: false,
        writes: path === '/submit',
      });
    }
  }
}
