/** Issue 13 item 16: every API answer that can carry personal data (or a token) is never cached. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { citizen } from './support.js';

describe('Cache-Control: no-store on API answers with personal data', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  const headerOf = async (method: string, path: string, token?: string, body?: unknown) => {
    const res = await fetch(s.url + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    await res.text();
    return { status: res.status, cache: res.headers.get('cache-control') };
  };

  it('login (a token), /me, audit, reports, a new booking, a check-in, cancel, pardon, users, devices, a ticket, errors', async () => {
    const admin = await s.login('admin');
    const platform = await s.deviceToken('platform', 'gov-ns');
    const kiosk = await s.deviceToken('kiosk', 'kiosk-ns');
    const booked = await fetch(`${s.url}/api/bookings`, {
      method: 'POST', headers: { authorization: `Bearer ${platform}`, 'content-type': 'application/json' },
      body: JSON.stringify(citizen(61, { date: '2026-11-24' })),
    });
    expect(booked.status).toBe(201);
    expect(booked.headers.get('cache-control')).toBe('no-store');
    const b = await booked.json();
    const ticket = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    const checks: [string, string, string | undefined, unknown?][] = [
      ['POST', '/api/auth/login', undefined, { username: 'admin', password: 'admin-test-pw' }],
      ['GET', '/api/me', admin],
      ['GET', '/api/audit?limit=5', admin],
      ['GET', '/api/reports/daily?date=2026-11-23', admin],
      ['GET', '/api/devices', admin],
      ['POST', '/api/devices', admin, { kind: 'kiosk', name: 'kiosk-ns2' }],
      ['GET', `/api/tickets/${ticket.body.ticket.id}`, admin],
      ['GET', '/api/state', admin],
      ['POST', '/api/checkins', kiosk, { qr: b.qr }],
      ['POST', `/api/bookings/${b.booking?.id ?? b.id}/cancel`, platform, { by: 'citizen' }],
      ['POST', `/api/citizens/${citizen(61).idNumber}/pardon`, admin, { reason: '系统故障' }],
      ['POST', '/api/users', admin, { username: 'ns-user', name: '测试', role: 'staff', password: 'password-1' }],
      ['GET', '/api/bookings/nope', admin],
    ];
    for (const [method, path, token, body] of checks) {
      const r = await headerOf(method, path, token, body);
      expect({ path, cache: r.cache }, `status ${r.status}`).toEqual({ path, cache: 'no-store' });
    }
  });
});
