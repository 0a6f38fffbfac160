/** Composition root of the admin app: storage → store → typed client → commands → socket feed → components. */
import { effect } from '@preact/signals';
import { render } from 'preact';
import { createClient } from '../kit/client.js';
import { connectFeed, type Feed } from '../kit/socket.js';
import { createCommands } from './commands.js';
import { AppContext } from './context.js';
import { createStore, pageOf } from './store.js';
import { browserPersist, resumeSaved } from '../kit/session.js';
import { App } from './ui/App.js';

const persist = browserPersist('admin');
const store = createStore(persist);
const api = createClient({ base: '', token: () => store.session.value?.token ?? null, onUnauthorized: () => store.setSession(null) });
const cmd = createCommands(store, api);

// the page follows the address (#/people), so the browser's back button and a bookmark work
const follow = () => {
  store.page.value = pageOf(location.hash);
  store.notice.value = null; // a notice belongs to the page it was said on
};
window.addEventListener('hashchange', follow);
follow();

// one live connection per signed-in admin: the hall's name and openness, and the devices' health
let feed: Feed | null = null;
let feedToken: string | null = null;
effect(() => {
  const s = store.session.value;
  const token = s?.user.id && s.user.role === 'admin' ? s.token : null;
  if (token === feedToken) return;
  feed?.close();
  feed = token
    ? connectFeed({
      url: location.origin,
      token,
      onSnapshot: (snap) => {
        if (snap.hallName) store.hallName.value = snap.hallName;
        if (snap.open !== undefined) store.open.value = snap.open;
        if (snap.nextOpenAt !== undefined) store.nextOpenAt.value = snap.nextOpenAt;
      },
      onLink: (link) => void (store.connected.value = link === 'online'),
      on: {
        'device:health': (h) => store.applyHealth(h),
        'hall:updated': (e) => { store.hallName.value = e.hallName; store.open.value = e.open; store.nextOpenAt.value = e.nextOpenAt; },
      },
    })
    : null;
  feedToken = token;
});
effect(() => {
  document.documentElement.lang = store.lang.value === 'en' ? 'en' : 'zh-CN';
  document.title = store.t('appTitle');
});

resumeSaved(persist, cmd);

render(
  <AppContext.Provider value={{ store, cmd }}>
    <App />
  </AppContext.Provider>,
  document.getElementById('app')!,
);
