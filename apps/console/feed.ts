/**
 * The socket adapter: the only module that knows the live connection. It feeds the store, snapshot
 * first on every (re)connect, and asks for a refresh of the window's lists when the hall changes.
 */
import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '../../protocol/events.js';
import type { Store } from './store.js';

export interface Feed { close(): void }

export function connectFeed(store: Store, token: string, onHallChanged: () => void, url = location.origin): Feed {
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(url, { auth: { token }, transports: ['websocket'] });
  socket.on('connect', () => void (store.connected.value = true));
  socket.on('disconnect', () => void (store.connected.value = false));
  socket.on('connect_error', () => void (store.connected.value = false));
  socket.on('state:snapshot', (s) => {
    store.applySnapshot(s);
    onHallChanged();
  });
  socket.on('window:updated', ({ window }) => {
    store.applyWindow(window);
    if (window.id === store.windowId.value) onHallChanged();
  });
  socket.on('queue:updated', ({ queue }) => {
    store.applyQueue(queue);
    onHallChanged();
  });
  socket.on('ticket:issued', () => onHallChanged());
  socket.on('ticket:called', () => onHallChanged());
  return { close: () => void socket.close() };
}
