/** Issue 14: the demo panel triggers a kiosk's simulated ID reader and QR scanner and shows its virtual printer's tickets; admin only, demo only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { expectError, idNumberOf, nextEvent } from './support.js';

describe('demo panel', () => {
  let s: TestServer;
  let kiosk: string;
  beforeAll(async () => {
    s = await startTestServer({ devices: true });
    kiosk = await s.deviceToken('kiosk', 'kiosk-1');
  });
  afterAll(() => s.close());

  it('lists each demo kiosk with its simulated reader, scanner and printer; others than admins → 403', async () => {
    const r = await s.api('GET', '/api/demo/devices', { token: s.adminToken });
    expect(r.status).toBe(200);
    expect(r.body.kiosks).toEqual([
      { name: 'kiosk-1', reader: true, scanner: true, printer: true },
      { name: 'kiosk-2', reader: true, scanner: true, printer: true },
    ]);
    expectError(await s.api('GET', '/api/demo/devices', { token: await s.login('lead1') }), 403, 'forbidden');
    expectError(await s.api('GET', '/api/demo/devices', { token: kiosk }), 403, 'forbidden');
  });

  it('a card put on kiosk-1\'s reader and a code scanned there reach that kiosk as device:scan', async () => {
    const sock = s.socket(kiosk);
    await nextEvent(sock, 'state:snapshot');
    const card = nextEvent(sock, 'device:scan', 8000);
    const placed = await s.api('POST', '/api/demo/kiosks/kiosk-1/card', { token: s.adminToken, body: { idNumber: idNumberOf(7) } });
    expect(placed.body).toEqual({ kiosk: 'kiosk-1', idNumber: idNumberOf(7) });
    expect(await card).toEqual({ source: 'idcard', value: idNumberOf(7) });
    const qr = nextEvent(sock, 'device:scan', 8000);
    expect((await s.api('POST', '/api/demo/kiosks/kiosk-1/scan', { token: s.adminToken, body: { code: 'HQ1.demo.sig' } })).status).toBe(200);
    expect(await qr).toEqual({ source: 'qr', value: 'HQ1.demo.sig' });
    sock.close();
    expectError(await s.api('POST', '/api/demo/kiosks/kiosk-1/card', { token: s.adminToken, body: { idNumber: '123' } }), 400, 'invalid-id-number');
    expectError(await s.api('POST', '/api/demo/kiosks/kiosk-9/scan', { token: s.adminToken, body: { code: 'x' } }), 404, 'device-not-found');
    expectError(await s.api('POST', '/api/demo/kiosks/kiosk-1/scan', { token: s.adminToken, body: {} }), 400, 'bad-request');
  });

  it('a ticket printed at kiosk-1 is listed newest first and its image is a PNG (rendered on a worker: slow on a loaded machine)', { timeout: 120_000 }, async () => {
    const t = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } });
    expect(t.status).toBe(201);
    let list: any;
    await expect.poll(async () => (list = (await s.api('GET', '/api/demo/devices', { token: s.adminToken })).body).prints.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect(list.prints[0]).toMatchObject({ kiosk: 'kiosk-1', seq: 1 });
    expect(list.prints[0].text).toContain(t.body.ticket.number);
    let png: string | null = null;
    await expect.poll(async () => (png = (await s.api('GET', `/api/demo/prints/${encodeURIComponent(list.prints[0].id)}`, { token: s.adminToken })).body.png), { timeout: 90_000, interval: 500 }).not.toBeNull();
    expect(png).toMatch(/^data:image\/png;base64,iVBOR/);
    expectError(await s.api('GET', '/api/demo/prints/kiosk-1:99', { token: s.adminToken }), 404, 'not-found');
  });

  it('without the demo\'s simulators every demo path is 404', async () => {
    const plain = await startTestServer();
    try {
      expectError(await plain.api('GET', '/api/demo/devices', { token: plain.adminToken }), 404, 'not-found');
    } finally { await plain.close(); }
  });
});
