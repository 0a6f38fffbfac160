/** Login, tokens (expiry, revocation), login rate limit and device tokens over real HTTP. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError } from './support.js';

describe('health and login', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('GET /api/health answers anyone with status, version and the hall time', async () => {
    const r = await s.api('GET', '/api/health');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ status: 'ok', version: expect.any(String), time: '2026-11-23T09:00:00+08:00' });
  });

  it('GET /api/health warns, 45 days ahead, of a coming year with no holiday schedule; overrides entering its statutory holidays end the warning', async () => {
    // the installed chinese-days covers up to 2026 (its 1.5.7); 2027's schedule is not yet published
    expect((await s.api('GET', '/api/health')).body.warnings).toEqual([{
      code: 'holiday-data-missing', years: [2027],
      message: '尚未载入 2027 年的节假日安排：请在配置文件 hours.overrides 中填写国务院公布的放假与调休日期，或升级 hallq',
    }]);
    // issue 11: the year counts as entered when each of its statutory days (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) is a holiday
    const days = ['2027-01-01', '2027-02-06', '2027-04-05', '2027-05-01', '2027-06-09', '2027-09-15', '2027-10-01'];
    const covered = await startTestServer({ config: { hours: { overrides: Object.fromEntries(days.map((d) => [d, 'holiday'])) } } });
    try {
      expect((await covered.api('GET', '/api/health')).body.warnings).toBeUndefined();
    } finally {
      await covered.close();
    }
  });

  it('login returns a token and the user with role and bound windows', async () => {
    const r = await s.api('POST', '/api/auth/login', { body: { username: 'staff5', password: 'demo1234' } });
    expect(r.status).toBe(200);
    expect(r.body.token).toMatch(/^[\w-]{20,}$/);
    expect(r.body.user).toEqual({ id: 'u-staff5', name: expect.any(String), role: 'staff', windowIds: ['w5'] });
    const lead = await s.api('POST', '/api/auth/login', { body: { username: 'lead1', password: 'demo1234' } });
    expect(lead.body.user).toMatchObject({ role: 'lead', windowIds: [] });
  });

  it('a wrong password or unknown user → 401 invalid-credentials, the same answer for both', async () => {
    expectError(await s.api('POST', '/api/auth/login', { body: { username: 'staff1', password: 'wrong-pw' } }), 401, 'invalid-credentials');
    expectError(await s.api('POST', '/api/auth/login', { body: { username: 'nobody', password: 'demo1234' } }), 401, 'invalid-credentials');
  });

  it('a login body without username or with a number as password → 400 bad-request', async () => {
    expectError(await s.api('POST', '/api/auth/login', { body: { password: 'x' } }), 400, 'bad-request');
    expectError(await s.api('POST', '/api/auth/login', { body: { username: 'staff1', password: 1234 } }), 400, 'bad-request');
  });

  it('no token → 401 unauthorized; an unknown bearer token → 401 unauthorized', async () => {
    expectError(await s.api('GET', '/api/state'), 401, 'unauthorized');
    expectError(await s.api('GET', '/api/state', { token: 'not-a-token' }), 401, 'unauthorized');
  });

  it('logout revokes the token: the next request with it → 401, other tokens of the user keep working', async () => {
    const t1 = await s.login('staff2');
    const t2 = await s.login('staff2');
    expect((await s.api('POST', '/api/auth/logout', { token: t1 })).status).toBe(200);
    expectError(await s.api('GET', '/api/me', { token: t1 }), 401, 'unauthorized');
    expect((await s.api('GET', '/api/me', { token: t2 })).status).toBe(200);
  });
});

describe('devices (admin)', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('admin creates kiosk, display and platform devices → 201 {id, token}, and the token authenticates', async () => {
    for (const kind of ['kiosk', 'display', 'platform'] as const) {
      const r = await s.api('POST', '/api/devices', { token: s.adminToken, body: { kind, name: `${kind}-x` } });
      expect(r.status).toBe(201);
      expect(r.body).toEqual({ id: expect.any(String), token: expect.any(String) });
      const me = await s.api('GET', '/api/me', { token: r.body.token });
      expect(me.body).toMatchObject({ kind: 'device', device: { kind, name: `${kind}-x` } });
    }
  });

  it('staff, lead or a device creating a device → 403 forbidden; without a token → 401', async () => {
    const kiosk = await s.deviceToken('kiosk', 'kiosk-a');
    for (const token of [await s.login('staff1'), await s.login('lead1'), kiosk])
      expectError(await s.api('POST', '/api/devices', { token, body: { kind: 'kiosk', name: 'k' } }), 403, 'forbidden');
    expectError(await s.api('POST', '/api/devices', { body: { kind: 'kiosk', name: 'k' } }), 401, 'unauthorized');
  });

  it('an unknown kind → 400; a name already used by another kind → 409 duplicate-device', async () => {
    expectError(await s.api('POST', '/api/devices', { token: s.adminToken, body: { kind: 'printer', name: 'p' } }), 400, 'bad-request');
    await s.deviceToken('display', 'same-name');
    expectError(await s.api('POST', '/api/devices', { token: s.adminToken, body: { kind: 'kiosk', name: 'same-name' } }), 409, 'duplicate-device');
  });
});

describe('login rate limit and token expiry', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('5 failed logins → 429 too-many-attempts with Retry-After, even with the right password; 10 minutes later it works', async () => {
    for (let i = 0; i < 5; i++)
      expectError(await s.api('POST', '/api/auth/login', { body: { username: 'staff3', password: `guess-${i}` } }), 401, 'invalid-credentials');
    const res = await fetch(`${s.url}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'staff3', password: 'demo1234' }),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('too-many-attempts');
    await s.setClock('2026-11-23T09:10:01+08:00');
    expect((await s.api('POST', '/api/auth/login', { body: { username: 'staff3', password: 'demo1234' } })).status).toBe(200);
  });

  it('a user token expires after 12 hours → 401; a device token does not', async () => {
    await s.setClock('2026-11-23T09:15:00+08:00');
    const staff = await s.login('staff4');
    const kiosk = await s.deviceToken('kiosk', 'kiosk-exp');
    await s.setClock('2026-11-23T21:14:00+08:00');
    expect((await s.api('GET', '/api/me', { token: staff })).status).toBe(200);
    await s.setClock('2026-11-23T21:15:00+08:00');
    expectError(await s.api('GET', '/api/me', { token: staff }), 401, 'unauthorized');
    expect((await s.api('GET', '/api/me', { token: kiosk })).status).toBe(200);
  });
});
