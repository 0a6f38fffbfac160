/** HTTP to the hall server with the kiosk's token. Refusals become ApiError with the contract's code and details. */
import type { Booking, HallWindow, Queue, Service, Ticket } from '../../protocol/domain.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly details: Record<string, unknown> = {}) {
    super(message);
    this.name = 'ApiError';
  }
}

export type PrintState = 'queued' | 'none';
export interface IssueResult { ticket: Ticket; waitingAhead: number; print: PrintState }
export interface CheckinResult { ticket: Ticket; booking: Booking; alreadyCheckedIn?: boolean; print: PrintState }
export interface HallInfo { hallName: string; open: boolean; nextOpenAt: string | null }

export type CheckinInput = { qr: string } | { idNumber: string };

export interface KioskApi {
  hall(): Promise<HallInfo>;
  queues(): Promise<Queue[]>;
  services(): Promise<Service[]>;
  windows(): Promise<HallWindow[]>;
  issue(serviceId: string): Promise<IssueResult>;
  checkin(input: CheckinInput): Promise<CheckinResult>;
  ticket(id: string): Promise<{ ticket: Ticket; waitingAhead: number }>;
}

/** requestId: the same press retried after a network hiccup never makes a second ticket */
const newRequestId = () => `k-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

export function createApi(base: string, token: string | null, fetchFn: typeof fetch = fetch.bind(globalThis)): KioskApi {
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetchFn(base + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const data = (await res.json().catch(() => null)) as { error?: { code: string; message: string; details?: Record<string, unknown> } } | null;
    if (!res.ok) {
      const e = data?.error;
      throw new ApiError(res.status, e?.code ?? 'network', e?.message ?? res.statusText, e?.details ?? {});
    }
    return data as T;
  }
  return {
    hall: () => call('GET', '/api/public/hall'),
    queues: () => call('GET', '/api/queues'),
    services: () => call('GET', '/api/services'),
    windows: () => call('GET', '/api/windows'),
    issue: (serviceId) => call('POST', '/api/tickets', { serviceId, requestId: newRequestId() }),
    checkin: (input) => call('POST', '/api/checkins', { ...input, requestId: newRequestId() }),
    ticket: (id) => call('GET', `/api/tickets/${encodeURIComponent(id)}`),
  };
}
