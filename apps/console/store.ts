/**
 * The console's state: signals built by a factory and handed to components by context. The socket
 * adapter and the commands write here; components only read it (and call commands).
 */
import { computed, signal } from '@preact/signals';
import type {
  Booking, DailyReport, HallWarning, HallWindow, Queue, QueueState, Service, StateSnapshot, Ticket, UserInfo, WindowState,
} from '../../protocol/domain.js';
import { translator, type Lang, type Translate } from './i18n.js';
import { dateAt, zoneOffsetMinutes } from './time.js';

export type View = 'caller' | 'lead' | 'book' | 'bookings' | 'handover';
export interface Session { token: string; user: UserInfo }
export interface Notice { kind: 'error' | 'info'; text: string; at: number }

/** What the store persists between reloads: the session tab's token and window, the language. */
export interface Persist { get(key: string): string | null; set(key: string, value: string | null): void }

export function createStore(persist: Persist, clientNow: () => number = () => Date.now()) {
  const lang = signal<Lang>(persist.get('lang') === 'en' ? 'en' : 'zh');
  const t: Translate = translator(() => lang.value);
  const session = signal<Session | null>(null);
  const windowId = signal<string | null>(persist.get('windowId'));
  const view = signal<View>('caller');
  const snapshot = signal<StateSnapshot | null>(null);
  const connected = signal(false);
  const skewMs = signal(0);
  const zoneMin = signal(480);
  const tick = signal(clientNow());
  const queues = signal<Queue[]>([]);
  const services = signal<Service[]>([]);
  const windows = signal<HallWindow[]>([]);
  const waiting = signal<Ticket[]>([]);
  const bookingsById = signal<Record<string, Booking>>({});
  const report = signal<DailyReport | null>(null);
  const notice = signal<Notice | null>(null);
  /** what GET /api/health asks someone to act on (a coming year without holiday data) */
  const warnings = signal<HallWarning[]>([]);
  /** window commands pressed and not yet answered (and their lists refreshed) */
  const pending = signal(0);

  const serverNow = computed(() => tick.value + skewMs.value);
  const today = computed(() => dateAt(serverNow.value, zoneMin.value));
  const myWindow = computed<WindowState | null>(() => snapshot.value?.windows.find((w) => w.id === windowId.value) ?? null);
  const myHallWindow = computed(() => windows.value.find((w) => w.id === windowId.value) ?? null);
  const role = computed(() => session.value?.user.role ?? null);
  /** windows this user may work at: their own, or any for a lead or admin */
  const allowedWindows = computed(() => {
    const u = session.value?.user;
    if (!u) return [];
    return u.role === 'staff' ? windows.value.filter((w) => u.windowIds.includes(w.id)) : windows.value;
  });

  function setWindow(id: string | null) { windowId.value = id; persist.set('windowId', id); waiting.value = []; report.value = null; }
  /** the server's time is the truth: keep the skew to it and its zone offset */
  function setServerTime(iso: string) {
    tick.value = clientNow();
    skewMs.value = Date.parse(iso) - tick.value;
    zoneMin.value = zoneOffsetMinutes(iso);
  }

  return {
    lang, t, session, windowId, view, snapshot, connected, skewMs, zoneMin, tick, queues, services, windows, waiting,
    bookingsById, report, notice, warnings, pending, serverNow, today, myWindow, myHallWindow, role, allowedWindows,
    setWindow, setServerTime,

    setLang(l: Lang) { lang.value = l; persist.set('lang', l); },
    setSession(s: Session | null) {
      session.value = s;
      persist.set('token', s?.token ?? null);
      if (!s) { setWindow(null); snapshot.value = null; view.value = 'caller'; }
    },
    /** a (re)connect's snapshot replaces everything shown before it */
    applySnapshot(s: StateSnapshot) { snapshot.value = s; setServerTime(s.time); },
    applyWindow(w: WindowState) {
      const s = snapshot.value;
      if (!s) return;
      const has = s.windows.some((x) => x.id === w.id);
      snapshot.value = { ...s, windows: has ? s.windows.map((x) => (x.id === w.id ? w : x)) : [...s.windows, w] };
    },
    applyQueue(q: Pick<QueueState, 'id' | 'waiting' | 'reservationsWaiting'>) {
      const s = snapshot.value;
      if (!s) return;
      snapshot.value = { ...s, queues: s.queues.map((x) => (x.id === q.id ? { ...x, ...q } : x)) };
    },
    rememberBookings(list: Booking[]) {
      const next = { ...bookingsById.value };
      for (const b of list) next[b.id] = b;
      bookingsById.value = next;
    },
    say(kind: Notice['kind'], text: string) { notice.value = { kind, text, at: clientNow() }; },
  };
}

export type Store = ReturnType<typeof createStore>;
