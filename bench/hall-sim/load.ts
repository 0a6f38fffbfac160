/**
 * The load of a busy hall's peak hour, played against the simulated hall over HTTP: 20 kiosks issue
 * walk-in tickets and check booked citizens in; 100 windows call, recall, start, finish, transfer and
 * mark no-shows at a hall's usual ratios. Every request's latency is kept per endpoint; every
 * call-next's send time is kept per ticket so the screens' arrival can be matched to it.
 */
import { SERVICES, WINDOWS } from './hall.js';

export interface Latencies { byEndpoint: Map<string, number[]>; errors: Map<string, number> }

export function latencies(): Latencies { return { byEndpoint: new Map(), errors: new Map() }; }

export interface Api {
  post(endpoint: string, path: string, token: string | null, body: unknown): Promise<{ status: number; body: any }>;
  lat: Latencies;
}

export function api(base: string): Api {
  const lat = latencies();
  return {
    lat,
    async post(endpoint, path, token, body) {
      const t0 = performance.now();
      const send = () => fetch(`${base}/api${path}`, {
        method: 'POST', body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      });
      let res: Response;
      let json: any;
      for (let attempt = 1; ; attempt++) {
        try {
          res = await send();
          json = await res.json();
          break;
        } catch (err) {
          // a connection not made in 10 s (a starved machine: undici's timer, or the server's accept
          // queue) never sent the request, so it is sent again; counted among the refusals
          const code = (err as { cause?: { code?: string } }).cause?.code;
          if (code === 'UND_ERR_CONNECT_TIMEOUT' && attempt < 5) {
            lat.errors.set(`${endpoint} connect timeout (sent again)`, (lat.errors.get(`${endpoint} connect timeout (sent again)`) ?? 0) + 1);
            continue;
          }
          // a soak runs for hours on a shared machine: a request that still fails is counted and
          // reported, and the hall plays on, as a kiosk would with its next citizen
          const key = `${endpoint} network ${code ?? (err as Error).name}`;
          lat.errors.set(key, (lat.errors.get(key) ?? 0) + 1);
          return { status: 0, body: null };
        }
      }
      const ms = performance.now() - t0;
      (lat.byEndpoint.get(endpoint) ?? lat.byEndpoint.set(endpoint, []).get(endpoint)!).push(ms);
      if (res.status >= 400) {
        const key = `${endpoint} ${res.status} ${json?.error?.code ?? ''}`;
        lat.errors.set(key, (lat.errors.get(key) ?? 0) + 1);
      }
      return { status: res.status, body: json };
    },
  };
}

/** a 2xx answer (a network failure is status 0) */
const ok = (r: { status: number }) => r.status >= 200 && r.status < 300;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const jitter = (ms: number) => ms * (0.5 + Math.random());

