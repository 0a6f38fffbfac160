/**
 * server/realtime/socket-writes.ts (issue 20): the events of one batch reach a websocket in one TCP
 * write, whole and in order; without it each event is a write of its own. Real Socket.IO on a real
 * port, a real client; the writes are counted on the server's TCP socket.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { corkBatches, engineConnections, inOneWrite, type EngineConnection } from '../../server/realtime/socket-writes.js';

interface Counted { writes: number }

/** A Socket.IO server whose websockets' TCP writes are counted (each `_write`/`_writev` is one system call's worth). */
async function start(batched: boolean) {
  const http: HttpServer = createServer();
  const io = new Server(http, { serveClient: false });
  const counted: Counted = { writes: 0 };
  io.engine.on('connection', (conn: EngineConnection & { on(e: 'upgrade', f: (t: EngineConnection['transport']) => void): void }) => {
    if (batched) corkBatches(conn.transport as Parameters<typeof corkBatches>[0]);
    const raw = (conn.transport as unknown as { socket: { _socket: Record<'_write' | '_writev', (...args: unknown[]) => unknown> } }).socket._socket;
    for (const m of ['_write', '_writev'] as const) {
      const original = raw[m].bind(raw);
      raw[m] = (...args: unknown[]) => { counted.writes++; return original(...args); };
    }
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const connections = () => engineConnections(io);
  return { io, url, counted, connections, close: () => new Promise<void>((r) => void io.close(() => r())) };
}

describe('socket writes', () => {
  let stop: (() => Promise<void>) | null = null;
  let client: Socket | null = null;
  afterEach(async () => {
    client?.close();
    await stop?.();
  });

  const run = async (batched: boolean) => {
    const s = await start(batched);
    stop = s.close;
    client = connect(s.url, { transports: ['websocket'], reconnection: false });
    await new Promise<void>((r) => client!.once('connect', () => r()));
    await new Promise((r) => setTimeout(r, 50)); // the connect handshake's writes are done
    const got: number[] = [];
    const all = new Promise<void>((r) => client!.on('n', (n: number) => { got.push(n); if (got.length === 5) r(); }));
    s.counted.writes = 0;
    const emit = () => { for (let n = 1; n <= 5; n++) s.io.emit('n', n); };
    if (batched) inOneWrite(s.connections(), emit);
    else emit();
    await all;
    return { got, writes: s.counted.writes };
  };

  it('five events of one batch go to a socket in one write, all of them, in order', async () => {
    const { got, writes } = await run(true);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(writes).toBe(1);
  });

  it('without it, the same five events take more than one write', async () => {
    const { got, writes } = await run(false);
    expect(got).toEqual([1, 2, 3, 4, 5]);
    expect(writes).toBeGreaterThan(1);
  });
});
