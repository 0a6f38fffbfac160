/**
 * The apps' one socket adapter: the only module that knows Socket.IO. It connects with a token and
 * hands the app a `state:snapshot` first: every state event that arrives before a fresh snapshot
 * (after a connect or a reconnect) is ignored, because it would patch a stale picture the snapshot
 * already contains. Per-device messages (a scan, a print outcome) pass at any time.
 *
 * One reconnect policy for every screen: transport failures are retried by socket.io itself
 * (0.5 s, backing off to 3 s); a server that closed us ('io server disconnect', e.g. a restart) is
 * retried after 1 s; a refused token after 15 s (the admin may be re-pairing the device).
 */
import { io } from 'socket.io-client';
import type { StateSnapshot } from '../../protocol/domain.js';
import type { ServerToClientEvents } from '../../protocol/events.js';

export type Link = 'connecting' | 'online' | 'offline' | 'unauthorized';

type Payload<E extends keyof ServerToClientEvents> = Parameters<ServerToClientEvents[E]>[0];
export type EventName = Exclude<keyof ServerToClientEvents, 'state:snapshot'>;
export type Handlers = { [E in EventName]?: (payload: Payload<E>) => void };

/** events meant for this device, not the hall's state: never held back for a snapshot */
const DEVICE_EVENTS: ReadonlySet<EventName> = new Set(['device:scan', 'print:result', 'evaluation:request']);

export const RECONNECT = { delayMs: 500, delayMaxMs: 3_000, closedByServerMs: 1_000, unauthorizedMs: 15_000 } as const;

/** What the adapter needs of a socket.io-client socket (a fake one in unit tests). */
export interface SocketLike {
  readonly connected: boolean;
  on(event: string, fn: (...args: any[]) => void): unknown;
  connect(): unknown;
  close(): unknown;
}
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface FeedOptions {
  url: string;
  token: string;
  onSnapshot(snapshot: StateSnapshot): void;
  on?: Handlers;
  /** what the screen shows, sent with the token so the server sends it only that (e.g. `{ window: 5 }`: one window's screen) */
  view?: Record<string, string | number>;
  /** the link changed (a screen shows it, and drops the flash of a call it can no longer vouch for) */
  onLink?(link: Link): void;
  /** tests: a fake socket and timers */
  connect?: (url: string, opts: Record<string, unknown>) => SocketLike;
  timers?: Timers;
}

export interface Feed {
  /** a snapshot has arrived since the last (re)connect */
  fresh(): boolean;
  close(): void;
}

const defaultConnect = (url: string, opts: Record<string, unknown>) => io(url, opts) as unknown as SocketLike;
const defaultTimers: Timers = { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) };

export function connectFeed(o: FeedOptions): Feed {
  const timers = o.timers ?? defaultTimers;
  const socket = (o.connect ?? defaultConnect)(o.url, {
    auth: { ...o.view, token: o.token },
    transports: ['websocket'],
    reconnectionDelay: RECONNECT.delayMs,
    reconnectionDelayMax: RECONNECT.delayMaxMs,
  });
  let fresh = false;
  let closed = false;
  let retry: unknown = null;
  const link = (l: Link) => o.onLink?.(l);
  const later = (ms: number) => {
    if (retry !== null) timers.clearTimeout(retry);
    retry = timers.setTimeout(() => {
      retry = null;
      if (!closed && !socket.connected) socket.connect();
    }, ms);
  };

  link('connecting');
  socket.on('connect', () => {
    fresh = false; // the snapshot that follows every connect comes first
    link('online');
  });
  socket.on('disconnect', (reason: string) => {
    fresh = false;
    link('offline');
    if (reason === 'io server disconnect' && !closed) later(RECONNECT.closedByServerMs);
  });
  socket.on('connect_error', (err: Error) => {
    fresh = false;
    if (err?.message === 'unauthorized') {
      link('unauthorized');
      later(RECONNECT.unauthorizedMs);
    } else link('offline');
  });
  socket.on('state:snapshot', (s: StateSnapshot) => {
    fresh = true;
    o.onSnapshot(s);
  });
  for (const [name, handler] of Object.entries(o.on ?? {}) as [EventName, (p: unknown) => void][]) {
    socket.on(name, (payload: unknown) => {
      if (fresh || DEVICE_EVENTS.has(name)) handler(payload);
    });
  }

  return {
    fresh: () => fresh,
    close() {
      closed = true;
      if (retry !== null) timers.clearTimeout(retry);
      socket.close();
    },
  };
}
