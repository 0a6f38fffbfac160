import { describe, expect, it } from 'vitest';
import { ApiError, createClient } from '../../../apps/kit/client.js';
import { fillPath } from '../../../protocol/client.js';

function fakeFetch(status: number, body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const f = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status });
  }) as unknown as typeof fetch;
  return { f, calls };
}

/** the ApiError a call rejects with (fails the test when it resolves) */
async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const r = await p.then(() => null, (e: unknown) => e);
  if (!(r instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(r)}`);
  return r;
}

describe('the typed client', () => {
  it('fills the path, adds the query and the bearer token, and sends a JSON body', async () => {
    const { f, calls } = fakeFetch(200, { ticket: null });
    const c = createClient({ base: 'http://hall', token: () => 'tok', fetch: f });
    const out = await c.call('POST /api/windows/:id/call/:ticketId', { params: { id: 'w 1', ticketId: 't1' }, body: { reason: '老人' } });
    expect(out).toEqual({ ticket: null });
    expect(calls[0].url).toBe('http://hall/api/windows/w%201/call/t1');
    expect(calls[0].init.method).toBe('POST');
    expect(calls[0].init.headers).toEqual({ authorization: 'Bearer tok', 'content-type': 'application/json' });
    expect(calls[0].init.body).toBe('{"reason":"老人"}');
    await c.call('GET /api/slots', { query: { serviceId: 's1', date: '2026-11-23' } });
    expect(calls[1].url).toBe('http://hall/api/slots?serviceId=s1&date=2026-11-23');
    expect(calls[1].init.body).toBeUndefined();
  });

  it('throws the server\'s error shape as ApiError and reports a 401 (but not a failed login)', async () => {
    const { f } = fakeFetch(401, { error: { code: 'unauthorized', message: '未登录或凭证已失效' } });
    const seen: number[] = [];
    const c = createClient({ base: '', token: () => null, fetch: f, onUnauthorized: (e) => seen.push(e.status) });
    const err = await c.call('GET /api/me').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 401, code: 'unauthorized', message: '未登录或凭证已失效', details: {} });
    await c.call('POST /api/auth/login', { body: { username: 'a', password: 'b' } }).catch(() => undefined);
    expect(seen).toEqual([401]);
  });

  it('carries a refusal\'s details', async () => {
    const { f } = fakeFetch(422, { error: { code: 'hall-closed', message: '当前不在办公时间', details: { nextOpenAt: '2026-11-24T09:00:00+08:00' } } });
    const err = await refusal(createClient({ base: '', token: () => null, fetch: f }).call('POST /api/tickets', { body: { serviceId: 's' } }));
    expect([err.status, err.code, err.details.nextOpenAt]).toEqual([422, 'hall-closed', '2026-11-24T09:00:00+08:00']);
  });

  it('turns a failed connection into status 0 `network`, and a proxy\'s HTML page into a readable error', async () => {
    const down = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
    const err = await refusal(createClient({ base: '', token: () => null, fetch: down }).call('GET /api/health'));
    expect([err.status, err.code]).toEqual([0, 'network']);
    const { f } = fakeFetch(502, '<html>Bad Gateway</html>');
    const e2 = await refusal(createClient({ base: '', token: () => null, fetch: f }).call('GET /api/health'));
    expect([e2.status, e2.code, e2.message]).toEqual([502, 'bad-response', '<html>Bad Gateway</html>']);
  });

  it('refuses to call a path with a parameter missing', () => {
    expect(() => fillPath('/api/tickets/:id', {})).toThrow(/missing path parameter "id"/);
  });
});
