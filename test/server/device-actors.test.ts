/**
 * Devices act as themselves (issue 10: authorization below HTTP): a caller keypad's press is the
 * keypad's command at its own window, audited under its own name, never a stand-in lead.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';

let s: TestServer;
beforeAll(async () => { s = await startTestServer({ devices: true }); });
afterAll(() => s.close());

describe('a keypad press (RS-485 simulator → device manager → hall)', () => {
  it('calls the next ticket at the keypad\'s window and is logged as the keypad', async () => {
    const kiosk = await s.deviceToken('kiosk', 'kiosk-k');
    const issued = await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-b01' } }); // 不动产: windows 4 and 5
    expect(issued.status).toBe(201);
    const display = s.socket(await s.deviceToken('display', 'lobby-k'));
    const called = new Promise<{ ticket: { id: string }; window: { number: number } }>((resolve) => display.on('ticket:called', resolve));
    await new Promise((r) => display.once('state:snapshot', r));

    // the poller's first read of a keypad only syncs its counter (drivers/keypad/poller.ts), so a
    // press before that read is not a press: on a loaded machine the first poll can come late, so
    // press again until the call is seen (one ticket waits: a later press finds nobody to call)
    let e: { ticket: { id: string }; window: { number: number } } | undefined;
    void called.then((x) => { e = x; });
    for (let i = 0; i < 40 && !e; i++) {
      s.running.devices!.manager.simulators.keypads.get('keypad-5')!.press('call-next');
      await Promise.race([called, new Promise((r) => setTimeout(r, 500))]);
    }
    expect(e).toMatchObject({ ticket: { id: issued.body.ticket.id }, window: { number: 5 } });

    const admin = await s.login('admin');
    const log = (await s.api('GET', `/api/audit?type=ticket.called`, { token: admin })).body as { actor: string; subject: string }[];
    expect(log.find((x) => x.subject === issued.body.ticket.id)?.actor).toBe('device:keypad-5');
    const byKeypad = (await s.api('GET', `/api/audit?actor=${encodeURIComponent('device:keypad-5')}`, { token: admin })).body as { type: string }[];
    expect(byKeypad.map((x) => x.type)).toContain('ticket.called');
  });
});
