/**
 * The hall: the only writer, and a closed one. Each command checks who acts (`may`, below HTTP, so a
 * keypad or a kiosk PC's agent acts as itself), validates, runs one transaction, appends to the event
 * log, then emits typed events (`hall.events`) that the realtime layer and the devices listen to.
 * Routes and devices read through the read models here; nothing outside reaches the repositories.
 */
import type pino from 'pino';
import type { Clock } from './clock.js';
import type { Repos } from './db/repos.js';
import { HallError } from '../protocol/errors.js';
import { CALENDAR_MAX_DAYS, DEFAULT_NOTICES } from '../protocol/schemas.js';
import type { AuditEntry, Booking, CalendarDay, DeviceKind, HallWarning, WindowMode } from '../protocol/domain.js';
import { toIso } from './engine/time.js';
import { refusal, type Actor, type Command } from './engine/authz.js';
import { matchesBookingSearch } from './engine/booking-search.js';
import { calendarDays, daysBetween, missingHolidayYears } from './engine/calendar.js';
import { observeClock, startWatch, type ClockWatchState } from './engine/clock-watch.js';
import { createCore, record, type Core, type HallSettings } from './hall/core.js';
import type { RandomSource } from './hall/ids.js';
import * as bookings from './hall/bookings.js';
import * as catalog from './hall/catalog.js';
import { enterHolidayYear } from './hall/calendar.js';
import * as people from './hall/people.js';
import * as read from './hall/read.js';
import * as seed from './hall/seed.js';
import * as settings from './hall/settings.js';
import * as tickets from './hall/tickets.js';
import * as timers from './hall/timers.js';
import * as views from './hall/views.js';
import * as windows from './hall/windows.js';
import { demoDeviceTokens, ensureAdmin, qrSecret } from './hall/bootstrap.js';
import { lineOf } from './hall/line.js';
import { evaluationCommands } from './hall/evaluations-commands.js';
import { reportCommands } from './hall/reports.js';
import { platformCommands } from './hall/platform-commands.js';
import { deskCommands } from './hall/desk-commands.js';
import { bookingChangeCommands } from './hall/booking-changes-commands.js';
import { rosterCommands } from './hall/roster-commands.js';

export type { Actor, Command } from './engine/authz.js';
export { refusal, may } from './engine/authz.js';
export type { HallSettings } from './hall/core.js';
export type { TicketPrintData } from './hall/read.js';
export type { CatalogSeed } from './hall/seed.js';
export type { LiveSettings } from './hall/settings.js';
export { SYSTEM } from './hall/core.js';
export { hashPassword } from './hall/passwords.js';

/** What routes and devices may read of the settings (the QR secret stays inside). */
export type PublicSettings = Readonly<Omit<HallSettings, 'secret' | 'notices' | 'publicUrl'> & { notices: readonly string[]; publicUrl: string | null }>;

export class Hall {
  private readonly core: Core;
  readonly reports: ReturnType<typeof reportCommands>;
  private timer: NodeJS.Timeout | null = null;
  private warnedOn = '';
  /** the system clock watch (engine/clock-watch.ts); null on a manual clock or before the first tick */
  private watch: ClockWatchState | null = null;
  readonly evaluations: ReturnType<typeof evaluationCommands>;
  readonly platform: ReturnType<typeof platformCommands>;
  /** the booking desk (issue 19): 派单 → 签收, calls, the window's worklist, a booking's history */
  readonly desk: ReturnType<typeof deskCommands>;
  readonly bookingChanges: ReturnType<typeof bookingChangeCommands>;
  readonly roster: ReturnType<typeof rosterCommands>;

