/**
 * Who may do what (DESIGN.md "Privacy and safety": every action of staff and every device has an
 * identity and a role). One table, checked by the hall below HTTP, so a keypad, an evaluator or a
 * kiosk PC's agent acts as itself; the HTTP layer reads the same table to refuse early.
 */
import type { DeviceKind, Role } from '../../protocol/domain.js';

/** A device attached to the hall server that acts at one window (RS-485 caller keypad, evaluator). */
export type AttachedDeviceRole = 'keypad' | 'evaluator';
/** 'ticket-holder': whoever opened a ticket's QR status page (no token: the unguessable ticket id is the proof) */
export type ActorRole = Role | DeviceKind | AttachedDeviceRole | 'system' | 'ticket-holder';

/** Who acts: a signed-in user, a registered device, a device attached to the server, or the hall's own timers. */
export interface Actor {
  kind: 'user' | 'device' | 'system' | 'citizen';
  id: string;
  role: ActorRole;
  name?: string;
  /** the windows a staff member, keypad or evaluator acts at */
  windowIds?: string[];
}

export const SYSTEM: Actor = { kind: 'system', id: 'system', role: 'system' };
/** the citizen holding a ticket, rating it from its QR page (logged as `citizen:qr`) */
export const TICKET_HOLDER: Actor = { kind: 'citizen', id: 'qr', role: 'ticket-holder' };
export const actorTag = (a: Actor) => `${a.kind}:${a.id}`;

const STAFF_UP = ['staff', 'lead', 'admin'] as const;
const LEAD_UP = ['lead', 'admin'] as const;
const ANY = ['staff', 'lead', 'admin', 'kiosk', 'display', 'platform'] as const;

/** Every command and query of the hall with the roles that may run it ('system' may run all). */
export const PERMISSIONS = {
  'hall.read': ANY,
  'catalog.edit': ['admin'],
  'ticket.issue': ['kiosk', ...STAFF_UP],
  'ticket.print': ['kiosk'],
  'checkin': ['kiosk', ...STAFF_UP],
  'booking.create-online': ['platform', 'admin'],
  'booking.create-by-staff': STAFF_UP,
  'booking.read': STAFF_UP,
  'booking.cancel': [...STAFF_UP, 'platform'],
  'credit.read': STAFF_UP,
  'credit.pardon': ['admin'],
  /** the list of people barred this month (masked) */
  'credit.barred': ['admin'],
  /** call-next, recall, start, finish, no-show, transfer, pause, resume, mode, sign in and out */
  'window.operate': [...STAFF_UP, 'keypad'],
  'window.read': STAFF_UP,
  'window.call-ticket': LEAD_UP,
  'window.rate': ['evaluator', ...STAFF_UP],
  'report.read': STAFF_UP,
  'devices.health': STAFF_UP,
  'devices.manage': ['admin'],
  'users.manage': ['admin'],
  'audit.read': ['admin'],
  /** make and list backups of the database */
  'backups.manage': ['admin'],
  'calendar.edit': ['admin'],
  /** GET /api/config; PUT /api/config/:section and POST /api/config/apply */
  'settings.read': ['admin'],
  'settings.edit': ['admin'],
  'self.password': STAFF_UP,
  // 好差评 (issue 16): a display rates only as its window's pad (checked by the hall)
  'evaluation.create': ['display', 'evaluator', 'ticket-holder', ...STAFF_UP],
  'evaluation.read': LEAD_UP,
  'evaluation.follow-up': LEAD_UP,
  /** a display device says which window's evaluator pad it is */
  'evaluation.pad': ['display'],
  /** GET /api/reports and its export (issue 15): staff see only their own windows' rows */
  'report.period': STAFF_UP,
  'report.export': STAFF_UP,
  // platform link and SMS (issue 17)
  /** GET /api/events: the platform's stream, pulled */
  'platform.events': ['platform', 'admin'],
  'platform.status': ['admin'],
  'platform.resend': ['admin'],
  /** GET /api/sms: the messages sent, phones masked */
  'sms.read': ['admin'],
  /** GET /api/reports/live: the lead's running figures of today */
  'report.live': LEAD_UP,
  /** the demo panel: a kiosk's simulated reader and scanner, its virtual printer's tickets (demo only) */
  'demo.devices': ['admin'],
  // booking desk (issue 19): 派单 by the 管理科; 签收 and calls by the window (the hall checks which window)
  'booking.dispatch': LEAD_UP,
  'booking.sign': STAFF_UP,
  'booking.contact': STAFF_UP,
  'booking.desk': STAFF_UP,
  // booking changes, 办理情况 and 上门办 (issue 19)
  /** ask to move a booking (004 (4)); the requester may withdraw the request */
  'booking.reschedule-request': STAFF_UP,
  /** list, approve or refuse the requests (政务服务管理科) */
  'booking.reschedule-decide': LEAD_UP,
  /** 办理情况 by hand: staff only for their window's ticket or their own visit (checked by the hall) */
  'booking.service-record': STAFF_UP,
  /** give a visit (上门办) to a staff member */
  'booking.assign': LEAD_UP,
  /** GET /api/visits: staff see their own */
  'visit.read': STAFF_UP,
  // forms and the duty roster (issue 19)
  /** GET /api/roster: the day's 上岗表 */
  'roster.read': STAFF_UP,
  /** POST and DELETE /api/roster */
  'roster.edit': LEAD_UP,
  /** GET /api/forms/*: staff see their own windows' bookings in clear (audited), leads and admins all */
  'form.read': STAFF_UP,
} as const satisfies Record<string, readonly ActorRole[]>;

export type Command = keyof typeof PERMISSIONS;

/** Commands that act at one window: staff, keypads and evaluators only at their own windows. */
const AT_A_WINDOW: ReadonlySet<Command> = new Set<Command>(['window.operate', 'window.rate']);
const BOUND_TO_WINDOWS: ReadonlySet<ActorRole> = new Set<ActorRole>(['staff', 'keypad', 'evaluator']);

export type AuthzRefusal = 'forbidden' | 'window-not-yours';

/** null when `actor` may run `command` (at `windowId`, for window commands); else the refusal's code. */
export function refusal(actor: Actor, command: Command, windowId?: string): AuthzRefusal | null {
  if (actor.role === 'system') return null;
  if (!(PERMISSIONS[command] as readonly ActorRole[]).includes(actor.role)) return 'forbidden';
  if (AT_A_WINDOW.has(command) && BOUND_TO_WINDOWS.has(actor.role) && windowId !== undefined && !actor.windowIds?.includes(windowId))
    return 'window-not-yours';
  return null;
}

export const may = (actor: Actor, command: Command, windowId?: string) => refusal(actor, command, windowId) === null;
