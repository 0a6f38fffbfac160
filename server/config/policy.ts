/** The `policy` section of the hall config, as written (every key optional). Exported for PUT /api/config/policy. */
import { PolicySchema } from '../engine/policy.js';
import { timeOfDay } from './fields.js';

/** policy.phoneDeadline is a time of day ('24:00' is not: it would be the next day's 00:00) */
export const PolicySectionSchema = PolicySchema.partial().superRefine((policy, ctx) => {
  const t = policy.phoneDeadline;
  if (t !== undefined && !timeOfDay.safeParse(t).success) {
    ctx.addIssue({ code: 'custom', path: ['phoneDeadline'], message: `HH:MM, 00:00–23:59, got ${JSON.stringify(t)}` });
  }
});
