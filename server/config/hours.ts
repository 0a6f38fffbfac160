/**
 * The `hours` section of the hall config (docs/configuration.md): the built-in 003-style hours
 * (seasons, lunch, evening, weekend, holiday) and the rules that replace them per kind of day
 * (`days`), named lunar closures and per-date overrides. Exported for PUT /api/config/hours.
 */
import { z } from 'zod';
import { checkSessions, hhmm, isDate, isoWeekday, mmdd, range, zone, type Issues, type Path } from './fields.js';

const SessionRuleSchema = z.strictObject({
  kind: z.enum(['regular', 'lunch', 'early', 'evening', 'weekend', 'holiday']),
  start: hhmm,
  end: hhmm,
  extendedOnly: z.boolean().optional(),
  appointmentOnly: z.boolean().optional(),
});
type SessionRule = z.infer<typeof SessionRuleSchema>;

const DayRuleSchema = z
  .strictObject({
    weekdays: z.array(isoWeekday).min(1).optional(),
    sessions: z.array(SessionRuleSchema).optional(),
    summer: z.array(SessionRuleSchema).optional(),
    winter: z.array(SessionRuleSchema).optional(),
  })
  .superRefine((r, ctx) => {
    const seasonal = r.summer !== undefined || r.winter !== undefined;
    if (r.sessions !== undefined && seasonal)
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'either sessions or summer and winter, not both' });
    else if (seasonal && (r.summer === undefined || r.winter === undefined))
      ctx.addIssue({ code: 'custom', path: [r.summer ? 'winter' : 'summer'], message: 'summer and winter go together' });
    else if (!seasonal && r.sessions === undefined)
      ctx.addIssue({ code: 'custom', path: ['sessions'], message: 'sessions (or summer and winter) required; [] = closed' });
    for (const key of ['sessions', 'summer', 'winter'] as const) {
      const list = r[key];
      if (list) checkSessions(list.map((s: SessionRule, i) => ({ path: [key, i] as Path, range: [s.start, s.end] as [string, string] })), ctx);
    }
  });

const DayRulesSchema = z.array(DayRuleSchema).min(1);

const HoursBase = z
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
    days: z
      .strictObject({
        workday: DayRulesSchema.optional(),
        weekend: DayRulesSchema.optional(),
        holiday: DayRulesSchema.optional(),
        'makeup-workday': DayRulesSchema.optional(),
      })
      .optional(),
    closures: z
      .array(z.strictObject({ on: z.enum(['除夕', '正月初一', '清明', '端午', '中秋']), part: z.enum(['all', 'afternoon']) }))
      .optional(),
    overrides: z
      .record(z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.enum(['workday', 'weekend', 'holiday', 'makeup-workday', 'closed']))
      .optional(),
  });

export const HoursSchema = HoursBase.superRefine(checkHours);

function checkHours(h: z.infer<typeof HoursBase>, ctx: Issues): void {
  for (const season of ['summer', 'winter'] as const) {
    const s = h[season];
    if (s) checkSessions([{ path: [season, 'am'], range: s.am }, { path: [season, 'pm'], range: s.pm }], ctx, true);
  }
  if (h.weekend) checkSessions(h.weekend.map((r, i) => ({ path: ['weekend', i], range: r })), ctx);
  if (h.holiday) checkSessions(h.holiday.sessions.map((r, i) => ({ path: ['holiday', 'sessions', i], range: r })), ctx);
  for (const date of Object.keys(h.overrides ?? {})) {
    if (!isDate(date)) ctx.addIssue({ code: 'custom', path: ['overrides', date], message: `no such date: ${date}` });
  }
  const named = new Set<string>();
  (h.closures ?? []).forEach((c, i) => {
    if (named.has(c.on)) ctx.addIssue({ code: 'custom', path: ['closures', i, 'on'], message: `${c.on} is named twice` });
    named.add(c.on);
  });
}

export type HoursSection = z.infer<typeof HoursSchema>;
