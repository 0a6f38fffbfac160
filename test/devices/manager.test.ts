import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { DeviceHealth } from '../../protocol/events.js';
import { createSimulatedBus } from '../../drivers/rs485/sim-bus.js';
import { LedSimulator } from '../../drivers/led/simulator.js';
import { brightnessAt } from '../../drivers/led/screen.js';
import { sampleCard } from '../../drivers/idcard/text.js';
import type { BindingInterface } from '../../drivers/serial/binding.js';
import type { TicketPrintJob } from '../../drivers/printer/types.js';
import { DevicesConfigSchema, type DevicesConfigInput } from '../../server/devices/config.js';
import { DeviceManager, type DeviceManagerOptions } from '../../server/devices/manager.js';
import { FakeHost } from './fake-host.js';
import { waitFor } from '../drivers/idcard/helpers.js';

const logger = pino({ level: 'silent' });
const fast = { initialMs: 20, maxMs: 80 };
let manager: DeviceManager | null = null;
const dirs: string[] = [];

afterEach(async () => {
  await manager?.stop();
  manager = null;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function make(config: DevicesConfigInput, extra: Partial<DeviceManagerOptions> = {}) {
  const host = new FakeHost();
  const dir = mkdtempSync(join(tmpdir(), 'hallq-prints-'));
  dirs.push(dir);
  manager = new DeviceManager({
    config: DevicesConfigSchema.parse(config),
    host,
    logger,
    demo: true,
    backoff: fast,
    panelPollMs: 10,
    cardPollMs: 10,
    printsDir: dir,
    ...extra,
  });
  const changes: DeviceHealth[] = [];
  manager.on('health', (h) => changes.push(h));
  return { host, manager, changes };
}

const statusOf = (m: DeviceManager, id: string) => m.health().find((h) => h.id === id)?.status;

/** window 5: a LED screen and a keypad on one simulated bus, fast enough for tests */
const windowFive: DevicesConfigInput = {
  buses: [{ id: 'bus', path: 'sim://bus', baudRate: 115200 }],
  devices: [
    { id: 'led-5', kind: 'led', bus: 'bus', address: 5, window: 5 },
    { id: 'keypad-5', kind: 'keypad', bus: 'bus', address: 105, window: 5 },
    { id: 'eval-5', kind: 'evaluator', bus: 'bus', address: 205, window: 5 },
  ],
};

const job: TicketPrintJob = {
  hallName: '测试政务服务中心',
  ticketNumber: 'A012',
  kind: 'walk-in',
  serviceName: '居民身份证办理',
  waitingAhead: 3,
  issuedAt: '2026-11-23T09:00:00+08:00',
  statusUrl: 'http://127.0.0.1:8080/t/abc',
  notices: ['过号请重新取号'],
};

describe('DeviceManager with simulators', () => {
  it('shows a called ticket on the simulated LED screen of that window', async () => {
    const { host, manager: m } = make(windowFive);
    await m.start();
    host.called(5, 'A012');
    await m.ledsIdle();
    expect(m.ledText(5)).toEqual({ line1: '请A012号', line2: '到5号窗口', blink: true });
    expect(statusOf(m, 'led-5')).toBe('online');
    expect(m.ledText(6)).toBeNull();
  });

  it('sets the screen brightness by the hall\'s time of day: bright by day, dimmed in the evening', async () => {
    let now = '10:00';
    const { host, manager: m } = make(windowFive, { localTime: () => now });
    await m.start();
    host.called(5, 'A012');
    await m.ledsIdle();
    const screen = m.simulators.screens.get('led-5')!;
    expect(screen.text().brightness).toBe(brightnessAt('10:00'));
    now = '20:00';
    m.refreshBrightness();
    await m.ledsIdle();
    expect(brightnessAt('20:00')).toBeLessThan(brightnessAt('10:00'));
    expect(screen.text()).toMatchObject({ brightness: brightnessAt('20:00'), line1: '请A012号' });
  });

  it('shows 暂停服务 when the window pauses, and keeps the call text while a ticket is current', async () => {
    const { host, manager: m } = make(windowFive);
    await m.start();
    host.called(5, 'A013');
    host.windowUpdated({ number: 5, current: { id: 't', number: 'A013', kind: 'walk-in', status: 'called', queueId: 'q', serviceId: 's', issuedAt: '', recalls: 0 } });
    await m.ledsIdle();
    expect(m.ledText(5)?.line1).toBe('请A013号');
    host.windowUpdated({ number: 5, status: 'paused' });
    await m.ledsIdle();
    expect(m.ledText(5)).toMatchObject({ line1: '暂停服务', blink: false });
  });

  it('issue 14: the call stops blinking once service starts; a closed window shows its idle text (its name)', async () => {
    const { host, manager: m } = make(windowFive);
    await m.start();
    host.called(5, 'A014');
    await m.ledsIdle();
    expect(m.ledText(5)).toMatchObject({ line1: '请A014号', blink: true });
    host.windowUpdated({ number: 5, current: { id: 't', number: 'A014', kind: 'walk-in', status: 'serving', queueId: 'q', serviceId: 's', issuedAt: '', recalls: 0 } });
    await m.ledsIdle();
    expect(m.ledText(5)).toEqual({ line1: '请A014号', line2: '到5号窗口', blink: false });
    host.windowUpdated({ number: 5, status: 'closed', name: '综合受理' });
    await m.ledsIdle();
    expect(m.ledText(5)).toEqual({ line1: '综合受理', line2: '', blink: false });
  });

  it('turns a keypad press into the window command for that window, with the keypad as device', async () => {
    const { host, manager: m } = make(windowFive);
    await m.start();
    await new Promise((r) => setTimeout(r, 50)); // first polls only sync the sequence number
    m.simulators.keypads.get('keypad-5')!.press('call-next');
    await waitFor(() => host.actions.length === 1);
    expect(host.actions[0]).toEqual({ window: 5, action: 'call-next', deviceId: 'keypad-5' });
    m.simulators.evaluators.get('eval-5')!.rate(5);
    await waitFor(() => host.ratings.length === 1);
    expect(host.ratings[0]).toEqual({ window: 5, rating: 5, deviceId: 'eval-5' });
  });

  it('keeps polling after the hall refuses a keypad command', async () => {
    const { host, manager: m } = make(windowFive);
    host.refuseActions = true;
    await m.start();
    await new Promise((r) => setTimeout(r, 50));
    const keypad = m.simulators.keypads.get('keypad-5')!;
    keypad.press('call-next');
    await waitFor(() => host.actions.length === 1);
    keypad.press('no-show');
    await waitFor(() => host.actions.length === 2);
    expect(host.actions[1].action).toBe('no-show');
  });

  it('forwards an ID card and a QR scan to the kiosk they are bound to', async () => {
    const { host, manager: m } = make({
      devices: [
        { id: 'reader-1', kind: 'idcard', path: 'sim://idcard-1', kiosk: 'kiosk-1' },
        { id: 'scanner-2', kind: 'scanner', path: 'sim://scanner-2', kiosk: 'kiosk-2' },
      ],
    });
    await m.start();
    expect(statusOf(m, 'reader-1')).toBe('online');
    const card = sampleCard();
    m.simulators.idcards.get('reader-1')!.place(card);
    m.simulators.scanners.get('scanner-2')!.scan('HQ1.bk1.sig');
    await waitFor(() => host.scans.length === 2);
    expect(host.scans).toEqual(
      expect.arrayContaining([
        { kiosk: 'kiosk-1', event: { source: 'idcard', value: card.idNumber } },
        { kiosk: 'kiosk-2', event: { source: 'qr', value: 'HQ1.bk1.sig' } },
      ]),
    );
  });

  it('prints on the virtual printer of the kiosk and reports paper-out in health', async () => {
    const { manager: m } = make({ devices: [{ id: 'printer-1', kind: 'printer', interface: 'sim://p1', kiosk: 'kiosk-1' }] });
    await m.start();
    expect(statusOf(m, 'printer-1')).toBe('online');
    const ok = await m.printTicket('kiosk-1', job);
    expect(ok.ok).toBe(true);
    expect(m.simulators.printers.get('printer-1')!.jobs()[0].text).toContain('A012');
    m.simulators.printers.get('printer-1')!.setMode('paper-out');
    const out = await m.printTicket('kiosk-1', job);
    expect(out).toMatchObject({ ok: false, fault: 'paper-out' });
    expect(statusOf(m, 'printer-1')).toBe('paper-out');
    await m.simulators.printers.get('printer-1')!.settled();
  });

  it('answers offline at once for a kiosk without a printer', async () => {
    const { manager: m } = make({});
    await m.start();
    await expect(m.printTicket('kiosk-9', job)).resolves.toMatchObject({ ok: false, fault: 'offline' });
  });
});

describe('DeviceManager with a dead device', () => {
  it('starts with a bus that cannot open, marks it and its devices offline, and recovers when it can', async () => {
    const sim = createSimulatedBus({ baudRate: 115200 });
    const screen = new LedSimulator(5);
    sim.attach(screen);
    let plugged = false;
    const flaky: BindingInterface = {
      list: () => sim.binding.list(),
      open: (o) => (plugged ? sim.binding.open(o) : Promise.reject(new Error('ENOENT: no such file'))),
    };
    const { host, manager: m, changes } = make(
      { buses: [{ id: 'bus', path: sim.path, baudRate: 115200 }], devices: [{ id: 'led-5', kind: 'led', bus: 'bus', address: 5, window: 5 }] },
      { bindingFor: () => flaky },
    );
    await m.start(); // resolves although the bus is dead
    expect(statusOf(m, 'bus')).toBe('offline');
    expect(statusOf(m, 'led-5')).toBe('offline');
    host.called(5, 'A001'); // does not throw, does not wait
    plugged = true;
    await waitFor(() => statusOf(m, 'bus') === 'online');
    // the call made while the bus was down is shown once it is back
    await waitFor(() => screen.text().line1 === '请A001号');
    await waitFor(() => statusOf(m, 'led-5') === 'online');
    expect(changes.some((h) => h.id === 'bus' && h.status === 'online')).toBe(true);
  });

  it('marks a LED screen that does not answer offline without blocking later calls', async () => {
    const { host, manager: m } = make({
      buses: [{ id: 'bus', path: 'sim://bus', baudRate: 115200 }],
      devices: [
        { id: 'led-5', kind: 'led', bus: 'bus', address: 5, window: 5 },
        { id: 'led-6', kind: 'led', bus: 'bus', address: 6, window: 6 },
      ],
    });
    await m.start();
    const bus = m.simulators.buses.get('bus')!;
    bus.detach(m.simulators.screens.get('led-5')!); // screen 5 loses power
    host.called(5, 'A002');
    host.called(6, 'A003');
    await m.ledsIdle();
    expect(statusOf(m, 'led-5')).toBe('offline');
    expect(m.ledText(6)?.line1).toBe('请A003号');
  });
});

describe('DeviceManager with a reader plugged in late', () => {
  it('reports an ID card reader offline, then online once it can be opened, and forwards its scans', async () => {
    const { host, manager: m } = make({ devices: [{ id: 'reader-1', kind: 'idcard', path: 'sim://idcard-1', kiosk: 'kiosk-1' }] });
    m.simulators.peers.unplug('sim://idcard-1');
    await m.start();
    expect(statusOf(m, 'reader-1')).toBe('offline');
    m.simulators.peers.plug('sim://idcard-1');
    await waitFor(() => statusOf(m, 'reader-1') === 'online');
    m.simulators.idcards.get('reader-1')!.place(sampleCard());
    await waitFor(() => host.scans.length === 1);
    expect(host.scans[0].kiosk).toBe('kiosk-1');
  });
});
