/** Hall policy: every rule of DESIGN.md is configurable per hall; these are the defaults and their sources. */
import { z } from 'zod';

export const PolicySchema = z
  .object({
    /** DESIGN "Tickets and calling": auto = every window calls eligible reservations first; manual = only reservation mode */
    reservationPriority: z.enum(['auto', 'manual']).default('auto'),
    /** seed 002: check-in from 60 minutes before the slot */
    checkinOpensMinutes: z.number().int().min(0).max(600).default(60),
    /** seed 002 §(4): 超过约定时间30分钟而未到场 → forfeited */
    forfeitMinutes: z.number().int().min(1).max(600).default(30),
    /** a checked-in reservation jumps the queue from slot start minus this */
    eligibleBeforeMinutes: z.number().int().min(0).max(600).default(15),
    /** seed 002: at most 2 bookings per person per day */
    maxBookingsPerDay: z.number().int().min(1).max(20).default(2),
    /** seed 002: online at least 3 hours before the slot */
    onlineLeadHours: z.number().min(0).max(72).default(3),
    /** seed 002: phone/on-site before 16:30 of the previous working day */
    phoneDeadline: z.string().regex(/^\d{2}:\d{2}$/).default('16:30'),
    /** booking horizon in days */
    horizonDays: z.number().int().min(1).max(90).default(14),
    /** seed 002: the citizen may cancel up to 3 hours before */
    cancelLeadHours: z.number().min(0).max(72).default(3),
    /** seed 002: 当月累计三次爽约 → no bookings for the rest of the month */
    noShowLimit: z.number().int().min(1).max(31).default(3),
    /** default capacity of a booking slot when a service sets none */
    defaultSlotCapacity: z.number().int().min(0).max(1000).default(4),
    /** day-end closing runs this long after the last session ends (staff finish the people already inside) */
    dayEndGraceMinutes: z.number().int().min(0).max(600).default(60),
    /** 好差评 (issue 16): a bad rating is followed up within this many working days of the hall calendar (the province sets 5 or 15) */
    rectifyWorkingDays: z.number().int().min(1).max(60).default(5),
    /** the reasons a citizen taps for a bad rating (level 1–2); one at least is required */
    evaluationReasons: z.array(z.string().trim().min(1).max(20)).min(1).max(12)
      .refine((l) => new Set(l).size === l.length, '原因不能重复')
      .default(['等候时间太长', '办事效率低', '服务态度不好', '业务不熟练', '没有一次性告知', '材料要求反复', '办事指南不清楚', '设施环境不便']),
    /** reports: the share of served tickets that waited longer than this (issue 15; seed 004 办理时间和时长) */
    waitTargetMinutes: z.number().int().min(1).max(600).default(30),
    /** issue 19: a booking is postponed or changed only this many hours before the old and the new slot (seed 004 (4): 提前12小时告知) */
    rescheduleNoticeHours: z.number().min(0).max(168).default(12),
    /** issue 19: a single service longer than this is flagged in reports (seed 004 (3): 单人次不超过0.5个工作日) */
    maxServiceMinutes: z.number().int().min(10).max(1440).default(240),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export const DEFAULT_POLICY: Policy = PolicySchema.parse({});
