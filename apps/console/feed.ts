/**
 * The console's live feed: the kit's socket adapter, feeding the store. A snapshot (every connect
 * and reconnect) is followed by one load of what the snapshot does not carry (`onSnapshot`); every
 * later event is applied to the store, so no event makes the console ask the server for anything.
 */
import { connectFeed, type Feed } from '../kit/socket.js';
import type { Store } from './store.js';

export type { Feed };

export function connectConsole(store: Store, token: string, onSnapshot: () => void, url = location.origin): Feed {
  return connectFeed({
    url,
    token,
    onSnapshot: (s) => {
      store.applySnapshot(s);
      onSnapshot();
    },
    onLink: (link) => void (store.connected.value = link === 'online'),
    on: {
      'window:updated': ({ window }) => store.applyWindow(window),
      'queue:updated': ({ queue }) => store.applyQueue(queue),
      'ticket:issued': ({ ticket }) => store.applyTicket(ticket),
      'ticket:updated': ({ ticket }) => store.applyTicket(ticket),
      'ticket:called': ({ ticket }) => store.applyCalled(ticket.id),
      'hall:updated': (e) => store.applyHall(e),
      // a booking changed (issue 19): lists show the store's copy, so nothing is refetched; the desk moves it between its lists
      'booking:updated': (e) => { store.rememberBookings([e.booking]); store.desk.apply(e); },
      'evaluation:updated': ({ evaluation }) => store.applyEvaluation(evaluation),
    },
  });
}
