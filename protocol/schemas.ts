/** Request bodies and query strings, validated at the edge (CONTRACT.md "Endpoints"). */
import { z } from 'zod';

export const requestId = z.string().min(1).max(64);
const id = z.string().min(1).max(64);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const slot = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');
const hhmm = slot;

export const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
export const CreateDeviceBody = z.object({
  kind: z.enum(['kiosk', 'display', 'platform']),
  name: z.string().min(1).max(64),
  /** a name already registered: revoke the old token instead of refusing (CONTRACT.md "Devices") */
  replace: z.boolean().optional(),
});

export const IssueTicketBody = z.object({ serviceId: id, requestId: requestId.optional() });
export const CheckinBody = z.union([
  z.object({ qr: z.string().min(1).max(256), requestId: requestId.optional() }),
  z.object({ idNumber: z.string().min(1).max(32), serviceId: id.optional(), requestId: requestId.optional() }),
]);

export const SlotsQuery = z.object({ serviceId: id, date });
export const BookingsQuery = z.object({ date, q: z.string().max(64).optional() });
export const CreateBookingBody = z.object({
  name: z.string().trim().min(1).max(32),
  idNumber: z.string().trim().min(1).max(32),
  phone: z.string().trim().min(1).max(20),
  serviceId: id,
  date,
  slot,
  channel: z.enum(['online', 'phone', 'onsite']),
  requestId: requestId.optional(),
});
export const CancelBookingBody = z.object({ by: z.enum(['citizen', 'hall']), reason: z.string().max(200).optional() });
export const PardonBody = z.object({ reason: z.string().trim().min(1).max(200) });

export const CallNextBody = z.object({ mode: z.enum(['normal', 'reservation']).optional() }).default({});
export const TransferBody = z.union([z.object({ queueId: id }), z.object({ windowId: id })]);
export const PauseBody = z.object({ reason: z.string().trim().min(1).max(100) });
export const ModeBody = z.object({ mode: z.enum(['normal', 'reservation']) });
export const CallTicketBody = z.object({ reason: z.string().max(200).optional() }).default({});
export const ReportQuery = z.object({ date });
export const ClockBody = z.object({ now: z.string().min(10).max(40) });

export const QueueBody = z.object({
  name: z.string().trim().min(1).max(32),
  nameEn: z.string().max(64).optional(),
  prefix: z.string().regex(/^[A-Z]$/),
  sortOrder: z.number().int().min(0).max(1000).optional(),
});
export const ServiceBody = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(64),
  nameEn: z.string().max(128).optional(),
  queueId: id,
  bookable: z.boolean().default(true),
  extended: z.boolean().default(false),
  slotCapacity: z.number().int().min(0).max(1000).default(4),
  phone: z.string().max(32).optional(),
  windowLabel: z.string().max(64).optional(),
});
export const WindowBody = z.object({
  number: z.number().int().min(1).max(9999),
  name: z.string().trim().min(1).max(32),
  queueIds: z.array(id).max(26),
  reservationOnly: z.boolean().default(false),
});

export { date as DateString, slot as SlotString, hhmm as HHMM };

// — accounts (CONTRACT.md "Additions for running a real hall": Accounts)
const role = z.enum(['staff', 'lead', 'admin']);
const password = z.string().min(1).max(256);
export const CreateUserBody = z.object({
  username: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(32),
  role,
  password,
  windowIds: z.array(id).max(100).optional(),
  requestId: requestId.optional(),
});
export const UpdateUserBody = z.object({
  name: z.string().trim().min(1).max(32).optional(),
  role: role.optional(),
  windowIds: z.array(id).max(100).optional(),
  active: z.boolean().optional(),
});
export const SetPasswordBody = z.object({ password });
export const ChangePasswordBody = z.object({ oldPassword: password, newPassword: password });
