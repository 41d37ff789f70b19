// The OpenAPI 3.1 document, assembled by hono-openapi from the router's own list of /api/v1 routes and
// the documentation of each (api.docs.ts, schemas generated from the zod schemas the handlers validate
// with), and a docs page generated from that document: plain HTML, no scripts (it may be read on a
// government intranet, or without JavaScript).
import { Hono } from 'hono';
import { describeRoute, generateSpecs } from 'hono-openapi';
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import type { RouterRoute } from 'hono/types';
import type { OpenAPIV3_1 } from 'openapi-types';
import type { AppEnv } from '../app-env.ts';
import { API_DOCS, SCHEMAS, SECURITY_SCHEMES, TAGS } from './api.docs.ts';

export const API_PREFIX = '/api/v1/';

/** The distinct /api/v1 routes (method and Hono path) a router answers, middleware left out. */
export function apiRoutes(routes: readonly RouterRoute[]): { method: string; path: string }[] {
  const seen = new Map<string, { method: string; path: string }>();
  for (const r of routes) {
    if (r.method === 'ALL' || !r.path.startsWith(API_PREFIX) || r.path.includes('*')) continue;
    seen.set(`${r.method} ${r.path}`, { method: r.method, path: r.path });
  }
  return [...seen.values()];
}

/** Routes the router answers that API_DOCS does not document (test/http/openapi.test.ts keeps this empty). */
export function undocumentedRoutes(routes: readonly RouterRoute[]): string[] {
  return apiRoutes(routes)
    .map((r) => `${r.method} ${r.path}`)
    .filter((k) => !(k in API_DOCS));
}

export type OpenApiDocument = OpenAPIV3_1.Document;

export async function buildOpenApiDocument(routes: readonly RouterRoute[], serverUrl: string): Promise<OpenApiDocument> {
  // A router of describeRoute() entries only, one per route the real router has: hono-openapi turns it
  // into paths ({param} syntax, path parameters filled in), and components come from api.docs.ts.
  const described = new Hono();
  for (const { method, path } of apiRoutes(routes)) {
    const spec = API_DOCS[`${method} ${path}`];
    if (spec) described.on(method, path, describeRoute(spec));
  }
  const doc = await generateSpecs(described, {
    documentation: {
      info: {
        title: '食安通 Shiantong public API',
        version: '1.0.0',
        description: '新郑市食品安全投诉举报（12331）受理接口。Complaints, reports (tips) and consultations about food safety in 新郑市.',
        license: { name: 'Open data: CC BY 4.0', identifier: 'CC-BY-4.0' },
        contact: { name: '新郑市市场监督管理局', url: `${serverUrl}/` },
      },
      servers: [{ url: serverUrl, description: 'This instance' }],
      tags: TAGS,
      components: { schemas: SCHEMAS, securitySchemes: SECURITY_SCHEMES },
    },
    excludeStaticFile: false,
    defaultValidationErrorResponse: false,
  });
  return doc as unknown as OpenApiDocument;
}

export function openApiRoutes(routes: () => readonly RouterRoute[], serverUrl: string) {
  const app = new Hono<AppEnv>();
  // Built once, on first use: by then every route is registered.
  let doc: Promise<OpenApiDocument> | undefined;
  const document = () => {
    doc ??= buildOpenApiDocument(routes(), serverUrl);
    return doc;
  };
  app.get('/openapi.json', async (c) => c.json(await document()));
  app.get('/docs', async (c) => c.html(docsPage(await document())));
  return app;
}

// ---- the docs page ---------------------------------------------------------------------------------------

type Schema = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject;
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

function resolve(doc: OpenApiDocument, s: Schema | undefined): OpenAPIV3_1.SchemaObject | undefined {
  if (s === undefined) return undefined;
  if ('$ref' in s) return doc.components?.schemas?.[s.$ref.split('/').pop() ?? ''] as OpenAPIV3_1.SchemaObject | undefined;
  return s;
}

const refName = (s: Schema | undefined) => (s && '$ref' in s ? (s.$ref.split('/').pop() ?? '') : '');

/** A short human description of a property's type and rules (long patterns are left to openapi.json). */
function typeOf(doc: OpenApiDocument, s0: Schema | undefined): string {
  const name = refName(s0);
  if (name) return name;
  const s = resolve(doc, s0);
  if (!s) return '';
  const parts: string[] = [];
  if (s.const !== undefined) parts.push(`= ${JSON.stringify(s.const)}`);
  else if (s.enum) parts.push(s.enum.length > 8 ? `${s.enum.length} 个取值之一，如 ${s.enum.slice(0, 3).join('、')}…` : s.enum.join(' | '));
  else if (s.anyOf || s.oneOf)
    parts.push((s.anyOf ?? s.oneOf ?? []).map((x) => resolve(doc, x)?.title ?? (typeOf(doc, x) || 'object')).join(' 或 '));
  else if (s.type === 'array') {
    const item = typeOf(doc, s.items) || 'any';
    parts.push(item.includes('，') ? `(${item})[]` : `${item}[]`);
  } else parts.push(Array.isArray(s.type) ? s.type.join(' | ') : String(s.type ?? 'any'));
  if (s.format) parts.push(s.format);
  if (s.minLength !== undefined) parts.push(`≥${s.minLength}字`);
  if (s.maxLength !== undefined) parts.push(`≤${s.maxLength}字`);
  if (s.maxItems !== undefined) parts.push(`≤${s.maxItems}项`);
  if (s.pattern !== undefined && s.pattern.length <= 60) parts.push(`格式 ${s.pattern}`);
  if (s.default !== undefined) parts.push(`默认 ${JSON.stringify(s.default)}`);
  return parts.join('，');
}

