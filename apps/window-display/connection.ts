/**
 * The socket adapter: connects with the display's token, feeds the store, and hands each call to
 * `onCall` (the announcer). Reconnects for ever: socket.io retries transport failures itself; a
 * server that closed us ("io server disconnect", e.g. during a restart) or refused the token is
 * retried here. On every (re)connect the server's `state:snapshot` replaces the store.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents, TicketCalledEvent } from '../../protocol/events.js';
import type { DisplayStore } from './store.js';

const RETRY_CLOSED_MS = 1_000;
/** a refused token: retry slowly, the admin may be re-pairing this screen */
const RETRY_UNAUTHORIZED_MS = 15_000;

export function connectDisplay(opts: { url: string; token: string; store: DisplayStore; onCall(e: TicketCalledEvent): void }) {
  const { store } = opts;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(opts.url, {
    auth: { token: opts.token },
    transports: ['websocket'],
    reconnectionDelay: 500,
    reconnectionDelayMax: 3_000,
  });
  let retry: ReturnType<typeof setTimeout> | null = null;
  const later = (ms: number) => {
    if (retry) clearTimeout(retry);
    retry = setTimeout(() => { retry = null; if (!socket.connected) socket.connect(); }, ms);
  };

  socket.on('connect', () => store.connected());
  socket.on('disconnect', (reason) => {
    store.disconnected();
    if (reason === 'io server disconnect') later(RETRY_CLOSED_MS);
  });
  socket.on('connect_error', (err) => {
    if (err.message === 'unauthorized') {
      store.disconnected('unauthorized');
      later(RETRY_UNAUTHORIZED_MS);
    } else store.disconnected();
  });
  socket.on('state:snapshot', (s) => store.replace(s));
  socket.on('ticket:called', (e) => {
    // an event before the snapshot would patch a stale picture; the snapshot already has it
    if (!store.fresh.value) return;
    store.called(e);
    opts.onCall(e);
  });
  socket.on('window:updated', (e) => { if (store.fresh.value) store.windowUpdated(e.window); });
  socket.on('queue:updated', (e) => { if (store.fresh.value) store.queueUpdated(e.queue); });

  return {
    close() {
      if (retry) clearTimeout(retry);
      socket.close();
    },
  };
}
