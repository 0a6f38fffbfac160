import { describe, expect, it } from 'vitest';
import { DevicesConfigSchema } from '../../server/devices/config.js';
import { demoDevicesConfig } from '../../server/devices/demo.js';

const contractExample = {
  buses: [{ id: 'rs485-1', path: '/dev/serial/by-id/usb-FTDI_FT232R-if00-port0', baudRate: 9600 }],
  devices: [
    { id: 'printer-1', kind: 'printer', interface: 'tcp://127.0.0.1:9100', kiosk: 'kiosk-1', paperWidth: 80 },
    { id: 'led-5', kind: 'led', bus: 'rs485-1', address: 5, window: 5 },
    { id: 'keypad-5', kind: 'keypad', bus: 'rs485-1', address: 105, window: 5 },
    { id: 'reader-1', kind: 'idcard', path: '/dev/serial/by-id/usb-SAM-if00', kiosk: 'kiosk-1' },
  ],
};

const messages = (input: unknown) => {
  const r = DevicesConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('DevicesConfigSchema', () => {
  it('accepts the CONTRACT.md example and fills defaults', () => {
    const cfg = DevicesConfigSchema.parse(contractExample);
    expect(cfg.devices[3]).toMatchObject({ kind: 'idcard', baudRate: 115200 });
    expect(cfg.devices).toHaveLength(4);
  });

  it('defaults both arrays to empty', () => {
    expect(DevicesConfigSchema.parse({})).toEqual({ buses: [], devices: [] });
  });

  it('refuses an unknown key with its path', () => {
    const bad = structuredClone(contractExample) as { devices: Record<string, unknown>[] };
    bad.devices[1].adress = 6;
    expect(messages(bad).join('\n')).toMatch(/devices\.1.*adress/);
  });

  it('refuses an unknown kind, an unknown bus and a slave address used twice', () => {
    expect(messages({ devices: [{ id: 'x', kind: 'fan', path: '/dev/x', kiosk: 'k' }] })).not.toEqual([]);
    expect(messages({ devices: [{ id: 'l', kind: 'led', bus: 'nope', address: 1, window: 1 }] }).join()).toMatch(/unknown bus "nope"/);
    const twice = structuredClone(contractExample);
    twice.devices[2] = { id: 'keypad-5', kind: 'keypad', bus: 'rs485-1', address: 5, window: 5 };
    expect(messages(twice).join()).toMatch(/address 5 used twice/);
  });

  it('refuses duplicate ids and relative device paths', () => {
    const dup = structuredClone(contractExample);
    dup.devices[1].id = 'printer-1';
    expect(messages(dup).join()).toMatch(/duplicate id "printer-1"/);
    expect(messages({ buses: [{ id: 'b', path: 'ttyUSB0' }] }).join()).toMatch(/buses\.0\.path/);
  });

  it('accepts the demo config it generates', () => {
    const demo = demoDevicesConfig([1, 2, 48], ['kiosk-1', 'kiosk-2']);
    expect(DevicesConfigSchema.parse(demo)).toEqual(demo);
    // window 48's evaluator would need slave address 248, beyond Modbus's 247
    expect(demo.devices.filter((d) => d.kind === 'evaluator').map((d) => d.window)).toEqual([1, 2]);
  });
});
