/** Composition root of the kiosk page: settings → store → client → actions → socket, wedge, idle → render. */
import { render } from 'preact';
import { createClient } from '../kit/client.js';
import { connectFeed } from '../kit/socket.js';
import { loadSettings } from './settings.js';
import { createKioskStore, StoreContext } from './store.js';
import { createActions } from './actions.js';
import { attachWedge } from './wedge.js';
import { attachIdle } from './idle.js';
import { App } from './ui/App.js';
import './kiosk.css';

const settings = loadSettings(location, localStorage, history);
const store = createKioskStore({ lang: settings.lang, idleSeconds: settings.idleSeconds, camera: settings.camera });
const api = createClient({ base: location.origin, token: () => settings.token, onUnauthorized: () => void (store.unauthorized.value = true) });
const actions = createActions(store, api);

if (!settings.token) store.unauthorized.value = true;
else {
  connectFeed({
    url: location.origin,
    token: settings.token,
    onSnapshot: (s) => store.applySnapshot(s),
    onLink: (link) => {
      store.unauthorized.value = link === 'unauthorized';
      if (link !== 'online') store.connected.value = false;
    },
    on: {
      'queue:updated': (e) => store.applyQueue(e.queue),
      'hall:updated': (e) => store.applyHall(e),
      'device:scan': (e) => void actions.scan(e.source, e.value),
      'print:result': (e) => store.applyPrint(e),
    },
  });
  // the catalog rarely changes; a failed load is retried rather than leaving an empty service list
  const load = () => actions.loadCatalog().catch((err: unknown) => {
    console.error('catalog load failed', err);
    setTimeout(load, 5_000);
  });
  void load();
}
attachWedge(window, { gapMs: settings.wedgeGapMs, onScan: (text) => void actions.scan('qr', text) });
attachIdle(window, store);

render(
  <StoreContext.Provider value={store}>
    <App actions={actions} />
  </StoreContext.Provider>,
  document.getElementById('app')!,
);
