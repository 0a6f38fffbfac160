/**
 * What the console can do: each command calls the server through the typed client and applies its
 * answer to the store. Errors of window commands become a notice with the server's message; booking
 * commands throw ApiError so the form shows the refusal in place.
 *
 * Loading: the catalog at sign-in; at each snapshot (connect, reconnect, window chosen) the window's
 * waiting tickets, today's bookings and today's figures, once. Events keep them current after that
 * (store.ts): no event makes the console send a request (issue 20).
 */
import type { BodyOf } from '../../protocol/api.js';
import { effect } from '@preact/signals';
import type { BookingChannel, Ticket } from '../../protocol/domain.js';
import { ApiError, type Client } from '../kit/client.js';
import type { FollowUpOutcome } from '../../protocol/evaluations.js';
import { sessionCommands } from '../kit/session.js';
import type { Store } from './store.js';
import { deskCommands } from './desk.js';

import { changeCommands } from './changes.js';

export type WindowAction = 'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'resume';
export interface BookingInput { name: string; idNumber: string; phone: string; serviceId: string; date: string; slot: string; channel: BookingChannel; kind?: 'window' | 'visit'; address?: string; assigneeId?: string; unit?: string; recordedBy?: string }

export const LIVE_EVERY_MS = 5_000;
/** while the queues count reservations the waiting list does not show yet, it is reloaded this often */
export const POOL_RECHECK_MS = 60_000;

