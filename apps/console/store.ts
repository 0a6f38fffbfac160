/**
 * The console's state: signals built by a factory and handed to components by context. The socket
 * adapter and the commands write here; components only read it (and call commands).
 *
 * The console applies the hall's events to this store instead of refetching: a ticket issued,
 * updated (any change after issue) or called moves in or out of the window's waiting pool, and the
 * pool is shown in the order successive call-nexts would call it (`callOrder`, the server's rule).
 * Today's figures are loaded with each snapshot and then count finished tickets as they happen (served,
 * no-shows, the average service time); the lead's low ratings follow `evaluation:updated`. No event makes
 * the console ask the server for anything (issue 20).
 */
import { computed, signal } from '@preact/signals';
import type {
  Booking, CallingPolicy, DailyReport, HallWindow, HallWarning, Queue, QueueState, Service, StateSnapshot, Ticket, UserInfo, WindowState,
} from '../../protocol/domain.js';
import type { HallUpdatedEvent } from '../../protocol/events.js';
import { callOrder, servesReservations, type Candidate } from '../../protocol/rules/calling.js';
import { parseLang, translator, type Lang } from '../kit/i18n.js';
import { dateAt, skewOf, zoneOffsetMinutes } from '../kit/time.js';
import { DICT, type MsgKey } from './i18n.js';
import type { LiveKpis } from '../../protocol/reports.js';
import { createDeskStore } from './desk.js';
import type { Evaluation } from '../../protocol/evaluations.js';

export type View = 'caller' | 'lead' | 'book' | 'bookings' | 'handover' | 'visits' | 'approvals' | 'desk';
import type { Persist, Session } from '../kit/session.js';
export type { Session, Persist } from '../kit/session.js';
export interface Notice { kind: 'error' | 'info'; text: string; at: number }


/** the hall's defaults (server/engine/policy.ts) until a snapshot names the policy */
export const DEFAULT_POLICY: CallingPolicy = { reservationPriority: 'auto', eligibleBeforeMinutes: 15 };

const FINISHED = new Set<Ticket['status']>(['done', 'no-show']);

