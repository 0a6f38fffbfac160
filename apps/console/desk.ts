/**
 * The console's booking desk (issue 19): a window's bookings — dispatched and not signed for, to call
 * in advance, no-shows to follow up — loaded once (GET /api/desk) and then kept by `booking:updated`
 * events: a booking moves between the lists as it changes, and onto the follow-up list when slot +
 * forfeitMinutes passes, without asking the server again. The lists mirror the server's rule
 * (server/engine/booking-desk.ts); a reconnect or a new day reloads them.
 */
import { computed, signal, type ReadonlySignal } from '@preact/signals';
import type { Booking, Service } from '../../protocol/domain.js';
import type { ContactOutcome, ContactPurpose, ContactSummary, DeskEntry, DeskWorklist } from '../../protocol/desk.js';
import type { Client } from '../kit/client.js';

export type DeskItem = Omit<DeskEntry, 'booking'> & { booking: Booking };
export interface DeskLists { dispatched: DeskItem[]; toCall: DeskItem[]; followUp: DeskItem[] }
export interface DeskWindowInfo { id: string; queueIds: readonly string[] }

/** a booking's slot start: its date and slot in the hall's offset (the ISO createdAt carries it) */
export const slotStartOf = (b: Booking) => Date.parse(`${b.date}T${b.slot}:00${b.createdAt.slice(-6)}`);

/** Which bookings belong to the window: dispatched to it; else undispatched ones of a service it serves (visits to nobody). */
export function belongs(b: Booking, w: DeskWindowInfo, serviceQueue: ReadonlyMap<string, string>): boolean {
  if (b.kind !== 'window') return false;
  if (b.dispatch) return b.dispatch.windowId === w.id;
  const q = serviceQueue.get(b.serviceId);
  return q !== undefined && w.queueIds.includes(q);
}

/** The three lists at `now` (the server's rule, server/engine/booking-desk.ts, on what the console holds). */
export function deskLists(items: readonly DeskItem[], w: DeskWindowInfo, serviceQueue: ReadonlyMap<string, string>, now: number, forfeitMinutes: number): DeskLists {
  const mine = items.filter((x) => belongs(x.booking, w, serviceQueue));
  const bySlot = (a: DeskItem, b: DeskItem) => slotStartOf(a.booking) - slotStartOf(b.booking);
  const due = (x: DeskItem) => (x.dueBy ? Date.parse(x.dueBy) : slotStartOf(x.booking));
  return {
    dispatched: mine.filter((x) => x.booking.dispatch?.windowId === w.id && !x.booking.dispatch.signedAt
      && (x.booking.status === 'booked' || x.booking.status === 'checked-in')).sort(bySlot),
    toCall: mine.filter((x) => x.booking.status === 'booked' && slotStartOf(x.booking) > now && !x.reached)
      .sort((a, b) => due(a) - due(b) || bySlot(a, b)),
    followUp: mine.filter((x) => (x.booking.status === 'booked' || x.booking.status === 'forfeited') && !x.followedUp
      && slotStartOf(x.booking) + forfeitMinutes * 60_000 <= now).sort(bySlot),
  };
}

export function createDeskStore(deps: { now: ReadonlySignal<number>; services: ReadonlySignal<Service[]> }) {
  /** the window whose lists are held (null before the first load) */
  const windowId = signal<string | null>(null);
  const queueIds = signal<readonly string[]>([]);
  const items = signal<Record<string, DeskItem>>({});
  const forfeitMinutes = signal(30);
  /** the day the lists were loaded for: a new day reloads them */
  const day = signal<string | null>(null);
  const serviceQueue = computed(() => new Map(deps.services.value.map((s) => [s.id, s.queueId])));
  const lists = computed<DeskLists>(() => {
    const id = windowId.value;
    if (!id) return { dispatched: [], toCall: [], followUp: [] };
    // a minute's resolution is enough for slot + 30 min, and spares recomputing every second
    const now = Math.floor(deps.now.value / 60_000) * 60_000;
    return deskLists(Object.values(items.value), { id, queueIds: queueIds.value }, serviceQueue.value, now, forfeitMinutes.value);
  });
  const count = computed(() => lists.value.dispatched.length + lists.value.toCall.length + lists.value.followUp.length);
  return {
    windowId, items, lists, count, day, forfeitMinutes,
    /** a worklist loaded: replaces what was held */
    load(w: DeskWorklist, forWindow: { id: string; queueIds: readonly string[] }, today: string) {
      const next: Record<string, DeskItem> = {};
      for (const e of [...w.dispatched, ...w.toCall, ...w.followUp, ...w.others]) next[e.booking.id] = e;
      windowId.value = forWindow.id;
      queueIds.value = forWindow.queueIds;
      forfeitMinutes.value = w.forfeitMinutes;
      day.value = today;
      items.value = next;
    },
    /** `booking:updated` (or a command's answer): the booking's new state, and the call just recorded */
    apply(e: { booking: Booking; contact?: ContactSummary }) {
      const id = windowId.value;
      if (!id) return;
      const had = items.value[e.booking.id] as DeskItem | undefined;
      if (!had && !belongs(e.booking, { id, queueIds: queueIds.value }, serviceQueue.value)) return;
      const x: DeskItem = had ? { ...had, booking: e.booking } : { reached: false, followedUp: false, booking: e.booking };
      const c = e.contact;
      if (c) {
        x.lastContact = c;
        if (c.purpose === 'advance' && (c.outcome === 'reached' || c.outcome === 'confirmed')) x.reached = true;
        if (c.purpose === 'follow-up') x.followedUp = true;
      }
      items.value = { ...items.value, [e.booking.id]: x };
    },
  };
}

export type DeskStore = ReturnType<typeof createDeskStore>;

/** The desk's commands: each answer is applied to the desk store at once (the socket event then changes nothing). */
export function deskCommands(desk: DeskStore, api: Client) {
  return {
    async loadDesk(w: { id: string; queueIds: readonly string[] }, today: string) {
      desk.load(await api.call('GET /api/desk', { query: { windowId: w.id } }), w, today);
    },
    async sign(id: string) {
      desk.apply(await api.call('POST /api/bookings/:id/sign', { params: { id } }));
    },
    async contact(id: string, purpose: ContactPurpose, outcome: ContactOutcome, note?: string) {
      const out = await api.call('POST /api/bookings/:id/contacts', { params: { id }, body: { purpose, outcome, ...(note ? { note } : {}) } });
      const { note: _n, id: _i, bookingId: _b, ...contact } = out.contact;
      desk.apply({ booking: out.booking, contact });
    },
    dispatch: (id: string, windowId: string) => api.call('POST /api/bookings/:id/dispatch', { params: { id }, body: { windowId } }),
    history: (id: string) => api.call('GET /api/bookings/:id/history', { params: { id } }),
  };
}
