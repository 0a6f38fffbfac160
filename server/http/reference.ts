/**
 * The API reference page (GET /api/reference): the OpenAPI document rendered as one plain HTML page,
 * self-contained (no script, no external asset), for integrators who have no OpenAPI viewer at hand.
 */
const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const pretty = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

interface Op { parameters?: { name: string; in: string; required: boolean; schema: unknown }[]; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> }

export function renderReference(doc: { info: { title: string; version: string; description?: string }; paths: Record<string, Record<string, unknown>> }): string {
  const ops = Object.entries(doc.paths).flatMap(([path, byMethod]) => Object.entries(byMethod).map(([method, op]) => ({ path, method, op: op as Op })));
  const body = ops.map(({ path, method, op }) => {
    const params = (op.parameters ?? []).map((p) => `<li><code>${esc(p.name)}</code> (${p.in}${p.required ? ', required' : ''}) <code>${esc(JSON.stringify(p.schema))}</code></li>`).join('');
    const req = op.requestBody?.content['application/json']?.schema;
    const ok = op.responses['2XX']?.content?.['application/json']?.schema;
    return `<section id="${esc(`${method}-${path}`)}"><h2><span class="m">${method.toUpperCase()}</span> <code>${esc(path)}</code></h2>` +
      (params ? `<h3>参数 Parameters</h3><ul>${params}</ul>` : '') +
      (req ? `<h3>请求体 Body</h3>${pretty(req)}` : '') +
      (ok && Object.keys(ok).length ? `<h3>应答 Answer</h3>${pretty(ok)}` : '') + '</section>';
  }).join('\n');
  const toc = ops.map(({ path, method }) => `<li><a href="#${esc(`${method}-${path}`)}">${method.toUpperCase()} ${esc(path)}</a></li>`).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.info.title)} API ${esc(doc.info.version)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1a2433}pre{background:#f3f5f8;padding:.6rem;overflow:auto;font-size:.85rem}
.m{display:inline-block;min-width:4.5em;color:#0b4da2}section{border-top:1px solid #d5dbe3;padding-top:.4rem}h2{font-size:1.1rem}h3{font-size:.95rem;margin:.6rem 0 .2rem}</style></head>
<body><h1>${esc(doc.info.title)} HTTP API <small>${esc(doc.info.version)}</small></h1><p>${esc(doc.info.description ?? '')}</p>
<p>机器可读：<a href="/api/openapi.json">/api/openapi.json</a>（OpenAPI 3.1）。错误统一为 <code>{"error":{"code","message","details"}}</code>。</p>
<ul>${toc}</ul>${body}</body></html>`;
}
