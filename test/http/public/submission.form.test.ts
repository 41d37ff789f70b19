// The form mapping: flat form fields → the API's submission contract, validated by the API's own code.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES, type SubmissionInput } from '../../../src/cases/submission.schema.ts';
import { parseSubmission } from '../../../src/http/parse.ts';
import { issueToken, verifyToken } from '../../../src/http/public/csrf.ts';
import {
  FIELDS_BY_KIND,
  type FieldName,
  type FormValues,
  checkFormFiles,
  errorSlot,
  groupErrors,
  readForm,
  toSubmissionInput,
  validateForm,
} from '../../../src/http/public/submission.form.ts';
import { EXE_HEADER, PNG_1x1 } from '../../helpers/files.ts';

/** What a citizen would type into the form to say the same as this API body. */
function asForm(v: SubmissionInput): FormValues {
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) {
    if (k === 'kind' || x === undefined) continue;
    if (k === 'person' || k === 'business') for (const [kk, xx] of Object.entries(x as Record<string, string>)) out[`${k}.${kk}`] = xx;
    else if (k === 'anonymous') out.anonymous = x ? 'yes' : 'no';
    else if (typeof x === 'boolean') out[k] = x ? '1' : '';
    else out[k] = String(x);
  }
  return out as FormValues;
}

describe('form → submission', () => {
  it.each(Object.entries(SUBMISSION_EXAMPLES))('the %s example typed into its form gives exactly what the API makes of it', (_name, ex) => {
    const form = asForm(ex.value);
    // every field of the example is on the form for its kind
    for (const f of Object.keys(form)) expect(FIELDS_BY_KIND[ex.value.kind] as readonly string[]).toContain(f);
    const result = validateForm(ex.value.kind, form);
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.submission).toEqual(parseSubmission(ex.value));
  });

  it('an anonymous report asking for a reward on the web must set a claim password, or it could never be claimed', () => {
    const form: FormValues = { description: '龙湖镇有个小作坊晚上收泔水油回来熬，白天卖给早餐摊', anonymous: 'yes', wantsReward: '1' };
    const refused = validateForm('report', form);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.errors).toEqual([expect.objectContaining({ path: 'rewardPassword', message: expect.stringContaining('领奖密码') })]);
    const ok = validateForm('report', { ...form, rewardPassword: 'Lhz-2026-oil' });
    expect(ok.ok).toBe(true);
    // Without a reward, no password is asked for.
    expect(validateForm('report', { ...form, wantsReward: '' }).ok).toBe(true);
  });

  it('treats blank controls as absent fields and an untouched group as no group', () => {
    const input = toSubmissionInput('report', {
      description: '  有家小作坊用地沟油炸油条，天天都在卖  ',
      'person.name': ' ',
      'person.phone': '',
      'business.name': '',
      anonymous: 'yes',
      wantsReward: '',
    });
    expect(input).toEqual({ kind: 'report', description: '  有家小作坊用地沟油炸油条，天天都在卖  ', anonymous: true, wantsReward: false });
  });

  it('reads only the fields its kind shows', () => {
    const body = {
      kind: 'consultation',
      description: '网购的零食有问题向哪里投诉？',
      'person.name': '张伟',
      'person.phone': '13812345678',
      anonymous: 'yes',
      files: new File([new Uint8Array(PNG_1x1)], 'a.png'),
    };
    const form = readForm(body, '_csrf');
    expect(form?.values).toEqual({ description: '网购的零食有问题向哪里投诉？' });
    expect(form?.files).toEqual([]);
    expect(readForm({ kind: 'praise' }, '_csrf')).toBeNull();
  });

  it('ignores the empty part a browser sends for an empty file control', () => {
    const empty = new File([], '', { type: 'application/octet-stream' });
    expect(readForm({ kind: 'report', files: empty }, '_csrf')?.files).toEqual([]);
  });

  it('reports the same errors as the API, under the same paths, shown in the right place', () => {
    const result = validateForm('complaint', { 'person.name': '张伟', 'person.phone': '12345' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const paths = result.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['description', 'person.phone', 'person.address', 'business', 'request']));
    const grouped = groupErrors('complaint', result.errors);
    expect([...grouped.keys()]).toEqual(expect.arrayContaining(['description', 'person.phone', 'person.address', 'business', 'request']));
    for (const messages of grouped.values()) for (const m of messages) expect(m).toMatch(/[\u4e00-\u9fff]/);
  });

  it('places errors of fields a kind does not show in the summary only', () => {
    expect(errorSlot('complaint', 'anonymous')).toBe('general');
    expect(errorSlot('complaint', 'person.idNumber')).toBe('person');
    expect(errorSlot('consultation', 'files[0]')).toBe('general');
    expect(errorSlot('report', 'files[3]')).toBe('files');
    expect(errorSlot('report', 'body')).toBe('general');
    const all: FieldName[] = [...FIELDS_BY_KIND.both];
    for (const f of all) expect(errorSlot('both', f)).toBe(f);
  });
});

describe('file checks', () => {
  it('collects every problem: count, empty, size, type by content', async () => {
    const files = [
      new File([new Uint8Array(PNG_1x1)], 'ok.png'),
      new File([new Uint8Array(EXE_HEADER)], 'photo.jpg', { type: 'image/jpeg' }),
      new File([new Uint8Array(2048)], 'big.png'),
    ];
    const r = await checkFormFiles(files, { maxFiles: 2, maxFileBytes: 1024 });
    expect(r.ok.map((f) => f.mime)).toEqual(['image/png']);
    expect(r.errors.map((e) => e.path)).toEqual(['files', 'files[1]', 'files[2]']);
    expect(r.errors[1]?.message).toContain('“photo.jpg”的类型不支持');
    expect(r.errors[2]?.message).toContain('过大');
  });
});

describe('CSRF tokens', () => {
  const mac = (s: string) => createHmac('sha256', 'test key').update(s).digest('base64url');
  const cookie = 'c'.repeat(32);
  it('accepts a fresh token for its cookie only, and not after it expires', () => {
    const t0 = 1_800_000_000_000;
    const token = issueToken(mac, cookie, t0);
    expect(verifyToken(mac, cookie, token, t0 + 1000)).toMatchObject({ ok: true });
    expect(verifyToken(mac, undefined, token, t0)).toEqual({ ok: false, reason: 'missing_cookie' });
    expect(verifyToken(mac, cookie, `${token}x`, t0)).toEqual({ ok: false, reason: 'bad_token' });
    expect(verifyToken(mac, cookie, token.replace(/^\d+/, String(t0 + 1)), t0)).toEqual({ ok: false, reason: 'bad_token' });
    expect(verifyToken(mac, cookie, token, t0 + 13 * 3600 * 1000)).toEqual({ ok: false, reason: 'expired' });
  });
  it('gives every rendered form its own nonce', () => {
    const a = verifyToken(mac, cookie, issueToken(mac, cookie, 1), 2);
    const b = verifyToken(mac, cookie, issueToken(mac, cookie, 1), 2);
    expect(a.ok && b.ok && a.nonce !== b.nonce).toBe(true);
  });
});
