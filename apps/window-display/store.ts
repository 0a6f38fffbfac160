/**
 * The display's state: a signals store built by a factory and given to components by context.
 * The kit's socket adapter feeds it; a `state:snapshot` replaces everything (on every (re)connect), events
 * patch it. Components read signals and never see the socket.
 */
import { computed, signal } from '@preact/signals';
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { QueueState, RecentCall, StateSnapshot, WindowState } from '../../protocol/domain.js';
import type { HallUpdatedEvent, TicketCalledEvent } from '../../protocol/events.js';
import type { Lang } from '../kit/i18n.js';
import type { Link } from '../kit/socket.js';
import { zoneOffsetMinutes } from '../kit/time.js';

/** how long the latest call is shown huge */
export const FLASH_MS = 6_000;
/** the lobby lists this many recent calls */
export const RECENT_SHOWN = 8;

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export type { Link };

export function createDisplayStore(deps: { now: () => number; timers: Timers; lang?: Lang }) {
  const lang = signal<Lang>(deps.lang ?? 'zh');
  const link = signal<Link>('connecting');
  /** a snapshot has been applied since the last (re)connect: what is shown is current */
  const fresh = signal(false);
  const hallName = signal('');
  const windows = signal<WindowState[]>([]);
  const queues = signal<QueueState[]>([]);
  const recentCalls = signal<RecentCall[]>([]);
  const open = signal<boolean | undefined>(undefined);
  const nextOpenAt = signal<string | null>(null);
  /** the hall's notices (config section `notices`, GET /api/public/hall); null until loaded */
  const notices = signal<string[] | null>(null);
  /** hall time minus local time, and the hall's UTC offset, both from the server's clock */
  const clockSkewMs = signal(0);
  const hallOffsetMin = signal(480);
  const flash = signal<TicketCalledEvent | null>(null);
  let flashTimer: unknown = null;

  const live = computed(() => link.value === 'online' && fresh.value);

  function syncClock(iso: string) {
    clockSkewMs.value = Date.parse(iso) - deps.now();
    hallOffsetMin.value = zoneOffsetMinutes(iso);
  }

  function clearFlash() {
    if (flashTimer !== null) deps.timers.clearTimeout(flashTimer);
    flashTimer = null;
    flash.value = null;
  }

  return {
    lang, link, fresh, live, hallName, windows, queues, recentCalls, open, nextOpenAt, notices, clockSkewMs, hallOffsetMin, flash,

    /** hall time now, in ms since the epoch */
    hallNow: () => deps.now() + clockSkewMs.value,

    replace(s: StateSnapshot) {
      hallName.value = s.hallName ?? '';
      windows.value = s.windows;
      queues.value = s.queues;
      recentCalls.value = s.recentCalls;
      open.value = s.open;
      nextOpenAt.value = s.nextOpenAt ?? null;
      syncClock(s.time);
      fresh.value = true;
    },

    connected() { link.value = 'online'; },

    /** the link dropped: nothing shown may pass for current until the next snapshot */
    disconnected(reason: 'offline' | 'unauthorized' = 'offline') {
      link.value = reason;
      fresh.value = false;
      clearFlash();
    },

    called(e: TicketCalledEvent) {
      const call: RecentCall = { ticketNumber: e.ticket.number, kind: e.ticket.kind, windowNumber: e.window.number, windowName: e.window.name, at: e.at };
      recentCalls.value = [call, ...recentCalls.value].slice(0, 20);
      syncClock(e.at);
      if (flashTimer !== null) deps.timers.clearTimeout(flashTimer);
      flash.value = e;
      flashTimer = deps.timers.setTimeout(() => { flashTimer = null; flash.value = null; }, FLASH_MS);
    },

    windowUpdated(w: WindowState) {
      const list = windows.value;
      const i = list.findIndex((x) => x.id === w.id);
      windows.value = i < 0 ? [...list, w].sort((a, b) => a.number - b.number) : list.map((x, j) => (j === i ? w : x));
    },

    /** the hall opened or closed, or its settings changed */
    hallUpdated(e: HallUpdatedEvent) {
      hallName.value = e.hallName;
      open.value = e.open;
      nextOpenAt.value = e.nextOpenAt;
    },

    queueUpdated(q: { id: string; waiting: number; reservationsWaiting: number }) {
      queues.value = queues.value.map((x) => (x.id === q.id ? { ...x, waiting: q.waiting, reservationsWaiting: q.reservationsWaiting } : x));
    },
  };
}

export type DisplayStore = ReturnType<typeof createDisplayStore>;

export const StoreContext = createContext<DisplayStore | null>(null);

export function useStore(): DisplayStore {
  const s = useContext(StoreContext);
  if (!s) throw new Error('DisplayStore missing: render inside <StoreContext.Provider>');
  return s;
}
