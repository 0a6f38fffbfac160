import { describe, expect, it } from 'vitest';
import { connectFeed, RECONNECT, type Link, type SocketLike } from '../../../apps/kit/socket.js';
import type { StateSnapshot } from '../../../protocol/domain.js';

class FakeSocket implements SocketLike {
  connected = false;
  connects = 0;
  closed = false;
  handlers = new Map<string, ((...a: any[]) => void)[]>();
  on(event: string, fn: (...a: any[]) => void) { this.handlers.set(event, [...(this.handlers.get(event) ?? []), fn]); }
  emit(event: string, ...args: unknown[]) { for (const f of this.handlers.get(event) ?? []) f(...args); }
  connect() { this.connects++; }
  close() { this.closed = true; }
}

const snap: StateSnapshot = { time: '2026-11-23T09:00:00+08:00', windows: [], queues: [], recentCalls: [] };
const queue = (waiting: number) => ({ queue: { id: 'qA', waiting, reservationsWaiting: 0 } });

function setup() {
  const socket = new FakeSocket();
  const timers: { fn: () => void; ms: number; cleared: boolean }[] = [];
  const log: string[] = [];
  const links: Link[] = [];
  let opts: Record<string, unknown> = {};
  const feed = connectFeed({
    url: 'http://hall', token: 'tok',
    connect: (_url, o) => { opts = o; return socket; },
    timers: { setTimeout: (fn, ms) => { const t = { fn, ms, cleared: false }; timers.push(t); return t; }, clearTimeout: (h) => void ((h as { cleared: boolean }).cleared = true) },
    onSnapshot: () => log.push('snapshot'),
    onLink: (l) => links.push(l),
    on: {
      'queue:updated': (e) => log.push(`queue ${e.queue.waiting}`),
      'device:scan': (e) => log.push(`scan ${e.value}`),
    },
  });
  return { socket, timers, log, links, feed, opts: () => opts };
}

describe('the kit socket adapter', () => {
  it('connects with the token over websocket', () => {
    const { opts } = setup();
    expect(opts()).toMatchObject({ auth: { token: 'tok' }, transports: ['websocket'] });
  });

  it('tells the server what the screen shows with the token (issue 20: a window screen gets its window only)', () => {
    let opts: Record<string, unknown> = {};
    connectFeed({ url: 'http://hall', token: 'tok', view: { window: 5 }, onSnapshot: () => undefined, connect: (_u, o) => { opts = o; return new FakeSocket(); } });
    expect(opts.auth).toEqual({ window: 5, token: 'tok' });
  });

  it('ignores state events until the snapshot after each (re)connect, then applies them', () => {
    const { socket, log, feed } = setup();
    socket.emit('connect');
    socket.emit('queue:updated', queue(1)); // before the snapshot: it would patch a stale picture
    socket.emit('state:snapshot', snap);
    socket.emit('queue:updated', queue(2));
    expect(feed.fresh()).toBe(true);
    socket.emit('disconnect', 'transport close');
    socket.emit('connect');
    socket.emit('queue:updated', queue(3));
    expect(feed.fresh()).toBe(false);
    socket.emit('state:snapshot', snap);
    socket.emit('queue:updated', queue(4));
    expect(log).toEqual(['snapshot', 'queue 2', 'snapshot', 'queue 4']);
  });

  it('passes a device\'s own messages (a scan) even before the snapshot', () => {
    const { socket, log } = setup();
    socket.emit('connect');
    socket.emit('device:scan', { source: 'qr', value: 'HQ1.x' });
    expect(log).toEqual(['scan HQ1.x']);
  });

  it('reconnects itself 1 s after the server closed the connection (io server disconnect)', () => {
    const { socket, timers, links } = setup();
    socket.emit('connect');
    socket.emit('disconnect', 'io server disconnect');
    expect(links).toEqual(['connecting', 'online', 'offline']);
    expect(timers.map((t) => t.ms)).toEqual([RECONNECT.closedByServerMs]);
    timers[0].fn();
    expect(socket.connects).toBe(1);
  });

  it('leaves transport failures to socket.io\'s own retries', () => {
    const { socket, timers } = setup();
    socket.emit('disconnect', 'transport close');
    socket.emit('connect_error', new Error('websocket error'));
    expect(timers).toEqual([]);
  });

  it('says a refused token is unauthorized and retries slowly (the admin may be re-pairing)', () => {
    const { socket, timers, links } = setup();
    socket.emit('connect_error', new Error('unauthorized'));
    expect(links.at(-1)).toBe('unauthorized');
    expect(timers.map((t) => t.ms)).toEqual([RECONNECT.unauthorizedMs]);
    socket.emit('connect_error', new Error('unauthorized'));
    expect(timers[0].cleared).toBe(true); // one pending retry at a time
    timers[1].fn();
    expect(socket.connects).toBe(1);
  });

  it('close() stops the socket and any pending retry', () => {
    const { socket, timers, feed } = setup();
    socket.emit('disconnect', 'io server disconnect');
    feed.close();
    expect(socket.closed).toBe(true);
    expect(timers[0].cleared).toBe(true);
  });
});
