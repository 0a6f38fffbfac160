import { describe, expect, it } from 'vitest';
import { AgentDevicesConfigSchema, forKiosk, DevicesConfigSchema } from '../../server/devices/config.js';
import { demoAgentConfig } from '../../agent/demo.js';
import { agentSettings, AgentConfigError } from '../../agent/env.js';

const messages = (input: unknown) => {
  const r = AgentDevicesConfigSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const kioskPc = {
  devices: [
    { id: 'printer', kind: 'printer', interface: 'serial:/dev/serial/by-id/usb-Printer-if00?baudRate=115200' },
    { id: 'reader', kind: 'idcard', path: '/dev/serial/by-id/usb-SAM-if00' },
    { id: 'scanner', kind: 'scanner', path: '/dev/serial/by-id/usb-QR-if00' },
  ],
};

describe("the device agent's config: the server's device entries without kiosk", () => {
  it("accepts a kiosk PC's printer, reader and scanner with the server's defaults, and binds them to a kiosk as the server would", () => {
    const cfg = AgentDevicesConfigSchema.parse(kioskPc);
    expect(cfg.devices.map((d) => d.kind)).toEqual(['printer', 'idcard', 'scanner']);
    expect(cfg.devices[0]).toMatchObject({ paperWidth: 80 });
    expect(cfg.devices[1]).toMatchObject({ baudRate: 115200 });
    // the same entries with a kiosk are a valid server `devices` list: one schema, one meaning
    expect(DevicesConfigSchema.parse(forKiosk(cfg, 'kiosk-3')).devices.every((d) => 'kiosk' in d && d.kiosk === 'kiosk-3')).toBe(true);
    expect(AgentDevicesConfigSchema.parse(demoAgentConfig()).devices).toHaveLength(3);
  });

  it('refuses a kiosk key, a LED screen, a bus, a duplicate id, a second printer and a relative path, naming each', () => {
    expect(messages({ devices: [{ ...kioskPc.devices[0], kiosk: 'kiosk-1' }] }).join('\n')).toMatch(/kiosk/);
    expect(messages({ devices: [{ id: 'led-1', kind: 'led', bus: 'b', address: 1, window: 1 }] })).not.toEqual([]);
    expect(messages({ ...kioskPc, buses: [] }).join('\n')).toMatch(/buses/);
    expect(messages({ devices: [kioskPc.devices[1], { ...kioskPc.devices[2], id: 'reader' }] }).join('\n')).toMatch(
      /duplicate id "reader"/,
    );
    expect(messages({ devices: [kioskPc.devices[0], { ...kioskPc.devices[0], id: 'printer-2' }] }).join('\n')).toMatch(/a second printer/);
    expect(messages({ devices: [{ ...kioskPc.devices[1], path: 'ttyUSB0' }] }).join('\n')).toMatch(/devices\.0\.path/);
    expect(messages({ devices: [] })).not.toEqual([]);
  });

  it('the environment: HALLQ_SERVER, HALLQ_TOKEN and HALLQ_AGENT_CONFIG are required (except the config under --demo)', () => {
    const token = 'x'.repeat(32);
    expect(() => agentSettings({ HALLQ_TOKEN: token }, [])).toThrow(/HALLQ_SERVER/);
    expect(() => agentSettings({ HALLQ_SERVER: 'http://10.0.0.1:8080' }, [])).toThrow(/HALLQ_TOKEN/);
    expect(() => agentSettings({ HALLQ_SERVER: 'http://10.0.0.1:8080', HALLQ_TOKEN: token }, [])).toThrow(/HALLQ_AGENT_CONFIG/);
    expect(() =>
      agentSettings({ HALLQ_SERVER: 'http://10.0.0.1:8080', HALLQ_TOKEN: token, HALLQ_AGENT_CONFIG: '/nonexistent.json' }, []),
    ).toThrow(AgentConfigError);
    const demo = agentSettings({ HALLQ_TOKEN: token }, ['--demo']);
    expect(demo).toMatchObject({ server: 'http://127.0.0.1:8080', demo: true });
    expect(demo.devices.devices.every((d) => ('path' in d ? d.path : d.interface).startsWith('sim://'))).toBe(true);
  });
});