export function createCommands(store: Store, api: Client, timers = { setTimeout: (f: () => void, ms: number): unknown => setTimeout(f, ms), clearTimeout: (h: unknown) => clearTimeout(h as number) }) {
  function fail(e: unknown) {
    if (e instanceof ApiError) store.say('error', e.message);
    else store.say('error', String(e));
  }

  async function loadCatalog() {
    const [queues, services, windows] = await Promise.all([api.call('GET /api/queues'), api.call('GET /api/services'), api.call('GET /api/windows')]);
    store.queues.value = queues;
    store.services.value = services;
    store.windows.value = [...windows].sort((a, b) => a.number - b.number);
  }

  /** The hall's warnings change at most daily: asked for at sign-in, then at most hourly. */
  let warningsAt = -Infinity;
  async function refreshWarnings() {
    if (Date.now() - warningsAt < 3_600_000) return;
    warningsAt = Date.now();
    store.warnings.value = (await api.call('GET /api/health')).warnings ?? [];
  }

  // — today's figures: loaded with the window (each snapshot); the ticket events count on from there (store.ts)
  async function loadReport() {
    if (!store.session.value || !store.windowId.value) return;
    store.setReport(await api.call('GET /api/reports/daily', { query: { date: store.today.value } }));
  }

  // — the lead's running figures: loaded with the lead view (every snapshot), then, after a call or a
  // finish, again at most every LIVE_EVERY_MS (served counts up from the events meanwhile)
  let liveTimer: unknown = null;
  let liveAt = -Infinity;
  async function loadLive() {
    if (liveTimer !== null) timers.clearTimeout(liveTimer);
    liveTimer = null;
    liveAt = Date.now();
    store.setLive(await api.call('GET /api/reports/live'));
  }
  effect(() => {
    if (!store.liveStale.value || !store.live.value || store.view.value !== 'lead' || liveTimer !== null) return;
    const wait = Math.max(0, liveAt + LIVE_EVERY_MS - Date.now());
    liveTimer = timers.setTimeout(() => void loadLive().catch(fail), Math.max(wait, 500));
  });

  /** The window's waiting tickets; changes that arrive meanwhile are replayed on top (store.ts). */
  async function loadPool() {
    const id = store.windowId.value;
    if (!id) return;
    store.beginPoolLoad();
    const waiting = await api.call('GET /api/windows/:id/waiting', { params: { id } });
    if (store.windowId.value === id) store.setPool(waiting);
  }

  /** Once per snapshot: the window's waiting tickets, today's bookings (reservation details) and figures. */
  async function loadWindow() {
    const id = store.windowId.value;
    void refreshWarnings().catch(() => undefined); // a missed check is retried within the hour
    if (!id) return;
    const [bookings] = await Promise.all([api.call('GET /api/bookings', { query: { date: store.today.value } }), loadPool()]);
    store.rememberBookings(bookings);
    await loadReport();
  }

  // reservations the pool cannot know yet (not callable when it was loaded): looked for once a minute
  let poolTimer: unknown = null;
  effect(() => {
    if (!store.missingReservations.value || poolTimer !== null) return;
    poolTimer = timers.setTimeout(() => {
      poolTimer = null;
      if (store.missingReservations.value) void loadPool().catch(fail);
    }, POOL_RECHECK_MS);
  });

  /** a reservation's booking the console has not seen (booked after the list was loaded) */
  async function ensureBooking(x: Ticket | null) {
    if (!x?.bookingId || store.bookingsById.value[x.bookingId]) return;
    store.rememberBookings([await api.call('GET /api/bookings/:id', { params: { id: x.bookingId } })]);
  }

  /**
   * Window commands run one after another in the order pressed: a key pressed while the previous
   * command is on the wire waits for it instead of being lost. Each answer is applied to the store.
   */
  let chain: Promise<unknown> = Promise.resolve();
  function windowCommand<T>(run: () => Promise<T>): Promise<T | undefined> {
    store.pending.value++;
    const next = chain.then(async () => {
      try {
        return await run();
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        store.pending.value--;
      }
    });
    chain = next;
    return next;
  }
  const ticketCommand = async <R extends { ticket: Ticket | null }>(send: () => Promise<R>): Promise<R> => {
    const out = await send();
    if (out.ticket) {
      store.applyCommandTicket(out.ticket);
      void ensureBooking(out.ticket).catch(fail);
    }
    return out;
  };

  const mine = () => ({ id: store.windowId.value ?? '' });

  return {
    loadWindow,
    loadPool,
    loadCatalog,
    loadReport,
    loadLive,

    // sign-in, restore, sign-out and the own password (apps/kit/session.ts): everyone with an account
    ...sessionCommands(store, api, { signedIn: loadCatalog, fail }),
    async chooseWindow(id: string) {
      await windowCommand(async () => {
        const out = await api.call('POST /api/windows/:id/open', { params: { id } });
        store.setWindow(id);
        store.applyWindow(out.window);
        store.view.value = 'caller';
        await loadWindow();
      });
    },

    async act(action: WindowAction) {
      if (action === 'resume') {
        await windowCommand(async () => store.applyWindow((await api.call('POST /api/windows/:id/resume', { params: mine() })).window));
        return;
      }
      const key = `POST /api/windows/:id/${action}` as const;
      const out = await windowCommand(() => ticketCommand(() => api.call(key, { params: mine() })));
      if (action === 'call-next' && out) {
        if (out.ticket) store.say('info', store.t('called', { number: out.ticket.number }));
        else store.say('info', store.t('nobodyWaiting'));
      }
    },
    /**
     * 签退 (issue 14): signs out of this window, which closes it (lobby, kiosk, LED show it closed).
     * A ticket still called goes back to its queue first, one being served is finished first: the
     * console asked before calling this.
     */
    signOut: () => windowCommand(async () => {
      const cur = store.myWindow.value?.current;
      if (cur?.status === 'serving') await api.call('POST /api/windows/:id/finish', { params: mine() });
      if (cur?.status === 'called') await api.call('POST /api/windows/:id/transfer', { params: mine(), body: { queueId: cur.queueId } });
      const out = await api.call('POST /api/windows/:id/close', { params: mine() });
      store.applyWindow(out.window);
      store.setWindow(null);
      store.say('info', store.t('signedOut', { n: out.window.number }));
    }),
    pause: (reason: string) => windowCommand(async () => store.applyWindow((await api.call('POST /api/windows/:id/pause', { params: mine(), body: { reason } })).window)),
    /** the other mode than the window's when the command runs, not when the key was pressed: two quick presses come back */
    toggleMode: () => windowCommand(async () => {
      const mode = store.myWindow.value?.mode === 'reservation' ? 'normal' : 'reservation';
      store.applyWindow((await api.call('PUT /api/windows/:id/mode', { params: mine(), body: { mode } })).window);
      await loadPool(); // the server lists what this mode calls
    }),
    transfer: (to: { queueId: string } | { windowId: string }) =>
      windowCommand(() => ticketCommand(() => api.call('POST /api/windows/:id/transfer', { params: mine(), body: to }))),
    /** a lead calls one waiting ticket out of order at a chosen window (audited with the reason) */
    callTicket: (windowId: string, ticketId: string, reason: string) =>
      windowCommand(() => ticketCommand(() => api.call('POST /api/windows/:id/call/:ticketId', { params: { id: windowId, ticketId }, body: { reason } }))),
    waitingOf: (windowId: string) => api.call('GET /api/windows/:id/waiting', { params: { id: windowId } }),

    // — bookings: refusals are thrown for the form to show in place
    slots: (serviceId: string, date: string) => api.call('GET /api/slots', { query: { serviceId, date } }),
    credit: (idNumber: string) => api.call('GET /api/citizens/:idNumber/credit', { params: { idNumber } }),
    book: (input: BookingInput) => api.call('POST /api/bookings', { body: input }),
    bookings: (date: string, q?: string) => api.call('GET /api/bookings', { query: { date, ...(q ? { q } : {}) } }),
    cancelBooking: (id: string, reason: string) => api.call('POST /api/bookings/:id/cancel', { params: { id }, body: { by: 'hall', reason } }),
    // — 好差评 (issue 16, leads): today's low ratings and their follow-up
    lowRatings: () => api.call('GET /api/evaluations', { query: { maxLevel: 2 } }),
    followUp: (id: string, outcome: FollowUpOutcome, note: string) =>
      api.call('POST /api/evaluations/:id/follow-up', { params: { id }, body: { outcome, note } }),
    fail,
    // — the booking desk (issue 19): 派单, 签收, calls
    desk: deskCommands(store.desk, api),
    // — booking changes, 办理情况 and 上门办 (issue 19)
    ...changeCommands(api),
    // — issue 19: the day's duty roster (上岗表)
    roster: (date: string) => api.call('GET /api/roster', { query: { date } }),
    assignRoster: (body: BodyOf<'POST /api/roster'>) => api.call('POST /api/roster', { body }),
    removeRoster: (id: string) => api.call('DELETE /api/roster/:id', { params: { id } }),
  };
}

export type Commands = ReturnType<typeof createCommands>;
