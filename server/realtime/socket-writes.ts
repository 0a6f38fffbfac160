/**
 * Fewer system calls per event (issue 20). A profile of the whole-hall simulation (bench/hall-sim.ts:
 * 400 sockets, a peak hour compressed 40-fold) spent 35–40 % of the server's main-thread time inside
 * `writev`: every event was its own TCP write to every socket that shows it.
 *
 * - `corkBatches`: while a websocket's previous write is on its way, engine.io queues the events that
 *   follow and then hands them to the transport together; the transport sends them one by one and
 *   `ws` writes each frame on its own. Corking the TCP socket around that batch makes it one write.
 * - `inOneWrite`: the events of one batch (io.ts sends everything but a call in batches) are queued
 *   for every websocket that is free to write, then each socket's queue goes out as one batch, so one
 *   write carries all a screen gets in it.
 * The bytes, their order and every callback are unchanged.
 */

interface RawSocket { cork(): void; uncork(): void }
/** what engine.io's websocket transport has at run time (its typings do not show `socket`) */
interface Transport { name: string; writable: boolean; send(packets: unknown[]): void; socket?: { _socket?: RawSocket } }
/** an engine.io connection: its transport, and the flush that sends what it queued */
export interface EngineConnection { transport: Transport; flush(): void }

const CORKED = Symbol('hallq.corked');

/** Every engine.io connection of a Socket.IO server (all namespaces share them). */
export function engineConnections(io: { engine: unknown }): EngineConnection[] {
  return Object.values((io.engine as { clients: Record<string, EngineConnection> }).clients);
}

/** Makes a websocket transport write each batch it is given in one system call; other transports are left alone. */
export function corkBatches(transport: Transport & { [CORKED]?: true }): void {
  if (transport.name !== 'websocket' || transport[CORKED]) return;
  transport[CORKED] = true;
  const send = transport.send.bind(transport);
  transport.send = (packets) => {
    const raw = transport.socket?._socket;
    if (!raw || packets.length < 2) return send(packets);
    raw.cork();
    try {
      send(packets);
    } finally {
      raw.uncork();
    }
  };
}

/**
 * Runs `emit` with the writes of every websocket that is free to write held back (engine.io queues
 * what a transport that is not writable gets), then lets each go and flushes its queue as one batch.
 * A socket whose previous write is still on its way is not touched: its queue goes when that ends.
 */
export function inOneWrite(connections: Iterable<EngineConnection>, emit: () => void): void {
  const held: EngineConnection[] = [];
  for (const c of connections) {
    if (c.transport?.name !== 'websocket' || !c.transport.writable) continue;
    c.transport.writable = false;
    held.push(c);
  }
  try {
    emit();
  } finally {
    // every held socket is let go, even when one of them fails to flush (the first failure is thrown after)
    let failure: unknown = null;
    for (const c of held) {
      c.transport.writable = true;
      try {
        c.flush();
      } catch (err) {
        failure ??= err;
      }
    }
    if (failure) throw failure;
  }
}
