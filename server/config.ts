/**
 * Start-up configuration: the environment (`HALLQ_*`, CONTRACT.md "Starting the server") and the
 * optional hall config file (`HALLQ_CONFIG`, JSON). Both validated here; unknown keys refused with
 * a message naming them. Secrets are never logged.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { DEFAULT_HOURS, parseDate, toMinutes, type HoursConfig } from './engine/calendar.js';
import { PolicySchema } from './engine/policy.js';
import { checkDevicesConfig, devicesConfigShape } from './devices/config.js';

/**
 * Config faults are refused here, at start, with the path of the key: a value the schema let through
 * would otherwise fail later, as a RangeError on every request that reads it (a session that ends
 * before it starts, an unknown time zone, a date that does not exist).
 */
type Issues = z.RefinementCtx;
type Path = (string | number)[];

/** 'HH:MM', 00:00–24:00 ('24:00' = the end of the day: only a session's end can use it) */
const hhmm = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'HH:MM, 00:00–24:00');
const range = z.tuple([hhmm, hhmm]);
/** a month and day that exist in some year (02-29 included) */
const mmdd = z.string().refine((md) => isDate(`2024-${md}`), 'MM-DD, a day of the year');

function isDate(date: string): boolean {
  try {
    parseDate(date);
    return true;
  } catch {
    return false; // parseDate's RangeError is the answer: not a date
  }
}

/** Intl is the calendar's only source of zones: a zone it does not know would throw on every lookup. */
function isKnownZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false; // RangeError: unknown zone
  }
}

const zone = z.string().refine(isKnownZone, 'an IANA time zone that this Node knows, e.g. Asia/Shanghai');

/**
 * Each session must start before it ends, and no two may overlap (in any order: the calendar sorts
 * them). `ordered`: the sessions must also follow one another in the listed order (am before pm).
 */
function checkSessions(sessions: { path: Path; range: [string, string] }[], ctx: Issues, ordered = false): void {
  const valid: { path: Path; start: number; end: number; text: string }[] = [];
  for (const { path, range } of sessions) {
    // zod runs this check even when a time failed its format: that issue is reported already
    if (!range.every((t) => hhmm.safeParse(t).success)) continue;
    const [start, end] = range.map(toMinutes);
    const text = range.join('–');
    if (start >= end) ctx.addIssue({ code: 'custom', path, message: `session ${text} ends before it starts` });
    else valid.push({ path, start, end, text });
  }
  const list = ordered ? valid : [...valid].sort((a, b) => a.start - b.start);
  for (let i = 1; i < list.length; i++) {
    const [prev, cur] = [list[i - 1], list[i]];
    if (cur.start < prev.end) {
      const message =
        ordered && cur.end <= prev.start
          ? `session ${cur.text} must come after ${prev.text} (${prev.path.join('.')})`
          : `session ${cur.text} overlaps ${prev.text} (${prev.path.join('.')})`;
      ctx.addIssue({ code: 'custom', path: cur.path, message });
    }
  }
}

const HoursSchema = z
  .strictObject({
    tz: zone.optional(),
    summer: z.strictObject({ am: range, pm: range }).optional(),
    winter: z.strictObject({ am: range, pm: range }).optional(),
    summerFrom: mmdd.optional(),
    winterFrom: mmdd.optional(),
    lunch: z.boolean().optional(),
    eveningMinutes: z.number().int().min(0).max(240).optional(),
    weekend: z.array(range).optional(),
    holiday: z.strictObject({ sessions: z.array(range), appointmentOnly: z.boolean() }).optional(),
    closedExceptions: z.boolean().optional(),
    overrides: z
      .record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.enum(['workday', 'weekend', 'holiday', 'makeup-workday', 'closed']))
      .optional(),
  })
  .superRefine((h, ctx) => {
    for (const season of ['summer', 'winter'] as const) {
      const s = h[season];
      if (s)
        checkSessions(
          [
            { path: [season, 'am'], range: s.am },
            { path: [season, 'pm'], range: s.pm },
          ],
          ctx,
          true,
        );
    }
    if (h.weekend)
      checkSessions(
        h.weekend.map((r, i) => ({ path: ['weekend', i], range: r })),
        ctx,
      );
    if (h.holiday)
      checkSessions(
        h.holiday.sessions.map((r, i) => ({ path: ['holiday', 'sessions', i], range: r })),
        ctx,
      );
    for (const date of Object.keys(h.overrides ?? {})) {
      if (!isDate(date)) ctx.addIssue({ code: 'custom', path: ['overrides', date], message: `no such date: ${date}` });
    }
  });

/** policy.phoneDeadline is a time of day ('24:00' is not: it would be the next day's 00:00) */
function checkPolicy(policy: { phoneDeadline?: string }, ctx: Issues): void {
  const t = policy.phoneDeadline;
  if (t !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(t)) {
    ctx.addIssue({ code: 'custom', path: ['policy', 'phoneDeadline'], message: `HH:MM, 00:00–23:59, got ${JSON.stringify(t)}` });
  }
}

export const HallConfigSchema = z
  .strictObject({
    hall: z.strictObject({ name: z.string().min(1).max(64) }).default({ name: '政务服务中心' }),
    hours: HoursSchema.default({}),
    policy: PolicySchema.partial().default({}),
    /** the public base URL printed on tickets (the QR of the ticket's status page); default: the server's own */
    publicUrl: z.string().url().optional(),
    ...devicesConfigShape,
  })
  .superRefine((cfg, ctx) => {
    checkPolicy(cfg.policy, ctx);
    checkDevicesConfig(cfg, ctx);
  });

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
