// Each polyglot upload is refused over the API with 415 and a clear Chinese message naming the file, and
// nothing is stored: no case, no evidence row, no file under DATA_DIR/evidence (issue #17.5).
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES } from '../../src/cases/submission.schema.ts';
import { createApp } from '../../src/http/app.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';
import { POLYGLOTS, PNG_1x1 } from '../helpers/files.ts';

let t: TestDeps;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  t = await testDeps();
  app = createApp(t.deps);
});
afterAll(async () => t.close());

const NAMES: Record<string, string> = { JPEG: 'photo.jpg', GIF: 'anim.gif', MP4: 'clip.mp4', PDF: 'report.pdf' };
const nameFor = (label: string) => NAMES[Object.keys(NAMES).find((k) => label.includes(k)) ?? 'JPEG'] as string;

async function upload(name: string, bytes: Buffer): Promise<Response> {
  const fd = new FormData();
  fd.set('submission', JSON.stringify(SUBMISSION_EXAMPLES.anonymousReport.value));
  fd.append('files', new File([new Uint8Array(PNG_1x1)], 'ok.png', { type: 'image/png' }));
  fd.append('files', new File([new Uint8Array(bytes)], name, { type: 'image/jpeg' }));
  return app.request('/api/v1/submissions', { method: 'POST', body: fd });
}

const stored = () => {
  const dir = path.join(t.env.dataDir, 'evidence');
  return existsSync(dir) ? readdirSync(dir, { recursive: true }).length : 0;
};

describe('polyglot uploads', () => {
  it.each(Object.entries(POLYGLOTS))('refuses %s', async (label, bytes) => {
    const name = nameFor(label);
    const res = await upload(name, bytes);
    expect(res.status).toBe(415);
    const body = (await res.json()) as { error: { code: string; message: string; fields: { path: string; message: string }[] } };
    expect(body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(body.error.fields).toEqual([{ path: 'files[1]', message: expect.stringContaining(`“${name}”`) }]);
    expect(body.error.message).toMatch(/出于安全考虑不能接收/);
    expect(await t.db.selectFrom('intake_case').select('id').execute()).toEqual([]);
    expect(await t.db.selectFrom('evidence').select('id').execute()).toEqual([]);
    expect(stored()).toBe(0);
  });

  it('still takes the genuine file alone', async () => {
    const fd = new FormData();
    fd.set('submission', JSON.stringify(SUBMISSION_EXAMPLES.anonymousReport.value));
    fd.append('files', new File([new Uint8Array(PNG_1x1)], 'ok.png', { type: 'image/png' }));
    expect((await app.request('/api/v1/submissions', { method: 'POST', body: fd })).status).toBe(201);
  });
});