  /** `settings.secret` empty: the hall's own secret is loaded from (or made in) the database. */
  constructor(repos: Repos, clock: Clock, settings: HallSettings, log: pino.Logger, random?: RandomSource) {
    this.core = createCore(repos, clock, settings, log, random);
    this.reports = reportCommands(this.core, (a, c, w) => this.authorize(a, c, w));
    if (!settings.secret) settings.secret = qrSecret(this.core);
    lineOf(this.core); // the line index: built now from the database, and the bus's first listener
    this.evaluations = evaluationCommands(this.core, (a, c, w) => this.authorize(a, c, w));
    this.platform = platformCommands(this.core, (a, c, w) => this.authorize(a, c, w));
    this.desk = deskCommands(this.core, (a, c, w) => this.authorize(a, c, w));
    this.bookingChanges = bookingChangeCommands(this.core, (a, c, w) => this.authorize(a, c, w));
    this.roster = rosterCommands(this.core, (a, c, w) => this.authorize(a, c, w));
  }

  get events() { return this.core.bus; }
  /** the settings in effect now (they change in place when an admin edits them: read them per use) */
  get settings(): PublicSettings {
    const { hallName, hours, policy, notices, publicUrl } = this.core.cfg;
    return { hallName, hours, policy, notices: notices ?? DEFAULT_NOTICES, publicUrl: publicUrl ?? null };
  }
  now() { return this.core.clock.now(); }
  today() { return this.core.today(); }

  /** Throws `forbidden` (403) or `window-not-yours` (403) unless `actor` may run `command`. */
  authorize(actor: Actor, command: Command, windowId?: string) {
    const code = refusal(actor, command, windowId);
    if (code) throw new HallError(code);
  }
  /** A window command: an unknown window is unknown to everyone (404 before 403). */
  private atWindow(actor: Actor, windowId: string, command: Command = 'window.operate') {
    read.window(this.core, windowId);
    this.authorize(actor, command, windowId);
  }

  // — reads (no personal data unless an audited reveal)
  snapshot() { return views.snapshot(this.core); }
  openness() { return views.openness(this.core); }
  ticket(id: string) {
    const row = this.core.repos.tickets.get(id);
    if (!row) throw new HallError('ticket-not-found');
    return views.ticketView(this.core, row);
  }
  publicTicket(id: string) { return read.publicTicket(this.core, id); }
  ticketForPrint(id: string) { return read.ticketForPrint(this.core, id); }
  queues() { return read.queues(this.core); }
  services() { return read.services(this.core); }
  windows() { return read.windows(this.core); }
  windowByNumber(n: number) { return read.windowByNumber(this.core, n); }
  /** The window's waiting list in call-next's order, transfers to it included. */
  waitingList(actor: Actor, windowId: string, limit = 100) {
    this.authorize(actor, 'window.read');
    read.window(this.core, windowId);
    return views.waitingList(this.core, windowId, limit);
  }
  windowState(id: string) {
    const row = this.core.repos.windows.row(id);
    if (!row) throw new HallError('window-not-found');
    return views.windowState(this.core, row);
  }
  slots(serviceId: string, date: string) { return bookings.slots(this.core, serviceId, date); }
  /** A day's bookings, masked; `q` finds one by what the citizen says at the desk (engine/booking-search.ts). */
  bookingsOf(actor: Actor, date: string, q?: string): Booking[] {
    this.authorize(actor, 'booking.read');
    const list = bookings.bookingsOf(this.core, date, false);
    if (!q) return list;
    const hits = new Set(this.core.repos.bookings.ofDate(date)
      .filter((b) => matchesBookingSearch({ id: b.id, name: b.name, idNumber: b.id_number, phone: b.phone, code: b.code }, q)).map((b) => b.id));
    return list.filter((b) => hits.has(b.id));
  }
  booking(actor: Actor, id: string) {
    this.authorize(actor, 'booking.read');
    return bookings.bookingById(this.core, id, false);
  }
  /** One booking's personal data in clear, for staff who must contact the citizen: audited with who and why. */
  revealBooking(actor: Actor, id: string, reason: string) {
    this.authorize(actor, 'booking.read');
    return this.core.run('booking.reveal', actor, undefined, () => {
      const b = bookings.bookingById(this.core, id, true);
      record(this.core, 'booking.revealed', actor, id, { reason });
      return b;
    });
  }
  credit(actor: Actor, idNumber: string) {
    this.authorize(actor, 'credit.read');
    return bookings.credit(this.core, idNumber);
  }
  /** The audit log, newest first (every command's entry names its actor). */
  audit(actor: Actor, q: { actor?: string; type?: string; before?: number; limit: number }): AuditEntry[] {
    this.authorize(actor, 'audit.read');
    const tz = this.core.cfg.hours.tz;
    return this.core.repos.events.audit({ actor: q.actor ?? null, type: q.type ?? null, before: q.before ?? Number.MAX_SAFE_INTEGER, limit: q.limit })
      .map((e) => ({ seq: e.seq, at: toIso(e.at, tz), type: e.type, actor: e.actor, subject: e.subject, data: JSON.parse(e.data) as Record<string, unknown> }));
  }
  /** A backup of the database was made (server/storage/backups.ts): audited in the event log. */
  recordBackup(actor: Actor, b: { file: string; bytes: number; reason: string }) {
    this.authorize(actor, 'backups.manage');
    this.core.run('backup', actor, undefined, () => { record(this.core, 'backup.made', actor, b.file, { bytes: b.bytes, reason: b.reason }); return {}; });
  }
  /** Each day's kind and sessions, `from` to `to` both included (at most CALENDAR_MAX_DAYS days). */
  calendar(actor: Actor, from: string, to: string): CalendarDay[] {
    this.authorize(actor, 'hall.read');
    if (to < from || daysBetween(from, to) > CALENDAR_MAX_DAYS) throw new HallError('invalid-range', { from, to, maxDays: CALENDAR_MAX_DAYS });
    return calendarDays(from, to, this.core.cfg.hours);
  }
  report(actor: Actor, date: string) {
    this.authorize(actor, 'report.read');
    return views.dailyReport(this.core, date);
  }