/** A valid 18-digit ID number for person `n` (GB 11643 check character). */
export function idNumber(n: number): string {
  const first17 = `110101${1950 + Math.floor(n / 1000)}0101${String(n % 1000).padStart(3, '0')}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * w[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

export interface Plan { tickets: number; calls: number; seconds: number; kiosks: string[]; staff: string[]; bookedIds: string[] }

export interface Outcome { issued: number; checkedIn: number; calls: number; recalls: number; transfers: number; noShows: number; finished: number }

/**
 * Plays the plan: kiosks spread their tickets evenly over `seconds`; each window calls, serves for a
 * while and calls again until the hall has made `calls` calls (or `seconds` + 30 s have passed).
 * `onCall(ticketId, sentAt)` is told each first call's send time.
 */
export async function play(a: Api, plan: Plan, onCall: (ticketId: string, sentAt: number) => void): Promise<Outcome> {
  const out: Outcome = { issued: 0, checkedIn: 0, calls: 0, recalls: 0, transfers: 0, noShows: 0, finished: 0 };
  const started = performance.now();
  const perKiosk = Math.ceil(plan.tickets / plan.kiosks.length);
  const gap = (plan.seconds * 1000) / perKiosk;
  const booked = [...plan.bookedIds];
  let n = 0;
  // request ids unique to this play: a soak plays hour after hour, and a kiosk's request id seen before
  // is answered with the ticket it made then (idempotency), so a second hour issued no ticket at all
  const run = Math.random().toString(36).slice(2, 8);

  // An idle window waits for a ticket in one of its queues (its console shows the count rise, from
  // queue:updated) instead of pressing 叫号 again and again: each ticket wakes the window of its queue
  // that has waited longest; a window that hears of nothing looks again after a service time.
  interface Idle { woken: boolean; wake(): void }
  const idle = new Map<string, Idle[]>();
  const wakeOne = (queueId: string | undefined) => {
    const list = queueId ? idle.get(queueId) : undefined;
    while (list?.length) {
      const x = list.shift()!;
      if (!x.woken) { x.woken = true; x.wake(); return; }
    }
  };
  const waitForTicket = (queueIds: string[], maxMs: number) => new Promise<void>((resolve) => {
    const x: Idle = { woken: false, wake: () => { clearTimeout(timer); resolve(); } };
    const timer = setTimeout(() => {
      x.woken = true;
      for (const q of queueIds) { const list = idle.get(q)!; list.splice(list.indexOf(x), 1); }
      resolve();
    }, maxMs);
    for (const q of queueIds) (idle.get(q) ?? idle.set(q, []).get(q)!).push(x);
  });

  const kiosk = async (token: string, k: number) => {
    for (let i = 0; i < perKiosk && n < plan.tickets; i++, n++) {
      const due = started + i * gap + (k * gap) / plan.kiosks.length;
      await sleep(Math.max(0, due - performance.now()));
      const idNumber = i % 10 === 9 ? booked.pop() : undefined;
      if (idNumber) {
        const r = await a.post('POST /api/checkins', '/checkins', token, { idNumber, requestId: `c-${run}-${k}-${i}` });
        if (ok(r)) { out.checkedIn++; wakeOne(r.body?.ticket?.queueId); continue; }
      }
      const service = SERVICES[(k * 7 + i) % SERVICES.length];
      const r = await a.post('POST /api/tickets', '/tickets', token, { serviceId: service.id, requestId: `t-${run}-${k}-${i}` });
      if (ok(r)) { out.issued++; wakeOne(r.body?.ticket?.queueId ?? service.queueId); }
    }
  };

  const deadline = started + (plan.seconds + 30) * 1000;
  const serve = (plan.seconds * 1000 * WINDOWS) / plan.calls; // each window's time per citizen
  const window = async (token: string, w: number) => {
    const at = (action: string) => `/windows/w${w}/${action}`;
    const queueIds = [`q${(w - 1) % 10}`, `q${w % 10}`]; // as hallConfig() assigns them
    await sleep(Math.random() * serve);
    while (out.calls < plan.calls && performance.now() < deadline) {
      const sent = performance.now();
      const r = await a.post('POST /api/windows/:id/call-next', at('call-next'), token, {});
      if (!ok(r) || !r.body.ticket) {
        // nobody waiting: wait for a ticket, then press 叫号 after a moment (2 % of a service time)
        await waitForTicket(queueIds, Math.min(serve, Math.max(0, deadline - performance.now())));
        await sleep(jitter(serve * 0.02));
        continue;
      }
      out.calls++;
      onCall(r.body.ticket.id, sent);
      const roll = Math.random();
      if (roll < 0.1) {
        await sleep(jitter(serve * 0.1));
        await a.post('POST /api/windows/:id/recall', at('recall'), token, {});
        out.recalls++;
      }
      await sleep(jitter(serve * 0.15)); // the citizen walks to the window
      if (roll > 0.95) {
        await a.post('POST /api/windows/:id/no-show', at('no-show'), token, {});
        out.noShows++;
        continue;
      }
      await a.post('POST /api/windows/:id/start', at('start'), token, {});
      await sleep(jitter(serve * 0.75));
      if (roll > 0.9) {
        const queueId = `q${(w + 3) % 10}`;
        const t = await a.post('POST /api/windows/:id/transfer', at('transfer'), token, { queueId });
        out.transfers++;
        if (ok(t)) wakeOne(queueId);
      } else {
        await a.post('POST /api/windows/:id/finish', at('finish'), token, {});
        out.finished++;
      }
    }
  };

  await Promise.all([...plan.kiosks.map(kiosk), ...plan.staff.map((t, i) => window(t, i + 1))]);
  return out;
}
