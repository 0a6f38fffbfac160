/**
 * The kiosk's state as signals, built by a factory and given to components by context.
 * The socket adapter and the actions write it; components only read it and call actions.
 */
import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Availability, Booking, HallWindow, Queue, QueueState, Service, StateSnapshot, Ticket } from '../../protocol/domain.js';
import type { PrintState } from '../../protocol/responses.js';
import type { Lang } from './i18n.js';

export type Screen =
  | { name: 'home' }
  | { name: 'services'; queueId: string | null; page: number; only?: string[] }
  | { name: 'checkin' }
  | { name: 'keypad' }
  | { name: 'code' }
  | { name: 'busy' }
  | { name: 'ticket'; shownAt: number; ticket: Ticket; waitingAhead: number; print: PrintState; booking?: Booking; alreadyCheckedIn?: boolean }
  | { name: 'refusal'; code: string; message: string; details: Record<string, unknown> };

/** A print outcome as `print:result` told it; absent while printing is pending. */
export interface PrintOutcome { ok: boolean; reason?: string }

/** no `print:result` this long after a queued print → tell the citizen it failed (the ticket stays valid) */
export const PRINT_TIMEOUT_MS = 8_000;

export function createKioskStore(opts: { lang: Lang; idleSeconds: number; camera: boolean }) {
  const snapshot = signal<StateSnapshot | null>(null);
  /** server time − local time, so the clock shows the hall's time even under a test clock */
  const skewMs = signal(0);
  const nowMs = signal(Date.now());
  const queues = signal<Queue[]>([]);
  const services = signal<Service[]>([]);
  const windows = signal<HallWindow[]>([]);
  const screen = signal<Screen>({ name: 'home' });
  const lang = signal<Lang>(opts.lang);
  const elder = signal(false);
  const connected = signal(false);
  const unauthorized = signal(false);
  const prints = signal<Record<string, PrintOutcome>>({});
  /** when the last input (touch, key, scan) happened, by the local clock */
  const lastInput = signal(Date.now());

  const waitingByQueue = computed(() => {
    const m = new Map<string, QueueState>();
    for (const q of snapshot.value?.queues ?? []) m.set(q.id, q);
    return m;
  });

  /** services that take no walk-in ticket now → when they next do (ISO, or null) and why (daily cap) */
  const unavailable = computed(() => new Map((snapshot.value?.availability?.unavailable ?? []).map((u) => [u.serviceId, u])));
  const session = computed(() => snapshot.value?.availability?.session ?? null);

  return {
    snapshot, skewMs, unavailable, session, nowMs, queues, services, windows, screen, lang, elder, connected, unauthorized, prints, lastInput,
    waitingByQueue,
    idleSeconds: opts.idleSeconds,
    camera: opts.camera,
    /** the whole snapshot replaces what the kiosk showed (every connect and reconnect) */
    applySnapshot(s: StateSnapshot) {
      snapshot.value = s;
      connected.value = true;
      nowMs.value = Date.now();
      skewMs.value = Date.parse(s.time) - nowMs.value;
    },
    applyQueue(q: { id: string; waiting: number; reservationsWaiting: number }) {
      const s = snapshot.value;
      if (!s) return;
      snapshot.value = { ...s, queues: s.queues.map((x) => (x.id === q.id ? { ...x, waiting: q.waiting, reservationsWaiting: q.reservationsWaiting } : x)) };
    },
    /** `hall:updated`: the hall opened or closed, or its name changed (no stale 正在办公) */
    applyHall(e: { open: boolean; nextOpenAt: string | null; hallName: string; availability?: Availability }) {
      const s = snapshot.value;
      if (s) snapshot.value = { ...s, open: e.open, nextOpenAt: e.nextOpenAt, hallName: e.hallName, availability: e.availability ?? s.availability };
    },
    applyPrint(e: { ticketId: string; ok: boolean; reason?: string }) {
      prints.value = { ...prints.value, [e.ticketId]: { ok: e.ok, reason: e.reason } };
    },
    touch() {
      lastInput.value = Date.now();
    },
    go(next: Screen) {
      screen.value = next;
      lastInput.value = Date.now();
    },
  };
}

export type KioskStore = ReturnType<typeof createKioskStore>;

export const StoreContext = createContext<KioskStore | null>(null);

export function useStore(): KioskStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('KioskStore missing: render inside <StoreContext.Provider>');
  return s;
}
