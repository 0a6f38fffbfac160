/**
 * The hall: the only writer. Each command validates, runs one transaction, appends to the event
 * log, then emits typed events (`hall.events`) that the realtime layer and the devices listen to.
 */
import type pino from 'pino';
import type { Clock } from './clock.js';
import type { Repos } from './db/repos.js';
import { HallError } from '../protocol/errors.js';
import type { HallWarning, WindowMode } from '../protocol/domain.js';
import { createCore, SYSTEM, type Actor, type Core, type HallSettings } from './hall/core.js';
import * as bookings from './hall/bookings.js';
import * as catalog from './hall/catalog.js';
import * as tickets from './hall/tickets.js';
import * as timers from './hall/timers.js';
import * as views from './hall/views.js';
import * as windows from './hall/windows.js';
import { lineOf } from './hall/line.js';
import { missingHolidayYears } from './engine/calendar.js';

export type { Actor, HallSettings } from './hall/core.js';
export { SYSTEM } from './hall/core.js';

export class Hall {
  readonly core: Core;
  private timer: NodeJS.Timeout | null = null;
  private warnedOn = '';

  constructor(repos: Repos, clock: Clock, settings: HallSettings, log: pino.Logger) {
    this.core = createCore(repos, clock, settings, log);
    lineOf(this.core); // the line index: built now from the database, and the bus's first listener
  }

  get events() { return this.core.bus; }
  get settings() { return this.core.cfg; }
  get repos() { return this.core.repos; }
  now() { return this.core.clock.now(); }
  today() { return this.core.today(); }

  // — queries (no personal data unless `reveal`)
  snapshot() { return views.snapshot(this.core); }
  openness() { return views.openness(this.core); }
  ticket(id: string) {
    const row = this.core.repos.tickets.get(id);
    if (!row) throw new HallError('ticket-not-found');
    return views.ticketView(this.core, row);
  }
  /** the window's waiting list in call-next's order, transfers to it included */
  waitingList(windowId: string, limit = 100) { return views.waitingList(this.core, windowId, limit); }
  windowState(id: string) {
    const row = this.core.repos.windows.row(id);
    if (!row) throw new HallError('window-not-found');
    return views.windowState(this.core, row);
  }
  slots(serviceId: string, date: string) { return bookings.slots(this.core, serviceId, date); }
  bookingsOf(date: string, reveal = false) { return bookings.bookingsOf(this.core, date, reveal); }
  booking(id: string, reveal = false) { return bookings.bookingById(this.core, id, reveal); }
  credit(idNumber: string) { return bookings.credit(this.core, idNumber); }
  report(date: string) { return views.dailyReport(this.core, date); }

  // — citizens' commands
  issueTicket(actor: Actor, input: { serviceId: string; requestId?: string }) { return tickets.issueTicket(this.core, actor, input); }
  checkIn(actor: Actor, input: { qr?: string; idNumber?: string; requestId?: string }) { return tickets.checkIn(this.core, actor, input); }
  book(actor: Actor, input: bookings.BookInput) { return bookings.book(this.core, actor, input); }
  cancelBooking(actor: Actor, id: string, by: 'citizen' | 'hall', reason?: string) { return bookings.cancelBooking(this.core, actor, id, by, reason); }
  pardon(actor: Actor, idNumber: string, reason: string) { return bookings.pardon(this.core, actor, idNumber, reason); }

  // — window commands
  callNext(actor: Actor, windowId: string, mode?: WindowMode) { return windows.callNext(this.core, actor, windowId, mode); }
  callTicket(actor: Actor, windowId: string, ticketId: string, reason?: string) { return windows.callTicket(this.core, actor, windowId, ticketId, reason); }
  recall(actor: Actor, windowId: string) { return windows.recall(this.core, actor, windowId); }
  start(actor: Actor, windowId: string) { return windows.start(this.core, actor, windowId); }
  finish(actor: Actor, windowId: string) { return windows.finish(this.core, actor, windowId); }
  noShow(actor: Actor, windowId: string) { return windows.noShow(this.core, actor, windowId); }
  transfer(actor: Actor, windowId: string, to: { queueId?: string; windowId?: string }) { return windows.transfer(this.core, actor, windowId, to); }
  pause(actor: Actor, windowId: string, reason: string) { return windows.pause(this.core, actor, windowId, reason); }
  resume(actor: Actor, windowId: string) { return windows.resume(this.core, actor, windowId); }
  setMode(actor: Actor, windowId: string, mode: WindowMode) { return windows.setMode(this.core, actor, windowId, mode); }
  openWindow(actor: Actor, windowId: string) { return windows.openWindow(this.core, actor, windowId); }
  closeWindow(actor: Actor, windowId: string) { return windows.closeWindow(this.core, actor, windowId); }
  rate(actor: Actor, windowId: string, rating: number) { return windows.rate(this.core, actor, windowId, rating); }

  // — catalog (admin)
  readonly catalog = {
    createQueue: (a: Actor, q: Parameters<typeof catalog.createQueue>[2], id?: string) => catalog.createQueue(this.core, a, q, id),
    updateQueue: (a: Actor, id: string, q: Parameters<typeof catalog.updateQueue>[3]) => catalog.updateQueue(this.core, a, id, q),
    deleteQueue: (a: Actor, id: string) => catalog.deleteQueue(this.core, a, id),
    createService: (a: Actor, s: Parameters<typeof catalog.createService>[2], id?: string) => catalog.createService(this.core, a, s, id),
    updateService: (a: Actor, id: string, s: Parameters<typeof catalog.updateService>[3]) => catalog.updateService(this.core, a, id, s),
    deleteService: (a: Actor, id: string) => catalog.deleteService(this.core, a, id),
    createWindow: (a: Actor, w: Parameters<typeof catalog.createWindow>[2], id?: string, status?: 'open' | 'closed') =>
      catalog.createWindow(this.core, a, w, id, status),
    updateWindow: (a: Actor, id: string, w: Parameters<typeof catalog.updateWindow>[3]) => catalog.updateWindow(this.core, a, id, w),
    deleteWindow: (a: Actor, id: string) => catalog.deleteWindow(this.core, a, id),
  };

  // — time
  /** Runs what is due now: forfeits and day-end closing; once a day, logs what the hall should be told. */
  tick() {
    const today = this.core.today();
    if (today !== this.warnedOn) {
      this.warnedOn = today;
      for (const w of this.warnings()) this.core.log.warn({ code: w.code, years: w.years }, w.message);
    }
    return timers.tick(this.core);
  }
  /** What the hall's staff or installer must act on (GET /api/health shows it): a coming year without holiday data. */
  warnings(): HallWarning[] {
    const years = missingHolidayYears(this.core.today(), this.core.cfg.hours);
    if (!years.length) return [];
    return [{
      code: 'holiday-data-missing', years,
      message: `尚未载入 ${years.join('、')} 年的节假日安排：请在配置文件 hours.overrides 中填写国务院公布的放假与调休日期，或升级 hallq`,
    }];
  }
  /** Starts the periodic tick on a system clock (a manual clock ticks when it is set). */
  startTimers(everyMs = 10_000) {
    this.tick();
    if (this.core.clock.manual || this.timer) return;
    this.timer = setInterval(() => {
      try {
        this.tick();
      } catch (err) {
        this.core.log.error({ err }, 'timer tick failed');
      }
    }, everyMs);
    this.timer.unref();
  }
  stopTimers() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
