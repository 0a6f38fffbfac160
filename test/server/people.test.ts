/**
 * Accounts and devices (CONTRACT.md "Accounts", "Devices"): every change audited with its actor,
 * access that ends drops its sockets at once, and sign-in throttling that no stranger can turn into
 * a lock-out of the admin.
 */
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError, idNumberOf } from './support.js';

let s: TestServer;
beforeAll(async () => { s = await startTestServer(); });
afterAll(() => s.close());

/** POST /api/auth/login from a given loopback address (127.0.0.x): a different PC on the hall LAN */
function loginFrom(localAddress: string, username: string, password: string): Promise<{ status: number; body: any }> {
  const url = new URL('/api/auth/login', s.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.end(JSON.stringify({ username, password }));
  });
}

const disconnected = (socket: ReturnType<TestServer['socket']>) =>
  new Promise<void>((resolve) => socket.on('disconnect', () => resolve()));
const connected = (socket: ReturnType<TestServer['socket']>) =>
  new Promise<void>((resolve, reject) => {
    socket.once('state:snapshot', () => resolve());
    socket.once('connect_error', reject);
  });
const audit = async (query: string) => (await s.api('GET', `/api/audit?${query}`, { token: await s.login('admin') })).body as { type: string; actor: string; subject: string; data: any }[];

