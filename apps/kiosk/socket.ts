/** The one place that talks Socket.IO: feeds the store; the snapshot on every (re)connect comes first. */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, DeviceScanEvent, ServerToClientEvents } from '../../protocol/events.js';
import type { KioskStore } from './store.js';

export function connectKiosk(o: {
  url: string; token: string; store: KioskStore; onScan(e: DeviceScanEvent): void;
}): () => void {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(o.url, {
    auth: { token: o.token }, transports: ['websocket'], reconnectionDelayMax: 5_000,
  });
  const { store } = o;
  socket.on('connect', () => void (store.unauthorized.value = false));
  socket.on('disconnect', () => void (store.connected.value = false));
  socket.on('connect_error', (err) => {
    if (err.message === 'unauthorized') store.unauthorized.value = true;
  });
  socket.on('state:snapshot', (s) => {
    store.applySnapshot(s);
    store.connected.value = true;
  });
  socket.on('queue:updated', (e) => store.applyQueue(e.queue));
  socket.on('device:scan', (e) => o.onScan(e));
  socket.on('print:result', (e) => store.applyPrint(e));
  return () => void socket.close();
}
