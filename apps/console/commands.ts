/**
 * What the console can do: each command calls the server over HTTP and updates the store. Errors of
 * window commands become a notice with the server's message; booking commands throw ApiError so the
 * form shows the refusal in place.
 */
import type {
  Booking, BookingChannel, Credit, DailyReport, HallWindow, Health, Queue, Service, SlotInfo, StateSnapshot, Ticket, UserInfo,
} from '../../protocol/domain.js';
import { ApiError, type Api } from './api.js';
import type { Store } from './store.js';

export type WindowAction = 'call-next' | 'recall' | 'no-show' | 'start' | 'finish' | 'resume';
export interface BookingInput { name: string; idNumber: string; phone: string; serviceId: string; date: string; slot: string; channel: BookingChannel }

const enc = encodeURIComponent;

export function createCommands(store: Store, api: Api) {
  let refreshTimer: ReturnType<typeof setTimeout> | null = null;

  function fail(e: unknown) {
    if (e instanceof ApiError) store.say('error', e.message);
    else store.say('error', String(e));
  }

  async function loadCatalog() {
    const [queues, services, windows] = await Promise.all([
      api.get<Queue[]>('/api/queues'), api.get<Service[]>('/api/services'), api.get<HallWindow[]>('/api/windows'),
    ]);
    store.queues.value = queues;
    store.services.value = services;
    store.windows.value = [...windows].sort((a, b) => a.number - b.number);
  }

  async function refreshState() {
    store.applySnapshot(await api.get<StateSnapshot>('/api/state'));
    void refreshWarnings().catch(() => undefined); // a missed check is retried within the hour
  }

  /** The hall's warnings change at most daily: asked for at sign-in, then at most hourly. */
  let warningsAt = -Infinity;
  async function refreshWarnings() {
    if (Date.now() - warningsAt < 3_600_000) return;
    warningsAt = Date.now();
    store.warnings.value = (await api.get<Health>('/api/health')).warnings ?? [];
  }

  /** The chosen window's waiting list, today's bookings (for reservation details) and today's counts. */
  async function refreshWindow() {
    const id = store.windowId.value;
    await refreshState();
    const day = store.today.value;
    const [bookings, report] = await Promise.all([
      api.get<Booking[]>(`/api/bookings?date=${day}`), api.get<DailyReport>(`/api/reports/daily?date=${day}`),
    ]);
    store.rememberBookings(bookings);
    store.report.value = report;
    if (id) store.waiting.value = await api.get<Ticket[]>(`/api/windows/${enc(id)}/waiting`);
  }

  /** Many events arrive together (a call moves a window and a queue): refresh once after them. */
  function refreshSoon() {
    if (refreshTimer) clearTimeout(refreshTimer);
    refreshTimer = setTimeout(() => {
      refreshTimer = null;
      if (store.session.value) refreshWindow().catch(fail);
    }, 150);
  }

  /**
   * Window commands run one after another in the order pressed: a key pressed while the previous
   * command is on the wire waits for it instead of being lost. The lists refresh after each command.
   */
  let chain: Promise<unknown> = Promise.resolve();
  function windowCommand<T>(run: () => Promise<T>): Promise<T | undefined> {
    store.pending.value++;
    const next = chain.then(async () => {
      try {
        const out = await run();
        await refreshWindow().catch(fail);
        return out;
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

  const w = () => `/api/windows/${enc(store.windowId.value ?? '')}`;

  return {
    refreshSoon,
    refreshWindow,
    loadCatalog,

    async login(username: string, password: string) {
      const out = await api.post<{ token: string; user: UserInfo }>('/api/auth/login', { username, password });
      store.setSession(out);
      await loadCatalog();
    },
    /** a reload keeps the session of this tab: the token is checked against the server */
    async restore(token: string) {
      store.session.value = { token, user: { id: '', name: '', role: 'staff', windowIds: [] } };
      try {
        const me = await api.get<{ kind: string; user?: UserInfo }>('/api/me');
        if (!me.user) throw new ApiError(403, 'forbidden', 'not a user');
        store.setSession({ token, user: me.user });
        await loadCatalog();
        if (store.windowId.value) await refreshWindow();
      } catch (e) {
        store.setSession(null);
        if (!(e instanceof ApiError && e.status === 401)) fail(e);
      }
    },
    async logout() {
      try {
        await api.post('/api/auth/logout');
      } finally {
        store.setSession(null);
      }
    },
    async chooseWindow(id: string) {
      await windowCommand(async () => {
        await api.post(`/api/windows/${enc(id)}/open`);
        store.setWindow(id);
        store.view.value = 'caller';
      });
    },

    async act(action: WindowAction) {
      const out = await windowCommand(() => api.post<{ ticket: Ticket | null }>(`${w()}/${action}`));
      if (action === 'call-next' && out) {
        if (out.ticket) store.say('info', store.t('called', { number: out.ticket.number }));
        else store.say('info', store.t('nobodyWaiting'));
      }
    },
    pause: (reason: string) => windowCommand(() => api.post(`${w()}/pause`, { reason })),
    /** the other mode than the window's when the command runs, not when the key was pressed: two quick presses come back */
    toggleMode: () => windowCommand(() => api.put(`${w()}/mode`, { mode: store.myWindow.value?.mode === 'reservation' ? 'normal' : 'reservation' })),
    transfer: (to: { queueId: string } | { windowId: string }) => windowCommand(() => api.post(`${w()}/transfer`, to)),
    /** a lead calls one waiting ticket out of order at a chosen window (audited with the reason) */
    callTicket: (windowId: string, ticketId: string, reason: string) =>
      windowCommand(() => api.post<{ ticket: Ticket }>(`/api/windows/${enc(windowId)}/call/${enc(ticketId)}`, { reason })),
    waitingOf: (windowId: string) => api.get<Ticket[]>(`/api/windows/${enc(windowId)}/waiting`),

    // — bookings: refusals are thrown for the form to show in place
    slots: (serviceId: string, date: string) => api.get<SlotInfo[]>(`/api/slots?serviceId=${enc(serviceId)}&date=${enc(date)}`),
    credit: (idNumber: string) => api.get<Credit>(`/api/citizens/${enc(idNumber)}/credit`),
    book: (input: BookingInput) => api.post<{ booking: Booking; qr: string }>('/api/bookings', input),
    bookings: (date: string, q?: string) => api.get<Booking[]>(`/api/bookings?date=${enc(date)}${q ? `&q=${enc(q)}` : ''}`),
    cancelBooking: (id: string, reason: string) => api.post<{ booking: Booking }>(`/api/bookings/${enc(id)}/cancel`, { by: 'hall', reason }),
    fail,
  };
}

export type Commands = ReturnType<typeof createCommands>;