  // — citizens' commands
  issueTicket(actor: Actor, input: { serviceId: string; requestId?: string }) {
    this.authorize(actor, 'ticket.issue');
    return tickets.issueTicket(this.core, actor, input);
  }
  checkIn(actor: Actor, input: { qr?: string; idNumber?: string; code?: string; requestId?: string }) {
    this.authorize(actor, 'checkin');
    return tickets.checkIn(this.core, actor, input);
  }
  book(actor: Actor, input: bookings.BookInput) {
    this.authorize(actor, input.channel === 'online' && !input.urgent ? 'booking.create-online' : 'booking.create-by-staff');
    return bookings.book(this.core, actor, input);
  }
  /** The platform cancels only for the citizen, and only the bookings that came from it (online). */
  cancelBooking(actor: Actor, id: string, by: 'citizen' | 'hall', reason?: string) {
    this.authorize(actor, 'booking.cancel');
    if (actor.role === 'platform') {
      const b = this.core.repos.bookings.get(id);
      if (!b) throw new HallError('booking-not-found');
      if (by !== 'citizen' || b.channel !== 'online') throw new HallError('forbidden', { channel: b.channel });
    }
    return bookings.cancelBooking(this.core, actor, id, by, reason);
  }
  /** citizens barred from booking this month (admin): masked, with an opaque handle for the pardon */
  barred(actor: Actor) {
    this.authorize(actor, 'credit.barred');
    return bookings.barred(this.core);
  }

  pardonBarred(actor: Actor, ref: string, reason: string) {
    this.authorize(actor, 'credit.pardon');
    return bookings.pardonBarred(this.core, actor, ref, reason);
  }

  pardon(actor: Actor, idNumber: string, reason: string) {
    this.authorize(actor, 'credit.pardon');
    return bookings.pardon(this.core, actor, idNumber, reason);
  }

