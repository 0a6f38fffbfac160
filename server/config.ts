/**
 * Start-up configuration: the environment (`HALLQ_*`, CONTRACT.md "Starting the server") and the
 * optional hall config file (`HALLQ_CONFIG`, JSON). Both validated here; unknown keys refused with
 * a message naming them. Secrets are never logged.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_HOURS, type HoursConfig } from './engine/calendar.js';
import { PolicySchema } from './engine/policy.js';
import { checkDevicesConfig, devicesConfigShape } from './devices/config.js';

const hhmm = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'HH:MM');
const range = z.tuple([hhmm, hhmm]);
const mmdd = z.string().regex(/^\d{2}-\d{2}$/, 'MM-DD');

const HoursSchema = z.strictObject({
  tz: z.string().optional(),
  summer: z.strictObject({ am: range, pm: range }).optional(),
  winter: z.strictObject({ am: range, pm: range }).optional(),
  summerFrom: mmdd.optional(),
  winterFrom: mmdd.optional(),
  lunch: z.boolean().optional(),
  eveningMinutes: z.number().int().min(0).max(240).optional(),
  weekend: z.array(range).optional(),
  holiday: z.strictObject({ sessions: z.array(range), appointmentOnly: z.boolean() }).optional(),
  closedExceptions: z.boolean().optional(),
  overrides: z.record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.enum(['workday', 'weekend', 'holiday', 'makeup-workday', 'closed'])).optional(),
});

export const HallConfigSchema = z
  .strictObject({
    hall: z.strictObject({ name: z.string().min(1).max(64) }).default({ name: '政务服务中心' }),
    hours: HoursSchema.default({}),
    policy: PolicySchema.partial().default({}),
    /** the public base URL printed on tickets (the QR of the ticket's status page); default: the server's own */
    publicUrl: z.string().url().optional(),
    /** online backups of the database (docs/operations.md): a folder, hours between them (0: on demand only), how many kept */
    backup: z.strictObject({
      dir: z.string().min(1),
      everyHours: z.number().min(0).max(24 * 7).default(24),
      keep: z.number().int().min(1).max(1000).default(14),
    }).optional(),
    ...devicesConfigShape,
  })
  .superRefine((cfg, ctx) => checkDevicesConfig(cfg, ctx));

export type HallConfig = z.infer<typeof HallConfigSchema>;

export function hoursOf(cfg: HallConfig, tz: string): HoursConfig {
  return { ...DEFAULT_HOURS, ...cfg.hours, tz: cfg.hours.tz ?? tz } as HoursConfig;
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

export function loadHallConfig(path: string | undefined): HallConfig {
  if (!path) return parseHallConfig({}, 'defaults');
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new ConfigError(`cannot read hall config ${path}: ${(err as Error).message}`);
  }
  return parseHallConfig(json, path);
}

const EnvSchema = z.object({
  HALLQ_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HALLQ_HOST: z.string().default('127.0.0.1'),
  HALLQ_DB: z.string().default('./data/hallq.db'),
  HALLQ_CONFIG: z.string().optional(),
  HALLQ_ADMIN_PASSWORD: z.string().min(8, 'HALLQ_ADMIN_PASSWORD must be at least 8 characters').optional(),
  HALLQ_DEMO: z.enum(['0', '1']).optional(),
  HALLQ_CLOCK: z.enum(['system', 'manual']).default('system'),
  HALLQ_TZ: z.string().default('Asia/Shanghai'),
  HALLQ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** the manual clock's start instant (tests) */
  HALLQ_NOW: z.string().optional(),
});

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(env: NodeJS.ProcessEnv): Env {
  const picked = Object.fromEntries(Object.entries(env).filter(([k]) => k.startsWith('HALLQ_')));
  const r = EnvSchema.safeParse(picked);
  if (!r.success) throw new ConfigError(`invalid environment:\n${formatIssues(r.error)}`);
  return r.data;
}
