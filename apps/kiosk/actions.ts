/**
 * What a citizen's press or scan does: one request, then the screen that answers it.
 *
 * One `requestId` per citizen action: a retry (automatic after a lost answer, or the citizen pressing
 * the same thing again) sends the same id, so the server answers with the ticket it already made
 * instead of issuing a second one. The id is dropped once the server answered (a ticket or a
 * refusal) or the kiosk went back home (the next citizen's press is a new action).
 */
import { effect } from '@preact/signals';
import { normalizeIdNumber } from '../../protocol/identity.js';
import { ApiError, type Client } from '../kit/client.js';
import type { KioskStore } from './store.js';

export type CheckinInput = { qr: string } | { idNumber: string } | { code: string };

/** a lost answer is retried once, this much later, before the citizen is told */
export const RETRY_AFTER_MS = 700;

const lostAnswer = (e: unknown) => e instanceof ApiError && (e.status === 0 || e.status >= 500);

export function createActions(store: KioskStore, api: Client, opts: { newId?: () => string; sleep?: (ms: number) => Promise<void> } = {}) {
  const newId = opts.newId ?? (() => `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let inFlight = false;
  /** the action whose answer was lost: the same action again reuses its id */
  let unanswered: { key: string; requestId: string } | null = null;
  effect(() => {
    if (store.screen.value.name === 'home') unanswered = null;
  });

  /** sends `send(requestId)`, retrying once with the same id when the answer was lost */
  async function once<T>(key: string, send: (requestId: string) => Promise<T>): Promise<T> {
    const requestId = unanswered?.key === key ? unanswered.requestId : newId();
    unanswered = { key, requestId };
    let out: T;
    try {
      out = await send(requestId);
    } catch (e) {
      if (!lostAnswer(e)) { unanswered = null; throw e; }
      await sleep(RETRY_AFTER_MS);
      try {
        out = await send(requestId);
      } catch (e2) {
        if (!lostAnswer(e2)) unanswered = null;
        throw e2;
      }
    }
    unanswered = null;
    return out;
  }

  async function run(work: () => Promise<void>): Promise<void> {
    if (inFlight) return; // a double tap or a second scan while the first is answered
    inFlight = true;
    store.go({ name: 'busy' });
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError && err.status !== 0) store.go({ name: 'refusal', code: err.code, message: err.message, details: err.details });
      else {
        // the request never reached the server: say so plainly, never a blank screen
        console.error('kiosk request failed', err);
        const keep = unanswered; // going to the refusal screen is not going home: a retry reuses the id
        store.go({ name: 'refusal', code: 'network', message: '网络连接失败，请稍后再试', details: {} });
        unanswered = keep;
      }
    } finally {
      inFlight = false;
    }
  }

  return {
    walkIn(serviceId: string) {
      return run(async () => {
        const r = await once(`ticket:${serviceId}`, (requestId) => api.call('POST /api/tickets', { body: { serviceId, requestId } }));
        store.go({ name: 'ticket', shownAt: Date.now(), ticket: r.ticket, waitingAhead: r.waitingAhead, print: r.print });
      });
    },
    checkin(input: CheckinInput) {
      return run(async () => {
        const key = 'qr' in input ? `qr:${input.qr}` : 'code' in input ? `code:${input.code}` : `id:${input.idNumber}`;
        const r = await once(key, (requestId) => api.call('POST /api/checkins', { body: { ...input, requestId } }));
        // the check-in answer has no count; the ticket view has (a failure there must not hide the ticket)
        const ahead = await api.call('GET /api/tickets/:id', { params: { id: r.ticket.id } }).then((v) => v.waitingAhead, () => 0);
        store.go({ name: 'ticket', shownAt: Date.now(), ticket: r.ticket, waitingAhead: ahead, print: r.print, booking: r.booking, alreadyCheckedIn: r.alreadyCheckedIn });
      });
    },
    /** A scan from any source: an ID number (card reader, or a wedge scanner reading one) or a booking QR. */
    scan(source: 'qr' | 'idcard', value: string) {
      store.touch();
      const id = normalizeIdNumber(value);
      if (source === 'idcard' || id) return this.checkin({ idNumber: id ?? value.trim() });
      return this.checkin({ qr: value.trim() });
    },
    async loadCatalog() {
      const [queues, services, windows] = await Promise.all([
        api.call('GET /api/queues'), api.call('GET /api/services'), api.call('GET /api/windows'),
      ]);
      store.queues.value = [...queues].sort((a, b) => a.sortOrder - b.sortOrder);
      store.services.value = services;
      store.windows.value = windows;
    },
  };
}

export type KioskActions = ReturnType<typeof createActions>;