  // — window commands (staff of that window, its keypad, a lead or admin)
  callNext(actor: Actor, windowId: string, mode?: WindowMode) { this.atWindow(actor, windowId); return windows.callNext(this.core, actor, windowId, mode); }
  callTicket(actor: Actor, windowId: string, ticketId: string, reason?: string) {
    this.atWindow(actor, windowId, 'window.call-ticket');
    return windows.callTicket(this.core, actor, windowId, ticketId, reason);
  }
  recall(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.recall(this.core, actor, windowId); }
  start(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.start(this.core, actor, windowId); }
  finish(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.finish(this.core, actor, windowId); }
  noShow(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.noShow(this.core, actor, windowId); }
  transfer(actor: Actor, windowId: string, to: { queueId?: string; windowId?: string }) { this.atWindow(actor, windowId); return windows.transfer(this.core, actor, windowId, to); }
  pause(actor: Actor, windowId: string, reason: string) { this.atWindow(actor, windowId); return windows.pause(this.core, actor, windowId, reason); }
  resume(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.resume(this.core, actor, windowId); }
  setMode(actor: Actor, windowId: string, mode: WindowMode) { this.atWindow(actor, windowId); return windows.setMode(this.core, actor, windowId, mode); }
  openWindow(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.openWindow(this.core, actor, windowId); }
  closeWindow(actor: Actor, windowId: string) { this.atWindow(actor, windowId); return windows.closeWindow(this.core, actor, windowId); }
  rate(actor: Actor, windowId: string, rating: number) { this.atWindow(actor, windowId, 'window.rate'); return windows.rate(this.core, actor, windowId, rating); }

  // — catalog (admin)
  readonly catalog = {
    createQueue: (a: Actor, q: Parameters<typeof catalog.createQueue>[2], requestId?: string) =>
      this.admin(a, 'queue.create', requestId, () => catalog.createQueue(this.core, a, q)),
    updateQueue: (a: Actor, id: string, q: Parameters<typeof catalog.updateQueue>[3]) => this.admin(a, '', undefined, () => catalog.updateQueue(this.core, a, id, q)),
    deleteQueue: (a: Actor, id: string) => this.admin(a, '', undefined, () => catalog.deleteQueue(this.core, a, id)),
    createService: (a: Actor, s: Parameters<typeof catalog.createService>[2], requestId?: string) =>
      this.admin(a, 'service.create', requestId, () => catalog.createService(this.core, a, s)),
    updateService: (a: Actor, id: string, s: Parameters<typeof catalog.updateService>[3]) => this.admin(a, '', undefined, () => catalog.updateService(this.core, a, id, s)),
    deleteService: (a: Actor, id: string) => this.admin(a, '', undefined, () => catalog.deleteService(this.core, a, id)),
    createWindow: (a: Actor, w: Parameters<typeof catalog.createWindow>[2], requestId?: string) =>
      this.admin(a, 'window.create', requestId, () => catalog.createWindow(this.core, a, w)),
    updateWindow: (a: Actor, id: string, w: Parameters<typeof catalog.updateWindow>[3]) => this.admin(a, '', undefined, () => catalog.updateWindow(this.core, a, id, w)),
    deleteWindow: (a: Actor, id: string) => this.admin(a, '', undefined, () => catalog.deleteWindow(this.core, a, id)),
    /** Is the hall still empty (a fresh database)? */
    isEmpty: () => seed.isEmpty(this.core),
    /** Queues, services, windows and people in one all-or-nothing command (the demo; a config file's catalog). */
    import: (a: Actor, s: seed.CatalogSeed) => this.admin(a, '', undefined, () => seed.importCatalog(this.core, a, s)),
  };
  /** An admin's catalog command; a creating one replays its first answer for the same requestId (CONTRACT.md). */
  private admin<T extends object>(a: Actor, scope: string, requestId: string | undefined, fn: () => T) {
    this.authorize(a, 'catalog.edit');
    return requestId ? this.core.run(`${scope}.request`, a, requestId, fn) : (fn() as T & { replayed?: boolean });
  }

