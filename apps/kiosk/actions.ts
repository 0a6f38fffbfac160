/** What a citizen's press or scan does: one request, then the screen that answers it. */
import { normalizeIdNumber } from '../../protocol/identity.js';
import { ApiError, type CheckinInput, type KioskApi } from './api.js';
import type { KioskStore } from './store.js';

export function createActions(store: KioskStore, api: KioskApi) {
  let inFlight = false;

  async function run(work: () => Promise<void>): Promise<void> {
    if (inFlight) return; // a double tap or a second scan while the first is answered
    inFlight = true;
    store.go({ name: 'busy' });
    try {
      await work();
    } catch (err) {
      if (err instanceof ApiError) store.go({ name: 'refusal', code: err.code, message: err.message, details: err.details });
      else {
        // the request never reached the server: say so plainly, never a blank screen
        console.error('kiosk request failed', err);
        store.go({ name: 'refusal', code: 'network', message: '网络连接失败，请稍后再试', details: {} });
      }
    } finally {
      inFlight = false;
    }
  }

  return {
    walkIn(serviceId: string) {
      return run(async () => {
        const r = await api.issue(serviceId);
        store.go({ name: 'ticket', shownAt: Date.now(), ticket: r.ticket, waitingAhead: r.waitingAhead, print: r.print });
      });
    },
    checkin(input: CheckinInput) {
      return run(async () => {
        const r = await api.checkin(input);
        // the check-in answer has no count; the ticket view has (a failure there must not hide the ticket)
        const ahead = await api.ticket(r.ticket.id).then((v) => v.waitingAhead, () => 0);
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
      const [queues, services, windows] = await Promise.all([api.queues(), api.services(), api.windows()]);
      store.queues.value = [...queues].sort((a, b) => a.sortOrder - b.sortOrder);
      store.services.value = services;
      store.windows.value = windows;
    },
  };
}

export type KioskActions = ReturnType<typeof createActions>;
