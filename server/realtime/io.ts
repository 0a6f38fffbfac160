/**
 * Socket.IO: a token is required to connect; right after connecting a client gets `state:snapshot`;
 * hall events go to rooms by role. Public screens never receive personal data (no event carries any),
 * `ticket:issued` and `ticket:updated` go to staff and admins only, `device:scan` and `print:result` to one kiosk.
 *
 * Each socket gets only what it shows (issue 20, docs/contract.md "Who receives what"): a lobby screen,
 * a lead's and an admin's connection the whole hall (`hall`); a window's screen (a display connected with
 * `auth.window` = its number) and an evaluator pad their window's call and state (`screen:<window>`); a
 * kiosk the queue counts (`counts`); a staff member's console the events of their windows and of the
 * queues those windows serve. Everything but a call is sent in batches of at most BATCH_MS, one
 * `queue:updated` per queue per batch with its latest counts, all a socket gets in a batch in one write.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { Ticket } from '../../protocol/domain.js';
import type { ClientToServerEvents, DeviceHealth, DeviceScanEvent, PrintResultEvent, ServerToClientEvents } from '../../protocol/events.js';
import type { Actor } from '../hall.js';
import type { ServerContext } from '../http/context.js';
import { sha256 } from '../auth/auth.js';
import type { Logger } from 'pino';
import type { AgentHub } from './agent-hub.js';
import { attachAgents } from './agents.js';
import { corkBatches, engineConnections, inOneWrite } from './socket-writes.js';

interface SocketData { actor: Actor; tokenHash: string }

/** How often every socket's token is checked again (an expired token's socket is dropped within this). */
export const RECHECK_MS = 60_000;

/**
 * A socket's send buffer bound (issue 13 item 13): a client that stops reading (a frozen tab, a
 * screen on a dying link) while its TCP connection and pings live would make the server keep every
 * event for it. Past this many bytes waiting it is dropped; it reconnects and reloads the snapshot.
 * The hall's snapshot is a few tens of kB, so a reading client never comes near.
 */
export const SEND_BUFFER_LIMIT = 1024 * 1024;
/** how often every socket's buffer is measured besides right after each burst of events */
export const SHED_CHECK_MS = 2_000;

/** What engine.io holds for a socket, not yet on the wire, and what the websocket has not yet written to TCP. */
interface EngineConn {
  writeBuffer: { data?: unknown }[];
  transport?: { name: string; socket?: { bufferedAmount?: number; terminate?: () => void } };
  close(discard?: boolean): void;
}

/** Bytes waiting to go to one client: engine.io's packet queue plus the websocket's own buffer. */
export function bufferedBytes(conn: EngineConn): number {
  let bytes = 0;
  for (const p of conn.writeBuffer) {
    if (typeof p.data === 'string') bytes += p.data.length;
    else if (p.data && typeof (p.data as ArrayBufferLike).byteLength === 'number') bytes += (p.data as ArrayBufferLike).byteLength;
  }
  const ws = conn.transport?.name === 'websocket' ? conn.transport.socket : undefined;
  return bytes + (ws?.bufferedAmount ?? 0);
}

export type HallIo = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

const kioskRoom = (name: string) => `kiosk:${name}`;
const padRoom = (windowId: string) => `pad:${windowId}`;
/** everything public: lobby screens, leads' and admins' connections, any other kind of client */
const HALL = 'hall';
/** staff events of the whole hall (leads, admins) */
const STAFF_ALL = 'staff:all';
/** kiosks: queue counts */
const COUNTS = 'counts';
/** a window's screen (window mode) or evaluator pad */
const screenRoom = (windowId: string) => `screen:${windowId}`;
/** a staff member's console: their windows, and the queues those windows serve */
const staffWindowRoom = (windowId: string) => `staff:window:${windowId}`;
const staffQueueRoom = (queueId: string) => `staff:queue:${queueId}`;

/**
 * Every event but `ticket:called` is sent in batches, at most this many ms after it happened; a
 * batch carries each queue's `queue:updated` once, with its latest counts.
 */
export const BATCH_MS = 25;

export interface Timers { setTimeout(fn: () => void, ms: number): unknown }

/**
 * Keeps the latest value per key and sends each key's latest once, `ms` after the first change of a
 * burst: a burst of issues sends one `queue:updated` per queue, not one per ticket.
 */
export function createCoalescer<T>(send: (key: string, value: T) => void, ms: number, timers: Timers = { setTimeout: (f, t) => setTimeout(f, t) }) {
  const latest = new Map<string, T>();
  let queued = false;
  const flush = () => {
    queued = false;
    const batch = [...latest];
    latest.clear();
    for (const [k, v] of batch) send(k, v);
  };
  return {
    put(key: string, value: T) {
      latest.set(key, value);
      if (queued) return;
      queued = true;
      timers.setTimeout(flush, ms);
    },
    /** sends what is waiting now (closing) */
    flush,
  };
}

