/**
 * The "buses" and "devices" arrays of the hall config file (CONTRACT.md "Hall config file").
 * Unknown keys are refused (strict objects), so a typo in a device entry fails at start with a
 * message naming it instead of a device silently not working.
 *
 * Paths: a serial device is named by an absolute path (`/dev/serial/by-id/…` survives re-plugging,
 * `/dev/ttyUSB0` does not); a printer may also be `tcp://host:port` or `serial:/dev/…?baudRate=N`. `sim://name` is a simulator
 * the device manager runs itself (the demo).
 */
import { z } from 'zod';

const id = z.string().min(1).max(64);
const devicePath = z
  .string()
  .regex(/^(\/|sim:\/\/)\S+$/, 'an absolute device path (/dev/serial/by-id/…) or sim://name');
const printerInterface = z
  .string()
  .regex(/^(tcp:\/\/[^\s:/]+:\d{1,5}|serial:\/\S+|\/\S+|sim:\/\/\S+)$/, 'tcp://host:port, serial:/dev/…?baudRate=9600, a device path (/dev/usb/lp0), or sim://name');
const slaveAddress = z.number().int().min(1).max(247);
const windowNumber = z.number().int().min(1).max(9999);
const kiosk = z.string().min(1).max(64);
const baudRate = z.number().int().min(1200).max(921600);

export const BusSchema = z.strictObject({ id, path: devicePath, baudRate: baudRate.default(9600) });

export const PrinterDeviceSchema = z.strictObject({
  id,
  kind: z.literal('printer'),
  interface: printerInterface,
  kiosk,
  paperWidth: z.union([z.literal(58), z.literal(80)]).default(80),
});
export const LedDeviceSchema = z.strictObject({ id, kind: z.literal('led'), bus: id, address: slaveAddress, window: windowNumber });
export const KeypadDeviceSchema = z.strictObject({ id, kind: z.literal('keypad'), bus: id, address: slaveAddress, window: windowNumber });
export const EvaluatorDeviceSchema = z.strictObject({ id, kind: z.literal('evaluator'), bus: id, address: slaveAddress, window: windowNumber });
/** SAM modules default to 115200 baud */
export const IdCardDeviceSchema = z.strictObject({ id, kind: z.literal('idcard'), path: devicePath, kiosk, baudRate: baudRate.default(115200) });
export const ScannerDeviceSchema = z.strictObject({ id, kind: z.literal('scanner'), path: devicePath, kiosk, baudRate: baudRate.default(9600) });

export const DeviceSchema = z.discriminatedUnion('kind', [
  PrinterDeviceSchema,
  LedDeviceSchema,
  KeypadDeviceSchema,
  EvaluatorDeviceSchema,
  IdCardDeviceSchema,
  ScannerDeviceSchema,
]);

/** The two keys as fields, for composing the whole hall config schema: `z.strictObject({ hall, ...devicesConfigShape })`. */
export const devicesConfigShape = {
  buses: z.array(BusSchema).default([]),
  devices: z.array(DeviceSchema).default([]),
};

type Issues = { addIssue(issue: { code: 'custom'; message: string; path: (string | number)[] }): void };

/**
 * Cross-references a schema cannot state field by field: unique ids, buses that exist, one
 * slave per (bus, address), at most one LED screen per window and one printer per kiosk.
 */
export function checkDevicesConfig(cfg: { buses: Bus[]; devices: Device[] }, ctx: Issues): void {
  const ids = new Set<string>();
  cfg.buses.forEach((b, i) => {
    if (ids.has(b.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${b.id}"`, path: ['buses', i, 'id'] });
    ids.add(b.id);
  });
  const busIds = new Set(cfg.buses.map((b) => b.id));
  const slaves = new Set<string>();
  const once = new Set<string>();
  cfg.devices.forEach((d, i) => {
    if (ids.has(d.id)) ctx.addIssue({ code: 'custom', message: `duplicate id "${d.id}"`, path: ['devices', i, 'id'] });
    ids.add(d.id);
    if ('bus' in d) {
      if (!busIds.has(d.bus)) ctx.addIssue({ code: 'custom', message: `unknown bus "${d.bus}"`, path: ['devices', i, 'bus'] });
      const key = `${d.bus}#${d.address}`;
      if (slaves.has(key)) ctx.addIssue({ code: 'custom', message: `address ${d.address} used twice on bus "${d.bus}"`, path: ['devices', i, 'address'] });
      slaves.add(key);
    }
    const single = d.kind === 'led' ? `led@${d.window}` : d.kind === 'printer' ? `printer@${d.kiosk}` : null;
    if (single) {
      if (once.has(single)) ctx.addIssue({ code: 'custom', message: `a second ${d.kind} for the same ${d.kind === 'led' ? 'window' : 'kiosk'}`, path: ['devices', i] });
      once.add(single);
    }
  });
}

export const DevicesConfigSchema = z.strictObject(devicesConfigShape).superRefine(checkDevicesConfig);

export type Bus = z.infer<typeof BusSchema>;
export type Device = z.infer<typeof DeviceSchema>;
export type PrinterDevice = z.infer<typeof PrinterDeviceSchema>;
export type LedDevice = z.infer<typeof LedDeviceSchema>;
export type KeypadDevice = z.infer<typeof KeypadDeviceSchema>;
export type EvaluatorDevice = z.infer<typeof EvaluatorDeviceSchema>;
export type IdCardDevice = z.infer<typeof IdCardDeviceSchema>;
export type ScannerDevice = z.infer<typeof ScannerDeviceSchema>;
export type DevicesConfig = z.infer<typeof DevicesConfigSchema>;
/** What a config file may say before defaults are filled in. */
export type DevicesConfigInput = z.input<typeof DevicesConfigSchema>;

/**
 * A kiosk PC's own devices, as its device agent's config file lists them (CONTRACT.md "Kiosk PC
 * device agent"): `{ "devices": [...] }` with the server's printer, ID card reader and scanner
 * entries, without `kiosk` (the agent's token names its kiosk). The entries are the schemas above
 * minus that one key, so a field means and is checked the same on both; the cross-checks are the same.
 */
export const AgentDevicesConfigSchema = z
  .strictObject({
    devices: z
      .array(
        z.discriminatedUnion('kind', [
          PrinterDeviceSchema.omit({ kiosk: true }),
          IdCardDeviceSchema.omit({ kiosk: true }),
          ScannerDeviceSchema.omit({ kiosk: true }),
        ]),
      )
      .min(1),
  })
  .superRefine((cfg, ctx) => checkDevicesConfig(forKiosk(cfg, AGENT_KIOSK), ctx));

/** the name the agent's own device manager knows its kiosk by (the server knows the real one) */
export const AGENT_KIOSK = 'this-kiosk';

export type AgentDevicesConfig = z.infer<typeof AgentDevicesConfigSchema>;

/** The agent's devices as the device manager takes them: each bound to `kiosk`. */
export function forKiosk(cfg: AgentDevicesConfig, kiosk: string): DevicesConfig {
  return { buses: [], devices: cfg.devices.map((d) => ({ ...d, kiosk })) };
}