  // — settings (admin): stored per config section; validated and derived by the composition root (server/settings.ts)
  readonly config = {
    /** the sections stored in the database (at start, before anyone acts) */
    stored: () => settings.stored(this.core),
    read: (a: Actor) => { this.authorize(a, 'settings.read'); return settings.stored(this.core); },
    /** stores `sections` (undefined: back to the default), audited, and puts `live` into effect at once */
    write: (a: Actor, sections: Record<string, unknown>, live: settings.LiveSettings, o: settings.WriteOptions) => {
      this.authorize(a, 'settings.edit');
      return settings.write(this.core, a, sections, live, o);
    },
  };

  // — people and devices (admin), sign-in and sign-out (passwords arrive hashed, tokens as sha256)
  readonly people = {
    users: (a: Actor) => { this.authorize(a, 'users.manage'); return people.users(this.core); },
    createUser: (a: Actor, u: people.NewUser) => { this.authorize(a, 'users.manage'); return people.createUser(this.core, a, u); },
    updateUser: (a: Actor, id: string, c: people.UserChange) => { this.authorize(a, 'users.manage'); return people.updateUser(this.core, a, id, c); },
    resetPassword: (a: Actor, id: string, passwordHash: string) => { this.authorize(a, 'users.manage'); return people.setPassword(this.core, a, id, passwordHash); },
    /** the signed-in user's own change (the old password was checked by the caller) */
    changeOwnPassword: (a: Actor, passwordHash: string) => {
      this.authorize(a, 'self.password');
      return people.setPassword(this.core, a, a.id, passwordHash);
    },
    userInfo: (id: string) => people.userInfo(this.core, id),
    credentials: (username: string) => people.credentials(this.core, username),
    passwordHashOf: (id: string) => this.core.repos.users.get(id)?.password_hash ?? null,
    startSession: (userId: string, tokenHash: string, from: string) => people.startSession(this.core, userId, tokenHash, from),
    endSession: (a: Actor, tokenHash: string) => people.endSession(this.core, a, tokenHash),
    resolveToken: (tokenHash: string) => people.resolveToken(this.core, tokenHash),
    devices: (a: Actor, online: (id: string) => boolean) => {
      this.authorize(a, 'devices.manage');
      return people.deviceRows(this.core).map((d) => people.deviceInfo(this.core, d, d.revoked_at == null && online(d.id)));
    },
    registerDevice: (a: Actor, input: { kind: DeviceKind; name: string; replace?: boolean; requestId?: string }, tokenHash: string) => {
      this.authorize(a, 'devices.manage');
      return people.registerDevice(this.core, a, input, tokenHash);
    },
    revokeDevice: (a: Actor, id: string) => { this.authorize(a, 'devices.manage'); return people.revokeDevice(this.core, a, id); },
    deviceSeen: (id: string) => people.deviceSeen(this.core, id),
    /** the admin account at start (bootstrap.ts) */
    ensureAdmin: (o: { password?: string; demoPassword?: string }) => ensureAdmin(this.core, o),
    /** the demo's kiosks and lobby screen, the same tokens at every start (demo only) */
    demoDeviceTokens: (devices: { kind: DeviceKind; name: string }[], register: (d: { kind: DeviceKind; name: string }) => string) =>
      demoDeviceTokens(this.core, devices, register),
  };

