/** The endpoint map names every endpoint the server serves, so the typed client can reach each one. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { API } from '../../protocol/api.js';

const ROUTES = fileURLToPath(new URL('../../server/http/routes/', import.meta.url));

/** `r.post('/tickets', …)` in the route files → 'POST /api/tickets' (publicRoutes mount under /api/public) */
function servedEndpoints(): string[] {
  const out: string[] = [];
  for (const file of readdirSync(ROUTES).filter((f) => f.endsWith('.ts'))) {
    const text = readFileSync(ROUTES + file, 'utf8');
    const publicAt = text.indexOf('export function publicRoutes');
    for (const m of text.matchAll(/\br\.(get|post|put|delete)\(\s*'([^']+)'/g)) {
      const prefix = publicAt >= 0 && m.index! > publicAt ? '/api/public' : '/api';
      out.push(`${m[1].toUpperCase()} ${prefix}${m[2]}`);
    }
  }
  return out;
}

describe('the HTTP endpoint map', () => {
  it('has every endpoint the server serves', () => {
    const served = servedEndpoints();
    expect(served.length).toBeGreaterThan(40);
    expect(served.filter((e) => !(e in API))).toEqual([]);
  });

  it('pre-declares the accounts and devices endpoints of CONTRACT.md', () => {
    for (const key of ['GET /api/users', 'POST /api/users', 'PUT /api/users/:id', 'POST /api/users/:id/password', 'POST /api/me/password', 'GET /api/devices', 'DELETE /api/devices/:id'])
      expect(API).toHaveProperty([key]);
  });

  it('validates with the same schemas the routes parse with', () => {
    expect(API['POST /api/tickets'].body.safeParse({ serviceId: 's-a01', requestId: 'r1' }).success).toBe(true);
    expect(API['POST /api/users'].body.safeParse({ username: 'u', name: '王', role: 'boss', password: 'x' }).success).toBe(false);
    expect(API['GET /api/slots'].query.safeParse({ serviceId: 's', date: '2026-11-23' }).success).toBe(true);
  });
});
