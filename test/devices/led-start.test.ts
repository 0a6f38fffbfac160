/** Issue 12: a LED screen shows its window's state from the start, so the demo's healthy screens report online (not 离线 "not opened yet"). */
import { afterEach, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { WindowState } from '../../protocol/domain.js';
import { DevicesConfigSchema } from '../../server/devices/config.js';
import { DeviceManager } from '../../server/devices/manager.js';
import { demoDevicesConfig } from '../../server/devices/demo.js';
import { HEALTH_TEXT } from '../../server/devices/health-text.js';
import { FakeHost } from './fake-host.js';

let manager: DeviceManager | null = null;
afterEach(async () => { await manager?.stop(); manager = null; });

const win = (number: number, over: Partial<WindowState> = {}): WindowState => ({ id: `w-${number}`, number, name: `${number}号窗口`, status: 'open', mode: 'normal', current: null, ...over });

function make(windows: WindowState[] | null) {
  const host = new FakeHost();
  if (windows) Object.assign(host, { windows: () => windows });
  const cfg = demoDevicesConfig([1, 2, 3], []);
  const m = new DeviceManager({ config: DevicesConfigSchema.parse({ ...cfg, buses: cfg.buses.map((b) => ({ ...b, baudRate: 115200 })) }), host, logger: pino({ level: 'silent' }), demo: true, panelPollMs: 10 });
  manager = m;
  return m;
}
const ledStatus = (m: DeviceManager) => m.health().filter((h) => h.kind === 'led').map((h) => [h.id, h.status, h.detail]);

describe('LED screens at start', () => {
  it('every screen on a working bus is written with its window\'s state at start and reports online', async () => {
    const m = make([win(1), win(2, { status: 'closed' }), win(3, { current: { id: 't', number: 'A007', kind: 'walk-in', status: 'called', queueId: 'qA', serviceId: 's', issuedAt: '', recalls: 0 } })]);
    await m.start();
    await expect.poll(() => ledStatus(m).every(([, s]) => s === 'online'), { timeout: 5000 }).toBe(true);
    await m.ledsIdle();
    expect(m.ledText(3)).toMatchObject({ line1: '请A007号' });
    expect(m.ledText(2)?.line1).toContain('2号窗口');
  });

  it('without the hall\'s windows a screen waits, said in Chinese first', async () => {
    const m = make(null);
    await m.start();
    expect(ledStatus(m)[0]).toEqual(['led-1', 'offline', HEALTH_TEXT.notOpened]);
    expect(HEALTH_TEXT.notOpened).toMatch(/^尚未连接/);
  });
});
