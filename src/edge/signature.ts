// HMAC-SHA256 over "<timestamp>\n<body>" with the shared EDGE_SYNC_SECRET, through WebCrypto (the same
// code runs in Node and in Workers). Replay protection: a request is refused outside ±5 minutes of its
// timestamp, and inside that window a replay changes nothing because every item is applied only if its
// version is newer than what the edge holds (so an old "publish" can never undo a withdrawal).

export const SIGNATURE_HEADER = 'X-Shiantong-Signature';
export const TIMESTAMP_HEADER = 'X-Shiantong-Timestamp';
export const MAX_SKEW_MS = 5 * 60_000;

const enc = new TextEncoder();

function key(secret: string, usage: 'sign' | 'verify') {
  return crypto.subtle.importKey('raw', enc.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

const toHex = (b: ArrayBuffer) => Array.from(new Uint8Array(b), (x) => x.toString(16).padStart(2, '0')).join('');

export async function sign(secret: string, timestampMs: number, body: string): Promise<string> {
  return toHex(await crypto.subtle.sign('HMAC', await key(secret, 'sign'), enc.encode(`${timestampMs}\n${body}`)));
}

/** 'ok', or why the request is refused. The comparison is WebCrypto's (constant time). */
export async function verify(
  secret: string,
  timestamp: string | undefined,
  signature: string | undefined,
  body: string,
  nowMs: number,
): Promise<'ok' | 'unsigned' | 'expired' | 'bad-signature'> {
  if (!timestamp || !signature || !/^\d{1,15}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) return 'unsigned';
  const ts = Number(timestamp);
  if (Math.abs(nowMs - ts) > MAX_SKEW_MS) return 'expired';
  const sig = new Uint8Array(signature.match(/../g)?.map((h) => Number.parseInt(h, 16)) ?? []);
  const ok = await crypto.subtle.verify('HMAC', await key(secret, 'verify'), sig, enc.encode(`${timestamp}\n${body}`));
  return ok ? 'ok' : 'bad-signature';
}