  // — time
  /**
   * Runs what is due now: forfeits and day-end closing; once a day, logs what the hall should be told.
   * On the system clock it first compares the wall clock with the monotonic one: after a jump of more
   * than 5 minutes, forfeits and day-end run at the time the hall believes, not the jumped one
   * (engine/clock-watch.ts states the rule). A manual clock's moves are deliberate: no watch.
   */
  tick() {
    const today = this.core.today();
    if (today !== this.warnedOn) {
      this.warnedOn = today;
      for (const w of this.warnings()) if (w.code === 'holiday-data-missing') this.core.log.warn({ code: w.code, years: w.years }, w.message);
    }
    return timers.tick(this.core, this.believedNow());
  }
  /** The time the tick runs at: the clock's, unless the system clock jumped and is not believed yet. */
  private believedNow(): number {
    const { clock, log, cfg } = this.core;
    const wall = clock.now().getTime();
    if (clock.manual || !clock.monotonic) return wall;
    const reading = { wall, mono: clock.monotonic() };
    if (!this.watch) {
      this.watch = startWatch(reading);
      return wall;
    }
    const seen = observeClock(this.watch, reading);
    this.watch = seen.state;
    const e = seen.event;
    const times = e && { wallTime: toIso(e.wall, cfg.hours.tz), believedTime: toIso(e.believed, cfg.hours.tz) };
    if (e?.kind === 'jump') {
      log.warn({ code: 'clock-jump', ...times, driftMs: e.driftMs },
        '系统时钟跳变：未确认前，预约爽约与日终关闭按单调时钟推算的时间执行 (system clock jumped: forfeits and day-end held)');
    } else if (e?.kind === 'undone') {
      log.warn({ code: 'clock-jump', ...times }, 'system clock agrees again with the believed time: the jump is over');
    } else if (e?.kind === 'believed') {
      log.warn({ code: 'clock-jump', ...times }, 'system clock kept step since its jump: it is believed now, what fell due runs');
    }
    return seen.timersNow;
  }
  /**
   * What the hall's staff or installer must act on (GET /api/health shows it): a coming year without
   * holiday data; a system clock jump not believed yet.
   */
  warnings(): HallWarning[] {
    const out: HallWarning[] = [];
    const years = missingHolidayYears(this.core.today(), this.core.cfg.hours);
    if (years.length) {
      out.push({
        code: 'holiday-data-missing', years,
        message: `尚未载入 ${years.join('、')} 年的节假日安排：请在配置文件 hours.overrides 中填写国务院公布的放假与调休日期，或升级 hallq`,
      });
    }
    const jump = this.watch?.jump;
    if (jump) {
      const tz = this.core.cfg.hours.tz;
      const believedTime = toIso(jump.believed, tz);
      out.push({
        code: 'clock-jump', wallTime: toIso(this.watch!.last.wall, tz), believedTime,
        message: `服务器系统时钟发生跳变（系统时间 ${toIso(this.watch!.last.wall, tz)}，按运行时长推算应为 ${believedTime}）：`
          + '预约爽约与日终关闭暂按推算时间执行；请检查服务器时间同步 (NTP)。时钟恢复或稳定 30 分钟后自动解除',
      });
    }
    return out;
  }
  /** Enters a year's State Council holiday schedule (放假 and 调休上班 dates) as the calendar's overrides; audited. */
  enterHolidayYear(actor: Actor, year: number, list: { holidays: string[]; makeupWorkdays: string[] }) {
    this.authorize(actor, 'calendar.edit');
    return enterHolidayYear(this.core, actor, year, list);
  }
  /** Tells every screen the hall's state now (`hall:updated`), e.g. after its settings changed. */
  announce() { timers.announceHall(this.core); }
  /**
   * Starts the periodic tick on a system clock (a manual clock ticks when it is set). A failed tick
   * never stops the timer: `onError` may take the error (a storage fault, logged once by its watch;
   * true: handled), otherwise it is logged.
   */
  startTimers(everyMs = 10_000, onError?: (err: unknown) => boolean) {
    const tick = () => {
      try {
        this.tick();
      } catch (err) {
        if (!onError?.(err)) this.core.log.error({ err }, 'timer tick failed');
      }
    };
    tick();
    if (this.core.clock.manual || this.timer) return;
    this.timer = setInterval(tick, everyMs);
    this.timer.unref();
  }
  stopTimers() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
