// The OpenAPI 3.1 document as an integrator meets it: it validates against the OpenAPI 3.1 schema
// (@seriousme/openapi-schema-validator) and Redocly's recommended rules report no error; every /api/v1
// route the router answers is in it (a route added without an API_DOCS entry fails here); a client
// generated with openapi-typescript compiles under strict TypeScript, its types refuse a complaint
// without the complainant, and it posts every documented example (201); the docs page covers every
// route without a script.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createConfig, lintFromString } from '@redocly/openapi-core';
import { Validator } from '@seriousme/openapi-schema-validator';
import openapiTS from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBMISSION_EXAMPLES, SubmissionSchema } from '../../src/cases/submission.schema.ts';
import { API_DOCS } from '../../src/http/api/api.docs.ts';
import { type OpenApiDocument, apiRoutes, buildOpenApiDocument, undocumentedRoutes } from '../../src/http/api/openapi.ts';
import { createApp } from '../../src/http/app.ts';
import { type TestDeps, testDeps } from '../helpers/env.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
let t: TestDeps;
let app: ReturnType<typeof createApp>;
let doc: OpenApiDocument;

beforeAll(async () => {
  t = await testDeps();
  app = createApp(t.deps);
  doc = (await (await app.request('/api/v1/openapi.json')).json()) as OpenApiDocument;
});
afterAll(async () => t.close());

const operations = (d: OpenApiDocument) =>
  Object.entries(d.paths ?? {}).flatMap(([p, item]) =>
    (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((m) =>
      item?.[m] ? [{ key: `${m.toUpperCase()} ${p}`, op: item[m] }] : [],
    ),
  );

describe('OpenAPI document', () => {
  it('is valid OpenAPI 3.1 (maintained validator)', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const res = await new Validator().validate(structuredClone(doc) as never);
    console.log(`OpenAPI schema validator: ${res.valid ? 'valid' : 'INVALID'} (version ${doc.openapi})`, res.valid ? '' : res.errors);
    expect(res.errors).toBeUndefined();
    expect(res.valid).toBe(true);
  });

  it("passes Redocly's recommended rules with no error", async () => {
    const config = await createConfig({ extends: ['recommended'] });
    const problems = await lintFromString({ source: JSON.stringify(doc), absoluteRef: 'openapi.json', config });
    const errors = problems.filter((p) => p.severity === 'error');
    const warnings = problems.filter((p) => p.severity === 'warn');
    console.log(
      `Redocly recommended: ${errors.length} errors, ${warnings.length} warnings`,
      problems.map((p) => `${p.severity} ${p.ruleId}: ${p.message} @ ${p.location[0]?.pointer ?? ''}`),
    );
    // Warnings left (see the log): GET routes of open data and documentation have no 4xx answer to
    // document, and Redocly cannot tell a named from an anonymous report by `person` alone.
    expect(errors).toEqual([]);
    expect(warnings.length).toBeLessThanOrEqual(6);
  });

  it('documents every /api/v1 route the router answers, each with an operationId, summary and security', () => {
    expect(undocumentedRoutes(app.routes), 'add an entry to API_DOCS in src/http/api/api.docs.ts for each route').toEqual([]);
    const routes = apiRoutes(app.routes).map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = operations(doc);
    expect(documented.map((o) => o.key).sort()).toEqual(routes.sort());
    expect(routes.length).toBeGreaterThanOrEqual(16);
    const ids = documented.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { op } of documented) {
      expect(op.operationId).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.summary).toBeTruthy();
      expect(op.security).toBeDefined();
    }
    expect(doc.servers?.[0]?.url).toBe(t.deps.publicBaseUrl);
    expect(doc.components?.securitySchemes).toHaveProperty('botToken');
    expect(doc.paths?.['/api/v1/bot/handoffs']?.post?.security).toEqual([{ botToken: [] }]);
  });

  it('a route added without documentation is caught, and left out of the document', async () => {
    const extra = createApp(t.deps);
    extra.get('/api/v1/undocumented-probe', (c) => c.json({}));
    expect(undocumentedRoutes(extra.routes)).toEqual(['GET /api/v1/undocumented-probe']);
    const d = await buildOpenApiDocument(extra.routes, 'http://127.0.0.1');
    expect(Object.keys(d.paths ?? {})).not.toContain('/api/v1/undocumented-probe');
    // And a docs entry whose route is gone does not leave a ghost path behind.
    expect(Object.keys(API_DOCS).length).toBe(apiRoutes(app.routes).length);
  });

  it('spells out the per-kind rules: oneOf with a discriminator on kind, the phone pattern, defaults not required', () => {
    const s = doc.components?.schemas ?? {};
    expect(s.Submission).toMatchObject({ discriminator: { propertyName: 'kind' } });
    expect((s.Submission as { oneOf: unknown[] }).oneOf).toHaveLength(4);
    expect(s.ComplaintSubmission?.required).toEqual(expect.arrayContaining(['person', 'business', 'request']));
    expect(s.ComplaintSubmission?.required).not.toContain('anonymous');
    expect(JSON.stringify(s.ComplaintSubmission)).toContain('^(1[3-9][0-9]{9}|0[0-9]{9,11})$');
    const examples = doc.paths?.['/api/v1/submissions']?.post?.requestBody as { content: Record<string, { examples: object }> };
    expect(Object.keys(examples.content['application/json']?.examples ?? {}).sort()).toEqual(Object.keys(SUBMISSION_EXAMPLES).sort());
    for (const e of Object.values(SUBMISSION_EXAMPLES)) expect(SubmissionSchema.safeParse(e.value).success).toBe(true);
  });

  it('the docs page lists every route and every schema, without a script', async () => {
    const res = await app.request('/api/v1/docs');
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    for (const { key } of operations(doc)) expect(page).toContain(key.replace('{', '{'));
    for (const name of Object.keys(doc.components?.schemas ?? {})) expect(page).toContain(`id="schema-${name}"`);
    // No 300-character regular expression printed for people.
    expect(page).not.toMatch(/[^\s<]{200,}/);
  });
});