describe('accounts (admin)', () => {
  it('an admin creates a staff login bound to a window; the new user signs in and acts at that window only', async () => {
    const admin = await s.login('admin');
    const r = await s.api('POST', '/api/users', { token: admin, body: { username: 'zhang.w', name: '张伟', role: 'staff', password: 'window-5-pass', windowIds: ['w5'] } });
    expect(r.status).toBe(201);
    expect(r.body.user).toMatchObject({ username: 'zhang.w', name: '张伟', role: 'staff', windowIds: ['w5'], active: true });
    const token = await s.login('zhang.w', 'window-5-pass');
    expect((await s.api('POST', '/api/windows/w5/open', { token })).status).toBe(200);
    expectError(await s.api('POST', '/api/windows/w6/open', { token }), 403, 'window-not-yours');
    const listed = (await s.api('GET', '/api/users', { token: admin })).body;
    expect(listed.find((u: { username: string }) => u.username === 'zhang.w')).toMatchObject({ windowIds: ['w5'], active: true });
    expect(JSON.stringify(listed)).not.toMatch(/scrypt|password/);
    const created = (await audit('type=user.created')).find((e) => e.subject === r.body.user.id);
    expect(created?.actor).toBe('user:u-admin');
    expect(JSON.stringify(created)).not.toContain('window-5-pass');
  });

  it('refuses a used username (409), a short password (422), an unknown window (404), and anyone but an admin (403)', async () => {
    const admin = await s.login('admin');
    const base = { name: '李四', role: 'staff', password: 'long-enough-1' };
    expectError(await s.api('POST', '/api/users', { token: admin, body: { ...base, username: 'staff1' } }), 409, 'duplicate-username');
    expectError(await s.api('POST', '/api/users', { token: admin, body: { ...base, username: 'li.si', password: 'short' } }), 422, 'weak-password');
    expectError(await s.api('POST', '/api/users', { token: admin, body: { ...base, username: 'li.si', windowIds: ['w-none'] } }), 404, 'window-not-found');
    expectError(await s.api('POST', '/api/users', { token: await s.login('lead1'), body: { ...base, username: 'li.si' } }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/users', { token: await s.login('staff1') }), 403, 'forbidden');
  });

  it('deactivating a user revokes their tokens and drops their open socket at once', async () => {
    const admin = await s.login('admin');
    const token = await s.login('staff7');
    const socket = s.socket(token);
    await connected(socket);
    const gone = disconnected(socket);
    expect((await s.api('PUT', '/api/users/u-staff7', { token: admin, body: { active: false } })).body.user.active).toBe(false);
    await gone;
    expectError(await s.api('GET', '/api/me', { token }), 401, 'unauthorized');
    expectError(await s.api('POST', '/api/auth/login', { body: { username: 'staff7', password: 'demo1234' } }), 401, 'invalid-credentials');
    await s.api('PUT', '/api/users/u-staff7', { token: admin, body: { active: true } });
    expect((await s.api('POST', '/api/auth/login', { body: { username: 'staff7', password: 'demo1234' } })).status).toBe(200);
  });

  it('an admin\'s password reset revokes the user\'s tokens; the user changes their own password with the old one', async () => {
    const admin = await s.login('admin');
    const old = await s.login('staff8');
    expect((await s.api('POST', '/api/users/u-staff8/password', { token: admin, body: { password: 'reset-by-admin' } })).status).toBe(200);
    expectError(await s.api('GET', '/api/me', { token: old }), 401, 'unauthorized');
    const mine = await s.login('staff8', 'reset-by-admin');
    expectError(await s.api('POST', '/api/me/password', { token: mine, body: { oldPassword: 'wrong-one', newPassword: 'my-own-secret' } }), 422, 'wrong-password');
    expectError(await s.api('POST', '/api/me/password', { token: mine, body: { oldPassword: 'reset-by-admin', newPassword: 'short' } }), 422, 'weak-password');
    expect((await s.api('POST', '/api/me/password', { token: mine, body: { oldPassword: 'reset-by-admin', newPassword: 'my-own-secret' } })).status).toBe(200);
    expect((await s.api('POST', '/api/auth/login', { body: { username: 'staff8', password: 'my-own-secret' } })).status).toBe(200);
    expect((await audit('type=user.password-set')).map((e) => e.data.by)).toEqual(['self', 'admin']);
  });

  it('signing out revokes the token and drops the socket that used it; a signed-in staff socket no longer gets ticket:issued', async () => {
    const token = await s.login('staff9');
    const socket = s.socket(token);
    await connected(socket);
    const gone = disconnected(socket);
    expect((await s.api('POST', '/api/auth/logout', { token })).status).toBe(200);
    await gone;
    expect(socket.connected).toBe(false);
    expectError(await s.api('GET', '/api/me', { token }), 401, 'unauthorized');
  });
});

describe('sign-in throttling (CONTRACT.md "Accounts": nobody can lock a user out from another PC)', () => {
  it('five wrong admin passwords from one address do not stop the right password from another', async () => {
    for (let i = 0; i < 5; i++) expect((await loginFrom('127.0.0.3', 'admin', `guess-${i}`)).status).toBe(401);
    const blocked = await loginFrom('127.0.0.3', 'admin', 'admin-test-pw');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('too-many-attempts');
    expect((await loginFrom('127.0.0.4', 'admin', 'admin-test-pw')).status).toBe(200);
    // and the guessing address may still sign in other users
    expect((await loginFrom('127.0.0.3', 'staff2', 'demo1234')).status).toBe(200);
  });

  it('an unknown username is refused like a wrong password (same code, the same scrypt work)', async () => {
    expectError(await s.api('POST', '/api/auth/login', { body: { username: 'nobody-here', password: 'whatever-1' } }), 401, 'invalid-credentials');
  });
});

describe('devices (admin)', () => {
  it('lists devices with online state and last seen; a revoked kiosk gets 401 and its socket is dropped', async () => {
    const admin = await s.login('admin');
    const reg = await s.api('POST', '/api/devices', { token: admin, body: { kind: 'kiosk', name: 'kiosk-east' } });
    expect(reg.status).toBe(201);
    const socket = s.socket(reg.body.token);
    await connected(socket);
    const listed = (await s.api('GET', '/api/devices', { token: admin })).body.find((d: { name: string }) => d.name === 'kiosk-east');
    expect(listed).toMatchObject({ id: reg.body.id, kind: 'kiosk', online: true });
    expect(listed.lastSeenAt).toMatch(/^2026-11-23T/);
    const gone = disconnected(socket);
    expect((await s.api('DELETE', `/api/devices/${reg.body.id}`, { token: admin })).status).toBe(200);
    await gone;
    expectError(await s.api('POST', '/api/tickets', { token: reg.body.token, body: { serviceId: 's-a01' } }), 401, 'unauthorized');
    expect((await s.api('GET', '/api/devices', { token: admin })).body.find((d: { name: string }) => d.name === 'kiosk-east'))
      .toMatchObject({ online: false, revokedAt: expect.any(String) });
    expect((await audit('type=device.revoked')).map((e) => e.subject)).toContain(reg.body.id);
  });

  it('a name already registered → 409 duplicate-device; replace:true revokes the old token and issues a new one', async () => {
    const admin = await s.login('admin');
    const first = (await s.api('POST', '/api/devices', { token: admin, body: { kind: 'display', name: 'lobby-west' } })).body;
    expectError(await s.api('POST', '/api/devices', { token: admin, body: { kind: 'display', name: 'lobby-west' } }), 409, 'duplicate-device');
    const second = await s.api('POST', '/api/devices', { token: admin, body: { kind: 'display', name: 'lobby-west', replace: true } });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.id);
    expectError(await s.api('GET', '/api/state', { token: first.token }), 401, 'unauthorized');
    expect((await s.api('GET', '/api/state', { token: second.body.token })).status).toBe(200);
  });
});

describe('bookings: masked for everyone, found only by what the citizen says, revealed by an audited action', () => {
  const person = { name: '欧阳娜娜', idNumber: idNumberOf(19), phone: '13912345678', serviceId: 's-a03', date: '2026-11-25', slot: '09:30', channel: 'phone' };

  it('an admin\'s list is masked too; a search by a prefix of the ID number finds nothing; the tail and the whole number do', async () => {
    const staff = await s.login('staff1');
    const made = await s.api('POST', '/api/bookings', { token: staff, body: person });
    expect(made.status).toBe(201);
    const admin = await s.login('admin');
    const all = await s.api('GET', '/api/bookings?date=2026-11-25', { token: admin });
    expect(all.body[0]).toMatchObject({ name: '欧***', idNumber: `${person.idNumber.slice(0, 4)}**********${person.idNumber.slice(-4)}`, phone: '139****5678' });
    const find = async (q: string) => (await s.api('GET', `/api/bookings?date=2026-11-25&q=${encodeURIComponent(q)}`, { token: staff })).body.length;
    expect(await find(person.idNumber.slice(0, 10))).toBe(0);
    expect(await find(person.idNumber.slice(0, 17))).toBe(0);
    expect(await find('1391234')).toBe(0);
    expect(await find(person.idNumber.slice(-4))).toBe(1);
    expect(await find('5678')).toBe(1);
    expect(await find(person.idNumber)).toBe(1);
    expect(await find(person.phone)).toBe(1);
  });

  it('answers with personal data carry Cache-Control: no-store', async () => {
    const res = await fetch(`${s.url}/api/bookings?date=2026-11-25`, { headers: { authorization: `Bearer ${await s.login('staff1')}` } });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('POST /api/bookings/:id/reveal gives one booking in clear and records who and why', async () => {
    const staff = await s.login('staff1');
    const [b] = (await s.api('GET', '/api/bookings?date=2026-11-25', { token: staff })).body;
    expectError(await s.api('POST', `/api/bookings/${b.id}/reveal`, { token: staff, body: {} }), 400, 'bad-request');
    const r = await s.api('POST', `/api/bookings/${b.id}/reveal`, { token: staff, body: { reason: '电话确认办理时间' } });
    expect(r.body).toMatchObject({ name: person.name, idNumber: person.idNumber, phone: person.phone });
    const entry = (await audit('type=booking.revealed')).find((e) => e.subject === b.id);
    expect(entry).toMatchObject({ actor: 'user:u-staff1', data: { reason: '电话确认办理时间' } });
    expectError(await s.api('POST', `/api/bookings/${b.id}/reveal`, { token: await s.deviceToken('kiosk', 'kiosk-r'), body: { reason: 'x' } }), 403, 'forbidden');
  });

  it('the platform cancels only the bookings that came from it (a phone booking made by staff → 403)', async () => {
    const platform = await s.deviceToken('platform', 'gov-p');
    const [b] = (await s.api('GET', '/api/bookings?date=2026-11-25', { token: await s.login('staff1') })).body;
    expect(b.channel).toBe('phone');
    expectError(await s.api('POST', `/api/bookings/${b.id}/cancel`, { token: platform, body: { by: 'citizen' } }), 403, 'forbidden');
  });
});
