import { afterEach, describe, expect, it } from 'vitest';
import { ModbusBus } from '../../../drivers/rs485/bus.js';
import { createSimulatedBus, type WireFrame } from '../../../drivers/rs485/sim-bus.js';
import { ModbusExceptionError } from '../../../drivers/rs485/errors.js';
import { LedScreen } from '../../../drivers/led/screen.js';
import { LedSimulator } from '../../../drivers/led/simulator.js';

const buses: ModbusBus[] = [];
afterEach(async () => {
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

async function setup(baudRate = 115200) {
  const sim = createSimulatedBus({ baudRate });
  const frames: WireFrame[] = [];
  sim.onFrame((f) => frames.push(f));
  const bus = await ModbusBus.open({ path: sim.path, binding: sim.binding, baudRate });
  buses.push(bus);
  return { sim, bus, frames };
}

describe('LedScreen on a simulated bus', () => {
  it('shows a call as "请A012号" / "到5号窗口", blinking, after one commit', async () => {
    const { sim, bus } = await setup();
    const led = new LedSimulator(5);
    sim.attach(led);
    await new LedScreen(bus, 5, 5).showCall('A012', 5);
    expect(led.text()).toEqual({ line1: '请A012号', line2: '到5号窗口', blink: true, brightness: 12, windowNumber: 5 });
    expect(led.commits).toBe(1);
  });

  it('puts the profile frames on the wire: two 64-register lines, control + window, commit', async () => {
    const { sim, bus, frames } = await setup();
    sim.attach(new LedSimulator(7));
    await new LedScreen(bus, 7, 48).showCall('B003', 48);
    const master = frames.filter((f) => f.from === 'master').map((f) => f.bytes);
    expect(master.map((b) => b.subarray(0, 7).toString('hex'))).toEqual([
      '07100010004080', '07100050004080', '07100000000204', '07100100000102',
    ]);
    expect(master[0].length).toBe(9 + 128);
    expect(master[2].subarray(7, 11).toString('hex')).toBe('0c020030'); // brightness 12, blink; window 48
    expect(frames.filter((f) => f.from === 'slave').map((f) => f.bytes.length)).toEqual([8, 8, 8, 8]);
  });

  it('does not change what is shown until the commit arrives', async () => {
    const { sim, bus } = await setup();
    const led = new LedSimulator(5);
    sim.attach(led);
    const screen = new LedScreen(bus, 5, 5);
    await screen.showIdle('综合受理');
    await bus.writeRegisters(5, 0x0010, Buffer.from('c7eb', 'hex'));
    expect(led.text().line1).toBe('综合受理');
  });

  it('shows 暂停服务 when paused, the window name when idle, and nothing after clear', async () => {
    const { sim, bus } = await setup();
    const led = new LedSimulator(5);
    sim.attach(led);
    const screen = new LedScreen(bus, 5, 5);
    await screen.showCall('A012', 5);
    await screen.showPaused();
    expect(led.text()).toMatchObject({ line1: '暂停服务', line2: '5号窗口', blink: false });
    await screen.showIdle('5号窗口 不动产登记');
    expect(led.text()).toMatchObject({ line1: '5号窗口 不动产登记', line2: '', blink: false });
    await screen.clear();
    expect(led.text()).toMatchObject({ line1: '', line2: '', blink: false });
  });

  it('changes brightness without touching text or blink', async () => {
    const { sim, bus } = await setup();
    const led = new LedSimulator(5);
    sim.attach(led);
    const screen = new LedScreen(bus, 5, 5);
    await screen.showCall('A012', 5);
    await screen.setBrightness(6);
    expect(led.text()).toMatchObject({ line1: '请A012号', blink: true, brightness: 6 });
    await expect(screen.setBrightness(16)).rejects.toThrow(RangeError);
  });

  it('passes a screen fault on as ModbusExceptionError', async () => {
    const { sim, bus } = await setup();
    const led = new LedSimulator(5);
    led.failWith = 4;
    sim.attach(led);
    await expect(new LedScreen(bus, 5, 5).showCall('A012', 5)).rejects.toBeInstanceOf(ModbusExceptionError);
  });

  it('takes the wire time of the baud rate: a call at 9600 baud lasts at least its bytes × 10 / 9600', async () => {
    const { sim, bus, frames } = await setup(9600);
    sim.attach(new LedSimulator(5));
    const started = performance.now();
    await new LedScreen(bus, 5, 5).showCall('A012', 5);
    const bytes = frames.reduce((n, f) => n + f.bytes.length, 0);
    expect(bytes).toBe(137 + 137 + 13 + 11 + 4 * 8);
    expect(performance.now() - started).toBeGreaterThanOrEqual((bytes * 10 * 1000) / 9600 - 1);
  });

  it('keeps each screen\'s four frames together when two screens are called at once', async () => {
    const { sim, bus, frames } = await setup();
    sim.attach(new LedSimulator(1));
    sim.attach(new LedSimulator(2));
    await Promise.all([new LedScreen(bus, 1, 1).showCall('A001', 1), new LedScreen(bus, 2, 2).showCall('A002', 2)]);
    const order = frames.filter((f) => f.from === 'master').map((f) => f.bytes[0]);
    expect(order).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
  });

  it('never commits when a line write failed', async () => {
    const { sim, bus, frames } = await setup();
    const led = new LedSimulator(5);
    sim.attach(led);
    const screen = new LedScreen(bus, 5, 5);
    await screen.showIdle('综合受理');
    frames.length = 0;
    led.failWith = 6;
    await expect(screen.showCall('A012', 5)).rejects.toMatchObject({ code: 6 });
    led.failWith = null;
    expect(frames.filter((f) => f.from === 'master')).toHaveLength(1);
    expect(led.text().line1).toBe('综合受理');
  });
});
