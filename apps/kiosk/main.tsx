/** Composition root of the kiosk page: settings → store → api → actions → socket, wedge, idle → render. */
import { render } from 'preact';
import { loadSettings } from './pairing.js';
import { createKioskStore, StoreContext } from './store.js';
import { createApi } from './api.js';
import { createActions } from './actions.js';
import { connectKiosk } from './socket.js';
import { attachWedge } from './wedge.js';
import { attachIdle } from './idle.js';
import { App } from './App.js';
import './kiosk.css';

const settings = loadSettings(location, localStorage, history);
const store = createKioskStore({ lang: settings.lang, idleSeconds: settings.idleSeconds, camera: settings.camera });
const api = createApi(location.origin, settings.token);
const actions = createActions(store, api);

if (!settings.token) store.unauthorized.value = true;
else {
  connectKiosk({ url: location.origin, token: settings.token, store, onScan: (e) => void actions.scan(e.source, e.value) });
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
