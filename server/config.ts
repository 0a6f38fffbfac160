/**
 * Start-up configuration: the environment (`HALLQ_*`, CONTRACT.md "Starting the server") and the
 * optional hall config file (`HALLQ_CONFIG`, JSON). Both validated here; unknown keys refused with
 * a message naming them. Secrets are never logged.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_HOURS, type HoursConfig } from './engine/calendar.js';
import { HoursSchema } from './config/hours.js';
import { BookingSchema } from './config/booking.js';
import { PolicySectionSchema } from './config/policy.js';
import { zone } from './config/fields.js';
import { PlatformSchema, SmsSchema } from './engine/platform-config.js';
import { DEFAULT_POLICY } from './engine/policy.js';
import { CatalogConfig, DEFAULT_NOTICES, NoticesConfig } from '../protocol/schemas.js';
import { checkDevicesConfig, devicesConfigShape } from './devices/config.js';

export const HallConfigSchema = z
  .strictObject({
    hall: z.strictObject({ name: z.string().min(1).max(64) }).default({ name: '政务服务中心' }),
    hours: HoursSchema.default({}),
    booking: BookingSchema.default({}),
    policy: PolicySectionSchema.default({}),
    /** the public base URL printed on tickets (the QR of the ticket's status page); default: the server's own */
    publicUrl: z.string().url().optional(),
    /** online backups of the database (docs/operations.md): a folder, hours between them (0: on demand only), how many kept */
    backup: z.strictObject({
      dir: z.string().min(1),
      everyHours: z.number().min(0).max(24 * 7).default(24),
      keep: z.number().int().min(1).max(1000).default(14),
    }).optional(),
    /** printed on every ticket and shown on screens; default: today's two (DEFAULT_NOTICES) */
    notices: NoticesConfig.optional(),
    /** queues, services and windows imported into an empty hall at its first start (not a settings section: the catalog has its own endpoints) */
    catalog: CatalogConfig.optional(),
    ...devicesConfigShape,
    /** the province's platform: events pushed and pulled (docs/platform.md) */
    platform: PlatformSchema.optional(),
    /** booking SMS (docs/platform.md "SMS") */
    sms: SmsSchema.prefault({}),
  })
  .superRefine((cfg, ctx) => {
    checkDevicesConfig(cfg, ctx);
  });

export type HallConfig = z.infer<typeof HallConfigSchema>;
export { HoursSchema } from './config/hours.js';
export { BookingSchema } from './config/booking.js';
export { PolicySectionSchema } from './config/policy.js';

export function hoursOf(cfg: HallConfig, tz: string): HoursConfig {
  return { ...DEFAULT_HOURS, ...cfg.hours, tz: cfg.hours.tz ?? tz } as HoursConfig;
}

/** The hall's settings that take effect without a restart, from a whole config. */
export function liveSettings(cfg: HallConfig, tz: string) {
  return {
    hallName: cfg.hall.name,
    hours: hoursOf(cfg, tz),
    policy: { ...DEFAULT_POLICY, ...cfg.policy },
    booking: cfg.booking,
    notices: cfg.notices ?? DEFAULT_NOTICES,
    publicUrl: cfg.publicUrl ?? null,
    platform: cfg.platform ?? null,
    sms: cfg.sms,
  };
}

/** The config file's top-level keys that are settings sections (GET/PUT /api/config/:section): every key but the catalog. */
export const SECTIONS: readonly string[] = Object.keys(HallConfigSchema.shape).filter((k) => k !== 'catalog');
/** Sections that take effect only at the next start: the device drivers are built at start. */
export const RESTART_SECTIONS: ReadonlySet<string> = new Set([...Object.keys(devicesConfigShape), 'backup']);

/** A section whose value is not an object or a list (publicUrl): a PUT sends it as `{"value": …}`. */
export function isScalarSection(section: string): boolean {
  let t = (HallConfigSchema.shape as Record<string, z.ZodType>)[section];
  if (!t) return false;
  for (;;) {
    const def = t.def as { type: string; innerType?: z.ZodType };
    if ((def.type === 'optional' || def.type === 'default' || def.type === 'nullable' || def.type === 'prefault') && def.innerType) t = def.innerType;
    else return def.type !== 'object' && def.type !== 'array' && def.type !== 'record';
  }
}

/** The sections in effect, in the config file's shape: the defaults filled in, as the hall runs them. */
export function effectiveConfig(cfg: HallConfig, tz: string): Record<string, unknown> {
  const live = liveSettings(cfg, tz);
  const { catalog: _, ...sections } = cfg;
  return { ...sections, hours: live.hours, policy: live.policy, notices: [...live.notices] };
}

/** A whole config checked: the config, or its issues with their paths ('hours.weekend.0'). */
export function checkHallConfig(json: unknown): { ok: true; config: HallConfig } | { ok: false; issues: { path: string; message: string }[] } {
  const r = HallConfigSchema.safeParse(json ?? {});
  if (r.success) return { ok: true, config: r.data };
  return { ok: false, issues: r.error.issues.map((i) => ({ path: i.path.join('.') || '(root)', message: i.message })) };
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

function formatIssues(err: z.ZodError): string {
  return err.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
}

export function parseHallConfig(json: unknown, source = 'config'): HallConfig {
  const r = HallConfigSchema.safeParse(json ?? {});
  if (!r.success) throw new ConfigError(`invalid hall config (${source}):\n${formatIssues(r.error)}`);
  return r.data;
}

/** The file's JSON as written (which sections it names matters: only those seed the database). */
export function readHallConfigFile(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read hall config ${path}: ${(err as Error).message}`);
  }
}

export function loadHallConfig(path: string | undefined): HallConfig {
  if (!path) return parseHallConfig({}, 'defaults');
  return parseHallConfig(readHallConfigFile(path), path);
}

const EnvSchema = z.object({
  HALLQ_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HALLQ_HOST: z.string().default('127.0.0.1'),
  HALLQ_DB: z.string().default('./data/hallq.db'),
  HALLQ_CONFIG: z.string().optional(),
  HALLQ_ADMIN_PASSWORD: z.string().min(8, 'HALLQ_ADMIN_PASSWORD must be at least 8 characters').optional(),
  HALLQ_DEMO: z.enum(['0', '1']).optional(),
  HALLQ_DEMO_ALLDAY: z.enum(['0', '1']).optional(),
  HALLQ_CLOCK: z.enum(['system', 'manual']).default('system'),
  HALLQ_TZ: zone.default('Asia/Shanghai'),
  HALLQ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** the manual clock's start instant (tests) */
  HALLQ_NOW: z
    .string()
    .refine((t) => !Number.isNaN(Date.parse(t)), 'an instant, ISO 8601 (2026-11-23T09:00:00+08:00)')
    .optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(env: NodeJS.ProcessEnv): Env {
  const picked = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('HALLQ_')));
  const r = EnvSchema.safeParse(picked);
  if (!r.success) throw new ConfigError(`invalid environment:\n${formatIssues(r.error)}`);
  return r.data;
}