function schemaTable(doc: OpenApiDocument, s0: Schema | undefined, depth = 0): HtmlEscapedString | Promise<HtmlEscapedString> | string {
  const s = resolve(doc, s0);
  if (!s || depth > 3) return '';
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    return html`${s.description ? html`<p>${s.description}</p>` : ''}${variants.map((v) => {
      const r = resolve(doc, v);
      return html`<h5>${refName(v) || r?.title || ''}</h5>${r?.description ? html`<p>${r.description}</p>` : ''}${schemaTable(doc, v, depth + 1)}`;
    })}`;
  }
  if (!s.properties) return '';
  const required = new Set(s.required ?? []);
  return html`<table><thead><tr><th>字段</th><th>类型与规则</th><th>必填</th><th>说明</th></tr></thead><tbody>
${Object.entries(s.properties).map(([k, p]) => {
  const r = resolve(doc, p);
  const nested = r?.type === 'object' && r.properties && !refName(p) ? schemaTable(doc, p, depth + 1) : '';
  return html`<tr><td><code>${k}</code></td><td>${typeOf(doc, p)}</td><td>${required.has(k) ? '是' : ''}</td><td>${r?.description ?? ''}${nested}</td></tr>`;
})}</tbody></table>`;
}

function operationSection(doc: OpenApiDocument, path: string, method: string, op: OpenAPIV3_1.OperationObject) {
  const params = (op.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
  const body = op.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
  const bot = (op.security ?? []).some((s) => 'botToken' in s) && !(op.security ?? []).some((s) => Object.keys(s).length === 0);
  return html`<section id="${op.operationId ?? ''}"><h3><code>${method.toUpperCase()} ${path}</code></h3>
<p><strong>${op.summary ?? ''}</strong>${bot ? html` <em>（需要机器人令牌 Authorization: Bearer BOT_TOKEN）</em>` : ''}</p>
${op.description ? html`<p>${op.description}</p>` : ''}
${
  params.length
    ? html`<h4>参数</h4><table><thead><tr><th>名称</th><th>位置</th><th>类型与规则</th><th>必填</th><th>说明</th></tr></thead><tbody>${params.map(
        (p) =>
          html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${typeOf(doc, p.schema)}</td><td>${p.required ? '是' : ''}</td><td>${p.description ?? ''}</td></tr>`,
      )}</tbody></table>`
    : ''
}
${
  body
    ? html`<h4>请求内容</h4>${Object.entries(body.content).map(
        ([media, m]) =>
          html`<p><code>${media}</code>${refName(m.schema) ? html`：<a href="#schema-${refName(m.schema)}">${refName(m.schema)}</a>` : ''}</p>${refName(m.schema) ? '' : schemaTable(doc, m.schema)}${Object.entries(
            (m.examples ?? {}) as Record<string, OpenAPIV3_1.ExampleObject>,
          ).map(
            ([name, ex]) =>
              html`<details><summary>示例 ${name}：${ex.summary ?? ''}</summary><pre>${JSON.stringify(ex.value, null, 2)}</pre></details>`,
          )}`,
      )}`
    : ''
}
<h4>返回</h4><ul>${Object.entries(op.responses ?? {}).map(([code, r0]) => {
    const r = r0 as OpenAPIV3_1.ResponseObject;
    const schemas = Object.entries(r.content ?? {}).map(([media, m]) =>
      refName(m.schema)
        ? html` <code>${media}</code> <a href="#schema-${refName(m.schema)}">${refName(m.schema)}</a>`
        : html` <code>${media}</code>`,
    );
    return html`<li><strong>${code}</strong> ${r.description}${schemas}</li>`;
  })}</ul></section>`;
}

export function docsPage(doc: OpenApiDocument) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = item?.[m];
      return op ? [{ path, method: m, op }] : [];
    }),
  );
  const tags = (doc.tags ?? []).map((t) => ({ tag: t, ops: ops.filter((o) => o.op.tags?.includes(t.name)) }));
  const untagged = ops.filter((o) => !o.op.tags?.length);
  return html`<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>食安通 API 文档</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;color:#1a1a1a}pre{background:#f4f4f4;padding:.75rem;overflow:auto;white-space:pre-wrap}code{background:#f4f4f4;padding:0 .2em;word-break:break-all}table{border-collapse:collapse;width:100%;margin:.5rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}section{border-top:1px solid #ddd;margin-top:1.5rem}nav li{margin:.1rem 0}</style></head>
<body><h1>食安通 公共接口 v1</h1>
<p>${doc.info.description ?? ''}</p>
<p>机器可读文档（OpenAPI 3.1）：<a href="/api/v1/openapi.json">/api/v1/openapi.json</a>。服务地址：${(doc.servers ?? []).map((s) => html`<code>${s.url}</code> `)}</p>
<p>错误一律返回 <code>{ "error": { "code", "message", "fields": [{ "path", "message" }], "requestId" } }</code>，<code>message</code> 和 <code>fields</code> 为中文，指明有误的字段。</p>
<nav><h2>目录</h2><ul>${ops.map((o) => html`<li><a href="#${o.op.operationId ?? ''}"><code>${o.method.toUpperCase()} ${o.path}</code></a> ${o.op.summary ?? ''}</li>`)}</ul></nav>
${tags.map((t) => (t.ops.length ? html`<h2>${t.tag.description ?? t.tag.name}</h2>${t.ops.map((o) => operationSection(doc, o.path, o.method, o.op))}` : ''))}
${untagged.map((o) => operationSection(doc, o.path, o.method, o.op))}
<h2>数据结构</h2>
${Object.keys(doc.components?.schemas ?? {}).map(
  (name) => html`<section id="schema-${name}"><h3>${name}</h3>${schemaTable(doc, { $ref: `#/components/schemas/${name}` })}</section>`,
)}
</body></html>`;
}