/** `agents`: the kiosk PCs' device agents, served on the `/agent` namespace (server/realtime/agents.ts) */
export function attachRealtime(http: HttpServer, ctx: ServerContext, agents?: { hub: AgentHub; log: Logger }) {
  const seen = (id: string) => {
    try {
      ctx.hall.people.deviceSeen(id);
    } catch (err) {
      if (!ctx.storage.failed(err)) ctx.log.warn({ err, device: id }, 'could not record when a device was last seen');
    }
  };
  const io: HallIo = new Server(http, { serveClient: false, cors: { origin: false }, pingInterval: 10_000, pingTimeout: 8_000 });
  // a socket's queued events in one TCP write (socket-writes.ts), for a websocket from the start or after an upgrade
  io.engine.on('connection', (conn: { transport: Parameters<typeof corkBatches>[0]; on(e: 'upgrade', f: (t: Parameters<typeof corkBatches>[0]) => void): void }) => {
    corkBatches(conn.transport);
    conn.on('upgrade', (t) => corkBatches(t));
  });

  const resolve = (token: unknown): SocketData | null => {
    const tokenHash = typeof token === 'string' ? sha256(token) : '';
    const actor = tokenHash ? ctx.hall.people.resolveToken(tokenHash) : null;
    return actor ? { actor, tokenHash } : null;
  };
  io.use((socket, next) => {
    const who = resolve((socket.handshake.auth as { token?: unknown })?.token);
    if (!who) return next(new Error('unauthorized'));
    socket.data.actor = who.actor;
    socket.data.tokenHash = who.tokenHash;
    next();
  });

  /** the rooms of a socket's hall events: what its client shows (see the header) */
  const viewRooms = (a: Actor, pad: string | null, windowNo: unknown): string[] => {
    if (a.role === 'lead' || a.role === 'admin') return [HALL, STAFF_ALL];
    if (a.role === 'staff') {
      const mine = new Set(a.windowIds ?? []);
      const windows = ctx.hall.windows().filter((w) => mine.has(w.id));
      return [...windows.map((w) => staffWindowRoom(w.id)), ...new Set(windows.flatMap((w) => w.queueIds.map(staffQueueRoom)))];
    }
    if (a.role === 'kiosk') return [COUNTS];
    if (pad) return [screenRoom(pad)];
    if (a.role === 'display' && windowNo != null) {
      const w = ctx.hall.windows().find((x) => x.number === Number(windowNo));
      if (w) return [screenRoom(w.id)];
    }
    return [HALL];
  };

  io.on('connection', (socket) => {
    const a = socket.data.actor;
    if (a.role === 'staff' || a.role === 'lead' || a.role === 'admin') void socket.join('staff');
    if (a.role === 'admin' || a.role === 'lead') void socket.join('admin');
    if (a.role === 'kiosk' && a.name) void socket.join(kioskRoom(a.name));
    // an evaluator pad (a display bound to a window, PUT /api/evaluations/pad) hears its window's requests
    const pad = a.role === 'display' ? ctx.hall.evaluations.padWindow(a.id) : null;
    if (pad) void socket.join(padRoom(pad));
    void socket.join(viewRooms(a, pad, (socket.handshake.auth as { window?: unknown })?.window));
    if (a.kind === 'device') {
      ctx.presence.add(a.id);
      seen(a.id);
      socket.on('disconnect', () => {
        ctx.presence.remove(a.id);
        seen(a.id);
      });
    }
    // snapshot first: a (re)connected client replaces whatever it showed with this
    socket.emit('state:snapshot', ctx.hall.snapshot());
  });

  const bus = ctx.hall.events;
  const scan = (kioskName: string, e: DeviceScanEvent) => void io.to(kioskRoom(kioskName)).emit('device:scan', e);
  const agentNsp = agents
    ? attachAgents(io, { ...agents, resolve, scan, now: () => ctx.hall.now() })
    : null;

  /**
   * Sockets whose access ended (sign-out, a revoked device, a deactivated user, a reset password,
   * an expired token) are dropped at once; one whose role or windows changed reconnects as who it
   * is now. `only` narrows the check to one principal or one token.
   */
  const recheck = (only?: { principalId: string | null; tokenHash: string | null }) => {
    for (const socket of [...io.of('/').sockets.values(), ...(agentNsp?.sockets.values() ?? [])]) {
      const { actor, tokenHash } = socket.data;
      if (only?.principalId && actor.id !== only.principalId) continue;
      if (only?.tokenHash && tokenHash !== only.tokenHash) continue;
      const now = ctx.hall.people.resolveToken(tokenHash);
      if (!now || now.role !== actor.role || String(now.windowIds) !== String(actor.windowIds)) socket.disconnect(true);
    }
  };
  bus.on('access:revoked', (e) => recheck(e));
  const sweep = setInterval(() => recheck(), RECHECK_MS);
  sweep.unref();

  /**
   * Drops every socket whose send buffer is past SEND_BUFFER_LIMIT. A websocket is terminated (its
   * TCP connection destroyed at once, so what it held is freed; a polite close would wait behind the
   * very data it cannot take); a polling one is closed discarding its queue.
   */
  const shed = () => {
    // device agents too (issue 18): a frozen kiosk PC must not make the server keep its print jobs
    for (const socket of [...io.of('/').sockets.values(), ...(agentNsp?.sockets.values() ?? [])]) {
      const conn = socket.conn as unknown as EngineConn;
      const bytes = bufferedBytes(conn);
      if (bytes <= SEND_BUFFER_LIMIT) continue;
      const a = socket.data.actor;
      ctx.log.warn({ kind: a?.kind, role: a?.role, name: a?.name, bufferedBytes: bytes, transport: conn.transport?.name },
        'socket dropped: it fell behind (it reloads the snapshot when it reconnects)');
      const ws = conn.transport?.name === 'websocket' ? conn.transport.socket : undefined;
      if (ws?.terminate) ws.terminate();
      else conn.close(true);
    }
  };
  let shedQueued = false;
  /** after a burst of events (one command's), once */
  const shedSoon = () => {
    if (shedQueued) return;
    shedQueued = true;
    setImmediate(() => { shedQueued = false; shed(); });
  };
  const shedTimer = setInterval(shed, SHED_CHECK_MS);
  shedTimer.unref();

  // measured again after the hall's events of a command (and by the timer for everything else)
  for (const event of ['ticket:called', 'window:updated', 'queue:updated', 'ticket:issued'] as const) bus.on(event, shedSoon);

  /**
   * Everything but a call is sent in batches, at most BATCH_MS after it happened and in the order it
   * happened: a call's frames are written to every screen (and the command's answer to its console)
   * before anything else of the command, so no screen reads a window's state or a ticket's change
   * ahead of the call; and all a socket gets in one batch goes out in one TCP write (issue 20).
   */
  const later: (() => void)[] = [];
  const runLater = () => {
    const batch = later.splice(0);
    try {
      inOneWrite(engineConnections(io), () => {
        for (const f of batch) {
          try { f(); } catch (err) { ctx.log.error({ err }, 'socket event failed'); }
        }
      });
    } catch (err) {
      ctx.log.error({ err }, 'socket events could not be written'); // a timer's callback must never throw
    }
    shedSoon();
  };
  let batchTimer: NodeJS.Timeout | undefined;
  const after = (f: () => void) => {
    later.push(f);
    if (later.length === 1) batchTimer = setTimeout(runLater, BATCH_MS);
  };
  // each event once per broadcast, to the union of the rooms that show it
  bus.on('ticket:called', (e) => void io.to([HALL, screenRoom(e.window.id), staffWindowRoom(e.window.id), staffQueueRoom(e.ticket.queueId), STAFF_ALL]).emit('ticket:called', e));
  bus.on('window:updated', (e) => after(() => void io.to([HALL, screenRoom(e.window.id), staffWindowRoom(e.window.id), STAFF_ALL]).emit('window:updated', e)));
  // the latest counts of each queue changed since the last batch, sent in the next one
  const queues = createCoalescer<{ id: string; waiting: number; reservationsWaiting: number }>((id, queue) => {
    io.to([HALL, COUNTS, staffQueueRoom(id), STAFF_ALL]).emit('queue:updated', { queue });
  }, BATCH_MS, { setTimeout: (f) => after(f) });
  bus.on('queue:updated', (e) => queues.put(e.queue.id, e.queue));
  /** a ticket's staff rooms: its queue's, the window holding it, the window it was transferred to */
  const ticketRooms = (t: Ticket) => {
    const rooms = [STAFF_ALL, staffQueueRoom(t.queueId)];
    if (t.windowId) rooms.push(staffWindowRoom(t.windowId));
    if (t.targetWindowId) rooms.push(staffWindowRoom(t.targetWindowId));
    return rooms;
  };
  bus.on('ticket:issued', (e) => after(() => void io.to(ticketRooms(e.ticket)).emit('ticket:issued', { ticket: e.ticket })));
  bus.on('ticket:updated', (e) => after(() => void io.to(ticketRooms(e.ticket)).emit('ticket:updated', { ticket: e.ticket })));
  bus.on('booking:updated', (e) => after(() => void io.to('staff').emit('booking:updated', { booking: e.booking, ...(e.contact ? { contact: e.contact } : {}) })));
  // with the notices, which a settings change may have changed: no screen asks for them (issue 20)
  bus.on('hall:updated', (e) => after(() => void io.emit('hall:updated', { ...e, notices: [...ctx.hall.settings.notices] })));
  bus.on('evaluation:request', (e) => void io.to(padRoom(e.window.id)).emit('evaluation:request', e));
  // who may read ratings (evaluation.read: leads, admins)
  bus.on('evaluation:updated', (e) => void io.to(STAFF_ALL).emit('evaluation:updated', { evaluation: e.evaluation }));

  return {
    io,
    scan,
    printResult(kioskName: string, e: PrintResultEvent) {
      io.to(kioskRoom(kioskName)).emit('print:result', e);
    },
    health(h: DeviceHealth) {
      io.to('admin').emit('device:health', h);
    },
    close: () => new Promise<void>((resolve) => {
      clearTimeout(batchTimer);
      runLater();
      queues.flush();
      clearInterval(sweep);
      clearInterval(shedTimer);
      io.close(() => resolve());
    }),
  };
}

export type Realtime = ReturnType<typeof attachRealtime>;