export function createStore(persist: Persist, clientNow: () => number = () => Date.now()) {
  const lang = signal<Lang>(parseLang(persist.get('lang')));
  const t = translator<MsgKey>(DICT, () => lang.value);
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
  /** waiting tickets this window may call, by id (the order is computed) */
  const pool = signal<Record<string, Ticket>>({});
  const bookingsById = signal<Record<string, Booking>>({});
  const report = signal<DailyReport | null>(null);
  /** the lead's running figures of today (GET /api/reports/live), kept current by the ticket events */
  const live = signal<LiveKpis | null>(null);
  /** a ticket was called or finished since `live` was loaded: its longest wait may be another ticket's */
  const liveStale = signal(false);
  const servedSeen = new Set<string>();
  /** the lead's low ratings of today (GET /api/evaluations?maxLevel=2), kept current by `evaluation:updated` */
  const ratings = signal<Evaluation[] | null>(null);
  const notice = signal<Notice | null>(null);
  /** what GET /api/health asks someone to act on (a coming year without holiday data) */
  const warnings = signal<HallWarning[]>([]);
  /** window commands pressed and not yet answered */
  const pending = signal(0);

  const serverNow = computed(() => tick.value + skewMs.value);
  const today = computed(() => dateAt(serverNow.value, zoneMin.value));
  const myWindow = computed<WindowState | null>(() => snapshot.value?.windows.find((w) => w.id === windowId.value) ?? null);
  const myHallWindow = computed(() => windows.value.find((w) => w.id === windowId.value) ?? null);
  const role = computed(() => session.value?.user.role ?? null);
  const policy = computed(() => snapshot.value?.policy ?? DEFAULT_POLICY);
  /** windows this user may work at: their own, or any for a lead or admin */
  const allowedWindows = computed(() => {
    const u = session.value?.user;
    if (!u) return [];
    return u.role === 'staff' ? windows.value.filter((w) => u.windowIds.includes(w.id)) : windows.value;
  });

  /** a reservation's slot start: carried by the ticket, else read from its booking */
  function slotStartOf(x: Ticket): number | null {
    if (x.slotStart) return Date.parse(x.slotStart);
    const b = x.bookingId ? bookingsById.value[x.bookingId] : undefined;
    if (!b) return x.kind === 'reservation' ? Date.parse(x.issuedAt) : null;
    const off = zoneMin.value;
    const sign = off < 0 ? '-' : '+';
    const hh = String(Math.floor(Math.abs(off) / 60)).padStart(2, '0');
    const mm = String(Math.abs(off) % 60).padStart(2, '0');
    return Date.parse(`${b.date}T${b.slot}:00${sign}${hh}:${mm}`);
  }
  const candidate = (x: Ticket): Candidate => ({
    id: x.id, kind: x.kind, queueId: x.queueId, issuedAt: Date.parse(x.issuedAt),
    slotStart: slotStartOf(x), checkedInAt: x.checkedInAt ? Date.parse(x.checkedInAt) : null,
    targetWindowId: x.targetWindowId ?? null, seq: Number(x.number.replace(/^\D+/, '')) || 0,
  });

  /** this window's waiting list in call-next's order (transfers, eligible reservations, walk-ins) */
  const waiting = computed<Ticket[]>(() => {
    const hw = myHallWindow.value;
    if (!hw) return [];
    const byId = pool.value;
    const p = policy.value;
    const order = callOrder(Object.values(byId).map(candidate), { id: hw.id, queueIds: hw.queueIds, reservationOnly: hw.reservationOnly, mode: myWindow.value?.mode ?? 'normal' },
      { now: serverNow.value, policy: p.reservationPriority, eligibleBeforeMs: p.eligibleBeforeMinutes * 60_000 });
    return order.map((o) => byId[o.ticket.id]);
  });
  /**
   * reservations waiting in this window's queues, callable now or not (the "N 位预约群众等候" badge):
   * the snapshot's queue counts, which `queue:updated` keeps current
   */
  const reservationsWaiting = computed(() => {
    const ids = myHallWindow.value?.queueIds ?? [];
    return (snapshot.value?.queues ?? []).filter((q) => ids.includes(q.id)).reduce((n, q) => n + q.reservationsWaiting, 0);
  });
  /**
   * The server's waiting list holds only tickets callable now, so a reservation checked in long
   * before its slot is not in the pool until it becomes eligible: while this window takes
   * reservations and the queues count more than the pool holds, the pool is reloaded now and then.
   */
  const missingReservations = computed(() => {
    const hw = myHallWindow.value;
    const w = myWindow.value;
    if (!hw || !w) return false;
    if (!servesReservations({ id: hw.id, queueIds: hw.queueIds, reservationOnly: hw.reservationOnly, mode: w.mode }, { now: 0, policy: policy.value.reservationPriority, eligibleBeforeMs: 0 })) return false;
    const known = Object.values(pool.value).filter((x) => x.kind === 'reservation' && !x.targetWindowId).length;
    return reservationsWaiting.value > known;
  });

  /** whether a waiting ticket may be called at this window (its queues, or transferred to it) */
  function belongs(x: Ticket): boolean {
    const hw = myHallWindow.value;
    if (!hw || x.status !== 'waiting') return false;
    return x.targetWindowId ? x.targetWindowId === hw.id : hw.queueIds.includes(x.queueId);
  }

  /** ticket changes that arrive while the pool is being loaded are applied again on top of it */
  type Change = { ticket: Ticket } | { calledId: string };
  let buffered: Change[] | null = null;
  /** finished tickets already counted in today's figures (`id:status`) */
  let counted = new Set<string>();
  /** this window's service time so far today: the loaded average × served, plus what was counted since (seconds) */
  let service = { sum: 0, n: 0 };

  function setWindow(id: string | null) {
    windowId.value = id;
    persist.set('windowId', id);
    pool.value = {};
    report.value = null;
    counted = new Set();
  }
  /** the server's time is the truth: keep the skew to it and its zone offset */
  function setServerTime(iso: string) {
    tick.value = clientNow();
    skewMs.value = skewOf(iso, tick.value);
    zoneMin.value = zoneOffsetMinutes(iso);
  }
  function patchSnapshot(f: (s: StateSnapshot) => StateSnapshot) {
    const s = snapshot.value;
    if (s) snapshot.value = f(s);
  }
  function applyWindow(w: WindowState) {
    patchSnapshot((s) => ({ ...s, windows: s.windows.some((x) => x.id === w.id) ? s.windows.map((x) => (x.id === w.id ? w : x)) : [...s.windows, w] }));
  }
  /** a finished ticket of this window counts in today's figures at once */
  function count(x: Ticket) {
    const id = windowId.value;
    const r = report.value;
    if (!id || !r || x.windowId !== id || !FINISHED.has(x.status) || counted.has(`${x.id}:${x.status}`)) return;
    counted.add(`${x.id}:${x.status}`);
    const hw = myHallWindow.value;
    const mine = r.byWindow.find((w) => w.windowId === id) ?? { windowId: id, number: hw?.number ?? 0, name: hw?.name ?? '', served: 0, noShows: 0, avgServiceSeconds: 0 };
    let next = x.status === 'done' ? { ...mine, served: mine.served + 1 } : { ...mine, noShows: mine.noShows + 1 };
    if (x.status === 'done' && x.startedAt && x.finishedAt) {
      // the server's average: done tickets with a start and a finish, in whole seconds
      service = { sum: service.sum + (Date.parse(x.finishedAt) - Date.parse(x.startedAt)) / 1000, n: service.n + 1 };
      next = { ...next, avgServiceSeconds: Math.round(service.sum / service.n) };
    }
    report.value = { ...r, byWindow: [...r.byWindow.filter((w) => w.windowId !== id), next] };
  }
  function drop(id: string) {
    if (!(id in pool.value)) return;
    const { [id]: _gone, ...rest } = pool.value;
    pool.value = rest;
  }
  function applyTicket(x: Ticket) {
    buffered?.push({ ticket: x });
    if (belongs(x)) pool.value = { ...pool.value, [x.id]: x };
    else drop(x.id);
    count(x);
    // served so far counts up from the event, once per ticket (a rating updates a finished ticket again)
    if (x.status === 'done' && live.value && !servedSeen.has(x.id)) {
      servedSeen.add(x.id);
      live.value = { ...live.value, served: live.value.served + 1 };
    }
    if (x.status !== 'waiting') liveStale.value = true;
  }

  /** the booking desk's lists (issue 19; ./desk.ts) */
  const desk = createDeskStore({ now: serverNow, services });

  return {
    lang, t, session, windowId, view, snapshot, connected, skewMs, zoneMin, tick, queues, services, windows, pool, waiting,
    reservationsWaiting, missingReservations, bookingsById, report, ratings, live, liveStale, notice, warnings, pending, serverNow, today, myWindow, myHallWindow,
    role, allowedWindows, policy,
    setWindow, setServerTime, applyWindow, applyTicket,

    setLive(k: LiveKpis) { live.value = k; liveStale.value = false; servedSeen.clear(); },
    setLang(l: Lang) { lang.value = l; persist.set('lang', l); },
    setSession(s: Session | null) {
      session.value = s;
      persist.set('token', s?.token ?? null);
      if (!s) { setWindow(null); snapshot.value = null; view.value = 'caller'; }
    },
    /** a (re)connect's snapshot replaces everything shown before it */
    applySnapshot(s: StateSnapshot) { snapshot.value = s; setServerTime(s.time); },
    applyQueue(q: Pick<QueueState, 'id' | 'waiting' | 'reservationsWaiting'>) {
      patchSnapshot((s) => ({ ...s, queues: s.queues.map((x) => (x.id === q.id ? { ...x, ...q } : x)) }));
    },
    applyHall(e: HallUpdatedEvent) {
      patchSnapshot((s) => ({ ...s, hallName: e.hallName, open: e.open, nextOpenAt: e.nextOpenAt }));
    },
    /** `ticket:called`: the ticket no longer waits anywhere */
    applyCalled(ticketId: string) {
      liveStale.value = true;
      buffered?.push({ calledId: ticketId });
      drop(ticketId);
    },
    /** the answer of a window command: the ticket it acted on, and the window's current ticket */
    applyCommandTicket(x: Ticket) {
      applyTicket(x);
      const w = myWindow.value;
      if (!w || x.windowId !== w.id) {
        if (w?.current?.id === x.id) applyWindow({ ...w, current: null }); // transferred away
        return;
      }
      const active = x.status === 'called' || x.status === 'serving';
      if (active) applyWindow({ ...w, current: x });
      else if (w.current?.id === x.id) applyWindow({ ...w, current: null });
    },
    /** start of a load of the waiting pool: changes from now on are replayed on top of its answer */
    beginPoolLoad() { buffered = []; },
    setPool(list: Ticket[]) {
      const replay = buffered ?? [];
      buffered = null;
      const next: Record<string, Ticket> = {};
      for (const x of list) if (belongs(x)) next[x.id] = x;
      pool.value = next;
      for (const c of replay) {
        if ('calledId' in c) drop(c.calledId);
        else applyTicket(c.ticket);
      }
    },
    setReport(r: DailyReport) {
      report.value = r;
      const mine = r.byWindow.find((w) => w.windowId === windowId.value);
      service = { sum: (mine?.avgServiceSeconds ?? 0) * (mine?.served ?? 0), n: mine?.served ?? 0 };
    },
    /** `evaluation:updated` (and a follow-up's answer): a low rating of today joins the list, a known one is replaced */
    applyEvaluation(e: Evaluation) {
      const list = ratings.value;
      if (!list) return;
      if (list.some((x) => x.id === e.id)) ratings.value = list.map((x) => (x.id === e.id ? e : x));
      else if (e.level <= 2 && e.day === today.value) ratings.value = [e, ...list];
    },
    rememberBookings(list: Booking[]) {
      const next = { ...bookingsById.value };
      for (const b of list) next[b.id] = b;
      bookingsById.value = next;
    },
    say(kind: Notice['kind'], text: string) { notice.value = { kind, text, at: clientNow() }; },
    desk,
  };
}

export type Store = ReturnType<typeof createStore>;