describe('a client generated with openapi-typescript', () => {
  it('compiles under strict TypeScript and posts every documented example (201)', { timeout: 120_000 }, async () => {
    const dir = path.join(ROOT, 'test-output', `openapi-client-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Files are Blobs in the client (openapi-typescript 6 maps format: binary to string by default), and
    // `not: {}` (nothing is allowed: an anonymous report's person) is `never` (it prints `unknown`).
    const types = await openapiTS(doc as never, {
      transform: (s) => {
        if (s.format === 'binary') return 'Blob';
        if ('not' in s && typeof s.not === 'object' && s.not !== null && Object.keys(s.not).length === 0) return 'never';
        return undefined;
      },
    });
    writeFileSync(path.join(dir, 'api.ts'), types);
    const examples = doc.paths?.['/api/v1/submissions']?.post?.requestBody as {
      content: { 'application/json': { examples: Record<string, { value: unknown }> } };
    };
    const literal = Object.entries(examples.content['application/json'].examples)
      .map(([name, ex]) => `  ${JSON.stringify(name)}: ${JSON.stringify(ex.value)},`)
      .join('\n');
    writeFileSync(
      path.join(dir, 'client.ts'),
      `import type { components, paths } from './api.ts';
type Op = paths['/api/v1/submissions']['post'];
type Body = Op['requestBody']['content']['application/json'];
type Form = Op['requestBody']['content']['multipart/form-data'];
type Receipt = components['schemas']['Receipt'];
type Fetch = (url: string, init: RequestInit) => Promise<Response>;

export const examples: Record<string, Body> = {
${literal}
};

// @ts-expect-error a complaint needs the complainant (Order 121 Art. 10): the types say so
export const noComplainant: Body = { kind: 'complaint', description: '买到过期牛奶，喝了以后肚子疼。', business: { name: '某店', address: '某路1号' }, request: '退款' };
// @ts-expect-error an anonymous report carries no person
export const anonymousWithPerson: Body = { kind: 'report', description: '小作坊晚上熬泔水油卖给早餐摊。', anonymous: true, person: { name: '王五', phone: '13800000000' } };

export async function postAll(fetch: Fetch): Promise<{ name: string; status: number; receipt: Receipt }[]> {
  const out: { name: string; status: number; receipt: Receipt }[] = [];
  for (const [name, body] of Object.entries(examples)) {
    const res = await fetch('/api/v1/submissions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    out.push({ name, status: res.status, receipt: (await res.json()) as Receipt });
  }
  const form: Form = { submission: JSON.stringify(examples['consultation']), files: [new Blob(['%PDF-1.4\\n%%EOF\\n'], { type: 'application/pdf' })] };
  const fd = new FormData();
  fd.set('submission', form.submission);
  for (const f of form.files ?? []) fd.append('files', f, 'note.pdf');
  const res = await fetch('/api/v1/submissions', { method: 'POST', body: fd });
  out.push({ name: 'multipart', status: res.status, receipt: (await res.json()) as Receipt });
  return out;
}
`,
    );
    writeFileSync(
      path.join(dir, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          exactOptionalPropertyTypes: true,
          target: 'es2022',
          module: 'esnext',
          moduleResolution: 'bundler',
          allowImportingTsExtensions: true,
          noEmit: true,
          lib: ['es2022', 'dom'],
          types: [],
          skipLibCheck: true,
        },
        files: ['client.ts'],
      }),
    );
    const tsc = path.join(ROOT, 'node_modules/.bin/tsc');
    let compiled = '';
    try {
      compiled = execFileSync(tsc, ['-p', dir], { encoding: 'utf8' });
    } catch (err) {
      compiled = String((err as { stdout?: string }).stdout ?? err);
    }
    console.log(`openapi-typescript client, tsc: ${compiled.trim() === '' ? 'no errors' : compiled}`);
    expect(compiled.trim()).toBe('');

    const client = (await import(pathToFileURL(path.join(dir, 'client.ts')).href)) as {
      postAll(f: (url: string, init: RequestInit) => Promise<Response>): Promise<{ name: string; status: number }[]>;
    };
    const results = await client.postAll(async (url, init) => app.request(url, init));
    expect(results.map((r) => r.name).sort()).toEqual([...Object.keys(SUBMISSION_EXAMPLES), 'multipart'].sort());
    for (const r of results) expect(r, r.name).toMatchObject({ status: 201 });
  });
});
