/**
 * The evaluator pad's composition root (issue 16): pairing from the address → the pad states its
 * window to the server (PUT /api/evaluations/pad) → the kit's socket feed → store → Preact.
 */
import { render } from 'preact';
import { ApiError, createClient } from '../kit/client.js';
import { connectFeed } from '../kit/socket.js';
import { loadSettings } from './settings.js';
import { createPadStore, StoreContext } from './store.js';
import { App } from './ui/App.js';
import './styles.css';

async function main() {
  const settings = loadSettings(location, localStorage, history);
  const api = createClient({ base: location.origin, token: () => settings.token });
  const store = createPadStore({
    windowNo: settings.window, lang: settings.lang, timeoutMs: settings.timeoutMs,
    timers: { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as number) },
    send: async (ticketId, level, reasons) => {
      await api.call('POST /api/evaluations', { body: { ticketId, level, reasons, channel: 'pad', requestId: `pad-${ticketId}` } });
    },
  });
  render(
    <StoreContext.Provider value={store}>
      <App paired={settings.token !== null && settings.window !== null} windowNo={settings.window} />
    </StoreContext.Provider>,
    document.getElementById('app')!,
  );
  if (!settings.token || settings.window === null) return;
  // the pad's window is known to the server before its socket joins that window's room
  for (let wait = 1000; ; wait = Math.min(wait * 2, 15_000)) {
    try {
      await api.call('PUT /api/evaluations/pad', { body: { window: settings.window } });
      store.problem.value = null;
      break;
    } catch (e) {
      // a wrong link (not a display's token, no such window) is said on screen; it is retried, as the admin may fix it
      if (e instanceof ApiError && (e.status === 401 || e.status === 403)) store.link.value = 'unauthorized';
      else if (e instanceof ApiError && e.code === 'window-not-found') store.problem.value = 'noWindow';
      else store.link.value = 'offline';
      console.warn('pad binding failed, retrying', e);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
  connectFeed({
    url: location.origin,
    token: settings.token,
    onSnapshot: (s) => store.snapshot(s),
    onLink: (link) => void (store.link.value = link),
    on: {
      'window:updated': (e) => store.windowUpdated(e.window),
      'hall:updated': (e) => void (store.hallName.value = e.hallName),
      'evaluation:request': (e) => store.requested(e),
    },
  });
}

void main();
